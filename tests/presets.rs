//! Every preset runs and tells the story its description promises, in the numbers.

mod common;
use common::*;
use relsim::sim::{presets, Summary};

fn preset(id: &str, runs: u32) -> Summary {
    let p = presets::find(id).unwrap_or_else(|| panic!("preset {id} exists"));
    summary(&p.scenario(), runs)
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
    let s = presets::find("article-figure").unwrap().scenario();
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
    let mut bare = presets::find("farbo").unwrap().scenario();
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
    let residents = preset("residents-gym", 300);
    let commercial = preset("commercial-gym", 300);
    assert!(
        residents.mean.effort < 0.35,
        "residents' gym focus {}",
        residents.mean.effort
    );
    assert!(
        commercial.mean.effort > 0.8,
        "commercial gym focus {}",
        commercial.mean.effort
    );
    assert!(commercial.mean.client_appreciation > residents.mean.client_appreciation + 0.15);
    assert!(commercial.status_at_end.partnership > 0.8);
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
