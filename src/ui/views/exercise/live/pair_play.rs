//! One side of a pair at play: the side's own view of the relationship (its appreciation,
//! trust and money), of the other side only what it would see (its decisions once taken and a
//! blurred reading of its mood), the side's options at the open moment, and — once both have
//! decided — the next moment, stepped by the same deterministic simulation as the server's. At
//! the end, both sides' full picture side by side.

use leptos::prelude::*;

use super::client;
use super::seat::Seat;
use crate::chart;
use crate::chart::lines::{Line, PLAY_LINE};
use crate::live::PairView;
use crate::sim::exercise::{misreadings, mood_read, pair_luck, Exercise, PairPlay, Side, ACCEPT};
use crate::text::{number, Problem, Strings};
use crate::ui::app::state::{t, use_state};
use crate::ui::platform::http;
use crate::ui::views::exercise::state::lang_code;
use crate::ui::widgets::common::Swatch;
use crate::ui::widgets::plot::Plot;

/// Futures the pair's decisions are replayed over in the debrief.
const PAIR_LUCK_RUNS: u32 = 100;

fn side_name(side: Side, t: &Strings) -> &'static str {
    match side {
        Side::Client => t.pair_side_client,
        Side::Supplier => t.pair_side_supplier,
    }
}

/// The side's own trust pen.
fn own_trust(side: Side) -> chart::Pen {
    match side {
        Side::Client => chart::trust::CLIENT_TRUST,
        Side::Supplier => chart::trust::SUPPLIER_TRUST,
    }
}

