//! Participation: nobody works at a loss for long (MODEL.md section 13). The supplier keeps an
//! outlook of its weekly margin; while the outlook is below its reservation it works for money
//! only (no goodwill, no courting of the renewal), asks for a fee that covers it, and — refused —
//! leaves at the first door: an open opt-out, the end of the term, or a breach once the loss it
//! expects over the rest of the term outweighs what breaking the contract costs it.

use super::engine::Sim;
use super::incident::Party;
use super::params::ModelParams;
use super::record::{Event, StatusCause};

impl Sim<'_> {
    /// The supplier's reservation margin a week (k€): what it needs to go on.
    pub(crate) fn reservation(&self) -> f64 {
        super::economics::reservation(
            &self.plan().light,
            self.state.contract.fee_per_week,
            self.state.market_fee,
        )
    }

    /// Updates the supplier's margin outlook with this week's operating margin and acts on it.
    pub(crate) fn weigh_participation(&mut self, operating_margin: f64) {
        let p = self.params();
        // A fresh outlook (at the start, or under new terms) is the margin the supplier expects
        // under the contract, not one week's draw of on-time tickets: it signed (or agreed) on
        // an expectation, and one unlucky week does not change it.
        let start = match self.state.margin_outlook {
            Some(_) => 0.0,
            None => {
                let c = self.state.contract;
                self.gains(&c, &self.effort_choice, &self.state).0 + self.reservation()
            }
        };
        let st = &mut self.state;
        st.margin_outlook = Some(match st.margin_outlook {
            Some(o) => o + p.outlook_rate * (operating_margin - o),
            None => start + p.outlook_rate * (operating_margin - start),
        });
        let losing = st.margin_outlook.is_some_and(|o| o < self.reservation());
        self.state.supplier_losing = losing;
        if !losing {
            return;
        }
        let interval = ModelParams::weeks(p.ask_interval_weeks);
        let asked_lately = self
            .state
            .asked_week
            .is_some_and(|w| self.week < w + interval);
        if !asked_lately && !self.state.supplier_leaving {
            self.ask_for_a_fee();
        }
        if self.state.supplier_leaving && !self.state.status.is_final() {
            self.leave_at_a_door();
        }
    }

    /// Asks for a higher fee: between the fee it needs (its reservation at the effort it would
    /// give again) and the most the client would pay rather than walk away (the market, plus
    /// its cost of leaving), it asks for a share `ask_share` of the room — a locked-in client's
    /// switching cost is the supplier's bargaining power. Being squeezed below its reservation
    /// is a grievance for the supplier (an unfair-treatment incident, the larger the loss). The
    /// client agrees when the fee leaves it no worse than walking away.
    fn ask_for_a_fee(&mut self) {
        let p = self.params();
        let outlook = self.state.margin_outlook.unwrap_or(0.0);
        let c = self.state.contract;
        let shortfall = (self.reservation() - outlook).max(0.0) / c.fee_per_week.max(1e-9);
        let grievance = (p.squeeze_grievance * shortfall).min(1.0);
        if grievance > 0.01 {
            self.squeezed(grievance);
        }
        let mut willing = self.state.clone();
        willing.supplier_losing = false;
        let (supplier, client, per_fee) = self.gains(&c, &self.effort_choice, &willing);
        let need = c.fee_per_week - supplier / per_fee.max(1e-9);
        let most = c.fee_per_week + client / per_fee.max(1e-9);
        let fee = (need + p.ask_share * (most - need)).clamp(0.1, 10_000.0);
        let mut terms = c;
        terms.fee_per_week = fee;
        let choice = super::effort::EffortChoice::new(self.scenario(), &terms, self.state.role);
        let accepted =
            most >= need && self.gains(&terms, &choice, &willing).1 >= 0.0 && fee > c.fee_per_week;
        self.state.asked_week = Some(self.week);
        self.events.push(Event::SupplierAsks { fee, accepted });
        if accepted {
            self.state.contract = terms;
            self.effort_choice = choice;
            self.state.margin_outlook = None; // judged afresh under the new fee
            self.state.supplier_losing = false;
        } else {
            self.state.supplier_leaving = true;
        }
    }

    /// Being squeezed below its reservation, felt by the supplier as unfair treatment.
    #[cold]
    fn squeezed(&mut self, magnitude: f64) {
        let incident = super::incident::Incident {
            week: self.week,
            category: super::incident::Category::Interpersonal,
            kind: super::incident::Kind::RequestsIgnored,
            polarity: super::incident::Polarity::Negative,
            magnitude,
            party: Party::Supplier,
            note: String::new(),
        };
        self.apply_incident(&incident, true);
    }

    /// Leaves through the first door open this week: an opt-out, or a breach when the loss
    /// expected over the rest of the term outweighs the exit fee and the supplier's half of a
    /// legal fight. (The end of the term is the third door: see the renewal.)
    fn leave_at_a_door(&mut self) {
        if self.opt_out_open() {
            self.supplier_leaves();
            return;
        }
        let c = self.state.contract;
        let weeks_left = (c.term_weeks - (self.week % c.term_weeks.max(1))) as f64;
        let loss = (self.reservation() - self.state.margin_outlook.unwrap_or(0.0)) * weeks_left;
        let legal = self.params().legal_cost_weeks * c.fee_per_week / 2.0;
        if loss > c.exit_fee + legal {
            self.supplier_leaves();
        }
    }

    /// The supplier leaves this week: through an open opt-out the client bears only its
    /// transition; before it (or with none) leaving is a breach — the supplier pays the exit
    /// fee and its half of a legal fight, the client its transition and its half, less the
    /// exit fee it receives.
    pub(crate) fn supplier_leaves(&mut self) {
        let c = self.state.contract;
        let transition = self.params().transition_cost_weeks * c.fee_per_week;
        if self.opt_out_open() {
            self.one_off.client += transition;
            self.set_status(super::record::Status::Terminated, StatusCause::SupplierLeft);
            return;
        }
        let legal = self.params().legal_cost_weeks * c.fee_per_week / 2.0;
        self.one_off.client += transition + legal - c.exit_fee;
        self.one_off.supplier += c.exit_fee + legal;
        self.set_status(
            super::record::Status::Terminated,
            StatusCause::SupplierBreach,
        );
    }
}
