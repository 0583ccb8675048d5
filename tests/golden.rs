//! Golden old links and files: scenario links (`tests/golden/links.txt`) and JSON files
//! (`tests/golden/files/`) written by the app and the CLI of schema version 1. They must load
//! with the current code forever — as the current schema version, with the fields they hold
//! kept and every newer field at its default — and give the summaries in
//! `tests/golden/summaries.json`.
//!
//! The inputs are never regenerated. The summaries change only when the model changes on
//! purpose; then re-bless them with `make golden` (`BLESS=1 cargo test --release --test golden`)
//! and review the diff of `summaries.json`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use relsim::sim::scenario::SCHEMA_VERSION;
use relsim::sim::{link, Ensemble, Plan, Scenario, Summary};
use serde_json::Value;

/// Runs per golden summary.
const RUNS: u32 = 50;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Every golden input: (name, how it is written, its JSON text).
fn inputs() -> Vec<(String, Scenario, String)> {
    let mut out = Vec::new();
    let links = std::fs::read_to_string(dir().join("links.txt")).unwrap();
    for line in links
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (name, hash) = line.split_once('\t').expect("NAME<TAB>#s=…");
        let scenario = match link::scenario_in_fragment(hash) {
            Some(Ok(s)) => s,
            other => panic!("link {name} no longer loads: {other:?}"),
        };
        let json = link::percent_decode(&hash[link::FRAGMENT_PREFIX.len()..]).unwrap();
        out.push((format!("link {name}"), scenario, json));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir().join("files"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let scenario = Scenario::from_json(&text)
            .unwrap_or_else(|e| panic!("file {name} no longer loads: {e}"));
        out.push((format!("file {name}"), scenario, text));
    }
    assert!(out.len() >= 20, "{} golden inputs", out.len());
    out
}

fn same_number(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// Checks `loaded` (the scenario as the current code reads it) against `written` (the old
/// JSON): fields written keep their value; fields not written equal `default`'s.
fn check_fields(at: &str, written: &Value, loaded: &Value, default: Option<&Value>) {
    match (written, loaded) {
        (Value::Object(w), Value::Object(l)) => {
            for (k, lv) in l {
                let path = format!("{at}.{k}");
                let dv = default.and_then(|d| d.get(k));
                match w.get(k) {
                    Some(wv) if k != "schema_version" => check_fields(&path, wv, lv, dv),
                    Some(_) => {}
                    None => {
                        if let Some(dv) = dv {
                            assert_eq!(lv, dv, "{path}: not in the file, so at its default");
                        }
                    }
                }
            }
            for k in w.keys() {
                assert!(
                    l.contains_key(k),
                    "{at}.{k}: written but dropped on loading"
                );
            }
        }
        (Value::Array(w), Value::Array(l)) => {
            assert_eq!(w.len(), l.len(), "{at}: length");
            for (i, (wv, lv)) in w.iter().zip(l).enumerate() {
                let dv = default.and_then(|d| d.get(i));
                check_fields(&format!("{at}[{i}]"), wv, lv, dv);
            }
        }
        _ => assert!(
            same_number(written, loaded),
            "{at}: {written} became {loaded}"
        ),
    }
}

#[test]
fn every_golden_link_and_file_loads_as_the_current_version() {
    let default = serde_json::to_value(Scenario::default()).unwrap();
    for (name, scenario, json) in inputs() {
        assert_eq!(
            scenario.schema_version, SCHEMA_VERSION,
            "{name}: loads as the current schema version"
        );
        let written: Value = serde_json::from_str(&json).unwrap();
        assert!(
            written.get("schema_version").is_none_or(|v| v == 1),
            "{name}: golden inputs are of version 1"
        );
        let loaded = serde_json::to_value(&scenario).unwrap();
        check_fields(&name, &written, &loaded, Some(&default));
        // What the current code writes for it loads back the same.
        let again = link::scenario_in_fragment(&link::encode_fragment(&scenario));
        assert_eq!(again, Some(Ok(scenario)), "{name}: round trip");
    }
}

fn summary(s: &Scenario) -> Value {
    serde_json::to_value(Summary::of(&Ensemble::run(&Plan::new(s), RUNS))).unwrap()
}

/// Equal in shape, numbers within 1e-9 (relative above 1): libm differences between platforms
/// may move the last bits.
fn close(at: &str, want: &Value, got: &Value, diffs: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            let keys: std::collections::BTreeSet<&String> = w.keys().chain(g.keys()).collect();
            for k in keys {
                match (w.get(k), g.get(k)) {
                    (Some(a), Some(b)) => close(&format!("{at}.{k}"), a, b, diffs),
                    _ => diffs.push(format!("{at}.{k}: present in only one")),
                }
            }
        }
        _ => match (want.as_f64(), got.as_f64()) {
            (Some(a), Some(b)) if (a - b).abs() <= 1e-9 * a.abs().max(1.0) => {}
            _ if want == got => {}
            _ => diffs.push(format!("{at}: {want} became {got}")),
        },
    }
}

#[test]
fn every_golden_input_gives_its_stored_summary() {
    let path = dir().join("summaries.json");
    let current: BTreeMap<String, Value> = inputs()
        .into_iter()
        .map(|(name, scenario, _)| (name, summary(&scenario)))
        .collect();
    if std::env::var_os("BLESS").is_some() {
        let text = serde_json::to_string_pretty(&current).unwrap() + "\n";
        std::fs::write(&path, text).unwrap();
        return;
    }
    let stored: BTreeMap<String, Value> = serde_json::from_str(
        &std::fs::read_to_string(&path)
            .expect("tests/golden/summaries.json exists (make golden writes it)"),
    )
    .unwrap();
    let mut diffs = Vec::new();
    for name in stored.keys().chain(current.keys()) {
        match (stored.get(name), current.get(name)) {
            (Some(w), Some(g)) => close(name, w, g, &mut diffs),
            (None, _) => diffs.push(format!("{name}: no stored summary")),
            (_, None) => diffs.push(format!("{name}: stored but no longer an input")),
        }
    }
    diffs.dedup();
    assert!(
        diffs.is_empty(),
        "{} differences from tests/golden/summaries.json (if the model changed on purpose, \
         re-bless with `make golden` and review the diff):\n{}",
        diffs.len(),
        diffs
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
