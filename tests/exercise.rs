//! Training exercises: validation names the field, plays are deterministic, the luck-or-skill
//! replay places the participant among other futures, and result files round-trip into a board.

mod common;

use relsim::sim::exercise::{
    builtin, class_board, luck_or_skill, Debrief, Exercise, ExerciseResult, Play, Text, BUILTIN,
    CARRY_ON,
};

fn builtin_json(id: &str) -> &'static str {
    BUILTIN.iter().find(|(i, _)| *i == id).expect("built in").1
}

fn farbo() -> Exercise {
    builtin("farbo-crisis").expect("built-in farbo-crisis parses")
}

/// Plays taking option `pick(moment)` at each moment.
fn play(ex: &Exercise, pick: impl Fn(usize) -> usize) -> Play {
    let mut p = Play::new(ex.clone());
    let mut n = 0;
    while !p.is_finished() {
        p.decide(pick(n));
        n += 1;
    }
    p
}

#[test]
fn every_builtin_exercise_is_valid_and_playable_with_a_goal() {
    assert!(BUILTIN.len() >= 3);
    for (id, json) in BUILTIN {
        let ex = Exercise::from_json(json).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(ex.id, *id);
        assert!(
            !ex.goal.en.is_empty() && !ex.goal.nl.is_empty(),
            "{id} goal"
        );
        assert!(
            !ex.briefing.nl.is_empty() && !ex.title.nl.is_empty(),
            "{id} dutch"
        );
        let p = Play::new(ex.clone());
        assert!(!p.is_finished(), "{id} has a first decision moment");
        assert!(p.seen() > 0 && p.seen() < ex.scenario.weeks);
        let done = play(&ex, |_| 0);
        assert!(done.is_finished());
        assert!(!done.decisions.is_empty());
        assert!(done.decisions.iter().all(|d| d.option == CARRY_ON));
        // The recorded best path beats never intervening on the exercise's own future.
        let d = Debrief::of(&done, 20);
        let best = d.best.expect("best path recorded").total;
        assert!(
            best > d.carry_on.total,
            "{id}: best {best} vs carry on {}",
            d.carry_on.total
        );
        // Carrying on everywhere is never intervening.
        assert!((d.score.total - d.carry_on.total).abs() < 1e-12, "{id}");
    }
}

#[test]
fn bad_files_are_named_by_field() {
    let base: serde_json::Value = serde_json::from_str(BUILTIN[0].1).unwrap();
    let cases: [(&str, serde_json::Value, &str); 8] = [
        ("/moments/every_weeks", 9999.into(), "moments.every_weeks"),
        ("/moments/max_decisions", 0.into(), "moments.max_decisions"),
        (
            "/moments/after_incident_above",
            1.5.into(),
            "moments.after_incident_above",
        ),
        ("/scoring/money", (-1.0).into(), "scoring.money"),
        ("/menu/0/id", "carry_on".into(), "menu[0].id"),
        (
            "/menu/0/action/compensation",
            (-5.0).into(),
            "menu[0].action.compensation",
        ),
        (
            "/best_path/0/option",
            "teleport".into(),
            "best_path[0].option",
        ),
        ("/scenario/weeks", 9999.into(), "scenario.weeks"),
    ];
    for (pointer, value, path) in cases {
        let mut v = base.clone();
        *v.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer}")) = value;
        let e = Exercise::from_json(&v.to_string()).unwrap_err();
        assert_eq!(e.path, path, "{pointer}: {e}");
        assert!(!e.message.is_empty());
    }
    let mut v = base.clone();
    v["menu"][1]["id"] = v["menu"][0]["id"].clone();
    assert_eq!(
        Exercise::from_json(&v.to_string()).unwrap_err().path,
        "menu[1].id"
    );
    let mut v = base.clone();
    v["moments"]["every_weeks"] = 0.into();
    v["moments"]["after_incident_above"] = serde_json::Value::Null;
    assert_eq!(
        Exercise::from_json(&v.to_string()).unwrap_err().path,
        "moments"
    );
    let mut v = base.clone();
    v["side"] = "supplier".into();
    let e = Exercise::from_json(&v.to_string()).unwrap_err();
    assert!(
        e.path.ends_with(".action.kind") && e.message.contains("exit"),
        "{e}"
    );
    // The supplier's effort policy: its range is named, and the client side may not decide it.
    let stale: serde_json::Value = serde_json::from_str(builtin_json("stale-partnership")).unwrap();
    let i = stale["menu"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["action"]["kind"] == "effort_policy")
        .expect("stale-partnership offers an effort policy");
    let mut v = stale.clone();
    v["menu"][i]["action"]["min_effort"] = 1.2.into();
    let e = Exercise::from_json(&v.to_string()).unwrap_err();
    assert_eq!(e.path, format!("menu[{i}].action.min_effort"));
    assert!(e.message.contains("0..=1"), "{e}");
    let mut v = stale.clone();
    v["side"] = "client".into();
    let e = Exercise::from_json(&v.to_string()).unwrap_err();
    assert_eq!(e.path, format!("menu[{i}].action.kind"));
    assert!(e.message.contains("effort policy"), "{e}");
    let mut v = base.clone();
    v["brefing"] = "typo".into();
    let e = Exercise::from_json(&v.to_string()).unwrap_err();
    assert!(e.message.contains("unknown field `brefing`"), "{e}");
    assert!(Exercise::from_json("{").is_err());
}

