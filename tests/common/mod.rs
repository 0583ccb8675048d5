//! Helpers shared by the integration tests.
#![allow(dead_code)]

use relsim::sim::{self, Ensemble, History, Plan, Scenario, Summary};

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

/// Writes `text` to a file `name` in this test process's own temporary folder; returns its path.
pub fn tmp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("relsim-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}
