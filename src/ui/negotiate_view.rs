//! Negotiate: sweep one input with an ensemble at each value, against the same scenario on a
//! fixed fee, and show where both parties do at least as well — the win-win zone.

use std::sync::Arc;

use leptos::prelude::*;

use super::controls::Text;
use super::jobs::{self, ProgressBar};
use super::plot::Plot;
use super::state::{t, use_state, SweepResult};
use crate::format::keur_axis;
use crate::chart::{self, palette, sweep::Curve};
use crate::sim::scenario::Obligation;
use crate::sim::sweep::{sweep_values, win_win, with_param};
use crate::sim::{Plan, Scenario, Summary};

/// A sweepable input: dotted path, label, default range for a scenario, step.
type Param = (&'static str, Text, fn(&Scenario) -> (f64, f64), f64);

/// The inputs a negotiator sweeps.
const PARAMS: [Param; 6] = [
    (
        "contract.incentive_share",
        |t| t.incentive_share,
        |_| (0.0, 0.5),
        0.01,
    ),
    (
        "contract.fee_per_week",
        |t| t.fee_per_week,
        |s| (s.contract.fee_per_week * 0.7, s.contract.fee_per_week * 1.3),
        0.1,
    ),
    (
        "contract.sla_target",
        |t| t.sla_target,
        |_| (0.7, 0.99),
        0.01,
    ),
    (
        "contract.term_weeks",
        |t| t.term_weeks,
        |_| (52.0, 520.0),
        1.0,
    ),
    ("supplier.horizon", |t| t.horizon, |_| (0.0, 1.0), 0.01),
    (
        "contract.extra_work_markup",
        |t| t.extra_work_markup,
        |_| (0.0, 1.0),
        0.01,
    ),
];

fn param(path: &str) -> Param {
    PARAMS
        .iter()
        .copied()
        .find(|p| p.0 == path)
        .unwrap_or(PARAMS[0])
}

/// The scenario swept and its fixed-fee baseline: sweeping the incentive share only means
/// something under a result obligation.
fn base_and_baseline(s: &Scenario, path: &str) -> (Scenario, Scenario) {
    let mut base = s.clone();
    if path == "contract.incentive_share" {
        base.contract.obligation = Obligation::Result;
    }
    let mut baseline = s.clone();
    baseline.contract.obligation = Obligation::Effort;
    (base, baseline)
}

/// The negotiation view.
#[component]
pub fn NegotiateView() -> impl IntoView {
    let state = use_state();
    let path = RwSignal::new("contract.incentive_share");
    let from = RwSignal::new(0.0);
    let to = RwSignal::new(0.5);
    let steps = RwSignal::new(11u32);
    let runs = RwSignal::new(200u32);
    let error = RwSignal::new(None::<String>);
    let choose = move |p: &str| {
        let (id, _, range, _) = param(p);
        path.set(id);
        let (a, b) = state.scenario.with_untracked(range);
        from.set((a * 1000.0).round() / 1000.0);
        to.set((b * 1000.0).round() / 1000.0);
    };
    let run = move |_| {
        let p = path.get_untracked();
        let values = match sweep_values(
            from.get_untracked(),
            to.get_untracked(),
            steps.get_untracked(),
        ) {
            Ok(v) => v,
            Err(e) => return error.set(Some(e)),
        };
        let (base, baseline) = state.scenario.with_untracked(|s| base_and_baseline(s, p));
        let scenarios: Result<Vec<Scenario>, _> =
            values.iter().map(|v| with_param(&base, p, *v)).collect();
        let scenarios = match scenarios {
            Ok(s) => s,
            Err(e) => return error.set(Some(e.to_string())),
        };
        error.set(None);
        let mut plans: Vec<Plan> = scenarios.iter().map(Plan::new).collect();
        plans.push(Plan::new(&baseline));
        jobs::start(state, plans, runs.get_untracked(), move |done, ms| {
            let mut summaries: Vec<Summary> = done.iter().map(Summary::of).collect();
            let baseline = summaries.pop().unwrap_or_default();
            state.ensemble_ms.set(Some(ms));
            state.sweep.set(Some(Arc::new(SweepResult {
                param: p,
                points: values.into_iter().zip(summaries).collect(),
                baseline,
            })));
        });
    };
    let num = move |label: Text, sig: RwSignal<f64>, id: &'static str| {
        view! {
            <label class="mini"><span>{move || label(t())}</span>
                <input type="number" step="any" data-testid=id prop:value=move || sig.get().to_string()
                    on:change=move |ev| { if let Ok(v) = event_target_value(&ev).trim().parse::<f64>() { sig.set(v); } } />
            </label>
        }
    };
    let zone = Memo::new(move |_| {
        state
            .sweep
            .with(|s| s.as_ref().and_then(|s| win_win(&s.points, &s.baseline)))
    });
    let label_of = move || {
        state
            .sweep
            .with(|s| s.as_ref().map(|s| param(s.param).1(t())))
            .unwrap_or("")
    };
    view! {
        <div class="view">
            <section class="card">
                <div class="sweep-form">
                    <label class="mini"><span>{move || t().sweep_param}</span>
                        <select data-testid="sweep-param" on:change=move |ev| choose(&event_target_value(&ev))>
                            {PARAMS.map(|(id, label, _, _)| view! {
                                <option value=id selected=move || path.get() == id>{move || label(t())}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    {num(|t| t.from, from, "sweep-from")}
                    {num(|t| t.to, to, "sweep-to")}
                    <label class="mini"><span>{move || t().steps}</span>
                        <input type="number" min="2" max="101" data-testid="sweep-steps" prop:value=move || steps.get().to_string()
                            on:change=move |ev| { if let Ok(v) = event_target_value(&ev).trim().parse::<u32>() { steps.set(v); } } /></label>
                    <label class="mini"><span>{move || t().runs_per_point}</span>
                        <input type="number" min="10" max="10000" data-testid="sweep-runs" prop:value=move || runs.get().to_string()
                            on:change=move |ev| { if let Ok(v) = event_target_value(&ev).trim().parse::<u32>() { runs.set(v.clamp(10, 10_000)); } } /></label>
                    <button type="button" class="primary" data-testid="sweep-run" on:click=run>{move || t().run_sweep}</button>
                </div>
                <p class="field-error" role="alert">{move || error.get()}</p>
                <ProgressBar />
                <p class="muted small-print">{move || t().sweep_note}</p>
                <p class="winwin" data-testid="winwin-range" class:found=move || zone.get().is_some()>
                    {move || state.sweep.with(|s| s.is_some()).then(|| match zone.get() {
                        Some((a, b)) => format!("{}: {} {a:.3} – {b:.3}. {}", t().winwin, label_of(), t().winwin_found),
                        None => t().winwin_none.to_string(),
                    })}
                </p>
            </section>
            <div class="pair">
                <section class="card">
                    <h2>{move || t().money_vs}</h2>
                    <ul class="legend">
                        <li><span class="swatch" style="--c:#0072b2"></span>{move || t().client_cost_cum}</li>
                        <li><span class="swatch" style="--c:#e69f00"></span>{move || t().supplier_margin_cum}</li>
                        <li><span class="swatch dashed" style="--c:#555"></span>{move || t().baseline}</li>
                        <li><span class="swatch band" style="--c:#009e73"></span>{move || t().winwin}</li>
                    </ul>
                    <Plot testid="chart-sweep" label=Signal::derive(move || t().money_vs.to_string())
                        draw=move |area, style| {
                            let z = zone.get();
                            let x = label_of();
                            state.sweep.with(|s| if let Some(s) = s {
                                let cost: Vec<(f64, f64)> = s.points.iter().map(|(v, p)| (*v, p.totals.client_cost)).collect();
                                let margin: Vec<(f64, f64)> = s.points.iter().map(|(v, p)| (*v, p.totals.supplier_margin)).collect();
                                let curves = [
                                    Curve { points: &cost, color: palette::BLUE, baseline: Some(s.baseline.totals.client_cost) },
                                    Curve { points: &margin, color: palette::ORANGE, baseline: Some(s.baseline.totals.supplier_margin) },
                                ];
                                let _ = chart::sweep::draw(area, &curves, z, x, &|v| keur_axis(*v), style);
                            });
                        } />
                </section>
                <section class="card">
                    <h2>{move || t().prob_partnership}</h2>
                    <Plot testid="chart-sweep-partnership" label=Signal::derive(move || t().prob_partnership.to_string())
                        draw=move |area, style| {
                            let z = zone.get();
                            let x = label_of();
                            state.sweep.with(|s| if let Some(s) = s {
                                let p: Vec<(f64, f64)> = s.points.iter().map(|(v, p)| (*v, p.status_at_end.partnership)).collect();
                                let curves = [Curve { points: &p, color: palette::GREEN, baseline: Some(s.baseline.status_at_end.partnership) }];
                                let _ = chart::sweep::draw(area, &curves, z, x, &chart::percent, style);
                            });
                        } />
                </section>
            </div>
        </div>
    }
}
