//! Ensembles: many runs of one scenario over seeds `seed..seed+N`, kept as per-week aggregates
//! (status counts, fixed-bin histograms of a few series), running sums and per-run outcomes —
//! never every run's full history.

mod bytes;

use super::engine::{Plan, Sim};
use super::record::{Event, Recorder, Row, Status};
use super::series::Series;

/// Histogram bins over 0..=1 per week and banded series.
pub const BINS: usize = 200;
/// Runs whose relationship line is kept whole, to draw faintly behind a fan chart.
pub const SAMPLE_RUNS: usize = 5;

/// What one run of an ensemble ended with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunOutcome {
    /// Status in the last week.
    pub end_status: Status,
    /// Total client cost, k€.
    pub client_cost: f64,
    /// Total supplier margin, k€.
    pub supplier_margin: f64,
    /// Total client net value (service value minus everything paid), k€.
    pub client_net_value: f64,
    /// Mean customer focus over the run.
    pub mean_effort: f64,
    /// The run's last renewal decision: renewed or not (`None`: no term ended in the run).
    pub renewed: Option<bool>,
}

/// Aggregates of an ensemble.
#[derive(Clone, Debug, PartialEq)]
pub struct Ensemble {
    /// Runs added so far.
    pub runs: u32,
    /// Weeks per run.
    pub weeks: u32,
    /// Per week, the number of runs in each status (indexed by [`Status::index`]).
    pub status_counts: Vec<[u32; 5]>,
    /// Per week, per banded series, `BINS` counts: a week's bins of all banded series lie
    /// together, so that recording a week touches one block.
    hist: Vec<u32>,
    /// Sum over runs and the weeks in which the relationship was active (not yet terminated or
    /// ended) of each series in [`Series::ALL`]: each run's sums over those weeks, added in
    /// seed order, so that parts of an ensemble merge to the same bits.
    pub sums: [f64; 10],
    /// Weeks, over all runs, in which the relationship was active: what `sums` are over.
    pub active_weeks: u64,
    /// Per run, in seed order, its sums over weeks of each series in [`Series::ALL`]: what
    /// [`Ensemble::merge`] adds to `sums` in order.
    run_sums: Vec<[f64; 10]>,
    /// Sum over runs of weeks spent in each status.
    pub status_weeks: [u64; 5],
    /// One outcome per run, in seed order.
    pub outcomes: Vec<RunOutcome>,
    /// The relationship line of the first [`SAMPLE_RUNS`] runs.
    pub samples: Vec<Vec<f32>>,
}

impl Ensemble {
    /// An empty ensemble for `weeks`-long runs.
    pub fn new(weeks: u32) -> Self {
        let w = weeks as usize;
        Self {
            runs: 0,
            weeks,
            status_counts: vec![[0; 5]; w],
            hist: vec![0; Series::BANDED.len() * w * BINS],
            sums: [0.0; 10],
            active_weeks: 0,
            status_weeks: [0; 5],
            outcomes: Vec::new(),
            run_sums: Vec::new(),
            samples: Vec::new(),
        }
    }

