//! Compare: scenario A (the current one) against B over the same seeds — both fans, the
//! difference per week, and a table of outcomes with B − A.

pub mod how_sure;

use crate::text::number;
use crate::ui::widgets::outcome_table::OutcomeTable;
use std::sync::Arc;

use leptos::prelude::*;

use crate::chart::{self, palette};
use crate::sim::{presets, Plan, Summary};
use crate::text::number::{keur, keur_signed};
use crate::text::Strings;
use crate::ui::app::state::{t, use_state};
use crate::ui::compute::jobs::{self, ProgressBar};
use crate::ui::widgets::chart_table::{compare_table, ShareTableView};
use crate::ui::widgets::common::{EnsembleMs, RunsField, Swatch};
use crate::ui::widgets::plot::Plot;
use crate::ui::widgets::presets::preset_options;

/// A scenario's name, translated when it is a preset's.
fn display_name(name: &str) -> String {
    let tr = t();
    presets::ALL
        .iter()
        .find(|p| p.scenario().name == name)
        .map_or_else(|| name.to_string(), |p| tr.preset(p).name.to_string())
}

/// A scenario's contract in a few words, so that A and B are told apart by what they agree:
/// "fixed fee 20 k€ a week" or "results: 18 k€ a week, bonus/malus up to 20 %".
fn contract_words(s: &crate::sim::Scenario, lang: crate::text::Lang) -> String {
    let (tr, c) = (lang.t(), &s.contract);
    let fee = crate::text::number::keur_exact(c.fee_per_week, 1, lang);
    match c.obligation {
        crate::sim::Obligation::Effort => Strings::fill(tr.contract_fixed, &[("fee", &fee)]),
        crate::sim::Obligation::Result => Strings::fill(
            tr.contract_results,
            &[
                ("fee", &fee),
                (
                    "share",
                    &crate::text::number::percent(c.incentive_share, 0, lang),
                ),
            ],
        ),
    }
}

/// The compare view.
#[component]
pub fn CompareView() -> impl IntoView {
    let state = use_state();
    Effect::new(move |_| {
        let a = state.scenario.get();
        let mut b = state.scenario_b.get();
        b.seed = a.seed; // the same random futures
        let runs = state.runs.get();
        jobs::start(
            state,
            vec![Plan::new(&a), Plan::new(&b)],
            runs,
            move |done, ms| {
                let mut it = done.into_iter();
                state.ensemble.set(it.next().map(Arc::new));
                state.ensemble_b.set(it.next().map(Arc::new));
                state.ensemble_ms.set(Some(ms));
            },
        );
    });
    on_cleanup(move || state.editing_b.set(false));
    let bounds = move || state.scenario.with(|s| s.bounds.clone());
    view! {
        <div class="view">
            <div class="view-bar">
                <RunsField />
                <EnsembleMs />
                <ProgressBar />
            </div>
            <section class="card">
                <div class="ab-bar">
                    <button
                        type="button"
                        data-testid="make-b"
                        on:click=move |_| state.scenario_b.set(state.scenario.get_untracked())
                    >
                        {move || t().make_b}
                    </button>
                    <button
                        type="button"
                        data-testid="swap"
                        on:click=move |_| {
                            let (a, b) = (state.scenario.get_untracked(), state.scenario_b.get_untracked());
                            state.scenario.set(b);
                            state.scenario_b.set(a);
                        }
                    >
                        {move || t().swap}
                    </button>
                    <label class="switch">
                        <input
                            type="checkbox"
                            data-testid="edit-b"
                            prop:checked=move || state.editing_b.get()
                            on:change=move |ev| state.editing_b.set(event_target_checked(&ev))
                        />
                        <span>{move || t().edit_b}</span>
                    </label>
                    <label class="mini">
                        <span>{move || t().b_from_preset}</span>
                        <select
                            data-testid="preset-b"
                            on:change=move |ev| {
                                if let Some(p) = presets::find(&event_target_value(&ev)) {
                                    state.scenario_b.set(p.scenario());
                                }
                            }
                        >
                            <option value="">"—"</option>
                            {move || preset_options()}
                        </select>
                    </label>
                </div>
                <Show when=move || state.editing_b.get()>
                    <p class="note">{move || t().editing_b_note}</p>
                </Show>
                <ul class="legend">
                    <li data-testid="compare-label-a">
                        <span
                            class="swatch"
                            style=format!("--c:{}", palette::css(chart::ensemble::FAN_A.color))
                        ></span>
                        {move || {
                            format!(
                                "{} — {}",
                                t().scenario_a,
                                state.scenario.with(|s| contract_words(s, state.lang.get())),
                            )
                        }}
                    </li>
                    <li data-testid="compare-label-b">
                        <span
                            class="swatch"
                            style=format!("--c:{}", palette::css(chart::ensemble::FAN_B.color))
                        ></span>
                        {move || {
                            format!(
                                "{}: {} — {}",
                                t().scenario_b,
                                state.scenario_b.with(|s| display_name(&s.name)),
                                state.scenario_b.with(|s| contract_words(s, state.lang.get())),
                            )
                        }}
                    </li>
                    <Swatch
                        pens=[chart::ensemble::FAN_A, chart::ensemble::FAN_B]
                        label=|t| t.fan_band
                        class="band"
                    />
                </ul>
                <Plot
                    testid="chart-compare-fan"
                    describedby="chart-compare-fan-summary".to_string()
                    label=Signal::derive(move || t().fan_title.to_string())
                    draw=move |area, style| {
                        let b = bounds();
                        let week = t().week;
                        state
                            .ensemble
                            .with(|a| {
                                state
                                    .ensemble_b
                                    .with(|eb| {
                                        if let (Some(a), Some(eb)) = (a, eb) {
                                            let _ = chart::ensemble::draw_fan(
                                                area,
                                                a,
                                                Some(eb),
                                                &b,
                                                week,
                                                style,
                                            );
                                        }
                                    })
                            });
                    }
                />
                <ShareTableView chart="chart-compare-fan" title=|t| t.fan_title
                    data=Signal::derive(move || state.ensemble.with(|a| state.ensemble_b.with(|b| match (a, b) { (Some(a), Some(b)) => Some(compare_table(a, b, "chart-compare-fan", state.lang.get())), _ => None }))) />
            </section>
            <section class="card">
                <h2>{move || t().difference_title}</h2>
                <ul class="legend">
                    <Swatch pens=[chart::ensemble::MEDIAN_DIFFERENCE] label=|t| t.median_diff />
                    <Swatch pens=[chart::ensemble::PARTNERSHIP_DIFFERENCE] label=|t| t.partnership_diff />
                </ul>
                <Plot
                    testid="chart-difference"
                    describedby="chart-difference-summary".to_string()
                    label=Signal::derive(move || t().difference_title.to_string())
                    draw=move |area, style| {
                        let week = t().week;
                        state
                            .ensemble
                            .with(|a| {
                                state
                                    .ensemble_b
                                    .with(|eb| {
                                        if let (Some(a), Some(eb)) = (a, eb) {
                                            let _ = chart::ensemble::draw_difference(
                                                area,
                                                a,
                                                eb,
                                                week,
                                                style,
                                            );
                                        }
                                    })
                            });
                    }
                />
                <ShareTableView chart="chart-difference" title=|t| t.difference_title
                    data=Signal::derive(move || state.ensemble.with(|a| state.ensemble_b.with(|b| match (a, b) { (Some(a), Some(b)) => Some(compare_table(a, b, "chart-difference", state.lang.get())), _ => None }))) />
            </section>
            <CompareTable />
            <crate::ui::views::compare::how_sure::HowSureCard />
        </div>
    }
}

