//! Negotiate: sweep one input with an ensemble at each value, against the same scenario on a
//! fixed fee, and show where both parties do at least as well — the win-win zone.

pub mod deal_map;

use crate::text::number;
use std::sync::Arc;

use leptos::prelude::*;

use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;

use crate::chart::sweep::{Curve, COST, MARGIN, NET_VALUE, PARTNERSHIP, ZONE};
use crate::chart::{self, ChartStyle, Pen};
use crate::sim::deal_map::base_and_baseline;
use crate::sim::fields::{self, Field};
use crate::sim::sweep::{sweep_values, win_win, with_param, MAX_STEPS, MIN_STEPS};
use crate::sim::{Plan, Scenario, Summary, MAX_RUNS};
use crate::text::fixed;
use crate::text::Problem;
use crate::ui::app::state::{t, use_state, AppState, SweepResult};
use crate::ui::compute::jobs::{self, ProgressBar};
use crate::ui::widgets::common::{band, CountField, RangeEnd, Swatch, MIN_RUNS};
use crate::ui::widgets::controls::FieldError;
use crate::ui::widgets::plot::Plot;

/// The sweepable input at `path` (the first one if there is none).
fn param(path: &str) -> &'static Field<Scenario> {
    fields::find(path)
        .filter(|f| f.sweep.is_some())
        .or_else(|| fields::sweepable().next())
        .unwrap_or(&fields::INCENTIVE_SHARE)
}

/// The sweep's settings as the form holds them.
#[derive(Clone, Copy)]
struct Form {
    path: RwSignal<&'static str>,
    from: RwSignal<f64>,
    to: RwSignal<f64>,
    steps: RwSignal<u32>,
    runs: RwSignal<u32>,
    error: RwSignal<Option<Problem>>,
}

impl Form {
    /// Checks the form and starts the sweep, or says what is wrong.
    fn run(self, state: AppState) {
        let field = param(self.path.get_untracked());
        let (from, to) = (self.from.get_untracked(), self.to.get_untracked());
        let (base, baseline) = state
            .scenario
            .with_untracked(|s| base_and_baseline(s, &[field.path]));
        for v in [from, to] {
            if let Err(r) = field.range.check(&base, v) {
                return self.error.set(Some(Problem::OutOfRange {
                    label: field.label,
                    range: field.range,
                    refusal: r,
                }));
            }
        }
        let values = match sweep_values(from, to, self.steps.get_untracked()) {
            Ok(v) => v,
            Err(e) => return self.error.set(Some(Problem::Plain(e))),
        };
        let scenarios: Result<Vec<Scenario>, _> = values
            .iter()
            .map(|v| with_param(&base, field.path, *v))
            .collect();
        let scenarios = match scenarios {
            Ok(s) => s,
            Err(e) => {
                let next = with_param(&base, field.path, from).unwrap_or(base);
                return self.error.set(Some(Problem::refused(e, &next)));
            }
        };
        self.error.set(None);
        let mut plans: Vec<Plan> = scenarios.iter().map(Plan::new).collect();
        plans.push(Plan::new(&baseline));
        let path = field.path;
        jobs::start(state, plans, self.runs.get_untracked(), move |done, ms| {
            let mut summaries: Vec<Summary> = done.iter().map(Summary::of).collect();
            let baseline = summaries.pop().unwrap_or_default();
            state.ensemble_ms.set(Some(ms));
            state.sweep.set(Some(Arc::new(SweepResult {
                param: path,
                points: values.into_iter().zip(summaries).collect(),
                baseline,
            })));
        });
    }
}

/// The negotiation view.
#[component]
pub fn NegotiateView() -> impl IntoView {
    let state = use_state();
    let first = param(fields::INCENTIVE_SHARE.path);
    let (from, to) = state.scenario.with_untracked(|s| first.sweep_window(s));
    let form = Form {
        path: RwSignal::new(first.path),
        from: RwSignal::new(from),
        to: RwSignal::new(to),
        steps: RwSignal::new(11),
        runs: RwSignal::new(200),
        error: RwSignal::new(None),
    };
    let zone = Memo::new(move |_| {
        state
            .sweep
            .with(|s| s.as_ref().and_then(|s| win_win(&s.points, &s.baseline)))
    });
    let label_of = move || {
        let path = state.sweep.with(|s| s.as_ref().map(|s| s.param));
        path.map_or("", |p| t().label(param(p).label))
    };
    view! {
        <div class="view">
            <section class="card">
                <SweepForm form />
                <FieldError error=form.error />
                <ProgressBar />
                <p class="muted small-print">{move || t().sweep_note}</p>
                <WinWin zone label_of />
            </section>
            <div class="pair">
                <MoneyCard zone label_of />
                <PartnershipCard zone label_of />
            </div>
            <crate::ui::views::negotiate::deal_map::DealMapCard />
        </div>
    }
}

