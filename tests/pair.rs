//! Both sides played by people: a proposal is answered at the next moment, an own act takes
//! effect at once, neither side's options depend on the other's choice of the same moment, and
//! a pair's play replays bit for bit from its decisions.

use relsim::sim::exercise::{
    builtin_pair, Exercise, PairDecision, PairPlay, Side, ACCEPT, BUILTIN_PAIRS, CARRY_ON,
};
use relsim::sim::intervention::Intervention;

fn farbo_pair() -> Exercise {
    builtin_pair("farbo-pair").expect("the built-in pair exercise parses")
}

/// Plays with `pick(moment, side) -> option id` (carry on when the id is not offered).
fn play(ex: &Exercise, pick: impl Fn(usize, Side, &[&str]) -> String) -> PairPlay {
    let mut p = PairPlay::new(ex.clone());
    let mut m = 0;
    while !p.is_finished() {
        let ids = |side| {
            p.options(side)
                .iter()
                .map(|(id, _)| id.to_string())
                .collect::<Vec<_>>()
        };
        let (c, s) = (ids(Side::Client), ids(Side::Supplier));
        let c = pick(
            m,
            Side::Client,
            &c.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        let s = pick(
            m,
            Side::Supplier,
            &s.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        p.decide(&c, &s).unwrap();
        m += 1;
    }
    p
}

/// Plays taking `want(moment, side)` where it is offered, carrying on elsewhere.
fn wanting(ex: &Exercise, want: impl Fn(usize, Side) -> &'static str) -> PairPlay {
    play(ex, |m, side, offered| {
        let w = want(m, side);
        if offered.contains(&w) { w } else { CARRY_ON }.into()
    })
}

#[test]
fn every_built_in_pair_exercise_is_valid_and_two_sided() {
    for (id, json) in BUILTIN_PAIRS {
        let ex = Exercise::from_json(json).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(ex.is_two_sided() && !ex.supplier_menu.is_empty(), "{id}");
        let p = play(&ex, |_, _, _| CARRY_ON.into());
        assert!(p.decisions.len() >= 3, "{id}: moments to decide at");
    }
}

#[test]
fn a_proposal_is_answered_at_the_next_moment_and_an_own_act_takes_effect_at_once() {
    let ex = farbo_pair();
    // Moment 0: the client proposes a results contract, the supplier commits to customer focus.
    // Moment 1: the supplier accepts. Then both carry on.
    let p = play(&ex, |m, side, offered| match (m, side) {
        (0, Side::Client) => "results_contract".into(),
        (0, Side::Supplier) => "customer_focus".into(),
        (1, Side::Supplier) => {
            assert!(
                offered.contains(&ACCEPT),
                "the proposal is offered to the supplier"
            );
            ACCEPT.into()
        }
        (1, Side::Client) => {
            assert!(
                !offered.contains(&ACCEPT),
                "the client has nothing to answer"
            );
            CARRY_ON.into()
        }
        (_, _) => {
            assert!(
                !offered.contains(&ACCEPT),
                "an answered proposal is not offered again"
            );
            CARRY_ON.into()
        }
    });
    let s = ex.with_pair_decisions(&p.decisions);
    let (w0, w1) = (p.decisions[0].week, p.decisions[1].week);
    let kinds: Vec<(&str, u32)> = s
        .interventions
        .iter()
        .map(|i| (i.kind_id(), i.week()))
        .collect();
    assert_eq!(kinds, [("effort_policy", w0), ("renegotiate", w1)]);
    // A refused proposal changes nothing.
    let refused = play(&ex, |m, side, _| {
        if m == 0 && side == Side::Client {
            "results_contract".into()
        } else {
            CARRY_ON.into()
        }
    });
    let nothing = play(&ex, |_, _, _| CARRY_ON.into());
    assert_eq!(refused.history().rows, nothing.history().rows);
    // Accepting with nothing proposed is refused, naming the side.
    let mut q = PairPlay::new(ex.clone());
    let e = q.decide(CARRY_ON, ACCEPT).unwrap_err();
    assert!(e.starts_with("supplier: 'accept'"), "{e}");
    assert!(q.decisions.is_empty());
}

#[test]
fn a_sides_options_never_depend_on_the_others_choice_of_the_same_moment() {
    let ex = farbo_pair();
    let base = PairPlay::new(ex.clone());
    let before: Vec<String> = base
        .options(Side::Supplier)
        .iter()
        .map(|(i, _)| i.to_string())
        .collect();
    for (client, _) in base.options(Side::Client) {
        let mut p = base.clone();
        // What the supplier is offered is fixed before the client's choice is known.
        let offered: Vec<String> = p
            .options(Side::Supplier)
            .iter()
            .map(|(i, _)| i.to_string())
            .collect();
        assert_eq!(offered, before);
        p.decide(client, CARRY_ON).unwrap();
    }
}

#[test]
fn a_pairs_play_replays_bit_for_bit_and_a_moved_week_is_named() {
    let ex = farbo_pair();
    let p = wanting(&ex, |m, side| match (m, side) {
        (0, Side::Supplier) => "supplier_repair",
        (1, Side::Client) => "realign",
        (2, Side::Supplier) => ACCEPT,
        (3, Side::Supplier) => "fee_rise",
        (4, Side::Client) => ACCEPT,
        _ => CARRY_ON,
    });
    let again = PairPlay::replay(ex.clone(), &p.decisions).unwrap();
    let (a, b) = (p.scores(), again.scores());
    assert_eq!(a.0.total.to_bits(), b.0.total.to_bits());
    assert_eq!(a.1.total.to_bits(), b.1.total.to_bits());
    assert_eq!(a.2.to_bits(), b.2.to_bits());
    assert_eq!(
        a.2,
        a.0.money + a.1.money,
        "the joint value is both sides' money"
    );
    let mut moved: Vec<PairDecision> = p.decisions.clone();
    moved[1].week += 1;
    let e = PairPlay::replay(ex.clone(), &moved).unwrap_err();
    assert!(e.starts_with("decisions[1].week"), "{e}");
    let mut invented = p.decisions.clone();
    invented[0].supplier = "bribe_the_auditor".into();
    let e = PairPlay::replay(ex, &invented).unwrap_err();
    assert!(e.starts_with("decisions[0].supplier"), "{e}");
}

#[test]
fn a_two_sided_exercise_is_validated_per_side() {
    let mut ex = farbo_pair();
    ex.sides = vec![Side::Supplier, Side::Client];
    assert_eq!(ex.validate().unwrap_err().path, "sides");
    let mut ex = farbo_pair();
    ex.supplier_menu[0].action = Intervention::Exit(Default::default());
    assert_eq!(
        ex.validate().unwrap_err().path,
        "supplier_menu[0].action.kind"
    );
    // Escalating is the client's; leaving through the supplier's door is the supplier's.
    let mut ex = farbo_pair();
    ex.supplier_menu[0].action = Intervention::Escalate(Default::default());
    assert_eq!(
        ex.validate().unwrap_err().path,
        "supplier_menu[0].action.kind"
    );
    let mut ex = farbo_pair();
    ex.menu[0].action = Intervention::SupplierExit(Default::default());
    assert_eq!(ex.validate().unwrap_err().path, "menu[0].action.kind");
    let mut ex = farbo_pair();
    ex.menu[0].id = ACCEPT.into();
    assert_eq!(ex.validate().unwrap_err().path, "menu[0].id");
    let mut ex = farbo_pair();
    ex.sides.clear();
    assert_eq!(ex.validate().unwrap_err().path, "supplier_menu");
    let mut ex = farbo_pair();
    ex.supplier_menu.clear();
    assert_eq!(ex.validate().unwrap_err().path, "supplier_menu");
}

#[test]
fn the_debrief_of_a_pair_names_refused_proposals_reads_moods_and_places_the_pair_among_futures() {
    use relsim::sim::exercise::{mood_read, pair_luck};
    let ex = farbo_pair();
    let p = wanting(&ex, |m, side| match (m, side) {
        (0, Side::Client) => "results_contract",
        (0, Side::Supplier) => "fee_rise",
        (1, Side::Supplier) => ACCEPT,
        _ => CARRY_ON,
    });
    let proposals = ex.proposals(&p.decisions);
    let told: Vec<(Side, &str, bool)> = proposals
        .iter()
        .map(|q| (q.by, q.option.as_str(), q.accepted))
        .collect();
    assert_eq!(
        told,
        [
            (Side::Client, "results_contract", true),
            (Side::Supplier, "fee_rise", false)
        ]
    );
    // A mood is read within its reading error of the other's trust, the same on every replay.
    let rows = &p.history().rows[..20];
    let read = mood_read(&ex, rows, Side::Client).unwrap();
    assert!((read - rows[19].supplier_trust).abs() <= 0.15 + 1e-12);
    assert_eq!(
        read.to_bits(),
        mood_read(&ex, rows, Side::Client).unwrap().to_bits()
    );
    // The luck of the pair's policy is a share of futures, and a higher bar is beaten less.
    let (_, _, joint) = p.scores();
    let share = pair_luck(&ex, &p.decisions, joint, 40);
    assert!((0.0..=1.0).contains(&share));
    assert!(pair_luck(&ex, &p.decisions, joint + 1e6, 40) >= share);
    assert_eq!(pair_luck(&ex, &p.decisions, f64::NEG_INFINITY, 40), 0.0);
    // Each side's worst reading of the other, at one of the play's moments.
    let worst = relsim::sim::exercise::misreadings(&ex, &p.history().rows, &p.decisions);
    assert_eq!(
        worst.iter().map(|w| w.0).collect::<Vec<_>>(),
        [Side::Client, Side::Supplier]
    );
    for (_, week, read, actual) in worst {
        assert!(p.decisions.iter().any(|d| d.week == week));
        assert!((read - actual).abs() <= 0.15 + 1e-12);
    }
}

#[test]
fn a_side_sees_the_incidents_it_takes_part_in_and_only_those() {
    use relsim::sim::record::Event;
    use relsim::sim::Party;
    let ex = farbo_pair();
    let p = play(&ex, |_, _, _| CARRY_ON.into());
    let party = |e: &Event| match e {
        Event::Incident { incident, .. } => Some(incident.party),
        _ => None,
    };
    let client: Vec<_> = p.incidents_of(Side::Client, 0);
    let supplier: Vec<_> = p.incidents_of(Side::Supplier, 0);
    assert!(
        !client.is_empty() && !supplier.is_empty(),
        "FARBO's scripted incidents concern both"
    );
    assert!(client.iter().all(|(_, e)| party(e) == Some(Party::Client)));
    assert!(supplier
        .iter()
        .all(|(_, e)| party(e) == Some(Party::Supplier)));
    // Nothing from weeks not yet seen.
    let early = PairPlay::new(ex);
    assert!(early
        .incidents_of(Side::Client, 0)
        .iter()
        .all(|(w, _)| *w < early.seen()));
}

/// What the pair exercises teach holds over other futures, not just their own: pairs that
/// tend the relationship together make more together than pairs that carry on.
#[test]
fn a_pair_that_works_together_makes_more_together_over_many_futures() {
    use relsim::sim::{run, Scenario};
    let mean_joint = |ex: &Exercise, decisions: &[PairDecision]| {
        let s: Scenario = ex.with_pair_decisions(decisions);
        let total: f64 = (1..=60u64)
            .map(|i| {
                let mut f = s.clone();
                f.seed = s.seed.wrapping_add(i);
                run(&f)
                    .rows
                    .iter()
                    .map(|r| r.client_net_value + r.supplier_margin)
                    .sum::<f64>()
            })
            .sum();
        total / 60.0
    };
    for (id, client_first, supplier_first) in [
        ("stale-pair", "realign", "service_commitment"),
        ("farbo-pair", "results_contract", "supplier_repair"),
    ] {
        let ex = builtin_pair(id).unwrap();
        // Moment 0: the client proposes, the supplier does its part; moment 1: the supplier accepts.
        let together = play(&ex, |m, side, offered| {
            let want = match (m, side) {
                (0, Side::Client) => client_first,
                (0, Side::Supplier) => supplier_first,
                (1, Side::Supplier) => ACCEPT,
                _ => CARRY_ON,
            };
            assert!(
                m > 1 || offered.contains(&want),
                "{id}: {want} offered at moment {m}"
            );
            if offered.contains(&want) {
                want.into()
            } else {
                CARRY_ON.into()
            }
        });
        let alone = play(&ex, |_, _, _| CARRY_ON.into());
        let (a, b) = (
            mean_joint(&ex, &together.decisions),
            mean_joint(&ex, &alone.decisions),
        );
        assert!(
            a > b + 200.0,
            "{id}: together {a:.0} k€ vs carrying on {b:.0} k€"
        );
    }
}

/// Plays `option` for `side` at the first moment and carries on elsewhere (an option not
/// offered fails the play).
fn at_first(ex: &Exercise, side: Side, option: &'static str) -> PairPlay {
    play(ex, |m, s, _| {
        if m == 0 && s == side {
            option
        } else {
            CARRY_ON
        }
        .into()
    })
}

#[test]
fn each_side_has_its_last_lever_and_the_supplier_its_repair_steps_apart() {
    use relsim::sim::record::Status;
    let ex = farbo_pair();
    let first = PairPlay::new(ex.clone()).seen() as usize;
    // The client escalates at the first moment: the relationship is in escalation that week.
    let escalated = at_first(&ex, Side::Client, "escalate");
    assert_eq!(escalated.history().rows[first].status, Status::Escalation);
    // The supplier leaves at the first moment: the play is over, the contract terminated, and
    // the supplier's own money falls short of staying (a breach: FARBO has no opt-out).
    let left = at_first(&ex, Side::Supplier, "supplier_exit");
    assert_eq!(left.decisions.len(), 1);
    assert_eq!(left.history().rows[first].status, Status::Terminated);
    let stayed = play(&ex, |_, _, _| CARRY_ON.into());
    assert!(left.scores().1.money < stayed.scores().1.money);
    assert!(left.scores().1.total < stayed.scores().1.total);
    // The repair's steps are choices of their own, and the full repair recovers most.
    let ids: Vec<&str> = ex.supplier_menu.iter().map(|c| c.id.as_str()).collect();
    for step in [
        "supplier_apologise",
        "supplier_explain",
        "supplier_compensate",
        "supplier_repair",
    ] {
        assert!(ids.contains(&step), "{step} in {ids:?}");
    }
    let trust_after = |option: &'static str| {
        let p = at_first(&ex, Side::Supplier, option);
        p.history().rows[first + 26].client_trust
    };
    let full = trust_after("supplier_repair");
    for part in [
        "supplier_apologise",
        "supplier_explain",
        "supplier_compensate",
    ] {
        assert!(
            trust_after(part) < full,
            "{part} recovers less than the full repair"
        );
    }
}
