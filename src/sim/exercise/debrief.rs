//! The debrief: the score and its parts, the participant's path against "never intervene" and
//! the author's best path on the same random future, the moments that moved the relationship
//! most, luck or skill over other random futures, the result file, and the class board.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Decision, Exercise, Play, Side, Text, CARRY_ON};
use crate::sim::engine::{Plan, Sim};
use crate::sim::record::{Event, Recorder, Row, Status};
use crate::sim::why::{explain, Cause};
use crate::sim::ScenarioError;

/// `kind` of a result file.
pub const RESULT_KIND: &str = "relsim-exercise-result";
/// Result file format version.
pub const RESULT_VERSION: u32 = 1;
/// Other random futures the luck-or-skill replay runs by default.
pub const LUCK_RUNS: u32 = 300;
/// Longest participant name a result file holds, in characters.
pub const MAX_PARTICIPANT_CHARS: usize = 80;
/// Moments shown in the debrief.
const MOMENTS: usize = 3;

/// The parts of a score, each 0..=1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreParts {
    /// End status: partnership 1, supplier 0.6, escalation 0.25, not renewed 0.1, terminated 0.
    pub end_status: f64,
    /// Money over the run against the contract's value: 0.5 at break-even, 1 at a gain as
    /// large as all fees of the term.
    pub money: f64,
    /// Mean relationship line.
    pub relationship: f64,
    /// Mean of both parties' trust.
    pub trust: f64,
}

/// A score: the weighted mean of its parts × 100, and the money in k€.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// 0..=100.
    pub total: f64,
    /// The parts.
    pub parts: ScoreParts,
    /// The client's net value or the supplier's margin over the run, by side, k€.
    pub money: f64,
    /// Status in the last week.
    pub end_status: Status,
}

fn status_value(s: Status) -> f64 {
    match s {
        Status::Partnership => 1.0,
        Status::Supplier => 0.6,
        Status::Escalation => 0.25,
        Status::Ended => 0.1,
        Status::Terminated => 0.0,
    }
}

/// Sums a run's rows as they are recorded, so that the luck replay keeps no history.
#[derive(Clone, Copy, Debug)]
struct Tally {
    side: Side,
    weeks: u32,
    money: f64,
    relationship: f64,
    trust: f64,
    last: Status,
}

impl Tally {
    fn new(side: Side) -> Self {
        Self {
            side,
            weeks: 0,
            money: 0.0,
            relationship: 0.0,
            trust: 0.0,
            last: Status::Partnership,
        }
    }

    fn add(&mut self, r: &Row) {
        self.weeks += 1;
        self.money += match self.side {
            Side::Client => r.client_net_value,
            Side::Supplier => r.supplier_margin,
        };
        // Once the contract is over there is no relationship left to score: its last line and
        // trust stay in the rows (frozen), but counting them would reward ending it before
        // things got worse.
        if !r.status.is_final() {
            self.relationship += r.relationship;
            self.trust += 0.5 * (r.client_trust + r.supplier_trust);
        }
        self.last = r.status;
    }

    fn score(&self, ex: &Exercise) -> Score {
        let n = f64::from(self.weeks.max(1));
        let c = &ex.scenario.contract;
        let scale = (c.fee_per_week * f64::from(ex.scenario.weeks)).max(1e-9);
        let parts = ScoreParts {
            end_status: status_value(self.last),
            money: (0.5 + 0.5 * self.money / scale).clamp(0.0, 1.0),
            relationship: (self.relationship / n).clamp(0.0, 1.0),
            trust: (self.trust / n).clamp(0.0, 1.0),
        };
        let w = &ex.scoring;
        let sum = w.end_status + w.money + w.relationship + w.trust;
        let total = if sum > 0.0 {
            100.0
                * (w.end_status * parts.end_status
                    + w.money * parts.money
                    + w.relationship * parts.relationship
                    + w.trust * parts.trust)
                / sum
        } else {
            0.0
        };
        Score {
            total,
            parts,
            money: self.money,
            end_status: self.last,
        }
    }
}

impl Recorder for Tally {
    fn record(&mut self, row: &Row, _: &[Event]) {
        self.add(row);
    }
}

/// The score of a run's rows, for the exercise's side.
pub fn score_of(ex: &Exercise, rows: &[Row]) -> Score {
    score_for(ex, ex.side, rows)
}

/// The score of a run's rows for `side` (both sides of a pair are scored on one run).
pub fn score_for(ex: &Exercise, side: Side, rows: &[Row]) -> Score {
    let mut t = Tally::new(side);
    rows.iter().for_each(|r| t.add(r));
    t.score(ex)
}

