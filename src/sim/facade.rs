//! The model's entry points for the app and the CLI: run one scenario, and the supplier's cost
//! and reservation that the negotiation views draw.

use super::engine::{Plan, Sim};
use super::params::ModelParams;
use super::record::History;
use super::role::Role;
use super::scenario::Scenario;
use super::{economics, effort};

/// The supplier's weekly delivery cost at effort `e` (in-scope work plus fixed cost).
pub fn effort_cost(scenario: &Scenario, e: f64) -> f64 {
    effort::cost(scenario, e)
}

/// The supplier's reservation margin a week (k€) in `scenario` at base fee `fee`, while the
/// market charges its starting fee (see `economics::reservation`).
pub fn reservation(scenario: &Scenario, fee: f64) -> f64 {
    economics::reservation(
        &scenario.clone_light(),
        fee,
        scenario.client.market_fee_per_week,
    )
}

/// The client's control over the supplier's reports with a manager in `role` (its own base
/// level plus the manager's operational control).
pub fn economics_control(p: &ModelParams, role: Role) -> f64 {
    economics::control(p, role.orientation(p).2)
}

/// Runs one scenario with its own seed and returns the full history.
pub fn run(scenario: &Scenario) -> History {
    let plan = Plan::new(scenario);
    let mut history = History::default();
    Sim::new(&plan).run(&mut history);
    history
}
