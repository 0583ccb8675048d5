//! Playing an exercise: the run stops at each decision moment, the participant's choice becomes
//! an intervention from the next week, and the run continues.
//!
//! Why replay from week 0 after each decision instead of keeping a live simulation: the whole
//! run takes well under a millisecond, the random future is fixed by the seed, and an
//! intervention only acts from its week, so the weeks already seen stay exactly as they were —
//! and a play is fully described by its exercise and decisions, which is what a result file holds.

use super::{Decision, Exercise, CARRY_ON};
use crate::sim::record::{Event, History, Row};
use crate::sim::{run, Polarity};

/// One participant's play of an exercise.
#[derive(Clone, Debug)]
pub struct Play {
    /// The exercise.
    pub exercise: Exercise,
    /// Decisions so far.
    pub decisions: Vec<Decision>,
    /// The run with the decisions so far; only `history.rows[..seen]` may be shown.
    history: History,
    /// Weeks seen: the participant decides after week `seen − 1`.
    seen: u32,
}

impl Play {
    /// Starts a play and runs to the first decision moment (or the end).
    pub fn new(exercise: Exercise) -> Self {
        let history = run(&exercise.scenario);
        let mut play = Self {
            exercise,
            decisions: Vec::new(),
            history,
            seen: 0,
        };
        play.advance();
        play
    }

    /// Replays a list of decisions (e.g. from a result file) and returns the finished play.
    /// Decisions whose week no longer matches the moment reached (a changed exercise) are
    /// taken at the moment reached instead.
    pub fn replay(exercise: Exercise, decisions: &[Decision]) -> Self {
        let mut play = Self::new(exercise);
        for d in decisions {
            if play.is_finished() {
                break;
            }
            let i = play
                .exercise
                .options()
                .iter()
                .position(|(id, _)| *id == d.option)
                .unwrap_or(0);
            play.decide(i);
        }
        while !play.is_finished() {
            play.decide(0);
        }
        play
    }

    /// Weeks the participant has seen (the current week shown is `seen()`).
    pub fn seen(&self) -> u32 {
        self.seen
    }

    /// Whether the play is over: no more decisions.
    pub fn is_finished(&self) -> bool {
        self.seen >= self.exercise.scenario.weeks
    }

    /// The rows seen so far.
    pub fn past(&self) -> &[Row] {
        &self.history.rows[..(self.seen as usize).min(self.history.rows.len())]
    }

    /// The full history; only for the debrief, once finished.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Events in weeks `from..seen` (the ones since the last decision when `from` is its week).
    pub fn events_since(&self, from: u32) -> impl Iterator<Item = &(u32, Event)> {
        let seen = self.seen;
        self.history
            .events
            .iter()
            .filter(move |(w, _)| *w >= from && *w < seen)
    }

    /// The week of the previous decision (0 before the first).
    pub fn last_decision_week(&self) -> u32 {
        self.decisions.last().map_or(0, |d| d.week)
    }

    /// Takes option `index` of the menu (0 = carry on) at the current moment and runs to the
    /// next moment. Does nothing once finished; an index past the menu is carry on.
    pub fn decide(&mut self, index: usize) {
        if self.is_finished() {
            return;
        }
        let options = self.exercise.options();
        let (id, choice) = options.get(index).copied().unwrap_or((CARRY_ON, None));
        let decision = Decision {
            moment: self.decisions.len() as u32,
            week: self.seen,
            option: id.to_string(),
        };
        let changed = choice.is_some();
        self.decisions.push(decision);
        if changed {
            self.history = run(&self.exercise.with_decisions(&self.decisions));
        }
        self.advance();
    }

    /// Moves `seen` past the next decision moment, or to the end.
    fn advance(&mut self) {
        self.seen = next_moment(
            &self.exercise,
            &self.history,
            self.seen,
            self.decisions.len(),
        );
    }
}

/// The week after the next decision moment from week `seen` on (the first week the participant
/// has not seen), or the end of the run: a moment falls every `every_weeks` and after a large
/// negative incident, until `max_decisions` were taken (`decided`) or the relationship ended.
/// A one-sided play and a pair's play stop at the same moments.
pub(super) fn next_moment(ex: &Exercise, history: &History, seen: u32, decided: usize) -> u32 {
    let weeks = ex.scenario.weeks;
    let m = &ex.moments;
    if decided as u32 >= m.max_decisions {
        return weeks;
    }
    for w in seen..weeks.saturating_sub(1) {
        let row = &history.rows[w as usize];
        if row.status.is_final() {
            break;
        }
        let rhythm = m.every_weeks > 0 && (w + 1) % m.every_weeks == 0;
        let shock = m.after_incident_above.is_some_and(|size| {
            history.events_in(w).any(|e| {
                matches!(e, Event::Incident { incident, .. }
                    if incident.polarity == Polarity::Negative && incident.magnitude >= size)
            })
        });
        if rhythm || shock {
            return w + 1;
        }
    }
    weeks
}
