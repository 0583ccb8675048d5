//! The scenario editor: one collapsible section per group of inputs of MODEL.md section 3.
//!
//! Ranges, steps, units and labels come from the field specification (`sim::fields`); this file
//! only lays the inputs out and says which get a slider.

use leptos::prelude::*;

use crate::sim::fields as f;
use crate::sim::scenario::{KpiLevel, Obligation};
use crate::ui::app::state::use_state;
use crate::ui::views::run::manager::RolePicker;
use crate::ui::widgets::controls::{Choice, NumField, Section, SeedField, Switch};

/// Every input of the scenario, grouped.
#[component]
pub fn Editor() -> impl IntoView {
    view! {
        <Contract />
        <Section title=|t| t.sec_manager open=true>
            <RolePicker />
            <NumField field=&f::MANAGER_COST testid="manager-cost" />
        </Section>
        <Section title=|t| t.sec_demand>
            <NumField field=&f::REQUESTS_PER_WEEK testid="requests-per-week" />
            <NumField field=&f::OUT_OF_SCOPE_SHARE testid="out-of-scope-share" slider=true />
            <NumField field=&f::VOLATILITY testid="volatility" slider=true />
        </Section>
        <Section title=|t| t.sec_supplier>
            <NumField field=&f::COST_PER_REQUEST testid="cost-per-request" />
            <NumField field=&f::FIXED_COST_PER_WEEK testid="fixed-cost" />
            <NumField field=&f::HORIZON testid="horizon" slider=true />
            <NumField field=&f::CLIENT_SHARE testid="client-share" slider=true />
            <NumField field=&f::CULTURE_FIT testid="culture-fit" slider=true />
            <NumField field=&f::TRACK_RECORD testid="track-record" slider=true />
            <NumField field=&f::MIN_EFFORT testid="min-effort" slider=true />
        </Section>
        <Section title=|t| t.sec_client>
            <NumField field=&f::BUDGET_PRESSURE testid="budget-pressure" slider=true />
            <NumField field=&f::NEED testid="need" slider=true />
            <NumField field=&f::MARKET_FEE_PER_WEEK testid="market-fee-per-week" />
            <NumField field=&f::VALUE_PER_WEEK testid="value-per-week" />
        </Section>
        <Section title=|t| t.sec_bounds>
            <NumField field=&f::CRITICAL_LOWER testid="critical-lower" slider=true />
            <NumField field=&f::EUPHORIA_UPPER testid="euphoria-upper" slider=true />
            <NumField field=&f::TOLERANCE_WEEKS testid="tolerance-weeks" slider=true />
        </Section>
        <Section title=|t| t.sec_random>
            <NumField field=&f::RATE_EXTERNAL testid="rate-external" slider=true />
            <NumField field=&f::RATE_INTERPERSONAL testid="rate-interpersonal" slider=true />
            <NumField field=&f::RATE_BUSINESS testid="rate-business" slider=true />
        </Section>
        <Section title=|t| t.sec_run>
            <SeedField />
            <NumField field=&f::WEEKS testid="weeks" slider=true />
        </Section>
    }
}

/// The contract terms.
#[component]
fn Contract() -> impl IntoView {
    let state = use_state();
    let opted_out = move || state.current().with(|s| s.contract.opt_out_week.is_some());
    view! {
        <Section title=|t| t.sec_contract open=true>
            <Choice
                label=|t| t.obligation
                testid="obligation-select"
                options=vec![("effort", |t| t.effort), ("result", |t| t.result)]
                get=|s| s.contract.obligation.id()
                set=|s, v| s.contract.obligation = Obligation::from_id(v).unwrap_or_default()
            />
            <NumField field=&f::FEE_PER_WEEK testid="fee-per-week" />
            <NumField field=&f::INCENTIVE_SHARE testid="incentive-share" slider=true />
            <NumField field=&f::SLA_TARGET testid="sla-target" slider=true />
            <NumField field=&f::INCENTIVE_BAND testid="incentive-band" slider=true />
            <Choice
                label=|t| t.kpi_level
                testid="kpi-select"
                options=vec![("technical", |t| t.technical), ("business", |t| t.business_kpi)]
                get=|s| s.contract.kpi_level.id()
                set=|s, v| s.contract.kpi_level = KpiLevel::from_id(v).unwrap_or_default()
            />
            <NumField field=&f::EXTRA_WORK_MARKUP testid="extra-work-markup" slider=true />
            <NumField field=&f::TERM_WEEKS testid="term-weeks" slider=true />
            <Switch
                label=|t| t.opt_out
                testid="opt-out"
                get=|s| s.contract.opt_out_week.is_some()
                set=|s, on| s.contract.opt_out_week = on.then_some((s.contract.term_weeks / 2).max(1))
            />
            <Show when=opted_out>
                <NumField field=&f::OPT_OUT_WEEK testid="opt-out-week" />
            </Show>
            <NumField field=&f::EXIT_FEE testid="exit-fee" />
        </Section>
    }
}
