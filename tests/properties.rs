//! Property tests over generated scenarios that use every input: contracts of both obligations
//! and KPI levels with opt-outs and exit fees, bounds, random rates, roles, scripted incidents
//! and interventions of every kind with their parameters. Any valid scenario must give finite
//! numbers (no NaN anywhere in rows or summary), shares within 0..=1, a legal status history and
//! the same run however it is recorded or scheduled.

use proptest::prelude::*;
use relsim::sim::intervention::{AtWeek, ChangeRole, EffortPolicy, Renegotiate, TrustRepair};
use relsim::sim::record::StatusCause;
use relsim::sim::scenario::KpiLevel;
use relsim::sim::{
    self, Ensemble, Event, History, Incident, Intervention, Kind, Obligation, Party, Plan,
    Polarity, Role, Scenario, Status, Summary,
};

fn party(client: bool) -> Party {
    if client {
        Party::Client
    } else {
        Party::Supplier
    }
}

fn obligation(result: bool) -> Obligation {
    if result {
        Obligation::Result
    } else {
        Obligation::Effort
    }
}

fn kpi(business: bool) -> KpiLevel {
    if business {
        KpiLevel::Business
    } else {
        KpiLevel::Technical
    }
}

/// A value, or none, as the generator draws optional renegotiated terms.
fn maybe<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(s)
}

/// One intervention of any kind with any parameters, at week 0 (placed later).
fn arb_intervention() -> impl Strategy<Value = Intervention> {
    prop_oneof![
        (
            any::<bool>(),
            proptest::array::uniform7(any::<bool>()),
            prop_oneof![Just(0.0), 0.0f64..=50.0, 0.0f64..=1.0e7],
            0u32..=520,
            any::<bool>(),
        )
            .prop_map(|(by, f, compensation, patience_weeks, mediator)| {
                Intervention::TrustRepair(TrustRepair {
                    week: 0,
                    by: party(by),
                    apologise: f[0],
                    sincere: f[1],
                    explain: f[2],
                    honest: f[3],
                    correct: f[4],
                    compensation,
                    silence: f[5] || f[6],
                    patience_weeks,
                    mediator,
                })
            }),
        (
            maybe(0.1f64..=10_000.0),
            maybe(any::<bool>()),
            maybe(0.0f64..=0.5),
            maybe(0.5f64..=0.99),
            maybe(any::<bool>()),
            maybe(0.0f64..=1.0),
            any::<bool>(),
        )
            .prop_map(|(fee, ob, share, target, level, markup, mediator)| {
                Intervention::Renegotiate(Renegotiate {
                    week: 0,
                    fee_per_week: fee,
                    obligation: ob.map(obligation),
                    incentive_share: share,
                    sla_target: target,
                    kpi_level: level.map(kpi),
                    extra_work_markup: markup,
                    mediator,
                })
            }),
        Just(Intervention::Realign(AtWeek { week: 0 })),
        (0usize..5).prop_map(|r| Intervention::ChangeRole(ChangeRole {
            week: 0,
            role: Role::ALL[r],
        })),
        (0.0f64..=1.0).prop_map(|min_effort| Intervention::EffortPolicy(EffortPolicy {
            week: 0,
            min_effort,
        })),
        Just(Intervention::Exit(AtWeek { week: 0 })),
        Just(Intervention::Escalate(AtWeek { week: 0 })),
        Just(Intervention::SupplierExit(AtWeek { week: 0 })),
    ]
}

/// Moves an intervention to `week`.
fn at_week(mut x: Intervention, week: u32) -> Intervention {
    x.set_week(week);
    x
}

