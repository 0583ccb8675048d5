//! The simulation: the weekly step in the order of MODEL.md section 5.

use rand::SeedableRng;

use super::effort::EffortChoice;
use super::incident::Party;
use super::params::ModelParams;
use super::record::{Event, Recorder, RelationshipType, Row, Status};
use super::scenario::{KpiLevel, Scenario};

use super::economics::{
    control, effective_markup, extra_work_focus, flattery, market_net_value, measured,
    price_against_market, quality_of, service_value, trust_level, Money,
};
pub use super::economics::{expected_sla, payment};
pub use super::plan::Plan;
pub(crate) use super::state::Terms;
pub use super::state::{PerParty, State};
use rand::Rng;

pub use super::rng::SimRng;

/// One simulation run.
pub struct Sim<'a> {
    plan: &'a Plan,
    /// The live state.
    pub state: State,
    pub(crate) week: u32,
    rng: SimRng,
    pub(crate) events: Vec<Event>,
    next_incident: usize,
    next_intervention: usize,
    /// Pending reminders: (week, party). Small and reused.
    pub(crate) reminders: Vec<(u32, Party)>,
    /// The total weekly incident rate and each category's share of it (`None` without random
    /// incidents).
    pub(crate) incidents_per_week: Option<super::sample::IncidentRate>,
    pub(crate) effort_choice: EffortChoice,
    /// One-off costs of this week: (client pays, supplier pays).
    pub(crate) one_off: PerParty,
    /// The week's row, built in place and kept as the last row: read by the next week's
    /// random incidents and, once the contract is over, carried on (a `Row` is about 200
    /// bytes, and copying it out and back each week was a measurable share of the step).
    pub(crate) row: Row,
    /// Whether `row` holds a simulated week yet.
    stepped: bool,
    /// Whether the incident being applied is the past raised again (a reminder): it costs
    /// trust like any wound but does not end patience.
    pub(crate) raising_past: bool,
    /// Attribution of appreciation changes to causes, when explaining a run.
    pub(crate) why: Option<Box<super::trace::Tracer>>,
}

impl<'a> Sim<'a> {
    /// A run of `plan` with the scenario's seed.
    pub fn new(plan: &'a Plan) -> Self {
        Self::with_seed(plan, plan.scenario.seed)
    }

    /// A run of `plan` with another seed (ensemble member).
    pub fn with_seed(plan: &'a Plan, seed: u64) -> Self {
        let s = &plan.scenario;
        let p = plan.params();

        let state = State {
            contract: s.contract,
            role: s.manager.role,
            effort: s.supplier.min_effort,
            expectation: s.client.need,
            experienced: PerParty::both(p.initial_appreciation),
            business: PerParty::both(p.initial_appreciation),
            trust: PerParty::both(s.supplier.track_record),
            ceiling: PerParty::both(1.0),
            pressure: PerParty::default(),
            alignment: p.initial_alignment,
            client_switching: p.client_switching,
            market_fee: s.client.market_fee_per_week,
            budget_pressure: s.client.budget_pressure,
            status: Status::Partnership,
            outside_weeks: 0,
            inside_weeks: 0,
            status_weeks: 0,
            crisis: 0,
            apologised: [0, 0],
            patience: [[(0, 0.0); super::state::PATIENCE_WINDOWS]; 2],
            settled_week: None,
            effort_floor: 0.0,
            unverified_bonus: 0.0,
            friction: 0.0,
            margin_outlook: None,
            supplier_losing: false,
            asked_week: None,
            supplier_leaving: false,
        };
        let effort_choice = plan.effort.clone();
        let row = initial_row(&state, 0, p, s.bounds.critical_lower);
        Self {
            plan,
            state,
            week: 0,
            rng: SimRng::seed_from_u64(seed),
            events: Vec::with_capacity(8),
            next_incident: 0,
            next_intervention: 0,
            reminders: Vec::with_capacity(8),
            incidents_per_week: {
                let r = &s.random_rates;
                super::sample::IncidentRate::new([r.external, r.interpersonal, r.business])
            },
            effort_choice,
            one_off: PerParty::default(),
            row,
            stepped: false,
            raising_past: false,
            why: None,
        }
    }

