//! The arithmetic of one week, apart from the state that carries it: what an effort level
//! delivers, what the contract pays for it, what the service is worth to the client, how the
//! price compares with the market, and how far trust moves. Pure functions of their arguments,
//! read by the weekly step (`engine.rs`), the supplier's effort choice (`effort.rs`) and the
//! interventions (`actions.rs`).

use super::params::ModelParams;
use super::scenario::{Contract, KpiLevel, Obligation, Scenario};

/// Expected share of in-scope requests resolved in time at effort `e`.
pub fn expected_sla(p: &ModelParams, e: f64) -> f64 {
    p.sla_max * (p.sla_base + (1.0 - p.sla_base) * e)
}

/// The client's control over the supplier's reports: a base level of its own plus its manager's
/// operational control.
pub fn control(p: &ModelParams, operational: f64) -> f64 {
    p.control_base + (1.0 - p.control_base) * operational
}

/// Share of late tickets the supplier's report counts as in time under this control, with
/// this KPI level: business KPIs are measured on the client's own outcome, not reported.
pub fn flattery(p: &ModelParams, c: &Contract, control: f64) -> f64 {
    match c.kpi_level {
        KpiLevel::Technical => p.report_slack * (1.0 - control),
        KpiLevel::Business => 0.0,
    }
}