/// Every input of a scenario, drawn over its whole allowed range (money sometimes large).
fn arb_scenario() -> impl Strategy<Value = Scenario> {
    let contract = (
        (
            prop_oneof![0.1f64..=200.0, 0.1f64..=10_000.0],
            any::<bool>(),
            0.0f64..=0.5,
            0.5f64..=0.99,
            0.05f64..=0.5,
            any::<bool>(),
            0.0f64..=1.0,
        ),
        (
            26u32..=300,
            maybe(0.0f64..=1.0),
            prop_oneof![Just(0.0), 0.0f64..=1000.0, 0.0f64..=1.0e7],
        ),
    );
    let demand_supplier = (
        (
            prop_oneof![1.0f64..=500.0, 1.0f64..=10_000.0],
            0.0f64..=0.9,
            0.0f64..=1.0,
        ),
        (
            prop_oneof![0.0f64..=0.5, 0.0f64..=1000.0],
            prop_oneof![0.0f64..=50.0, 0.0f64..=1.0e7],
            0.0f64..=1.0,
            0.001f64..=1.0,
            0.0f64..=1.0,
            0.0f64..=1.0,
            0.0f64..=1.0,
        ),
    );
    let client_manager_bounds = (
        0.0f64..=1.0,
        0.0f64..=1.0,
        0usize..5,
        maybe(prop_oneof![0.0f64..=10.0, 0.0f64..=1.0e7]),
        0.0f64..1.0,
        0.0f64..=1.0,
        prop_oneof![1u32..=30, 1u32..=520],
        prop_oneof![0.1f64..=100.0, 0.1f64..=10_000.0],
        prop_oneof![0.0f64..=100.0, 0.0f64..=1.0e7],
    );
    let rates = proptest::array::uniform3(prop_oneof![Just(0.0), 0.0f64..=10.0, 0.0f64..=52.0]);
    let incidents = proptest::collection::vec(
        (
            0.0f64..1.0,
            0..Kind::ALL.len(),
            any::<bool>(),
            0.0f64..=1.0,
            any::<bool>(),
        ),
        0..12,
    );
    let interventions = proptest::collection::vec((0.0f64..1.0, arb_intervention()), 0..8);
    (
        (any::<u64>(), 1u32..=260),
        contract,
        demand_supplier,
        client_manager_bounds,
        rates,
        incidents,
        interventions,
    )
        .prop_map(|((seed, weeks), (c1, c2), (d, sp), cmb, rates, incs, xs)| {
            let mut s = Scenario {
                seed,
                weeks,
                ..Scenario::default()
            };
            let k = &mut s.contract;
            (
                k.fee_per_week,
                k.incentive_share,
                k.sla_target,
                k.incentive_band,
            ) = (c1.0, c1.2, c1.3, c1.4);
            (k.obligation, k.kpi_level, k.extra_work_markup) = (obligation(c1.1), kpi(c1.5), c1.6);
            k.term_weeks = c2.0;
            // An opt-out anywhere from the first week to the last week of the term.
            k.opt_out_week =
                c2.1.map(|f| 1 + (f * (k.term_weeks - 2) as f64).round() as u32);
            k.exit_fee = c2.2;
            (
                s.demand.requests_per_week,
                s.demand.out_of_scope_share,
                s.demand.volatility,
            ) = d;
            let sup = &mut s.supplier;
            (sup.cost_per_request, sup.fixed_cost_per_week, sup.horizon) = (sp.0, sp.1, sp.2);
            (
                sup.client_share,
                sup.culture_fit,
                sup.track_record,
                sup.min_effort,
            ) = (sp.3, sp.4, sp.5, sp.6);
            (s.client.budget_pressure, s.client.need) = (cmb.0, cmb.1);
            (s.client.market_fee_per_week, s.client.value_per_week) = (cmb.7, cmb.8);
            (s.manager.role, s.manager.cost_per_week) = (Role::ALL[cmb.2], cmb.3);
            // Bounds: any critical bound with the euphoria bound somewhere above it.
            let lower = cmb.4;
            s.bounds.critical_lower = lower;
            s.bounds.euphoria_upper = (lower + 0.001 + cmb.5 * (1.0 - lower - 0.001)).min(1.0);
            s.bounds.tolerance_weeks = cmb.6;
            (
                s.random_rates.external,
                s.random_rates.interpersonal,
                s.random_rates.business,
            ) = (rates[0], rates[1], rates[2]);
            let week = |f: f64| ((f * weeks as f64) as u32).min(weeks - 1);
            s.incidents = incs
                .into_iter()
                .map(|(f, k, positive, magnitude, client)| {
                    let kind = Kind::ALL[k];
                    Incident {
                        week: week(f),
                        category: kind.category(),
                        kind,
                        polarity: if positive {
                            Polarity::Positive
                        } else {
                            Polarity::Negative
                        },
                        magnitude,
                        party: party(client),
                        note: String::new(),
                    }
                })
                .collect();
            s.interventions = xs.into_iter().map(|(f, x)| at_week(x, week(f))).collect();
            s
        })
}

/// Every number in a serialised value is finite (serde_json writes NaN and infinities as
/// `null`, so a null is a failure too); returns the path of the first that is not.
fn first_non_finite(v: &serde_json::Value, path: &str) -> Option<String> {
    match v {
        serde_json::Value::Null => Some(path.to_string()),
        serde_json::Value::Number(n) => {
            (!n.as_f64().is_some_and(f64::is_finite)).then(|| path.to_string())
        }
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, x)| first_non_finite(x, &format!("{path}[{i}]"))),
        serde_json::Value::Object(m) => m
            .iter()
            .find_map(|(k, x)| first_non_finite(x, &format!("{path}.{k}"))),
        _ => None,
    }
}

