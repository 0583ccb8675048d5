//! Every preset runs and tells the story its description promises, in the numbers.

mod common;
use common::*;
use relsim::sim::{presets, Scenario, Summary};

fn preset(id: &str, runs: u32) -> Summary {
    summary(&preset_scenario(id), runs)
}

/// Asserts that preset `a` is preset `b` but for what `align` sets from `b` (and the name and
/// description).
#[track_caller]
fn differ_only_in(a: &str, b: &str, what: &str, align: impl FnOnce(&mut Scenario, &Scenario)) {
    let (mut same, b) = (preset_scenario(a), preset_scenario(b));
    align(&mut same, &b);
    same.name = b.name.clone();
    same.description = b.description.clone();
    assert_eq!(same, b, "{what}");
}

#[test]
fn every_preset_parses_validates_and_has_a_story() {
    for p in presets::ALL {
        let s =
            relsim::sim::Scenario::from_json(p.json).unwrap_or_else(|e| panic!("{}: {e}", p.id));
        assert!(
            !s.name.is_empty() && (p.id == "default" || s.description.len() > 80),
            "{}",
            p.id
        );
    }
}

#[test]
fn article_figure_moves_up_down_up_up_down() {
    let s = preset_scenario("article-figure");
    let h = run(&s);
    for (inc, sign) in s.incidents.iter().zip([1.0, -1.0, 1.0, 1.0, -1.0]) {
        let w = inc.week as usize;
        let change = h.rows[w + 1].relationship - h.rows[w - 1].relationship;
        assert!(change * sign > 0.0, "week {w}: {change}");
    }
}

#[test]
fn farbo_escalates_then_gets_a_second_chance() {
    let s = preset("farbo", 300);
    assert!(
        s.weeks_in_status.escalation > 5.0,
        "{:?}",
        s.weeks_in_status
    );
    let going_on = s.status_at_end.partnership + s.status_at_end.supplier;
    assert!(going_on > 0.5, "{:?}", s.status_at_end);
    // Without the repair and renegotiation far fewer futures go on.
    let mut bare = preset_scenario("farbo");
    bare.interventions.clear();
    let b = summary(&bare, 300);
    assert!(
        b.status_at_end.partnership + b.status_at_end.supplier < going_on - 0.2,
        "{:?}",
        b.status_at_end
    );
}

#[test]
fn the_two_gyms() {
    // Only the contract differs.
    differ_only_in(
        "commercial-gym",
        "residents-gym",
        "the gyms differ in more than the contract",
        |same, r| same.contract = r.contract,
    );
    let residents = preset("residents-gym", 300);
    let commercial = preset("commercial-gym", 300);
    assert!(
        residents.mean.effort < 0.35,
        "residents' gym focus {}",
        residents.mean.effort
    );
    assert!(
        commercial.mean.effort > 0.7,
        "commercial gym focus {}",
        commercial.mean.effort
    );
    assert!(commercial.mean.client_appreciation > residents.mean.client_appreciation + 0.1);
    assert!(commercial.status_at_end.partnership > 0.6);
    assert!(commercial.totals.client_net_value > residents.totals.client_net_value);
}

/// Client net value and partnership share of each role over preset `id`'s situation.
fn roles_over(id: &str) -> Vec<(relsim::sim::Role, f64, f64)> {
    use relsim::sim::Role;
    let base = preset_scenario(id);
    [
        Role::Butler,
        Role::Accountant,
        Role::Representative,
        Role::Nanny,
    ]
    .into_iter()
    .map(|role| {
        let mut s = base.clone();
        s.manager.role = role;
        let r = summary(&s, 300);
        (role, r.totals.client_net_value, r.status_at_end.partnership)
    })
    .collect()
}

