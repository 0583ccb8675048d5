//! Exercise mode: choose an exercise (or open a participant's link), read the briefing, play to
//! each decision moment seeing only the past, decide, and get the debrief at the end. The class
//! board and authoring are sub-views of the same mode.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::class_board::ClassBoardView;
use super::events::describe_plain;
use super::exercise_author::AuthorView;
use super::exercise_debrief::DebriefView;
use super::file_input::read_picked_text;
use super::i18n::Strings;
use super::plot::Plot;
use super::state::{t, use_state, AppState, Page};
use super::widgets::Swatch;
use crate::chart;
use crate::chart::lines::{Line, PLAY_FOCUS, PLAY_LINE, PLAY_TRUST};
use crate::sim::exercise::{builtin, Debrief, Exercise, ExerciseResult, Play, Side, BUILTIN};
use crate::sim::Event;

/// Address fragment that carries an exercise.
const LINK_PREFIX: &str = "#x=";

/// Where in the exercise mode the user is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Choosing, with the briefing of the chosen exercise.
    Briefing,
    /// Playing: stopped at a decision moment.
    Playing,
    /// Finished: the debrief.
    Debrief,
}

/// The sub-view of the exercise mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sub {
    /// Play an exercise.
    Play,
    /// The trainer's class board.
    Board,
    /// Make an exercise from the current scenario.
    Author,
}

/// The exercise mode's signals, provided as context by the app so that a link can open it.
#[derive(Clone, Copy)]
pub struct ExCtx {
    /// The exercise chosen.
    pub exercise: RwSignal<Exercise>,
    /// A trainer's own exercise (from a link, a file or authoring), offered in the select.
    pub custom: RwSignal<Option<Exercise>>,
    /// The play in progress.
    pub play: RwSignal<Option<Play>>,
    /// The debrief of the finished play.
    pub debrief: RwSignal<Option<Arc<Debrief>>>,
    /// The stage.
    pub stage: RwSignal<Stage>,
    /// The sub-view.
    pub sub: RwSignal<Sub>,
    /// Results imported into the class board.
    pub results: RwSignal<Vec<ExerciseResult>>,
    /// The participant's name for the result file.
    pub name: RwSignal<String>,
    /// The trainer's exercise being made from the current scenario.
    pub draft: RwSignal<super::exercise_author::Draft>,
}

/// Where the exercise mode's state lives. The mode's code, its state included, comes in the
/// exercises chunk (`lazy.rs`); the state is made the first time the mode is shown, but with the
/// app root's owner, so that it outlives the view: a play in progress survives a look at the
/// simulator.
#[derive(Clone)]
pub struct ExHome {
    owner: Owner,
    ctx: StoredValue<Option<ExCtx>>,
}

impl ExHome {
    /// Call in the app's root: keeps its owner, and opens the exercise mode when the address
    /// holds an exercise link (the mode reads the link itself).
    pub fn provide(state: AppState) {
        let linked = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .is_some_and(|h| h.starts_with(LINK_PREFIX));
        if linked {
            state.page.set(Page::Exercise);
        }
        provide_context(ExHome {
            owner: Owner::current().unwrap_or_default(),
            ctx: StoredValue::new(None),
        });
    }

    /// The exercise mode's state, made the first time it is asked for.
    pub fn ctx(state: AppState) -> ExCtx {
        let home = expect_context::<ExHome>();
        if let Some(ctx) = home.ctx.get_value() {
            return ctx;
        }
        let ctx = home.owner.with(|| ExCtx::new(state));
        home.ctx.set_value(Some(ctx));
        ctx
    }
}

impl ExCtx {
    /// The exercise mode's state; an exercise link in the address opens the mode at its briefing.
    fn new(state: AppState) -> Self {
        let first = builtin(BUILTIN[0].0).unwrap_or_default();
        let ctx = Self {
            exercise: RwSignal::new(first),
            custom: RwSignal::new(None),
            play: RwSignal::new(None),
            debrief: RwSignal::new(None),
            stage: RwSignal::new(Stage::Briefing),
            sub: RwSignal::new(Sub::Play),
            results: RwSignal::new(Vec::new()),
            name: RwSignal::new(String::new()),
            draft: RwSignal::new(Default::default()),
        };
        if let Some(found) = from_link() {
            state.page.set(Page::Exercise);
            match found {
                // A built-in's own link opens the built-in (not a copy of it as "your own").
                Ok(ex) if builtin(&ex.id).as_ref() == Some(&ex) => ctx.choose(ex),
                Ok(ex) => ctx.open(ex),
                Err(e) => state.error.set(Some(format!(
                    "{}: {e}",
                    state.lang.get_untracked().t().read_failed
                ))),
            }
        }
        // While an exercise is open (its briefing, the play or the debrief) the address carries
        // it, so that reloading reopens its briefing; leaving gives the address back to the
        // scenario. An embed leaves the address alone.
        if !super::embed::active() {
            Effect::new(move |_| {
                let open = state.page.get() == Page::Exercise && ctx.sub.get() == Sub::Play;
                let url = open.then(|| ctx.exercise.with(link));
                state
                    .scenario
                    .with_untracked(|s| super::storage::hold_address(url, s));
            });
        }
        ctx
    }