#[component]
fn CompareTable() -> impl IntoView {
    let state = use_state();
    let rows = move || {
        let a = state
            .ensemble
            .with(|e| e.as_ref().map(|e| Summary::of(e)))?;
        let b = state
            .ensemble_b
            .with(|e| e.as_ref().map(|e| Summary::of(e)))?;
        let tr = t();
        let lang = state.lang.get();
        let pct = |v: f64| number::percent(v, 0, lang);
        let pp = |v: f64| format!("{}\u{a0}pp", number::signed(v * 100.0, 0, lang));
        let signed = |v: f64| keur_signed(v, lang);
        let over = |s: &Summary| s.status_at_end.terminated + s.status_at_end.ended;
        Some(vec![
            [
                format!("{} {}", tr.ending_as, tr.partnership.to_lowercase()),
                pct(a.status_at_end.partnership),
                pct(b.status_at_end.partnership),
                pp(b.status_at_end.partnership - a.status_at_end.partnership),
            ],
            [
                format!("{} / {}", tr.terminated, tr.ended),
                pct(over(&a)),
                pct(over(&b)),
                pp(over(&b) - over(&a)),
            ],
            [
                tr.mean_focus.to_string(),
                pct(a.mean.effort),
                pct(b.mean.effort),
                pp(b.mean.effort - a.mean.effort),
            ],
            [
                tr.client_appreciation.to_string(),
                pct(a.mean.client_appreciation),
                pct(b.mean.client_appreciation),
                pp(b.mean.client_appreciation - a.mean.client_appreciation),
            ],
            [
                tr.supplier_appreciation.to_string(),
                pct(a.mean.supplier_appreciation),
                pct(b.mean.supplier_appreciation),
                pp(b.mean.supplier_appreciation - a.mean.supplier_appreciation),
            ],
            [
                tr.total_client_cost.to_string(),
                keur(a.totals.client_cost, lang),
                keur(b.totals.client_cost, lang),
                signed(b.totals.client_cost - a.totals.client_cost),
            ],
            [
                tr.total_supplier_margin.to_string(),
                keur(a.totals.supplier_margin, lang),
                keur(b.totals.supplier_margin, lang),
                signed(b.totals.supplier_margin - a.totals.supplier_margin),
            ],
            [
                tr.total_client_net_value.to_string(),
                keur(a.totals.client_net_value, lang),
                keur(b.totals.client_net_value, lang),
                signed(b.totals.client_net_value - a.totals.client_net_value),
            ],
        ])
    };
    view! {
        <OutcomeTable testid="compare-table" columns=[|_| "A", |_| "B", |t| t.difference] rows=Signal::derive(move || rows().unwrap_or_default())>
            <button type="button" class="small" data-testid="compare-csv"
                disabled=move || state.ensemble.with(Option::is_none) || state.ensemble_b.with(Option::is_none)
                on:click=move |_| {
                    let csv = state.ensemble.with_untracked(|a| state.ensemble_b.with_untracked(|b| {
                        Some(crate::sim::summary::compare_csv(&Summary::of(a.as_ref()?), &Summary::of(b.as_ref()?)))
                    }));
                    if let Some(csv) = csv {
                        crate::ui::platform::download::download_csv("relsim-compare.csv", &csv);
                    }
                }>{move || t().summary_csv}</button>
        </OutcomeTable>
    }
}
