//! Pairs through the class server: seated as they arrive, each side's choice hidden until both
//! decided, a proposal answered at the next moment, the round timer carrying on for a side that
//! does not decide, and the pair's scores — computed by the server — the same, bit for bit, as
//! the pair's play replayed natively.

mod live_support;

use live_support::{join, open_class_on, open_class_with, temp_dir, Server};
use relsim::sim::exercise::{builtin_pair, PairDecision, PairPlay, CARRY_ON};
use serde_json::{json, Value};

fn open_pair_class(s: &Server) -> (String, String, String) {
    open_class_on(
        s,
        &std::fs::read_to_string("exercises/farbo-pair.json").unwrap(),
    )
}

fn view(s: &Server, key: &str) -> Value {
    let (status, v) = s.call("GET", "/api/pair", Some(key), None);
    assert_eq!(status, 200, "{v}");
    v
}

fn decide(s: &Server, key: &str, moment: u64, option: &str) -> (u16, Value) {
    let body = json!({ "moment": moment, "option": option }).to_string();
    s.call("POST", "/api/pair/decide", Some(key), Some(&body))
}

#[test]
fn a_pair_plays_to_the_end_through_the_server_with_the_native_numbers() {
    let s = Server::start(&temp_dir("pairs").join("db.sqlite"), &[]);
    let (id, code, trainer) = open_pair_class(&s);
    let ann = join(&s, &code, "Ann");
    let (_, me) = s.call("GET", "/api/me", Some(&ann), None);
    assert_eq!(me["side"], "client");
    assert_eq!(
        view(&s, &ann)["partner"],
        Value::Null,
        "waiting for a partner"
    );
    assert_eq!(decide(&s, &ann, 0, CARRY_ON).0, 400, "no deciding alone");
    let bob = join(&s, &code, "Bob");
    assert_eq!(
        s.call("GET", "/api/me", Some(&bob), None).1["side"],
        "supplier"
    );
    assert_eq!(view(&s, &ann)["partner"], "Bob");

    // Moment 0: the client proposes new terms; the supplier commits to customer focus. The
    // client's choice stays hidden from the supplier until both decided.
    assert_eq!(decide(&s, &ann, 0, "results_contract").0, 204);
    let b = view(&s, &bob);
    assert_eq!(
        (b["other_decided"].as_bool(), b["mine"].clone()),
        (Some(true), Value::Null)
    );
    assert!(!b.to_string().contains("results_contract"), "hidden: {b}");
    assert_eq!(decide(&s, &ann, 0, "exit").1["code"], "already_done");
    assert_eq!(
        decide(&s, &bob, 0, "bribe_the_auditor").1["field"],
        "option"
    );
    assert_eq!(decide(&s, &bob, 0, "customer_focus").0, 204);
    let a = view(&s, &ann);
    assert_eq!(a["decisions"][0]["client"], "results_contract");
    assert_eq!(a["decisions"][0]["supplier"], "customer_focus");
    // Moment 1: the supplier accepts; a stale moment is refused.
    assert_eq!(decide(&s, &bob, 0, "accept").1["field"], "moment");
    assert_eq!(decide(&s, &bob, 1, "accept").0, 204);
    assert_eq!(decide(&s, &ann, 1, CARRY_ON).0, 204);
    // Then both carry on to the end.
    let mut m = 2;
    while !view(&s, &ann)["finished"].as_bool().unwrap() {
        assert_eq!(decide(&s, &ann, m, CARRY_ON).0, 204);
        assert_eq!(decide(&s, &bob, m, CARRY_ON).0, 204);
        m += 1;
        assert!(m < 60, "the play ends");
    }
    let a = view(&s, &ann);
    let stated: Vec<PairDecision> = serde_json::from_value(a["decisions"].clone()).unwrap();
    let native = PairPlay::replay(builtin_pair("farbo-pair").unwrap(), &stated).unwrap();
    let (c, su, j) = native.scores();
    let scores = a["scores"].as_array().unwrap();
    assert_eq!(scores[0].as_f64().unwrap().to_bits(), c.total.to_bits());
    assert_eq!(scores[1].as_f64().unwrap().to_bits(), su.total.to_bits());
    assert_eq!(scores[2].as_f64().unwrap().to_bits(), j.to_bits());
    let (_, board) = s.call("GET", &format!("/api/classes/{id}"), Some(&trainer), None);
    let pair = &board["pairs"][0];
    assert_eq!(
        (pair["client"].as_str(), pair["supplier"].as_str()),
        (Some("Ann"), Some("Bob"))
    );
    assert_eq!(pair["joint_value"].as_f64().unwrap().to_bits(), j.to_bits());
    assert_eq!(board["rows"][0]["state"], "done");
    // A third participant waits for a partner in a new pair; a one-sided result is refused.
    let cy = join(&s, &code, "Cy");
    assert_eq!(view(&s, &cy)["side"], "client");
    let (status, _) = s.call(
        "POST",
        "/api/results",
        Some(&cy),
        Some(r#"{"decisions": [], "score": 1.0}"#),
    );
    assert_eq!(status, 400);
}

#[test]
fn the_round_timer_carries_on_for_the_side_that_does_not_decide() {
    let s = Server::start(&temp_dir("round").join("db.sqlite"), &[]);
    let (id, code, trainer) = open_pair_class(&s);
    let body = json!({ "seconds": 1 }).to_string();
    assert_eq!(
        s.call(
            "POST",
            &format!("/api/classes/{id}/round"),
            Some(&trainer),
            Some(&body)
        )
        .0,
        204
    );
    let too_long = json!({ "seconds": 100_000 }).to_string();
    assert_eq!(
        s.call(
            "POST",
            &format!("/api/classes/{id}/round"),
            Some(&trainer),
            Some(&too_long)
        )
        .1["field"],
        "seconds"
    );
    let ann = join(&s, &code, "Ann");
    let bob = join(&s, &code, "Bob");
    assert!(view(&s, &ann)["deadline_ms"].is_u64());
    assert_eq!(decide(&s, &ann, 0, "realign").0, 204);
    // Bob never decides: within a little over a second the moment closes with his carry on.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let v = view(&s, &bob);
        if let Some(d) = v["decisions"].as_array().and_then(|d| d.first()) {
            assert_eq!(
                (d["client"].as_str(), d["supplier"].as_str()),
                (Some("realign"), Some(CARRY_ON))
            );
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the round timer closes the moment"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // The proposal is Bob's to answer at the next moment.
    let (status, _) = decide(&s, &bob, 1, "accept");
    assert_eq!(status, 204);
}

#[test]
fn a_pair_side_sees_only_its_own_pair() {
    let s = Server::start(&temp_dir("pairkeys").join("db.sqlite"), &[]);
    let (_, code, trainer) = open_pair_class(&s);
    let keys: Vec<String> = ["A", "B", "C", "D"]
        .iter()
        .map(|n| join(&s, &code, n))
        .collect();
    let pair_of = |k: &str| view(&s, k)["pair"].as_u64().unwrap();
    assert_eq!(pair_of(&keys[0]), pair_of(&keys[1]));
    assert_ne!(pair_of(&keys[0]), pair_of(&keys[2]));
    assert_eq!(view(&s, &keys[2])["partner"], "D");
    // A trainer key is no participant's; no key reads nothing.
    assert_eq!(s.call("GET", "/api/pair", Some(&trainer), None).0, 401);
    assert_eq!(s.call("GET", "/api/pair", None, None).0, 401);
}

#[test]
fn each_side_hears_the_other_decide_without_learning_what() {
    let s = Server::start(&temp_dir("pairlive").join("db.sqlite"), &[]);
    let (id, code, trainer) = open_pair_class(&s);
    let ann = join(&s, &code, "Ann");
    let mut board = s.events(&id, &trainer);
    assert_eq!(board.next()["kind"], "board");
    let mut heard = s.stream("/api/pair/events", &ann);
    assert_eq!(heard.next()["partner"], Value::Null);
    let bob = join(&s, &code, "Bob");
    assert_eq!(heard.next()["partner"], "Bob");
    assert_eq!(decide(&s, &bob, 0, "fee_rise").0, 204);
    let v = heard.next();
    assert_eq!(
        (
            v["other_decided"].as_bool(),
            v["decisions"].as_array().map(Vec::len)
        ),
        (Some(true), Some(0))
    );
    assert!(!v.to_string().contains("fee_rise"), "hidden: {v}");
    assert_eq!(decide(&s, &ann, 0, CARRY_ON).0, 204);
    let v = heard.next();
    assert_eq!(v["decisions"][0]["supplier"], "fee_rise");
    // The trainer's board follows the pair (rows and pair events in between are skipped).
    let mut pair_moment = None;
    for _ in 0..8 {
        let e = board.next();
        if e["kind"] == "pair" && e["moment"] == 1 {
            pair_moment = Some(e);
            break;
        }
    }
    assert_eq!(
        pair_moment.expect("the board hears the pair move on")["supplier"],
        "Bob"
    );
}

#[test]
fn a_participant_without_a_partner_plays_against_a_scripted_side() {
    let s = Server::start(&temp_dir("scripted").join("db.sqlite"), &[]);
    let (id, code, trainer) = open_pair_class(&s);
    let solo = join(&s, &code, "Solo");
    assert_eq!(
        decide(&s, &solo, 0, CARRY_ON).0,
        400,
        "not before a partner or a script"
    );
    assert_eq!(
        s.call("POST", "/api/pair/scripted", Some(&solo), None).0,
        204
    );
    assert_eq!(
        s.call("POST", "/api/pair/scripted", Some(&solo), None).0,
        400,
        "once"
    );
    assert_eq!(view(&s, &solo)["scripted"], true);
    // Each choice closes its moment at once: the scripted side carries on.
    let mut m = 0;
    while !view(&s, &solo)["finished"].as_bool().unwrap() {
        let option = if m == 0 { "results_contract" } else { CARRY_ON };
        let (status, body) = decide(&s, &solo, m, option);
        assert_eq!(status, 204, "{body}");
        m += 1;
        assert!(m < 60);
    }
    let v = view(&s, &solo);
    assert_eq!(
        v["decisions"][1]["supplier"], CARRY_ON,
        "the script does not accept"
    );
    let stated: Vec<PairDecision> = serde_json::from_value(v["decisions"].clone()).unwrap();
    let native = PairPlay::replay(builtin_pair("farbo-pair").unwrap(), &stated).unwrap();
    assert_eq!(
        v["scores"][2].as_f64().unwrap().to_bits(),
        native.scores().2.to_bits()
    );
    let (_, board) = s.call("GET", &format!("/api/classes/{id}"), Some(&trainer), None);
    assert_eq!(
        (
            board["pairs"][0]["scripted"].as_bool(),
            board["pairs"][0]["supplier"].as_str()
        ),
        (Some(true), Some(""))
    );
    // The next participant starts a new pair rather than joining the scripted one.
    let next = join(&s, &code, "Next");
    assert_ne!(view(&s, &next)["pair"], v["pair"]);
}

/// The board's participant id of `name`.
fn id_of(board: &Value, name: &str) -> u64 {
    board["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .and_then(|r| r["id"].as_u64())
        .unwrap_or_else(|| panic!("{name} on the board"))
}

#[test]
fn the_trainer_pairs_by_hand_splits_a_pair_that_has_not_started_and_each_side_keeps_its_score() {
    let s = Server::start(&temp_dir("byhand").join("db.sqlite"), &[]);
    let json = std::fs::read_to_string("exercises/farbo-pair.json").unwrap();
    let (id, code, trainer) = open_class_with(&s, &json, "hand");
    let board_of = || {
        s.call("GET", &format!("/api/classes/{id}"), Some(&trainer), None)
            .1
    };
    let form = |key: Option<&str>, client: u64, supplier: u64| {
        let body = json!({ "client": client, "supplier": supplier }).to_string();
        s.call(
            "POST",
            &format!("/api/classes/{id}/pairs"),
            key,
            Some(&body),
        )
    };
    let split = |pair: u64| {
        s.call(
            "POST",
            &format!("/api/classes/{id}/pairs/{pair}/split"),
            Some(&trainer),
            None,
        )
    };
    let keys: Vec<String> = ["Ann", "Bob", "Cy", "Di"]
        .iter()
        .map(|n| join(&s, &code, n))
        .collect();
    let (ann, bob, cy, di) = (&keys[0], &keys[1], &keys[2], &keys[3]);
    // Arrivals wait: no side, no pair, a stream that says so.
    let (_, me) = s.call("GET", "/api/me", Some(ann), None);
    assert_eq!(
        (me["side"].clone(), me["two_sided"].clone()),
        (Value::Null, json!(true))
    );
    assert_eq!(s.call("GET", "/api/pair", Some(ann), None).0, 404);
    let mut heard = s.stream("/api/pair/events", ann);
    assert_eq!(heard.next(), Value::Null, "waiting to be paired");
    let b = board_of();
    assert!(b["pairs"].as_array().is_none_or(Vec::is_empty), "{b}");
    assert_eq!(b["class"]["pairing"], "hand");
    let [a_id, b_id, c_id, d_id] = ["Ann", "Bob", "Cy", "Di"].map(|n| id_of(&b, n));

    // The trainer pairs Bob (client) with Ann (supplier); Ann's stream hears it.
    assert_eq!(form(None, b_id, a_id).0, 401, "the trainer's key only");
    assert_eq!(
        form(Some(ann), b_id, a_id).0,
        401,
        "a participant's key opens nothing"
    );
    assert_eq!(form(Some(&trainer), b_id, b_id).1["field"], "supplier");
    assert_eq!(form(Some(&trainer), b_id, 999_999).1["field"], "supplier");
    let (status, pair) = form(Some(&trainer), b_id, a_id);
    assert_eq!(status, 201, "{pair}");
    let v = heard.next();
    assert_eq!(
        (v["side"].as_str(), v["partner"].as_str()),
        (Some("supplier"), Some("Bob"))
    );
    assert_eq!(
        s.call("GET", "/api/me", Some(bob), None).1["side"],
        "client"
    );
    let taken = form(Some(&trainer), c_id, a_id);
    assert_eq!(
        (taken.0, taken.1["field"].as_str()),
        (400, Some("supplier")),
        "Ann plays already"
    );

    // Cy and Di are paired, split before they start, and paired the other way round.
    let (_, second) = form(Some(&trainer), c_id, d_id);
    let second = second["id"].as_u64().unwrap();
    assert_eq!(split(second).0, 204);
    assert_eq!(
        s.call("GET", "/api/me", Some(cy), None).1["side"],
        Value::Null
    );
    let b = board_of();
    assert_eq!(
        b["pairs"].as_array().map(Vec::len),
        Some(1),
        "the split pair is gone"
    );
    assert_eq!(form(Some(&trainer), d_id, c_id).0, 201);
    assert_eq!(s.call("GET", "/api/me", Some(di), None).1["side"], "client");

    // A pair that has started stays together.
    let first = pair["id"].as_u64().unwrap();
    assert_eq!(decide(&s, bob, 0, "results_contract").0, 204);
    let kept = split(first);
    assert_eq!((kept.0, kept.1["field"].as_str()), (400, Some("pair")));

    // Played to the end, each member's row carries the score of the side played.
    assert_eq!(decide(&s, ann, 0, CARRY_ON).0, 204);
    let mut m = 1;
    while !view(&s, ann)["finished"].as_bool().unwrap() {
        assert_eq!(decide(&s, ann, m, CARRY_ON).0, 204);
        assert_eq!(decide(&s, bob, m, CARRY_ON).0, 204);
        m += 1;
        assert!(m < 60, "the play ends");
    }
    let b = board_of();
    let row = |name: &str| {
        b["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .cloned()
            .unwrap()
    };
    let p = b["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == first)
        .cloned()
        .unwrap();
    assert_eq!(
        (row("Bob")["side"].as_str(), row("Bob")["score"].as_f64()),
        (Some("client"), p["client_score"].as_f64())
    );
    assert_eq!(
        (row("Ann")["side"].as_str(), row("Ann")["score"].as_f64()),
        (Some("supplier"), p["supplier_score"].as_f64())
    );
    assert_eq!(
        (row("Ann")["state"].as_str(), row("Cy")["score"].clone()),
        (Some("done"), Value::Null)
    );
    assert_eq!(p["started"], true);
    // Someone left over with nobody to pair with plays against the script, from waiting.
    let eve = join(&s, &code, "Eve");
    assert_eq!(s.call("GET", "/api/pair", Some(&eve), None).0, 404);
    assert_eq!(
        s.call("POST", "/api/pair/scripted", Some(&eve), None).0,
        204
    );
    let v = view(&s, &eve);
    assert_eq!(
        (v["side"].as_str(), v["scripted"].as_bool()),
        (Some("client"), Some(true))
    );
    assert_eq!(
        decide(&s, &eve, 0, CARRY_ON).0,
        204,
        "the script decides at once"
    );
    // A one-sided class has no pairs to form.
    let (one, _, one_key) = live_support::open_class(&s);
    let body = json!({ "client": a_id, "supplier": b_id }).to_string();
    let (status, answer) = s.call(
        "POST",
        &format!("/api/classes/{one}/pairs"),
        Some(&one_key),
        Some(&body),
    );
    assert_eq!((status, answer["field"].as_str()), (400, Some("pair")));
}
