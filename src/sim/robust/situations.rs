//! Random situations the families start from: every input drawn within a plausible range of its
//! own (documented here), so that a fact is tried far from the points its tests pick.

use super::Pair;
use crate::sim::incident::{Incident, Kind, Party, Polarity};
use crate::sim::{Obligation, Role, Scenario};

impl Pair {
    /// An ordinary situation: a contract of 16–26 k€ a week (fixed or results, technical KPIs),
    /// 60–200 requests a week, a supplier whose fee covers its cost at full effort with a
    /// margin (fixed cost 45–60 % of the fee, cost per request 0.035–0.065 k€), a client that
    /// values the service at 1.2–2 times the fee, a market fee within ±15 % of the fee, any
    /// manager, usual random incident rates and a random seed. Inputs a family does not vary
    /// it may set afterwards.
    pub fn situation(&mut self) -> Scenario {
        let mut s = Scenario {
            seed: self.seed(),
            ..Scenario::default()
        };
        let fee = self.u(16.0, 26.0);
        let c = &mut s.contract;
        c.fee_per_week = fee;
        c.obligation = self.pick(&[Obligation::Effort, Obligation::Result]);
        c.incentive_share = self.u(0.1, 0.3);
        // A target the supplier can reach at full effort under this pair's constants.
        let best = crate::sim::params::ModelParams::with(&self.model).sla_max;
        c.sla_target = self.u(0.85, 0.93).min(best - 0.04);
        c.incentive_band = self.u(0.2, 0.4);
        c.extra_work_markup = self.u(0.15, 0.4);
        s.demand.requests_per_week = self.u(60.0, 200.0);
        s.demand.out_of_scope_share = self.u(0.05, 0.2);
        s.demand.volatility = self.u(0.1, 0.4);
        let sup = &mut s.supplier;
        sup.fixed_cost_per_week = self.u(0.45, 0.6) * fee;
        sup.horizon = self.u(0.1, 0.5);
        sup.client_share = self.u(0.05, 0.3);
        sup.culture_fit = self.u(0.4, 0.8);
        sup.track_record = self.u(0.45, 0.75);
        sup.min_effort = self.u(0.2, 0.4);
        // The cost per request such that full effort costs 75–90 % of the fee.
        let in_scope = (s.demand.requests_per_week * (1.0 - s.demand.out_of_scope_share)).round();
        let room = self.u(0.75, 0.9) * fee - s.supplier.fixed_cost_per_week;
        s.supplier.cost_per_request =
            (room / (in_scope * (1.0 + s.demand.volatility / 2.0))).clamp(0.005, 1.0);
        s.client.budget_pressure = self.u(0.1, 0.6);
        s.client.need = self.u(0.75, 0.9);
        s.client.market_fee_per_week = fee * self.u(0.85, 1.15);
        s.client.value_per_week = fee * self.u(1.2, 2.0);
        s.manager.role = self.pick(&Role::ALL);
        s.manager.cost_per_week = None;
        s.model = self.model.clone();
        s
    }
}

/// The supplier's weekly delivery cost at effort `e` in `s` (as the model computes it).
pub fn cost_at(s: &Scenario, e: f64) -> f64 {
    crate::sim::effort_cost(s, e)
}

/// Raises the fee of `s`, if need be, to one that pays for full effort with more than the
/// supplier's reservation (a normal margin, or what its people would earn at the market's
/// price), so that a supplier at full effort is never squeezed into asking for more.
pub fn pay_for_full_effort(s: &mut Scenario) {
    let full = cost_at(s, 1.0);
    let floor = (full * 1.2).max((full + crate::sim::reservation(s, full * 1.2)) * 1.05);
    s.contract.fee_per_week = s.contract.fee_per_week.max(floor);
}

/// An incident of `kind` in `week` of size `magnitude` on `party`.
pub fn incident(
    week: u32,
    kind: Kind,
    polarity: Polarity,
    magnitude: f64,
    party: Party,
) -> Incident {
    Incident {
        week,
        category: kind.category(),
        kind,
        polarity,
        magnitude,
        party,
        note: String::new(),
    }
}

/// The same scenario without random incidents: scripted comparisons must differ only in what
/// they script.
pub fn quiet(mut s: Scenario) -> Scenario {
    s.random_rates.external = 0.0;
    s.random_rates.interpersonal = 0.0;
    s.random_rates.business = 0.0;
    s
}