/// Whether the status machine may go from `from` to `to` in one week: one step along
/// partnership ⇄ supplier ⇄ escalation, or out to terminated or ended from any live status.
fn legal(from: Status, to: Status, cause: StatusCause) -> bool {
    use Status::*;
    !from.is_final()
        && from != to
        && (matches!(
            (from, to),
            (Partnership, Supplier)
                | (Supplier, Partnership)
                | (Supplier, Escalation)
                | (Escalation, Supplier)
                | (_, Terminated)
                | (_, Ended)
        )
            // Only the client's decision to escalate skips the supplier relationship.
            || (from, to, cause) == (Partnership, Escalation, StatusCause::Escalated))
}

/// Checks one run's rows and events; returns the first problem found.
fn check_history(s: &Scenario, h: &History) -> Result<(), String> {
    if h.rows.len() != s.weeks as usize {
        return Err(format!("{} rows for {} weeks", h.rows.len(), s.weeks));
    }
    let mut status = Status::Partnership;
    for (i, r) in h.rows.iter().enumerate() {
        if r.week as usize != i {
            return Err(format!("row {i} has week {}", r.week));
        }
        let json = serde_json::to_value(r).map_err(|e| e.to_string())?;
        if let Some(at) = first_non_finite(&json, "row") {
            return Err(format!("week {i}: {at} is not finite"));
        }
        let unit = [
            ("effort", r.effort),
            ("extra_work_focus", r.extra_work_focus),
            ("sla", r.sla),
            ("quality", r.quality),
            ("expectation", r.expectation),
            ("client_experienced", r.client_experienced),
            ("client_business", r.client_business),
            ("supplier_experienced", r.supplier_experienced),
            ("supplier_business", r.supplier_business),
            ("client_appreciation", r.client_appreciation),
            ("supplier_appreciation", r.supplier_appreciation),
            ("relationship", r.relationship),
            ("client_trust", r.client_trust),
            ("supplier_trust", r.supplier_trust),
            ("client_trust_ceiling", r.client_trust_ceiling),
            ("supplier_trust_ceiling", r.supplier_trust_ceiling),
            ("alignment", r.alignment),
        ];
        for (name, v) in unit {
            if !(0.0..=1.0).contains(&v) {
                return Err(format!("week {i}: {name} = {v} outside 0..=1"));
            }
        }
        if r.client_trust > r.client_trust_ceiling + 1e-12
            || r.supplier_trust > r.supplier_trust_ceiling + 1e-12
        {
            return Err(format!("week {i}: trust above its ceiling"));
        }
        // Every status change is announced by one legal event, and nothing else changes it.
        // A contract not renewed ends after its decision week, whose row keeps the status the
        // relationship had.
        let changes: Vec<(Status, Status, StatusCause)> = h
            .events_in(r.week)
            .filter_map(|e| match e {
                Event::Status { from, to, cause } => Some((*from, *to, *cause)),
                _ => None,
            })
            .collect();
        let (mut at, mut shown) = (status, status);
        for (from, to, cause) in &changes {
            let after_the_week = *cause == StatusCause::NotRenewed;
            if *from != at || !legal(*from, *to, *cause) {
                return Err(format!(
                    "week {i}: illegal change {from:?} -> {to:?} from {at:?}"
                ));
            }
            at = *to;
            if !after_the_week {
                shown = *to;
            }
        }
        if r.status != shown {
            return Err(format!(
                "week {i}: status {:?} without an event from {status:?}",
                r.status
            ));
        }
        status = at;
    }
    Ok(())
}

/// Checks an ensemble summary: finite everywhere, shares within 0..=1 that add up to one,
/// weeks per status within the run length.
fn check_summary(s: &Scenario, summary: &Summary) -> Result<(), String> {
    let json = serde_json::to_value(summary).map_err(|e| e.to_string())?;
    if let Some(at) = first_non_finite(&json, "summary") {
        return Err(format!("{at} is not finite"));
    }
    let mut end = 0.0;
    let mut weeks = 0.0;
    for st in Status::ALL {
        let share = summary.status_at_end.get(st);
        let w = summary.weeks_in_status.get(st);
        if !(0.0..=1.0).contains(&share) || !(0.0..=s.weeks as f64).contains(&w) {
            return Err(format!("{st:?}: end share {share}, weeks {w}"));
        }
        end += share;
        weeks += w;
    }
    if (end - 1.0).abs() > 1e-9 || (weeks - s.weeks as f64).abs() > 1e-6 {
        return Err(format!("end shares sum to {end}, weeks to {weeks}"));
    }
    let m = &summary.mean;
    for v in [
        m.effort,
        m.extra_work_focus,
        m.sla,
        m.quality,
        m.client_appreciation,
        m.supplier_appreciation,
        m.relationship,
        m.client_trust,
        m.supplier_trust,
        m.alignment,
    ] {
        if !(0.0..=1.0).contains(&v) {
            return Err(format!("a mean {v} outside 0..=1"));
        }
    }
    Ok(())
}

