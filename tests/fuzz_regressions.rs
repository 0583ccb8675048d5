//! Every case the fuzzing campaign (`make fuzz`) ever found, and the hand-picked interesting
//! ones, kept in `tests/fuzz/corpus/` (file name `KIND-…`, KIND one of json, fragment,
//! storage) and checked on every `cargo test`: each gives a valid run with finite numbers or
//! one clear error naming the field.

#[path = "fuzz/check.rs"]
mod check;

use check::{check, Kind, Outcome};
use relsim::sim::{link, Scenario};

fn corpus() -> Vec<(String, Kind, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/corpus");
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the corpus directory exists") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let kind = Kind::ALL
            .into_iter()
            .find(|k| name.starts_with(&format!("{}-", k.id())))
            .unwrap_or_else(|| panic!("{name}: a corpus file is named KIND-…"));
        let bytes = std::fs::read(&path).unwrap();
        cases.push((name, kind, String::from_utf8_lossy(&bytes).into_owned()));
    }
    cases.sort();
    cases
}

#[test]
fn every_corpus_case_runs_or_is_refused_clearly() {
    let cases = corpus();
    assert!(cases.len() >= 10, "{} corpus cases", cases.len());
    for (name, kind, input) in &cases {
        if let Err(problem) = check(*kind, input) {
            panic!("{name}: {problem}");
        }
    }
}

fn refused(kind: Kind, input: &str) -> String {
    match check(kind, input) {
        Ok(Outcome::Refused(message)) => message,
        other => panic!("{input:?} should be refused: {other:?}"),
    }
}

/// Found by the campaign: an unknown enum value holding a line break broke the error onto two
/// lines (the message quotes the value); control characters are now escaped.
#[test]
fn an_unknown_variant_with_a_line_break_is_one_line() {
    let m = refused(
        Kind::Json,
        r#"{"incidents":[{"week":1,"category":"external","kind":"budget_cut","polarity":"\n","magnitude":0.5,"party":"client"}]}"#,
    );
    assert!(m.starts_with("incidents[0].polarity: "), "{m}");
    assert!(m.contains("unknown variant `\\n`"), "{m}");
}

/// Found by the campaign: serde reads a struct from an array of its fields in order, so `[…]`
/// was half understood as a scenario; a scenario is now an object or refused.
#[test]
fn a_scenario_is_an_object() {
    for text in ["[1]", "[1, \"name\", \"\", 7, 52]", "\"text\"", "3", "null"] {
        let m = refused(Kind::Json, text);
        assert!(m.contains("a scenario is a JSON object"), "{text}: {m}");
    }
}

/// Found by the campaign: a JSON syntax error's path came out as `?`; the unnamed step is left
/// out and the line and column place it.
#[test]
fn a_syntax_error_is_placed_by_line_and_column() {
    let m = refused(Kind::Json, "{\"description\": \"x\" a: 1}");
    assert!(m.starts_with("invalid scenario JSON"), "{m}");
    assert!(m.contains("line 1 column"), "{m}");
    let m = refused(Kind::Json, "{\"contract\": {\"fee_per_week\": 3 \"x\"}}");
    assert!(m.starts_with("contract: invalid scenario JSON"), "{m}");
}

#[test]
fn a_type_error_names_the_field() {
    let m = refused(Kind::Json, r#"{"contract": {"term_weeks": "NaN"}}"#);
    assert!(m.starts_with("contract.term_weeks: "), "{m}");
    let m = refused(Kind::Storage, r#"{"weeks": 1e999}"#);
    assert!(
        m.starts_with("weeks: ") && m.contains("line 1 column"),
        "{m}"
    );
}

#[test]
fn a_link_with_bad_percent_encoding_says_so() {
    let good = link::encode_fragment(&Scenario::default());
    assert!(matches!(check(Kind::Fragment, &good), Ok(Outcome::Ran)));
    let m = refused(Kind::Fragment, &format!("{}%G1", &good[..40]));
    assert!(m.contains("bad percent-encoding at character 37"), "{m}");
    let m = refused(Kind::Fragment, &format!("{}%FF", &good[..40]));
    assert!(m.contains("not valid UTF-8"), "{m}");
    let m = refused(Kind::Fragment, &good[..good.len() - 1]);
    assert!(m.contains("bad percent-encoding"), "{m}");
}

/// Found by the campaign: the path of an unknown field held the unknown name itself (with its
/// dots and line breaks); it is now the object the field was found in, and the message names it.
#[test]
fn an_unknown_field_is_reported_at_its_object() {
    let m = refused(Kind::Json, r#"{"client": {"ne\ned": 1}}"#);
    assert!(m.starts_with("client: "), "{m}");
    assert!(
        m.contains("unknown field `ne\\ned`") && !m.contains('\n'),
        "{m}"
    );
    let m = refused(Kind::Json, r#"{"supplier1.": 1}"#);
    assert!(
        m.starts_with("invalid scenario JSON: unknown field `supplier1.`"),
        "{m}"
    );
    let m = refused(
        Kind::Json,
        r#"{"interventions": [{"kind": "realign", "week": 3, "x": 1}]}"#,
    );
    assert!(m.starts_with("interventions"), "{m}");
}
