//! Many futures: an ensemble of the current scenario as a fan chart, status shares, survival and
//! an outcome table.

use crate::text::names;
use crate::text::number;
use crate::ui::widgets::outcome_table::{OutcomeRow, OutcomeTable};
use std::sync::Arc;

use leptos::prelude::*;

use crate::sim::stats::spread;
use crate::text::number::keur;
use crate::ui::app::state::{t, use_state};
use crate::ui::compute::jobs::{self, ProgressBar};
use crate::ui::widgets::chart_table::{ensemble_table, ShareTableView};
use crate::ui::widgets::common::{band, EnsembleMs, RunsField, Swatch};
use crate::ui::widgets::outcome::EnsembleSummaryData;
use crate::ui::widgets::plot::Plot;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;

use crate::chart::{self, palette, ChartStyle};
use crate::sim::{Ensemble, Plan, Status};

/// Calls `f` with the last finished ensemble, if there is one (tracking it).
fn with_ensemble(f: impl Fn(&Ensemble)) {
    use_state().ensemble.with(|e| {
        if let Some(e) = e {
            f(e)
        }
    })
}

/// The ensemble view.
#[component]
pub fn EnsembleView() -> impl IntoView {
    let state = use_state();
    Effect::new(move |_| {
        let plan = state.scenario.with(Plan::new);
        let runs = state.runs.get();
        jobs::start(state, vec![plan], runs, move |mut done, ms| {
            state.ensemble.set(done.pop().map(Arc::new));
            state.ensemble_ms.set(Some(ms));
        });
    });
    view! {
        <div class="view">
            <div class="view-bar">
                <RunsField />
                <EnsembleMs />
                <ProgressBar />
                <EnsembleSummaryData />
                <button type="button" class="small" data-testid="ensemble-csv"
                    disabled=move || state.ensemble.with(Option::is_none)
                    on:click=move |_| {
                        let csv = state.ensemble.with_untracked(|e| e.as_ref().map(|e| crate::sim::Summary::of(e).to_csv()));
                        if let Some(csv) = csv {
                            crate::ui::platform::download::download_csv("relsim-futures.csv", &csv);
                        }
                    }>{move || t().summary_csv}</button>
            </div>
            <FanCard />
            <div class="pair">
                <StatusCard />
                <SurvivalCard />
            </div>
            <Outcomes />
        </div>
    }
}

/// The fan of the relationship line over the runs.
#[component]
fn FanCard() -> impl IntoView {
    let state = use_state();
    let draw = move |area: &DrawingArea<CanvasBackend, Shift>, style: &ChartStyle| {
        let bounds = state.scenario.with(|s| s.bounds.clone());
        let week = t().week;
        with_ensemble(|e| {
            let _ = chart::ensemble::draw_fan(area, e, None, &bounds, week, style);
        });
    };
    let fan = chart::ensemble::FAN_A.color;
    view! {
        <section class="card">
            <h2>{move || t().fan_title}</h2>
            <ul class="legend">
                <Swatch pens=band(fan) label=|t| t.median />
                <Swatch pens=band(fan) label=|t| t.fan_band class="band" />
                <Swatch pens=band(chart::ensemble::sample_color(fan)) label=|t| t.sample_runs class="thin" />
            </ul>
            <Plot
                testid="chart-fan"
                describedby="chart-fan-summary".to_string()
                label=Signal::derive(move || t().fan_title.to_string())
                draw
            />
            <ShareTableView
                chart="chart-fan"
                title=|t| t.fan_title
                data=Signal::derive(move || {
                    state.ensemble.with(|e| e.as_ref().map(|e| ensemble_table(e, "chart-fan", state.lang.get())))
                })
            />
        </section>
    }
}

