//! Work for a pool of web workers, as plain data: a [`Task`] goes to a worker as JSON and its
//! [`Output`] comes back as bytes. The page cuts a job into tasks ([`units`]), and puts the
//! outputs back together in order, so that the numbers do not depend on how many workers there
//! are: an ensemble's parts merge exactly ([`Ensemble::merge`]), a grid's cells are whole
//! ensembles, and luck-or-skill futures keep their order.
//!
//! Nothing here touches the web: the same tasks run in native tests, which is how the pooled
//! results are checked against the single-threaded ones bit for bit.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::engine::Plan;
use super::ensemble::{split, Ensemble};
use super::exercise::{luck_scores, Decision, Exercise};
use super::scenario::Scenario;
use super::summary::Summary;

/// One piece of work for a worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "task", rename_all = "snake_case", deny_unknown_fields)]
pub enum Task {
    /// Runs `from..to` of the ensemble of `scenario` (seeds `seed + from ..`).
    Runs {
        /// The scenario.
        scenario: Scenario,
        /// First run index.
        from: u32,
        /// One past the last run index.
        to: u32,
    },
    /// One cell of a grid: the summary of the ensemble of `runs` runs of `scenario`.
    Cell {
        /// The scenario with the cell's inputs set.
        scenario: Scenario,
        /// Runs in the ensemble.
        runs: u32,
    },
    /// Futures `from..to` of an exercise's luck-or-skill replay.
    Luck {
        /// The exercise.
        exercise: Box<Exercise>,
        /// The participant's decisions.
        decisions: Vec<Decision>,
        /// First future.
        from: u32,
        /// One past the last future.
        to: u32,
    },
}

/// What a worker sends back for a task.
#[derive(Clone, Debug, PartialEq)]
pub enum Output {
    /// Part of an ensemble.
    Runs(Ensemble),
    /// A grid cell's summary.
    Cell(Summary),
    /// Per future, the decisions' score and never intervening's.
    Luck(Vec<[f64; 2]>),
}

/// First byte of an output's bytes: which output follows.
const RUNS: u8 = 1;
const CELL: u8 = 2;
const LUCK: u8 = 3;

impl Task {
    /// The task as JSON, to post to a worker.
    pub fn to_json(&self) -> String {
        super::json::write(self)
    }

    /// Reads a task posted by the page.
    pub fn from_json(text: &str) -> Result<Task, String> {
        super::json::read(text, "task").map_err(|e| e.to_string())
    }

    /// The number of simulated runs the task stands for (for progress).
    pub fn size(&self) -> u32 {
        match self {
            Task::Runs { from, to, .. } | Task::Luck { from, to, .. } => to.saturating_sub(*from),
            Task::Cell { runs, .. } => *runs,
        }
    }
}

impl Output {
    /// The output as bytes, to post back to the page (the buffer is transferred, not copied).
    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            Output::Runs(e) => {
                let mut b = vec![RUNS];
                b.extend(e.to_bytes());
                b
            }
            Output::Cell(s) => {
                let mut b = vec![CELL];
                b.extend(super::json::write(s).into_bytes());
                b
            }
            Output::Luck(scores) => {
                let mut b = Vec::with_capacity(1 + scores.len() * 16);
                b.push(LUCK);
                for v in scores.iter().flatten() {
                    b.extend_from_slice(&v.to_le_bytes());
                }
                b
            }
        }
    }

    /// Reads an output's bytes; an error says what is wrong.
    pub fn from_bytes(bytes: &[u8]) -> Result<Output, String> {
        match bytes.split_first() {
            Some((&RUNS, rest)) => Ensemble::from_bytes(rest).map(Output::Runs),
            Some((&CELL, rest)) => std::str::from_utf8(rest)
                .map_err(|e| e.to_string())
                .and_then(|text| super::json::read(text, "cell").map_err(|e| e.to_string()))
                .map(Output::Cell),
            Some((&LUCK, rest)) if rest.len() % 16 == 0 => Ok(Output::Luck(
                rest.chunks_exact(16)
                    .map(|c| {
                        let f = |b: &[u8]| {
                            let mut a = [0; 8];
                            a.copy_from_slice(b);
                            f64::from_le_bytes(a)
                        };
                        [f(&c[..8]), f(&c[8..])]
                    })
                    .collect(),
            )),
            Some((&LUCK, _)) => Err("luck: the scores' bytes end too early".into()),
            _ => Err("not a worker's output (unknown kind)".into()),
        }
    }
}

