//! The hand-written samplers of the weekly step, kept apart so that their distributions can be
//! tested: the week's on-time count by inversion of a tabulated Binomial distribution, and the
//! week's random incidents as one zero-truncated Poisson count split over the categories.

use std::cell::RefCell;

use rand::Rng;
use rand_distr::{Binomial, Distribution, Poisson};

use super::incident::Category;

/// Largest volume served from a tabulated distribution (above it, rand_distr's sampler is used).
pub(crate) const CDF_MAX_N: u64 = 1000;
/// Resolution of the tabulated probabilities: `p` is rounded to a multiple of `1 / CDF_STEPS`.
pub(crate) const CDF_STEPS: usize = 1000;
/// Most tables kept at once (each at most `CDF_MAX_N + 1` numbers). A scenario whose volume
/// changes from week to week could otherwise fill memory; past the cap the same cumulative sums
/// are walked without being kept, which gives the same draw, only slower.
const MAX_TABLES: usize = 4096;

/// The tables built for one rounded probability, one per volume.
type TablesForP = Vec<Cdf>;

/// One tabulated cumulative distribution of `n` trials, with a guide to where to start
/// looking for a uniform number: the inversion a binary search over the `n + 1` sums gives,
/// found in a step or two from the guide's entry.
#[derive(Debug)]
struct Cdf {
    /// Trials.
    n: u64,
    /// `P(X ≤ k)` for `k = 0..=n`: non-decreasing, as sums of non-negative terms are.
    sums: Box<[f64]>,
    /// Per slice `j` of `0..1` in `sums.len()` equal slices, the smallest `k` with
    /// `sums[k] ≥ j / sums.len()`.
    guide: Box<[u32]>,
    /// The number of slices as a float, converted once.
    slices: f64,
}

impl Cdf {
    fn new(n: u64, sums: Box<[f64]>) -> Self {
        // One walk up the sums, as the slices' lower ends only grow (a search per slice made
        // building a table, which a single run does a few hundred times, a third dearer).
        let slices = sums.len();
        let mut k = 0;
        let guide = (0..slices)
            .map(|j| {
                let lower = j as f64 / slices as f64;
                while k < slices && sums[k] < lower {
                    k += 1;
                }
                k as u32
            })
            .collect();
        Self {
            n,
            sums,
            guide,
            slices: slices as f64,
        }
    }

    /// The smallest `k` with `sums[k] ≥ u` (at most `n`), as a binary search finds it: from the
    /// guide's entry for `u`, back while the sum before is still at least `u` (in case the
    /// slice's rounding put the entry past it), then on while the sum is below `u`.
    fn invert(&self, u: f64) -> u64 {
        let sums = &self.sums;
        let slice = ((u * self.slices) as u32 as usize).min(self.guide.len() - 1);
        let mut k = self.guide[slice] as usize;
        while k > 0 && sums[k - 1] >= u {
            k -= 1;
        }
        while k < sums.len() && sums[k] < u {
            k += 1;
        }
        (k as u64).min(self.n)
    }
}

/// Cumulative Binomial(n, p) distributions, keyed by both the number of trials and the rounded
/// probability, built as draws need them and shared by the runs of an ensemble.
#[derive(Debug, Default)]
pub(crate) struct BinomialTables {
    /// Per rounded probability (index `0..=CDF_STEPS`), the tables built for it, by `n`.
    by_p: RefCell<Vec<TablesForP>>,
    /// Tables kept, over all probabilities.
    kept: std::cell::Cell<usize>,
}

