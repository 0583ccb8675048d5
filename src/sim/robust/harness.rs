//! The harness itself: numbered pairs of a situation and a model variant, their verdicts, and a
//! fact's row in the table.

use rand::{Rng, SeedableRng};

use crate::sim::engine::SimRng;
use crate::sim::params::{Overrides, SPECS};
#[cfg(not(target_arch = "wasm32"))]
use crate::sim::{Ensemble, History, Plan, Scenario, Summary};

/// How far each constant is moved: ±20 %.
pub const PERTURBATION: f64 = 0.2;
/// Joint draws tried after the one-at-a-time perturbations in a full run.
pub const JOINT_DRAWS: u32 = 100;
/// Share of pairs a fact must hold in (structural facts: all).
pub const THRESHOLD: f64 = 0.9;

/// Pairs in a full run: every constant down and up once, then the joint draws.
pub fn full_pairs() -> u32 {
    2 * SPECS.len() as u32 + JOINT_DRAWS
}

/// The model variant of pair `index`: below `2 · SPECS.len()` one constant moved by −20 % (even
/// index) or +20 % (odd), clamped to its plausible range; above, every constant drawn within
/// ±20 % (clamped). The ordered pair of random magnitudes is kept apart.
pub fn variant(index: u32) -> Overrides {
    let n = SPECS.len() as u32;
    let mut o = Overrides::new();
    let moved = |default: f64, f: f64, min: f64, max: f64| (default * f).clamp(min, max);
    if index < 2 * n {
        let s = &SPECS[(index / 2) as usize];
        let f = if index.is_multiple_of(2) {
            1.0 - PERTURBATION
        } else {
            1.0 + PERTURBATION
        };
        o.insert(s.name.to_string(), moved(s.default, f, s.min, s.max));
    } else {
        let mut rng = SimRng::seed_from_u64(0x5eed_0000 + index as u64);
        for s in SPECS {
            let f = rng.random_range(1.0 - PERTURBATION..=1.0 + PERTURBATION);
            o.insert(s.name.to_string(), moved(s.default, f, s.min, s.max));
        }
    }
    // Keep the magnitudes' range ordered (a one-at-a-time move cannot cross it at the defaults).
    let lo = o.get("random_magnitude_min").copied().unwrap_or(0.1);
    let hi = o.get("random_magnitude_max").copied().unwrap_or(0.6);
    if lo >= hi {
        o.insert("random_magnitude_min".into(), hi * 0.5);
    }
    o
}

#[cfg(not(target_arch = "wasm32"))]
/// One pair of a fact's family: a random situation (drawn through `u`, `pick`, …) and the
/// model variant every scenario of the pair runs under.
pub struct Pair {
    /// The pair's number within its fact.
    pub index: u32,
    rng: SimRng,
    /// The model constants of this pair.
    pub model: Overrides,
    /// Runs per ensemble.
    pub runs: u32,
}

#[cfg(not(target_arch = "wasm32"))]
impl Pair {
    /// Pair `index` of fact `fact`, with ensembles of `runs` runs.
    pub fn new(fact: u8, index: u32, runs: u32) -> Self {
        Self {
            index,
            rng: SimRng::seed_from_u64(((fact as u64) << 32) ^ index as u64 ^ 0x0b5e_55ed),
            model: variant(index),
            runs,
        }
    }

    /// A uniform draw in `lo..=hi`.
    pub fn u(&mut self, lo: f64, hi: f64) -> f64 {
        if hi <= lo {
            return lo;
        }
        self.rng.random_range(lo..=hi)
    }

    /// A whole number in `lo..=hi`.
    pub fn int(&mut self, lo: u32, hi: u32) -> u32 {
        self.rng.random_range(lo..=hi.max(lo))
    }

    /// One of `xs`.
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.rng.random_range(0..xs.len())]
    }

    /// A seed for the scenarios of this pair.
    pub fn seed(&mut self) -> u64 {
        self.rng.random_range(0..1_000_000)
    }

    /// A scenario from a JSON patch over the defaults, under this pair's model. A patch that
    /// does not validate is a bug in the family (it names the error).
    pub fn scenario(&self, json: &str) -> Scenario {
        let mut s = Scenario::from_json(json)
            .unwrap_or_else(|e| panic!("robustness family made an invalid scenario: {e}\n{json}"));
        s.model = self.model.clone();
        s
    }

    /// The same without random incidents, for scripted comparisons.
    pub fn calm(&self, json: &str) -> Scenario {
        let mut s = self.scenario(json);
        s.random_rates.external = 0.0;
        s.random_rates.interpersonal = 0.0;
        s.random_rates.business = 0.0;
        s
    }

    /// The summary of an ensemble of this pair's runs.
    pub fn summary(&self, s: &Scenario) -> Summary {
        Summary::of(&Ensemble::run(&Plan::new(s), self.runs))
    }

    /// One run's history.
    pub fn run(&self, s: &Scenario) -> History {
        crate::sim::run(s)
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// A fact's verdict on one pair: whether it held, and the numbers that decided it.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// Whether the fact held.
    pub holds: bool,
    /// The numbers compared, for a reader replaying the pair.
    pub detail: String,
}

