//! Both sides played by people: a client and a supplier decide at the same moments of one
//! relationship, each without seeing the other's choice, and the run goes on with both.
//!
//! An act one party can do alone (its own trust repair, the supplier's effort policy, the
//! client's manager or exit) takes effect from the moment's week. An act that takes both
//! parties (new terms, a strategy session) or that is the other party's (asking it for a
//! repair) is a **proposal**: the other side answers it at the next moment, with [`ACCEPT`]
//! (it takes effect from that week) or anything else (refused). Like a one-sided play, a
//! pair's play is fully described by its exercise and decisions, and replays bit for bit.

use serde::{Deserialize, Serialize};

use super::play::next_moment;
use super::{at_week, Choice, Exercise, Score, Side, CARRY_ON};
use crate::sim::intervention::Intervention;
use crate::sim::record::{History, Row};
use crate::sim::{run, Party, Scenario};

/// Id of the implicit option that accepts the other side's proposal of the last moment.
pub const ACCEPT: &str = "accept";

/// One moment of a pair's play: both sides' options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairDecision {
    /// The moment's index, 0-based.
    pub moment: u32,
    /// The week the choices take effect (the first week neither side had seen).
    pub week: u32,
    /// The client's option id.
    pub client: String,
    /// The supplier's option id.
    pub supplier: String,
}

impl PairDecision {
    /// The option `side` took.
    pub fn of(&self, side: Side) -> &str {
        match side {
            Side::Client => &self.client,
            Side::Supplier => &self.supplier,
        }
    }
}

/// The other side.
pub fn other(side: Side) -> Side {
    match side {
        Side::Client => Side::Supplier,
        Side::Supplier => Side::Client,
    }
}

fn party(side: Side) -> Party {
    match side {
        Side::Client => Party::Client,
        Side::Supplier => Party::Supplier,
    }
}

/// The party that can do `action` alone, if one can.
pub fn actor(action: &Intervention) -> Option<Party> {
    match action {
        Intervention::TrustRepair(r) => Some(r.by),
        Intervention::EffortPolicy(_) | Intervention::SupplierExit(_) => Some(Party::Supplier),
        Intervention::ChangeRole(_) | Intervention::Exit(_) | Intervention::Escalate(_) => {
            Some(Party::Client)
        }
        Intervention::Renegotiate(_) | Intervention::Realign(_) => None,
    }
}

impl Exercise {
    /// Whether both sides are played by people.
    pub fn is_two_sided(&self) -> bool {
        self.sides.len() == 2
    }

    /// The menu of `side` (after the implicit options).
    pub fn menu_for(&self, side: Side) -> &[Choice] {
        match side {
            Side::Supplier if self.is_two_sided() => &self.supplier_menu,
            _ => &self.menu,
        }
    }

    /// Whether `side` choosing `choice` proposes it to the other side rather than doing it.
    pub fn is_proposal(side: Side, choice: &Choice) -> bool {
        actor(&choice.action) != Some(party(side))
    }

    /// The choice of `side`'s menu with this id.
    fn choice(&self, side: Side, id: &str) -> Option<&Choice> {
        self.menu_for(side).iter().find(|c| c.id == id)
    }

    /// The other side's proposal `side` answers at the moment after `decisions`, if any.
    pub fn proposal_to(&self, side: Side, decisions: &[PairDecision]) -> Option<&Choice> {
        let last = decisions.last()?;
        let from = other(side);
        self.choice(from, last.of(from))
            .filter(|c| Self::is_proposal(from, c))
    }

    /// The options of `side` at the moment after `decisions`, in order: carry on, then
    /// accepting the other side's proposal (when there is one), then its menu.
    pub fn pair_options(
        &self,
        side: Side,
        decisions: &[PairDecision],
    ) -> Vec<(&str, Option<&Choice>)> {
        let mut options = vec![(CARRY_ON, None)];
        if let Some(p) = self.proposal_to(side, decisions) {
            options.push((ACCEPT, Some(p)));
        }
        options.extend(self.menu_for(side).iter().map(|c| (c.id.as_str(), Some(c))));
        options
    }

    /// The scenario with a pair's decisions as interventions: own acts from their week,
    /// proposals from the week the other side accepted them.
    pub fn with_pair_decisions(&self, decisions: &[PairDecision]) -> Scenario {
        let mut s = self.scenario.clone();
        for (k, d) in decisions.iter().enumerate() {
            for side in [Side::Client, Side::Supplier] {
                let id = d.of(side);
                let act = if id == ACCEPT {
                    self.proposal_to(side, &decisions[..k])
                } else {
                    self.choice(side, id)
                        .filter(|c| !Self::is_proposal(side, c))
                };
                if let Some(c) = act {
                    s.interventions.push(at_week(&c.action, d.week));
                }
            }
        }
        s
    }
}