impl Clone for BinomialTables {
    /// A fresh, empty cache: tables are cheap to rebuild and a clone need not share them.
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl BinomialTables {
    /// Draws the number of successes in `n` trials with probability `p` (clamped to 0..=1).
    /// Up to [`CDF_MAX_N`] trials, `p` is rounded to a multiple of `1 / CDF_STEPS` and one
    /// uniform number is inverted through the cumulative distribution of `(n, p)`.
    pub(crate) fn draw<R: Rng + ?Sized>(&self, n: u64, p: f64, rng: &mut R) -> u64 {
        let p = if p.is_nan() { 0.0 } else { p.clamp(0.0, 1.0) };
        if n > CDF_MAX_N {
            return Binomial::new(n, p).map_or((p * n as f64) as u64, |d| d.sample(rng));
        }
        let q = round_non_negative(p * CDF_STEPS as f64);
        let u: f64 = rng.random();
        let mut by_p = self.by_p.borrow_mut();
        if by_p.is_empty() {
            by_p.resize_with(CDF_STEPS + 1, Vec::new);
        }
        let tables = &mut by_p[q];
        if let Some(cdf) = tables.iter().find(|t| t.n == n) {
            return cdf.invert(u);
        }
        let p = q as f64 / CDF_STEPS as f64;
        if self.kept.get() >= MAX_TABLES {
            return cumulative(n, p)
                .position(|c| c >= u)
                .map_or(n, |k| k as u64);
        }
        let cdf = Cdf::new(n, cumulative(n, p).collect());
        let k = cdf.invert(u);
        tables.push(cdf);
        self.kept.set(self.kept.get() + 1);
        k
    }
}

/// `x.round()` for a finite `x ≥ 0` (below 2³¹), the same number without the library call
/// that `round` is on baseline x86-64 (once a week in the draw above): the whole part by
/// truncation, plus one when the fraction, `x − whole` (exact), is at least one half.
fn round_non_negative(x: f64) -> usize {
    // Through u32, whose conversion is one instruction where usize's takes several.
    let whole = x as u32;
    (whole + u32::from(x - whole as f64 >= 0.5)) as usize
}

/// The smallest `k` with `cdf[k] ≥ u` (at most `n`, should rounding leave the last sum below 1),
/// by binary search: what [`Cdf::invert`] must equal.
#[cfg(test)]
fn invert(cdf: &[f64], u: f64, n: u64) -> u64 {
    (cdf.partition_point(|c| *c < u) as u64).min(n)
}

/// The cumulative Binomial(n, p) distribution, `P(X ≤ k)` for `k = 0..=n`.
pub(crate) fn cumulative(n: u64, p: f64) -> impl Iterator<Item = f64> {
    let n = n as usize;
    let (lp, lq) = (libm::log(p), libm::log(1.0 - p));
    let degenerate = p <= 0.0 || p >= 1.0;
    let mut log_choose = 0.0;
    let mut total = 0.0;
    (0..=n).map(move |k| {
        if degenerate {
            // All mass on 0 (p = 0) or on n (p = 1).
            let at = if p <= 0.0 { 0 } else { n };
            return if k >= at { 1.0 } else { 0.0 };
        }
        // The pmf by its recurrence in log space, so that large n does not underflow.
        if k > 0 {
            log_choose += libm::log((n - k + 1) as f64) - libm::log(k as f64);
        }
        let term = log_choose + k as f64 * lp + (n - k) as f64 * lq;
        total += libm::exp(term);
        total
    })
}

/// Largest weekly incident rate drawn by Knuth's product of uniform numbers: rand_distr's
/// `Poisson` uses that method below 12 and another one above, and the count below must match
/// its draws exactly.
const KNUTH_LIMIT: f64 = 12.0;

/// The week's random incidents over all categories: a Poisson count at the total weekly rate,
/// each incident falling in a category in proportion to its rate.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IncidentRate {
    /// Expected incidents a week over all categories.
    lambda: f64,
    /// The chance of a week without incidents, `exp(−lambda)`.
    pub(crate) none: f64,
    /// The bound of Knuth's product, as rand_distr's `KnuthMethod::new` computes it.
    knuth_bound: f64,
    /// Each category's share of the rate (external, interpersonal, business).
    pub(crate) shares: [f64; 3],
}

impl IncidentRate {
    /// The weekly rate of yearly `rates` per category; `None` when no incident can happen (or
    /// the rate is not one a Poisson distribution takes).
    pub(crate) fn new(rates: [f64; 3]) -> Option<Self> {
        let total: f64 = rates.iter().sum();
        let lambda = total / 52.0;
        (total > 0.0 && Poisson::new(lambda).is_ok()).then(|| Self {
            lambda,
            none: libm::exp(-total / 52.0),
            knuth_bound: libm::exp(-lambda),
            shares: rates.map(|x| x / total),
        })
    }

