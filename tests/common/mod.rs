//! Helpers shared by the integration tests.
#![allow(dead_code)]

use relsim::sim::sweep::{sweep_values, Axis};
use relsim::sim::{self, presets, Ensemble, History, Plan, Scenario, Summary};

/// A scenario from a JSON patch over the defaults (panics on an invalid patch: a test bug).
pub fn scenario(json: &str) -> Scenario {
    Scenario::from_json(json).unwrap_or_else(|e| panic!("test scenario invalid: {e}"))
}

/// The same without random incidents, for scripted runs.
pub fn calm(json: &str) -> Scenario {
    let mut s = scenario(json);
    s.random_rates.external = 0.0;
    s.random_rates.interpersonal = 0.0;
    s.random_rates.business = 0.0;
    s
}

/// The scenario of the shipped preset `id`.
pub fn preset_scenario(id: &str) -> Scenario {
    presets::find(id)
        .unwrap_or_else(|| panic!("preset {id} exists"))
        .scenario()
}

/// Summary of an ensemble of `runs` runs.
pub fn summary(s: &Scenario, runs: u32) -> Summary {
    Summary::of(&Ensemble::run(&Plan::new(s), runs))
}

/// One run.
pub fn run(s: &Scenario) -> History {
    sim::run(s)
}

/// Mean of `f` over rows `from..to`.
pub fn mean(h: &History, from: usize, to: usize, f: impl Fn(&sim::Row) -> f64) -> f64 {
    let rows = &h.rows[from..to];
    rows.iter().map(f).sum::<f64>() / rows.len() as f64
}

/// An incident as JSON.
pub fn incident(
    week: u32,
    category: &str,
    kind: &str,
    polarity: &str,
    m: f64,
    party: &str,
) -> String {
    format!(
        r#"{{"week":{week},"category":"{category}","kind":"{kind}","polarity":"{polarity}","magnitude":{m},"party":"{party}"}}"#
    )
}

/// Runs the `relsim` binary built for these tests with `args`.
pub fn relsim(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_relsim"))
        .args(args)
        .output()
        .expect("relsim runs")
}

/// Runs `relsim` with `args` and checks that it fails cleanly: exit code 2, one line on stderr
/// that mentions `mention`, no panic and nothing on stdout.
#[track_caller]
pub fn fails_cleanly(args: &[&str], mention: &str) {
    let out = relsim(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(mention), "{err} should mention {mention}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}: output on stdout");
}

/// A sweep axis over the input at `param`, from `from` to `to` in `steps` values.
pub fn axis(param: &str, from: f64, to: f64, steps: u32) -> Axis {
    Axis {
        param: param.into(),
        values: sweep_values(from, to, steps).expect("values"),
    }
}

/// Writes `text` to a file `name` in this test process's own temporary folder; returns its path.
pub fn tmp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("relsim-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}