    /// Runs the ensemble split into `threads` contiguous parts of its seeds, one thread each,
    /// merged in seed order: the same numbers as [`Ensemble::run`], bit for bit, for any number
    /// of threads.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn run_threaded(plan: &Plan, runs: u32, threads: usize) -> Self {
        let parts = split(runs, threads);
        if parts.len() <= 1 {
            return Self::run(plan, runs);
        }
        let weeks = plan.scenario.weeks;
        // Each thread runs its own copy of the plan: its table cache is not shared.
        let done: Vec<Ensemble> = std::thread::scope(|scope| {
            let handles: Vec<_> = parts
                .into_iter()
                .map(|range| {
                    let plan = plan.clone();
                    scope.spawn(move || {
                        let mut e = Ensemble::new(weeks);
                        e.add_runs(&plan, range);
                        e
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        });
        let mut all = done.into_iter();
        let mut e = all.next().unwrap_or_else(|| Ensemble::new(weeks));
        for part in all {
            e.merge(&part);
        }
        e
    }

    /// Adds `later`, the ensemble of the runs that directly follow this one's in seed order
    /// (as [`split`] cuts them), so that the result equals running them all in one ensemble,
    /// bit for bit: counts add, run sums are added in seed order, outcomes and samples follow.
    /// Ensembles of different run lengths do not merge: `later` is then ignored.
    pub fn merge(&mut self, later: &Ensemble) {
        if later.weeks != self.weeks {
            return;
        }
        for (a, b) in self.status_counts.iter_mut().zip(&later.status_counts) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        for (x, y) in self.hist.iter_mut().zip(&later.hist) {
            *x += y;
        }
        for (x, y) in self.status_weeks.iter_mut().zip(later.status_weeks) {
            *x += y;
        }
        self.active_weeks += later.active_weeks;
        for run in &later.run_sums {
            add_run_sums(&mut self.sums, run);
        }
        self.run_sums.extend_from_slice(&later.run_sums);
        self.outcomes.extend_from_slice(&later.outcomes);
        let room = SAMPLE_RUNS.saturating_sub(self.samples.len());
        self.samples
            .extend(later.samples.iter().take(room).cloned());
        self.runs += later.runs;
    }

    /// Runs the ensemble of `runs` runs of `plan`'s scenario at once.
    pub fn run(plan: &Plan, runs: u32) -> Self {
        let mut e = Self::new(plan.scenario.weeks);
        e.add_runs(plan, 0..runs);
        e
    }

    /// Adds runs with indices `range` (seed = scenario seed + index, wrapping), so that a caller
    /// can split the work into chunks.
    pub fn add_runs(&mut self, plan: &Plan, range: std::ops::Range<u32>) {
        for i in range {
            let seed = plan.scenario.seed.wrapping_add(i as u64);
            let sample =
                (self.samples.len() < SAMPLE_RUNS).then(|| Vec::with_capacity(self.weeks as usize));
            let mut rec = RunRecorder {
                ensemble: self,
                sample,
                cost: 0.0,
                margin: 0.0,
                net_value: 0.0,
                effort: 0.0,
                sums: [0.0; 10],
                last: None,
                renewed: None,
            };
            Sim::with_seed(plan, seed).run(&mut rec);
            let RunRecorder {
                sample,
                cost,
                margin,
                net_value,
                effort,
                sums,
                last,
                renewed,
                ..
            } = rec;
            add_run_sums(&mut self.sums, &sums);
            self.run_sums.push(sums);
            if let Some(s) = sample {
                self.samples.push(s);
            }
            self.outcomes.push(RunOutcome {
                end_status: last.unwrap_or(Status::Partnership),
                client_cost: cost,
                supplier_margin: margin,
                client_net_value: net_value,
                mean_effort: effort / self.weeks.max(1) as f64,
                renewed,
            });
            self.runs += 1;
        }
    }

    /// The `q`-quantile (0..=1) of a banded series in `week`, interpolated within its bin.
    pub fn percentile(&self, series: Series, week: usize, q: f64) -> f64 {
        let Some(si) = Series::BANDED.iter().position(|s| *s == series) else {
            return f64::NAN;
        };
        let start = (week * Series::BANDED.len() + si) * BINS;
        let bins = &self.hist[start..start + BINS];
        let total: u32 = bins.iter().sum();
        if total == 0 {
            return f64::NAN;
        }
        let target = q.clamp(0.0, 1.0) * total as f64;
        let mut seen = 0.0;
        for (b, &n) in bins.iter().enumerate() {
            let next = seen + n as f64;
            if n > 0 && next >= target {
                let within = ((target - seen) / n as f64).clamp(0.0, 1.0);
                return (b as f64 + within) / BINS as f64;
            }
            seen = next;
        }
        1.0
    }

    /// Share of runs in `status` in `week`.
    pub fn status_share(&self, week: usize, status: Status) -> f64 {
        if self.runs == 0 {
            return 0.0;
        }
        self.status_counts[week][status.index()] as f64 / self.runs as f64
    }
}

struct RunRecorder<'e> {
    ensemble: &'e mut Ensemble,
    sample: Option<Vec<f32>>,
    cost: f64,
    margin: f64,
    net_value: f64,
    effort: f64,
    /// This run's sums over weeks of each series in [`Series::ALL`].
    sums: [f64; 10],
    last: Option<Status>,
    renewed: Option<bool>,
}

/// Adds one run's sums to the ensemble's.
fn add_run_sums(total: &mut [f64; 10], run: &[f64; 10]) {
    for (t, r) in total.iter_mut().zip(run) {
        *t += r;
    }
}

/// Cuts runs `0..runs` into at most `parts` contiguous ranges of nearly equal length, in order
/// (none empty).
pub fn split(runs: u32, parts: usize) -> Vec<std::ops::Range<u32>> {
    let parts = (parts.max(1) as u32).min(runs.max(1));
    let (each, extra) = (runs / parts, runs % parts);
    let mut start = 0;
    (0..parts)
        .map(|i| {
            let len = each + u32::from(i < extra);
            let r = start..start + len;
            start += len;
            r
        })
        .filter(|r| !r.is_empty())
        .collect()
}

impl Recorder for RunRecorder<'_> {
    #[inline]
    fn record(&mut self, row: &Row, events: &[Event]) {
        let e = &mut *self.ensemble;
        let w = row.week as usize;
        e.status_counts[w][row.status.index()] += 1;
        e.status_weeks[row.status.index()] += 1;
        if !row.status.is_final() {
            e.active_weeks += 1;
            for (sum, s) in self.sums.iter_mut().zip(Series::ALL) {
                *sum += s.value(row);
            }
        }
        if !events.is_empty() {
            for ev in events {
                match ev {
                    Event::Renewed => self.renewed = Some(true),
                    Event::NotRenewed { .. } => self.renewed = Some(false),
                    _ => {}
                }
            }
        }
        // The week's block of bins, as fixed-size arrays: a bin below `BINS` needs no check.
        let start = w * Series::BANDED.len() * BINS;
        let (week, _) = e.hist[start..start + Series::BANDED.len() * BINS].as_chunks_mut::<BINS>();
        for (bins, s) in week.iter_mut().zip(Series::BANDED) {
            // Through i32, whose saturating conversion is one instruction where usize's takes
            // several: the same bin for every value (NaN and below 0 → 0, above → the last).
            let bin = ((s.value(row) * BINS as f64) as i32).clamp(0, BINS as i32 - 1) as usize;
            bins[bin] += 1;
        }
        if let Some(sample) = &mut self.sample {
            sample.push(row.relationship as f32);
        }
        self.cost += row.client_cost;
        self.margin += row.supplier_margin;
        self.net_value += row.client_net_value;
        self.effort += row.effort;
        self.last = Some(row.status);
    }

    fn reads_state_fields(&self) -> bool {
        false
    }
}
