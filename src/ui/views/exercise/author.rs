//! Authoring: a trainer turns the current scenario into an exercise — side, decision moments,
//! scoring weights, and the title, briefing, teaching goal and debrief questions in English and
//! Dutch — tries it, and shares it as a link that opens straight into the briefing, or as a file.

use crate::text::names;
use crate::text::Problem;
use leptos::prelude::*;

use crate::ui::platform::clipboard;

use super::draft::{Draft, Words};
use super::state::{lang_code, link, ExCtx};
use crate::sim::exercise::{default_menu, Exercise, Side};
use crate::text::Strings;
use crate::ui::app::state::{t, use_state};
use crate::ui::platform::download::download_text;

/// Futures the authoring view checks a trainer's best path over: enough to tell a real
/// difference from luck, few enough to answer at once on the page.
const AUTHOR_FUTURES: u32 = 60;

/// The authoring view.
#[component]
pub fn AuthorView() -> impl IntoView {
    let ctx = expect_context::<ExCtx>();
    let state = use_state();
    let draft = ctx.draft;
    let built = Memo::new(move |_| {
        let ex = draft.with(|d| state.scenario.with(|s| d.exercise(s)));
        let problem = ex.validate().err().map(|e| e.to_string());
        (ex, problem)
    });
    // The claim every exercise with a best path makes: it scores no less than carrying on, on
    // the mean over futures (checked like the built-in exercises' claims, on fewer futures).
    let best_check = Memo::new(move |_| {
        built.with(|(ex, problem)| {
            (problem.is_none() && !ex.best_path.is_empty()).then(|| {
                let c = &ex.check(&[Exercise::best_beats_carrying_on()], AUTHOR_FUTURES)[0];
                (c.holds, c.outcomes[0].score, c.outcomes[1].score)
            })
        })
    });
    let shown = RwSignal::new(None::<String>);
    let num = move |label: fn(&Strings) -> &'static str,
                    id: &'static str,
                    step: &'static str,
                    get: fn(&Draft) -> f64,
                    set: fn(&mut Draft, f64)| {
        view! {
            <label class="mini"><span>{move || label(t())}</span>
                <input type="number" min="0" step=step data-testid=id prop:value=move || draft.with(|d| get(d).to_string())
                    on:change=move |ev| { if let Ok(v) = event_target_value(&ev).trim().parse::<f64>() {
                        if v.is_finite() { draft.update(|d| set(d, v)) }
                    } } />
            </label>
        }
    };
    // One text in one language: a line for the title, a text area for the rest.
    let text = move |w: Words, nl: bool| {
        let label = move || {
            let s = t();
            format!(
                "{} ({})",
                w.label(s),
                if nl { s.in_dutch } else { s.in_english }
            )
        };
        let value = move || {
            draft.with(|d| {
                let t = &d.words[w as usize];
                if nl {
                    t.nl.clone()
                } else {
                    t.en.clone()
                }
            })
        };
        let set = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            draft.update(|d| {
                let t = &mut d.words[w as usize];
                *(if nl { &mut t.nl } else { &mut t.en }) = v;
            })
        };
        let lang = if nl { "nl" } else { "en" };
        let input = if w.long() {
            view! { <textarea rows="3" lang=lang data-testid=w.testid(nl) prop:value=value on:change=set></textarea> }.into_any()
        } else {
            view! { <input type="text" lang=lang data-testid=w.testid(nl) prop:value=value on:change=set /> }.into_any()
        };
        view! { <label class="wide"><span>{label}</span>{input}</label> }
    };
    let texts = Words::ALL
        .into_iter()
        .map(|w| view! { {text(w, false)}{text(w, true)} })
        .collect_view();
    let try_it = move |_| {
        let (ex, problem) = built.get_untracked();
        match problem {
            None => ctx.open(ex),
            Some(p) => state.error.set(Some(Problem::Plain(p))),
        }
    };
    let share = move |_| {
        let (ex, problem) = built.get_untracked();
        if let Some(p) = problem {
            state.error.set(Some(Problem::Plain(p)));
            return;
        }
        let url = link(&ex);
        shown.set(Some(url.clone()));
        // Without a clipboard (plain http) or permission the link stays in its field,
        // selected, for copying by hand.
        leptos::task::spawn_local(async move {
            if !clipboard::copy(&url).await {
                clipboard::select_field("exercise-url");
            }
        });
    };
    let export = move |_| {
        let (ex, problem) = built.get_untracked();
        match problem {
            None => download_text(
                &format!("relsim-exercise-{}.json", ex.id),
                "application/json",
                &ex.to_json(),
            ),
            Some(p) => state.error.set(Some(Problem::Plain(p))),
        }
    };
    view! {
        <section class="card author" data-testid="exercise-author">
            <h2>{move || t().author}</h2>
            <p class="muted">{move || t().author_hint}</p>
            <p><strong>{move || state.scenario.with(|s| s.name.clone())}</strong></p>
            <div class="author-grid">
                <label class="mini"><span>{move || t().you_play}</span>
                    <select data-testid="author-side" on:change=move |ev| {
                        let side = if event_target_value(&ev) == "supplier" { Side::Supplier } else { Side::Client };
                        draft.update(|d| { d.side = side; d.best_path.clear(); });
                    }>
                        <option value="client" selected=move || draft.with(|d| d.side == Side::Client)>{move || names::side(Side::Client, t())}</option>
                        <option value="supplier" selected=move || draft.with(|d| d.side == Side::Supplier)>{move || names::side(Side::Supplier, t())}</option>
                    </select>
                </label>
                {num(|s| s.every_weeks, "author-every", "1", |d| f64::from(d.every_weeks), |d, v| d.every_weeks = v.round().clamp(0.0, 520.0) as u32)}
                {num(|s| s.after_incident, "author-after", "0.05", |d| d.after_incident, |d, v| d.after_incident = v)}
                {num(|s| s.max_decisions, "author-max", "1", |d| f64::from(d.max_decisions), |d, v| d.max_decisions = v.round().clamp(0.0, 1000.0) as u32)}
                {num(|s| s.weight_status, "author-w-status", "0.5", |d| d.weights[0], |d, v| d.weights[0] = v)}
                {num(|s| s.weight_money, "author-w-money", "0.5", |d| d.weights[1], |d, v| d.weights[1] = v)}
                {num(|s| s.weight_relationship, "author-w-relationship", "0.5", |d| d.weights[2], |d, v| d.weights[2] = v)}
                {num(|s| s.weight_trust, "author-w-trust", "0.5", |d| d.weights[3], |d, v| d.weights[3] = v)}
            </div>
            <fieldset class="author-menu" data-testid="author-menu">
                <legend>{move || t().menu_field}</legend>
                {move || {
                    let lang = lang_code();
                    default_menu(draft.with(|d| d.side)).into_iter().enumerate().map(|(i, c)| view! {
                        <label class="check">
                            <input type="checkbox" data-testid="author-option"
                                prop:checked=move || draft.with(|d| d.offered.get(i).copied().unwrap_or(true))
                                on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| { if let Some(x) = d.offered.get_mut(i) { *x = on; } d.best_path.clear(); }); } />
                            {c.label.get(lang).to_string()}
                        </label>
                    }).collect_view()
                }}
            </fieldset>
            <p class="muted" data-testid="author-best">{move || {
                let n = draft.with(|d| d.best_path.len());
                if n == 0 { t().best_hint.to_string() } else { format!("{}: {n}", t().best_recorded) }
            }}</p>
            {move || best_check.get().map(|(holds, best, never)| {
                let lang = state.lang.get();
                let text = Strings::fill(
                    if holds { t().author_best_holds } else { t().author_best_fails },
                    &[
                        ("best", &crate::text::number::number(best, 1, lang)),
                        ("never", &crate::text::number::number(never, 1, lang)),
                        ("futures", &AUTHOR_FUTURES.to_string()),
                    ],
                );
                view! { <p class:field-error=!holds data-testid="author-claim" data-holds=holds.to_string()>{text}</p> }
            })}
            <fieldset class="author-texts" data-testid="author-texts">
                <legend>{move || t().second_language_hint}</legend>
                {texts}
            </fieldset>
            <Show when=move || built.with(|b| b.1.is_some())>
                <p class="field-error" role="alert" data-testid="author-error">{move || built.with(|b| b.1.clone())}</p>
            </Show>
            <div class="toolbar">
                <button type="button" class="primary" data-testid="author-try" on:click=try_it>{move || t().make}</button>
                <button type="button" data-testid="exercise-link" on:click=share>{move || t().share_link}</button>
                <button type="button" data-testid="export-exercise" on:click=export>{move || t().export_exercise}</button>
            </div>
            <Show when=move || shown.with(Option::is_some)>
                <input type="text" readonly=true class="link-field" data-testid="exercise-url"
                    aria-label=move || t().share_link prop:value=move || shown.get().unwrap_or_default() />
            </Show>
        </section>
    }
}