/// The attainment the client measures (and the bonus/malus is settled on): the delivered one
/// with a share `flattery` of the misses reported as in time. A report can flatter only what
/// was missed, so a delivered SLA below target never measures at the full bonus (while
/// `flattery` is below the band).
pub fn measured(delivered: f64, flattery: f64) -> f64 {
    delivered + flattery * (1.0 - delivered).max(0.0)
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
pub(crate) fn effective_markup(p: &ModelParams, c: &Contract, operational: f64) -> f64 {
    c.extra_work_markup * (1.0 - p.extra_work_scrutiny * operational)
}

/// Responsiveness on extra work: full attention as soon as it carries a margin.
pub(crate) fn extra_work_focus(p: &ModelParams, effort: f64, markup: f64) -> f64 {
    // Rounding of `e + (1 − e)` can step an ulp past full attention.
    (effort + (1.0 - effort) * (markup / p.extra_work_full_markup).min(1.0)).min(1.0)
}

/// Quality as users experience it at this SLA: the gaming gap of technical KPIs at this
/// alignment, plus responsive extra work (not clamped).
pub(crate) fn quality_of(s: &Light, c: &Contract, alignment: f64, sla: f64, extra: f64) -> f64 {
    let p = &s.params;
    let gaming = match c.kpi_level {
        KpiLevel::Technical => p.gaming * (1.0 - alignment),
        KpiLevel::Business => 0.0,
    };
    sla - gaming + s.per_plan.extra_quality * extra
}

/// k€ per week the delivered service is worth to the client's business: `value_per_week` times
/// quality against need (capped at 1), scaled by alignment, less what unresolved business
/// incidents cost and less the share lost to friction between people (misunderstandings,
/// rework, work that waits for a meeting).
pub(crate) fn service_value(
    s: &Light,
    quality: f64,
    alignment: f64,
    pressure: f64,
    friction: f64,
) -> f64 {
    let p = &s.params;
    let fit = if s.need > 0.0 {
        (quality / s.need).clamp(0.0, 1.0)
    } else {
        1.0
    };
    let aim = p.value_alignment_floor + (1.0 - p.value_alignment_floor) * alignment;
    s.value * (fit * aim - p.value_pressure * pressure.max(0.0) - friction.max(0.0)).max(0.0)
}

/// The client's weekly net value after leaving: the market's by-the-book service at the market
/// fee.
pub(crate) fn market_net_value(s: &Light, market_fee: f64) -> f64 {
    s.value * s.params.market_service - market_fee
}

/// The supplier's reservation margin a week (k€) under a base fee `fee` while the market charges
/// `market_fee`: the larger of a normal margin on the fee and what its people would earn serving
/// others at the market's price (a share `outside_option` of the market's margin on by-the-book
/// service). In a competitive market the two meet, and a fee near the market's is the lowest
/// the supplier accepts for long.
pub(crate) fn reservation(s: &Light, fee: f64, market_fee: f64) -> f64 {
    let p = &s.params;
    let e = p.market_effort;
    let own_cost = s.fixed_cost + s.per_plan.delivery_scale * e * e * s.per_plan.volatility_factor;
    (p.supplier_reservation * fee).max(p.outside_option * (market_fee - own_cost))
}

/// What the market charges a week for the same service: the market fee buys by-the-book service
/// (the SLA at `market_effort`), each unit of SLA above that costs `market_quality_premium`
/// times the fee more (less below it), and extra work costs its cost plus the market's markup.
pub(crate) fn market_price(s: &Light, market_fee: f64, level: f64, extra_cost: f64) -> f64 {
    let p = &s.params;
    let standard = expected_sla(p, p.market_effort);
    let service = market_fee * (1.0 + p.market_quality_premium * (level - standard)).max(0.1);
    service + extra_cost * (1.0 + p.market_markup)
}

/// What the client judges it pays the supplier against the market price of the same service,
/// as a relative excess (positive: dearer than the market); the manager's cost is the client's
/// own, not the price. Under an effort obligation the fee buys the level delivered (measured).
/// A results contract is a price list: its price is what it pays for the service it pays for
/// — the base fee plus the full bonus, for the full-bonus level — against what the market
/// charges for that level, so a larger incentive share is a dearer contract, while the week's
/// bonus or malus is settled rather than judged again: a malus refunds poor service and never
/// makes it welcome, and a bonus earned by better service never makes the service less liked.
/// Extra work counts at what was billed, against its cost plus the market's markup.
pub(crate) fn price_against_market(
    s: &Light,
    market_fee: f64,
    c: &Contract,
    money: &Money,
    level: f64,
) -> f64 {
    let (paid, level) = match c.obligation {
        Obligation::Effort => (c.fee_per_week, level),
        Obligation::Result => (
            c.fee_per_week * (1.0 + c.incentive_share),
            c.sla_target + c.incentive_band * (1.0 - c.sla_target),
        ),
    };
    (paid + money.extra_bill) / market_price(s, market_fee, level, money.extra_cost).max(1e-9) - 1.0
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
    /// The fee with bonus or malus.
    pub fee_paid: f64,
    /// What extra work cost the supplier, and what it billed for it.
    pub extra_cost: f64,
    /// What the supplier billed for extra work.
    pub extra_bill: f64,
}

impl Money {
    pub fn of(s: &Light, c: &Contract, reported: f64, effort: f64, markup: f64) -> Self {
        let fee_paid = payment(c, reported);
        let k = &s.per_plan;
        let extra_cost = k.extra_cost_scale * extra_work_focus(&s.params, effort, markup);
        let extra_bill = extra_cost * (1.0 + markup);
        let delivery = s.fixed_cost + k.delivery_scale * effort * effort * k.volatility_factor;
        let revenue = fee_paid + extra_bill;
        Self {
            client_cost: revenue,
            revenue,
            margin: revenue - delivery - extra_cost,
            fee_paid,
            extra_cost,
            extra_bill,
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
    /// In-scope requests a week, rounded: constant over a run, so rounded once.
    pub in_scope: u64,
    pub fixed_cost: f64,
    pub need: f64,
    pub value: f64,
    pub manager: super::scenario::Manager,
    /// The model's constants with the scenario's overrides.
    pub params: ModelParams,
    /// Products of scenario numbers only, that the weekly step's formulas begin with: taken
    /// once here, the step's arithmetic gives the same numbers with fewer operations.
    pub per_plan: PerPlan,
}

/// The leading products of the weekly formulas that involve the scenario's numbers only, each
/// computed exactly as the formula's first operations would (so the results are the same).
#[derive(Clone, Copy, Debug)]
pub(crate) struct PerPlan {
    /// `in_scope` as a float.
    pub in_scope: f64,
    /// `cost_per_request · in_scope`: the delivery cost's scale.
    pub delivery_scale: f64,
    /// `1 + volatility / 2`: the delivery cost's volatility factor.
    pub volatility_factor: f64,
    /// `cost_per_request · requests · out_of_scope`: extra work's cost at full attention.
    pub extra_cost_scale: f64,
    /// `EXTRA_WORK_QUALITY · out_of_scope`: what responsive extra work adds to quality.
    pub extra_quality: f64,
    /// `EXPECTATION_NEED_WEIGHT · need`: the need's pull on the users' expectation.
    pub need_pull: f64,
    /// `−K_VOLATILITY · volatility`: changing wishes' weight on experienced appreciation.
    pub wishes_pull: f64,
    /// The client's budget pressure at the start (it returns toward it after a shock).
    pub budget_pressure: f64,
    /// `ALIGNMENT_CULTURE · culture_fit`: the culture's pull on alignment.
    pub culture_pull: f64,
    /// The euphoria bound.
    pub euphoria_upper: f64,
    /// The critical lower bound (the relationship type reads appreciation against it too).
    pub critical_lower: f64,
    /// `max(1 − euphoria_upper, 1e-9)`: the room above the euphoria bound.
    pub euphoria_room: f64,
}

impl Scenario {
    pub(crate) fn clone_light(&self) -> Light {
        let in_scope =
            (self.demand.requests_per_week * (1.0 - self.demand.out_of_scope_share)).round() as u64;
        Light {
            in_scope,
            fixed_cost: self.supplier.fixed_cost_per_week,
            need: self.client.need,
            value: self.client.value_per_week,
            manager: self.manager,
            params: self.params(),
            per_plan: self.per_plan(in_scope as f64),
        }
    }

    fn per_plan(&self, in_scope: f64) -> PerPlan {
        let (d, sup) = (&self.demand, &self.supplier);
        let p = self.params();
        let upper = self.bounds.euphoria_upper;
        PerPlan {
            in_scope,
            delivery_scale: sup.cost_per_request * in_scope,
            volatility_factor: 1.0 + d.volatility / 2.0,
            extra_cost_scale: sup.cost_per_request * d.requests_per_week * d.out_of_scope_share,
            extra_quality: p.extra_work_quality * d.out_of_scope_share,
            need_pull: p.expectation_need_weight * self.client.need,
            wishes_pull: -p.k_volatility * d.volatility,
            budget_pressure: self.client.budget_pressure,
            culture_pull: p.alignment_culture * sup.culture_fit,
            euphoria_upper: upper,
            critical_lower: self.bounds.critical_lower,
            euphoria_room: (1.0 - upper).max(1e-9),
        }
    }
}
