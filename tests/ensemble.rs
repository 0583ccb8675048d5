//! An ensemble keeps only aggregates (status counts, 200-bin histograms, running sums). These
//! tests run the same seeds one by one with their full histories, compute the exact
//! percentiles, status shares and means, and check the ensemble's figures against them: a
//! percentile within one bin width, counts and means exact.

use relsim::sim::ensemble::{BINS, SAMPLE_RUNS};
use relsim::sim::{self, presets, Ensemble, History, Plan, Scenario, Series, Status, Summary};

/// The full histories of runs `0..runs` of `s` (seeds `seed..seed + runs`).
fn histories(s: &Scenario, runs: u32) -> Vec<History> {
    (0..runs as u64)
        .map(|i| {
            let mut one = s.clone();
            one.seed = s.seed.wrapping_add(i);
            sim::run(&one)
        })
        .collect()
}

/// The exact `q`-quantile of `values`: the smallest value with at least `q·n` values at or
/// below it (the `⌈q·n⌉`-th smallest).
fn quantile(values: &mut [f64], q: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let rank = ((q * values.len() as f64).ceil() as usize).clamp(1, values.len());
    values[rank - 1]
}

/// The mean over `hs` of each run's total of `f` over its weeks.
fn mean_total(hs: &[History], f: fn(&relsim::sim::Row) -> f64) -> f64 {
    hs.iter()
        .map(|h| h.rows.iter().map(f).sum::<f64>())
        .sum::<f64>()
        / hs.len() as f64
}

fn scenarios() -> Vec<(String, Scenario)> {
    let mut out: Vec<(String, Scenario)> = ["default", "farbo", "article-figure"]
        .into_iter()
        .filter_map(|id| presets::find(id).map(|p| (id.to_string(), p.scenario())))
        .collect();
    // A short, eventful one where runs spread out quickly.
    let mut busy = Scenario {
        weeks: 80,
        seed: 99,
        ..Scenario::default()
    };
    busy.random_rates.interpersonal = 20.0;
    busy.random_rates.business = 20.0;
    busy.bounds.tolerance_weeks = 4;
    out.push(("busy".into(), busy));
    out
}

#[test]
fn percentiles_match_the_exact_ones_of_the_same_runs() {
    let runs = 150;
    let mut widest = 0.0f64;
    for (name, s) in scenarios() {
        let e = Ensemble::run(&Plan::new(&s), runs);
        let hs = histories(&s, runs);
        let mut spread = 0.0f64;
        for series in Series::BANDED {
            for week in (0..s.weeks as usize).step_by(7) {
                let mut values: Vec<f64> = hs.iter().map(|h| series.value(&h.rows[week])).collect();
                for q in [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] {
                    let exact = quantile(&mut values, q);
                    let binned = e.percentile(series, week, q);
                    assert!(
                        (binned - exact).abs() <= 1.0 / BINS as f64 + 1e-12,
                        "{name} {series:?} week {week} q {q}: ensemble {binned}, exact {exact}"
                    );
                }
                spread = spread.max(quantile(&mut values, 0.95) - quantile(&mut values, 0.05));
            }
        }
        assert!(spread > 0.0, "{name}: all runs alike");
        widest = widest.max(spread);
    }
    // The runs do spread out over many bins, so the comparison is not between constants.
    assert!(widest > 0.1, "runs barely differ ({widest})");
}

#[test]
fn status_shares_and_summary_match_the_full_histories() {
    let runs = 120;
    for (name, s) in scenarios() {
        let e = Ensemble::run(&Plan::new(&s), runs);
        let hs = histories(&s, runs);
        let n = runs as f64;
        for week in 0..s.weeks as usize {
            for st in Status::ALL {
                let count = hs.iter().filter(|h| h.rows[week].status == st).count();
                assert_eq!(
                    e.status_share(week, st),
                    count as f64 / n,
                    "{name} week {week} {st:?}"
                );
            }
        }
        let summary = Summary::of(&e);
        for st in Status::ALL {
            let at_end = hs
                .iter()
                .filter(|h| h.rows.last().unwrap().status == st)
                .count();
            assert_eq!(
                summary.status_at_end.get(st),
                at_end as f64 / n,
                "{name} {st:?}"
            );
            let spent: usize = hs
                .iter()
                .map(|h| h.rows.iter().filter(|r| r.status == st).count())
                .sum();
            assert!((summary.weeks_in_status.get(st) - spent as f64 / n).abs() < 1e-9);
        }
        // Means are over the weeks in which the relationship was active.
        let active = |r: &&relsim::sim::Row| !r.status.is_final();
        let active_weeks = hs
            .iter()
            .map(|h| h.rows.iter().filter(active).count())
            .sum::<usize>() as f64;
        for series in Series::ALL {
            let mean = hs
                .iter()
                .flat_map(|h| h.rows.iter().filter(active).map(|r| series.value(r)))
                .sum::<f64>()
                / active_weeks;
            let got = summary.mean.get(series);
            assert!(
                (got - mean).abs() < 1e-9,
                "{name} {series:?}: {got} vs {mean}"
            );
        }
        let cost = mean_total(&hs, |r| r.client_cost);
        assert!((summary.totals.client_cost - cost).abs() < 1e-6 * cost.abs().max(1.0));
        let margin = mean_total(&hs, |r| r.supplier_margin);
        assert!((summary.totals.supplier_margin - margin).abs() < 1e-6 * margin.abs().max(1.0));
        // The faint sample lines are the first runs' relationship lines.
        assert_eq!(e.samples.len(), SAMPLE_RUNS.min(runs as usize));
        for (line, h) in e.samples.iter().zip(&hs) {
            let exact: Vec<f32> = h.rows.iter().map(|r| r.relationship as f32).collect();
            assert_eq!(line, &exact, "{name}");
        }
    }
}