#[test]
fn each_role_preset_shows_its_role_ahead_in_net_value() {
    use relsim::sim::Role;
    for (id, role) in [
        ("accountant-cost-pressure", Role::Accountant),
        ("nanny-goal-drift", Role::Nanny),
        ("butler-friction", Role::Butler),
        ("representative-strategic", Role::Representative),
    ] {
        let s = preset_scenario(id);
        assert_eq!(s.manager.role, role, "{id} runs with its own role");
        let values = roles_over(id);
        let best = values.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
        assert_eq!(best.0, role, "{id}: {values:?}");
        // The stories' side remarks.
        match role {
            Role::Nanny => {
                let rep = values.iter().find(|v| v.0 == Role::Representative).unwrap();
                let second = values
                    .iter()
                    .filter(|v| v.0 != Role::Nanny)
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .unwrap();
                assert_eq!(
                    second.0, rep.0,
                    "{id}: the Representative comes second {values:?}"
                );
            }
            Role::Butler => {
                let rep = values.iter().find(|v| v.0 == Role::Representative).unwrap();
                assert!(
                    rep.2 > best.2,
                    "{id}: the Representative keeps more partnerships {values:?}"
                );
            }
            _ => {}
        }
    }
}

#[test]
fn the_opt_out_pair_tells_its_story() {
    differ_only_in(
        "crisis-early-opt-out",
        "crisis-no-opt-out",
        "the pair differs only in the opt-out",
        |same, _| same.contract.opt_out_week = None,
    );
    let (a, b) = (
        preset("crisis-early-opt-out", 300),
        preset("crisis-no-opt-out", 300),
    );
    // The bonus, not the opt-out, drives the supplier's effort under a results contract: it
    // works about as hard when the client may leave at will (at most a little less).
    assert!(
        a.mean.effort <= b.mean.effort && a.mean.effort > b.mean.effort - 0.02,
        "{} vs {}",
        a.mean.effort,
        b.mean.effort
    );
    // Escalations last about as long: the opt-out is a door, not a trap.
    assert!(
        a.weeks_in_status.escalation > 0.7 * b.weeks_in_status.escalation,
        "{:?} vs {:?}",
        a.weeks_in_status,
        b.weeks_in_status
    );
    // Most futures go on after the mediated repair in both.
    assert!(a.status_at_end.terminated < 0.5 && b.status_at_end.terminated < 0.5);
}

#[test]
fn public_cloud_gives_a_small_customer_little_attention() {
    let s = preset("public-cloud", 300);
    assert!(s.mean.effort < 0.4, "{}", s.mean.effort);
    assert!(s.mean.client_appreciation < 0.45);
}

#[test]
fn helpdesk_is_mostly_taken_back_in_house() {
    let s = preset("helpdesk-insourced", 300);
    assert!(
        s.status_at_end.ended + s.status_at_end.terminated > 0.8,
        "{:?}",
        s.status_at_end
    );
    assert!(s.status_at_end.ended > 0.5);
}

#[test]
fn healthy_partnership_stays_a_partnership() {
    let s = preset("healthy-partnership", 300);
    assert!(s.status_at_end.partnership > 0.8, "{:?}", s.status_at_end);
    assert!(s.mean.alignment > 0.8 && s.mean.client_trust > 0.7);
}

#[test]
fn a_version_1_scenario_still_loads_and_runs() {
    // As saved by version 1: explicit manager cost, no market fee or value.
    let v1 = r#"{"schema_version":1,"name":"old","contract":{"obligation":"result","fee_per_week":18},
        "client":{"budget_pressure":0.4,"need":0.8},"manager":{"role":"butler","cost_per_week":1.5}}"#;
    let s = relsim::sim::Scenario::from_json(v1).expect("a version-1 file loads");
    assert_eq!(
        s.schema_version,
        relsim::sim::scenario::SCHEMA_VERSION,
        "migrated to the current version"
    );
    assert_eq!(
        s.manager.cost_per_week,
        Some(1.5),
        "an explicit cost is kept"
    );
    assert_eq!(s.client.market_fee_per_week, 20.0);
    assert_eq!(s.client.value_per_week, 30.0);
    let h = run(&s);
    assert_eq!(h.rows.len(), 260);
    assert!(h.rows.iter().all(|r| r.client_net_value.is_finite()));
    // Without a cost the role's default applies.
    let s = relsim::sim::Scenario::from_json(
        r#"{"schema_version":1,"manager":{"role":"representative"}}"#,
    )
    .unwrap();
    assert_eq!(
        s.manager
            .cost(s.manager.role, &s.params(), s.contract.fee_per_week),
        relsim::sim::Role::Representative.default_cost(&s.params(), s.contract.fee_per_week)
    );
    assert!(relsim::sim::Scenario::from_json(r#"{"schema_version":3}"#).is_err());
}