    /// Opens a trainer's exercise at its briefing.
    pub fn open(&self, ex: Exercise) {
        self.custom.set(Some(ex.clone()));
        self.choose(ex);
    }

    /// Chooses an exercise and shows its briefing.
    pub fn choose(&self, ex: Exercise) {
        self.exercise.set(ex);
        self.play.set(None);
        self.debrief.set(None);
        self.stage.set(Stage::Briefing);
        self.sub.set(Sub::Play);
    }
}

/// The exercise in the address, if the page was opened from an exercise link.
fn from_link() -> Option<Result<Exercise, String>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let encoded = hash.strip_prefix(LINK_PREFIX)?;
    let json = js_sys::decode_uri_component(encoded)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    Some(Exercise::from_json(&json).map_err(|e| e.to_string()))
}

/// The link that opens `ex` straight into its briefing.
pub fn link(ex: &Exercise) -> String {
    let json = crate::sim::json::write(ex);
    let encoded: String = js_sys::encode_uri_component(&json).into();
    let base = web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default();
    format!("{base}{LINK_PREFIX}{encoded}")
}

/// The current language's code (reactive).
pub fn lang_code() -> &'static str {
    use_state().lang.get().code()
}

/// The side's name.
pub fn side_name(side: Side, s: &Strings) -> &'static str {
    match side {
        Side::Client => s.side_client,
        Side::Supplier => s.side_supplier,
    }
}

/// The exercise mode.
#[component]
pub fn ExerciseView() -> impl IntoView {
    let ctx = expect_context::<ExCtx>();
    let sub = move |which: Sub, id: &'static str, label: fn(&Strings) -> &'static str| {
        view! {
            <button type="button" role="tab" class="tab" data-testid=id
                aria-selected=move || (ctx.sub.get() == which).to_string()
                on:click=move |_| ctx.sub.set(which)>{move || label(t())}</button>
        }
    };
    view! {
        <div class="exercise-mode">
            <div class="subtabs" role="tablist">
                {sub(Sub::Play, "exercise-tab-play", |s| s.mode)}
                {sub(Sub::Board, "exercise-tab-board", |s| s.board)}
                {sub(Sub::Author, "exercise-tab-author", |s| s.author_tab)}
            </div>
            {move || match ctx.sub.get() {
                Sub::Play => view! { <Player /> }.into_any(),
                Sub::Board => view! { <ClassBoardView /> }.into_any(),
                Sub::Author => view! { <AuthorView /> }.into_any(),
            }}
        </div>
    }
}

/// Choosing, the briefing, playing and the debrief.
#[component]
fn Player() -> impl IntoView {
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
        focus_testid("exercise-week");
    };
    let open_file = move |ev: leptos::ev::Event| {
        read_picked_text(ev, move |text| match Exercise::from_json(&text) {
            Ok(ex) => {
                state.error.set(None);
                ctx.open(ex);
            }
            Err(e) => state.error.set(Some(format!(
                "{}: {e}",
                state.lang.get_untracked().t().read_failed
            ))),
        });
    };
    view! {
        <div class="view exercise">
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
                        {move || side_name(ctx.exercise.with(|e| e.side), t())}</p>
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

/// Moves keyboard focus to the element with this test id once it is rendered, so that a
/// keyboard user lands where the next step is.
pub fn focus_testid(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector(&format!("[data-testid='{id}']"))
                    .ok()
                    .flatten()
            })
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
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
        if ctx
            .play
            .with_untracked(|p| p.as_ref().is_none_or(Play::is_finished))
        {
            ctx.stage.set(Stage::Debrief);
            ctx.debrief.set(None);
            // Let the "computing" note paint before the debrief is computed; the replay of other
            // futures then runs in the worker pool.
            set_timeout(
                move || super::luck::debrief(state, ctx, || focus_testid("exercise-score")),
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
                        format!("{}: {} – {}", t().bounds_band, super::intl::percent(b.critical_lower, 0, lang), super::intl::percent(b.euphoria_upper, 0, lang))
                    })}
                </li>
            </ul>
            <p class="money" data-testid="exercise-money">
                <strong>{move || t().money_so_far}": "</strong>
                {move || {
                    let (c, m) = money();
                    let (tr, lang) = (t(), state.lang.get());
                    format!("{} {} · {} {}", tr.money_client, super::intl::keur(c, 0, lang).replace('-', "−"), tr.money_supplier, super::intl::keur(m, 0, lang).replace('-', "−"))
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
