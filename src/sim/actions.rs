//! Interventions: trust repair (five steps, will, mediator), renegotiation, realignment, a new
//! manager, the supplier's effort policy, the client's escalation, and exit by either party.

use super::economics::{
    effective_markup, expected_sla, extra_work_focus, market_net_value, quality_of, service_value,
    Money,
};
use super::effort::EffortChoice;
use super::engine::Sim;
use super::incident::Party;
use super::intervention::{Intervention, Renegotiate, TrustRepair};
use super::params::ModelParams;
use super::record::Status;
use super::record::{Event, Outcome, StatusCause};
use super::scenario::{Contract, KpiLevel};
use super::shocks::party_index;

impl Sim<'_> {
    /// Carries out one intervention and records it.
    pub(crate) fn apply_intervention(&mut self, x: &Intervention) {
        let before = self.state.appreciations();
        let outcome = self.intervene(x);
        if let Some(why) = &mut self.why {
            let cause = super::trace::Cause::Intervention {
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
        let p = self.params();
        let outcome = match x {
            Intervention::TrustRepair(r) => self.trust_repair(r),
            Intervention::Renegotiate(r) => self.renegotiate(r),
            Intervention::Realign(_) => {
                let (_, business_or, _) = self.state.role.orientation(p);
                let gain = p.realign_base + p.realign_business * business_or;
                self.state.alignment += gain * (1.0 - self.state.alignment);
                self.one_off.client += p.realign_cost_weeks * self.fee();
                Outcome::Done
            }
            Intervention::ChangeRole(c) => {
                self.state.role = c.role;
                // The new manager's operational control changes what is enforced.
                self.effort_choice =
                    EffortChoice::new(self.scenario(), &self.state.contract, c.role);
                Outcome::Done
            }
            Intervention::EffortPolicy(e) => {
                // A unilateral commitment: it needs no one's will and costs the supplier through
                // the extra effort it delivers each week (see `EffortChoice::choose`).
                self.state.effort_floor = e.min_effort.clamp(0.0, 1.0);
                Outcome::Done
            }
            Intervention::Exit(_) | Intervention::SupplierExit(_) => {
                // Recorded before the status change it causes.
                self.events.push(Event::Intervention {
                    kind: x.kind_id(),
                    outcome: Outcome::Done,
                });
                if matches!(x, Intervention::Exit(_)) {
                    self.terminate(StatusCause::Exit);
                } else {
                    self.supplier_leaves();
                }
                return None;
            }
            Intervention::Escalate(_) => {
                self.escalate();
                Outcome::Done
            }
        };
        Some(outcome)
    }

    fn fee(&self) -> f64 {
        self.state.contract.fee_per_week
    }

    /// The client starts the escalation procedure (MODEL.md section 7's `escalation`, by
    /// decision rather than by drift): the contract is at stake — the supplier's renewal urgency
    /// reads the weeks an unresolved escalation has left, the client's opt-out becomes a door,
    /// and after `escalation_limit` weeks without recovery the contract ends — and the
    /// supplier feels its failures raised before management: a negative interpersonal incident
    /// of a reminder's size on its side. The meeting costs the client what a strategy session
    /// does. Already in escalation, it changes nothing.
    fn escalate(&mut self) {
        if self.state.status == Status::Escalation {
            return;
        }
        let p = self.params();
        self.one_off.client += p.realign_cost_weeks * self.fee();
        let strain = super::incident::Incident {
            week: self.week,
            category: super::incident::Category::Interpersonal,
            kind: super::incident::Kind::InterpersonalConflict,
            polarity: super::incident::Polarity::Negative,
            magnitude: p.reminder_magnitude,
            party: Party::Supplier,
            note: String::new(),
        };
        // The strain is the escalation's own effect: the why-trace credits it to the
        // intervention (see `apply_intervention`), not to an incident of its own.
        let why = self.why.take();
        self.apply_incident(&strain, false);
        self.why = why;
        self.set_status(Status::Escalation, StatusCause::Escalated);
    }

    /// A party's will to take part in a repair or renegotiation: it rises with its appreciation,
    /// its trust and its cost of switching (for the supplier: losing a client of this size).
    pub fn will(&self, party: Party, mediator: bool) -> f64 {
        let st = &self.state;
        let p = self.params();
        let (wa, wt, ws) = (p.will_appreciation, p.will_trust, p.will_switching);
        let appreciation = (st.experienced.get(party) + st.business.get(party)) / 2.0;
        let switching = match party {
            Party::Client => {
                // An exit fee adds to what leaving costs.
                let exit = self.state.contract.exit_fee;
                let transition = p.transition_cost_weeks * self.fee();
                (st.client_switching
                    + exit / (exit + transition).max(1e-9) * (1.0 - st.client_switching))
                    .min(1.0)
            }
            Party::Supplier => self.scenario().supplier.client_share.sqrt(),
        };
        wa * appreciation
            + wt * st.trust.get(party)
            + ws * switching
            + if mediator { p.mediator_will } else { 0.0 }
    }

    /// How fully a repair takes (0..=1): it grows smoothly with the lower of the two parties'
    /// wills across the band `will_threshold ± will_width`, so that a slightly higher trust gives
    /// a slightly better repair rather than success instead of failure. Returns the factor and
    /// the less willing party with its will.
    fn willingness(&self, mediator: bool) -> (f64, Party, f64) {
        let p = self.params();
        let (party, will) = [Party::Client, Party::Supplier]
            .into_iter()
            .map(|party| (party, self.will(party, mediator)))
            .fold((Party::Client, f64::INFINITY), |a, b| {
                if b.1 < a.1 {
                    b
                } else {
                    a
                }
            });
        let lo = p.will_threshold - p.will_width;
        let f = ((will - lo) / (2.0 * p.will_width).max(1e-9)).clamp(0.0, 1.0);
        // Smoothstep: no kink at either end of the band.
        (f * f * (3.0 - 2.0 * f), party, will)
    }

    /// The first unwilling party, if any.
    fn unwilling(&self, mediator: bool) -> Option<Outcome> {
        let p = self.params();
        [Party::Client, Party::Supplier]
            .into_iter()
            .find_map(|party| {
                let will = self.will(party, mediator);
                (will < p.will_threshold).then_some(Outcome::Unwilling { party, will })
            })
    }

    fn trust_repair(&mut self, r: &TrustRepair) -> Outcome {
        let fee = self.fee();
        let p = self.params();
        let erring = r.by;
        let harmed = erring.other();
        *self.one_off.get_mut(erring) += p.repair_cost_weeks * fee;
        *self.one_off.get_mut(harmed) += p.repair_cost_weeks * fee;
        if r.mediator {
            self.one_off.client += p.mediator_cost_weeks * fee / 2.0;
            self.one_off.supplier += p.mediator_cost_weeks * fee / 2.0;
        }
        let (f, party, will) = self.willingness(r.mediator);
        if f <= 0.0 {
            return Outcome::Unwilling { party, will };
        }
        if r.mediator && f >= 0.5 {
            self.state.settled_week = Some(self.week);
        }
        let st = &mut self.state;
        // 2 (first, since the apology and the patience work up to the ceiling it leaves).
        // Explain: honesty heals the scar (as far as the will carries it) and helps
        // understanding, blaming others deepens it.
        if r.explain {
            let c = st.ceiling.get_mut(harmed);
            *c = if r.honest {
                *c + f * (1.0 - *c)
            } else {
                (*c - p.blame_scar).max(0.0)
            };
        }
        let ceiling = st.ceiling.get(harmed);
        let mut steps = 0.0;
        // 1. Apologise: once per crisis for each party.
        if r.apologise {
            let slot = &mut st.apologised[party_index(erring)];
            if *slot == st.crisis + 1 {
                self.events.push(Event::ApologyIgnored);
            } else {
                *slot = st.crisis + 1;
                let trust = st.trust.get_mut(harmed);
                if r.sincere {
                    *trust += f * p.apology_gain * (ceiling - *trust).max(0.0);
                    steps += 1.0;
                } else {
                    *trust -= p.insincere_loss * *trust;
                    *st.experienced.get_mut(harmed) -= p.shock * p.insincere_loss;
                }
            }
        }
        if r.explain && r.honest {
            let trust = st.trust.get_mut(harmed);
            *trust += f * p.explain_gain * (ceiling - *trust).max(0.0);
            steps += 1.0;
        }
        // 3. Correct: compensation lifts the harmed party's business appreciation and, as deeds
        // rather than words, some trust.
        if r.correct && r.compensation > 0.0 {
            let felt = 1.0 - libm::exp(-r.compensation / (p.compensation_scale_weeks * fee));
            let b = st.business.get_mut(harmed);
            *b = (*b + f * p.compensation_max * felt).min(1.0);
            let trust = st.trust.get_mut(harmed);
            *trust += f * p.correct_gain * felt * (ceiling - *trust).max(0.0);
            steps += felt;
            *self.one_off.get_mut(erring) += r.compensation;
            *self.one_off.get_mut(harmed) -= r.compensation;
        }
        // 4. Silence: without it the past is raised again.
        if !r.silence {
            for offset in p.reminder_offsets() {
                self.reminders.push((self.week + offset, harmed));
            }
        }
        // 5. Patience: trust grows faster while no new wound occurs — the faster, the more of
        // the other steps show the will to repair. It adds a window of its own: an earlier
        // repair's window goes on (repairs compose).
        let st = &mut self.state;
        let h = party_index(harmed);
        let rate = f * p.patience_rate * (p.patience_base + (1.0 - p.patience_base) * steps / 3.0);
        st.add_patience(h, self.week, self.week + r.patience_weeks, rate);
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
        let p = self.params();
        self.one_off.client += p.negotiation_cost_weeks * fee;
        if r.mediator {
            self.one_off.client += p.mediator_cost_weeks * fee / 2.0;
            self.one_off.supplier += p.mediator_cost_weeks * fee / 2.0;
        }
        if let Some(failure) = self.unwilling(r.mediator) {
            return failure;
        }
        let mut c = self.state.contract;
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
        let choice = EffortChoice::new(self.scenario(), &c, self.state.role);
        if let Some(refusal) = self.refuses(&c, &choice) {
            return refusal;
        }
        if r.mediator {
            self.state.settled_week = Some(self.week);
        }
        self.state.contract = c;
        self.effort_choice = choice;
        Outcome::Done
    }

    /// The party that refuses new terms `c`, if any: each compares what it expects a week under
    /// them (at the effort the supplier would choose now) with walking away — the supplier with
    /// its reservation margin, the client with the market's service at the market fee plus its
    /// one-off cost of leaving spread over the rest of the term.
    fn refuses(&self, c: &Contract, choice: &EffortChoice) -> Option<Outcome> {
        self.refuses_for(Party::Supplier, c, choice)
            .or_else(|| self.refuses_for(Party::Client, c, choice))
    }

    /// Whether `party` refuses new terms `c` (see [`Sim::refuses`]).
    pub(crate) fn refuses_for(
        &self,
        party: Party,
        c: &Contract,
        choice: &EffortChoice,
    ) -> Option<Outcome> {
        let (supplier, client, _) = self.gains(c, choice, &self.state);
        let gain = match party {
            Party::Supplier => supplier,
            Party::Client => client,
        };
        (gain < 0.0).then_some(Outcome::Refused { party, gain })
    }

    /// What each party expects a week under terms `c` (the supplier's effort chosen by `choice`
    /// in `state`) against walking away: (supplier's margin above its reservation, client's net
    /// value above the market's less its cost of leaving spread over the rest of the term, the
    /// fee paid per unit of the base fee).
    pub(crate) fn gains(
        &self,
        c: &Contract,
        choice: &EffortChoice,
        state: &super::state::State,
    ) -> (f64, f64, f64) {
        let s = &self.plan().light;
        let p = &s.params;
        let weeks_left = c.term_weeks - (self.week % c.term_weeks);
        let e = choice.choose(state, self.weeks_at_stake());
        let (service, _, operational) = state.role.orientation(p);
        let markup = effective_markup(p, c, operational);
        let sla = expected_sla(p, e);
        let quality = (quality_of(s, c, state.alignment, sla, extra_work_focus(p, e, markup))
            + p.service_quality * service * e)
            .clamp(0.0, 1.0);
        let attainment = match c.kpi_level {
            KpiLevel::Technical => sla,
            KpiLevel::Business => quality,
        };
        let control = super::economics::control(p, operational);
        let measured =
            super::economics::measured(attainment, super::economics::flattery(p, c, control));
        let money = Money::of(s, c, measured, e, markup);
        let supplier_gain =
            money.margin - super::economics::reservation(s, c.fee_per_week, state.market_fee);
        let manager = s.manager.cost(state.role, p, c.fee_per_week);
        let stay = service_value(
            s,
            quality,
            state.alignment,
            state.pressure.client,
            state.friction,
        ) - money.client_cost
            - manager;
        let spread = (weeks_left as f64).max(p.walk_away_weeks);
        let walk = market_net_value(s, state.market_fee) - self.leaving_cost().0 / spread;
        let client_gain = stay - walk;
        let per_fee = money.fee_paid / c.fee_per_week.max(1e-9);
        (supplier_gain, client_gain, per_fee)
    }

    /// The one-off cost to the client of leaving this week (k€): transition to a new supplier and
    /// the exit fee; before the opt-out week (or without one) leaving is a breach and adds a
    /// legal fight, unless a mediated repair or renegotiation recently succeeded (a settlement).
    /// Returns (client's cost, supplier's legal cost).
    pub(crate) fn leaving_cost(&self) -> (f64, f64) {
        let fee = self.fee();
        let p = self.params();
        let mut cost = p.transition_cost_weeks * fee + self.state.contract.exit_fee;
        let settled = self.state.settled_week.is_some_and(|w| {
            self.week.saturating_sub(w) <= ModelParams::weeks(p.mediation_memory_weeks)
        });
        let mut supplier = 0.0;
        if !self.opt_out_open() && !settled {
            cost += p.legal_cost_weeks * fee;
            supplier = p.legal_cost_weeks * fee / 2.0;
        }
        (cost, supplier)
    }

    /// Ends the contract early at the client's cost (see [`Sim::leaving_cost`]); the exit fee
    /// goes to the supplier.
    pub(crate) fn terminate(&mut self, cause: StatusCause) {
        let (cost, legal) = self.leaving_cost();
        self.one_off.client += cost;
        self.one_off.supplier += legal - self.state.contract.exit_fee;
        self.set_status(Status::Terminated, cause);
    }
}

#[cfg(test)]
mod tests {
    use crate::sim::intervention::{EffortPolicy, Intervention};
    use crate::sim::{run, Row, Scenario};

    const FROM: u32 = 52;

    /// Mean of `f` over the weeks from [`FROM`] on.
    fn mean_from(rows: &[Row], f: fn(&Row) -> f64) -> f64 {
        let later: Vec<f64> = rows.iter().filter(|r| r.week >= FROM).map(f).collect();
        later.iter().sum::<f64>() / later.len() as f64
    }

    fn with_policy(s: &Scenario, min_effort: f64) -> Scenario {
        let mut t = s.clone();
        t.interventions
            .push(Intervention::EffortPolicy(EffortPolicy {
                week: FROM,
                min_effort,
            }));
        t
    }

    #[test]
    fn an_effort_policy_raises_effort_and_costs_the_supplier_margin() {
        // Without random incidents (so both runs see the same world) and with them (the default).
        let quiet = Scenario::from_json(
            r#"{"random_rates":{"external":0,"interpersonal":0,"business":0}}"#,
        )
        .unwrap();
        for s in [quiet, Scenario::default()] {
            let (without, with) = (run(&s), run(&with_policy(&s, 0.8)));
            let before = FROM as usize;
            assert_eq!(
                without.rows[..before],
                with.rows[..before],
                "same until the policy"
            );
            assert!(with.rows[before..].iter().all(|r| r.effort >= 0.8));
            let effort = (
                mean_from(&without.rows, |r| r.effort),
                mean_from(&with.rows, |r| r.effort),
            );
            assert!(effort.1 > effort.0 + 0.2, "effort {effort:?}");
            let margin = (
                mean_from(&without.rows, |r| r.supplier_margin),
                mean_from(&with.rows, |r| r.supplier_margin),
            );
            assert!(margin.1 < margin.0, "margin per week {margin:?}");
            let sla = (
                mean_from(&without.rows, |r| r.sla),
                mean_from(&with.rows, |r| r.sla),
            );
            assert!(sla.1 > sla.0, "sla {sla:?}");
        }
    }

    #[test]
    fn a_policy_below_the_choice_changes_nothing_and_zero_lifts_it() {
        let s = Scenario::default();
        assert_eq!(run(&s).rows, run(&with_policy(&s, 0.0)).rows);
        let mut lifted = with_policy(&s, 0.9);
        lifted
            .interventions
            .push(Intervention::EffortPolicy(EffortPolicy {
                week: FROM + 10,
                min_effort: 0.0,
            }));
        let rows = run(&lifted).rows;
        assert!(rows[(FROM + 10) as usize..].iter().any(|r| r.effort < 0.9));
    }

    #[test]
    fn a_bad_committed_effort_is_named_with_its_range() {
        for bad in ["1.5", "-0.1"] {
            let json = format!(
                r#"{{"interventions":[{{"kind":"effort_policy","week":3,"min_effort":{bad}}}]}}"#
            );
            let e = Scenario::from_json(&json).unwrap_err();
            assert_eq!(e.path, "interventions[0].min_effort");
            assert!(e.message.contains("0..=1"), "{}", e.message);
        }
    }
}
