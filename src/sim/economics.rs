//! The arithmetic of one week, apart from the state that carries it: what an effort level
//! delivers, what the contract pays for it, what the service is worth to the client, how the
//! price compares with the market, and how far trust moves. Pure functions of their arguments,
//! read by the weekly step (`engine.rs`), the supplier's effort choice (`effort.rs`) and the
//! interventions (`actions.rs`).

use super::params as p;
use super::scenario::{Contract, KpiLevel, Obligation, Scenario};

/// Expected share of in-scope requests resolved in time at effort `e`.
pub fn expected_sla(e: f64) -> f64 {
    p::SLA_MAX * (p::SLA_BASE + (1.0 - p::SLA_BASE) * e)
}

/// The attainment the bonus/malus is settled on: the supplier's own report, which rounds up by
/// `REPORT_SLACK` unless the client's operational control checks it.
pub fn reported(attainment: f64, operational: f64) -> f64 {
    (attainment + p::REPORT_SLACK * (1.0 - operational)).min(1.0)
}

/// The fee paid for a week with this (reported) attainment: flat under an effort obligation;
/// under a result obligation the base fee plus a bonus or minus a malus. The band is a share of
/// the room on each side of the target — the bonus is full at `target + band · (1 − target)`,
/// the malus at `target · (1 − band)` — so both are within reach.
pub fn payment(c: &Contract, attainment: f64) -> f64 {
    match c.obligation {
        Obligation::Effort => c.fee_per_week,
        Obligation::Result => {
            let d = attainment - c.sla_target;
            let room = if d >= 0.0 {
                1.0 - c.sla_target
            } else {
                c.sla_target
            };
            let x = (d / (c.incentive_band * room).max(1e-9)).clamp(-1.0, 1.0);
            c.fee_per_week * (1.0 + c.incentive_share * x)
        }
    }
}

/// The extra-work markup the client actually pays: an operational controller disputes part of
/// it.
pub(crate) fn effective_markup(c: &Contract, operational: f64) -> f64 {
    c.extra_work_markup * (1.0 - p::EXTRA_WORK_SCRUTINY * operational)
}

/// Responsiveness on extra work: full attention as soon as it carries a margin.
pub(crate) fn extra_work_focus(effort: f64, markup: f64) -> f64 {
    // Rounding of `e + (1 − e)` can step an ulp past full attention.
    (effort + (1.0 - effort) * (markup / p::EXTRA_WORK_FULL_MARKUP).min(1.0)).min(1.0)
}

/// Quality as users experience it at this SLA: the gaming gap of technical KPIs at this
/// alignment, plus responsive extra work (not clamped).
pub(crate) fn quality_of(s: &Light, c: &Contract, alignment: f64, sla: f64, extra: f64) -> f64 {
    let gaming = match c.kpi_level {
        KpiLevel::Technical => p::GAMING * (1.0 - alignment),
        KpiLevel::Business => 0.0,
    };
    sla - gaming + p::EXTRA_WORK_QUALITY * s.out_of_scope * extra
}

/// k€ per week the delivered service is worth to the client's business: `value_per_week` times
/// quality against need (capped at 1), scaled by alignment, less what unresolved business
/// incidents cost.
pub(crate) fn service_value(s: &Light, quality: f64, alignment: f64, pressure: f64) -> f64 {
    let fit = if s.need > 0.0 {
        (quality / s.need).clamp(0.0, 1.0)
    } else {
        1.0
    };
    let aim = p::VALUE_ALIGNMENT_FLOOR + (1.0 - p::VALUE_ALIGNMENT_FLOOR) * alignment;
    s.value * (fit * aim - p::VALUE_PRESSURE * pressure.max(0.0)).max(0.0)
}

/// The client's weekly net value after leaving: the market's by-the-book service at the market
/// fee.
pub(crate) fn market_net_value(s: &Scenario) -> f64 {
    s.client.value_per_week * p::MARKET_SERVICE - s.client.market_fee_per_week
}

/// The agreed price (fee plus manager) against the market fee, as a relative excess: positive
/// when dearer than the market.
pub(crate) fn price_against_market(s: &Light, c: &Contract, manager: f64) -> f64 {
    (c.fee_per_week + manager) / s.market_fee - 1.0
}

/// A week's money at this attainment and effort (manager and one-offs excluded).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Money {
    /// Fee with bonus/malus plus extra work, paid by the client.
    pub client_cost: f64,
    /// What the supplier receives.
    pub revenue: f64,
    /// The supplier's operating margin.
    pub margin: f64,
}

impl Money {
    pub fn of(s: &Light, c: &Contract, reported: f64, effort: f64, markup: f64) -> Self {
        let fee_paid = payment(c, reported);
        let in_scope = s.in_scope as f64;
        let extra_cost =
            s.cost_per_request * s.requests * s.out_of_scope * extra_work_focus(effort, markup);
        let extra_bill = extra_cost * (1.0 + markup);
        let delivery = s.fixed_cost
            + s.cost_per_request * in_scope * effort * effort * (1.0 + s.volatility / 2.0);
        let revenue = fee_paid + extra_bill;
        Self {
            client_cost: revenue,
            revenue,
            margin: revenue - delivery - extra_cost,
        }
    }

    /// The same with the supplier spending `extra` beyond what pays.
    pub fn with_overdelivery(mut self, extra: f64) -> Self {
        self.margin -= extra;
        self
    }
}

/// The factor trust moves by, the same for gains and losses: `trust · (1 − trust)`, small near
/// either end, so that the ratio of a loss to a gain of the same size is the ratio of their
/// constants at every trust level.
pub(crate) fn trust_level(trust: f64) -> f64 {
    (trust * (1.0 - trust)).max(0.0)
}

/// The scenario's numbers the weekly step reads, copied out so that the borrow of the state
/// stays simple.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Light {
    pub requests: f64,
    /// In-scope requests a week, rounded: constant over a run, so rounded once.
    pub in_scope: u64,
    pub out_of_scope: f64,
    pub volatility: f64,
    pub cost_per_request: f64,
    pub fixed_cost: f64,
    pub culture_fit: f64,
    pub budget_pressure: f64,
    pub need: f64,
    pub market_fee: f64,
    pub value: f64,
    pub manager: super::scenario::Manager,
}

impl Scenario {
    pub(crate) fn clone_light(&self) -> Light {
        Light {
            requests: self.demand.requests_per_week,
            in_scope: (self.demand.requests_per_week * (1.0 - self.demand.out_of_scope_share))
                .round() as u64,
            out_of_scope: self.demand.out_of_scope_share,
            volatility: self.demand.volatility,
            cost_per_request: self.supplier.cost_per_request,
            fixed_cost: self.supplier.fixed_cost_per_week,
            culture_fit: self.supplier.culture_fit,
            budget_pressure: self.client.budget_pressure,
            need: self.client.need,
            market_fee: self.client.market_fee_per_week,
            value: self.client.value_per_week,
            manager: self.manager,
        }
    }
}