    /// The scenario being run.
    pub fn scenario(&self) -> &'a Scenario {
        &self.plan.scenario
    }

    /// The model's constants in force.
    pub fn params(&self) -> &'a ModelParams {
        self.plan.params()
    }

    /// The prepared scenario being run.
    pub(crate) fn plan(&self) -> &'a Plan {
        self.plan
    }

    /// The next week to simulate.
    pub fn week(&self) -> u32 {
        self.week
    }

    /// Whether all weeks have been simulated.
    pub fn is_done(&self) -> bool {
        self.week >= self.plan.scenario.weeks
    }

    /// Runs all remaining weeks.
    pub fn run<R: Recorder>(&mut self, recorder: &mut R) {
        while !self.is_done() {
            self.step(recorder);
        }
    }

    /// Weeks until the contract may end: the end of the term, or in escalation the weeks left
    /// before an unresolved escalation ends it (any week, once the client may opt out) — the
    /// supplier's renewal urgency reads this, so an escalation puts the contract at stake.
    pub(crate) fn weeks_at_stake(&self) -> u32 {
        let c = &self.state.contract;
        let term = c.term_weeks - (self.week % c.term_weeks);
        if self.state.status != Status::Escalation {
            return term;
        }
        let left = if self.opt_out_open() {
            0
        } else {
            ModelParams::weeks(self.params().escalation_limit)
                .saturating_sub(self.state.status_weeks)
        };
        term.min(left)
    }

    /// Last week's SLA, or the expected SLA at the current effort before the first week.
    pub(crate) fn last_sla(&self) -> f64 {
        if self.stepped {
            self.row.sla
        } else {
            expected_sla(self.params(), self.state.effort)
        }
    }

    pub(crate) fn rng(&mut self) -> &mut SimRng {
        &mut self.rng
    }

    /// Advances one week and records it.
    pub fn step<R: Recorder>(&mut self, recorder: &mut R) {
        self.events.clear();
        self.one_off = PerParty::default();
        if self.state.status.is_final() {
            self.skip_plan();
            self.after_end_row();
        } else {
            self.apply_plan();
            self.draw_random_incidents();
            self.live_week(recorder.reads_state_fields());
        }
        recorder.record(&self.row, &self.events);
        self.stepped = true;
        self.week += 1;
    }

    /// Step 1: scripted incidents, interventions and due reminders of this week. Most weeks
    /// have none, which three comparisons tell without a call.
    #[inline]
    fn apply_plan(&mut self) {
        let plan = self.plan;
        let due = plan
            .incidents
            .get(self.next_incident)
            .is_some_and(|i| i.week <= self.week)
            || plan
                .intervention_weeks
                .get(self.next_intervention)
                .is_some_and(|w| *w <= self.week)
            || !self.reminders.is_empty();
        if due {
            self.apply_due_plan();
        }
    }

    fn apply_due_plan(&mut self) {
        let plan = self.plan;
        while let Some(i) = plan
            .incidents
            .get(self.next_incident)
            .filter(|i| i.week <= self.week)
        {
            self.next_incident += 1;
            if i.week == self.week {
                self.apply_incident(i, false);
            }
        }
        while let Some(x) = plan
            .interventions
            .get(self.next_intervention)
            .filter(|x| x.week() <= self.week)
        {
            self.next_intervention += 1;
            if x.week() == self.week && !self.state.status.is_final() {
                self.apply_intervention(x);
            }
        }
        self.raise_due_reminders();
    }

    fn skip_plan(&mut self) {
        let plan = self.plan;
        while plan
            .incidents
            .get(self.next_incident)
            .is_some_and(|i| i.week <= self.week)
        {
            self.next_incident += 1;
        }
        while plan
            .interventions
            .get(self.next_intervention)
            .is_some_and(|x| x.week() <= self.week)
        {
            self.next_intervention += 1;
        }
    }

    /// Steps 2–8 for a week with a running contract, into `self.row` (without its state-only
    /// fields unless `state_fields`).
    fn live_week(&mut self, state_fields: bool) {
        // The scenario's numbers, taken out once per plan rather than copied every week.
        let plan = self.plan;
        let s = &plan.light;
        let p = &s.params;
        let (service, business_or, operational) = self.state.role.orientation(p);
        let c = &{ self.state.contract };

        // Euphoria (last week's appreciation above the upper bound): a supplier that is too
        // pleased over-delivers at its own cost; too pleased users raise their expectations.
        let k = &s.per_plan;
        let upper = k.euphoria_upper;
        let [ce, cb, se, sb] = self.state.appreciations();
        let over = |a: f64| ((a - upper) / k.euphoria_room).clamp(0.0, 1.0);
        let overdelivery = over((se + sb) / 2.0);
        let client_excess = ((ce + cb) / 2.0 - upper).max(0.0);

        // 2. Effort.
        let weeks_to_end = self.weeks_at_stake();
        let effort = self.effort_choice.choose(&self.state, weeks_to_end);
        self.state.effort = effort;
        let markup = effective_markup(p, c, operational);
        let extra_focus = extra_work_focus(p, effort, markup);

        // 3. Service.
        let in_scope = s.in_scope;
        let expected = expected_sla(p, effort);
        let sla = if in_scope == 0 {
            expected
        } else {
            self.plan.on_time(in_scope, expected, &mut self.rng) as f64 / k.in_scope
        };
        let quality = quality_of(s, c, self.state.alignment, sla, extra_focus)
            + p.service_quality * service * effort
            + p.overdelivery_quality * overdelivery;
        let quality = quality.clamp(0.0, 1.0);
        let st = &mut self.state;
        st.expectation += p.expectation_rate
            * (k.need_pull + (1.0 - p.expectation_need_weight) * quality - st.expectation)
            + p.euphoria_expectation * client_excess;
        st.expectation = st.expectation.clamp(0.0, 1.0);

        // 4. Money.
        let attainment = match c.kpi_level {
            KpiLevel::Technical => sla,
            KpiLevel::Business => quality,
        };
        let manager = s.manager.cost(st.role, p, c.fee_per_week);
        let control = control(p, operational);
        let sla_measured = measured(attainment, flattery(p, c, control));
        let paid = payment(c, sla_measured);
        let flattered = (paid - payment(c, attainment)).max(0.0);
        let mut money = Money::of(s, c, sla_measured, effort, markup)
            .with_overdelivery(p.overdelivery_cost * c.fee_per_week * overdelivery);
        let mut bonus_paid = paid - c.fee_per_week;
        if flattered > 0.0 {
            // A flattered report may be caught: the bonus paid on flattery since the last catch
            // is clawed back, and the client counts it as a business incident.
            // Evidence fades: bonus flattered long ago can no longer be proved and reclaimed.
            st.unverified_bonus =
                st.unverified_bonus * (1.0 - 1.0 / p.clawback_weeks.max(1.0)) + flattered;
            let audit = p.audit_rate * control;
            if self.rng.random::<f64>() < audit {
                let back = std::mem::take(&mut self.state.unverified_bonus);
                money.client_cost -= back;
                money.margin -= back;
                money.revenue -= back;
                bonus_paid -= back;
                self.caught_flattery();
            }
        }
        let st = &mut self.state;
        let recurring_cost = money.client_cost + manager;
        let client_cost = recurring_cost + self.one_off.client;
        let operating_margin = money.margin;
        let supplier_margin = operating_margin - self.one_off.supplier;
        let margin_rate = if money.revenue > 0.0 {
            operating_margin / money.revenue
        } else {
            -1.0
        };
        let service_value =
            service_value(s, quality, st.alignment, st.pressure.client, st.friction);

        // 5. Appreciation relaxes toward its targets (incident shocks already landed in step 1).
        let terms = Terms {
            quality: p.k_client_experienced * (quality - st.expectation),
            client_trust: p.k_trust_in_experienced * (st.trust.client - 0.5),
            wishes: k.wishes_pull
                * match c.kpi_level {
                    KpiLevel::Technical => 1.0,
                    KpiLevel::Business => p.volatility_with_objectives,
                },
            supplier_trust: p.k_trust_in_experienced * (st.trust.supplier - 0.5),
            results: p.k_attainment * (attainment - c.sla_target),
            cost: -st.budget_pressure
                * p.k_price
                * price_against_market(s, st.market_fee, c, &money, sla_measured),
            alignment: p.k_alignment * (st.alignment - 0.5),
            client_pressure: -st.pressure.client,
            margin: p.k_margin * (margin_rate - p.normal_margin),
            supplier_pressure: -st.pressure.supplier,
        };
        let before = st.appreciations();
        let targets = terms.targets(p);
        let up = p.experienced_up_base + p.experienced_up_service * service;
        let mut rates = [p.appreciation_rate; 4];
        for (i, r) in rates.iter_mut().enumerate() {
            let t = targets[i].clamp(0.0, 1.0);
            if i % 2 == 0 && t > before[i] {
                *r = up; // experienced appreciation climbs back at the service-dependent rate
            }
            st.set_appreciation(i, before[i] + *r * (t - before[i]));
        }
        if let Some(why) = &mut self.why {
            why.relax(
                &terms,
                p.experienced_neutral,
                &rates,
                before,
                self.state.appreciations(),
            );
        }
        let st = &mut self.state;

        // 6. Trust drifts with experience, faster during patience.
        for (i, party) in [Party::Client, Party::Supplier].into_iter().enumerate() {
            let exp = st.experienced.get(party);
            let ceiling = st.ceiling.get(party);
            let patience = st.patience_rate(i, self.week);
            let trust = st.trust.get_mut(party);
            let drift = exp - 0.5;
            let rate = if drift > 0.0 {
                p.trust_drift_up
            } else {
                p.trust_drift_down
            };
            *trust += rate * drift * trust_level(*trust);
            if patience > 0.0 {
                *trust += patience * (ceiling - *trust).max(0.0);
            }
            *trust = trust.clamp(0.0, ceiling);
        }

        // 7. Alignment and business pressure.
        st.alignment += -p.alignment_decay * st.alignment
            + (k.culture_pull + p.alignment_restore * business_or) * (1.0 - st.alignment);
        st.alignment = st.alignment.clamp(0.0, 1.0);
        let decay = ((p.pressure_decay_base + p.pressure_decay_aligned * st.alignment.powi(2))
            * (1.0 + operational))
            .min(1.0);
        st.client_switching += p.switching_recovery * (p.client_switching - st.client_switching);
        st.budget_pressure += p.budget_recovery * (k.budget_pressure - st.budget_pressure);
        st.pressure.client -= decay * st.pressure.client;
        st.friction -=
            (p.friction_decay_base + p.friction_decay_service * service).min(1.0) * st.friction;
        st.pressure.supplier -= decay * st.pressure.supplier;
        if let Some(why) = &mut self.why {
            why.decay_pressure(decay);
        }

        // 8. Status.
        let client_appreciation = (st.experienced.client + st.business.client) / 2.0;
        let supplier_appreciation = (st.experienced.supplier + st.business.supplier) / 2.0;
        let relationship = (client_appreciation + supplier_appreciation) / 2.0;
        let row = &mut self.row;
        row.week = self.week;
        row.effort = effort;
        row.extra_work_focus = extra_focus;
        row.sla = sla;
        row.quality = quality;
        row.client_appreciation = client_appreciation;
        row.supplier_appreciation = supplier_appreciation;
        row.relationship = relationship;
        row.client_trust = st.trust.client;
        row.supplier_trust = st.trust.supplier;
        row.alignment = st.alignment;
        row.status = st.status;
        row.client_cost = client_cost;
        row.supplier_margin = supplier_margin;
        row.client_net_value = service_value - client_cost;
        row.bonus_paid = bonus_paid;
        row.sla_measured = sla_measured;
        if state_fields {
            row.expectation = st.expectation;
            row.client_experienced = st.experienced.client;
            row.client_business = st.business.client;
            row.supplier_experienced = st.experienced.supplier;
            row.supplier_business = st.business.supplier;
            row.client_trust_ceiling = st.ceiling.client;
            row.supplier_trust_ceiling = st.ceiling.supplier;
            row.business_pressure = st.pressure.client;
            row.relationship_type = RelationshipType::classify(
                (st.experienced.client + st.experienced.supplier) / 2.0,
                (st.business.client + st.business.supplier) / 2.0,
                k.critical_lower,
            );
        }
        self.update_status();
        self.weigh_participation(operating_margin);
        // The row shows the status before an end-of-term decision of this week (the contract
        // ends after it), so that end shares do not hinge on whether the run's last week is the
        // term's last.
        self.row.status = self.state.status;
        self.renewal();
        // Costs of an ending decided this week land in this week's row.
        let row = &mut self.row;
        row.client_cost = recurring_cost + self.one_off.client;
        row.supplier_margin = operating_margin - self.one_off.supplier;
        row.client_net_value = service_value - row.client_cost;
    }

    /// A caught flattering of the SLA report: a business incident for the client (a quality
    /// shortfall that the reports had hidden).
    #[cold]
    fn caught_flattery(&mut self) {
        let incident = super::incident::Incident {
            week: self.week,
            category: super::incident::Category::Business,
            kind: super::incident::Kind::QualityShortfall,
            polarity: super::incident::Polarity::Negative,
            magnitude: self.params().caught_magnitude,
            party: Party::Client,
            note: "flattered SLA reports caught: bonus clawed back".into(),
        };
        self.apply_incident(&incident, true);
    }

    /// A week after the contract is over: the client buys the service elsewhere at the market
    /// fee and gets the market's by-the-book service, the supplier has lost the income; the
    /// other series stay where they ended.
    fn after_end_row(&mut self) {
        if !self.stepped {
            self.row = initial_row(
                &self.state,
                self.week,
                self.params(),
                self.plan.scenario.bounds.critical_lower,
            );
        }
        let row = &mut self.row;
        row.week = self.week;
        row.status = self.state.status;
        row.client_cost = self.state.market_fee;
        row.client_net_value = market_net_value(&self.plan.light, self.state.market_fee);
        row.supplier_margin = 0.0;
        row.bonus_paid = 0.0;
        row.sla_measured = 0.0;
    }
}

