//! A scenario prepared for running, shared by the runs of an ensemble: scripted events sorted
//! by week, the supplier's tabulated effort choice, and the tabulated on-time distributions.

use super::engine::SimRng;

use super::economics::Light;
use super::effort::EffortChoice;
use super::incident::Incident;
use super::sample::BinomialTables;
use super::scenario::Scenario;

/// A scenario prepared for running: incidents and interventions sorted by week, once, so that
/// the runs of an ensemble share it.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The scenario.
    pub scenario: Scenario,
    pub(crate) incidents: Vec<Incident>,
    pub(crate) interventions: Vec<super::Intervention>,
    /// Each intervention's week, in the same order: what the weekly step compares with.
    pub(crate) intervention_weeks: Vec<u32>,
    pub(crate) effort: EffortChoice,
    /// The scenario's numbers the weekly step reads.
    pub(crate) light: Light,
    /// Cumulative Binomial distributions of the week's on-time count, per in-scope volume and
    /// SLA probability in steps of 0.001, filled as runs need them and shared by the runs of an
    /// ensemble.
    on_time: BinomialTables,
}

impl Plan {
    /// Prepares a (validated) scenario.
    pub fn new(scenario: &Scenario) -> Self {
        let mut incidents = scenario.incidents.clone();
        incidents.sort_by_key(|i| i.week);
        let mut interventions = scenario.interventions.clone();
        interventions.sort_by_key(|i| i.week());
        let intervention_weeks = interventions.iter().map(|i| i.week()).collect();
        let effort = EffortChoice::new(scenario, &scenario.contract, scenario.manager.role);
        Self {
            scenario: scenario.clone(),
            incidents,
            interventions,
            intervention_weeks,
            effort,
            light: scenario.clone_light(),
            on_time: BinomialTables::default(),
        }
    }

    /// The model's constants in force (the defaults with the scenario's overrides).
    pub fn params(&self) -> &super::params::ModelParams {
        &self.light.params
    }

    /// Draws the number of `n` requests resolved in time with probability `p` by inversion of
    /// the Binomial distribution, with `p` rounded to 0.001 so that the distribution can be
    /// tabulated once and shared (one uniform number and a binary search per week, instead of
    /// a fresh Binomial sampler).
    pub(crate) fn on_time(&self, n: u64, p: f64, rng: &mut SimRng) -> u64 {
        self.on_time.draw(n, p, rng)
    }
}
