//! The simulation: the weekly step in the order of MODEL.md section 5.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::Poisson;

use super::effort::EffortChoice;
use super::incident::Party;
use super::params as p;
use super::record::{Event, Recorder, Row, Status};
use super::scenario::{Contract, KpiLevel, Obligation, Role, Scenario};

pub use super::plan::Plan;
pub(crate) use super::state::Terms;
pub use super::state::{PerParty, State};

/// One simulation run.
pub struct Sim<'a> {
    plan: &'a Plan,
    /// The live state.
    pub state: State,
    pub(crate) week: u32,
    rng: ChaCha8Rng,
    pub(crate) events: Vec<Event>,
    next_incident: usize,
    next_intervention: usize,
    /// Pending reminders: (week, party). Small and reused.
    pub(crate) reminders: Vec<(u32, Party)>,
    /// The total weekly incident rate's Poisson distribution (`None` without random incidents)
    /// and each category's share of it.
    pub(crate) incidents_per_week: Option<(Poisson<f64>, f64, [f64; 3])>,
    pub(crate) effort_choice: EffortChoice,
    /// One-off costs of this week: (client pays, supplier pays).
    pub(crate) one_off: PerParty,
    last_row: Option<Row>,
    /// Attribution of appreciation changes to causes, when explaining a run.
    pub(crate) why: Option<Box<super::why::Tracer>>,
}

impl<'a> Sim<'a> {
    /// A run of `plan` with the scenario's seed.
    pub fn new(plan: &'a Plan) -> Self {
        Self::with_seed(plan, plan.scenario.seed)
    }

    /// A run of `plan` with another seed (ensemble member).
    pub fn with_seed(plan: &'a Plan, seed: u64) -> Self {
        let s = &plan.scenario;

        let state = State {
            contract: s.contract,
            role: s.manager.role,
            effort: s.supplier.min_effort,
            expectation: s.client.need,
            experienced: PerParty::both(0.6),
            business: PerParty::both(0.6),
            trust: PerParty::both(s.supplier.track_record),
            ceiling: PerParty::both(1.0),
            pressure: PerParty::default(),
            alignment: 0.8,
            client_switching: p::CLIENT_SWITCHING,
            status: Status::Partnership,
            outside_weeks: 0,
            inside_weeks: 0,
            status_weeks: 0,
            apology_used: false,
            patience_until: [0, 0],
            mediated_week: None,
        };
        let effort_choice = plan.effort.clone();
        Self {
            plan,
            state,
            week: 0,
            rng: ChaCha8Rng::seed_from_u64(seed),
            events: Vec::with_capacity(8),
            next_incident: 0,
            next_intervention: 0,
            reminders: Vec::with_capacity(8),
            incidents_per_week: {
                let r = &s.random_rates;
                let rates = [r.external, r.interpersonal, r.business];
                let total: f64 = rates.iter().sum();
                (total > 0.0)
                    .then(|| Poisson::new(total / 52.0).ok())
                    .flatten()
                    .map(|d| (d, (-total / 52.0).exp(), rates.map(|x| x / total)))
            },
            effort_choice,
            one_off: PerParty::default(),
            last_row: None,
            why: None,
        }
    }

    /// The scenario being run.
    pub fn scenario(&self) -> &'a Scenario {
        &self.plan.scenario
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

    /// Last week's SLA, or the expected SLA at the current effort before the first week.
    pub(crate) fn last_sla(&self) -> f64 {
        self.last_row
            .map_or_else(|| expected_sla(self.state.effort), |r| r.sla)
    }

    pub(crate) fn rng(&mut self) -> &mut ChaCha8Rng {
        &mut self.rng
    }

    /// Advances one week and records it.
    pub fn step<R: Recorder>(&mut self, recorder: &mut R) {
        self.events.clear();
        self.one_off = PerParty::default();
        let row = if self.state.status.is_final() {
            self.skip_plan();
            self.after_end_row()
        } else {
            self.apply_plan();
            self.draw_random_incidents();
            self.live_week()
        };
        recorder.record(&row, &self.events);
        self.last_row = Some(row);
        self.week += 1;
    }

