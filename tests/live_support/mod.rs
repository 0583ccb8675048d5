//! Helpers for the class server's tests: a `relsim serve` process on a free loopback port
//! with its own database (stopped by its PID when dropped), and a small HTTP/1.1 client over
//! a plain TCP stream, so that the tests need no HTTP crate of their own.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

/// A running `relsim serve`; its client's methods are its own.
pub struct Server {
    child: Child,
    client: Client,
    /// Its database file.
    pub db: PathBuf,
}

/// A client of the server on a loopback port.
#[derive(Clone, Copy)]
pub struct Client {
    /// The port on 127.0.0.1.
    pub port: u16,
}

impl std::ops::Deref for Server {
    type Target = Client;
    fn deref(&self) -> &Client {
        &self.client
    }
}

/// A fresh folder for one test's database.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("relsim-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Server {
    /// Starts a server on `db` with a free port (`--port 0`), reading the port from its first
    /// line.
    pub fn start(db: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_relsim"))
            .args(["serve", "--port", "0", "--site", "dist", "--db"])
            .arg(db)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("relsim serve starts");
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        out.read_line(&mut first).unwrap();
        let port = first
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in the first line: {first:?}"));
        // Keep reading what it prints, so that a full pipe never stops it.
        std::thread::spawn(move || for _ in out.lines() {});
        Server {
            child,
            client: Client { port },
            db: db.to_path_buf(),
        }
    }

    /// Kills the process (SIGKILL) and waits for it.
    pub fn kill(mut self) {
        self.kill_now();
    }

    /// Kills the process (SIGKILL) and waits for it, leaving the handle (for a test that
    /// shares the server between threads).
    pub fn kill_now(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Client {
    /// A request; returns the status and the body as JSON (`Null` when empty or not JSON).
    pub fn call(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&str>,
    ) -> (u16, Value) {
        let (status, text) = self.raw(method, path, key, body.map(str::as_bytes));
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// A request; returns the status and the body as text.
    pub fn raw(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&[u8]>,
    ) -> (u16, String) {
        self.try_raw(method, path, key, body)
            .expect("the server answers")
    }

    /// A request that may meet a dead server: `None` when no answer came.
    pub fn try_call(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&str>,
    ) -> Option<(u16, Value)> {
        let (status, text) = self.try_raw(method, path, key, body.map(str::as_bytes))?;
        Some((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
    }

    fn try_raw(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&[u8]>,
    ) -> Option<(u16, String)> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
        let body = body.unwrap_or_default();
        let auth = key
            .map(|k| format!("Authorization: Bearer {k}\r\n"))
            .unwrap_or_default();
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        s.write_all(head.as_bytes()).ok()?;
        // A refused large body may be answered before all of it is read: ignore a reset.
        let _ = s.write_all(body);
        let mut raw = Vec::new();
        let _ = s.read_to_end(&mut raw);
        let text = String::from_utf8_lossy(&raw).to_string();
        let status: u16 = text.split(' ').nth(1).and_then(|c| c.parse().ok())?;
        let (headers, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let body = if headers
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            dechunk(rest)
        } else {
            rest.to_string()
        };
        Some((status, body))
    }

    /// Opens the live board's event stream with `key`; returns a reader of its `data:` lines.
    pub fn events(&self, class_id: &str, key: &str) -> Events {
        self.stream(&format!("/api/classes/{class_id}/events"), key)
    }

    /// Opens the event stream at `path` with `key`.
    pub fn stream(&self, path: &str, key: &str) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let head = format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {key}\r\nAccept: text/event-stream\r\n\r\n"
        );
        s.write_all(head.as_bytes()).unwrap();
        Events {
            reader: BufReader::new(s),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, tail)) = rest.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if n == 0 || tail.len() < n {
            break;
        }
        out.push_str(&tail[..n]);
        rest = tail[n..].trim_start_matches("\r\n");
    }
    out
}

/// A live board's stream.
pub struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    /// The next event's JSON (the stream's chunk framing and keep-alive comments skipped).
    pub fn next(&mut self) -> Value {
        loop {
            let mut line = String::new();
            let n = self
                .reader
                .read_line(&mut line)
                .expect("the stream sends within 10 s");
            assert!(n > 0, "the stream ended");
            if let Some(data) = line.trim_end().strip_prefix("data: ") {
                return serde_json::from_str(data).unwrap();
            }
        }
    }
}

/// The farbo-crisis exercise as the repository ships it.
pub fn exercise_json() -> String {
    std::fs::read_to_string("exercises/farbo-crisis.json").unwrap()
}

/// Opens a class on the farbo exercise; returns (class id, code, trainer key).
pub fn open_class(s: &Server) -> (String, String, String) {
    open_class_on(s, &exercise_json())
}

/// Opens a class on the exercise `json`; returns (class id, code, trainer key).
pub fn open_class_on(s: &Server, json: &str) -> (String, String, String) {
    open_class_with(s, json, "arrival")
}

/// Opens a class on the exercise `json` whose pairs form by `pairing` (`arrival` or `hand`);
/// returns (class id, code, trainer key).
pub fn open_class_with(s: &Server, json: &str, pairing: &str) -> (String, String, String) {
    let body = format!(
        r#"{{"exercise": {json}, "origin": "http://127.0.0.1:{}", "pairing": "{pairing}"}}"#,
        s.port
    );
    let (status, v) = s.call("POST", "/api/classes", None, Some(&body));
    assert_eq!(status, 201, "{v}");
    (
        v["class"]["id"].as_str().unwrap().into(),
        v["class"]["code"].as_str().unwrap().into(),
        v["trainer_key"].as_str().unwrap().into(),
    )
}

/// Joins a class; returns the participant key.
pub fn join(s: &Server, code: &str, name: &str) -> String {
    let body = serde_json::json!({ "code": code, "name": name }).to_string();
    let (status, v) = s.call("POST", "/api/join", None, Some(&body));
    assert_eq!(status, 201, "{v}");
    v["participant_key"].as_str().unwrap().into()
}

/// A play's decisions and score, computed natively: `choices[i]` is the option index at
/// moment i (carry on after).
pub fn played(choices: &[usize]) -> (Value, f64) {
    let ex = relsim::sim::exercise::Exercise::from_json(&exercise_json()).unwrap();
    let mut play = relsim::sim::exercise::Play::new(ex.clone());
    for &c in choices {
        play.decide(c);
    }
    while !play.is_finished() {
        play.decide(0);
    }
    let score = relsim::sim::exercise::score_of(&ex, &play.history().rows).total;
    (serde_json::to_value(&play.decisions).unwrap(), score)
}