    /// The week's number of random incidents, Poisson with `P(0) = none`: one uniform number
    /// decides whether there are any, and only then is a positive count drawn by rejecting
    /// zero, which keeps the common quiet week to one uniform number.
    ///
    /// The positive count is rand_distr's Knuth method written out, with the same uniform
    /// numbers in the same order and the same arithmetic: a draw is zero exactly when its
    /// first uniform number is at most `exp(−lambda)`, so rejecting those first numbers and
    /// then multiplying on gives the draws of rejecting whole zero samples, without a call
    /// per rejected sample (about six in a week with incidents at the usual rates).
    ///
    /// The weekly step draws the same in two parts (the first uniform number inline, then
    /// [`IncidentRate::positive_count`]); this whole is what the tests check.
    #[cfg(test)]
    pub(crate) fn count<R: Rng + ?Sized>(&self, rng: &mut R) -> u32 {
        let u: f64 = rng.random();
        if u < self.none {
            return 0;
        }
        self.positive_count(rng)
    }

    /// The count of a week that has incidents, after the first uniform number: the second
    /// part of the count, apart so that the weekly step can keep the quiet week inline.
    pub(crate) fn positive_count<R: Rng + ?Sized>(&self, rng: &mut R) -> u32 {
        if self.lambda >= KNUTH_LIMIT {
            return rejecting_zero(&Poisson::new(self.lambda).ok(), rng);
        }
        let bound = self.knuth_bound;
        let mut p: f64 = rng.random();
        while p <= bound {
            p = rng.random();
        }
        let mut n = 0;
        while p > bound {
            p *= rng.random::<f64>();
            n += 1;
        }
        n
    }
}

/// A positive Poisson count by drawing until it is not zero (no distribution: zero).
fn rejecting_zero<R: Rng + ?Sized>(dist: &Option<Poisson<f64>>, rng: &mut R) -> u32 {
    let Some(dist) = dist else { return 0 };
    loop {
        let n = dist.sample(rng) as u32;
        if n > 0 {
            return n;
        }
    }
}

/// The category of one random incident, with probability `shares` (external, interpersonal,
/// business; summing to one). Splitting a Poisson count this way gives independent Poisson
/// counts per category.
pub(crate) fn incident_category<R: Rng + ?Sized>(shares: &[f64; 3], rng: &mut R) -> Category {
    let x: f64 = rng.random();
    if x < shares[0] {
        Category::External
    } else if x < shares[0] + shares[1] {
        Category::Interpersonal
    } else {
        Category::Business
    }
}

#[cfg(test)]
mod tests {
    //! Distribution tests at fixed seeds: Pearson's chi-square statistic against the exact
    //! probabilities, with classes pooled until each expects at least five, compared with the
    //! 0.1 % critical value. A wrong sampler (a shifted mean, a table reused for another volume,
    //! a lost category) lands far above it.

    use super::*;
    use crate::sim::engine::SimRng;
    use rand::SeedableRng;

    #[test]
    fn rounding_without_the_library_call_equals_round() {
        let edge = [
            0.0,
            0.49999999999999994,
            0.5,
            1.5,
            2.5,
            999.5,
            1000.0,
            0.1 * 1000.0,
        ];
        let steps = (0..=200_000).map(|i| i as f64 / 200.0 + 1e-9 * (i % 3) as f64);
        for x in edge.into_iter().chain(steps) {
            assert_eq!(round_non_negative(x), x.round() as usize, "{x}");
        }
    }

    #[test]
    fn the_guided_inversion_equals_the_binary_search() {
        // Every volume's table at probabilities from degenerate to sharp, against uniform
        // numbers on and around each sum (where the two could part) and spread over 0..1.
        let mut rng = SimRng::seed_from_u64(9);
        for n in [0u64, 1, 2, 7, 90, 91, 250, 1000] {
            for p in [0.0, 0.001, 0.3, 0.5, 0.857, 0.999, 1.0] {
                let sums: Box<[f64]> = cumulative(n, p).collect();
                let cdf = Cdf::new(n, sums.clone());
                let near = sums.iter().flat_map(|c| {
                    [c.next_down(), *c, c.next_up()]
                        .into_iter()
                        .filter(|u| (0.0..1.0).contains(u))
                });
                let spread = (0..2000).map(|_| rng.random::<f64>());
                let edges = [0.0, f64::EPSILON, 0.5, 1.0f64.next_down()];
                for u in near.chain(spread).chain(edges) {
                    assert_eq!(cdf.invert(u), invert(&sums, u, n), "n {n} p {p} u {u}");
                }
            }
        }
    }