/// An ensemble built from parts (one per thread, or per web worker in the app) merged in seed
/// order equals the one built in a single pass, bit for bit: counts, histograms, sums,
/// outcomes, samples and the summary.
#[test]
fn split_and_merged_ensembles_equal_the_single_pass_bit_for_bit() {
    use relsim::sim::ensemble::split;
    for (name, s) in scenarios() {
        let plan = Plan::new(&s);
        let runs = 37;
        let whole = Ensemble::run(&plan, runs);
        for parts in [2, 3, 8] {
            let ranges = split(runs, parts);
            assert_eq!(ranges.len(), parts, "{name}");
            assert_eq!(ranges.iter().map(|r| r.len() as u32).sum::<u32>(), runs);
            let mut merged = Ensemble::new(s.weeks);
            for r in ranges {
                let mut part = Ensemble::new(s.weeks);
                part.add_runs(&plan, r);
                merged.merge(&part);
            }
            assert_eq!(merged, whole, "{name}, {parts} parts");
            let bits = |e: &Ensemble| e.sums.map(f64::to_bits);
            assert_eq!(bits(&merged), bits(&whole), "{name}, {parts} parts");
            let json = |e: &Ensemble| serde_json::to_string(&Summary::of(e)).unwrap();
            assert_eq!(json(&merged), json(&whole), "{name}, {parts} parts");
            for w in [0, s.weeks as usize / 2, s.weeks as usize - 1] {
                for q in [0.1, 0.5, 0.9] {
                    let p = |e: &Ensemble| e.percentile(Series::Relationship, w, q).to_bits();
                    assert_eq!(p(&merged), p(&whole));
                }
            }
        }
        let threaded = Ensemble::run_threaded(&plan, runs, 3);
        assert_eq!(threaded, whole, "{name}, threaded");
    }
}

/// Merging an ensemble of other-length runs is refused rather than mixing weeks.
#[test]
fn ensembles_of_different_lengths_do_not_merge() {
    let s = Scenario::default();
    let mut a = Ensemble::run(&Plan::new(&s), 3);
    let before = a.clone();
    a.merge(&Ensemble::new(s.weeks + 1));
    assert_eq!(a, before);
}

#[test]
fn the_comparison_csv_lists_each_figure_in_a_and_b_with_the_difference() {
    let a = Scenario::default();
    let mut b = a.clone();
    b.contract.fee_per_week += 2.0;
    let (sa, sb) = (
        Summary::of(&Ensemble::run(&Plan::new(&a), 40)),
        Summary::of(&Ensemble::run(&Plan::new(&b), 40)),
    );
    let csv = sim::summary::compare_csv(&sa, &sb);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["figure", "a", "b", "b_minus_a"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let find = |key: &str| {
        rows.iter()
            .find(|r| &r[0] == key)
            .unwrap_or_else(|| panic!("{key} in {csv}"))
    };
    let cost = find("totals.client_cost");
    let (x, y, d): (f64, f64, f64) = (
        cost[1].parse().unwrap(),
        cost[2].parse().unwrap(),
        cost[3].parse().unwrap(),
    );
    assert_eq!(x, sa.totals.client_cost);
    assert_eq!(y, sb.totals.client_cost);
    assert!(
        (d - (y - x)).abs() < 1e-9 && d > 0.0,
        "a dearer fee costs the client more: {d}"
    );
    // The same summary against itself differs nowhere.
    let same = sim::summary::compare_csv(&sa, &sa);
    assert!(
        same.lines()
            .skip(1)
            .all(|l| l.ends_with(",0") || l.ends_with(',')),
        "{same}"
    );
}
