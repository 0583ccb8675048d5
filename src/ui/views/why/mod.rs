//! Why: drag a window on the relationship chart; the change of the line in it is split into its
//! causes, drawn as a waterfall and told in one sentence per main cause.

use crate::text::names;
use crate::text::number;
use leptos::html::Canvas;
use leptos::prelude::*;

use crate::chart;
use crate::sim::why::{explain, Cause};
use crate::text::Strings;
use crate::ui::app::state::{t, use_state};
use crate::ui::widgets::chart_table::ChartTable;
use crate::ui::widgets::plot::Plot;

/// Causes shown one by one; the rest are summed.
const SHOWN: usize = 8;

fn cause_name(c: &Cause, t: &Strings) -> String {
    match c {
        Cause::Settling => t.cause_settling.into(),
        Cause::Quality => t.cause_quality.into(),
        Cause::Trust => t.cause_trust.into(),
        Cause::Wishes => t.cause_wishes.into(),
        Cause::Results => t.cause_results.into(),
        Cause::Cost => t.cause_cost.into(),
        Cause::Alignment => t.cause_alignment.into(),
        Cause::Margin => t.cause_margin.into(),
        Cause::Other => t.cause_other.into(),
        Cause::Incident {
            week,
            incident,
            random,
        } => format!(
            "{} {week}: {}{} ({})",
            t.week,
            names::kind(incident.kind, t),
            if *random {
                format!(", {}", t.random)
            } else {
                String::new()
            },
            if incident.party == crate::sim::Party::Client {
                t.client
            } else {
                t.supplier
            }
        ),
        Cause::Intervention { week, kind } => {
            format!("{} {week}: {}", t.week, names::intervention_id(kind, t))
        }
    }
}

