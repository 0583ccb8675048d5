//! The outcome of the run and a diagnosis: status at the end, weeks per status, customer focus,
//! money, and the relationship type on its 2×2 grid with the approach that fits it.

use crate::text::names;
use crate::text::number;
use leptos::prelude::*;

use crate::chart;
use crate::sim::{RelationshipType, Status};
use crate::text::number::keur;
use crate::ui::app::state::{t, use_state};
use crate::ui::widgets::common::{band, Swatch};

/// The key to the relationship chart's two strips: the status each week (the lower strip, in
/// full colour) and the relationship type each week (the upper strip, lighter) — told apart by
/// place and shade as well as by their words, since a termination and an adversarial week
/// share a warning colour.
#[component]
pub fn StripLegend() -> impl IntoView {
    view! {
        <div class="strip-legend" data-testid="strip-legend">
            <ul class="legend" aria-label=move || t().status_strip>
                <li>{move || t().status_strip}":"</li>
                {Status::ALL
                    .map(|s| view! { <Swatch pens=band(chart::status_color(s)) label=move |t| names::status(s, t) class="strip" /> })
                    .collect_view()}
            </ul>
            <ul class="legend type-legend" aria-label=move || t().type_strip
                style=format!("--type-shade:{}", chart::TYPE_STRIP_SHADE)>
                <li>{move || t().type_strip}":"</li>
                {RelationshipType::ALL
                    .map(|r| view! { <Swatch pens=band(chart::type_color(r)) label=move |t| names::relationship_type(r, t).0 class="strip light" /> })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// The summary card.
#[component]
pub fn Summary() -> impl IntoView {
    let state = use_state();
    let last = Memo::new(move |_| state.history.with(|h| h.last().copied()));
    let totals = Memo::new(move |_| {
        state.history.with(|h| {
            let n = h.rows.len().max(1) as f64;
            let mut weeks = [0u32; 5];
            for r in &h.rows {
                weeks[r.status.index()] += 1;
            }
            (
                h.rows.iter().map(|r| r.effort).sum::<f64>() / n,
                h.rows.iter().map(|r| r.client_cost).sum::<f64>(),
                h.rows.iter().map(|r| r.supplier_margin).sum::<f64>(),
                weeks,
                h.rows.iter().map(|r| r.client_net_value).sum::<f64>(),
            )
        })
    });
    let rtype = move || last.get().map(|r| r.relationship_type());
    let cell = move |r: RelationshipType| {
        view! {
            <div class="type-cell" class:current=move || rtype() == Some(r)>
                {move || names::relationship_type(r, t()).0}
            </div>
        }
    };
    view! {
        <section class="card summary" aria-live="polite">
            <h2>{move || t().summary}</h2>
            <dl class="kpis">
                <div>
                    <dt>{move || t().status_at_end}</dt>
                    <dd
                        data-testid="summary-status"
                        class=move || format!("status-{}", last.get().map_or("none", |r| r.status.id()))
                    >
                        {move || last.get().map(|r| names::status(r.status, t())).unwrap_or("–")}
                    </dd>
                </div>
                <div>
                    <dt>{move || t().mean_focus}</dt>
                    <dd data-testid="summary-focus">{move || number::percent(totals.get().0, 0, state.lang.get())}</dd>
                </div>
                <div>
                    <dt>{move || t().total_client_cost}</dt>
                    <dd data-testid="summary-client-cost">{move || keur(totals.get().1, state.lang.get())}</dd>
                </div>
                <div>
                    <dt>{move || t().total_supplier_margin}</dt>
                    <dd data-testid="summary-supplier-margin">{move || keur(totals.get().2, state.lang.get())}</dd>
                </div>
                <div>
                    <dt>{move || t().total_client_net_value}</dt>
                    <dd data-testid="summary-client-net-value">{move || keur(totals.get().4, state.lang.get())}</dd>
                </div>
            </dl>
            <h3>{move || t().weeks_in_status}</h3>
            <ul class="status-weeks">
                {Status::ALL
                    .map(|s| {
                        view! {
                            <li>
                                <span class=format!("dot status-{}", s.id())></span>
                                {move || names::status(s, t())}
                                ": "
                                <strong>{move || totals.get().3[s.index()]}</strong>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h3>{move || t().relationship_type}</h3>
            <div
                class="type-grid"
                role="img"
                aria-label=move || rtype().map(|r| names::relationship_type(r, t()).0).unwrap_or("")
            >
                <span class="type-axis-y">{move || t().business_axis}" ↑"</span>
                {cell(RelationshipType::Businesslike)}
                {cell(RelationshipType::Close)}
                {cell(RelationshipType::Adversarial)}
                {cell(RelationshipType::Comfortable)}
                <span class="type-axis-x">{move || t().experienced_axis}" →"</span>
            </div>
            <p class="approach" data-testid="summary-approach">
                <strong>{move || rtype().map(|r| names::relationship_type(r, t()).0).unwrap_or("")}": "</strong>
                {move || rtype().map(|r| names::relationship_type(r, t()).1).unwrap_or("")}
            </p>
            <p class="muted small-print">{move || t().grid_note}</p>
        </section>
    }
}

/// The last ensemble's summary at full precision, as `relsim run` prints it, in a hidden
/// element: the browser tests compare the WebAssembly build with the native one through it.
#[component]
pub fn EnsembleSummaryData() -> impl IntoView {
    let state = use_state();
    let json = move || {
        state.ensemble.with(|e| {
            e.as_ref()
                .map(|e| crate::sim::json::write(&crate::sim::Summary::of(e)))
                .unwrap_or_default()
        })
    };
    view! { <output hidden data-testid="ensemble-summary" data-summary=json></output> }
}