#[test]
fn same_decisions_same_score_and_different_decisions_different_paths() {
    let ex = farbo();
    let pick = |n: usize| if n == 1 { 1 } else { 0 };
    let a = play(&ex, pick);
    let b = play(&ex, pick);
    assert_eq!(a.decisions, b.decisions);
    assert_eq!(a.history(), b.history());
    let c = play(&ex, |n| if n == 1 { 3 } else { 0 });
    assert_ne!(a.history().rows, c.history().rows);
    // Up to the decision the two paths are the same future.
    let w = a.decisions[1].week as usize;
    assert_eq!(c.decisions[1].week as usize, w);
    assert_eq!(a.history().rows[..w], c.history().rows[..w]);
    // A replay from the decisions (what a result file holds) is the same play.
    let r = Play::replay(ex.clone(), &a.decisions);
    assert_eq!(r.history(), a.history());
}

#[test]
fn only_the_past_is_shown_while_playing() {
    let ex = farbo();
    let mut p = Play::new(ex.clone());
    let first = p.seen();
    assert_eq!(p.past().len() as u32, first);
    p.decide(0);
    assert!(p.seen() > first);
    assert!(p
        .events_since(first)
        .all(|(w, _)| *w >= first && *w < p.seen()));
}

#[test]
fn luck_or_skill_places_the_outcome_among_other_futures() {
    let ex = farbo();
    let p = play(&ex, |n| if n == 0 { 1 } else { 0 });
    let d = Debrief::of(&p, 200);
    let l = &d.luck;
    assert_eq!(l.runs, 200);
    assert!((0.0..=100.0).contains(&l.percentile));
    assert!(l.p10 <= l.median && l.median <= l.p90);
    // The percentile is the share of futures scoring below: a score above every future is 100,
    // below every future is 0.
    assert_eq!(
        luck_or_skill(&ex, &p.decisions, 101.0, 50).percentile,
        100.0
    );
    assert_eq!(luck_or_skill(&ex, &p.decisions, -1.0, 50).percentile, 0.0);
    // Never intervening never beats itself.
    let never = play(&ex, |_| 0);
    assert_eq!(
        luck_or_skill(&ex, &never.decisions, 50.0, 50).beats_carry_on,
        0.0
    );
    // Same input, same answer.
    assert_eq!(luck_or_skill(&ex, &p.decisions, d.score.total, 200), *l);
    assert!(d.moments.len() <= 3 && !d.moments.is_empty());
    for w in d.moments.windows(2) {
        assert!(w[0].change.abs() >= w[1].change.abs(), "largest first");
    }
    // Each moment is an incident or intervention that happened in that week of this play.
    for m in &d.moments {
        assert!(p.history().events_in(m.week).any(|e| matches!(
            e,
            relsim::sim::Event::Incident { .. } | relsim::sim::Event::Intervention { .. }
        )));
    }
}

