//! Many futures: an ensemble of the current scenario as a fan chart, status shares, survival and
//! an outcome table.

use std::sync::Arc;

use leptos::prelude::*;

use super::chart_table::{ensemble_table, ShareTableView};
use super::jobs::{self, ProgressBar};
use super::plot::Plot;
use super::state::{t, use_state};
use super::summary::{keur, status_name};
use crate::chart;
use crate::sim::ensemble::RunOutcome;
use crate::sim::{Ensemble, Plan, Status, MAX_RUNS};

/// The `q`-quantile of `values` (nearest rank).
pub fn quantile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let i = ((values.len() - 1) as f64 * q).round() as usize;
    values[i]
}

/// Mean, 10th and 90th percentile of one outcome over the runs.
pub fn spread(outcomes: &[RunOutcome], f: fn(&RunOutcome) -> f64) -> (f64, f64, f64) {
    let mut v: Vec<f64> = outcomes.iter().map(f).collect();
    let mean = v.iter().sum::<f64>() / v.len().max(1) as f64;
    (mean, quantile(&mut v, 0.1), quantile(&mut v, 0.9))
}

/// The runs field shared by the ensemble and compare views.
#[component]
pub fn RunsField() -> impl IntoView {
    let state = use_state();
    let error = RwSignal::new(None::<String>);
    view! {
        <label class="mini runs-field">
            <span>{move || t().runs}</span>
            <input type="number" min="10" max=MAX_RUNS step="10" data-testid="ensemble-runs"
                prop:value=move || state.runs.get().to_string()
                on:change=move |ev| {
                    match event_target_value(&ev).trim().parse::<u32>() {
                        Ok(n) if (10..=MAX_RUNS).contains(&n) => { error.set(None); state.runs.set(n); }
                        _ => error.set(Some(format!("{} {} 10 – {MAX_RUNS}", t().runs, t().field_range))),
                    }
                } />
            <span class="field-error" role="alert">{move || error.get()}</span>
        </label>
    }
}

/// The time the last ensemble took.
#[component]
pub fn EnsembleMs() -> impl IntoView {
    let state = use_state();
    view! {
        <span class="muted">
            {move || t().computed_in}" "
            <span data-testid="ensemble-ms">{move || state.ensemble_ms.get().map(|ms| format!("{ms:.0}")).unwrap_or_default()}</span>
            " ms"
        </span>
    }
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
    let bounds = move || state.scenario.with(|s| s.bounds.clone());
    let with_e = move |f: &dyn Fn(&Ensemble)| {
        state.ensemble.with(|e| {
            if let Some(e) = e {
                f(e)
            }
        })
    };
    view! {
        <div class="view">
            <div class="view-bar"><RunsField /><EnsembleMs /><ProgressBar /></div>
            <section class="card">
                <h2>{move || t().fan_title}</h2>
                <ul class="legend">
                    <li><span class="swatch" style="--c:#0072b2"></span>{move || t().median}</li>
                    <li><span class="swatch band" style="--c:#0072b2"></span>{move || t().fan_band}</li>
                    <li><span class="swatch thin" style="--c:#8fb9d6"></span>{move || t().sample_runs}</li>
                </ul>
                <Plot testid="chart-fan" describedby="chart-fan-summary".to_string() label=Signal::derive(move || t().fan_title.to_string())
                    draw=move |area, style| { let b = bounds(); let week = t().week; with_e(&|e| { let _ = chart::ensemble::draw_fan(area, e, None, &b, week, style); }); } />
                <ShareTableView chart="chart-fan" title=|t| t.fan_title
                    data=Signal::derive(move || state.ensemble.with(|e| e.as_ref().map(|e| ensemble_table(e, "chart-fan", state.lang.get())))) />
            </section>
            <div class="pair">
                <section class="card">
                    <h2>{move || t().status_title}</h2>
                    <ul class="legend">{Status::ALL.map(|s| view! {
                        <li><span class=format!("dot status-{}", s.id())></span>{move || status_name(s, t())}</li>
                    }).collect_view()}</ul>
                    <Plot testid="chart-status" describedby="chart-status-summary".to_string() label=Signal::derive(move || t().status_title.to_string())
                        draw=move |area, style| { let week = t().week; with_e(&|e| { let _ = chart::ensemble::draw_status(area, e, week, style); }); } />
                <ShareTableView chart="chart-status" title=|t| t.status_title
                    data=Signal::derive(move || state.ensemble.with(|e| e.as_ref().map(|e| ensemble_table(e, "chart-status", state.lang.get())))) />
                </section>
                <section class="card">
                    <h2>{move || t().survival_title}</h2>
                    <ul class="legend">
                        <li><span class="swatch" style="--c:#222"></span>{move || t().still_running}</li>
                        <li><span class="swatch" style="--c:#009e73"></span>{move || t().still_partnership}</li>
                    </ul>
                    <Plot testid="chart-survival" describedby="chart-survival-summary".to_string() label=Signal::derive(move || t().survival_title.to_string())
                        draw=move |area, style| { let week = t().week; with_e(&|e| { let _ = chart::ensemble::draw_survival(area, e, week, style); }); } />
                <ShareTableView chart="chart-survival" title=|t| t.survival_title
                    data=Signal::derive(move || state.ensemble.with(|e| e.as_ref().map(|e| ensemble_table(e, "chart-survival", state.lang.get())))) />
                </section>
            </div>
            <OutcomeTable />
        </div>
    }
}

#[component]
fn OutcomeTable() -> impl IntoView {
    let state = use_state();
    let rows = move || {
        state.ensemble.with(|e| {
            let e = e.as_ref()?;
            let tr = t();
            let n = e.outcomes.len().max(1) as f64;
            let mut out: Vec<(String, String, String, String)> = Status::ALL
                .iter()
                .map(|s| {
                    let share = e.outcomes.iter().filter(|o| o.end_status == *s).count() as f64 / n;
                    (
                        format!("{} {}", tr.ending_as, status_name(*s, tr).to_lowercase()),
                        format!("{:.0}%", share * 100.0),
                        String::new(),
                        String::new(),
                    )
                })
                .collect();
            let (m, lo, hi) = spread(&e.outcomes, |o| o.mean_effort);
            let pct = |v: f64| format!("{:.0}%", v * 100.0);
            out.push((tr.mean_focus.to_string(), pct(m), pct(lo), pct(hi)));
            let (m, lo, hi) = spread(&e.outcomes, |o| o.client_cost);
            out.push((
                tr.total_client_cost.to_string(),
                keur(m),
                keur(lo),
                keur(hi),
            ));
            let (m, lo, hi) = spread(&e.outcomes, |o| o.supplier_margin);
            out.push((
                tr.total_supplier_margin.to_string(),
                keur(m),
                keur(lo),
                keur(hi),
            ));
            Some(out)
        })
    };
    view! {
        <section class="card">
            <h2>{move || t().outcomes}</h2>
            <table class="outcomes" data-testid="outcome-table">
                <thead><tr><th scope="col">{move || t().metric}</th><th scope="col">{move || t().mean}</th>
                    <th scope="col">{move || t().p10}</th><th scope="col">{move || t().p90}</th></tr></thead>
                <tbody>
                    {move || rows().unwrap_or_default().into_iter().map(|(a, b, c, d)| view! {
                        <tr><th scope="row">{a}</th><td>{b}</td><td>{c}</td><td>{d}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