/// A pair's play of a two-sided exercise.
#[derive(Clone, Debug, PartialEq)]
pub struct PairPlay {
    /// The exercise.
    pub exercise: Exercise,
    /// Both sides' decisions so far.
    pub decisions: Vec<PairDecision>,
    /// The run with the decisions so far; only `history.rows[..seen]` may be shown.
    history: History,
    /// Weeks seen by both.
    seen: u32,
}

impl PairPlay {
    /// Starts a pair's play and runs to the first moment (or the end).
    pub fn new(exercise: Exercise) -> Self {
        let history = run(&exercise.scenario);
        let seen = next_moment(&exercise, &history, 0, 0);
        Self {
            exercise,
            decisions: Vec::new(),
            history,
            seen,
        }
    }

    /// Weeks seen (the week both sides are at).
    pub fn seen(&self) -> u32 {
        self.seen
    }

    /// Whether the play is over.
    pub fn is_finished(&self) -> bool {
        self.seen >= self.exercise.scenario.weeks
    }

    /// The rows seen so far.
    pub fn past(&self) -> &[Row] {
        &self.history.rows[..(self.seen as usize).min(self.history.rows.len())]
    }

    /// The full history; for the debrief, once finished.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The incidents `side` took part in (as the party the incident concerns) in weeks
    /// `from..seen`: what that side would have seen of the relationship's events.
    pub fn incidents_of(&self, side: Side, from: u32) -> Vec<&(u32, crate::sim::record::Event)> {
        let party = party(side);
        self.history
            .events
            .iter()
            .filter(|(w, e)| {
                *w >= from
                    && *w < self.seen
                    && matches!(e, crate::sim::record::Event::Incident { incident, .. } if incident.party == party)
            })
            .collect()
    }

    /// `side`'s options now.
    pub fn options(&self, side: Side) -> Vec<(&str, Option<&Choice>)> {
        self.exercise.pair_options(side, &self.decisions)
    }

    /// Both sides decide at the current moment (by option id) and the run goes on to the next
    /// moment. An id that is not among a side's options is refused, naming the side; nothing
    /// changes then. Does nothing once finished.
    pub fn decide(&mut self, client: &str, supplier: &str) -> Result<(), String> {
        if self.is_finished() {
            return Ok(());
        }
        for (side, id) in [(Side::Client, client), (Side::Supplier, supplier)] {
            if !self.options(side).iter().any(|(o, _)| *o == id) {
                return Err(format!(
                    "{}: '{id}' is not among the options at week {}",
                    side.id(),
                    self.seen
                ));
            }
        }
        self.decisions.push(PairDecision {
            moment: self.decisions.len() as u32,
            week: self.seen,
            client: client.into(),
            supplier: supplier.into(),
        });
        self.history = run(&self.exercise.with_pair_decisions(&self.decisions));
        self.seen = next_moment(
            &self.exercise,
            &self.history,
            self.seen,
            self.decisions.len(),
        );
        Ok(())
    }

    /// Replays a pair's decisions strictly: each option among its side's options, each moment
    /// at the week the replay reaches; moments after the last are carried on by both.
    pub fn replay(exercise: Exercise, decisions: &[PairDecision]) -> Result<Self, String> {
        let mut play = Self::new(exercise);
        for (i, d) in decisions.iter().enumerate() {
            if play.is_finished() {
                return Err(format!(
                    "decisions: {} stated, but the play has {i} moments",
                    decisions.len()
                ));
            }
            if d.week != play.seen {
                return Err(format!(
                    "decisions[{i}].week: {}, but the play reaches that moment in week {}",
                    d.week, play.seen
                ));
            }
            play.decide(&d.client, &d.supplier)
                .map_err(|e| format!("decisions[{i}].{e}"))?;
        }
        while !play.is_finished() {
            play.decide(CARRY_ON, CARRY_ON)?;
        }
        Ok(play)
    }