#[cfg(not(target_arch = "wasm32"))]
impl Verdict {
    /// A verdict from a condition and its numbers.
    pub fn of(holds: bool, detail: impl Into<String>) -> Self {
        Self {
            holds,
            detail: detail.into(),
        }
    }

    /// Every one of `parts` must hold.
    pub fn all(parts: Vec<Verdict>) -> Self {
        let holds = parts.iter().all(|v| v.holds);
        let detail = parts
            .iter()
            .map(|v| format!("{}{}", if v.holds { "" } else { "FAILS " }, v.detail))
            .collect::<Vec<_>>()
            .join("; ");
        Self { holds, detail }
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// A stylized fact with the family of situations it is tried over.
pub struct Family {
    /// Its number in MODEL.md (1–25).
    pub fact: u8,
    /// Its short name.
    pub title: &'static str,
    /// The situations sampled: where the fact's premise holds.
    pub family: &'static str,
    /// Structural facts must hold in every pair.
    pub structural: bool,
    /// Runs per ensemble in a full run (the reduced run in `make test` uses a quarter).
    pub runs: u32,
    /// Tries the fact on one pair.
    pub check: fn(&mut Pair) -> Verdict,
}

#[cfg(not(target_arch = "wasm32"))]
impl Family {
    /// The share a fact must hold in.
    pub fn threshold(&self) -> f64 {
        if self.structural {
            1.0
        } else {
            THRESHOLD
        }
    }

    /// Tries pair `index` with `runs` runs per ensemble.
    pub fn try_pair(&self, index: u32, runs: u32) -> Verdict {
        let mut pair = Pair::new(self.fact, index, runs);
        (self.check)(&mut pair)
    }
}

/// One fact's row of the table.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Row {
    /// The fact's number.
    pub fact: u8,
    /// Its short name.
    pub title: String,
    /// The family of situations.
    pub family: String,
    /// Pairs tried.
    pub pairs: u32,
    /// Pairs in which it held.
    pub held: u32,
    /// The share it must hold in.
    pub threshold: f64,
    /// The numbers of the first pairs that failed: (pair number, detail).
    pub failures: Vec<(u32, String)>,
}

impl Row {
    /// The share of pairs in which the fact held.
    pub fn share(&self) -> f64 {
        if self.pairs == 0 {
            0.0
        } else {
            self.held as f64 / self.pairs as f64
        }
    }

    /// Whether the fact held in enough pairs.
    pub fn passes(&self) -> bool {
        self.share() + 1e-12 >= self.threshold
    }
}

/// Tries `family` on the pairs `indices` with `runs` runs per ensemble, over `threads` threads.
#[cfg(not(target_arch = "wasm32"))]
pub fn try_family(family: &Family, indices: &[u32], runs: u32, threads: usize) -> Row {
    let verdicts = parallel_map(indices, threads, |i| (*i, family.try_pair(*i, runs)));
    let held = verdicts.iter().filter(|(_, v)| v.holds).count() as u32;
    let failures = verdicts
        .iter()
        .filter(|(_, v)| !v.holds)
        .take(5)
        .map(|(i, v)| (*i, v.detail.clone()))
        .collect();
    Row {
        fact: family.fact,
        title: family.title.to_string(),
        family: family.family.to_string(),
        pairs: verdicts.len() as u32,
        held,
        threshold: family.threshold(),
        failures,
    }
}

/// `f` over `items` on up to `threads` threads, each taking a contiguous part, the results in
/// the items' order (so they do not depend on the thread count).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let chunk = items.len().div_ceil(threads.max(1)).max(1);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

/// The pair numbers of a run with `pairs` pairs: the full run's, every `stride`-th (a reduced
/// run keeps both one-at-a-time and joint variants).
pub fn indices(pairs: u32, stride: u32) -> Vec<u32> {
    (0..pairs).step_by(stride.max(1) as usize).collect()
}

/// The table as Markdown: fact, family, pairs tried, share holding.
pub fn markdown(rows: &[Row]) -> String {
    let mut out = String::from(
        "| fact | family (situations sampled) | pairs tried | share holding | needed |\n\
         |---|---|---|---|---|\n",
    );
    for r in rows {
        out.push_str(&format!(
            "| {}. {} | {} | {} | {:.1} % | {:.0} % |\n",
            r.fact,
            r.title,
            r.family,
            r.pairs,
            100.0 * r.share(),
            100.0 * r.threshold
        ));
    }
    out
}