/// Runs tasks, keeping the last plan: the runs of one ensemble arrive as several tasks, and
/// preparing a plan (its effort table) costs more than a few runs.
#[derive(Default)]
pub struct Runner {
    plan: Option<Plan>,
}

impl Runner {
    /// Runs one task.
    pub fn run(&mut self, task: &Task) -> Output {
        match task {
            Task::Runs { scenario, from, to } => {
                let plan = self.plan_for(scenario);
                let mut e = Ensemble::new(scenario.weeks);
                e.add_runs(plan, *from..(*to).max(*from));
                Output::Runs(e)
            }
            Task::Cell { scenario, runs } => {
                Output::Cell(Summary::of(&Ensemble::run(self.plan_for(scenario), *runs)))
            }
            Task::Luck {
                exercise,
                decisions,
                from,
                to,
            } => Output::Luck(luck_scores(exercise, decisions, *from..(*to).max(*from))),
        }
    }

    /// Reads a task's JSON, runs it and returns its output's bytes: what a worker does with
    /// each message.
    pub fn run_json(&mut self, text: &str) -> Result<Vec<u8>, String> {
        let task = Task::from_json(text)?;
        if let Task::Runs { scenario, .. } | Task::Cell { scenario, .. } = &task {
            scenario
                .validate()
                .map_err(|e| format!("{}: {}", e.path, e.message))?;
        }
        Ok(self.run(&task).to_bytes())
    }

    fn plan_for(&mut self, scenario: &Scenario) -> &Plan {
        if !self.plan.as_ref().is_some_and(|p| p.scenario == *scenario) {
            self.plan = Some(Plan::new(scenario));
        }
        self.plan.get_or_insert_with(|| Plan::new(scenario))
    }
}

/// Runs per task: few enough that a cancelled job stops within a few tens of milliseconds in
/// every worker (1024 runs of 260 weeks take about 30 ms), many enough that sending a part back
/// (its histograms, decoded and merged on the page, and a progress step the page draws) costs
/// little next to computing it.
const UNIT_RUNS: Range<u32> = 32..1024;
/// Most runs per task when the page computes (no workers): each task runs whole between two
/// frames, so it must stay well under the 50 ms that makes a task "long", also on a slow
/// machine (256 runs of 260 weeks take about 10 ms on the page).
const PAGE_UNIT_RUNS: u32 = 256;

/// Cuts runs `0..runs` into contiguous ranges, in order, for `workers` workers: as few as the
/// largest task allows, at least one per worker, a multiple of the workers in number and of
/// nearly equal length, so that the workers finish together. A short job is one part per worker:
/// each part costs a worker its writing and the page its reading, and on two cores the page's
/// work is taken from the workers (1 000 runs on 2 workers: 20–21 ms in two parts against
/// 22–24 ms in four). No workers (0) means the page computes: then no range is longer than the
/// page can run between two frames.
pub fn units(runs: u32, workers: usize) -> Vec<Range<u32>> {
    if workers == 0 {
        return split(runs, runs.div_ceil(PAGE_UNIT_RUNS) as usize);
    }
    let workers = workers.clamp(1, 1024) as u32;
    let parts = runs
        .div_ceil(UNIT_RUNS.end)
        .max(workers)
        .next_multiple_of(workers)
        .min(runs.div_ceil(UNIT_RUNS.start));
    split(runs, parts as usize)
}

/// Merges the parts of one ensemble, given in seed order.
pub fn merge_in_order(weeks: u32, parts: impl IntoIterator<Item = Ensemble>) -> Ensemble {
    let mut parts = parts.into_iter();
    let mut e = parts.next().unwrap_or_else(|| Ensemble::new(weeks));
    for p in parts {
        e.merge(&p);
    }
    e
}
