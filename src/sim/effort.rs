//! The supplier's choice of effort: a soft arg-max of its weekly value over an effort grid.

use std::sync::Arc;

use super::economics::{expected_sla, measured, payment};
use super::params::{self as p, ModelParams};
use super::scenario::{Contract, Role, Scenario};
use super::state::State;

/// Points of the effort table over the relational weight.
const TABLE: usize = 512;

/// The supplier's effort as a function of the relational weight `r`, tabulated once per
/// contract: the soft arg-max is smooth in `r`, and a table lookup costs a fraction of the 21
/// exponentials per week the direct computation needs (the weekly step runs millions of times
/// in an ensemble).
#[derive(Clone, Debug)]
pub(crate) struct EffortChoice {
    table: Arc<[f64; TABLE]>,
    r_max: f64,
    /// `horizon · √client_share · RENEWAL_WEIGHT · exp(−weeks_to_end / RENEWAL_SCALE)` by
    /// weeks to the end of the term.
    renewal: Arc<[f64]>,
    /// The goodwill constant (see `ModelParams::goodwill`).
    goodwill: f64,
    /// The contract's minimum: the effort "working by the book" guarantees.
    floor: f64,
}

impl EffortChoice {
    /// Tabulates the choice for `contract` in `scenario` with a manager in `role` (whose
    /// operational control decides how much of a bonus or malus is enforced).
    pub fn new(scenario: &Scenario, contract: &Contract, role: Role) -> Self {
        let p = &scenario.params();
        let exact = Exact::new(scenario, contract, role);
        let weight = effective_horizon(p, scenario, contract)
            * scenario.supplier.client_share.sqrt()
            * p.renewal_weight;
        let r_max = weight + p.goodwill;
        // A fixed length, so that the weekly lookup needs no bounds check.
        let table = Arc::new(std::array::from_fn(|i| {
            exact.effort(r_max * i as f64 / (TABLE - 1) as f64)
        }));
        let renewal = (0..=contract.term_weeks.max(1))
            .map(|w| weight * libm::exp(-(w as f64) / p.renewal_scale))
            .collect();
        Self {
            table,
            r_max,
            renewal,
            goodwill: p.goodwill,
            floor: scenario.supplier.min_effort,
        }
    }

    /// Expected effort under a softmax over the grid of `pay − cost + relational`, interpolated,
    /// and at least the effort the supplier committed to by an effort policy.
    pub fn choose(&self, state: &State, weeks_to_end: u32) -> f64 {
        if state.supplier_losing {
            // At a loss the supplier works to the contract's minimum.
            return self.floor.max(state.effort_floor);
        }
        let renewal = self.renewal[(weeks_to_end as usize).min(self.renewal.len() - 1)];
        let appreciation = (state.experienced.supplier + state.business.supplier) / 2.0;
        self.at(renewal + self.goodwill * appreciation * state.trust.supplier)
            .max(state.effort_floor)
    }

    fn at(&self, r: f64) -> f64 {
        if self.r_max <= 0.0 {
            return self.table[0].min(1.0);
        }
        let x = (r / self.r_max).clamp(0.0, 1.0) * (TABLE - 1) as f64;
        // Through u32, whose conversion is one instruction where usize's takes several.
        let i = (x as u32 as usize).min(TABLE - 2);
        let f = x - i as f64;
        // A mean of grid points and a blend of two table entries lie in 0..=1 in exact
        // arithmetic; rounding can step an ulp past full effort, which no supplier can give.
        (self.table[i] * (1.0 - f) + self.table[i + 1] * f).min(1.0)
    }
}

/// The direct computation the table is built from.
struct Exact {
    grid: [f64; p::EFFORT_GRID],
    /// `pay(e) − cost(e)` at each grid point.
    base: [f64; p::EFFORT_GRID],
    temperature: f64,
    fee: f64,
}

impl Exact {
    fn new(scenario: &Scenario, contract: &Contract, role: Role) -> Self {
        let p = &scenario.params();
        let control = super::economics::control(p, role.orientation(p).2);
        let flattery = super::economics::flattery(p, contract, control);
        let in_scope = (scenario.demand.requests_per_week
            * (1.0 - scenario.demand.out_of_scope_share))
            .round() as u64;
        let floor = scenario.supplier.min_effort;
        let mut grid = [0.0; p::EFFORT_GRID];
        let mut base = [0.0; p::EFFORT_GRID];
        for (i, (g, b)) in grid.iter_mut().zip(base.iter_mut()).enumerate() {
            let e = floor + (1.0 - floor) * i as f64 / (p::EFFORT_GRID - 1) as f64;
            *g = e;
            // The week's on-time share is a Binomial draw around the expected SLA, and the bonus
            // pays on that draw: the supplier weighs the expected payment, not the payment at
            // the expected SLA (which would make the bonus a cliff it can sit on the edge of).
            // It expects to keep the flattered part of the bonus unless it is caught: a share
            // `1 − control` of it.
            let delivered = expected_sla(p, e);
            let pay = expected_over_on_time(in_scope, delivered, |s| {
                let honest = payment(contract, s);
                let flattered = payment(contract, measured(s, flattery));
                honest + (1.0 - control) * (flattered - honest)
            });
            *b = pay - cost(scenario, e);
        }
        let scenario_fee = contract.fee_per_week;
        Self {
            grid,
            base,
            temperature: p.effort_temperature * scenario_fee,
            fee: scenario_fee,
        }
    }

    fn effort(&self, r: f64) -> f64 {
        let mut values = [0.0; p::EFFORT_GRID];
        let mut best = f64::NEG_INFINITY;
        for ((v, b), e) in values.iter_mut().zip(&self.base).zip(&self.grid) {
            *v = b + self.fee * e * r;
            best = best.max(*v);
        }
        let (mut num, mut den) = (0.0, 0.0);
        for (v, e) in values.iter().zip(&self.grid) {
            let w = libm::exp((v - best) / self.temperature);
            num += w * e;
            den += w;
        }
        num / den
    }
}

