//! The one-run view: the relationship chart with its timeline, the interventions, the outcome
//! table and the other run charts; and the input editor beside it.

pub mod editor;
pub mod interventions;
pub mod manager;
pub mod timeline;

use leptos::prelude::*;

use crate::chart;
use crate::ui::app::state::t;
use crate::ui::widgets::outcome::{StripLegend, Summary};
use crate::ui::widgets::run_charts::{ChartCard, Legend};
use interventions::Interventions;
use timeline::Timeline;

const RELATIONSHIP_LEGEND: [Legend; 4] = {
    use chart::relationship::*;
    [
        (|t| t.relationship_line, &[RELATIONSHIP]),
        (|t| t.client_appreciation, &[CLIENT_APPRECIATION]),
        (|t| t.supplier_appreciation, &[SUPPLIER_APPRECIATION]),
        (|t| t.bounds_band, &[BOUNDS]),
    ]
};

const FOCUS_LEGEND: [Legend; 6] = {
    use chart::focus::*;
    [
        (|t| t.customer_focus, &[CUSTOMER_FOCUS]),
        (|t| t.extra_work_focus, &[EXTRA_WORK_FOCUS]),
        (|t| t.sla, &[SLA]),
        (|t| t.sla_target, &[SLA_TARGET]),
        (|t| t.quality, &[QUALITY]),
        (|t| t.expectation, &[EXPECTATION]),
    ]
};

const TRUST_LEGEND: [Legend; 4] = {
    use chart::trust::*;
    [
        (|t| t.client_trust, &[CLIENT_TRUST]),
        (|t| t.supplier_trust, &[SUPPLIER_TRUST]),
        (|t| t.ceilings, &[CLIENT_CEILING, SUPPLIER_CEILING]),
        (|t| t.alignment, &[ALIGNMENT]),
    ]
};

const MONEY_LEGEND: [Legend; 2] = {
    use chart::money::*;
    [
        (|t| t.client_cost_cum, &[CLIENT_COST]),
        (|t| t.supplier_margin_cum, &[SUPPLIER_MARGIN]),
    ]
};

/// One run: the relationship chart with its timeline, interventions, summary and the other
/// charts.
#[component]
pub fn RunView() -> impl IntoView {
    view! {
        <div class="results">
            <ChartCard
                title=|t| t.chart_relationship
                testid="chart-relationship"
                draw=chart::relationship::draw
                legend=RELATIONSHIP_LEGEND.to_vec()
            >
                <StripLegend />
                <Timeline />
            </ChartCard>
            <section class="card">
                <h2>{move || t().sec_interventions}</h2>
                <Interventions />
            </section>
            <Summary />
            <ChartCard
                title=|t| t.chart_focus
                testid="chart-focus"
                draw=chart::focus::draw
                legend=FOCUS_LEGEND.to_vec()
            />
            <ChartCard
                title=|t| t.chart_trust
                testid="chart-trust"
                draw=chart::trust::draw
                legend=TRUST_LEGEND.to_vec()
            />
            <ChartCard
                title=|t| t.chart_money
                testid="chart-money"
                draw=chart::money::draw
                legend=MONEY_LEGEND.to_vec()
            />
        </div>
    }
}
