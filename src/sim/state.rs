//! The live state of one run, and the appreciation targets' parts.

use super::incident::Party;
use super::params::ModelParams;
use super::record::Status;
use super::scenario::{Contract, Role};

/// Per-party values kept as a pair so that incidents can address either side.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PerParty {
    /// The client's value.
    pub client: f64,
    /// The supplier's value.
    pub supplier: f64,
}

impl PerParty {
    /// Both set to `v`.
    pub fn both(v: f64) -> Self {
        Self {
            client: v,
            supplier: v,
        }
    }
    /// The value of `party`.
    pub fn get(&self, party: Party) -> f64 {
        match party {
            Party::Client => self.client,
            Party::Supplier => self.supplier,
        }
    }
    /// Mutable access to the value of `party`.
    pub fn get_mut(&mut self, party: Party) -> &mut f64 {
        match party {
            Party::Client => &mut self.client,
            Party::Supplier => &mut self.supplier,
        }
    }
}

/// The live state of one run. Public so that tests can set up a situation directly.
#[derive(Clone, Debug)]
pub struct State {
    /// Contract terms in force (renegotiation changes them).
    pub contract: Contract,
    /// Relationship manager's role in force.
    pub role: Role,
    /// Current effort.
    pub effort: f64,
    /// Users' expectation.
    pub expectation: f64,
    /// Experienced appreciation of each party for the other.
    pub experienced: PerParty,
    /// Business appreciation of each party for the other.
    pub business: PerParty,
    /// Each party's trust in the other.
    pub trust: PerParty,
    /// Each party's trust ceiling.
    pub ceiling: PerParty,
    /// Unresolved business incidents weighing on each party.
    pub pressure: PerParty,
    /// Goal alignment.
    pub alignment: f64,
    /// The client's cost of switching supplier (0..=1).
    pub client_switching: f64,
    /// The market fee in force (k€ a week): market price changes move it.
    pub market_fee: f64,
    /// The client's budget pressure in force: budget cuts, new management and reorganisations
    /// move it.
    pub budget_pressure: f64,
    /// Status.
    pub status: Status,
    /// Consecutive weeks outside the bounds.
    pub outside_weeks: u32,
    /// Consecutive weeks inside the bounds.
    pub inside_weeks: u32,
    /// Weeks since the current status began.
    pub status_weeks: u32,
    /// Crises so far: a crisis opens when the relationship leaves the bounds or an incident of
    /// size ≥ `CRISIS_MAGNITUDE` lands.
    pub crisis: u32,
    /// Per erring party (client, supplier): the crisis number plus one in which it apologised
    /// (0: never). Each party may apologise once per crisis.
    pub apologised: [u32; 2],
    /// Each party's patience windows: (week until which it runs, exclusive; trust growth rate).
    /// Trust grows at the highest rate among the windows running; a later repair adds a window
    /// and never shortens an earlier one.
    pub patience: [[(u32, f64); PATIENCE_WINDOWS]; 2],
    /// Last week a mediated repair or renegotiation succeeded (a settlement: no legal fight).
    pub settled_week: Option<u32>,
    /// The least effort the supplier has committed to by an effort policy (0: none).
    pub effort_floor: f64,
    /// Friction between the client's and the supplier's people: the share of the service's value
    /// lost to it until it is resolved.
    pub friction: f64,
    /// Bonus paid on flattered reports since the last catch (k€): what a caught flattering
    /// claws back.
    pub unverified_bonus: f64,
    /// The supplier's outlook of its weekly operating margin (k€; `None` before its first week
    /// under the terms in force).
    pub margin_outlook: Option<f64>,
    /// Whether that outlook is below the supplier's reservation: it works for money only.
    pub supplier_losing: bool,
    /// The week the supplier last asked for a higher fee.
    pub asked_week: Option<u32>,
    /// Refused a fee that covers it, the supplier leaves at the first door.
    pub supplier_leaving: bool,
}

/// The variable parts of the four appreciation targets, by cause.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Terms {
    pub quality: f64,
    pub client_trust: f64,
    pub wishes: f64,
    pub supplier_trust: f64,
    pub results: f64,
    pub cost: f64,
    pub alignment: f64,
    pub client_pressure: f64,
    pub margin: f64,
    pub supplier_pressure: f64,
}

impl Terms {
    /// Targets of [client experienced, client business, supplier experienced, supplier business].
    pub fn targets(&self, p: &ModelParams) -> [f64; 4] {
        [
            p.experienced_neutral + self.quality + self.client_trust,
            0.5 + self.results + self.cost + self.alignment + self.client_pressure,
            p.experienced_neutral + self.wishes + self.supplier_trust,
            0.5 + self.margin + self.supplier_pressure,
        ]
    }
}

/// Patience windows kept per party: more repairs at once than this replace the weakest.
pub const PATIENCE_WINDOWS: usize = 3;

impl State {
    /// Adds a patience window for party index `i` from `week` until `until` at `rate`: into a
    /// window that has run out, or else in place of the one with the least growth left.
    pub(crate) fn add_patience(&mut self, i: usize, week: u32, until: u32, rate: f64) {
        if until <= week || rate <= 0.0 {
            return;
        }
        let windows = &mut self.patience[i];
        let left = |w: &(u32, f64)| w.0.saturating_sub(week) as f64 * w.1;
        let slot = windows.iter().position(|w| w.0 <= week).unwrap_or_else(|| {
            (0..PATIENCE_WINDOWS)
                .min_by(|a, b| left(&windows[*a]).total_cmp(&left(&windows[*b])))
                .unwrap_or(0)
        });
        if windows[slot].0 <= week || left(&windows[slot]) < (until - week) as f64 * rate {
            windows[slot] = (until, rate);
        }
    }

    /// The patience rate in force for party index `i` in `week`: the highest running one.
    #[inline]
    pub(crate) fn patience_rate(&self, i: usize, week: u32) -> f64 {
        self.patience[i]
            .iter()
            .filter(|w| week < w.0)
            .fold(0.0, |a, w| a.max(w.1))
    }

    /// A new wound ends every patience window of party index `i`.
    pub(crate) fn end_patience(&mut self, i: usize) {
        self.patience[i] = [(0, 0.0); PATIENCE_WINDOWS];
    }

    /// [client experienced, client business, supplier experienced, supplier business].
    pub fn appreciations(&self) -> [f64; 4] {
        [
            self.experienced.client,
            self.business.client,
            self.experienced.supplier,
            self.business.supplier,
        ]
    }

    pub(crate) fn set_appreciation(&mut self, i: usize, v: f64) {
        *match i {
            0 => &mut self.experienced.client,
            1 => &mut self.business.client,
            2 => &mut self.experienced.supplier,
            _ => &mut self.business.supplier,
        } = v;
    }
}
