//! Interventions: trust repair (five steps, will, mediator), renegotiation, realignment, a new
//! manager, and exit.

use super::effort::EffortChoice;
use super::engine::Sim;
use super::incident::Party;
use super::intervention::{Intervention, Renegotiate, TrustRepair};
use super::params as p;
use super::record::Status;
use super::record::{Event, Outcome, StatusCause};
use super::shocks::party_index;

impl Sim<'_> {
    /// Carries out one intervention and records it.
    pub(crate) fn apply_intervention(&mut self, x: &Intervention) {
        let before = self.state.appreciations();
        let outcome = self.intervene(x);
        if let Some(why) = &mut self.why {
            let cause = super::why::Cause::Intervention {
                week: self.week,
                kind: x.kind_id(),
            };
            why.jump(cause, before, self.state.appreciations(), (0.0, 0.0));
        }
        if let Some(outcome) = outcome {
            self.events.push(Event::Intervention {
                kind: x.kind_id(),
                outcome,
            });
        }
    }

    fn intervene(&mut self, x: &Intervention) -> Option<Outcome> {
        let outcome = match x {
            Intervention::TrustRepair(r) => self.trust_repair(r),
            Intervention::Renegotiate(r) => self.renegotiate(r),
            Intervention::Realign(_) => {
                let (_, business_or, _) = self.state.role.orientation();
                let gain = p::REALIGN_BASE + p::REALIGN_BUSINESS * business_or;
                self.state.alignment += gain * (1.0 - self.state.alignment);
                self.one_off.client += p::REALIGN_COST_WEEKS * self.fee();
                Outcome::Done
            }
            Intervention::ChangeRole(c) => {
                self.state.role = c.role;
                Outcome::Done
            }
            Intervention::Exit(_) => {
                self.events.push(Event::Intervention {
                    kind: x.kind_id(),
                    outcome: Outcome::Done,
                });
                self.terminate(StatusCause::Exit, true);
                return None;
            }
        };
        Some(outcome)
    }

    fn fee(&self) -> f64 {
        self.state.contract.fee_per_week
    }

    /// A party's will to take part in a repair or renegotiation: it rises with its appreciation,
    /// its trust and its cost of switching (for the supplier: losing a client of this size).
    pub fn will(&self, party: Party, mediator: bool) -> f64 {
        let st = &self.state;
        let (wa, wt, ws) = p::WILL_WEIGHTS;
        let appreciation = (st.experienced.get(party) + st.business.get(party)) / 2.0;
        let switching = match party {
            Party::Client => st.client_switching,
            Party::Supplier => self.scenario().supplier.client_share.sqrt(),
        };
        wa * appreciation
            + wt * st.trust.get(party)
            + ws * switching
            + if mediator { p::MEDIATOR_WILL } else { 0.0 }
    }

    /// The first unwilling party, if any.
    fn unwilling(&self, mediator: bool) -> Option<Outcome> {
        [Party::Client, Party::Supplier]
            .into_iter()
            .find_map(|party| {
                let will = self.will(party, mediator);
                (will < p::WILL_THRESHOLD).then_some(Outcome::Unwilling { party, will })
            })
    }

    fn trust_repair(&mut self, r: &TrustRepair) -> Outcome {
        let fee = self.fee();
        let erring = r.by;
        let harmed = erring.other();
        *self.one_off.get_mut(erring) += p::REPAIR_COST_WEEKS * fee;
        *self.one_off.get_mut(harmed) += p::REPAIR_COST_WEEKS * fee;
        if r.mediator {
            self.one_off.client += p::MEDIATOR_COST_WEEKS * fee / 2.0;
            self.one_off.supplier += p::MEDIATOR_COST_WEEKS * fee / 2.0;
            self.state.mediated_week = Some(self.week);
        }
        if let Some(failure) = self.unwilling(r.mediator) {
            return failure;
        }
        let st = &mut self.state;
        // 1. Apologise: only the first apology of a run counts.
        if r.apologise {
            if st.apology_used {
                self.events.push(Event::ApologyIgnored);
            } else {
                st.apology_used = true;
                let ceiling = st.ceiling.get(harmed);
                let trust = st.trust.get_mut(harmed);
                if r.sincere {
                    *trust += p::APOLOGY_GAIN * (ceiling - *trust).max(0.0);
                } else {
                    *trust -= p::INSINCERE_LOSS * *trust;
                    *st.experienced.get_mut(harmed) -= p::SHOCK * p::INSINCERE_LOSS;
                }
            }
        }
        // 2. Explain: honesty heals the scar, blaming others deepens it.
        if r.explain {
            let c = st.ceiling.get_mut(harmed);
            *c = if r.honest {
                1.0
            } else {
                (*c - p::BLAME_SCAR).max(0.0)
            };
        }
        // 3. Correct: compensation lifts the harmed party's business appreciation.
        if r.correct && r.compensation > 0.0 {
            let lift = p::COMPENSATION_MAX * (1.0 - (-r.compensation / (2.0 * fee)).exp());
            let b = st.business.get_mut(harmed);
            *b = (*b + lift).min(1.0);
            *self.one_off.get_mut(erring) += r.compensation;
            *self.one_off.get_mut(harmed) -= r.compensation;
        }
        // 4. Silence: without it the past is raised again.
        if !r.silence {
            for offset in p::REMINDER_OFFSETS {
                self.reminders.push((self.week + offset, harmed));
            }
        }
        // 5. Patience: trust grows faster while no new wound occurs.
        let st = &mut self.state;
        st.patience_until[party_index(harmed)] = self.week + r.patience_weeks;
        let exp = st.experienced.get_mut(harmed);
        *exp = exp.clamp(0.0, 1.0);
        for party in [Party::Client, Party::Supplier] {
            let c = st.ceiling.get(party);
            let t = st.trust.get_mut(party);
            *t = t.clamp(0.0, c);
        }
        Outcome::Done
    }

    fn renegotiate(&mut self, r: &Renegotiate) -> Outcome {
        let fee = self.fee();
        self.one_off.client += p::NEGOTIATION_COST_WEEKS * fee;
        if r.mediator {
            self.one_off.client += p::MEDIATOR_COST_WEEKS * fee / 2.0;
            self.one_off.supplier += p::MEDIATOR_COST_WEEKS * fee / 2.0;
            self.state.mediated_week = Some(self.week);
        }
        if let Some(failure) = self.unwilling(r.mediator) {
            return failure;
        }
        let c = &mut self.state.contract;
        if let Some(v) = r.fee_per_week {
            c.fee_per_week = v;
        }
        if let Some(v) = r.obligation {
            c.obligation = v;
        }
        if let Some(v) = r.incentive_share {
            c.incentive_share = v;
        }
        if let Some(v) = r.sla_target {
            c.sla_target = v;
        }
        if let Some(v) = r.kpi_level {
            c.kpi_level = v;
        }
        if let Some(v) = r.extra_work_markup {
            c.extra_work_markup = v;
        }
        self.effort_choice = EffortChoice::new(self.scenario(), &self.state.contract);
        Outcome::Done
    }

    /// Ends the contract early: exit fee when chosen by the client, transition to a new supplier,
    /// and a legal fight when leaving from escalation without a recent mediation.
    pub(crate) fn terminate(&mut self, cause: StatusCause, pays_exit_fee: bool) {
        let fee = self.fee();
        let mut cost = p::TRANSITION_COST_WEEKS * fee;
        if pays_exit_fee {
            cost += self.state.contract.exit_fee;
        }
        let mediated = self
            .state
            .mediated_week
            .is_some_and(|w| self.week.saturating_sub(w) <= p::MEDIATION_MEMORY_WEEKS);
        if self.state.status == Status::Escalation && !mediated && cause != StatusCause::OptOut {
            cost += p::LEGAL_COST_WEEKS * fee;
            self.one_off.supplier += p::LEGAL_COST_WEEKS * fee / 2.0;
        }
        self.one_off.client += cost;
        if pays_exit_fee {
            self.one_off.supplier -= self.state.contract.exit_fee;
        }
        self.set_status(Status::Terminated, cause);
    }
}
