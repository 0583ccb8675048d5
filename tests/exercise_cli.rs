//! `relsim exercise validate|play|board`: a play is deterministic and takes each decision at
//! its moment, the score is its parts' weighted mean, the board ranks and counts, and every
//! error names the field or option at fault (exit code 2, one line on stderr).

mod common;

use common::{fails_cleanly, relsim, tmp};

use relsim::sim::exercise::{builtin, Debrief, Exercise, ExerciseResult, Play, LUCK_RUNS};

fn ok_json(args: &[&str]) -> serde_json::Value {
    let out = relsim(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn farbo() -> Exercise {
    builtin("farbo-crisis").unwrap()
}

#[test]
fn validate_accepts_built_ins_and_files_and_names_the_bad_field() {
    let out = relsim(&["exercise", "validate", "builtin:gym-contract"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: gym-contract"));
    let f = tmp("farbo.json", &farbo().to_json());
    assert!(relsim(&["exercise", "validate", &f]).status.success());
    let mut v: serde_json::Value = serde_json::from_str(&farbo().to_json()).unwrap();
    v["menu"][0]["action"]["compensation"] = (-5.0).into();
    let bad = tmp("bad.json", &v.to_string());
    fails_cleanly(
        &["exercise", "validate", &bad],
        "menu[0].action.compensation",
    );
    fails_cleanly(
        &["exercise", "validate", "builtin:nope"],
        "known: farbo-crisis",
    );
    fails_cleanly(&["exercise", "validate", "/no/such.json"], "cannot read");
    fails_cleanly(&["exercise", "grade"], "unknown subcommand 'grade'");
}

#[test]
fn a_play_is_deterministic_and_its_score_is_the_weighted_mean_of_its_parts() {
    let ex = farbo();
    let never = ok_json(&["exercise", "play", "builtin:farbo-crisis"]);
    assert_eq!(
        never,
        ok_json(&["exercise", "play", "builtin:farbo-crisis"])
    );
    let score = &never["score"];
    let total = score["total"].as_f64().unwrap();
    assert!((total - never["carry_on_score"].as_f64().unwrap()).abs() < 1e-9);
    let w = ex.scoring;
    let parts = &score["parts"];
    let part = |k: &str| parts[k].as_f64().unwrap();
    let mean = (w.end_status * part("end_status")
        + w.money * part("money")
        + w.relationship * part("relationship")
        + w.trust * part("trust"))
        / (w.end_status + w.money + w.relationship + w.trust);
    assert!((total - 100.0 * mean).abs() < 1e-6, "{total} vs {mean}");
    let decisions = never["decisions"].as_array().unwrap();
    assert!(!decisions.is_empty());
    assert!(decisions.iter().all(|d| d["option"] == "carry_on"));
    assert!(never.get("luck").is_none());

    // The author's best path, given week by week, scores what the exercise says it does (the
    // gym's path is one a participant can play: one decision per moment).
    let gym = builtin("gym-contract").unwrap();
    let gym_never = ok_json(&["exercise", "play", "builtin:gym-contract"]);
    let total_gym = gym_never["score"]["total"].as_f64().unwrap();
    let args: Vec<String> = gym
        .best_path
        .iter()
        .flat_map(|d| ["--decide".to_string(), format!("{}={}", d.week, d.option)])
        .collect();
    let mut line = vec!["exercise", "play", "builtin:gym-contract"];
    line.extend(args.iter().map(String::as_str));
    let best = ok_json(&line);
    let best_total = best["score"]["total"].as_f64().unwrap();
    assert!((best_total - best["best_score"].as_f64().unwrap()).abs() < 1e-9);
    assert!(best_total > total_gym, "{best_total} vs {total_gym}");
    let taken: Vec<&str> = best["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["option"].as_str().unwrap())
        .filter(|o| *o != "carry_on")
        .collect();
    let wanted: Vec<&str> = gym.best_path.iter().map(|d| d.option.as_str()).collect();
    assert_eq!(taken, wanted);

    // The same play through the library gives the same score.
    let first = decisions[0]["week"].as_u64().unwrap();
    let cli = ok_json(&[
        "exercise",
        "play",
        "builtin:farbo-crisis",
        "--decide",
        &format!("{first}=exit"),
        "--runs",
        "20",
    ]);
    let mut p = Play::new(ex.clone());
    let exit = ex
        .options()
        .iter()
        .position(|(id, _)| *id == "exit")
        .unwrap();
    p.decide(exit);
    while !p.is_finished() {
        p.decide(0);
    }
    let lib = Debrief::of(&p, 20);
    assert_eq!(cli["score"]["total"].as_f64().unwrap(), lib.score.total);
    assert_ne!(lib.score.total, total);
    assert_eq!(cli["luck"]["runs"], 20);
}

#[test]
fn a_play_names_an_unknown_option_and_a_week_without_a_decision() {
    fails_cleanly(
        &[
            "exercise",
            "play",
            "builtin:farbo-crisis",
            "--decide",
            "40=teleport",
        ],
        "'teleport' is not in the menu (options: carry_on, mediated_repair",
    );
    fails_cleanly(
        &[
            "exercise",
            "play",
            "builtin:farbo-crisis",
            "--decide",
            "1=exit",
        ],
        "week 1 is not a decision moment of this play",
    );
    fails_cleanly(
        &["exercise", "play", "builtin:farbo-crisis", "--decide", "x"],
        "--decide: 'x' is not [client:|supplier:]WEEK=OPTION",
    );
}

/// A result file of farbo-crisis with option `option` at the first moment.
fn result(name: &str, option: &str) -> String {
    let ex = farbo();
    let mut p = Play::new(ex.clone());
    let i = ex
        .options()
        .iter()
        .position(|(id, _)| *id == option)
        .unwrap();
    p.decide(i);
    while !p.is_finished() {
        p.decide(0);
    }
    let r = Debrief::of(&p, 10).result(&p, name);
    tmp(&format!("{name}.json"), &r.to_json())
}

#[test]
fn the_board_ranks_results_and_counts_the_choices_per_moment() {
    let files = [
        result("ann", "carry_on"),
        result("bob", "exit"),
        result("cas", "mediated_repair"),
        result("dee", "exit"),
    ];
    let mut line = vec!["exercise", "board"];
    line.extend(files.iter().map(String::as_str));
    let b = ok_json(&line);
    assert_eq!(b["results"], 4);
    assert_eq!(b["exercise"], "farbo-crisis");
    let ranking = b["ranking"].as_array().unwrap();
    let scores: Vec<f64> = ranking
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let mean = scores.iter().sum::<f64>() / 4.0;
    assert!((b["mean_score"].as_f64().unwrap() - mean).abs() < 1e-9);
    let first = &b["decisions"][0]["counts"];
    let count = |o: &str| {
        first
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["option"] == o)
            .map_or(0, |c| c["count"].as_u64().unwrap())
    };
    assert_eq!(
        (count("carry_on"), count("exit"), count("mediated_repair")),
        (1, 2, 1)
    );

    line.extend(["--format", "table"]);
    let out = relsim(&line);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("rank"), "{text}");
    for name in ["ann", "bob", "cas", "dee"] {
        assert!(text.contains(name), "{text}");
    }
    assert!(text.contains("exit 2"), "{text}");
}

#[test]
fn the_board_refuses_mixed_exercises_and_bad_result_files() {
    let ours = result("eve", "carry_on");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&ours).unwrap()).unwrap();
    v["exercise"] = "gym-contract".into();
    let other = tmp("other.json", &v.to_string());
    fails_cleanly(
        &["exercise", "board", &ours, &other],
        "exercise: 'gym-contract' differs",
    );
    v["kind"] = "scenario".into();
    let bad = tmp("bad-result.json", &v.to_string());
    fails_cleanly(&["exercise", "board", &bad], "kind");
    fails_cleanly(&["exercise", "board"], "missing RESULT");
}

#[test]
fn a_play_writes_a_result_file_the_board_reads() {
    let (a, b) = (tmp("cli-a.json", ""), tmp("cli-b.json", ""));
    let shown = ok_json(&[
        "exercise",
        "play",
        "builtin:gym-contract",
        "--decide",
        "26=results_contract",
        "--result",
        &a,
        "--participant",
        "Ann",
    ]);
    ok_json(&[
        "exercise",
        "play",
        "builtin:gym-contract",
        "--result",
        &b,
        "--runs",
        "25",
    ]);
    let ra = ExerciseResult::from_json(&std::fs::read_to_string(&a).unwrap()).unwrap();
    let rb = ExerciseResult::from_json(&std::fs::read_to_string(&b).unwrap()).unwrap();
    assert_eq!(ra.participant, "Ann");
    assert_eq!(ra.score.total, shown["score"]["total"].as_f64().unwrap());
    assert_eq!((ra.luck.runs, rb.luck.runs), (LUCK_RUNS, 25));
    assert_eq!(ra.decisions[0].option, "results_contract");
    let board = ok_json(&["exercise", "board", &a, &b]);
    assert_eq!(board["results"], 2);
    let names: Vec<&str> = board["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["participant"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Ann") && names.contains(&"relsim"),
        "{names:?}"
    );
    fails_cleanly(
        &[
            "exercise",
            "play",
            "builtin:gym-contract",
            "--result",
            "/no/such/dir/r.json",
        ],
        "--result: cannot write /no/such/dir/r.json",
    );
}