/// The row before any week: the state as it starts, in week `week`.
fn initial_row(st: &State, week: u32, p: &ModelParams, critical_lower: f64) -> Row {
    Row {
        week,
        effort: st.effort,
        extra_work_focus: st.effort,
        sla: 0.0,
        quality: 0.0,
        expectation: st.expectation,
        client_experienced: st.experienced.client,
        client_business: st.business.client,
        supplier_experienced: st.experienced.supplier,
        supplier_business: st.business.supplier,
        client_appreciation: p.initial_appreciation,
        supplier_appreciation: p.initial_appreciation,
        relationship: p.initial_appreciation,
        client_trust: st.trust.client,
        supplier_trust: st.trust.supplier,
        client_trust_ceiling: st.ceiling.client,
        supplier_trust_ceiling: st.ceiling.supplier,
        alignment: st.alignment,
        business_pressure: st.pressure.client,
        status: st.status,
        client_cost: 0.0,
        supplier_margin: 0.0,
        client_net_value: 0.0,
        bonus_paid: 0.0,
        sla_measured: 0.0,
        relationship_type: RelationshipType::classify(
            (st.experienced.client + st.experienced.supplier) / 2.0,
            (st.business.client + st.business.supplier) / 2.0,
            critical_lower,
        ),
    }
}