/// The input to sweep, its window, the number of points and runs per point, and the button.
#[component]
fn SweepForm(form: Form) -> impl IntoView {
    let state = use_state();
    let choose = move |ev: leptos::ev::Event| {
        let field = param(&event_target_value(&ev));
        form.path.set(field.path);
        let (a, b) = state.scenario.with_untracked(|s| field.sweep_window(s));
        form.from
            .set(fixed(a, field.range.step).parse().unwrap_or(a));
        form.to.set(fixed(b, field.range.step).parse().unwrap_or(b));
        form.error.set(None);
    };
    let options = fields::sweepable()
        .map(|f| {
            let selected = move || form.path.get() == f.path;
            view! {
                <option value=f.path selected=selected>
                    {move || t().label(f.label)}
                </option>
            }
        })
        .collect_view();
    let step = Signal::derive(move || param(form.path.get()).range.step);
    view! {
        <div class="sweep-form">
            <label class="mini">
                <span>{move || t().sweep_param}</span>
                <select data-testid="sweep-param" on:change=choose>
                    {options}
                </select>
            </label>
            <RangeEnd label=|t| t.from value=form.from step testid="sweep-from" />
            <RangeEnd label=|t| t.to value=form.to step testid="sweep-to" />
            <CountField label=|t| t.steps value=form.steps min=MIN_STEPS max=MAX_STEPS testid="sweep-steps" />
            <CountField
                label=|t| t.runs_per_point
                value=form.runs
                min=MIN_RUNS
                max=MAX_RUNS
                testid="sweep-runs"
            />
            <button type="button" class="primary" data-testid="sweep-run" on:click=move |_| form.run(state)>
                {move || t().run_sweep}
            </button>
        </div>
    }
}

/// The win-win zone found by the last sweep, or that there is none.
#[component]
fn WinWin(
    zone: Memo<Option<(f64, f64)>>,
    label_of: impl Fn() -> &'static str + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let text = move || {
        state.sweep.with(|s| s.is_some()).then(|| match zone.get() {
            Some((a, b)) => {
                let lang = state.lang.get();
                format!(
                    "{}: {} {} – {}. {}",
                    t().winwin,
                    label_of(),
                    number::number(a, 3, lang),
                    number::number(b, 3, lang),
                    t().winwin_found
                )
            }
            None => t().winwin_none.to_string(),
        })
    };
    view! {
        <p class="winwin" data-testid="winwin-range" class:found=move || zone.get().is_some()>
            {text}
        </p>
    }
}

/// Client cost and supplier margin over the swept values, against the fixed-fee baseline.
#[component]
fn MoneyCard(
    zone: Memo<Option<(f64, f64)>>,
    label_of: impl Fn() -> &'static str + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let state = use_state();
    let draw = move |area: &DrawingArea<CanvasBackend, Shift>, style: &ChartStyle| {
        let (z, x) = (zone.get(), label_of());
        state.sweep.with(|s| {
            let Some(s) = s else { return };
            let at = |f: fn(&Summary) -> f64| -> Vec<(f64, f64)> {
                s.points.iter().map(|(v, p)| (*v, f(p))).collect()
            };
            let (cost, margin, net) = (
                at(|p| p.totals.client_cost),
                at(|p| p.totals.supplier_margin),
                at(|p| p.totals.client_net_value),
            );
            let base = &s.baseline.totals;
            let curves = [
                Curve {
                    points: &cost,
                    color: COST,
                    baseline: Some(base.client_cost),
                },
                Curve {
                    points: &margin,
                    color: MARGIN,
                    baseline: Some(base.supplier_margin),
                },
                Curve {
                    points: &net,
                    color: NET_VALUE,
                    baseline: Some(base.client_net_value),
                },
            ];
            let _ = chart::sweep::draw(area, &curves, z, x, &|v: &f64| style.keur(*v), style);
        });
    };
    view! {
        <section class="card">
            <h2>{move || t().money_vs}</h2>
            <ul class="legend">
                <Swatch pens=band(COST) label=|t| t.client_cost_cum />
                <Swatch pens=band(MARGIN) label=|t| t.supplier_margin_cum />
                <Swatch pens=band(NET_VALUE) label=|t| t.total_client_net_value />
                <Swatch pens=[Pen::dashed(COST), Pen::dashed(MARGIN), Pen::dashed(NET_VALUE)] label=|t| t.baseline />
                <Swatch pens=band(ZONE) label=|t| t.winwin class="band" />
            </ul>
            <Plot
                testid="chart-sweep"
                describedby="chart-sweep-summary".to_string()
                label=Signal::derive(move || t().money_vs.to_string())
                draw
            />
            <SweepTable chart="chart-sweep" label_of />
        </section>
    }
}