    /// Step 1: scripted incidents, interventions and due reminders of this week.
    fn apply_plan(&mut self) {
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

    /// Steps 2–8 for a week with a running contract.
    fn live_week(&mut self) -> Row {
        let s = self.plan.scenario.clone_light();
        let (service, business_or, operational) = self.state.role.orientation();
        let c = &{ self.state.contract };

        // 2. Effort.
        let weeks_to_end = c.term_weeks - (self.week % c.term_weeks);
        let effort = self.effort_choice.choose(&self.state, weeks_to_end);
        self.state.effort = effort;
        let extra_focus =
            effort + (1.0 - effort) * (c.extra_work_markup / p::EXTRA_WORK_FULL_MARKUP).min(1.0);

        // 3. Service.
        let in_scope = (s.requests * (1.0 - s.out_of_scope)).round() as u64;
        let expected = expected_sla(effort);
        let sla = if in_scope == 0 {
            expected
        } else {
            self.plan.on_time(in_scope, expected, &mut self.rng) as f64 / in_scope as f64
        };
        let gaming = match c.kpi_level {
            KpiLevel::Technical => p::GAMING * (1.0 - self.state.alignment),
            KpiLevel::Business => 0.0,
        };
        let quality =
            (sla - gaming + p::EXTRA_WORK_QUALITY * s.out_of_scope * extra_focus).clamp(0.0, 1.0);
        let st = &mut self.state;
        st.expectation += p::EXPECTATION_RATE
            * (p::EXPECTATION_NEED_WEIGHT * s.need + (1.0 - p::EXPECTATION_NEED_WEIGHT) * quality
                - st.expectation);

        // 4. Money.
        let attainment = match c.kpi_level {
            KpiLevel::Technical => sla,
            KpiLevel::Business => quality,
        };
        let fee_paid = payment(c, attainment);
        let out_of_scope = s.requests * s.out_of_scope;
        let extra_cost = s.cost_per_request * out_of_scope * extra_focus;
        let extra_bill = extra_cost * (1.0 + c.extra_work_markup);
        let manager = if st.role == Role::None {
            0.0
        } else {
            s.manager_cost
        };
        let delivery_cost = s.fixed_cost
            + s.cost_per_request * in_scope as f64 * effort * effort * (1.0 + s.volatility / 2.0);
        let recurring_cost = fee_paid + extra_bill + manager;
        let client_cost = recurring_cost + self.one_off.client;
        let revenue = fee_paid + extra_bill;
        let operating_margin = revenue - delivery_cost - extra_cost;
        let supplier_margin = operating_margin - self.one_off.supplier;
        let margin_rate = if revenue > 0.0 {
            operating_margin / revenue
        } else {
            -1.0
        };

        // 5. Appreciation relaxes toward its targets (incident shocks already landed in step 1).
        let terms = Terms {
            quality: p::K_CLIENT_EXPERIENCED * (quality - st.expectation),
            client_trust: p::K_TRUST_IN_EXPERIENCED * (st.trust.client - 0.5),
            wishes: -p::K_VOLATILITY
                * s.volatility
                * match c.kpi_level {
                    KpiLevel::Technical => 1.0,
                    KpiLevel::Business => p::VOLATILITY_WITH_OBJECTIVES,
                },
            supplier_trust: p::K_TRUST_IN_EXPERIENCED * (st.trust.supplier - 0.5),
            results: p::K_ATTAINMENT * (attainment - c.sla_target),
            cost: -s.budget_pressure * p::K_COST * (recurring_cost / c.fee_per_week - 1.0),
            alignment: p::K_ALIGNMENT * (st.alignment - 0.5),
            client_pressure: -st.pressure.client,
            margin: p::K_MARGIN * (margin_rate - p::NORMAL_MARGIN),
            supplier_pressure: -st.pressure.supplier,
        };
        let before = st.appreciations();
        let targets = terms.targets();
        let up = p::EXPERIENCED_UP_BASE + p::EXPERIENCED_UP_SERVICE * service;
        let mut rates = [p::APPRECIATION_RATE; 4];
        for (i, r) in rates.iter_mut().enumerate() {
            let t = targets[i].clamp(0.0, 1.0);
            if i % 2 == 0 && t > before[i] {
                *r = up; // experienced appreciation climbs back at the service-dependent rate
            }
            st.set_appreciation(i, before[i] + *r * (t - before[i]));
        }
        if let Some(why) = &mut self.why {
            why.relax(&terms, &rates, before, self.state.appreciations());
        }
        let st = &mut self.state;

        // 6. Trust drifts with experience, faster during patience.
        for (i, party) in [Party::Client, Party::Supplier].into_iter().enumerate() {
            let exp = st.experienced.get(party);
            let ceiling = st.ceiling.get(party);
            let trust = st.trust.get_mut(party);
            let drift = exp - 0.5;
            if drift > 0.0 {
                *trust += p::TRUST_DRIFT * drift * (ceiling - *trust).max(0.0);
            } else {
                *trust += p::TRUST_DRIFT * drift * *trust;
            }
            if self.week < st.patience_until[i] {
                *trust += p::PATIENCE_RATE * (ceiling - *trust).max(0.0);
            }
            *trust = trust.clamp(0.0, ceiling);
        }

        // 7. Alignment and business pressure.
        st.alignment += -p::ALIGNMENT_DECAY * st.alignment
            + (p::ALIGNMENT_CULTURE * s.culture_fit + p::ALIGNMENT_RESTORE * business_or)
                * (1.0 - st.alignment);
        st.alignment = st.alignment.clamp(0.0, 1.0);
        let decay = ((p::PRESSURE_DECAY_BASE + p::PRESSURE_DECAY_ALIGNED * st.alignment.powi(2))
            * (1.0 + operational))
            .min(1.0);
        st.pressure.client -= decay * st.pressure.client;
        st.pressure.supplier -= decay * st.pressure.supplier;
        if let Some(why) = &mut self.why {
            why.decay_pressure(decay);
        }

        // 8. Status.
        let client_appreciation = (st.experienced.client + st.business.client) / 2.0;
        let supplier_appreciation = (st.experienced.supplier + st.business.supplier) / 2.0;
        let relationship = (client_appreciation + supplier_appreciation) / 2.0;
        let mut row = Row {
            week: self.week,
            effort,
            extra_work_focus: extra_focus,
            sla,
            quality,
            expectation: st.expectation,
            client_experienced: st.experienced.client,
            client_business: st.business.client,
            supplier_experienced: st.experienced.supplier,
            supplier_business: st.business.supplier,
            client_appreciation,
            supplier_appreciation,
            relationship,
            client_trust: st.trust.client,
            supplier_trust: st.trust.supplier,
            client_trust_ceiling: st.ceiling.client,
            supplier_trust_ceiling: st.ceiling.supplier,
            alignment: st.alignment,
            business_pressure: st.pressure.client,
            status: st.status,
            client_cost,
            supplier_margin,
        };
        self.update_status(&row);
        // Costs of an ending decided this week land in this week's row.
        row.status = self.state.status;
        row.client_cost = recurring_cost + self.one_off.client;
        row.supplier_margin = operating_margin - self.one_off.supplier;
        row
    }

    /// A week after the contract is over: the client buys the service elsewhere at the same fee,
    /// the supplier has lost the income; the other series stay where they ended.
    fn after_end_row(&mut self) -> Row {
        let mut row = self.last_row.unwrap_or_else(|| self.initial_row());
        row.week = self.week;
        row.status = self.state.status;
        row.client_cost = self.state.contract.fee_per_week;
        row.supplier_margin = 0.0;
        row
    }

    fn initial_row(&self) -> Row {
        let st = &self.state;
        Row {
            week: self.week,
            effort: st.effort,
            extra_work_focus: st.effort,
            sla: 0.0,
            quality: 0.0,
            expectation: st.expectation,
            client_experienced: st.experienced.client,
            client_business: st.business.client,
            supplier_experienced: st.experienced.supplier,
            supplier_business: st.business.supplier,
            client_appreciation: 0.6,
            supplier_appreciation: 0.6,
            relationship: 0.6,
            client_trust: st.trust.client,
            supplier_trust: st.trust.supplier,
            client_trust_ceiling: st.ceiling.client,
            supplier_trust_ceiling: st.ceiling.supplier,
            alignment: st.alignment,
            business_pressure: st.pressure.client,
            status: st.status,
            client_cost: 0.0,
            supplier_margin: 0.0,
        }
    }
}
/// Expected share of in-scope requests resolved in time at effort `e`.
pub fn expected_sla(e: f64) -> f64 {
    p::SLA_MAX * (p::SLA_BASE + (1.0 - p::SLA_BASE) * e)
}

/// The fee paid for a week with this attainment: flat under an effort obligation, with bonus or
/// malus under a result obligation.
pub fn payment(c: &Contract, attainment: f64) -> f64 {
    match c.obligation {
        Obligation::Effort => c.fee_per_week,
        Obligation::Result => {
            let x = ((attainment - c.sla_target) / c.incentive_band).clamp(-1.0, 1.0);
            c.fee_per_week * (1.0 + c.incentive_share * x)
        }
    }
}

/// The scenario's numbers the weekly step reads, copied out so that the borrow of the state
/// stays simple.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Light {
    pub requests: f64,
    pub out_of_scope: f64,
    pub volatility: f64,
    pub cost_per_request: f64,
    pub fixed_cost: f64,
    pub culture_fit: f64,
    pub budget_pressure: f64,
    pub need: f64,
    pub manager_cost: f64,
}

impl Scenario {
    pub(crate) fn clone_light(&self) -> Light {
        Light {
            requests: self.demand.requests_per_week,
            out_of_scope: self.demand.out_of_scope_share,
            volatility: self.demand.volatility,
            cost_per_request: self.supplier.cost_per_request,
            fixed_cost: self.supplier.fixed_cost_per_week,
            culture_fit: self.supplier.culture_fit,
            budget_pressure: self.client.budget_pressure,
            need: self.client.need,
            manager_cost: self.manager.cost_per_week,
        }
    }
}
