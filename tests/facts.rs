//! The stylized facts of MODEL.md section 10, one test each, over ensembles with fixed seeds or
//! scripted runs. Each compares scenarios that differ only in the named input.

mod common;
use common::*;
use relsim::sim::{Event, Plan, Recorder, Row, Sim, Status};

const RUNS: u32 = 300;

#[test]
fn fact_01_fixed_fee_starves_customer_focus() {
    let fixed = summary(&scenario(r#"{"supplier":{"horizon":0.05}}"#), RUNS);
    let result = summary(
        &scenario(
            r#"{"supplier":{"horizon":0.05},"contract":{"obligation":"result","incentive_share":0.2}}"#,
        ),
        RUNS,
    );
    assert!(
        (fixed.mean.effort - 0.3).abs() <= 0.1,
        "fixed fee effort {}",
        fixed.mean.effort
    );
    assert!(
        result.mean.effort >= 0.6,
        "result effort {}",
        result.mean.effort
    );
    assert!(fixed.mean.extra_work_focus >= 0.9 && result.mean.extra_work_focus >= 0.9);
}

#[test]
fn fact_02_results_contracts_satisfy_more_at_equal_cost() {
    let effort = summary(&scenario("{}"), RUNS);
    // Set the results contract's fee so that its mean client cost is within 5 % of the fixed
    // fee's (bisection on the fee; cost rises with it).
    let (mut lo, mut hi) = (5.0_f64, 40.0_f64);
    let mut found = None;
    for _ in 0..30 {
        let fee = (lo + hi) / 2.0;
        let s = scenario(&format!(
            r#"{{"contract":{{"obligation":"result","fee_per_week":{fee}}}}}"#
        ));
        let r = summary(&s, RUNS);
        let ratio = r.totals.client_cost / effort.totals.client_cost;
        if (ratio - 1.0).abs() <= 0.05 {
            found = Some(r);
            break;
        }
        if ratio > 1.0 {
            hi = fee;
        } else {
            lo = fee;
        }
    }
    let result = found.expect("a results fee at equal client cost");
    assert!(
        result.mean.client_appreciation > effort.mean.client_appreciation,
        "result {} vs effort {}",
        result.mean.client_appreciation,
        effort.mean.client_appreciation
    );
}

#[test]
fn fact_03_trust_arrives_on_foot_and_leaves_on_horseback() {
    let base = r#"{"contract":{"obligation":"result"},"incidents":[INC]}"#;
    let with = |inc: String| run(&calm(&base.replace("INC", &inc)));
    let quiet = run(&calm(&base.replace("INC", "")));
    let neg = with(incident(
        50,
        "interpersonal",
        "poor_cooperation",
        "negative",
        0.4,
        "client",
    ));
    let pos = with(incident(
        50,
        "interpersonal",
        "good_cooperation",
        "positive",
        0.4,
        "client",
    ));
    let drop = quiet.rows[50].client_trust - neg.rows[50].client_trust;
    let rise = pos.rows[50].client_trust - quiet.rows[50].client_trust;
    assert!(
        rise > 0.0 && drop >= 3.0 * rise,
        "drop {drop} vs rise {rise}"
    );

    // Lost in one week; count the weekly positive experiences of the same size it takes to
    // get back to where trust was.
    let before = neg.rows[49].client_trust;
    let mut incidents = vec![incident(
        50,
        "interpersonal",
        "poor_cooperation",
        "negative",
        0.4,
        "client",
    )];
    let mut weeks_to_regain = None;
    for k in 1..=40 {
        incidents.push(incident(
            50 + k,
            "interpersonal",
            "good_cooperation",
            "positive",
            0.4,
            "client",
        ));
        let h = run(&calm(&base.replace("INC", &incidents.join(","))));
        if h.rows[(50 + k) as usize].client_trust >= before {
            weeks_to_regain = Some(k);
            break;
        }
    }
    let weeks = weeks_to_regain.unwrap_or(41);
    assert!(weeks >= 3, "regained in {weeks} weeks, lost in 1");
}

/// Longest run of consecutive weeks with the client's appreciation below the critical bound.
fn longest_dip(rows: &[Row], lower: f64) -> usize {
    let (mut best, mut cur) = (0, 0);
    for r in rows {
        cur = if r.client_appreciation < lower {
            cur + 1
        } else {
            0
        };
        best = best.max(cur);
    }
    best
}

#[test]
fn fact_04_bounds_and_tolerance() {
    let dip = |weeks: u32| {
        let incidents: Vec<String> = (0..weeks)
            .map(|k| {
                incident(
                    60 + k,
                    "interpersonal",
                    "interpersonal_conflict",
                    "negative",
                    1.0,
                    "client",
                )
            })
            .collect();
        run(&calm(&format!(
            r#"{{"contract":{{"obligation":"result"}},"manager":{{"role":"butler"}},"incidents":[{}]}}"#,
            incidents.join(",")
        )))
    };
    let short = dip(4);
    let d = longest_dip(&short.rows, 0.35);
    assert!(d > 0 && d <= 13, "short dip lasted {d} weeks");
    assert!(short.rows.iter().all(|r| r.status == Status::Partnership));

    let long = dip(16);
    let d = longest_dip(&long.rows, 0.35);
    assert!(d > 13, "long dip lasted {d} weeks");
    assert!(long.rows.iter().any(|r| r.status == Status::Supplier));
    assert!(long.rows.iter().all(|r| r.status != Status::Escalation));

    let down = dip(60);
    assert!(down.rows.iter().any(|r| r.status == Status::Escalation));
}

struct BusinessSum(f64);
impl Recorder for BusinessSum {
    fn record(&mut self, row: &Row, _: &[Event]) {
        self.0 += row.client_business;
    }
}

#[test]
fn fact_05_alignment_decides_business_incidents() {
    let incidents: Vec<String> = [10, 30, 50]
        .iter()
        .map(|w| {
            incident(
                *w,
                "business",
                "quality_shortfall",
                "negative",
                0.5,
                "client",
            )
        })
        .collect();
    let with = calm(&format!(
        r#"{{"weeks":120,"incidents":[{}]}}"#,
        incidents.join(",")
    ));
    let without = calm(r#"{"weeks":120}"#);
    let cumulative = |s: &relsim::sim::Scenario, alignment: f64| {
        let plan = Plan::new(s);
        let mut sim = Sim::new(&plan);
        sim.state.alignment = alignment;
        let mut sum = BusinessSum(0.0);
        sim.run(&mut sum);
        sum.0
    };
    let loss = |a: f64| cumulative(&without, a) - cumulative(&with, a);
    let (low, high) = (loss(0.4), loss(0.9));
    assert!(
        high > 0.0 && low >= 2.0 * high,
        "loss at 0.4: {low}, at 0.9: {high}"
    );
}

#[test]
fn fact_06_roles_matter() {
    // Alignment after an external shock.
    let recovery = |role: &str| {
        let h = run(&calm(&format!(
            r#"{{"manager":{{"role":"{role}"}},"incidents":[{}]}}"#,
            incident(20, "external", "reorganisation", "negative", 1.0, "client")
        )));
        h.rows[60].alignment - h.rows[20].alignment
    };
    for fast in ["representative", "nanny"] {
        for slow in ["butler", "none"] {
            assert!(recovery(fast) > recovery(slow), "{fast} vs {slow}");
        }
    }
    // Experienced appreciation under interpersonal incidents.
    let experienced = |role: &str| {
        let s = scenario(&format!(
            r#"{{"manager":{{"role":"{role}"}},"random_rates":{{"external":0,"business":0,"interpersonal":12}}}}"#
        ));
        let plan = Plan::new(&s);
        let mut total = 0.0;
        for i in 0..200 {
            let mut h = relsim::sim::History::default();
            Sim::with_seed(&plan, 7 + i).run(&mut h);
            total += mean(&h, 0, h.rows.len(), |r| r.client_experienced);
        }
        total / 200.0
    };
    for good in ["butler", "representative"] {
        for poor in ["accountant", "none"] {
            assert!(experienced(good) > experienced(poor), "{good} vs {poor}");
        }
    }
    // Over a mixed ensemble the Representative keeps the most partnerships.
    let share = |role: &str| {
        summary(
            &scenario(&format!(r#"{{"manager":{{"role":"{role}"}}}}"#)),
            RUNS,
        )
        .status_at_end
        .partnership
    };
    let rep = share("representative");
    for other in ["none", "butler", "accountant", "nanny"] {
        assert!(rep > share(other), "representative {rep} vs {other}");
    }
}

/// Severe interpersonal and business blows on the client in each of `weeks`: a client that no
/// longer wants to go on.
fn hostile_weeks(weeks: std::ops::Range<u32>) -> Vec<String> {
    weeks
        .flat_map(|w| {
            [
                incident(
                    w,
                    "interpersonal",
                    "abuse_of_power",
                    "negative",
                    1.0,
                    "client",
                ),
                incident(
                    w,
                    "business",
                    "quality_shortfall",
                    "negative",
                    1.0,
                    "client",
                ),
            ]
        })
        .collect()
}

fn crisis(repair: &str) -> relsim::sim::Scenario {
    calm(&format!(
        r#"{{"contract":{{"obligation":"result"}},"incidents":[{}],"interventions":[{repair}]}}"#,
        incident(
            30,
            "interpersonal",
            "breach_of_norms",
            "negative",
            0.9,
            "client"
        )
    ))
}

#[test]
fn fact_07_trust_repair_works_only_whole_and_willing() {
    let pre = run(&crisis("")).rows[29].client_trust;
    let repaired = |json: &str| run(&crisis(json)).rows[32 + 26].client_trust;
    let none = repaired("");
    let whole = repaired(r#"{"kind":"trust_repair","week":32}"#);
    let blaming = repaired(r#"{"kind":"trust_repair","week":32,"honest":false}"#);
    assert!(
        whole >= 0.8 * pre,
        "whole repair {whole} vs pre-crisis {pre}"
    );
    assert!(whole > none + 0.05, "repair {whole} vs none {none}");
    assert!(
        blaming < whole - 0.05,
        "blaming {blaming} vs honest {whole}"
    );

    // An unwilling party: a client that no longer wants to go on.
    let hostile = hostile_weeks(28..34);
    let s = calm(&format!(
        r#"{{"contract":{{"obligation":"result"}},"incidents":[{}],"interventions":[{{"kind":"trust_repair","week":34}}]}}"#,
        hostile.join(",")
    ));
    let h = run(&s);
    let failed = h.events.iter().any(|(_, e)| {
        matches!(
            e,
            Event::Intervention {
                outcome: relsim::sim::record::Outcome::Unwilling { .. },
                ..
            }
        )
    });
    assert!(failed, "the repair fails for want of will");
    assert!(h.rows[34 + 26].client_trust < 0.8 * pre);

    // A second apology adds nothing.
    let twice = run(&crisis(
        r#"{"kind":"trust_repair","week":32},{"kind":"trust_repair","week":80,"correct":false}"#,
    ));
    let once = run(&crisis(
        r#"{"kind":"trust_repair","week":32},{"kind":"trust_repair","week":80,"correct":false,"apologise":false}"#,
    ));
    assert_eq!(twice.rows, once.rows);
}

#[test]
fn fact_08_the_articles_figure() {
    let moments = [
        (40, "positive", 0.9),
        (80, "negative", 0.5),
        (120, "positive", 0.5),
        (160, "positive", 0.5),
        (200, "negative", 0.5),
    ];
    let incidents: Vec<String> = moments
        .iter()
        .map(|(w, pol, m)| {
            let kind = if *pol == "positive" {
                "help_beyond_contract"
            } else {
                "interpersonal_conflict"
            };
            incident(*w, "interpersonal", kind, pol, *m, "client")
        })
        .collect();
    let h = run(&calm(&format!(
        r#"{{"contract":{{"obligation":"result"}},"incidents":[{}]}}"#,
        incidents.join(",")
    )));
    for (w, pol, _) in moments {
        let change = h.rows[w as usize + 1].relationship - h.rows[w as usize - 1].relationship;
        let sign = if pol == "positive" { 1.0 } else { -1.0 };
        assert!(
            change * sign > 0.0,
            "moment at week {w} should move the line {pol}: {change}"
        );
    }
}

#[test]
fn fact_09_horizon_raises_effort_before_renewal() {
    let rise = |horizon: f64| {
        let h = run(&calm(&format!(r#"{{"supplier":{{"horizon":{horizon}}}}}"#)));
        mean(&h, 247, 260, |r| r.effort) - mean(&h, 50, 150, |r| r.effort)
    };
    assert!(rise(1.0) >= 0.2, "long horizon rise {}", rise(1.0));
    assert!(rise(0.0).abs() < 0.05, "no horizon rise {}", rise(0.0));
}

#[test]
fn fact_10_attention_is_bought() {
    let focus = |share: f64| {
        summary(
            &scenario(&format!(
                r#"{{"contract":{{"term_weeks":52}},"supplier":{{"client_share":{share}}}}}"#
            )),
            RUNS,
        )
        .mean
        .effort
    };
    assert!(focus(0.001) < focus(1.0));
}

#[test]
fn fact_11_business_kpis_beat_technical_ones() {
    let s = |kpi: &str| {
        summary(
            &scenario(&format!(
                r#"{{"contract":{{"obligation":"result","kpi_level":"{kpi}"}}}}"#
            )),
            RUNS,
        )
    };
    let (business, technical) = (s("business"), s("technical"));
    assert!(technical.mean.alignment < 0.8);
    assert!(business.mean.quality > technical.mean.quality);
    assert!(business.mean.client_appreciation > technical.mean.client_appreciation);
}

#[test]
fn fact_12_mediation_beats_court() {
    let hostile = hostile_weeks(20..26);
    let s = |repair: &str| {
        scenario(&format!(
            r#"{{"contract":{{"obligation":"result"}},"incidents":[{}],"interventions":[{repair}]}}"#,
            hostile.join(",")
        ))
    };
    let court = summary(&s(""), 200);
    let mediated = summary(
        &s(r#"{"kind":"trust_repair","week":30,"mediator":true}"#),
        200,
    );
    assert!(
        court.status_at_end.terminated > 0.5,
        "the crisis ends in court: {:?}",
        court.status_at_end
    );
    assert!(
        mediated.totals.client_cost < court.totals.client_cost,
        "mediated {} vs court {}",
        mediated.totals.client_cost,
        court.totals.client_cost
    );
}