/// The expected value of `f(k / n)` for `k` on-time requests out of `n`, each in time with
/// probability `p` (Binomial): weights from the mode outward by the ratio of neighbouring
/// probabilities, until they are negligible, then normalised — no factorials, any `n`.
fn expected_over_on_time(n: u64, p: f64, f: impl Fn(f64) -> f64) -> f64 {
    let p = p.clamp(0.0, 1.0);
    if n == 0 || p <= 0.0 || p >= 1.0 {
        return f(p);
    }
    let nf = n as f64;
    let mode = ((nf + 1.0) * p).floor().min(nf) as u64;
    let odds = p / (1.0 - p);
    let (mut sum, mut total) = (f(mode as f64 / nf), 1.0);
    // Upward: P(k+1)/P(k) = (n − k)/(k + 1) · p/(1 − p).
    let (mut w, mut k) = (1.0, mode);
    while k < n {
        w *= (nf - k as f64) / (k as f64 + 1.0) * odds;
        k += 1;
        if w < 1e-12 {
            break;
        }
        sum += w * f(k as f64 / nf);
        total += w;
    }
    // Downward: P(k−1)/P(k) = k/(n − k + 1) · (1 − p)/p.
    let (mut w, mut k) = (1.0, mode);
    while k > 0 {
        w *= k as f64 / (nf - k as f64 + 1.0) / odds;
        k -= 1;
        if w < 1e-12 {
            break;
        }
        sum += w * f(k as f64 / nf);
        total += w;
    }
    sum / total
}

/// The supplier's horizon, shortened by an early opt-out: it invests less in keeping a client
/// that may leave at will for the part of the term after the opt-out week.
pub fn effective_horizon(p: &ModelParams, scenario: &Scenario, contract: &Contract) -> f64 {
    let at_will = contract.opt_out_week.map_or(0.0, |w| {
        1.0 - (w as f64 / contract.term_weeks.max(1) as f64).min(1.0)
    });
    scenario.supplier.horizon * (1.0 - p.opt_out_horizon_cut * at_will)
}

/// The supplier's weekly delivery cost at effort `e` (in-scope work plus fixed cost).
pub fn cost(scenario: &Scenario, e: f64) -> f64 {
    let in_scope =
        (scenario.demand.requests_per_week * (1.0 - scenario.demand.out_of_scope_share)).round();
    scenario.supplier.fixed_cost_per_week
        + scenario.supplier.cost_per_request
            * in_scope
            * e
            * e
            * (1.0 + scenario.demand.volatility / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::economics::payment;

    #[test]
    fn fixed_fee_margins_match_the_model_description() {
        let s = Scenario::default();
        let fee = s.contract.fee_per_week;
        let p = &s.params();
        let margin = |e: f64| (payment(&s.contract, expected_sla(p, e)) - cost(&s, e)) / fee;
        assert!((margin(0.3) - 0.38).abs() < 0.01, "{}", margin(0.3));
        assert!((margin(1.0) - 0.15).abs() < 0.01, "{}", margin(1.0));
    }

    #[test]
    fn the_table_follows_the_exact_choice() {
        for obligation in [
            crate::sim::Obligation::Effort,
            crate::sim::Obligation::Result,
        ] {
            let mut s = Scenario::default();
            s.contract.obligation = obligation;
            s.supplier.horizon = 1.0;
            let (table, exact) = (
                EffortChoice::new(&s, &s.contract, Role::None),
                Exact::new(&s, &s.contract, Role::None),
            );
            let mut worst: f64 = 0.0;
            for k in 0..=2000 {
                let r = table.r_max * k as f64 / 2000.0;
                worst = worst.max((table.at(r) - exact.effort(r)).abs());
            }
            assert!(worst < 0.02, "{obligation:?}: {worst}");
        }
    }

    #[test]
    fn the_expected_payment_over_on_time_counts_is_a_binomial_mean() {
        // The mean of k/n is p; of (k/n)² it is p² + p(1 − p)/n.
        for (n, p) in [(1, 0.3), (10, 0.5), (90, 0.93), (9000, 0.97), (50, 0.999)] {
            let mean = expected_over_on_time(n, p, |s| s);
            let square = expected_over_on_time(n, p, |s| s * s);
            assert!((mean - p).abs() < 1e-9, "{n} {p}: {mean}");
            let want = p * p + p * (1.0 - p) / n as f64;
            assert!((square - want).abs() < 1e-9, "{n} {p}: {square} vs {want}");
        }
    }

    #[test]
    fn a_results_contract_makes_high_effort_pay() {
        let mut s = Scenario::default();
        s.contract.obligation = crate::sim::Obligation::Result;
        let p = &s.params();
        let value = |e: f64| payment(&s.contract, expected_sla(p, e)) - cost(&s, e);
        assert!(value(0.8) > value(0.3));
    }

    #[test]
    fn bonus_and_malus_are_symmetric_in_reach() {
        let mut s = Scenario::default();
        s.contract.obligation = crate::sim::Obligation::Result;
        let c = &s.contract;
        let full_bonus = c.fee_per_week * c.incentive_share;
        let p = &s.params();
        let best = payment(c, expected_sla(p, 1.0)) - c.fee_per_week;
        assert!(best >= 0.75 * full_bonus, "best {best} of {full_bonus}");
        let worst = payment(c, expected_sla(p, 0.0)) - c.fee_per_week;
        assert!((worst + full_bonus).abs() < 1e-9, "worst {worst}");
    }
}
