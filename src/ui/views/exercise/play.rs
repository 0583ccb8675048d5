//! Playing an exercise: choosing one, the briefing, each decision moment and the way to the
//! debrief.

use crate::text::names;
use crate::text::Problem;

use leptos::prelude::*;

use super::state::{lang_code, ExCtx, Stage};
use crate::ui::platform::focus::focus_testid;
use wasm_bindgen::JsCast;

use crate::chart;
use crate::chart::lines::{Line, PLAY_FOCUS, PLAY_LINE, PLAY_TRUST};
use crate::sim::exercise::{builtin, Exercise, Play, BUILTIN};
use crate::sim::Event;
use crate::text::events::describe_plain;
use crate::ui::app::state::{t, use_state};
use crate::ui::platform::file_input::read_picked_text;
use crate::ui::views::exercise::debrief::DebriefView;
use crate::ui::views::exercise::live::hand_in::{self, SeatNote};
use crate::ui::widgets::common::Swatch;
use crate::ui::widgets::plot::Plot;

/// Choosing, the briefing, playing and the debrief.
#[component]
pub fn Player() -> impl IntoView {
    let ctx = expect_context::<ExCtx>();
    let state = use_state();
    let selected = move || ctx.exercise.with(|e| e.id.clone());
    let on_select = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let custom = ctx.custom.get_untracked().filter(|c| c.id == id);
        if let Some(ex) = custom.or_else(|| builtin(&id)) {
            ctx.choose(ex);
        }
    };
    let start = move |_| {
        ctx.play.set(Some(Play::new(ctx.exercise.get_untracked())));
        ctx.stage.set(Stage::Playing);
        hand_in::moved(ctx);
        focus_testid("exercise-week");
    };
    let open_file = move |ev: leptos::ev::Event| {
        read_picked_text(ev, move |text| match Exercise::from_json(&text) {
            Ok(ex) => {
                state.error.set(None);
                ctx.open(ex);
            }
            Err(e) => state.error.set(Some(
                Problem::Plain(e.to_string()).while_(|t| t.read_failed),
            )),
        });
    };
    view! {
        <div class="view exercise">
            <SeatNote />
            <Show when=move || ctx.stage.get() == Stage::Briefing>
                <section class="card briefing" data-testid="exercise-briefing">
                    <div class="exercise-pick">
                        <label for="exercise-select">{move || t().choose}</label>
                        <select id="exercise-select" data-testid="exercise-select" prop:value=selected on:change=on_select>
                            {move || {
                                let lang = lang_code();
                                let mut items: Vec<(String, String)> = BUILTIN.iter().filter_map(|(id, _)| builtin(id))
                                    .map(|e| (e.id.clone(), e.title.get(lang).to_string())).collect();
                                if let Some(c) = ctx.custom.get() {
                                    items.push((c.id.clone(), format!("{} ({})", c.title.get(lang), t().custom)));
                                }
                                items.into_iter().map(|(id, title)| {
                                    let sel = id == selected();
                                    view! { <option value=id selected=sel>{title}</option> }
                                }).collect_view()
                            }}
                        </select>
                        <label class="button">
                            {move || t().import_exercise}
                            <input type="file" accept="application/json,.json" data-testid="import-exercise" class="visually-hidden" on:change=open_file />
                        </label>
                    </div>
                    <h2 data-testid="exercise-title">{move || ctx.exercise.with(|e| e.title.get(lang_code()).to_string())}</h2>
                    <p class="you-play"><strong>{move || t().you_play}</strong>": "
                        {move || names::side(ctx.exercise.with(|e| e.side), t())}</p>
                    <h3>{move || t().briefing}</h3>
                    <p class="briefing-text">{move || ctx.exercise.with(|e| e.briefing.get(lang_code()).to_string())}</p>
                    <button type="button" class="primary big" data-testid="exercise-start" on:click=start>{move || t().start}</button>
                </section>
            </Show>
            <Show when=move || ctx.stage.get() == Stage::Playing>
                <PlayingView />
            </Show>
            <Show when=move || ctx.stage.get() == Stage::Debrief>
                <DebriefView />
            </Show>
        </div>
    }
}

/// The option a key moves the choice to in a radio group of `n` options, if the key moves it.
fn radio_key(key: &str, current: usize, n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    match key {
        "ArrowDown" | "ArrowRight" => Some((current + 1) % n),
        "ArrowUp" | "ArrowLeft" => Some((current + n - 1) % n),
        "Home" => Some(0),
        "End" => Some(n - 1),
        _ => None,
    }
}

