//! Property tests: any valid scenario yields finite values within their ranges, and runs are
//! deterministic.

use proptest::prelude::*;
use relsim::sim::{self, Category, Incident, Kind, Party, Polarity, Scenario};

fn arb_scenario() -> impl Strategy<Value = Scenario> {
    (
        (
            any::<u64>(),
            1u32..=160,
            0.1f64..200.0,
            any::<bool>(),
            0.0f64..=0.5,
            0.5f64..=0.99,
            0.05f64..=0.5,
        ),
        (
            0.0f64..=1.0,
            26u32..=160,
            1.0f64..=500.0,
            0.0f64..=0.9,
            0.0f64..=1.0,
        ),
        (
            0.0f64..=0.5,
            0.0f64..=50.0,
            0.0f64..=1.0,
            0.001f64..=1.0,
            0.0f64..=1.0,
            0.0f64..=1.0,
            0.0f64..=1.0,
        ),
        (
            0.0f64..=1.0,
            0.0f64..=1.0,
            0usize..5,
            0.0f64..=10.0,
            0.0f64..=20.0,
        ),
        proptest::collection::vec(
            (
                0u32..160,
                0usize..23,
                any::<bool>(),
                0.0f64..=1.0,
                any::<bool>(),
            ),
            0..12,
        ),
    )
        .prop_map(|(a, b, c, d, incs)| {
            let mut s = Scenario::default();
            (s.seed, s.weeks, s.contract.fee_per_week) = (a.0, a.1, a.2);
            s.contract.obligation = if a.3 {
                sim::Obligation::Result
            } else {
                sim::Obligation::Effort
            };
            (
                s.contract.incentive_share,
                s.contract.sla_target,
                s.contract.incentive_band,
            ) = (a.4, a.5, a.6);
            (s.contract.extra_work_markup, s.contract.term_weeks) = (b.0, b.1);
            (
                s.demand.requests_per_week,
                s.demand.out_of_scope_share,
                s.demand.volatility,
            ) = (b.2, b.3, b.4);
            (
                s.supplier.cost_per_request,
                s.supplier.fixed_cost_per_week,
                s.supplier.horizon,
            ) = (c.0, c.1, c.2);
            (
                s.supplier.client_share,
                s.supplier.culture_fit,
                s.supplier.track_record,
                s.supplier.min_effort,
            ) = (c.3, c.4, c.5, c.6);
            (s.client.budget_pressure, s.client.need) = (d.0, d.1);
            s.manager.role = sim::Role::ALL[d.2];
            s.random_rates.business = d.3;
            s.random_rates.interpersonal = d.4;
            s.incidents = incs
                .into_iter()
                .filter(|i| i.0 < s.weeks)
                .map(|(week, k, pos, magnitude, client)| {
                    let kind = Kind::ALL[k];
                    Incident {
                        week,
                        category: kind.category(),
                        kind,
                        polarity: if pos {
                            Polarity::Positive
                        } else {
                            Polarity::Negative
                        },
                        magnitude,
                        party: if client {
                            Party::Client
                        } else {
                            Party::Supplier
                        },
                        note: String::new(),
                    }
                })
                .collect();
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_valid_scenario_stays_in_range(s in arb_scenario()) {
        prop_assert!(s.validate().is_ok(), "{:?}", s.validate());
        let h = sim::run(&s);
        prop_assert_eq!(h.rows.len(), s.weeks as usize);
        for r in &h.rows {
            let unit = [r.effort, r.extra_work_focus, r.sla, r.quality, r.expectation,
                r.client_experienced, r.client_business, r.supplier_experienced, r.supplier_business,
                r.client_appreciation, r.supplier_appreciation, r.relationship, r.client_trust,
                r.supplier_trust, r.client_trust_ceiling, r.supplier_trust_ceiling, r.alignment];
            for v in unit {
                prop_assert!(v.is_finite() && (0.0..=1.0).contains(&v), "{v} in week {}", r.week);
            }
            prop_assert!(r.client_trust <= r.client_trust_ceiling + 1e-12);
            prop_assert!(r.business_pressure.is_finite());
            prop_assert!(r.client_cost.is_finite() && r.supplier_margin.is_finite());
        }
    }
}

#[test]
fn determinism_same_seed_same_history() {
    for p in sim::presets::ALL {
        let s = p.scenario();
        assert_eq!(sim::run(&s), sim::run(&s), "{}", p.id);
    }
    let mut a = Scenario::default();
    let b = a.clone();
    a.seed += 1;
    assert_ne!(sim::run(&a).rows, sim::run(&b).rows);
}

#[test]
fn ensemble_members_use_consecutive_seeds() {
    use relsim::sim::{Ensemble, Plan};
    let s = Scenario::default();
    let e = Ensemble::run(&Plan::new(&s), 3);
    for i in 0..3u64 {
        let mut one = s.clone();
        one.seed = s.seed + i;
        let h = sim::run(&one);
        let total: f64 = h.rows.iter().map(|r| r.client_cost).sum();
        assert!((e.outcomes[i as usize].client_cost - total).abs() < 1e-9);
    }
    let _ = Category::ALL;
}
