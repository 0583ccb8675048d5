//! The stylized facts of MODEL.md section 13 (version 3), one test each, at fixed points; the
//! robustness harness (`relsim robust`, `make robust`) tries each over sampled families and
//! perturbed constants.

mod common;

use common::{calm, incident, run};

/// Client trust `k` weeks after week 10 with an incident of `kind`/`pol`/`m` in week 10 (or none).
fn trust_later(track_record: f64, role: &str, inc: Option<(&str, &str, &str, f64)>) -> Vec<f64> {
    let inc = inc
        .map(|(cat, kind, pol, m)| incident(10, cat, kind, pol, m, "client"))
        .unwrap_or_default();
    let h = run(&calm(&format!(
        r#"{{"weeks":30,"supplier":{{"track_record":{track_record}}},"manager":{{"role":"{role}"}},"incidents":[{inc}]}}"#
    )));
    [1usize, 4, 12]
        .iter()
        .map(|k| h.rows[10 + k].client_trust)
        .collect()
}

/// Trust paths at one point of the asymmetry grid: without an incident, after a negative and
/// after a positive interpersonal incident of the same size (as [`trust_later`] gives them).
struct Asymmetry {
    t: f64,
    role: &'static str,
    m: f64,
    quiet: Vec<f64>,
    neg: Vec<f64>,
    pos: Vec<f64>,
}

/// The asymmetry grid: trust levels 0.15..0.85, every role, small and large sizes.
fn asymmetry_grid() -> impl Iterator<Item = Asymmetry> {
    let roles = ["none", "butler", "accountant", "representative", "nanny"];
    [0.15, 0.3, 0.5, 0.7, 0.85].into_iter().flat_map(move |t| {
        roles.into_iter().flat_map(move |role| {
            [0.2, 0.35, 0.6].into_iter().map(move |m| Asymmetry {
                t,
                role,
                m,
                quiet: trust_later(t, role, None),
                neg: trust_later(
                    t,
                    role,
                    Some(("interpersonal", "poor_cooperation", "negative", m)),
                ),
                pos: trust_later(
                    t,
                    role,
                    Some(("interpersonal", "good_cooperation", "positive", m)),
                ),
            })
        })
    })
}

#[test]
fn fact_24_lasting_asymmetry() {
    // At trust levels 0.15..0.85, with every role and small and large sizes, a negative
    // interpersonal incident moves trust at least three times as much as a positive one of the
    // same size — one, four and twelve weeks later.
    for a in asymmetry_grid() {
        let Asymmetry { t, role, m, .. } = a;
        for (i, k) in [1, 4, 12].iter().enumerate() {
            let drop = a.quiet[i] - a.neg[i];
            let rise = a.pos[i] - a.quiet[i];
            assert!(
                rise > 0.0 && drop >= 3.0 * rise,
                "trust {t}, {role}, size {m}, week +{k}: drop {drop:.4} vs rise {rise:.4}"
            );
        }
    }
}

#[test]
#[ignore]
fn asymmetry_table() {
    let grid: Vec<Asymmetry> = asymmetry_grid().collect();
    for k in 0..3 {
        let mut worst = (f64::INFINITY, String::new());
        for a in &grid {
            let r = (a.quiet[k] - a.neg[k]) / (a.pos[k] - a.quiet[k]);
            if r < worst.0 {
                worst = (r, format!("{} {} {}", a.t, a.role, a.m));
            }
        }
        println!("k {k}: worst ratio {:.2} at {}", worst.0, worst.1);
    }
}

#[test]
fn negative_business_incidents_cost_trust_less_than_interpersonal_ones() {
    for t in [0.3, 0.6] {
        let quiet = trust_later(t, "none", None);
        let business = trust_later(
            t,
            "none",
            Some(("business", "late_payment", "negative", 0.5)),
        );
        let personal = trust_later(
            t,
            "none",
            Some(("interpersonal", "poor_cooperation", "negative", 0.5)),
        );
        let (b, p) = (quiet[0] - business[0], quiet[0] - personal[0]);
        assert!(
            b > 0.0 && b < p,
            "trust {t}: business {b} vs interpersonal {p}"
        );
    }
}

