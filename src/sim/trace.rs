//! The bookkeeping behind "why": each appreciation kept as a sum of components, one per cause.
//!
//! The weekly step feeds it (jumps of incidents and interventions, each week's relaxation toward
//! the target's terms, the decay of business pressure); `why::explain` reads it. It depends on
//! no part of the step, so the step can own a tracer without a circle between the two.
//!
//! Because the relaxation is linear, the appreciation can be kept as a sum of components, each
//! relaxing toward its own term: a jump decays away, a term pulls its share up or down. What the
//! linear bookkeeping cannot see (targets clipped to 0..=1, the slower climb of experienced
//! appreciation, values clipped at the bounds) is booked as "other", so the parts always add up
//! to the change shown.

use serde::Serialize;

use super::incident::{Incident, Party};
use super::state::Terms;

/// A cause of change in the relationship line.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "cause", rename_all = "snake_case")]
pub enum Cause {
    /// Appreciation settling toward its neutral level (from the start or after the window's
    /// earlier jumps had no cause left to hold them).
    Settling,
    /// Service quality against users' expectation.
    Quality,
    /// Each party's trust in the other.
    Trust,
    /// The client's changing wishes, as the supplier experiences them.
    Wishes,
    /// Results against the SLA target.
    Results,
    /// Cost against the fee, weighed by budget pressure.
    Cost,
    /// Goal alignment.
    Alignment,
    /// The supplier's margin.
    Margin,
    /// Clipping and uneven recovery that the linear split cannot assign.
    Other,
    /// One incident: its jump and, for business incidents, its unresolved pressure.
    Incident {
        /// Week it happened.
        week: u32,
        /// The incident.
        incident: Incident,
        /// Drawn by chance.
        random: bool,
    },
    /// One intervention's direct effect on appreciation.
    Intervention {
        /// Week it happened.
        week: u32,
        /// Its kind identifier.
        kind: &'static str,
    },
}

const FIXED: [Cause; 9] = [
    Cause::Settling,
    Cause::Quality,
    Cause::Trust,
    Cause::Wishes,
    Cause::Results,
    Cause::Cost,
    Cause::Alignment,
    Cause::Margin,
    Cause::Other,
];
const OTHER: usize = 8;

/// Keeps each appreciation as a sum of components, one per cause.
#[derive(Clone, Debug)]
pub struct Tracer {
    pub(crate) causes: Vec<Cause>,
    /// Per cause, its part of [client experienced, client business, supplier experienced,
    /// supplier business].
    parts: Vec<[f64; 4]>,
    /// Unresolved business pressure per cause (client, supplier).
    pressure: Vec<(usize, f64, f64)>,
}

impl Tracer {
    pub(crate) fn new(initial: [f64; 4]) -> Self {
        let mut parts = vec![[0.0; 4]; FIXED.len()];
        parts[0] = initial;
        Self {
            causes: FIXED.to_vec(),
            parts,
            pressure: Vec::new(),
        }
    }

    /// Books a jump of the appreciations from `before` to `after` on a new cause, with the
    /// business pressure it added.
    pub(crate) fn jump(
        &mut self,
        cause: Cause,
        before: [f64; 4],
        after: [f64; 4],
        pressure: (f64, f64),
    ) {
        let i = self.causes.len();
        self.causes.push(cause);
        self.parts
            .push(std::array::from_fn(|j| after[j] - before[j]));
        if pressure != (0.0, 0.0) {
            self.pressure.push((i, pressure.0, pressure.1));
        }
    }

    /// Books a week's relaxation: each part moves toward its own term at the rate used.
    pub(crate) fn relax(
        &mut self,
        t: &Terms,
        neutral: f64,
        rates: &[f64; 4],
        before: [f64; 4],
        after: [f64; 4],
    ) {
        let mut terms = vec![[0.0; 4]; self.parts.len()];
        terms[0] = [neutral, 0.5, neutral, 0.5];
        terms[1][0] = t.quality;
        terms[2][0] = t.client_trust;
        terms[2][2] = t.supplier_trust;
        terms[3][2] = t.wishes;
        terms[4][1] = t.results;
        terms[5][1] = t.cost;
        terms[6][1] = t.alignment;
        terms[7][3] = t.margin;
        // Pressure not traced to an incident (none in practice) stays with "other".
        let (mut traced_c, mut traced_s) = (0.0, 0.0);
        for &(i, c, s) in &self.pressure {
            terms[i][1] -= c;
            terms[i][3] -= s;
            traced_c += c;
            traced_s += s;
        }
        terms[OTHER][1] += t.client_pressure + traced_c;
        terms[OTHER][3] += t.supplier_pressure + traced_s;
        let mut moved = [0.0; 4];
        for (part, term) in self.parts.iter_mut().zip(&terms) {
            for j in 0..4 {
                let d = rates[j] * (term[j] - part[j]);
                part[j] += d;
                moved[j] += d;
            }
        }
        for j in 0..4 {
            self.parts[OTHER][j] += (after[j] - before[j]) - moved[j];
        }
    }

    /// Business pressure decays by `rate` this week.
    pub(crate) fn decay_pressure(&mut self, rate: f64) {
        for (_, c, s) in &mut self.pressure {
            *c -= rate * *c;
            *s -= rate * *s;
        }
    }

    /// Each cause's part of the relationship line (the mean of the four appreciations).
    pub(crate) fn line_parts(&self) -> Vec<f64> {
        self.parts
            .iter()
            .map(|p| p.iter().sum::<f64>() / 4.0)
            .collect()
    }
}

/// Which appreciation index a party's business appreciation has.
pub(crate) fn party_pressure(party: Party, amount: f64) -> (f64, f64) {
    match party {
        Party::Client => (amount, 0.0),
        Party::Supplier => (0.0, amount),
    }
}