    /// Binomial(n, p) probabilities by repeated convolution with one trial, a computation
    /// independent of the sampler's log-space recurrence.
    fn binomial_pmf(n: usize, p: f64) -> Vec<f64> {
        let mut pmf = vec![1.0];
        for _ in 0..n {
            let mut next = vec![0.0; pmf.len() + 1];
            for (k, v) in pmf.iter().enumerate() {
                next[k] += v * (1.0 - p);
                next[k + 1] += v * p;
            }
            pmf = next;
        }
        pmf
    }

    /// Poisson(λ) probabilities of 0..len-1; the last class takes the tail.
    fn poisson_pmf(lambda: f64, len: usize) -> Vec<f64> {
        let mut pmf = Vec::with_capacity(len);
        let mut term = libm::exp(-lambda);
        for k in 0..len {
            pmf.push(term);
            term *= lambda / (k + 1) as f64;
        }
        let head: f64 = pmf[..len - 1].iter().sum();
        pmf[len - 1] = 1.0 - head;
        pmf
    }

    /// Pearson's statistic and degrees of freedom of `observed` counts against `probs`,
    /// pooling neighbouring classes until each expects at least five.
    fn chi_square(observed: &[u64], probs: &[f64]) -> (f64, usize) {
        let total: u64 = observed.iter().sum();
        let mut classes: Vec<(f64, f64)> = Vec::new();
        let (mut o, mut e) = (0.0, 0.0);
        for (k, p) in probs.iter().enumerate() {
            o += observed.get(k).copied().unwrap_or(0) as f64;
            e += p * total as f64;
            if e >= 5.0 {
                classes.push((o, e));
                (o, e) = (0.0, 0.0);
            }
        }
        // Counts beyond the listed classes (impossible values) count as observed, expected 0.
        o += observed.iter().skip(probs.len()).sum::<u64>() as f64;
        if let Some(last) = classes.last_mut() {
            last.0 += o;
            last.1 += e;
        }
        let stat = classes.iter().map(|(o, e)| (o - e) * (o - e) / e).sum();
        (stat, classes.len().saturating_sub(1))
    }

    /// The chi-square 0.1 % critical value (Wilson–Hilferty approximation).
    fn critical(df: usize) -> f64 {
        let d = df.max(1) as f64;
        let z = 3.09;
        let a = 2.0 / (9.0 * d);
        d * (1.0 - a + z * a.sqrt()).powi(3)
    }

    fn assert_fits(what: &str, observed: &[u64], probs: &[f64]) {
        let (stat, df) = chi_square(observed, probs);
        assert!(
            stat < critical(df),
            "{what}: chi-square {stat:.1} with {df} df, 0.1% critical value {:.1}",
            critical(df)
        );
    }

    #[test]
    fn binomial_draws_follow_the_binomial_distribution() {
        let tables = BinomialTables::default();
        let mut rng = SimRng::seed_from_u64(7);
        // Small volumes, the usual ones, and both sides of the tabulation cut-off (1 000).
        for (n, p) in [
            (1u64, 0.3),
            (3, 0.5),
            (12, 0.9),
            (90, 0.857),
            (250, 0.05),
            (999, 0.9),
            (1000, 0.5),
            (1001, 0.95),
            (4000, 0.7),
        ] {
            let draws = 20_000;
            let mut observed = vec![0u64; n as usize + 1];
            for _ in 0..draws {
                let k = tables.draw(n, p, &mut rng);
                assert!(k <= n, "n {n}, p {p}: drew {k}");
                observed[k as usize] += 1;
            }
            assert_fits(
                &format!("Binomial({n}, {p})"),
                &observed,
                &binomial_pmf(n as usize, p),
            );
        }
    }