/// The why view.
#[component]
pub fn WhyView() -> impl IntoView {
    let state = use_state();
    let weeks = move || state.scenario.with(|s| s.weeks as usize);
    let window = move || state.window.get().unwrap_or((0, weeks().saturating_sub(1)));
    let explanation = Memo::new(move |_| {
        let (a, b) = window();
        state.scenario.with(|s| explain(s, a as u32, b as u32))
    });
    let canvas = NodeRef::<Canvas>::new();
    let drag = RwSignal::new(None::<usize>);
    let week_at = move |x: f64| {
        let el = canvas.get()?;
        chart::week_at(x, el.client_width() as f64, weeks())
    };
    let set_window = move |a: usize, b: usize| state.window.set(Some((a.min(b), a.max(b))));
    let overlay = move || {
        let (a, b) = window();
        let n = weeks().max(1) as f64;
        let f = |w: f64| w / n;
        format!(
            "left:calc({l}px + (100% - {w}px) * {:.4});width:calc((100% - {w}px) * {:.4})",
            f(a as f64),
            f((b + 1 - a) as f64),
            l = chart::PLOT_LEFT,
            w = chart::PLOT_LEFT + chart::PLOT_RIGHT
        )
    };
    let groups = Memo::new(move |_| {
        let e = explanation.get();
        let tr = t();
        let mut shown: Vec<(String, f64)> = e
            .causes
            .iter()
            .take(SHOWN)
            .map(|(c, v)| (cause_name(c, tr), *v))
            .collect();
        let rest: f64 = e.causes.iter().skip(SHOWN).map(|c| c.1).sum();
        if e.causes.len() > SHOWN {
            shown.push((
                format!("{} {}", e.causes.len() - SHOWN, tr.more_causes),
                rest,
            ));
        }
        (e.start, e.end, shown)
    });
    let num = move |label: fn(&Strings) -> &'static str, id: &'static str, first: bool| {
        view! {
            <label class="mini">
                <span>{move || label(t())}</span>
                <input
                    type="number"
                    min="0"
                    data-testid=id
                    prop:value=move || {
                        let (a, b) = window();
                        (if first { a } else { b }).to_string()
                    }
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).trim().parse::<usize>() {
                            let (a, b) = window();
                            let v = v.min(weeks().saturating_sub(1));
                            if first { set_window(v, b) } else { set_window(a, v) }
                        }
                    }
                />
            </label>
        }
    };
    view! {
        <div class="view">
            <section class="card">
                <h2>{move || t().chart_relationship}</h2>
                <p class="muted small-print">{move || t().why_hint}</p>
                <div class="why-fields">
                    {num(|t| t.from, "why-from", true)}{num(|t| t.to, "why-to", false)}
                </div>
                <div
                    class="chart-wrap why-wrap"
                    on:pointerdown=move |ev| {
                        ev.prevent_default();
                        if let Some(w) = week_at(ev.offset_x() as f64) {
                            drag.set(Some(w));
                            set_window(w, w);
                        }
                    }
                    on:pointermove=move |ev| {
                        if let (Some(a), Some(w)) = (drag.get_untracked(), week_at(ev.offset_x() as f64)) {
                            set_window(a, w);
                        }
                    }
                    on:pointerup=move |_| drag.set(None)
                    on:pointerleave=move |_| drag.set(None)
                >
                    <Plot
                        testid="chart-why"
                        node_ref=canvas
                        describedby="chart-relationship-summary".to_string()
                        label=Signal::derive(move || t().chart_relationship.to_string())
                        draw=move |area, style| {
                            let week = t().week;
                            state
                                .history
                                .with(|h| {
                                    state
                                        .scenario
                                        .with(|s| {
                                            let _ = chart::relationship::draw(area, h, s, week, None, style);
                                        })
                                });
                        }
                    />
                    <div class="window" style=overlay></div>
                </div>
                <ChartTable chart="chart-relationship" title=|t| t.chart_relationship />
            </section>
            <div class="pair">
                <section class="card">
                    <h2>
                        {move || {
                            let (a, b) = window();
                            format!("{} ({} {a}–{b})", t().why_change, t().week.to_lowercase())
                        }}
                    </h2>
                    <Plot
                        testid="chart-waterfall"
                        label=Signal::derive(move || t().why_change.to_string())
                        draw=move |area, style| {
                            let (start, _, shown) = groups.get();
                            let steps: Vec<f64> = shown.iter().map(|s| s.1).collect();
                            let _ = chart::waterfall::draw(area, start, &steps, ("←", "→"), style);
                        }
                    />
                </section>
                <section class="card">
                    <table class="outcomes why-table" data-testid="why-causes">
                        <tbody>
                            {move || {
                                let (start, _, _) = groups.get();
                                view! {
                                    <tr>
                                        <th scope="row">"← " {move || t().why_window}</th>
                                        <td data-start=start
                                            .to_string()>{number::percent(start, 1, state.lang.get())}</td>
                                    </tr>
                                }
                            }}
                            {move || {
                                groups
                                    .get()
                                    .2
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, (name, v))| {
                                        view! {
                                            <tr class="cause">
                                                <th scope="row">{format!("{}. {name}", i + 1)}</th>
                                                <td data-value=v.to_string() class=direction(v)>
                                                    {number::points(v, 1, state.lang.get())}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                            {move || {
                                let (start, end, _) = groups.get();
                                view! {
                                    <tr class="total">
                                        <th scope="row">{move || t().total}</th>
                                        <td data-change=(end - start)
                                            .to_string()>
                                            {format!(
                                                "{} → {}",
                                                number::points(end - start, 1, state.lang.get()),
                                                number::percent(end, 1, state.lang.get()),
                                            )}
                                        </td>
                                    </tr>
                                }
                            }}
                        </tbody>
                    </table>
                    <ul class="why-sentences">
                        {move || {
                            groups
                                .get()
                                .2
                                .into_iter()
                                .filter(|(_, v)| v.abs() >= 0.005)
                                .take(5)
                                .map(|(name, v)| {
                                    let tr = t();
                                    view! {
                                        <li>
                                            {format!(
                                                "{name} {} {}\u{a0}pp.",
                                                if v >= 0.0 { tr.raised } else { tr.lowered },
                                                number::number(v.abs() * 100.0, 1, state.lang.get()),
                                            )}
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </section>
            </div>
        </div>
    }
}

/// The class of a cause's contribution: it raised the line or lowered it.
fn direction(v: f64) -> &'static str {
    if v >= 0.0 {
        "up"
    } else {
        "down"
    }
}
