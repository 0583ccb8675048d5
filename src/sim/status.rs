//! The status machine: partnership, supplier relationship, escalation, and the ways out.

use super::engine::Sim;
use super::params::ModelParams;
use super::record::{Event, Status, StatusCause};

impl Sim<'_> {
    /// Moves to `to` and records why.
    pub(crate) fn set_status(&mut self, to: Status, cause: StatusCause) {
        let from = self.state.status;
        if from != to {
            self.events.push(Event::Status { from, to, cause });
            self.state.status = to;
            self.state.status_weeks = 0;
            self.state.outside_weeks = 0;
            self.state.inside_weeks = 0;
        }
    }

    /// Updates the status from this week's appreciation (MODEL.md section 7), as recorded in
    /// the week's row.
    pub(crate) fn update_status(&mut self) {
        let (client_appreciation, supplier_appreciation, relationship, net_value) = (
            self.row.client_appreciation,
            self.row.supplier_appreciation,
            self.row.relationship,
            self.row.client_net_value,
        );
        let b = &self.scenario().bounds;
        let p = self.params();
        let within = |a: f64| a >= b.critical_lower && a <= b.euphoria_upper;
        let inside = within(client_appreciation) && within(supplier_appreciation);
        let tolerance = b.tolerance_weeks;
        let deep = relationship < b.critical_lower - p.deep_drop;
        let leaves = self.state.status == Status::Escalation && self.uses_opt_out(net_value);
        let st = &mut self.state;
        st.status_weeks += 1;
        if inside {
            st.inside_weeks += 1;
            st.outside_weeks = 0;
        } else {
            st.outside_weeks += 1;
            st.inside_weeks = 0;
            if st.outside_weeks == 1 {
                st.crisis += 1; // leaving the bounds opens a crisis
            }
        }
        let min_trust = st.trust.client.min(st.trust.supplier);
        match st.status {
            Status::Partnership if st.outside_weeks > tolerance => {
                self.set_status(Status::Supplier, StatusCause::OutsideBounds);
            }
            Status::Supplier if deep => self.set_status(Status::Escalation, StatusCause::DeepDrop),
            Status::Supplier if st.outside_weeks > tolerance => {
                self.set_status(Status::Escalation, StatusCause::OutsideBounds);
            }
            Status::Supplier
                if st.inside_weeks >= ModelParams::weeks(p.partnership_rebuild_weeks)
                    && min_trust >= p.partnership_trust
                    && st.alignment >= p.partnership_alignment =>
            {
                self.set_status(Status::Partnership, StatusCause::Rebuilt);
            }
            Status::Escalation if st.inside_weeks >= tolerance && min_trust >= p.recovery_trust => {
                self.set_status(Status::Supplier, StatusCause::Recovered);
            }
            Status::Escalation if leaves => {
                self.terminate(StatusCause::OptOut);
            }
            Status::Escalation if st.status_weeks >= ModelParams::weeks(p.escalation_limit) => {
                self.terminate(StatusCause::Unresolved);
            }
            _ => {}
        }
    }

    /// The client weighs an open opt-out as a decision, not a rule: it leaves when its will to go
    /// on (appreciation, trust, cost of switching) is below what a repair would need *and* a
    /// year of the market's service would gain more than leaving costs.
    fn uses_opt_out(&self, client_net_value: f64) -> bool {
        let p = self.params();
        if !self.opt_out_open()
            || self.will(super::incident::Party::Client, false) >= p.will_threshold
        {
            return false;
        }
        let gain = super::economics::market_net_value(&self.plan().light, self.state.market_fee)
            - client_net_value;
        gain * p.walk_away_weeks > self.leaving_cost().0
    }

    /// Whether the client may leave at will this week (its opt-out week has come).
    pub(crate) fn opt_out_open(&self) -> bool {
        self.state
            .contract
            .opt_out_week
            .is_some_and(|w| self.week % self.state.contract.term_weeks.max(1) >= w)
    }

    /// At the end of each term both parties decide on renewal: the client renews unless in
    /// escalation or too unhappy for its alternatives (its bar rises as its cost of switching
    /// falls), the supplier unless it works at a loss. The contract ends after this week.
    pub(crate) fn renewal(&mut self) {
        let term = self.state.contract.term_weeks;
        if !(self.week + 1).is_multiple_of(term) || self.state.status.is_final() {
            return;
        }
        let p = self.params();
        let st = &self.state;
        let client_appreciation = (st.experienced.client + st.business.client) / 2.0;
        let bar = p.renewal_appreciation
            + p.renewal_alternative * (p.client_switching - st.client_switching).max(0.0);
        let declined = if st.status == Status::Escalation || client_appreciation < bar {
            Some(super::incident::Party::Client)
        } else if st.supplier_losing {
            Some(super::incident::Party::Supplier)
        } else {
            None
        };
        match declined {
            None => self.events.push(Event::Renewed),
            Some(by) => {
                self.events.push(Event::NotRenewed { by });
                self.one_off.client += p.transition_cost_weeks * self.state.contract.fee_per_week;
                self.set_status(Status::Ended, StatusCause::NotRenewed);
            }
        }
    }
}
