//! "How sure is this?": scenario A against B under random variants of the model's constants
//! (every constant drawn within ±20 % of the value the scenarios use, clamped to its plausible
//! range), each variant an ensemble on the common seeds. The answer is the share of variants in
//! which B beats A on the client's net value and on time in partnership, with each variant's
//! differences for a chart of their spread. The app's compare view and `relsim compare
//! --variants N` give the same numbers.

use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

use super::PERTURBATION;
use crate::sim::engine::SimRng;
use crate::sim::params::{ModelParams, Overrides, SPECS};
use crate::sim::{Ensemble, Plan, Scenario, Summary};

/// Most variants one question takes.
pub const MAX_VARIANTS: u32 = 500;

/// The constants of variant `k` around `base` (the scenario's own constants).
pub fn variant_around(base: &ModelParams, k: u32) -> Overrides {
    let mut rng = SimRng::seed_from_u64(0x0005_0e5e_0000 + k as u64);
    let mut o = Overrides::new();
    for s in SPECS {
        let v = base.get(s.name).unwrap_or(s.default);
        let f = rng.random_range(1.0 - PERTURBATION..=1.0 + PERTURBATION);
        o.insert(s.name.to_string(), (v * f).clamp(s.min, s.max));
    }
    let (lo, hi) = (o["random_magnitude_min"], o["random_magnitude_max"]);
    if lo >= hi {
        o.insert("random_magnitude_min".into(), hi * 0.5);
    }
    o
}

/// One variant's outcome: B minus A.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct VariantOutcome {
    /// Difference in the client's mean total net value (k€).
    pub net_value: f64,
    /// Difference in the share of weeks in partnership.
    pub partnership: f64,
}

/// The answer over all variants.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HowSure {
    /// Variants computed.
    pub variants: u32,
    /// Runs per ensemble.
    pub runs: u32,
    /// Share of variants in which B gives the client more net value than A.
    pub b_better_net_value: f64,
    /// Share of variants in which B spends more of the term in partnership than A.
    pub b_better_partnership: f64,
    /// Each variant's differences, in variant order.
    pub outcomes: Vec<VariantOutcome>,
}

/// B minus A under variant `k`, over `runs` runs on A's seeds.
pub fn variant_outcome(a: &Scenario, b: &Scenario, k: u32, runs: u32) -> VariantOutcome {
    let summary = |s: &Scenario| {
        let mut s = s.clone();
        s.model = variant_around(&s.params(), k);
        s.seed = a.seed;
        Summary::of(&Ensemble::run(&Plan::new(&s), runs))
    };
    let (sa, sb) = (summary(a), summary(b));
    VariantOutcome {
        net_value: sb.totals.client_net_value - sa.totals.client_net_value,
        partnership: sb.time_in_status.partnership - sa.time_in_status.partnership,
    }
}

/// Collects variant outcomes into the answer.
pub fn answer(outcomes: Vec<VariantOutcome>, runs: u32) -> HowSure {
    let n = outcomes.len().max(1) as f64;
    HowSure {
        variants: outcomes.len() as u32,
        runs,
        b_better_net_value: outcomes.iter().filter(|o| o.net_value > 0.0).count() as f64 / n,
        b_better_partnership: outcomes.iter().filter(|o| o.partnership > 0.0).count() as f64 / n,
        outcomes,
    }
}

/// The whole question natively, over `threads` threads (the same numbers for any count).
#[cfg(not(target_arch = "wasm32"))]
pub fn how_sure(a: &Scenario, b: &Scenario, variants: u32, runs: u32, threads: usize) -> HowSure {
    let ks: Vec<u32> = (0..variants).collect();
    let outcomes = super::harness::parallel_map(&ks, threads, |k| variant_outcome(a, b, *k, runs));
    answer(outcomes, runs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_stay_within_twenty_percent_of_the_scenarios_constants() {
        let base = ModelParams {
            gaming: 0.2,
            ..ModelParams::default()
        };
        for k in 0..20 {
            let o = variant_around(&base, k);
            let g = o["gaming"];
            assert!((0.16..=0.24).contains(&g), "{g}");
            assert!(crate::sim::params::check(&o).is_ok());
        }
        assert_ne!(variant_around(&base, 1), variant_around(&base, 2));
    }

    #[test]
    fn the_thread_count_does_not_change_the_answer() {
        let a = Scenario::default();
        let mut b = a.clone();
        b.contract.obligation = crate::sim::Obligation::Result;
        let one = how_sure(&a, &b, 4, 20, 1);
        let two = how_sure(&a, &b, 4, 20, 2);
        assert_eq!(one, two);
        assert_eq!(one.variants, 4);
        // A results contract beats by-the-book service on time in partnership in most variants.
        assert!(one.b_better_partnership >= 0.75, "{one:?}");
    }
}