    #[test]
    fn binomial_tables_are_kept_per_volume() {
        // The same probability with another volume must not reuse the first volume's table.
        let tables = BinomialTables::default();
        let mut rng = SimRng::seed_from_u64(11);
        for n in [10u64, 500, 10, 80] {
            let draws = 4000;
            let mut sum = 0.0;
            for _ in 0..draws {
                let k = tables.draw(n, 0.6, &mut rng);
                assert!(k <= n);
                sum += k as f64;
            }
            let mean = sum / draws as f64;
            let sd = (n as f64 * 0.6 * 0.4 / draws as f64).sqrt();
            assert!(
                (mean - 0.6 * n as f64).abs() < 5.0 * sd,
                "n {n}: mean {mean}"
            );
        }
    }

    #[test]
    fn the_probability_is_rounded_to_the_table_steps() {
        // 0.9004 rounds to 0.900, 0.9006 to 0.901: the same uniform numbers give the draws of
        // the rounded probability.
        let tables = BinomialTables::default();
        for (p, rounded) in [(0.9004, 0.9), (0.9006, 0.901), (-0.2, 0.0), (1.5, 1.0)] {
            let a: Vec<u64> = {
                let mut rng = SimRng::seed_from_u64(3);
                (0..200).map(|_| tables.draw(40, p, &mut rng)).collect()
            };
            let b: Vec<u64> = {
                let mut rng = SimRng::seed_from_u64(3);
                (0..200)
                    .map(|_| tables.draw(40, rounded, &mut rng))
                    .collect()
            };
            assert_eq!(a, b, "p {p}");
        }
        let mut rng = SimRng::seed_from_u64(3);
        assert!((0..50).all(|_| tables.draw(40, 0.0, &mut rng) == 0));
        assert!((0..50).all(|_| tables.draw(40, 1.0, &mut rng) == 40));
    }

    #[test]
    fn past_the_cache_cap_the_same_draws_come_out() {
        // Walking the sums without keeping them inverts the same numbers as a kept table.
        let full = BinomialTables::default();
        full.kept.set(MAX_TABLES);
        let kept = BinomialTables::default();
        let mut a = SimRng::seed_from_u64(5);
        let mut b = SimRng::seed_from_u64(5);
        for i in 0..3000u64 {
            let (n, p) = (1 + i % 997, (i % 101) as f64 / 100.0);
            assert_eq!(
                full.draw(n, p, &mut a),
                kept.draw(n, p, &mut b),
                "n {n} p {p}"
            );
        }
    }

    /// Draws `weeks` weeks of random incidents at yearly `rates`, as the weekly step does, and
    /// returns each week's count per category.
    fn weekly_counts(rates: [f64; 3], weeks: usize, seed: u64) -> Vec<[u64; 3]> {
        let rate = IncidentRate::new(rates).unwrap();
        let mut rng = SimRng::seed_from_u64(seed);
        (0..weeks)
            .map(|_| {
                let mut counts = [0u64; 3];
                for _ in 0..rate.count(&mut rng) {
                    let c = incident_category(&rate.shares, &mut rng);
                    counts[Category::ALL.iter().position(|x| *x == c).unwrap()] += 1;
                }
                counts
            })
            .collect()
    }

    #[test]
    fn the_written_out_count_draws_what_rand_distr_draws() {
        // The same uniform numbers must give the same counts as drawing rand_distr's Poisson
        // until it is not zero: the runs' numbers depend on it, draw for draw. Rates from
        // almost none to past the Knuth limit, where rand_distr's other method is used.
        for (i, total) in [0.5, 8.0, 43.0, 156.0, 500.0, 700.0]
            .into_iter()
            .enumerate()
        {
            let rate = IncidentRate::new([total / 2.0, total / 4.0, total / 4.0]).unwrap();
            let dist = Poisson::new(total / 52.0).ok();
            let mut a = SimRng::seed_from_u64(40 + i as u64);
            let mut b = a.clone();
            for week in 0..20_000 {
                let u: f64 = b.random();
                let expected = if u < libm::exp(-total / 52.0) {
                    0
                } else {
                    rejecting_zero(&dist, &mut b)
                };
                assert_eq!(rate.count(&mut a), expected, "total {total}, week {week}");
            }
            assert_eq!(a.random::<u64>(), b.random::<u64>(), "total {total}");
        }
    }