#[test]
fn fact_21_no_role_wins_most_of_a_neutral_family() {
    // Ordinary situations (any contract, any incidents at the usual rates): which manager gives
    // the client the most net value varies — none wins most of them (at the defaults, over
    // these 100: Butler 44, Accountant 0, Representative 25, Nanny 31).
    use relsim::sim::robust::Pair;
    use relsim::sim::Role;
    let roles = [
        Role::Butler,
        Role::Accountant,
        Role::Representative,
        Role::Nanny,
    ];
    let mut wins = [0u32; 4];
    let n = 100;
    for i in 0..n {
        // Pair numbers from the joint-draw range use perturbed constants; these use the defaults.
        let mut p = Pair::new(21, i, 60);
        p.model = Default::default();
        let s = p.situation();
        let values: Vec<f64> = roles
            .iter()
            .map(|r| {
                let mut t = s.clone();
                t.manager.role = *r;
                t.manager.cost_per_week = None;
                p.summary(&t).totals.client_net_value
            })
            .collect();
        let best = (0..4)
            .max_by(|a, b| values[*a].total_cmp(&values[*b]))
            .unwrap();
        wins[best] += 1;
    }
    println!("net-value winners over {n} neutral situations: {roles:?} {wins:?}");
    assert!(
        wins.iter().all(|w| *w * 2 <= n),
        "a role wins most of a neutral family: {roles:?} {wins:?}"
    );
}

#[test]
fn the_relationship_type_rarely_contradicts_the_status() {
    // The type reads both parties' experienced and business appreciation against the critical
    // lower bound, the line the status is read against. Of the runs in partnership status most
    // of the term, none is "adversarial" most of the term, and at most one in 25 is
    // "businesslike" most of it (people unheard while the results carry the relationship inside
    // the bounds): 1 in 70 here, 1 in 14 when the type read the client's appreciation alone.
    // Under a fixed fee, a results contract and each role, 100 futures each.
    let (mut mostly_partnership, mut mostly_businesslike) = (0, 0);
    for json in [
        "{}",
        r#"{"manager":{"role":"representative"}}"#,
        r#"{"manager":{"role":"butler"}}"#,
        r#"{"manager":{"role":"accountant"}}"#,
        r#"{"manager":{"role":"nanny"}}"#,
        r#"{"contract":{"obligation":"result","fee_per_week":18}}"#,
    ] {
        for seed in 1..=100 {
            let mut s = common::scenario(json);
            s.seed = seed;
            let h = run(&s);
            let weeks = h.rows.len();
            let count =
                |f: &dyn Fn(&relsim::sim::Row) -> bool| h.rows.iter().filter(|r| f(r)).count();
            if 2 * count(&|r| r.status == relsim::sim::Status::Partnership) <= weeks {
                continue;
            }
            mostly_partnership += 1;
            let adversarial =
                count(&|r| r.relationship_type == relsim::sim::RelationshipType::Adversarial);
            assert!(
                2 * adversarial <= weeks,
                "{json} seed {seed}: {adversarial} of {weeks} weeks adversarial"
            );
            if 2 * count(&|r| r.relationship_type == relsim::sim::RelationshipType::Businesslike)
                > weeks
            {
                mostly_businesslike += 1;
            }
        }
    }
    assert!(
        25 * mostly_businesslike <= mostly_partnership,
        "{mostly_businesslike} of {mostly_partnership} runs mostly in partnership are mostly businesslike"
    );
}

#[test]
fn the_best_fixed_fee_lies_near_the_market_fee() {
    // MODEL.md section 13: the fixed fee that maximises the client's expected net value lies
    // within ±25 % of the market fee, not at the lowest fee allowed — with the supplier's
    // outside option at its default and at either end of ±20 %, and with a dearer market.
    // Fees from 10 to 30 k€ a week in steps of 1, 300 futures each.
    for (json, market) in [
        (r#"{}"#, 20.0),
        (r#"{"model":{"outside_option":0.4}}"#, 20.0),
        (r#"{"model":{"outside_option":0.6}}"#, 20.0),
        (r#"{"client":{"market_fee_per_week":24}}"#, 24.0),
    ] {
        let base = common::scenario(json);
        let best = (10..=30)
            .map(|fee| {
                let mut s = base.clone();
                s.contract.fee_per_week = fee as f64;
                (fee as f64, common::summary(&s, 300).totals.client_net_value)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        assert!(
            (best.0 / market - 1.0).abs() <= 0.25,
            "{json}: best fixed fee {} against a market fee of {market} (net value {:.0})",
            best.0,
            best.1
        );
    }
}