/// Luck or skill: the participant's decisions as a policy over other random futures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Luck {
    /// Futures run.
    pub runs: u32,
    /// Share (0..=100) of those futures in which the same decisions scored lower than the
    /// participant did: high means their future was kind to them.
    pub percentile: f64,
    /// The policy's median score over the futures.
    pub median: f64,
    /// 10th percentile.
    pub p10: f64,
    /// 90th percentile.
    pub p90: f64,
    /// Share (0..=100) of the futures in which the decisions beat never intervening.
    pub beats_carry_on: f64,
}

/// Replays `decisions` (same options at the same weeks) and "never intervene" over `runs` other
/// random futures (seeds after the exercise's own) and places `score` among the policy's scores.
pub fn luck_or_skill(ex: &Exercise, decisions: &[Decision], score: f64, runs: u32) -> Luck {
    luck_of_scores(score, &luck_scores(ex, decisions, 0..runs))
}

/// The scores of the futures `range` (future `i` has seed = the exercise's seed + 1 + `i`):
/// per future, the decisions' score and never intervening's, in order. Parts of the futures
/// computed apart (in web workers) and put back in order give [`luck_of_scores`] the same input
/// as one pass.
pub fn luck_scores(
    ex: &Exercise,
    decisions: &[Decision],
    range: std::ops::Range<u32>,
) -> Vec<[f64; 2]> {
    let policy = Plan::new(&ex.with_decisions(decisions));
    let never = Plan::new(&ex.scenario);
    range
        .map(|i| {
            let seed = ex.scenario.seed.wrapping_add(1 + u64::from(i));
            let run = |plan: &Plan| {
                let mut t = Tally::new(ex.side);
                Sim::with_seed(plan, seed).run(&mut t);
                t.score(ex).total
            };
            [run(&policy), run(&never)]
        })
        .collect()
}

/// Places `score` among the decisions' scores over other futures (from [`luck_scores`]).
pub fn luck_of_scores(score: f64, futures: &[[f64; 2]]) -> Luck {
    let beats = futures
        .iter()
        .filter(|[a, never]| *a > never + 1e-9)
        .count();
    let mut scores: Vec<f64> = futures.iter().map(|[a, _]| *a).collect();
    scores.sort_by(f64::total_cmp);
    let q = |p: f64| {
        scores
            .get(((scores.len().saturating_sub(1)) as f64 * p).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    let below = scores.iter().filter(|s| **s < score).count();
    let runs = futures.len() as u32;
    let n = f64::from(runs.max(1));
    Luck {
        runs,
        percentile: 100.0 * below as f64 / n,
        median: q(0.5),
        p10: q(0.1),
        p90: q(0.9),
        beats_carry_on: 100.0 * beats as f64 / n,
    }
}

/// A moment that moved the relationship: an incident or intervention and its part of the change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Moment {
    /// Week.
    pub week: u32,
    /// `incident` or `intervention`.
    pub what: String,
    /// The incident kind or intervention kind id.
    pub kind: String,
    /// Whether it was the participant's own decision.
    pub decided: bool,
    /// Its part of the change of the relationship line over the whole run.
    pub change: f64,
}

/// Weeks after a moment over which its effect is measured: a quarter, long enough for a jump
/// and its pressure to show, short enough that later moments do not drown it.
const EFFECT_WEEKS: u32 = 13;
/// Most distinct moment weeks examined (each costs one run with the why tracer).
const MAX_MOMENT_WEEKS: usize = 80;

/// The moments that moved the relationship most: for each week with an incident or an
/// intervention, the why attribution over that week and the quarter after it gives each such
/// moment its part of the change; the largest parts win. Measuring each moment over its own
/// quarter, rather than all of them at the end of the run, keeps recent moments (whose jumps have
/// not yet decayed) from crowding out the ones that turned the relationship.
fn moments(scenario: &crate::sim::Scenario, history: &crate::sim::History) -> Vec<Moment> {
    let mut weeks: Vec<u32> = history
        .events
        .iter()
        .filter(|(_, e)| matches!(e, Event::Incident { .. } | Event::Intervention { .. }))
        .map(|(w, _)| *w)
        .collect();
    weeks.dedup();
    weeks.truncate(MAX_MOMENT_WEEKS);
    let mut found: Vec<Moment> = Vec::new();
    for w in weeks {
        let e = explain(scenario, w, w + EFFECT_WEEKS - 1);
        for (c, v) in e.causes {
            let m = match c {
                Cause::Incident { week, incident, .. } if week == w => Moment {
                    week,
                    what: "incident".into(),
                    kind: incident.kind.id().into(),
                    decided: false,
                    change: v,
                },
                Cause::Intervention { week, kind } if week == w => Moment {
                    week,
                    what: "intervention".into(),
                    kind: kind.into(),
                    decided: true,
                    change: v,
                },
                _ => continue,
            };
            found.push(m);
        }
    }
    found.sort_by(|a, b| b.change.abs().total_cmp(&a.change.abs()));
    found.truncate(MOMENTS);
    found
}

/// The path of a play, small enough for a result file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathSummary {
    /// Weeks run.
    pub weeks: u32,
    /// Status in the last week.
    pub end_status: Option<Status>,
    /// The relationship line, rounded to 0.001.
    pub relationship: Vec<f32>,
    /// Weeks in each status, in display order.
    pub status_weeks: [u32; 5],
}

