//! The trainer's side of a live class: open one on the chosen exercise, show its code, link
//! and QR code for the projector, follow its board live (server-sent events, reconnecting
//! after a loss), close it, export it and delete it.

use leptos::prelude::*;

use super::client;
use super::pair_board::PairTable;
use super::store::TrainerClass;
use crate::live::{Board, Event, Pairing, ParticipantState};
use crate::sim::exercise::Side;
use crate::sim::exercise::{builtin_pair, BUILTIN_PAIRS};
use crate::ui::app::state::{t, use_state};
use crate::ui::platform::{download, http};
use crate::ui::views::exercise::state::{lang_code, ExCtx};

/// How long after a lost connection the board tries again.
const RETRY_MS: u64 = 2000;

/// The trainer's section: the button that opens a class, or the class.
#[component]
pub fn TrainerSection() -> impl IntoView {
    let ctx = expect_context::<ExCtx>();
    let state = use_state();
    let class = RwSignal::new(TrainerClass::load());
    let busy = RwSignal::new(false);
    let projector = RwSignal::new(false);
    // "" is the exercise chosen under Exercises; otherwise a built-in both sides play.
    let which = RwSignal::new(String::new());
    let pairing = RwSignal::new(Pairing::default());
    let chosen = move || builtin_pair(&which.get()).unwrap_or_else(|| ctx.exercise.get());
    let create = move |_| {
        busy.set(true);
        let exercise =
            builtin_pair(&which.get_untracked()).unwrap_or_else(|| ctx.exercise.get_untracked());
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        leptos::task::spawn_local(async move {
            match client::create(exercise, origin, pairing.get_untracked()).await {
                Ok(created) => {
                    let c = TrainerClass {
                        id: created.class.id,
                        key: created.trainer_key,
                    };
                    c.save();
                    state.error.set(None);
                    class.set(Some(c));
                }
                Err(p) => state.error.set(Some(p)),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="card live-trainer" class:projector=move || projector.get() aria-labelledby="live-trainer-title">
            <div class="card-head">
                <h2 id="live-trainer-title">{move || t().live_trainer_title}</h2>
                <Show when=move || class.with(Option::is_some)>
                    <label class="check">
                        <input type="checkbox" data-testid="class-projector" prop:checked=move || projector.get()
                            on:change=move |ev| projector.set(event_target_checked(&ev)) />
                        {move || t().projector}
                    </label>
                </Show>
            </div>
            {move || match class.get() {
                None => view! {
                    <p class="muted">{move || crate::text::Strings::fill(t().live_trainer_note,
                        &[("title", &ctx.exercise.with(|e| e.title.get(lang_code()).to_string()))])}</p>
                    <label class="class-exercise">
                        <span>{move || t().class_exercise}</span>
                        <select data-testid="class-exercise" on:change=move |ev| which.set(event_target_value(&ev))>
                            <option value="" selected=move || which.get().is_empty()>{move || crate::text::Strings::fill(t().class_exercise_chosen,
                                &[("title", &ctx.exercise.with(|e| e.title.get(lang_code()).to_string()))])}</option>
                            {BUILTIN_PAIRS.iter().filter_map(|(id, _)| builtin_pair(id)).map(|ex| {
                                let id = ex.id.clone();
                                let sel = id.clone();
                                view! { <option value=id selected=move || which.get() == sel>{move || crate::text::Strings::fill(t().class_exercise_pair, &[("title", ex.title.get(lang_code()))])}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <Show when=move || chosen().is_two_sided()>
                        <label class="class-exercise">
                            <span>{move || t().class_pairing}</span>
                            <select data-testid="class-pairing" on:change=move |ev| {
                                pairing.set(Pairing::from_id(&event_target_value(&ev)).unwrap_or_default());
                            }>
                                {Pairing::ALL.into_iter().map(|p| view! {
                                    <option value=p.id() selected=move || pairing.get() == p>{move || crate::text::live::pairing(p, t())}</option>
                                }).collect_view()}
                            </select>
                        </label>
                    </Show>
                    <button type="button" class="primary" data-testid="class-create" disabled=move || busy.get()
                        on:click=create>{move || t().live_create}</button>
                }.into_any(),
                Some(c) => view! { <ClassPanel class=c on_gone=move || { TrainerClass::forget(); class.set(None); } /> }.into_any(),
            }}
        </section>
    }
}

/// One open class, followed live.
#[component]
fn ClassPanel(
    class: TrainerClass,
    on_gone: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let board = RwSignal::new(None::<Board>);
    let lost = RwSignal::new(false);
    let alive = StoredValue::new(true);
    let stream = StoredValue::new_local(None::<http::Stream>);
    let (id, key) = (
        StoredValue::new(class.id.clone()),
        StoredValue::new(class.key.clone()),
    );

    // Follows the class's events; after a lost connection, again (until the panel goes).
    fn follow(
        id: StoredValue<String>,
        key: StoredValue<String>,
        board: RwSignal<Option<Board>>,
        lost: RwSignal<bool>,
        alive: StoredValue<bool>,
        stream: StoredValue<Option<http::Stream>, LocalStorage>,
        state: crate::ui::app::state::AppState,
        on_gone: impl Fn() + Copy + 'static,
    ) {
        let url = format!("api/classes/{}/events", id.get_value());
        let s = http::events(
            &url,
            &key.get_value(),
            move |data| {
                let Ok(event) = serde_json::from_str::<Event>(&data) else {
                    return;
                };
                lost.set(false);
                let still = match event {
                    Event::Board(b) => {
                        board.set(Some(*b));
                        true
                    }
                    other => board
                        .try_update(|b| b.as_mut().is_none_or(|b| b.apply(other)))
                        .unwrap_or(true),
                };
                if !still {
                    on_gone();
                }
            },
            move |ended| {
                if !alive.try_get_value().unwrap_or(false) {
                    return;
                }
                match ended {
                    http::Ended::Refused(answer) => {
                        // The class is gone (deleted, expired) or the key no longer opens it.
                        state.error.set(Some(client::problem_of(&answer)));
                        on_gone();
                    }
                    http::Ended::Lost => {
                        lost.set(true);
                        set_timeout(
                            move || {
                                if alive.try_get_value().unwrap_or(false) {
                                    follow(id, key, board, lost, alive, stream, state, on_gone);
                                }
                            },
                            std::time::Duration::from_millis(RETRY_MS),
                        );
                    }
                }
            },
        );
        stream.set_value(s);
    }
    follow(id, key, board, lost, alive, stream, state, on_gone);
    on_cleanup(move || {
        alive.set_value(false);
        if let Some(s) = stream.try_get_value().flatten() {
            s.stop();
        }
    });

    let act = move |what: &'static str| {
        let (id, key) = (id.get_value(), key.get_value());
        leptos::task::spawn_local(async move {
            let done = match what {
                "close" => client::close(&id, &key).await,
                "delete" => client::delete(&id, &key).await.map(|()| on_gone()),
                format => client::export(&id, &key, format).await.map(|text| {
                    let code = board
                        .with_untracked(|b| b.as_ref().map(|b| b.class.code.clone()))
                        .unwrap_or_default();
                    let mime = if format.ends_with("csv") {
                        "text/csv;charset=utf-8"
                    } else {
                        "application/json"
                    };
                    download::download_text(&format!("relsim-class-{code}.{format}"), mime, &text);
                }),
            };
            if let Err(p) = done {
                state.error.set(Some(p));
            }
        });
    };
    let delete = move |_| {
        let sure = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(state.lang.get_untracked().t().live_delete_confirm)
                    .ok()
            })
            .unwrap_or(false);
        if sure {
            act("delete");
        }
    };
    let info = move || board.with(|b| b.as_ref().map(|b| b.class.clone()));
    view! {
        {move || info().map(|c| {
            let qr = format!("data:image/svg+xml;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&c.qr_svg)));
            let expires = crate::ui::platform::intl::date_of(c.expires_at, state.lang.get());
            view! {
                <div class="class-join-info">
                    <div>
                        <p class="class-code-label">{move || t().live_code_label}</p>
                        <p class="class-code" data-testid="class-code">{c.code.clone()}</p>
                        <p class="class-link"><span>{move || t().live_join_link}": "</span>
                            <a href=c.join_url.clone() data-testid="class-link" target="_blank" rel="noopener">{c.join_url.clone()}</a></p>
                        <p class="muted">{move || crate::text::Strings::fill(t().live_expires, &[("date", &expires)])}</p>
                    </div>
                    <img class="class-qr" data-testid="class-qr" src=qr alt=move || t().live_qr width="240" height="240" />
                </div>
                <div class="actions">
                    <button type="button" data-testid="class-close" disabled=c.closed on:click=move |_| act("close")>{move || t().live_close}</button>
                    <button type="button" data-testid="class-export" on:click=move |_| act("csv")>{move || t().live_export_csv}</button>
                    <button type="button" data-testid="class-export-json" on:click=move |_| act("json")>{move || t().live_export_json}</button>
                    {c.exercise.is_two_sided().then(|| view! {
                        <button type="button" data-testid="class-export-pairs" on:click=move |_| act("pairs.csv")>{move || t().live_export_pairs}</button>
                    })}
                    <button type="button" class="danger" data-testid="class-delete" on:click=delete>{move || t().live_delete}</button>
                </div>
                {c.closed.then(|| view! { <p class="note" data-testid="class-closed">{move || t().live_closed}</p> })}
            }
        })}
        <Show when=move || lost.get()>
            <p class="note" role="status" data-testid="class-reconnecting">{move || t().live_reconnecting}</p>
        </Show>
        <LiveTable board=board />
        <Show when=move || board.with(|b| b.as_ref().is_some_and(|b| b.class.exercise.is_two_sided()))>
            <PairTable board=board id=id key=key />
        </Show>
    }
}

/// The live board's table: one row per participant.
#[component]
fn LiveTable(board: RwSignal<Option<Board>>) -> impl IntoView {
    let state = use_state();
    let two_sided =
        move || board.with(|b| b.as_ref().is_some_and(|b| b.class.exercise.is_two_sided()));
    let tally = move || {
        board.with(|b| {
            b.as_ref().map(|b| {
                let lang = state.lang.get();
                // A side's mean, or a dash while nobody on it is done.
                let mean = |side: Option<Side>| {
                    b.tally(side).2.map_or("–".to_string(), |m| {
                        crate::text::number::number(m, 1, lang)
                    })
                };
                let (n, done, _) = b.tally(None);
                let (n, done) = (n.to_string(), done.to_string());
                if b.class.exercise.is_two_sided() {
                    crate::text::Strings::fill(
                        t().live_count_pairs,
                        &[
                            ("n", &n),
                            ("done", &done),
                            ("client", &mean(Some(Side::Client))),
                            ("supplier", &mean(Some(Side::Supplier))),
                        ],
                    )
                } else {
                    crate::text::Strings::fill(
                        t().live_count,
                        &[("n", &n), ("done", &done), ("mean", &mean(None))],
                    )
                }
            })
        })
    };
    view! {
        <div class="class-live" data-testid="class-live" aria-live="polite">
            <h3>{move || t().live_board}</h3>
            <p class="muted" data-testid="class-tally">{tally}</p>
            <div class="outcomes-scroll" tabindex="0" role="region" aria-label=move || t().live_board>
                <table class="class-table" data-testid="class-table">
                    <thead><tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{move || t().live_participant}</th>
                        <Show when=two_sided><th scope="col">{move || t().live_side}</th></Show>
                        <th scope="col">{move || t().live_where}</th>
                        <th scope="col" class="num">{move || t().week}</th>
                        <th scope="col" class="num">{move || t().live_score}</th>
                        <th scope="col">{move || t().live_verified}</th>
                    </tr></thead>
                    <tbody>
                        {move || board.with(|b| {
                            let lang = state.lang.get();
                            let tr = t();
                            let pairs = b.as_ref().is_some_and(|b| b.class.exercise.is_two_sided());
                            b.as_ref().map(|b| b.places().into_iter().map(|(r, place)| {
                                let done = r.state == ParticipantState::Done;
                                let state_text = match r.state {
                                    ParticipantState::Joined => tr.live_state_joined,
                                    ParticipantState::Playing => tr.live_state_playing,
                                    ParticipantState::Done => tr.live_state_done,
                                };
                                view! {
                                    <tr data-state=r.state.id() data-testid="class-row">
                                        <td class="num">{place.map(|p| p.to_string()).unwrap_or_default()}</td>
                                        <th scope="row" class="name">{r.name.clone()}</th>
                                        {pairs.then(|| view! {
                                            <td data-testid="class-side" data-side=r.side.map(Side::id).unwrap_or_default()>
                                                {r.side.map(|s| match s { Side::Client => tr.pair_col_client, Side::Supplier => tr.pair_col_supplier }).unwrap_or("–")}
                                            </td>
                                        })}
                                        <td>{state_text}</td>
                                        <td class="num">{r.week}</td>
                                        <td class="num" data-testid="class-score" data-score=r.score.map(|s| s.to_string()).unwrap_or_default()>{r.score.map(|s| crate::text::number::number(s, 1, lang)).unwrap_or_default()}</td>
                                        <td data-testid="result-verified" data-verified=done.to_string()>{if done { tr.live_yes } else { "–" }}</td>
                                    </tr>
                                }
                            }).collect_view())
                        })}
                    </tbody>
                </table>
            </div>
            <Show when=move || board.with(|b| b.as_ref().is_some_and(|b| b.rows.is_empty()))>
                <p class="muted">{move || t().live_nobody}</p>
            </Show>
        </div>
    }
}
