//! The model's constants as data: a scenario's `model` overrides, `relsim params` and
//! `--params FILE`, each checked and each changing what runs.

mod common;

use common::{relsim, tmp};
use relsim::sim::{self, params, Scenario};

#[test]
fn an_override_in_the_scenario_changes_the_run_and_old_files_are_unchanged() {
    let plain = Scenario::default();
    assert!(!plain.to_json().contains("\"model\""), "omitted when empty");
    let mut gamed = plain.clone();
    gamed.model.insert("report_slack".into(), 0.0);
    gamed.contract.obligation = sim::Obligation::Result;
    let mut honest = gamed.clone();
    honest.model.insert("report_slack".into(), 0.2);
    let (a, b) = (sim::run(&gamed), sim::run(&honest));
    assert_ne!(a.rows, b.rows, "report_slack must reach the run");
    // It round-trips through JSON and validation.
    let back = Scenario::from_json(&gamed.to_json()).unwrap();
    assert_eq!(back.model, gamed.model);
}

#[test]
fn a_bad_override_is_named_with_its_range() {
    let e = Scenario::from_json(r#"{"model": {"trust_loss": 9}}"#).unwrap_err();
    assert_eq!(e.path, "model.trust_loss");
    let s = params::spec("trust_loss").unwrap();
    assert!(
        e.message
            .contains(&format!("allowed range {}..={}", s.min, s.max)),
        "{}",
        e.message
    );
    let e = Scenario::from_json(r#"{"model": {"trust_lose": 1}}"#).unwrap_err();
    assert_eq!(e.path, "model.trust_lose");
    assert!(
        e.message.contains("unknown model constant"),
        "{}",
        e.message
    );
    let e = Scenario::from_json(
        r#"{"model": {"random_magnitude_min": 0.3, "random_magnitude_max": 0.4}}"#,
    );
    assert!(e.is_ok(), "ordered pair accepted");
}

#[test]
fn every_perturbation_of_twenty_percent_stays_a_valid_model() {
    for s in params::SPECS {
        for f in [0.8, 1.2] {
            let v = (s.default * f).clamp(s.min, s.max);
            let mut o = params::Overrides::new();
            o.insert(s.name.into(), v);
            // The one ordered pair may cross when one end moves alone: it is clamped then.
            if params::check(&o).is_err() {
                assert!(s.name.starts_with("random_magnitude"), "{}", s.name);
            }
        }
    }
}

#[test]
fn relsim_params_prints_a_file_that_params_reads_back() {
    let out = relsim(&["params"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let map: params::Overrides = serde_json::from_str(&text).unwrap();
    assert_eq!(map.len(), params::SPECS.len());
    assert_eq!(
        params::ModelParams::with(&map),
        params::ModelParams::default()
    );
    let file = tmp("defaults.json", &text);
    let plain = relsim(&["run", "preset:farbo", "--runs", "20"]);
    let same = relsim(&["run", "preset:farbo", "--runs", "20", "--params", &file]);
    assert_eq!(plain.stdout, same.stdout, "the defaults change nothing");
    let changed = tmp("slack.json", r#"{"trust_loss": 2.0}"#);
    let other = relsim(&["run", "preset:farbo", "--runs", "20", "--params", &changed]);
    assert!(other.status.success());
    assert_ne!(plain.stdout, other.stdout);
    let csv = relsim(&["params", "--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with("name,group,default,min,max,unit,reason"));
    assert_eq!(csv.lines().count(), params::SPECS.len() + 1);
}

#[test]
fn a_bad_params_file_fails_with_the_constant_and_its_range() {
    let bad = tmp("bad.json", r#"{"gaming": 0.9}"#);
    for cmd in [
        vec!["run", "preset:farbo", "--params", &bad],
        vec!["compare", "preset:farbo", "preset:farbo", "--params", &bad],
    ] {
        let out = relsim(&cmd);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("gaming") && err.contains("0.1..=0.5"), "{err}");
    }
    let junk = tmp("junk.json", r#"{"gaming": "high"}"#);
    let out = relsim(&["run", "preset:farbo", "--params", &junk]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("name: number"));
}

#[test]
fn names_descriptions_and_notes_have_length_limits_named_in_the_error() {
    use relsim::sim::fields::{MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS};
    let long = |n: usize| "x".repeat(n);
    let mut s = relsim::sim::Scenario {
        name: long(MAX_NAME_CHARS),
        description: long(MAX_DESCRIPTION_CHARS),
        ..Default::default()
    };
    assert!(s.validate().is_ok(), "at the limits");
    s.name = long(MAX_NAME_CHARS + 1);
    let e = s.validate().unwrap_err();
    assert_eq!(e.path, "name");
    assert!(e.message.contains("121 characters"), "{e}");
    s.name.clear();
    s.description = long(20_000_000);
    let e = s.validate().unwrap_err();
    assert_eq!(e.path, "description");
    // A note of one character too many, in a scripted incident.
    s.description.clear();
    let mut t: relsim::sim::Scenario = relsim::sim::Scenario::from_json(&format!(
        r#"{{"incidents":[{{"week":3,"category":"interpersonal","kind":"poor_cooperation","polarity":"negative","magnitude":0.3,"party":"client","note":"{}"}}]}}"#,
        long(MAX_NOTE_CHARS)
    ))
    .unwrap();
    t.incidents[0].note.push('é');
    let e = t.validate().unwrap_err();
    assert_eq!(e.path, "incidents[0].note");
    assert!(e.message.contains(&format!("0..={MAX_NOTE_CHARS}")), "{e}");
}