impl PathSummary {
    fn of(rows: &[Row]) -> Self {
        let mut status_weeks = [0; 5];
        for r in rows {
            status_weeks[r.status.index()] += 1;
        }
        Self {
            weeks: rows.len() as u32,
            end_status: rows.last().map(|r| r.status),
            relationship: rows
                .iter()
                .map(|r| ((r.relationship * 1000.0).round() / 1000.0) as f32)
                .collect(),
            status_weeks,
        }
    }
}

/// One of the participant's own decisions (other than carrying on) and what it did: the play
/// against the same play without it (carry on at that moment, the other decisions kept in
/// order), on the same random future.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnMoment {
    /// The week the decision took effect.
    pub week: u32,
    /// The option taken.
    pub option: String,
    /// The score with the decision less the score without it, in points.
    pub score_change: f64,
    /// The mean relationship line from that week on, with the decision less without it.
    pub line_change: f64,
}

impl OwnMoment {
    /// The participant's own decisions with their effects.
    pub fn all(play: &Play) -> Vec<OwnMoment> {
        let ex = &play.exercise;
        let rows = &play.history().rows;
        let total = score_of(ex, rows).total;
        let mean_from = |rows: &[Row], w: usize| {
            let tail = &rows[w.min(rows.len())..];
            tail.iter().map(|r| r.relationship).sum::<f64>() / tail.len().max(1) as f64
        };
        play.decisions
            .iter()
            .enumerate()
            .filter(|(_, d)| d.option != CARRY_ON)
            .map(|(i, d)| {
                let mut without = play.decisions.clone();
                without[i].option = CARRY_ON.to_string();
                let alt = Play::replay(ex.clone(), &without);
                let alt_rows = &alt.history().rows;
                let w = d.week as usize;
                OwnMoment {
                    week: d.week,
                    option: d.option.clone(),
                    score_change: total - score_of(ex, alt_rows).total,
                    line_change: mean_from(rows, w) - mean_from(alt_rows, w),
                }
            })
            .collect()
    }
}

/// Everything shown after a play.
#[derive(Clone, Debug, PartialEq)]
pub struct Debrief {
    /// The participant's score.
    pub score: Score,
    /// Never intervening, on the same random future.
    pub carry_on: Score,
    /// The author's best path on the same random future, if recorded.
    pub best: Option<Score>,
    /// The relationship line of never intervening.
    pub carry_on_line: Vec<f32>,
    /// The relationship line of the author's path.
    pub best_line: Vec<f32>,
    /// The moments that moved the relationship most.
    pub moments: Vec<Moment>,
    /// The participant's own decisions with their effects.
    pub own: Vec<OwnMoment>,
    /// Luck or skill.
    pub luck: Luck,
}

impl Debrief {
    /// Computes the debrief of a finished play with `runs` other futures for luck or skill.
    pub fn of(play: &Play, runs: u32) -> Self {
        let ex = &play.exercise;
        let rows = &play.history().rows;
        let score = score_of(ex, rows);
        let never = crate::sim::run(&ex.scenario);
        // The best path is taken at this play's own moments (its options in order), as a
        // participant following it would have taken it.
        let best_run = (!ex.best_path.is_empty())
            .then(|| Play::replay(ex.clone(), &ex.best_path).history().clone());
        let moments = moments(&ex.with_decisions(&play.decisions), play.history());
        Self {
            score,
            carry_on: score_of(ex, &never.rows),
            best: best_run.as_ref().map(|h| score_of(ex, &h.rows)),
            carry_on_line: PathSummary::of(&never.rows).relationship,
            best_line: best_run
                .map(|h| PathSummary::of(&h.rows).relationship)
                .unwrap_or_default(),
            moments,
            own: OwnMoment::all(play),
            luck: luck_or_skill(ex, &play.decisions, score.total, runs),
        }
    }

    /// The result file of this play.
    pub fn result(&self, play: &Play, participant: &str) -> ExerciseResult {
        let ex = &play.exercise;
        ExerciseResult {
            kind: RESULT_KIND.into(),
            schema_version: RESULT_VERSION,
            exercise: ex.id.clone(),
            title: ex.title.clone(),
            participant: participant.chars().take(MAX_PARTICIPANT_CHARS).collect(),
            side: ex.side,
            decisions: play.decisions.clone(),
            score: self.score,
            carry_on_score: self.carry_on.total,
            best_score: self.best.map(|b| b.total),
            luck: self.luck.clone(),
            moments: self.moments.clone(),
            path: PathSummary::of(&play.history().rows),
        }
    }
}

