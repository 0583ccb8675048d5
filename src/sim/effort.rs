//! The supplier's choice of effort: a soft arg-max of its weekly value over an effort grid.

use super::engine::{expected_sla, payment, State};
use super::params as p;
use super::scenario::{Contract, Scenario};

/// The part of the supplier's objective that only changes with the contract, precomputed.
#[derive(Clone, Debug)]
pub(crate) struct EffortChoice {
    grid: [f64; p::EFFORT_GRID],
    /// `pay(e) − cost(e)` at each grid point.
    base: [f64; p::EFFORT_GRID],
    temperature: f64,
    fee: f64,
    cached: Option<(f64, f64)>,
}

impl EffortChoice {
    /// Prepares the choice for `contract` in `scenario`.
    pub fn new(scenario: &Scenario, contract: &Contract) -> Self {
        let floor = scenario.supplier.min_effort;
        let mut grid = [0.0; p::EFFORT_GRID];
        let mut base = [0.0; p::EFFORT_GRID];
        for (i, (g, b)) in grid.iter_mut().zip(base.iter_mut()).enumerate() {
            let e = floor + (1.0 - floor) * i as f64 / (p::EFFORT_GRID - 1) as f64;
            *g = e;
            *b = payment(contract, expected_sla(e)) - cost(scenario, e);
        }
        Self {
            grid,
            base,
            temperature: p::EFFORT_TEMPERATURE * contract.fee_per_week,
            fee: contract.fee_per_week,
            cached: None,
        }
    }

    /// The relational weight per unit of effort and fee: renewal urgency (for a supplier with a
    /// horizon, more for a client that buys attention) plus goodwill in a good relationship.
    pub fn relational_weight(scenario: &Scenario, state: &State, weeks_to_end: u32) -> f64 {
        let urgency = (-(weeks_to_end as f64) / p::RENEWAL_SCALE).exp();
        let attention = scenario.supplier.client_share.sqrt();
        let appreciation = (state.experienced.supplier + state.business.supplier) / 2.0;
        scenario.supplier.horizon * attention * p::RENEWAL_WEIGHT * urgency
            + p::GOODWILL * appreciation * state.trust.supplier
    }

    /// Expected effort under a softmax over the grid of `pay − cost + relational`.
    pub fn choose(&mut self, full: &Scenario, state: &State, weeks_to_end: u32) -> f64 {
        let r = Self::relational_weight(full, state, weeks_to_end);
        if let Some((cr, ce)) = self.cached {
            if (cr - r).abs() < 1e-4 {
                return ce;
            }
        }
        let mut values = [0.0; p::EFFORT_GRID];
        let mut best = f64::NEG_INFINITY;
        for ((v, b), e) in values.iter_mut().zip(&self.base).zip(&self.grid) {
            *v = b + self.fee * e * r;
            best = best.max(*v);
        }
        let (mut num, mut den) = (0.0, 0.0);
        for (v, e) in values.iter().zip(&self.grid) {
            let w = ((v - best) / self.temperature).exp();
            num += w * e;
            den += w;
        }
        let e = num / den;
        self.cached = Some((r, e));
        e
    }
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
    use crate::sim::engine::payment;

    #[test]
    fn fixed_fee_margins_match_the_model_description() {
        let s = Scenario::default();
        let fee = s.contract.fee_per_week;
        let margin = |e: f64| (payment(&s.contract, expected_sla(e)) - cost(&s, e)) / fee;
        assert!((margin(0.3) - 0.38).abs() < 0.01, "{}", margin(0.3));
        assert!((margin(1.0) - 0.15).abs() < 0.01, "{}", margin(1.0));
    }

    #[test]
    fn a_results_contract_makes_high_effort_pay() {
        let mut s = Scenario::default();
        s.contract.obligation = crate::sim::Obligation::Result;
        let value = |e: f64| payment(&s.contract, expected_sla(e)) - cost(&s, e);
        assert!(value(0.8) > value(0.3));
    }
}
