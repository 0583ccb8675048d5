//! The one-run view: the relationship chart with its timeline, the interventions, the outcome
//! table and the other run charts; and the input editor beside it.

pub mod editor;
pub mod interventions;
pub mod manager;
pub mod timeline;

use leptos::prelude::*;

use crate::ui::app::state::t;
use crate::ui::widgets::chart_card::ChartCard;
use crate::ui::widgets::outcome::{StripLegend, Summary};
use crate::ui::widgets::run_charts::RUN_CHARTS;
use interventions::Interventions;
use timeline::Timeline;

/// One run: the relationship chart with its timeline, interventions, summary and the other
/// charts.
#[component]
pub fn RunView() -> impl IntoView {
    let [relationship, rest @ ..] = &RUN_CHARTS;
    view! {
        <div class="results">
            <ChartCard chart=relationship>
                <StripLegend />
                <Timeline />
            </ChartCard>
            <section class="card">
                <h2>{move || t().sec_interventions}</h2>
                <Interventions />
            </section>
            <Summary />
            {rest.iter().map(|chart| view! { <ChartCard chart /> }).collect_view()}
        </div>
    }
}