#[test]
fn result_files_round_trip_into_a_class_board() {
    let ex = farbo();
    let results: Vec<ExerciseResult> = (0..4)
        .map(|k| {
            let p = play(&ex, |n| if n == 0 { k } else { 0 });
            let d = Debrief::of(&p, 10);
            let json = d.result(&p, &format!("P{k}")).to_json();
            ExerciseResult::from_json(&json).unwrap()
        })
        .collect();
    let board = class_board(&results);
    assert_eq!(board.ranking.len(), 4);
    for w in board.ranking.windows(2) {
        assert!(results[w[0]].score.total >= results[w[1]].score.total);
    }
    let first = &board.decisions[0];
    assert_eq!(first.counts.iter().map(|c| c.1).sum::<u32>(), 4);
    assert_eq!(first.counts[0].0, CARRY_ON);
    let e = ExerciseResult::from_json(r#"{"kind":"other"}"#).unwrap_err();
    assert!(
        e.message.contains("missing field") || e.path == "kind",
        "{e}"
    );
    let mut v: serde_json::Value = serde_json::from_str(&results[0].to_json()).unwrap();
    v["kind"] = "scenario".into();
    assert_eq!(
        ExerciseResult::from_json(&v.to_string()).unwrap_err().path,
        "kind"
    );
}

#[test]
fn a_trainer_turns_any_preset_into_a_valid_exercise() {
    let blank = relsim::sim::Scenario {
        description: String::new(),
        ..Default::default()
    };
    let ex = Exercise::from_scenario(&blank, relsim::sim::exercise::Side::Client);
    ex.validate().unwrap();
    for p in relsim::sim::presets::ALL {
        for side in [
            relsim::sim::exercise::Side::Client,
            relsim::sim::exercise::Side::Supplier,
        ] {
            let ex = Exercise::from_scenario(&p.scenario(), side);
            ex.validate().unwrap_or_else(|e| panic!("{}: {e}", p.id));
            let back = Exercise::from_json(&ex.to_json()).unwrap();
            assert_eq!(back, ex);
        }
    }
}

#[test]
fn a_trainers_texts_take_both_languages_and_an_empty_one_shows_the_other() {
    assert_eq!(Text::typed("  ", ""), None);
    let t = Text::typed(" Title ", "Titel").unwrap();
    assert_eq!((t.en.as_str(), t.nl.as_str()), ("Title", "Titel"));
    let t = Text::typed("", "Alleen Nederlands").unwrap();
    assert_eq!(t.en, "Alleen Nederlands");
    let q = Text {
        en: "Why?\n\n  When?  \n".into(),
        nl: "Waarom?".into(),
    }
    .lines();
    assert_eq!(q.len(), 2);
    assert_eq!((q[0].en.as_str(), q[0].nl.as_str()), ("Why?", "Waarom?"));
    assert_eq!((q[1].en.as_str(), q[1].nl.as_str()), ("When?", "When?"));
    // Both languages survive the exercise file.
    let mut ex = Exercise::from_scenario(
        &relsim::sim::Scenario::default(),
        relsim::sim::exercise::Side::Client,
    );
    ex.title = Text::typed("A title", "Een titel").unwrap();
    ex.questions = q;
    let back = Exercise::from_json(&ex.to_json()).unwrap();
    assert_eq!(back.title.get("nl"), "Een titel");
    assert_eq!(back.title.get("en"), "A title");
    assert_eq!(back.questions, ex.questions);
}

#[test]
fn every_built_in_exercise_makes_claims_and_they_hold_over_its_futures() {
    // Each built-in exercise states its lesson as claims over its numbers; each holds on the
    // mean over 200 futures, every path played at its own moments.
    for (id, _) in relsim::sim::exercise::BUILTIN {
        let ex = relsim::sim::exercise::builtin(id).unwrap();
        assert!(ex.claims.len() >= 2, "{id} states its lesson as claims");
        for c in ex.check_claims(relsim::sim::exercise::CLAIM_FUTURES) {
            assert!(c.holds, "{id}: {} — {}", c.claim.describe(), c.detail);
        }
    }
}

#[test]
fn a_wrong_claim_fails_with_its_text_and_numbers() {
    use relsim::sim::exercise::{Claim, Path};
    let ex = relsim::sim::exercise::builtin("farbo-crisis").unwrap();
    // Leaving at the first moment does not beat the full repair.
    let wrong = Claim::Beats {
        path: Path::Options(vec!["exit".into()]),
        than: Path::Best,
        by: 0.0,
    };
    let c = &ex.check(&[wrong], 50)[0];
    assert!(!c.holds);
    assert_eq!(
        c.claim.describe(),
        "taking exit scores at least 0 points more than the best path"
    );
    assert!(c.detail.contains("taking exit scores"), "{}", c.detail);
    // And the CLI refuses an exercise whose claim does not hold, naming it.
    let mut bad = ex.clone();
    bad.claims = vec![Claim::EndsInPartnership {
        path: Path::CarryOn,
        share: 0.9,
    }];
    let file = common::tmp("wrong-claim.json", &bad.to_json());
    let out = common::relsim(&["exercise", "validate", &file]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("FAILS: carrying on ends in partnership in at least 90 % of futures"),
        "{err}"
    );
}

#[test]
fn a_claim_about_an_option_not_in_the_menu_is_refused_by_name() {
    let mut ex = relsim::sim::exercise::builtin("gym-contract").unwrap();
    ex.claims = vec![relsim::sim::exercise::Claim::Beats {
        path: relsim::sim::exercise::Path::Options(vec!["bribe_the_auditor".into()]),
        than: relsim::sim::exercise::Path::CarryOn,
        by: 0.0,
    }];
    let e = ex.validate().unwrap_err();
    assert_eq!(e.path, "claims[0].path");
    assert!(
        e.message.contains("'bribe_the_auditor' is not in the menu"),
        "{e}"
    );
}

#[test]
fn a_result_verifies_only_with_its_own_decisions_and_score() {
    use relsim::sim::exercise::Unverified;
    for ex in BUILTIN.iter().map(|(id, _)| builtin(id).unwrap()) {
        // Intervene at the first moment, carry on after.
        let p = play(&ex, |m| usize::from(m == 0));
        let result = Debrief::of(&p, 5).result(&p, "Ann");
        assert_eq!(result.verify(&ex), Ok(result.score.total), "{}", ex.id);

        let mut edited = result.clone();
        edited.score.total = 99.9;
        assert!(
            matches!(edited.verify(&ex), Err(Unverified::OtherScore { .. })),
            "{}",
            ex.id
        );

        let mut bribe = result.clone();
        bribe.decisions[0].option = "bribe_the_auditor".into();
        let e = bribe.verify(&ex).unwrap_err();
        assert!(e.to_string().contains("bribe_the_auditor"), "{e}");

        // Other decisions with the score kept: they replay to another score or another path.
        let mut changed = result.clone();
        changed.decisions[0].option = CARRY_ON.into();
        assert!(
            changed.verify(&ex).is_err(),
            "{}: a changed decision still verified",
            ex.id
        );

        let mut moved = result.clone();
        moved.decisions[0].week += 1;
        assert!(
            matches!(moved.verify(&ex), Err(Unverified::OtherWeek { .. })),
            "{}",
            ex.id
        );

        let mut extra = result.clone();
        extra
            .decisions
            .push(extra.decisions.last().unwrap().clone());
        assert!(
            matches!(extra.verify(&ex), Err(Unverified::TooManyDecisions { .. })),
            "{}",
            ex.id
        );
    }
    let (a, b) = (
        builtin(BUILTIN[0].0).unwrap(),
        builtin(BUILTIN[1].0).unwrap(),
    );
    let p = play(&a, |_| 0);
    let result = Debrief::of(&p, 5).result(&p, "Bo");
    assert_eq!(
        result.verify(&b),
        Err(Unverified::OtherExercise(a.id.clone()))
    );
}

/// The trainer's twenty files, as the issue tried them: the board takes one exercise, each
/// participant once, marks edited results and keeps them out of the ranking and the tally.
#[test]
fn the_class_board_takes_one_exercise_each_participant_once_and_marks_edited_results() {
    use relsim::sim::exercise::{admit, class_board, Check, Entry, Refusal, MAX_RESULT_BYTES};
    let ex = farbo();
    let find = |id: &str| (id == ex.id).then(|| ex.clone());
    let files: Vec<String> = (0..20)
        .map(|i| {
            let p = play(&ex, |m| if m == i % 4 { 1 + i % 5 } else { 0 });
            Debrief::of(&p, 3).result(&p, &format!("P{i:02}")).to_json()
        })
        .collect();
    let mut board: Vec<Entry> = Vec::new();
    for f in &files[..17] {
        admit(&mut board, f, find).unwrap();
    }
    assert!(board.iter().all(|e| e.check == Check::Verified));

    // A total edited to 99.9; decisions changed with the score kept; an invented option.
    let edit = |f: &str, change: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(f).unwrap();
        change(&mut v);
        v.to_string()
    };
    let topped = edit(&files[17], &|v| v["score"]["total"] = 99.9.into());
    let changed = edit(&files[18], &|v| v["decisions"][0]["option"] = "exit".into());
    let bribed = edit(&files[19], &|v| {
        v["decisions"][0]["option"] = "bribe_the_auditor".into()
    });
    for f in [&topped, &changed, &bribed] {
        admit(&mut board, f, find).unwrap();
    }
    let marked: Vec<bool> = board.iter().map(Entry::trusted).collect();
    assert_eq!(marked.iter().filter(|t| !**t).count(), 3, "{marked:?}");
    let trusted: Vec<_> = board
        .iter()
        .filter(|e| e.trusted())
        .map(|e| e.result.clone())
        .collect();
    let ranked = class_board(&trusted);
    assert!(
        trusted[ranked.ranking[0]].score.total < 99.0,
        "the edited total does not rank first"
    );
    assert!(
        ranked
            .decisions
            .iter()
            .all(|m| m.counts.iter().all(|(o, _)| o != "bribe_the_auditor")),
        "an invented option is not among what the class decided"
    );

    // The same file again, another exercise, a name of megabytes, a long name: refused.
    assert_eq!(
        admit(&mut board, &files[0], find),
        Err(Refusal::Again("P00".into()))
    );
    let gym = relsim::sim::exercise::builtin("gym-contract").unwrap();
    let p = play(&gym, |_| 0);
    let other = Debrief::of(&p, 3).result(&p, "Q").to_json();
    assert!(matches!(
        admit(&mut board, &other, find),
        Err(Refusal::OtherExercise { .. })
    ));
    let huge = edit(&files[1], &|v| {
        v["participant"] = "x".repeat(20_000_000).into()
    });
    assert_eq!(
        admit(&mut board, &huge, find),
        Err(Refusal::TooLarge(huge.len()))
    );
    assert!(huge.len() > MAX_RESULT_BYTES);
    let long = edit(&files[1], &|v| v["participant"] = "y".repeat(81).into());
    match admit(&mut board, &long, find) {
        Err(Refusal::Unreadable(e)) => assert_eq!(e.path, "participant"),
        other => panic!("{other:?}"),
    }
    assert_eq!(board.len(), 20);
    // An authored exercise that is not at hand: taken, but marked as not checked.
    let mut elsewhere = Vec::new();
    admit(&mut elsewhere, &files[0], |_| None).unwrap();
    assert_eq!(elsewhere[0].check, Check::NotChecked);
}