    #[test]
    fn incident_counts_are_poisson_per_category() {
        // The default rates, a busy year, and one category switched off.
        for (rates, seed) in [
            ([1.0, 3.0, 4.0], 1u64),
            ([20.0, 52.0, 30.0], 2),
            ([0.0, 10.0, 2.0], 3),
        ] {
            let weeks = 100_000;
            let counts = weekly_counts(rates, weeks, seed);
            let total: f64 = rates.iter().sum();
            // The week's total count.
            let len = 16;
            let mut observed = vec![0u64; len];
            for c in &counts {
                observed[(c.iter().sum::<u64>() as usize).min(len - 1)] += 1;
            }
            assert_fits(
                &format!("total at {rates:?}"),
                &observed,
                &poisson_pmf(total / 52.0, len),
            );
            // Each category on its own: Poisson at its own rate.
            for (i, rate) in rates.iter().enumerate() {
                let mut observed = vec![0u64; len];
                for c in &counts {
                    observed[(c[i] as usize).min(len - 1)] += 1;
                }
                if *rate == 0.0 {
                    assert_eq!(
                        observed[0], weeks as u64,
                        "a category at rate 0 never occurs"
                    );
                    continue;
                }
                assert_fits(
                    &format!("category {i} at {rates:?}"),
                    &observed,
                    &poisson_pmf(rate / 52.0, len),
                );
            }
            // Independent categories: the counts of two categories do not covary (their
            // sample correlation is within four standard errors of zero).
            for (i, j) in [(0, 1), (0, 2), (1, 2)] {
                if rates[i] == 0.0 || rates[j] == 0.0 {
                    continue;
                }
                let n = weeks as f64;
                let mean = |k: usize| counts.iter().map(|c| c[k] as f64).sum::<f64>() / n;
                let (mi, mj) = (mean(i), mean(j));
                let cov = counts
                    .iter()
                    .map(|c| (c[i] as f64 - mi) * (c[j] as f64 - mj))
                    .sum::<f64>()
                    / n;
                let corr = cov / (mi * mj).sqrt();
                assert!(
                    corr.abs() < 4.0 / n.sqrt(),
                    "{rates:?} {i}/{j}: corr {corr}"
                );
            }
        }
    }

    #[test]
    fn a_run_draws_random_incidents_at_each_categorys_rate() {
        // Through the weekly step: with bounds that never trip the status, the weeks of a
        // running contract must each bring random incidents per category that are Poisson at
        // that category's rate.
        let rates = [5.0, 12.0, 26.0];
        let mut s = crate::sim::Scenario {
            weeks: 520,
            ..Default::default()
        };
        s.contract.term_weeks = 520;
        (s.bounds.critical_lower, s.bounds.euphoria_upper) = (0.0, 1.0);
        s.bounds.tolerance_weeks = 520;
        (
            s.random_rates.external,
            s.random_rates.interpersonal,
            s.random_rates.business,
        ) = (rates[0], rates[1], rates[2]);
        let len = 10;
        let mut observed = [[0u64; 10]; 3];
        for seed in 0..20 {
            s.seed = seed;
            let h = crate::sim::run(&s);
            for week in 0..s.weeks {
                // Incidents are drawn only while the contract runs (it may still end by choice).
                if week > 0 && h.rows[week as usize - 1].status.is_final() {
                    continue;
                }
                let mut counts = [0usize; 3];
                for e in h.events_in(week) {
                    if let crate::sim::Event::Incident {
                        incident,
                        random: true,
                    } = e
                    {
                        counts[Category::ALL
                            .iter()
                            .position(|c| *c == incident.category)
                            .unwrap()] += 1;
                    }
                }
                for (c, n) in counts.iter().enumerate() {
                    observed[c][(*n).min(len - 1)] += 1;
                }
            }
        }
        for (c, rate) in rates.iter().enumerate() {
            assert_fits(
                &format!("{:?} in runs", Category::ALL[c]),
                &observed[c],
                &poisson_pmf(rate / 52.0, len),
            );
        }
    }
}