/// A pair's play for the participant of `seat`: waiting to be paired (in a class the trainer
/// pairs by hand, or after a split), then playing the side the pair gives.
#[component]
pub fn PairPlayer(seat: Seat) -> impl IntoView {
    let state = use_state();
    let key = StoredValue::new(seat.key.clone());
    let exercise = RwSignal::new(None::<Exercise>);
    // Outer `None`: not heard yet; inner `None`: waiting to be paired.
    let view_now = RwSignal::new(None::<Option<PairView>>);
    let problem = RwSignal::new(None::<Problem>);
    let chosen = RwSignal::new(0usize);
    let now_ms = RwSignal::new(js_sys::Date::now() as u64);
    let alive = StoredValue::new(true);
    let stream = StoredValue::new_local(None::<http::Stream>);

    // The exercise (the class's own copy), then the pair's events.
    leptos::task::spawn_local(async move {
        match client::me(&key.get_value()).await {
            Ok(me) => exercise.set(Some(me.exercise)),
            Err(p) => problem.set(Some(p)),
        }
    });
    fn follow(
        key: StoredValue<String>,
        view_now: RwSignal<Option<Option<PairView>>>,
        alive: StoredValue<bool>,
        stream: StoredValue<Option<http::Stream>, LocalStorage>,
    ) {
        let s = http::events(
            "api/pair/events",
            &key.get_value(),
            move |data| {
                if let Ok(v) = serde_json::from_str::<Option<PairView>>(&data) {
                    view_now.set(Some(v));
                }
            },
            move |_| {
                // Lost: try again while the view is shown.
                set_timeout(
                    move || {
                        if alive.try_get_value().unwrap_or(false) {
                            follow(key, view_now, alive, stream);
                        }
                    },
                    std::time::Duration::from_millis(2000),
                );
            },
        );
        stream.set_value(s);
    }
    follow(key, view_now, alive, stream);
    let tick = set_interval_with_handle(
        move || now_ms.set(js_sys::Date::now() as u64),
        std::time::Duration::from_millis(500),
    )
    .ok();
    on_cleanup(move || {
        alive.set_value(false);
        if let Some(s) = stream.try_get_value().flatten() {
            s.stop();
        }
        if let Some(h) = tick {
            h.clear();
        }
    });

    // The play as far as both have decided, stepped here by the same simulation.
    let play = Memo::new(move |_| {
        let ex = exercise.get()?;
        let v = view_now.get().flatten()?;
        PairPlay::replay_open(ex, &v.decisions).ok().map(|p| (p, v))
    });
    let unpaired = move || view_now.with(|v| matches!(v, Some(None)));
    // Without a partner (or anyone left to pair with): the other side is scripted.
    let play_scripted = move || {
        leptos::task::spawn_local(async move {
            if let Err(p) = client::pair_scripted(&key.get_value()).await {
                problem.set(Some(p));
            }
        });
    };
    let decide = move |_| {
        let Some((p, v)) = play.get_untracked() else {
            return;
        };
        let options = p.options(v.side);
        let Some((id, _)) = options.get(chosen.get_untracked()) else {
            return;
        };
        let (option, moment) = (id.to_string(), v.decisions.len() as u32);
        leptos::task::spawn_local(async move {
            match client::pair_decide(&key.get_value(), moment, option).await {
                Ok(()) => problem.set(None),
                Err(p) => problem.set(Some(p)),
            }
        });
        chosen.set(0);
    };
    let lang = move || state.lang.get();
    view! {
        <section class="card pair-play" data-testid="pair-play">
            <Show when=unpaired>
                <p class="note" role="status" data-testid="pair-waiting-trainer">{move || t().pair_waiting_trainer}" "
                    <button type="button" data-testid="pair-scripted" on:click=move |_| play_scripted()>{move || t().pair_scripted_button}</button>
                </p>
            </Show>
            {move || view_now.get().flatten().map(|v| {
                let side = v.side;
                view! {
                    <p class="side-name" data-testid="side-name" data-side=side.id()>
                        {move || Strings::fill(t().pair_you_play, &[("side", side_name(side, t()))])}
                    </p>
                }
            })}
            {move || view_now.with(|v| v.as_ref().and_then(Option::as_ref).map(|v| match &v.partner {
                Some(name) => view! { <p data-testid="pair-partner">{Strings::fill(t().pair_partner, &[("name", name)])}</p> }.into_any(),
                None if v.scripted => view! { <p data-testid="pair-partner" data-scripted="true">{t().pair_scripted_partner}</p> }.into_any(),
                None => view! {
                    <p class="note" data-testid="pair-waiting-partner">{t().pair_waiting_partner}" "
                        <button type="button" data-testid="pair-scripted" on:click=move |_| play_scripted()>{t().pair_scripted_button}</button>
                    </p>
                }.into_any(),
            }))}
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{move || p.tell(t())}</p> })}
            {move || play.get().map(|(p, v)| {
                let side = v.side;
                if v.finished {
                    return view! { <PairDebrief play=p /> }.into_any();
                }
                let weeks = p.exercise.scenario.weeks;
                let seen = p.seen();
                let past: Vec<crate::sim::Row> = p.past().to_vec();
                let (own_money, mood) = {
                    let money: f64 = past.iter().map(|r| if side == Side::Client { r.client_net_value } else { r.supplier_margin }).sum();
                    (money, mood_read(&p.exercise, &past, side))
                };
                let other = crate::sim::exercise::other(side);
                let theirs: Vec<(u32, String)> = v.decisions.iter().map(|d| {
                    let id = d.of(other);
                    let label = p.exercise.pair_options(other, &v.decisions[..d.moment as usize]).into_iter()
                        .find(|(o, _)| *o == id)
                        .map(|(o, c)| match c {
                            Some(c) if o == ACCEPT => Strings::fill(t().pair_accept, &[("label", c.label.get(lang_code()))]),
                            Some(c) => c.label.get(lang_code()).to_string(),
                            None => t().carry_on.to_string(),
                        })
                        .unwrap_or_else(|| id.to_string());
                    (d.week, label)
                }).collect();
                let options: Vec<String> = p.options(side).into_iter().map(|(o, c)| match c {
                    Some(c) if o == ACCEPT => Strings::fill(t().pair_accept, &[("label", c.label.get(lang_code()))]),
                    Some(c) => c.label.get(lang_code()).to_string(),
                    None => t().carry_on.to_string(),
                }).collect();
                let since = v.decisions.last().map_or(0, |d| d.week);
                let incidents: Vec<(u32, String)> = p.incidents_of(side, since).into_iter()
                    .map(|(w, e)| (*w, crate::text::events::describe_plain(e, t()))).collect();
                let waiting = v.mine.is_some();
                let other_decided = v.other_decided;
                let deadline = v.deadline_ms;
                let past_for_chart = StoredValue::new(past);
                view! {
                    <div class="card-head">
                        <h2 data-testid="pair-week" data-week=seen.to_string()>{format!("{} {seen}", t().week)}</h2>
                        <span class="muted">{format!("{} {weeks}", t().of_weeks)}</span>
                    </div>
                    <h3>{t().pair_your_view}</h3>
                    <Plot testid="pair-chart" label=Signal::derive(move || t().chart_relationship.to_string())
                        draw=move |area, style| {
                            past_for_chart.with_value(|past| {
                                let series = |f: &dyn Fn(&crate::sim::Row) -> f64| past.iter().map(|r| f(r) as f32).collect::<Vec<f32>>();
                                let own = series(&|r| if side == Side::Client { r.client_trust } else { r.supplier_trust });
                                let line = series(&|r| r.relationship);
                                let pen = own_trust(side);
                                let lines = [
                                    Line { values: &own, color: pen.color, width: 1.5, dashed: pen.dashed },
                                    Line { values: &line, color: PLAY_LINE.color, width: 2.5, dashed: PLAY_LINE.dashed },
                                ];
                                let _ = chart::lines::draw(area, weeks as usize, &lines, None, Some(seen as usize), t().week, style);
                            });
                        } />
                    <p data-testid="pair-money"><strong>{t().pair_money_own}": "</strong>{number::keur_exact(own_money, 0, lang()).replace('-', "−")}</p>
                    <p data-testid="pair-mood"><strong>{t().pair_mood}": "</strong>{mood.map(|m| {
                        let word = if m < 0.35 { t().pair_mood_cold } else if m < 0.6 { t().pair_mood_cool } else { t().pair_mood_warm };
                        format!("{word} ({})", number::percent(m, 0, lang()))
                    }).unwrap_or_default()}</p>
                    <h3>{t().since_last}</h3>
                    <ul class="incident-cards" data-testid="pair-incidents">
                        {if incidents.is_empty() {
                            view! { <li class="quiet">{t().nothing_happened}</li> }.into_any()
                        } else {
                            incidents.into_iter().map(|(w, text)| view! { <li class="incident"><span class="when">{format!("{} {w}", t().week)}</span>" "{text}</li> }).collect_view().into_any()
                        }}
                    </ul>
                    <h3>{t().pair_their_choices}</h3>
                    <ul class="incident-cards" data-testid="pair-their-choices">
                        {if theirs.is_empty() {
                            view! { <li class="quiet">{t().pair_nothing_yet}</li> }.into_any()
                        } else {
                            theirs.into_iter().map(|(w, label)| view! { <li><span class="when">{format!("{} {w}", t().week)}</span>" "{label}</li> }).collect_view().into_any()
                        }}
                    </ul>
                    {deadline.map(|d| view! {
                        <p class="note" data-testid="pair-time-left">{move || Strings::fill(t().pair_time_left, &[("s", &(d.saturating_sub(now_ms.get()) / 1000).to_string())])}</p>
                    })}
                    {if waiting {
                        view! { <p class="note" role="status" data-testid="waiting-for-other">{t().pair_waiting_other}</p> }.into_any()
                    } else {
                        view! {
                            {other_decided.then(|| view! { <p class="muted" data-testid="pair-other-decided">{t().pair_other_decided}</p> })}
                            <div class="options" role="radiogroup" aria-label=t().decide>
                                {options.into_iter().enumerate().map(|(i, label)| view! {
                                    <button type="button" role="radio" class="option" data-testid="pair-option"
                                        aria-checked=move || (chosen.get() == i).to_string()
                                        on:click=move |_| chosen.set(i)>{label}</button>
                                }).collect_view()}
                            </div>
                            <button type="button" class="primary big" data-testid="pair-decide" on:click=decide>{t().pair_decide}</button>
                        }.into_any()
                    }}
                }.into_any()
            })}
        </section>
    }
}