/// The share of runs in each status per week.
#[component]
fn StatusCard() -> impl IntoView {
    let state = use_state();
    let draw = move |area: &DrawingArea<CanvasBackend, Shift>, style: &ChartStyle| {
        let week = t().week;
        with_ensemble(|e| {
            let _ = chart::ensemble::draw_status(area, e, week, style);
        });
    };
    let legend = Status::ALL.map(|s| {
        let style = format!("background:{}", palette::css(chart::status_color(s)));
        view! {
            <li>
                <span class="dot" style=style></span>
                {move || names::status(s, t())}
            </li>
        }
    });
    view! {
        <section class="card">
            <h2>{move || t().status_title}</h2>
            <ul class="legend">{legend.collect_view()}</ul>
            <Plot
                testid="chart-status"
                describedby="chart-status-summary".to_string()
                label=Signal::derive(move || t().status_title.to_string())
                draw
            />
            <ShareTableView
                chart="chart-status"
                title=|t| t.status_title
                data=Signal::derive(move || {
                    state.ensemble.with(|e| e.as_ref().map(|e| ensemble_table(e, "chart-status", state.lang.get())))
                })
            />
        </section>
    }
}

/// The share of runs still running, and still a partnership.
#[component]
fn SurvivalCard() -> impl IntoView {
    let state = use_state();
    let draw = move |area: &DrawingArea<CanvasBackend, Shift>, style: &ChartStyle| {
        let week = t().week;
        with_ensemble(|e| {
            let _ = chart::ensemble::draw_survival(area, e, week, style);
        });
    };
    view! {
        <section class="card">
            <h2>{move || t().survival_title}</h2>
            <ul class="legend">
                <Swatch pens=[chart::ensemble::RUNNING] label=|t| t.still_running />
                <Swatch pens=[chart::ensemble::PARTNERSHIP] label=|t| t.still_partnership />
            </ul>
            <Plot
                testid="chart-survival"
                describedby="chart-survival-summary".to_string()
                label=Signal::derive(move || t().survival_title.to_string())
                draw
            />
            <ShareTableView
                chart="chart-survival"
                title=|t| t.survival_title
                data=Signal::derive(move || {
                    state.ensemble.with(|e| e.as_ref().map(|e| ensemble_table(e, "chart-survival", state.lang.get())))
                })
            />
        </section>
    }
}

#[component]
fn Outcomes() -> impl IntoView {
    let state = use_state();
    let rows = move || {
        state.ensemble.with(|e| {
            let e = e.as_ref()?;
            let tr = t();
            let lang = state.lang.get();
            let n = e.outcomes.len().max(1) as f64;
            let mut out: Vec<OutcomeRow> = Status::ALL
                .iter()
                .map(|s| {
                    let share = e.outcomes.iter().filter(|o| o.end_status == *s).count() as f64 / n;
                    [
                        format!("{} {}", tr.ending_as, names::status(*s, tr).to_lowercase()),
                        number::percent(share, 0, lang),
                        String::new(),
                        String::new(),
                    ]
                })
                .collect();
            let (m, lo, hi) = spread(&e.outcomes, |o| o.mean_effort);
            let pct = |v: f64| number::percent(v, 0, lang);
            out.push([tr.mean_focus.to_string(), pct(m), pct(lo), pct(hi)]);
            let (m, lo, hi) = spread(&e.outcomes, |o| o.client_cost);
            out.push([
                tr.total_client_cost.to_string(),
                keur(m, lang),
                keur(lo, lang),
                keur(hi, lang),
            ]);
            let (m, lo, hi) = spread(&e.outcomes, |o| o.supplier_margin);
            out.push([
                tr.total_supplier_margin.to_string(),
                keur(m, lang),
                keur(lo, lang),
                keur(hi, lang),
            ]);
            let (m, lo, hi) = spread(&e.outcomes, |o| o.client_net_value);
            out.push([
                tr.total_client_net_value.to_string(),
                keur(m, lang),
                keur(lo, lang),
                keur(hi, lang),
            ]);
            Some(out)
        })
    };
    view! {
        <OutcomeTable testid="outcome-table" columns=[|t| t.mean, |t| t.p10, |t| t.p90] rows=Signal::derive(move || rows().unwrap_or_default()) />
    }
}
