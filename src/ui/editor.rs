//! The scenario editor: one collapsible section per group of inputs of MODEL.md section 3.

use leptos::prelude::*;

use super::controls::{Choice, NumField, Section, Switch};
use super::manager::RolePicker;
use crate::sim::scenario::{KpiLevel, Obligation};
use crate::sim::MAX_WEEKS;

/// Every input of the scenario, grouped.
#[component]
pub fn Editor() -> impl IntoView {
    view! {
        <Section title=|t| t.sec_contract open=true>
            <Choice label=|t| t.obligation testid="obligation-select"
                options=vec![("effort", |t| t.effort), ("result", |t| t.result)]
                get=|s| match s.contract.obligation { Obligation::Effort => "effort", Obligation::Result => "result" }
                set=|s, v| s.contract.obligation = if v == "result" { Obligation::Result } else { Obligation::Effort } />
            <NumField label=|t| t.fee_per_week testid="fee-per-week" unit=|t| t.unit_keur_week
                get=|s| s.contract.fee_per_week set=|s, v| s.contract.fee_per_week = v
                min=0.1 max=10000.0 step=0.1 />
            <NumField label=|t| t.incentive_share testid="incentive-share" slider=true
                get=|s| s.contract.incentive_share set=|s, v| s.contract.incentive_share = v
                min=0.0 max=0.5 step=0.01 />
            <NumField label=|t| t.sla_target testid="sla-target" slider=true
                get=|s| s.contract.sla_target set=|s, v| s.contract.sla_target = v
                min=0.5 max=0.99 step=0.01 />
            <NumField label=|t| t.incentive_band testid="incentive-band" slider=true
                get=|s| s.contract.incentive_band set=|s, v| s.contract.incentive_band = v
                min=0.05 max=0.5 step=0.01 />
            <Choice label=|t| t.kpi_level testid="kpi-select"
                options=vec![("technical", |t| t.technical), ("business", |t| t.business_kpi)]
                get=|s| match s.contract.kpi_level { KpiLevel::Technical => "technical", KpiLevel::Business => "business" }
                set=|s, v| s.contract.kpi_level = if v == "business" { KpiLevel::Business } else { KpiLevel::Technical } />
            <NumField label=|t| t.extra_work_markup testid="extra-work-markup" slider=true
                get=|s| s.contract.extra_work_markup set=|s, v| s.contract.extra_work_markup = v
                min=0.0 max=1.0 step=0.01 />
            <NumField label=|t| t.term_weeks testid="term-weeks" unit=|t| t.unit_weeks slider=true
                get=|s| s.contract.term_weeks as f64 set=|s, v| s.contract.term_weeks = v as u32
                min=26.0 max=MAX_WEEKS as f64 step=1.0 />
            <Switch label=|t| t.opt_out testid="opt-out"
                get=|s| s.contract.opt_out_week.is_some()
                set=|s, on| s.contract.opt_out_week = on.then_some((s.contract.term_weeks / 2).max(1)) />
            <Show when=move || super::state::use_state().current().with(|s| s.contract.opt_out_week.is_some())>
                <NumField label=|t| t.opt_out_week testid="opt-out-week" unit=|t| t.unit_weeks
                    get=|s| s.contract.opt_out_week.unwrap_or(1) as f64
                    set=|s, v| s.contract.opt_out_week = Some(v as u32)
                    min=1.0 max=519.0 step=1.0 />
            </Show>
            <NumField label=|t| t.exit_fee testid="exit-fee" unit=|t| t.unit_keur
                get=|s| s.contract.exit_fee set=|s, v| s.contract.exit_fee = v
                min=0.0 max=1.0e7 step=1.0 />
        </Section>
        <Section title=|t| t.sec_manager open=true>
            <RolePicker />
            <NumField label=|t| t.manager_cost testid="manager-cost" unit=|t| t.unit_keur_week
                get=|s| s.manager.cost(s.manager.role) set=|s, v| s.manager.cost_per_week = Some(v)
                min=0.0 max=1.0e7 step=0.1 />
        </Section>
        <Section title=|t| t.sec_demand>
            <NumField label=|t| t.requests_per_week testid="requests-per-week"
                get=|s| s.demand.requests_per_week set=|s, v| s.demand.requests_per_week = v
                min=1.0 max=10000.0 step=1.0 />
            <NumField label=|t| t.out_of_scope_share testid="out-of-scope-share" slider=true
                get=|s| s.demand.out_of_scope_share set=|s, v| s.demand.out_of_scope_share = v
                min=0.0 max=0.9 step=0.01 />
            <NumField label=|t| t.volatility testid="volatility" slider=true
                get=|s| s.demand.volatility set=|s, v| s.demand.volatility = v
                min=0.0 max=1.0 step=0.01 />
        </Section>
        <Section title=|t| t.sec_supplier>
            <NumField label=|t| t.cost_per_request testid="cost-per-request" unit=|t| t.unit_keur
                get=|s| s.supplier.cost_per_request set=|s, v| s.supplier.cost_per_request = v
                min=0.0 max=1000.0 step=0.001 />
            <NumField label=|t| t.fixed_cost_per_week testid="fixed-cost" unit=|t| t.unit_keur_week
                get=|s| s.supplier.fixed_cost_per_week set=|s, v| s.supplier.fixed_cost_per_week = v
                min=0.0 max=1.0e7 step=0.1 />
            <NumField label=|t| t.horizon testid="horizon" slider=true
                get=|s| s.supplier.horizon set=|s, v| s.supplier.horizon = v min=0.0 max=1.0 step=0.01 />
            <NumField label=|t| t.client_share testid="client-share" slider=true
                get=|s| s.supplier.client_share set=|s, v| s.supplier.client_share = v
                min=0.001 max=1.0 step=0.001 />
            <NumField label=|t| t.culture_fit testid="culture-fit" slider=true
                get=|s| s.supplier.culture_fit set=|s, v| s.supplier.culture_fit = v min=0.0 max=1.0 step=0.01 />
            <NumField label=|t| t.track_record testid="track-record" slider=true
                get=|s| s.supplier.track_record set=|s, v| s.supplier.track_record = v min=0.0 max=1.0 step=0.01 />
            <NumField label=|t| t.min_effort testid="min-effort" slider=true
                get=|s| s.supplier.min_effort set=|s, v| s.supplier.min_effort = v min=0.0 max=1.0 step=0.01 />
        </Section>
        <Section title=|t| t.sec_client>
            <NumField label=|t| t.budget_pressure testid="budget-pressure" slider=true
                get=|s| s.client.budget_pressure set=|s, v| s.client.budget_pressure = v min=0.0 max=1.0 step=0.01 />
            <NumField label=|t| t.need testid="need" slider=true
                get=|s| s.client.need set=|s, v| s.client.need = v min=0.0 max=1.0 step=0.01 />
        </Section>
        <Section title=|t| t.sec_bounds>
            <NumField label=|t| t.critical_lower testid="critical-lower" slider=true
                get=|s| s.bounds.critical_lower set=|s, v| s.bounds.critical_lower = v min=0.0 max=1.0 step=0.01 />
            <NumField label=|t| t.euphoria_upper testid="euphoria-upper" slider=true
                get=|s| s.bounds.euphoria_upper set=|s, v| s.bounds.euphoria_upper = v min=0.0 max=1.0 step=0.01 />
            <NumField label=|t| t.tolerance_weeks testid="tolerance-weeks" unit=|t| t.unit_weeks slider=true
                get=|s| s.bounds.tolerance_weeks as f64 set=|s, v| s.bounds.tolerance_weeks = v as u32
                min=1.0 max=104.0 step=1.0 />
        </Section>
        <Section title=|t| t.sec_random>
            <NumField label=|t| t.external testid="rate-external" unit=|t| t.per_year slider=true
                get=|s| s.random_rates.external set=|s, v| s.random_rates.external = v min=0.0 max=52.0 step=0.5 />
            <NumField label=|t| t.interpersonal testid="rate-interpersonal" unit=|t| t.per_year slider=true
                get=|s| s.random_rates.interpersonal set=|s, v| s.random_rates.interpersonal = v min=0.0 max=52.0 step=0.5 />
            <NumField label=|t| t.business testid="rate-business" unit=|t| t.per_year slider=true
                get=|s| s.random_rates.business set=|s, v| s.random_rates.business = v min=0.0 max=52.0 step=0.5 />
        </Section>
        <Section title=|t| t.sec_run>
            <NumField label=|t| t.seed testid="seed"
                get=|s| s.seed as f64 set=|s, v| s.seed = v as u64 min=0.0 max=9.0e15 step=1.0 />
            <NumField label=|t| t.weeks testid="weeks" unit=|t| t.unit_weeks slider=true
                get=|s| s.weeks as f64 set=|s, v| s.weeks = v as u32 min=1.0 max=MAX_WEEKS as f64 step=1.0 />
        </Section>
    }
}
