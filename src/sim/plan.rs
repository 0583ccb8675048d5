//! A scenario prepared for running, shared by the runs of an ensemble: scripted events sorted
//! by week, the supplier's tabulated effort choice, and the tabulated on-time distributions.

use rand_chacha::ChaCha8Rng;
use rand_distr::{Binomial, Distribution};

use super::effort::EffortChoice;
use super::incident::Incident;
use super::scenario::Scenario;

/// A scenario prepared for running: incidents and interventions sorted by week, once, so that
/// the runs of an ensemble share it.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The scenario.
    pub scenario: Scenario,
    pub(crate) incidents: Vec<Incident>,
    pub(crate) interventions: Vec<super::Intervention>,
    pub(crate) effort: EffortChoice,
    /// Cumulative Binomial distributions of the week's on-time count, per SLA probability in
    /// steps of 0.001, filled as runs need them and shared by the runs of an ensemble.
    sla_cdf: std::cell::RefCell<Vec<Option<Box<[f64]>>>>,
}

/// Largest in-scope volume served from the tabulated distribution (above it, rand_distr's
/// sampler is used).
const CDF_MAX_N: u64 = 1000;
/// Resolution of the tabulated SLA probabilities.
const CDF_STEPS: usize = 1000;

impl Plan {
    /// Prepares a (validated) scenario.
    pub fn new(scenario: &Scenario) -> Self {
        let mut incidents = scenario.incidents.clone();
        incidents.sort_by_key(|i| i.week);
        let mut interventions = scenario.interventions.clone();
        interventions.sort_by_key(|i| i.week());
        let effort = EffortChoice::new(scenario, &scenario.contract, scenario.manager.role);
        let sla_cdf = std::cell::RefCell::new(vec![None; CDF_STEPS + 1]);
        Self {
            scenario: scenario.clone(),
            incidents,
            interventions,
            effort,
            sla_cdf,
        }
    }

    /// Draws the number of `n` requests resolved in time with probability `p` by inversion of
    /// the Binomial distribution, with `p` rounded to 0.001 so that the distribution can be
    /// tabulated once and shared (one uniform number and a binary search per week, instead of
    /// a fresh Binomial sampler).
    pub(crate) fn on_time(&self, n: u64, p: f64, rng: &mut ChaCha8Rng) -> u64 {
        use rand::Rng;
        if n > CDF_MAX_N {
            return Binomial::new(n, p.clamp(0.0, 1.0))
                .map_or((p * n as f64) as u64, |d| d.sample(rng));
        }
        let q = (p.clamp(0.0, 1.0) * CDF_STEPS as f64).round() as usize;
        let u: f64 = rng.random();
        let mut cache = self.sla_cdf.borrow_mut();
        let cdf = cache[q].get_or_insert_with(|| binomial_cdf(n, q as f64 / CDF_STEPS as f64));
        cdf.partition_point(|c| *c < u).min(n as usize) as u64
    }
}

/// The cumulative Binomial(n, p) distribution, `cdf[k] = P(X ≤ k)`.
fn binomial_cdf(n: u64, p: f64) -> Box<[f64]> {
    let n = n as usize;
    if p <= 0.0 || p >= 1.0 {
        let k = if p <= 0.0 { 0 } else { n };
        return (0..=n).map(|i| if i >= k { 1.0 } else { 0.0 }).collect();
    }
    // The pmf by its recurrence in log space, so that large n does not underflow.
    let (lp, lq) = (p.ln(), (1.0 - p).ln());
    let mut log_choose = 0.0;
    let mut total = 0.0;
    let mut cdf = Vec::with_capacity(n + 1);
    for k in 0..=n {
        if k > 0 {
            log_choose += ((n - k + 1) as f64).ln() - (k as f64).ln();
        }
        let term = log_choose + k as f64 * lp + (n - k) as f64 * lq;
        total += term.exp();
        cdf.push(total);
    }
    cdf.into_boxed_slice()
}
