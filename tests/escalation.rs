//! The client's escalation and the supplier's exit, the two parties' last levers: escalating
//! puts the contract at stake at a price in the supplier's trust; a supplier that leaves pays
//! for a breach unless an opt-out is open.

use relsim::sim::intervention::{AtWeek, Intervention};
use relsim::sim::record::{Event, Status, StatusCause};
use relsim::sim::{run, History, Scenario};

const WEEK: u32 = 30;

/// A calm scenario (no random incidents, so both runs see the same world) with `x` at [`WEEK`].
fn with(x: Option<Intervention>, opt_out: Option<u32>) -> History {
    let mut s =
        Scenario::from_json(r#"{"random_rates":{"external":0,"interpersonal":0,"business":0}}"#)
            .unwrap();
    s.contract.opt_out_week = opt_out;
    s.interventions.extend(x);
    run(&s)
}

fn cause_at(h: &History, week: u32) -> Option<StatusCause> {
    h.events.iter().find_map(|(w, e)| match e {
        Event::Status { cause, .. } if *w == week => Some(*cause),
        _ => None,
    })
}

#[test]
fn escalating_puts_the_contract_at_stake_and_costs_the_supplier_trust() {
    let calm = with(None, None);
    let escalated = with(Some(Intervention::Escalate(AtWeek { week: WEEK })), None);
    let w = WEEK as usize;
    assert_eq!(
        calm.rows[..w],
        escalated.rows[..w],
        "the same until the escalation"
    );
    assert_ne!(calm.rows[w].status, Status::Escalation);
    assert_eq!(escalated.rows[w].status, Status::Escalation);
    assert_eq!(cause_at(&escalated, WEEK), Some(StatusCause::Escalated));
    assert!(
        escalated.rows[w].supplier_trust < calm.rows[w].supplier_trust,
        "the supplier feels its failures raised: {} vs {}",
        escalated.rows[w].supplier_trust,
        calm.rows[w].supplier_trust
    );
    assert!(
        escalated.rows[w].client_cost > calm.rows[w].client_cost,
        "the meeting costs the client"
    );
    // Escalating again while in escalation changes nothing.
    let mut twice =
        Scenario::from_json(r#"{"random_rates":{"external":0,"interpersonal":0,"business":0}}"#)
            .unwrap();
    twice.interventions = vec![
        Intervention::Escalate(AtWeek { week: WEEK }),
        Intervention::Escalate(AtWeek { week: WEEK + 1 }),
    ];
    let twice = run(&twice);
    assert_eq!(twice.rows[w + 1], escalated.rows[w + 1]);
    // While the contract is at stake the supplier works harder; afterwards the partnership is
    // lost and goodwill with it: an escalation without cause does not pay the client.
    let mean = |h: &History, from: usize, to: usize| {
        h.rows[from..to].iter().map(|r| r.effort).sum::<f64>() / (to - from) as f64
    };
    assert!(mean(&escalated, w, w + 10) > mean(&calm, w, w + 10) + 0.05);
    let later = w + 52;
    assert_eq!(escalated.rows[later].status, Status::Supplier);
    assert_eq!(calm.rows[later].status, Status::Partnership);
    assert!(mean(&escalated, later, later + 52) < mean(&calm, later, later + 52));
    let total = |h: &History| h.rows.iter().map(|r| r.client_net_value).sum::<f64>();
    assert!(
        total(&escalated) < total(&calm),
        "{} vs {}",
        total(&escalated),
        total(&calm)
    );
}

#[test]
fn a_supplier_leaving_before_its_opt_out_pays_for_a_breach_and_after_it_does_not() {
    let exit = Some(Intervention::SupplierExit(AtWeek { week: WEEK }));
    let calm = with(None, Some(WEEK - 10));
    let through_door = with(exit.clone(), Some(WEEK - 10));
    let breach = with(exit, None);
    let w = WEEK as usize;
    assert_eq!(through_door.rows[w].status, Status::Terminated);
    assert_eq!(breach.rows[w].status, Status::Terminated);
    assert_eq!(
        cause_at(&through_door, WEEK),
        Some(StatusCause::SupplierLeft)
    );
    assert_eq!(cause_at(&breach, WEEK), Some(StatusCause::SupplierBreach));
    // The week's margin: a breach costs the supplier the exit fee and half a legal fight.
    let fee = Scenario::default().contract.fee_per_week;
    let lost = through_door.rows[w].supplier_margin - breach.rows[w].supplier_margin;
    assert!(
        lost > 12.0 / 2.0 * fee * 0.5,
        "a breach costs the supplier {lost} k€ more"
    );
    assert!(calm.rows[w].status != Status::Terminated);
    // The client bears its transition either way.
    assert!(through_door.rows[w].client_cost > calm.rows[w].client_cost);
}