#[test]
fn the_board_replays_each_result_and_marks_an_edited_one() {
    let ex = farbo();
    let mut p = Play::new(ex.clone());
    while !p.is_finished() {
        p.decide(usize::from(p.decisions.is_empty()));
    }
    let honest = Debrief::of(&p, 5).result(&p, "Ann");
    let mut edited = honest.clone();
    edited.participant = "Bo".into();
    edited.score.total = 99.9;
    let (a, b) = (
        tmp("honest.json", &honest.to_json()),
        tmp("edited.json", &edited.to_json()),
    );
    let board = ok_json(&["exercise", "board", &a, &b]);
    let ranking = board["ranking"].as_array().unwrap();
    let row = |name: &str| ranking.iter().find(|r| r["participant"] == name).unwrap();
    assert_eq!(row("Ann")["verified"], true, "{board}");
    assert_eq!(row("Bo")["verified"], false, "{board}");
    assert!(
        row("Bo")["unverified"]
            .as_str()
            .unwrap()
            .contains("score.total"),
        "{board}"
    );
    let table =
        String::from_utf8(relsim(&["exercise", "board", &a, &b, "--format", "table"]).stdout)
            .unwrap();
    assert!(table.contains("NO") && table.contains("yes"), "{table}");
}

/// A pair's play from the command line: each side's decisions with `side:WEEK=OPTION`, the same
/// numbers as the pair's play in the library, and errors that say whose decision is wrong.
#[test]
fn play_takes_both_sides_decisions_of_a_pair_exercise() {
    use relsim::sim::exercise::{builtin_pair, PairPlay, Side, ACCEPT, CARRY_ON};
    let v = ok_json(&[
        "exercise",
        "play",
        "builtin:farbo-pair",
        "--decide",
        "client:11=results_contract",
        "--decide",
        "supplier:11=customer_focus",
        "--decide",
        "supplier:13=accept",
    ]);
    let ex = builtin_pair("farbo-pair").unwrap();
    let mut p = PairPlay::new(ex);
    while !p.is_finished() {
        let (c, s) = match p.seen() {
            11 => ("results_contract", "customer_focus"),
            13 => (CARRY_ON, ACCEPT),
            _ => (CARRY_ON, CARRY_ON),
        };
        p.decide(c, s).unwrap();
    }
    let (client, supplier, joint) = p.scores();
    assert_eq!(
        v["client"]["total"].as_f64().unwrap().to_bits(),
        client.total.to_bits()
    );
    assert_eq!(
        v["supplier"]["total"].as_f64().unwrap().to_bits(),
        supplier.total.to_bits()
    );
    assert_eq!(
        v["joint_value"].as_f64().unwrap().to_bits(),
        joint.to_bits()
    );
    assert_eq!(v["decisions"][1]["supplier"], "accept");
    let _ = Side::Client;
    fails_cleanly(
        &[
            "exercise",
            "play",
            "builtin:farbo-pair",
            "--decide",
            "11=exit",
        ],
        "say whose",
    );
    fails_cleanly(
        &[
            "exercise",
            "play",
            "builtin:farbo-pair",
            "--decide",
            "supplier:11=accept",
        ],
        "supplier: 'accept'",
    );
    fails_cleanly(
        &[
            "exercise",
            "play",
            "builtin:farbo-crisis",
            "--decide",
            "client:11=exit",
        ],
        "one side plays",
    );
}