    /// Replays a pair's closed moments (each as it was taken) and stops at the open moment,
    /// without carrying on to the end.
    pub fn replay_open(exercise: Exercise, decisions: &[PairDecision]) -> Result<Self, String> {
        let mut play = Self::new(exercise);
        for (i, d) in decisions.iter().enumerate() {
            if play.is_finished() || d.week != play.seen {
                return Err(format!("decisions[{i}]: the play reaches another moment"));
            }
            play.decide(&d.client, &d.supplier)
                .map_err(|e| format!("decisions[{i}].{e}"))?;
        }
        Ok(play)
    }

    /// Each side's score, and the pair's joint value (client net value + supplier margin, k€).
    pub fn scores(&self) -> (Score, Score, f64) {
        let rows = &self.history.rows;
        let client = super::debrief::score_for(&self.exercise, Side::Client, rows);
        let supplier = super::debrief::score_for(&self.exercise, Side::Supplier, rows);
        (client, supplier, client.money + supplier.money)
    }
}

/// A proposal one side made, and whether the other side took it up at the next moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// The moment it was made at.
    pub moment: u32,
    /// That moment's week.
    pub week: u32,
    /// Who proposed.
    pub by: Side,
    /// The option proposed.
    pub option: String,
    /// Accepted at the next moment.
    pub accepted: bool,
}

impl Exercise {
    /// Every proposal of a pair's play, in order, with its answer (one made at the last moment
    /// counts as not taken up).
    pub fn proposals(&self, decisions: &[PairDecision]) -> Vec<Proposal> {
        let mut out = Vec::new();
        for (k, d) in decisions.iter().enumerate() {
            for by in [Side::Client, Side::Supplier] {
                let Some(c) = self.choice(by, d.of(by)) else {
                    continue;
                };
                if Self::is_proposal(by, c) {
                    out.push(Proposal {
                        moment: d.moment,
                        week: d.week,
                        by,
                        option: c.id.clone(),
                        accepted: decisions
                            .get(k + 1)
                            .is_some_and(|n| n.of(other(by)) == ACCEPT),
                    });
                }
            }
        }
        out
    }
}

/// The other side's mood as `side` reads it after `rows`: the other party's trust, blurred by
/// a reading error of up to ±0.15 that is fixed by the scenario's seed, the week and the side
/// (so that a replay, and both screens, show the same), in 0..=1.
pub fn mood_read(ex: &Exercise, rows: &[Row], side: Side) -> Option<f64> {
    let r = rows.last()?;
    let theirs = match side {
        Side::Client => r.supplier_trust,
        Side::Supplier => r.client_trust,
    };
    // SplitMix64 of (seed, week, side): a reading error without a generator to keep.
    let mut z = ex.scenario.seed ^ (u64::from(r.week) << 1) ^ u64::from(side == Side::Supplier);
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    let unit = (z >> 11) as f64 / (1u64 << 53) as f64;
    Some((theirs + (unit - 0.5) * 0.3).clamp(0.0, 1.0))
}

/// The pair's decisions as a policy over `runs` other futures (the seeds after the
/// exercise's): the share of them whose joint value is below `joint`, the pair's own.
pub fn pair_luck(ex: &Exercise, decisions: &[PairDecision], joint: f64, runs: u32) -> f64 {
    let plan = crate::sim::Plan::new(&ex.with_pair_decisions(decisions));
    let below = (0..runs)
        .filter(|i| {
            let seed = ex.scenario.seed.wrapping_add(1 + u64::from(*i));
            let mut h = History::default();
            crate::sim::Sim::with_seed(&plan, seed).run(&mut h);
            let value: f64 = h
                .rows
                .iter()
                .map(|r| r.client_net_value + r.supplier_margin)
                .sum();
            value < joint
        })
        .count();
    below as f64 / f64::from(runs.max(1))
}

/// Where a side read the other side's mood furthest from its trust: (side, week, reading,
/// the other's trust), one per side, at the moments of the play.
pub fn misreadings(
    ex: &Exercise,
    rows: &[Row],
    decisions: &[PairDecision],
) -> Vec<(Side, u32, f64, f64)> {
    [Side::Client, Side::Supplier]
        .into_iter()
        .filter_map(|side| {
            decisions
                .iter()
                .filter_map(|d| {
                    let seen = rows.get(..d.week as usize)?;
                    let read = mood_read(ex, seen, side)?;
                    let last = seen.last()?;
                    let actual = match side {
                        Side::Client => last.supplier_trust,
                        Side::Supplier => last.client_trust,
                    };
                    Some((side, d.week, read, actual))
                })
                .max_by(|a, b| (a.2 - a.3).abs().total_cmp(&(b.2 - b.3).abs()))
        })
        .collect()
}
