//! The class server's API, route by route, and each refusal: run against a real `relsim
//! serve` on a free loopback port with its own database.

mod live_support;

use live_support::{exercise_json, join, open_class, played, temp_dir, Server};
use serde_json::{json, Value};

fn start(name: &str) -> Server {
    Server::start(&temp_dir(name).join("db.sqlite"), &[])
}

fn submit(s: &Server, key: &str, decisions: &Value, score: f64) -> (u16, Value) {
    let body = json!({ "decisions": decisions, "score": score }).to_string();
    s.call("POST", "/api/results", Some(key), Some(&body))
}

#[test]
fn a_class_runs_from_opening_to_deleting() {
    let s = start("routes");
    let (status, health) = s.call("GET", "/api/health", None, None);
    assert_eq!((status, health["relsim"].is_string()), (200, true));

    let (id, code, trainer) = open_class(&s);
    assert_eq!(code.len(), 6);
    let (_, board) = s.call("GET", &format!("/api/classes/{id}"), Some(&trainer), None);
    assert!(board["class"]["join_url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/?join={code}")));
    assert!(board["class"]["qr_svg"].as_str().unwrap().contains("<svg"));
    assert_eq!(board["rows"], json!([]));

    // Three participants join (the code as typed: small letters, a dash).
    let typed = format!("{}-{}", &code[..3], &code[3..]).to_lowercase();
    let keys: Vec<String> = ["Ann", "Bob", "Chris"]
        .iter()
        .map(|n| join(&s, &typed, n))
        .collect();
    let (status, me) = s.call("GET", "/api/me", Some(&keys[0]), None);
    assert_eq!(
        (status, me["name"].as_str(), me["state"].as_str()),
        (200, Some("Ann"), Some("joined"))
    );
    assert_eq!(me["exercise"]["id"], "farbo-crisis");
    assert_eq!(me["participant_key"], "", "the key is not sent back");

    // Ann moves on; Bob hands in a verified result.
    let progress = json!({ "moment": 1, "week": 13 }).to_string();
    assert_eq!(
        s.call("POST", "/api/progress", Some(&keys[0]), Some(&progress))
            .0,
        204
    );
    let (decisions, score) = played(&[1, 3]);
    let (status, done) = submit(&s, &keys[1], &decisions, score);
    assert_eq!(status, 201, "{done}");
    assert_eq!(done["score"].as_f64().unwrap().to_bits(), score.to_bits());

    let (_, board) = s.call("GET", &format!("/api/classes/{id}"), Some(&trainer), None);
    let rows = board["rows"].as_array().unwrap();
    let states: Vec<(&str, &str, u64)> = rows
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap(),
                r["state"].as_str().unwrap(),
                r["week"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("Ann", "playing", 13),
            ("Bob", "done", 260),
            ("Chris", "joined", 0)
        ]
    );
    assert_eq!(
        rows[1]["score"].as_f64().unwrap().to_bits(),
        score.to_bits()
    );
    assert_eq!(rows[1]["decisions"], decisions);

    // Exports: one CSV line per participant; the JSON is the result files the file board reads.
    let (status, csv) = s.raw(
        "GET",
        &format!("/api/classes/{id}/export/csv"),
        Some(&trainer),
        None,
    );
    assert_eq!(status, 200);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[2].starts_with("Bob,done,260,"), "{csv}");
    let (status, files) = s.raw(
        "GET",
        &format!("/api/classes/{id}/export/json"),
        Some(&trainer),
        None,
    );
    assert_eq!(status, 200);
    let files: Vec<Value> = serde_json::from_str(&files).unwrap();
    assert_eq!(files.len(), 1);
    let file = relsim::sim::exercise::ExerciseResult::from_json(&files[0].to_string()).unwrap();
    let ex = relsim::sim::exercise::Exercise::from_json(&exercise_json()).unwrap();
    assert_eq!(file.verify(&ex).unwrap().to_bits(), score.to_bits());
    assert_eq!(file.participant, "Bob");

    // Closed: no more joins or results.
    assert_eq!(
        s.call(
            "POST",
            &format!("/api/classes/{id}/close"),
            Some(&trainer),
            None
        )
        .0,
        204
    );
    let body = json!({ "code": code, "name": "Dana" }).to_string();
    let (status, refused) = s.call("POST", "/api/join", None, Some(&body));
    assert_eq!((status, refused["code"].as_str()), (409, Some("closed")));
    let (decisions, score) = played(&[]);
    assert_eq!(submit(&s, &keys[2], &decisions, score).1["code"], "closed");

    // Deleted: everything of the class goes.
    assert_eq!(
        s.call(
            "DELETE",
            &format!("/api/classes/{id}"),
            Some(&trainer),
            None
        )
        .0,
        204
    );
    assert_eq!(
        s.call("GET", &format!("/api/classes/{id}"), Some(&trainer), None)
            .0,
        404
    );
    assert_eq!(s.call("GET", "/api/me", Some(&keys[0]), None).0, 401);
    let conn = rusqlite::Connection::open(&s.db).unwrap();
    for table in ["classes", "participants", "results"] {
        let n: i64 = conn
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "{table} after delete");
    }
}