/// Both sides' full picture once the pair's play is over.
#[component]
fn PairDebrief(play: PairPlay) -> impl IntoView {
    let state = use_state();
    let (client, supplier, joint) = play.scores();
    let luck = pair_luck(&play.exercise, &play.decisions, joint, PAIR_LUCK_RUNS);
    let proposals = play.exercise.proposals(&play.decisions);
    let none_made = proposals.is_empty();
    let misread = misreadings(&play.exercise, &play.history().rows, &play.decisions);
    let refused: Vec<(u32, Side, String)> = proposals
        .into_iter()
        .filter(|p| !p.accepted)
        .map(|p| {
            let label = play
                .exercise
                .menu_for(p.by)
                .iter()
                .find(|c| c.id == p.option)
                .map(|c| c.label.get(lang_code()).to_string())
                .unwrap_or(p.option.clone());
            (p.week, p.by, label)
        })
        .collect();
    let rows = StoredValue::new(play.history().rows.clone());
    let weeks = play.exercise.scenario.weeks as usize;
    let lang = move || state.lang.get();
    view! {
        <div class="pair-debrief" data-testid="debrief-both">
            <h2>{move || t().pair_both}</h2>
            <table class="outcomes">
                <tbody>
                    <tr><th scope="row">{move || t().pair_client_score}</th><td class="num" data-testid="pair-client-score" data-score=client.total.to_string()>{move || number::number(client.total, 1, lang())}</td></tr>
                    <tr><th scope="row">{move || t().pair_supplier_score}</th><td class="num" data-testid="pair-supplier-score" data-score=supplier.total.to_string()>{move || number::number(supplier.total, 1, lang())}</td></tr>
                    <tr><th scope="row">{move || t().pair_joint}</th><td class="num" data-testid="pair-joint" data-value=joint.to_string()>{move || number::keur_exact(joint, 0, lang()).replace('-', "−")}</td></tr>
                </tbody>
            </table>
            <Plot testid="pair-debrief-chart" label=Signal::derive(move || t().chart_relationship.to_string())
                draw=move |area, style| {
                    rows.with_value(|rows| {
                        let series = |f: fn(&crate::sim::Row) -> f64| rows.iter().map(|r| f(r) as f32).collect::<Vec<f32>>();
                        let (c, s, l) = (series(|r| r.client_trust), series(|r| r.supplier_trust), series(|r| r.relationship));
                        let (cp, sp) = (chart::trust::CLIENT_TRUST, chart::trust::SUPPLIER_TRUST);
                        let lines = [
                            Line { values: &c, color: cp.color, width: 1.5, dashed: cp.dashed },
                            Line { values: &s, color: sp.color, width: 1.5, dashed: sp.dashed },
                            Line { values: &l, color: PLAY_LINE.color, width: 2.5, dashed: PLAY_LINE.dashed },
                        ];
                        let _ = chart::lines::draw(area, weeks, &lines, None, None, t().week, style);
                    });
                } />
            <ul class="legend">
                <Swatch pens=vec![PLAY_LINE] label=|t| t.relationship_line />
                <Swatch pens=vec![chart::trust::CLIENT_TRUST] label=|t| t.client_trust />
                <Swatch pens=vec![chart::trust::SUPPLIER_TRUST] label=|t| t.supplier_trust />
            </ul>
            <h3>{move || t().pair_misread}</h3>
            <ul data-testid="pair-misread">
                {misread.into_iter().map(|(side, week, read, actual)| view! {
                    <li>{move || Strings::fill(t().pair_misread_line, &[
                        ("week", &week.to_string()), ("side", side_name(side, t())),
                        ("read", &number::percent(read, 0, lang())), ("actual", &number::percent(actual, 0, lang())),
                    ])}</li>
                }).collect_view()}
            </ul>
            <h3>{move || t().pair_refused}</h3>
            <ul data-testid="pair-refused">
                {if none_made {
                    view! { <li>{move || t().pair_no_proposals}</li> }.into_any()
                } else if refused.is_empty() {
                    view! { <li>{move || t().pair_none_refused}</li> }.into_any()
                } else {
                    refused.into_iter().map(|(w, by, label)| view! {
                        <li>{move || format!("{} {w} · {}: {label}", t().week, side_name(by, t()))}</li>
                    }).collect_view().into_any()
                }}
            </ul>
            <p data-testid="pair-luck">{move || Strings::fill(t().pair_luck, &[("n", &PAIR_LUCK_RUNS.to_string()), ("p", &number::percent(luck, 0, lang()))])}</p>
        </div>
    }
}