proptest! {
    // A fixed seed: `make test` checks the same 300 scenarios on every machine (a failure is
    // reproducible); the open-ended search for breaking inputs is `make fuzz`'s job. Setting
    // PROPTEST_RNG_SEED explores other cases.
    #![proptest_config(ProptestConfig {
        cases: 300,
        rng_seed: proptest::test_runner::RngSeed::Fixed(
            std::env::var("PROPTEST_RNG_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(2026),
        ),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_valid_scenario_gives_finite_legal_runs(s in arb_scenario()) {
        prop_assert!(s.validate().is_ok(), "{:?}", s.validate());
        let h = sim::run(&s);
        if let Err(e) = check_history(&s, &h) {
            return Err(TestCaseError::fail(format!("{e}\n{}", s.to_json())));
        }
        let e = Ensemble::run(&Plan::new(&s), 3);
        if let Err(e) = check_summary(&s, &Summary::of(&e)) {
            return Err(TestCaseError::fail(format!("{e}\n{}", s.to_json())));
        }
    }

    #[test]
    fn a_run_does_not_depend_on_how_it_is_recorded_or_scheduled(s in arb_scenario()) {
        // The ensemble's summarising recorder and the full history see the same weeks: a
        // one-run ensemble's outcome equals the totals of the history of the same seed.
        let h = sim::run(&s);
        let plan = Plan::new(&s);
        let one = Ensemble::run(&plan, 1);
        let o = one.outcomes[0];
        let last = h.rows.last().unwrap();
        prop_assert_eq!(o.end_status, last.status);
        let cost: f64 = h.rows.iter().map(|r| r.client_cost).sum();
        let margin: f64 = h.rows.iter().map(|r| r.supplier_margin).sum();
        prop_assert_eq!(o.client_cost, cost);
        prop_assert_eq!(o.supplier_margin, margin);
        // A plan whose tables were filled by other runs, in another order, gives the same
        // member as a fresh plan: runs 2, 0, 1 of a shared plan equal fresh runs of those seeds.
        let mut shared = Ensemble::new(s.weeks);
        for i in [2u32, 0, 1] {
            shared.add_runs(&plan, i..i + 1);
        }
        for (pos, i) in [2u64, 0, 1].into_iter().enumerate() {
            let mut alone = s.clone();
            alone.seed = s.seed.wrapping_add(i);
            let h = sim::run(&alone);
            let cost: f64 = h.rows.iter().map(|r| r.client_cost).sum();
            prop_assert_eq!(shared.outcomes[pos].client_cost, cost, "member {}", i);
            prop_assert_eq!(shared.outcomes[pos].end_status, h.rows.last().unwrap().status);
        }
        // A scenario written to JSON and read back runs the same (floats survive the text).
        let back = Scenario::from_json(&s.to_json()).unwrap();
        prop_assert_eq!(&back, &s);
        prop_assert_eq!(sim::run(&back), h);
    }
}

#[test]
fn a_different_seed_gives_a_different_run() {
    for p in sim::presets::ALL {
        let a = p.scenario();
        let mut b = a.clone();
        b.seed = b.seed.wrapping_add(1);
        if a.random_rates.external + a.random_rates.interpersonal + a.random_rates.business > 0.0 {
            assert_ne!(sim::run(&a).rows, sim::run(&b).rows, "{}", p.id);
        }
    }
}

#[test]
fn ensemble_members_use_consecutive_seeds() {
    let s = Scenario::default();
    let e = Ensemble::run(&Plan::new(&s), 3);
    for i in 0..3u64 {
        let mut one = s.clone();
        one.seed = s.seed + i;
        let h = sim::run(&one);
        let total: f64 = h.rows.iter().map(|r| r.client_cost).sum();
        assert!((e.outcomes[i as usize].client_cost - total).abs() < 1e-9);
    }
}