/// One decision moment: the past, the incidents since the last decision, and the menu.
#[component]
fn PlayingView() -> impl IntoView {
    let ctx = expect_context::<ExCtx>();
    let state = use_state();
    let chosen = RwSignal::new(0usize);
    let seen = move || ctx.play.with(|p| p.as_ref().map_or(0, Play::seen));
    let weeks = move || ctx.exercise.with(|e| e.scenario.weeks);
    let money = move || {
        ctx.play.with(|p| {
            p.as_ref().map_or((0.0, 0.0), |p| {
                p.past().iter().fold((0.0, 0.0), |(c, m), r| {
                    (c + r.client_net_value, m + r.supplier_margin)
                })
            })
        })
    };
    let cards = move || {
        let tr = t();
        ctx.play.with(|p| {
            p.as_ref().map_or_else(Vec::new, |p| {
                p.events_since(p.last_decision_week())
                    .filter(|(_, e)| !matches!(e, Event::ApologyIgnored))
                    .map(|(w, e)| {
                        (
                            *w,
                            describe_plain(e, tr),
                            matches!(e, Event::Incident { .. }),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let go_on = move |_| {
        let choice = chosen.get_untracked();
        ctx.play.update(|p| {
            if let Some(p) = p {
                p.decide(choice);
            }
        });
        chosen.set(0);
        hand_in::moved(ctx);
        if ctx
            .play
            .with_untracked(|p| p.as_ref().is_none_or(Play::is_finished))
        {
            ctx.stage.set(Stage::Debrief);
            ctx.debrief.set(None);
            // Let the "computing" note paint before the debrief is computed; the replay of other
            // futures then runs in the worker pool.
            set_timeout(
                move || {
                    crate::ui::views::exercise::luck::debrief(state, ctx, || {
                        focus_testid("exercise-score")
                    })
                },
                std::time::Duration::from_millis(20),
            );
        } else {
            focus_testid("exercise-week");
        }
    };
    // A radio group is one tab stop: the arrow keys move the choice (wrapping), Home and End
    // jump to the first and last option, and focus follows the choice.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = ctx.exercise.with_untracked(|e| e.options().len());
        let Some(next) = radio_key(&ev.key(), chosen.get_untracked(), n) else {
            return;
        };
        ev.prevent_default();
        chosen.set(next);
        // The key goes to the focused option; its parent is the group.
        let group = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|option| option.parent_element());
        let option = group
            .and_then(|g| {
                g.query_selector(&format!(":scope > [role='radio']:nth-child({})", next + 1))
                    .ok()
                    .flatten()
            })
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = option {
            let _ = el.focus();
        }
    };
    view! {
        <section class="card playing">
            <div class="card-head">
                <h2 tabindex="-1" data-testid="exercise-week" data-week=move || seen().to_string()>
                    {move || format!("{} {}", t().week, seen())}
                </h2>
                <span class="muted">{move || format!("{} {}", t().of_weeks, weeks())}</span>
            </div>
            <Plot testid="exercise-chart" label=Signal::derive(move || t().chart_relationship.to_string())
                draw=move |area, style| {
                    let week = t().week;
                    let n = weeks() as usize;
                    ctx.play.with(|p| if let Some(p) = p {
                        let past = p.past();
                        let series = |f: fn(&crate::sim::Row) -> f64| past.iter().map(|r| f(r) as f32).collect::<Vec<f32>>();
                        let (line, focus, trust) = (series(|r| r.relationship), series(|r| r.effort), series(|r| r.client_trust));
                        let lines = [
                            Line { values: &focus, color: PLAY_FOCUS.color, width: 1.5, dashed: PLAY_FOCUS.dashed },
                            Line { values: &trust, color: PLAY_TRUST.color, width: 1.5, dashed: PLAY_TRUST.dashed },
                            Line { values: &line, color: PLAY_LINE.color, width: 2.5, dashed: PLAY_LINE.dashed },
                        ];
                        let b = &p.exercise.scenario.bounds;
                        let _ = chart::lines::draw(area, n, &lines, Some((b.critical_lower, b.euphoria_upper)), Some(p.seen() as usize), week, style);
                    });
                } />
            <ul class="legend" data-testid="exercise-legend">
                <Swatch pens=vec![PLAY_LINE] label=|t| t.relationship_line />
                <Swatch pens=vec![PLAY_FOCUS] label=|t| t.customer_focus />
                <Swatch pens=vec![PLAY_TRUST] label=|t| t.client_trust />
                <li data-testid="exercise-bounds">
                    <span class="swatch" style=format!("--c:{}", chart::palette::css(chart::relationship::BOUNDS.color))></span>
                    {move || ctx.exercise.with(|e| {
                        let b = &e.scenario.bounds;
                        let lang = state.lang.get();
                        format!("{}: {} – {}", t().bounds_band, crate::text::number::percent(b.critical_lower, 0, lang), crate::text::number::percent(b.euphoria_upper, 0, lang))
                    })}
                </li>
            </ul>
            <p class="money" data-testid="exercise-money">
                <strong>{move || t().money_so_far}": "</strong>
                {move || {
                    let (c, m) = money();
                    let (tr, lang) = (t(), state.lang.get());
                    format!("{} {} · {} {}", tr.money_client, crate::text::number::keur_exact(c, 0, lang).replace('-', "−"), tr.money_supplier, crate::text::number::keur_exact(m, 0, lang).replace('-', "−"))
                }}
            </p>
            <h3>{move || t().since_last}</h3>
            <ul class="incident-cards" data-testid="incident-cards">
                {move || {
                    let c = cards();
                    if c.is_empty() {
                        view! { <li class="quiet">{t().nothing_happened}</li> }.into_any()
                    } else {
                        c.into_iter().map(|(w, text, incident)| view! {
                            <li class:incident=incident><span class="when">{format!("{} {w}", t().week)}</span>" "{text}</li>
                        }).collect_view().into_any()
                    }
                }}
            </ul>
        </section>
        <section class="card decision" data-testid="decision-panel" aria-labelledby="decision-title">
            <h2 id="decision-title">{move || t().decide}</h2>
            <div class="options" role="radiogroup" aria-labelledby="decision-title" on:keydown=on_key>
                {move || {
                    let lang = lang_code();
                    let labels: Vec<String> = ctx.exercise.with(|e| e.options().iter().map(|(_, c)| match c {
                        Some(c) => c.label.get(lang).to_string(),
                        None => t().carry_on.to_string(),
                    }).collect());
                    labels.into_iter().enumerate().map(|(i, label)| view! {
                        <button type="button" role="radio" class="option" data-testid="decision-option"
                            aria-checked=move || (chosen.get() == i).to_string()
                            tabindex=move || if chosen.get() == i { "0" } else { "-1" }
                            on:click=move |_| chosen.set(i)>{label}</button>
                    }).collect_view()
                }}
            </div>
            <button type="button" class="primary big" data-testid="decision-continue" on:click=go_on>{move || t().continue_}</button>
        </section>
    }
}
