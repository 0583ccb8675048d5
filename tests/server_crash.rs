//! No data lost: the class server is killed (SIGKILL) during a storm of submissions and
//! restarted on the same database; every acknowledged result is there, and nothing is half
//! written (a participant is done exactly when their result is stored).

mod live_support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use live_support::{join, open_class, played, temp_dir, Server};
use serde_json::json;

/// Participants in the storm, and threads submitting at once.
const PARTICIPANTS: usize = 200;
const THREADS: usize = 8;
/// Acknowledgements after which the server is killed.
const KILL_AFTER: usize = 20;

#[test]
fn a_killed_server_keeps_every_acknowledged_result() {
    let db = temp_dir("crash").join("db.sqlite");
    let server = Server::start(&db, &[]);
    let (id, code, trainer) = open_class(&server);
    let keys: Vec<String> = (0..PARTICIPANTS)
        .map(|i| join(&server, &code, &format!("P{i:03}")))
        .collect();
    let (decisions, score) = played(&[1, 3]);
    let body = json!({ "decisions": decisions, "score": score }).to_string();

    let server = Arc::new(Mutex::new(Some(server)));
    let port = server.lock().unwrap().as_ref().unwrap().port;
    let acked = Arc::new(Mutex::new(Vec::<String>::new()));
    let next = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..THREADS)
        .map(|_| {
            let (keys, acked, next, body) =
                (keys.clone(), acked.clone(), next.clone(), body.clone());
            let client = live_support::Client { port };
            std::thread::spawn(move || loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= keys.len() {
                    return;
                }
                match client.try_call("POST", "/api/results", Some(&keys[i]), Some(&body)) {
                    Some((201, _)) => acked.lock().unwrap().push(keys[i].clone()),
                    Some((status, v)) => panic!("refused before the kill: {status} {v}"),
                    // The server died: this one was never acknowledged.
                    None => {}
                }
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(60);
    while acked.lock().unwrap().len() < KILL_AFTER && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(1));
    }
    if let Some(mut s) = server.lock().unwrap().take() {
        s.kill_now();
    }
    for w in workers {
        w.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    eprintln!(
        "acknowledged before the kill: {} of {PARTICIPANTS}",
        acked.len()
    );
    assert!(
        acked.len() >= KILL_AFTER,
        "the storm reached {} acknowledgements",
        acked.len()
    );
    assert!(
        acked.len() < PARTICIPANTS,
        "the kill came after the storm: nothing was tested"
    );

    // Restarted on the same database.
    let server = Server::start(&db, &[]);
    let (status, board) = server.call("GET", &format!("/api/classes/{id}"), Some(&trainer), None);
    assert_eq!(status, 200);
    let rows = board["rows"].as_array().unwrap();
    assert_eq!(rows.len(), PARTICIPANTS);
    for key in &acked {
        let (_, me) = server.call("GET", "/api/me", Some(key), None);
        assert_eq!(me["state"], "done", "acknowledged but lost: {}", me["name"]);
        assert_eq!(
            me["score"].as_f64().map(f64::to_bits),
            Some(score.to_bits())
        );
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let half: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM participants p LEFT JOIN results r ON r.participant_id = p.id
             WHERE (p.state = 'done') != (r.participant_id IS NOT NULL)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        half, 0,
        "a participant done without a result, or a result without done"
    );
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // The rest can still hand in.
    let done = rows.iter().filter(|r| r["state"] == "done").count();
    let rest = keys.iter().find(|k| !acked.contains(k));
    if let Some(k) = rest.filter(|_| done < PARTICIPANTS) {
        let (status, _) = server.call("POST", "/api/results", Some(k), Some(&body));
        assert!(status == 201 || status == 409, "{status}");
    }
}