/// The file a participant hands in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseResult {
    /// Always [`RESULT_KIND`].
    pub kind: String,
    /// [`RESULT_VERSION`].
    pub schema_version: u32,
    /// The exercise's id.
    pub exercise: String,
    /// The exercise's title.
    pub title: Text,
    /// The participant's name as they typed it.
    pub participant: String,
    /// The side played.
    pub side: Side,
    /// The decisions in order.
    pub decisions: Vec<Decision>,
    /// The score and its parts.
    pub score: Score,
    /// Never intervening on the same future.
    pub carry_on_score: f64,
    /// The author's best path on the same future.
    pub best_score: Option<f64>,
    /// Luck or skill.
    pub luck: Luck,
    /// The moments that moved the relationship most.
    pub moments: Vec<Moment>,
    /// The path.
    pub path: PathSummary,
}

impl ExerciseResult {
    /// Parses a result file; an error names the field at fault.
    pub fn from_json(text: &str) -> Result<Self, ScenarioError> {
        let r: Self = crate::sim::json::read(text, "result file")?;
        let fail = |path: &str, message: String| ScenarioError {
            path: path.into(),
            message,
        };
        if r.kind != RESULT_KIND {
            return Err(fail("kind", format!("must be '{RESULT_KIND}'")));
        }
        if r.schema_version != RESULT_VERSION {
            return Err(fail(
                "schema_version",
                format!(
                    "{} is not supported; allowed: {RESULT_VERSION}",
                    r.schema_version
                ),
            ));
        }
        if !(0.0..=100.0).contains(&r.score.total) {
            return Err(fail(
                "score.total",
                format!("{} is out of range 0..=100", r.score.total),
            ));
        }
        let name = r.participant.chars().count();
        if name > MAX_PARTICIPANT_CHARS {
            return Err(fail(
                "participant",
                format!("has {name} characters; allowed: 0 to {MAX_PARTICIPANT_CHARS}"),
            ));
        }
        if r.path.relationship.iter().any(|v| !v.is_finite()) {
            return Err(fail("path.relationship", "values must be numbers".into()));
        }
        Ok(r)
    }

    /// Compact JSON (a result file is small; one line keeps it so).
    pub fn to_json(&self) -> String {
        crate::sim::json::write(self)
    }
}

/// How many chose each option at one decision moment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionCount {
    /// Moment index.
    pub moment: u32,
    /// The week most participants reached it in.
    pub week: u32,
    /// (option id, count), menu order as first seen, carry on first.
    pub counts: Vec<(String, u32)>,
}

/// The class board: results ranked by score, and the class's decisions per moment.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassBoard {
    /// Indices into the results, best score first (ties by name).
    pub ranking: Vec<usize>,
    /// Per moment, the counts per option.
    pub decisions: Vec<OptionCount>,
    /// Mean score.
    pub mean: f64,
}

/// Per moment: how many reached it in each week, and the count per option.
type MomentTally = (BTreeMap<u32, u32>, Vec<(String, u32)>);

/// Ranks results and counts decisions per moment.
pub fn class_board(results: &[ExerciseResult]) -> ClassBoard {
    let mut ranking: Vec<usize> = (0..results.len()).collect();
    ranking.sort_by(|&a, &b| {
        results[b]
            .score
            .total
            .total_cmp(&results[a].score.total)
            .then_with(|| results[a].participant.cmp(&results[b].participant))
    });
    let mut per: BTreeMap<u32, MomentTally> = BTreeMap::new();
    for r in results {
        for d in &r.decisions {
            let (weeks, counts) = per.entry(d.moment).or_default();
            *weeks.entry(d.week).or_default() += 1;
            if counts.is_empty() {
                counts.push((CARRY_ON.into(), 0));
            }
            match counts.iter_mut().find(|(id, _)| *id == d.option) {
                Some(c) => c.1 += 1,
                None => counts.push((d.option.clone(), 1)),
            }
        }
    }
    let decisions = per
        .into_iter()
        .map(|(moment, (weeks, counts))| OptionCount {
            moment,
            week: weeks
                .into_iter()
                .max_by_key(|(w, n)| (*n, std::cmp::Reverse(*w)))
                .map_or(0, |(w, _)| w),
            counts,
        })
        .collect();
    let mean = if results.is_empty() {
        0.0
    } else {
        results.iter().map(|r| r.score.total).sum::<f64>() / results.len() as f64
    };
    ClassBoard {
        ranking,
        decisions,
        mean,
    }
}