/// `relsim exercise play EXERCISE EXTRA…`, its JSON.
fn played(exercise: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["exercise", "play", exercise];
    args.extend_from_slice(extra);
    let out = relsim(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn leaving_saves_money_but_scores_no_relationship_after_it() {
    // The lesson of the FARBO crisis: leaving at the first moment costs the client less money
    // than letting the crisis run, yet scores lower — the weeks after the contract ended count
    // as no relationship and no trust, not as the last ones frozen.
    let farbo = "builtin:farbo-crisis";
    let (stay, leave) = (played(farbo, &[]), played(farbo, &["--decide", "11=exit"]));
    let f = |v: &serde_json::Value, k: &str| v["score"][k].as_f64().unwrap();
    assert!(
        f(&leave, "money") > f(&stay, "money") + 100.0,
        "{leave} vs {stay}"
    );
    assert!(f(&leave, "total") < f(&stay, "total"), "{leave} vs {stay}");
    // Both sides of a pair: a supplier that breaks the contract loses money and score alike.
    let stale = "builtin:stale-pair";
    let (stay, leave) = (
        played(stale, &[]),
        played(stale, &["--decide", "supplier:52=supplier_exit"]),
    );
    let s = |v: &serde_json::Value, k: &str| v["supplier"][k].as_f64().unwrap();
    assert!(s(&leave, "money") < s(&stay, "money"));
    assert!(s(&leave, "total") < s(&stay, "total"), "{leave} vs {stay}");
}