/// The chance of ending as a partnership over the swept values.
#[component]
fn PartnershipCard(
    zone: Memo<Option<(f64, f64)>>,
    label_of: impl Fn() -> &'static str + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let state = use_state();
    let draw = move |area: &DrawingArea<CanvasBackend, Shift>, style: &ChartStyle| {
        let (z, x) = (zone.get(), label_of());
        state.sweep.with(|s| {
            let Some(s) = s else { return };
            let p: Vec<(f64, f64)> = s
                .points
                .iter()
                .map(|(v, p)| (*v, p.status_at_end.partnership))
                .collect();
            let baseline = Some(s.baseline.status_at_end.partnership);
            let curves = [Curve {
                points: &p,
                color: PARTNERSHIP,
                baseline,
            }];
            let _ = chart::sweep::draw(area, &curves, z, x, &|v: &f64| style.percent(*v), style);
        });
    };
    view! {
        <section class="card">
            <h2>{move || t().prob_partnership}</h2>
            <Plot
                testid="chart-sweep-partnership"
                describedby="chart-sweep-partnership-summary".to_string()
                label=Signal::derive(move || t().prob_partnership.to_string())
                draw
            />
            <SweepTable chart="chart-sweep-partnership" label_of />
        </section>
    }
}

/// The numbers behind the sweep charts: per swept value (and for the fixed-fee baseline) the
/// client's cost and net value, the supplier's margin and the chance of ending as a
/// partnership, with a one-sentence summary for screen readers.
#[component]
fn SweepTable(
    chart: &'static str,
    label_of: impl Fn() -> &'static str + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let state = use_state();
    let open = RwSignal::new(false);
    let table_id = format!("{chart}-table");
    let money = move |v: f64| format!("{} k€", number::number(v, 0, state.lang.get()));
    let share = move |v: f64| format!("{} %", number::number(v * 100.0, 1, state.lang.get()));
    let cells = move |s: &Summary| {
        [
            money(s.totals.client_cost),
            money(s.totals.supplier_margin),
            money(s.totals.client_net_value),
            share(s.status_at_end.partnership),
        ]
    };
    let summary = move || {
        state.sweep.with(|s| {
            let Some(s) = s else { return String::new() };
            let (first, last) = (s.points.first(), s.points.last());
            match (first, last) {
                (Some((a, pa)), Some((b, pb))) => format!(
                    "{} {} → {}: {} {} → {}; {} {} → {}.",
                    label_of(),
                    number::number(*a, 2, state.lang.get()),
                    number::number(*b, 2, state.lang.get()),
                    t().total_client_net_value,
                    money(pa.totals.client_net_value),
                    money(pb.totals.client_net_value),
                    t().total_supplier_margin,
                    money(pa.totals.supplier_margin),
                    money(pb.totals.supplier_margin),
                ),
                _ => String::new(),
            }
        })
    };
    let table = move || {
        state.sweep.with(|s| {
            let s = s.as_ref()?;
            let tr = t();
            let rows = std::iter::once((tr.baseline.to_string(), cells(&s.baseline)))
                .chain(s.points.iter().map(|(v, p)| (number::number(*v, 3, state.lang.get()), cells(p))))
                .map(|(head, row)| {
                    view! {
                        <tr>
                            <th scope="row">{head}</th>
                            {row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                        </tr>
                    }
                })
                .collect_view();
            Some(view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || t().money_vs>
                    <table class="chart-table" data-testid="chart-table" data-chart=chart>
                        <thead>
                            <tr>
                                <th scope="col">{label_of()}</th>
                                <th scope="col">{tr.total_client_cost}</th>
                                <th scope="col">{tr.total_supplier_margin}</th>
                                <th scope="col">{tr.total_client_net_value}</th>
                                <th scope="col">{tr.prob_partnership}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })
        })
    };
    view! {
        <p class="visually-hidden" id=format!("{chart}-summary") data-testid="chart-summary">
            {summary}
        </p>
        <div class="table-toggle">
            <button
                type="button"
                class="small"
                data-testid="show-table"
                aria-expanded=move || open.get().to_string()
                aria-controls=table_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || {
                    if open.get() {
                        state.lang.get().t().hide_table
                    } else {
                        state.lang.get().t().show_table
                    }
                }}
            </button>
        </div>
        <div id=table_id>
            <Show when=move || open.get()>{table}</Show>
        </div>
    }
}