#[test]
fn a_submission_that_does_not_replay_is_refused_and_says_why() {
    let s = start("forged");
    let (id, code, trainer) = open_class(&s);
    let key = join(&s, &code, "Ann");
    let (decisions, score) = played(&[1, 3]);

    // An edited score.
    let (status, v) = submit(&s, &key, &decisions, 99.9);
    assert_eq!(
        (status, v["code"].as_str(), v["field"].as_str()),
        (422, Some("unverified"), Some("score.total"))
    );
    // Changed decisions with the score kept.
    let mut changed = decisions.clone();
    changed[1]["option"] = json!("realign");
    let (status, v) = submit(&s, &key, &changed, score);
    assert_eq!(
        (status, v["code"].as_str()),
        (422, Some("unverified")),
        "{v}"
    );
    // An invented option.
    let mut invented = decisions.clone();
    invented[0]["option"] = json!("bribe_the_auditor");
    let (_, v) = submit(&s, &key, &invented, score);
    assert_eq!(
        (v["code"].as_str(), v["field"].as_str()),
        (Some("unverified"), Some("decisions[0].option"))
    );
    // A decision moved to another week (another seed or exercise would reach other weeks).
    let mut moved = decisions.clone();
    moved[0]["week"] = json!(5);
    assert_eq!(
        submit(&s, &key, &moved, score).1["field"],
        "decisions[0].week"
    );
    // More decisions than the exercise allows.
    let many: Vec<Value> = (0..41)
        .map(|i| json!({"moment": i, "week": i, "option": "carry_on"}))
        .collect();
    let (status, v) = submit(&s, &key, &json!(many), score);
    assert_eq!((status, v["field"].as_str()), (400, Some("decisions")));
    // Not a number.
    let (status, v) = s.call(
        "POST",
        "/api/results",
        Some(&key),
        Some(r#"{"decisions": [], "score": "high"}"#),
    );
    assert_eq!((status, v["field"].as_str()), (400, Some("score")));

    // Nothing of that reached the board; the true result does, once.
    let (_, board) = s.call("GET", &format!("/api/classes/{id}"), Some(&trainer), None);
    assert_eq!(board["rows"][0]["state"], "joined");
    assert_eq!(submit(&s, &key, &decisions, score).0, 201);
    let (status, v) = submit(&s, &key, &decisions, score);
    assert_eq!((status, v["code"].as_str()), (409, Some("already_done")));
}

#[test]
fn a_key_opens_its_own_class_only() {
    let s = start("keys");
    let (a, code_a, key_a) = open_class(&s);
    let (b, _, key_b) = open_class(&s);
    let participant = join(&s, &code_a, "Ann");
    let board =
        |id: &str, key: Option<&str>| s.call("GET", &format!("/api/classes/{id}"), key, None).0;
    assert_eq!(board(&a, Some(&key_a)), 200);
    assert_eq!(board(&b, Some(&key_b)), 200);
    // Class B's key on class A, every trainer route.
    assert_eq!(board(&a, Some(&key_b)), 401);
    assert_eq!(
        s.call(
            "POST",
            &format!("/api/classes/{a}/close"),
            Some(&key_b),
            None
        )
        .0,
        401
    );
    assert_eq!(
        s.call("DELETE", &format!("/api/classes/{a}"), Some(&key_b), None)
            .0,
        401
    );
    assert_eq!(
        s.raw(
            "GET",
            &format!("/api/classes/{a}/export/json"),
            Some(&key_b),
            None
        )
        .0,
        401
    );
    assert_eq!(
        s.raw(
            "GET",
            &format!("/api/classes/{a}/events"),
            Some(&key_b),
            None
        )
        .0,
        401
    );
    // A participant key, no key, a key with its secret changed.
    assert_eq!(board(&a, Some(&participant)), 401);
    assert_eq!(board(&a, None), 401);
    let mut forged = key_a.clone();
    let last = forged.pop().unwrap();
    forged.push(if last == '0' { '1' } else { '0' });
    assert_eq!(board(&a, Some(&forged)), 401);
    // A trainer key is no participant key; a participant's key reads only their own class.
    assert_eq!(s.call("GET", "/api/me", Some(&key_a), None).0, 401);
    let (_, me) = s.call("GET", "/api/me", Some(&participant), None);
    assert_eq!(me["class_id"], a.as_str());
    assert!(me.get("rows").is_none() && me["exercise"].is_object());
    // Nothing leaked a key into an address: keys travel in headers only.
    assert_eq!(board(&format!("{a}?key={key_a}"), None), 401);
}

#[test]
fn bad_input_is_refused_naming_its_field() {
    let s = start("input");
    let (_, code, _) = open_class(&s);
    let post = |path: &str, body: &str| s.call("POST", path, None, Some(body));
    let field = |(status, v): (u16, Value)| (status, v["field"].as_str().unwrap_or("").to_string());

    // An exercise out of range names its field, as the model's own validation does.
    let mut ex: Value = serde_json::from_str(&exercise_json()).unwrap();
    ex["scenario"]["demand"]["volatility"] = json!(7);
    let body = json!({ "exercise": ex, "origin": "http://x" }).to_string();
    let (status, f) = field(post("/api/classes", &body));
    assert_eq!(status, 400);
    assert_eq!(f, "exercise.scenario.demand.volatility");
    let body = format!(
        r#"{{"exercise": {}, "origin": "javascript:alert(1)"}}"#,
        exercise_json()
    );
    assert_eq!(field(post("/api/classes", &body)), (400, "origin".into()));
    assert_eq!(field(post("/api/classes", r#"{"nope": 1}"#)).0, 400);
    assert_eq!(field(post("/api/classes", "not json")).0, 400);

    // Join: the code's form, an unknown code, names.
    let join = |c: &str, n: &str| {
        field(post(
            "/api/join",
            &json!({ "code": c, "name": n }).to_string(),
        ))
    };
    assert_eq!(join("AB0", "Ann"), (400, "code".into()));
    assert_eq!(join(&code, ""), (400, "name".into()));
    assert_eq!(join(&code, &"x".repeat(41)), (400, "name".into()));
    assert_eq!(join(&code, "a\u{0}b"), (400, "name".into()));
    assert_eq!(join(&code, "Ann"), (201, "".into()));
    assert_eq!(join(&code, " Ann "), (409, "name".into()));

    // A body larger than the limit is refused before it is read whole.
    let huge = format!(
        r#"{{"code": "{code}", "name": "{}"}}"#,
        "x".repeat(20_000_000)
    );
    let (status, text) = s.raw("POST", "/api/join", None, Some(huge.as_bytes()));
    assert_eq!(status, 413, "{text}");
    // Progress out of range.
    let key = live_support::join(&s, &code, "Bob");
    let (status, v) = s.call(
        "POST",
        "/api/progress",
        Some(&key),
        Some(r#"{"moment": 1, "week": 9999}"#),
    );
    assert_eq!((status, v["field"].as_str()), (400, Some("week")));
    // No such route.
    assert_eq!(s.call("GET", "/api/nothing", None, None).0, 404);
}

#[test]
fn hostile_names_are_kept_as_text_everywhere() {
    let s = start("names");
    let (id, code, trainer) = open_class(&s);
    let names = [
        "<img src=x onerror=alert(1)>",
        "=HYPERLINK(\"http://x\")",
        "Ünïcødé 🙂",
        "a\"b,c",
    ];
    for n in names {
        join(&s, &code, n);
    }
    let (_, board) = s.call("GET", &format!("/api/classes/{id}"), Some(&trainer), None);
    let shown: Vec<&str> = board["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(shown, names);
    let (_, csv) = s.raw(
        "GET",
        &format!("/api/classes/{id}/export/csv"),
        Some(&trainer),
        None,
    );
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let read: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(read[0], names[0]);
    assert_eq!(
        read[1],
        format!("'{}", names[1]),
        "a formula stays text in a spreadsheet"
    );
    assert_eq!(read[2..], [names[2], names[3]]);
}

#[test]
fn wrong_codes_from_one_address_are_limited() {
    let s = start("limit");
    let (_, code, _) = open_class(&s);
    let try_code = |c: &str| {
        s.call(
            "POST",
            "/api/join",
            None,
            Some(&json!({ "code": c, "name": "Guess" }).to_string()),
        )
    };
    // Right codes are not counted: a room behind one router shares one address.
    for i in 0..15 {
        let body = json!({ "code": code, "name": format!("P{i}") }).to_string();
        assert_eq!(s.call("POST", "/api/join", None, Some(&body)).0, 201);
    }
    let wrong = if code == "AAAAAA" { "BBBBBB" } else { "AAAAAA" };
    for _ in 0..10 {
        assert_eq!(try_code(wrong).0, 404);
    }
    let (status, v) = try_code(wrong);
    assert_eq!((status, v["code"].as_str()), (429, Some("rate_limited")));
    // Once limited, even the right code waits: guessing gains nothing.
    assert_eq!(try_code(&code).0, 429);
}

#[test]
fn a_listening_board_gets_each_change() {
    let s = start("live");
    let (id, code, trainer) = open_class(&s);
    let mut events = s.events(&id, &trainer);
    let first = events.next();
    assert_eq!(
        (
            first["kind"].as_str(),
            first["rows"].as_array().map(Vec::len)
        ),
        (Some("board"), Some(0))
    );
    let key = join(&s, &code, "Ann");
    let e = events.next();
    assert_eq!(
        (e["kind"].as_str(), e["name"].as_str(), e["state"].as_str()),
        (Some("row"), Some("Ann"), Some("joined"))
    );
    s.call(
        "POST",
        "/api/progress",
        Some(&key),
        Some(r#"{"moment": 2, "week": 17}"#),
    );
    assert_eq!(events.next()["week"], 17);
    let (decisions, score) = played(&[2]);
    let body = json!({ "decisions": decisions, "score": score }).to_string();
    assert_eq!(
        s.call("POST", "/api/results", Some(&key), Some(&body)).0,
        201
    );
    let e = events.next();
    assert_eq!(
        (e["state"].as_str(), e["score"].as_f64().map(f64::to_bits)),
        (Some("done"), Some(score.to_bits()))
    );
    s.call(
        "POST",
        &format!("/api/classes/{id}/close"),
        Some(&trainer),
        None,
    );
    assert_eq!(events.next()["kind"], "closed");
    s.call(
        "DELETE",
        &format!("/api/classes/{id}"),
        Some(&trainer),
        None,
    );
    assert_eq!(events.next()["kind"], "deleted");
}

#[test]
fn expired_classes_are_deleted_with_their_data() {
    let dir = temp_dir("expiry");
    let db = dir.join("db.sqlite");
    let s = Server::start(&db, &["--expire-days", "1"]);
    let (id, code, trainer) = open_class(&s);
    join(&s, &code, "Ann");
    let (_, board) = s.call("GET", &format!("/api/classes/{id}"), Some(&trainer), None);
    let expires = board["class"]["expires_at"].as_u64().unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(
        (86_000..=86_500).contains(&(expires - now)),
        "one day: {}",
        expires - now
    );
    s.kill();
    // A day later (the clock moved by hand): the restarted server deletes it.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE classes SET expires_at = 1", [])
        .unwrap();
    let s = Server::start(&db, &[]);
    assert_eq!(
        s.call("GET", &format!("/api/classes/{id}"), Some(&trainer), None)
            .0,
        404
    );
    let count = |t: &str| -> i64 {
        conn.query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while count("classes") + count("participants") > 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!((count("classes"), count("participants")), (0, 0));
}

#[test]
fn the_database_is_wal_and_refuses_a_newer_schema() {
    let dir = temp_dir("schema");
    let db = dir.join("db.sqlite");
    drop(Server::start(&db, &[]));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let migrations = std::fs::read_dir("migrations").unwrap().count() as i64;
    assert_eq!((mode.as_str(), version), ("wal", migrations));
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_relsim"))
        .args(["serve", "--port", "0", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("schema version 99"));
}
