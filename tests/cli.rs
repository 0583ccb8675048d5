//! The command-line tool: output shapes, determinism and every error path (exit code 2, one line
//! on stderr, never a panic).

mod common;

use common::{fails_cleanly, relsim, tmp};
use std::process::{Command, Output};

/// The sum of the numbers in the JSON object `v` (panics on anything else).
fn sum_of_values(v: &serde_json::Value) -> f64 {
    v.as_object()
        .unwrap()
        .values()
        .map(|x| x.as_f64().unwrap())
        .sum()
}

#[test]
fn run_prints_the_summary_shape() {
    let f = tmp("partial.json", r#"{"contract": {"obligation": "result"}}"#);
    let out = relsim(&["run", &f, "--runs", "50"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["runs"], 50);
    assert_eq!(v["weeks"], 260);
    let shares = sum_of_values(&v["status_at_end"]);
    assert!((shares - 1.0).abs() < 1e-9);
    for k in [
        "effort",
        "extra_work_focus",
        "sla",
        "quality",
        "client_appreciation",
        "supplier_appreciation",
        "relationship",
        "client_trust",
        "supplier_trust",
        "alignment",
    ] {
        let m = v["mean"][k].as_f64().unwrap_or_else(|| panic!("mean.{k}"));
        assert!((0.0..=1.0).contains(&m), "{k} = {m}");
    }
    assert!(v["totals"]["client_cost"].as_f64().unwrap() > 0.0);
    assert!(v["totals"]["supplier_margin"].is_number());
    let weeks = sum_of_values(&v["weeks_in_status"]);
    assert!((weeks - 260.0).abs() < 1e-6);
}

#[test]
fn same_input_and_seed_same_output() {
    let a = relsim(&["run", "preset:farbo", "--runs", "20", "--seed", "42"]);
    let b = relsim(&["run", "preset:farbo", "--runs", "20", "--seed", "42"]);
    let c = relsim(&["run", "preset:farbo", "--runs", "20", "--seed", "43"]);
    assert_eq!(a.stdout, b.stdout);
    assert_ne!(a.stdout, c.stdout);
}

#[test]
fn csv_with_one_run_prints_weekly_rows() {
    let out = relsim(&["run", "preset:article-figure", "--format", "csv"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("week,effort,extra_work_focus,sla,quality,expectation"));
    assert!(header.contains("client_trust_ceiling"));
    assert!(header.ends_with("supplier_margin,client_net_value,bonus_paid,sla_measured,relationship_type,approach,events"));
    assert_eq!(lines.count(), 260);
    assert!(text.contains("help_beyond_contract"));
}

#[test]
fn presets_and_preset_and_validate() {
    let out = relsim(&["presets"]);
    let list = String::from_utf8(out.stdout).unwrap();
    assert!(list.lines().count() >= 7 && list.contains("farbo"));
    let out = relsim(&["preset", "farbo"]);
    let json = String::from_utf8(out.stdout).unwrap();
    let f = tmp("farbo.json", &json);
    let out = relsim(&["validate", &f]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok"));
}

#[test]
fn bad_input_fails_with_exit_code_2_and_one_line() {
    fails_cleanly(&["run", "/no/such/file.json"], "cannot read");
    fails_cleanly(
        &["run", &tmp("bad.json", "{not json")],
        "invalid scenario JSON",
    );
    fails_cleanly(
        &["run", &tmp("nan.json", r#"{"seed": NaN}"#)],
        "invalid scenario JSON",
    );
    fails_cleanly(
        &[
            "run",
            &tmp("range.json", r#"{"contract": {"incentive_share": 0.9}}"#),
        ],
        "contract.incentive_share: 0.9 is outside the allowed range 0..=0.5",
    );
    fails_cleanly(
        &[
            "validate",
            &tmp("unknown.json", r#"{"contract": {"fee": 3}}"#),
        ],
        "unknown field `fee`",
    );
    fails_cleanly(
        &[
            "run",
            &tmp(
                "kind.json",
                r#"{"incidents":[{"week":1,"category":"external","kind":"late_payment","polarity":"negative","magnitude":0.5,"party":"client"}]}"#,
            ),
        ],
        "incidents[0].kind",
    );
    fails_cleanly(&["run", "preset:farbo", "--runs", "0"], "--runs");
    fails_cleanly(&["run", "preset:farbo", "--runs", "10001"], "--runs");
    fails_cleanly(&["run", "preset:farbo", "--format", "xml"], "--format");
    fails_cleanly(&["run", "preset:farbo", "--seed", "-1"], "--seed");
    fails_cleanly(&["run", "preset:nope"], "unknown preset");
    fails_cleanly(&["preset", "nope"], "unknown preset");
    fails_cleanly(&["frobnicate"], "unknown command");
}

#[test]
fn sweep_prints_points_with_summaries() {
    let out = relsim(&[
        "sweep",
        "preset:helpdesk-insourced",
        "--param",
        "contract.incentive_share",
        "--from",
        "0",
        "--to",
        "0.4",
        "--steps",
        "3",
        "--runs",
        "40",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["param"], "contract.incentive_share");
    let points = v["points"].as_array().unwrap();
    assert_eq!(points.len(), 3);
    assert_eq!(points[1]["value"], 0.2);
    assert_eq!(points[1]["summary"]["runs"], 40);
    assert!(points[2]["summary"]["mean"]["effort"].is_number());
    let csv = relsim(&[
        "sweep",
        "preset:default",
        "--param",
        "contract.term_weeks",
        "--from",
        "52",
        "--to",
        "104",
        "--steps",
        "2",
        "--runs",
        "10",
        "--format",
        "csv",
    ]);
    let text = String::from_utf8(csv.stdout).unwrap();
    assert_eq!(text.lines().count(), 3);
    assert!(text.starts_with("value,"));
}

#[test]
fn compare_prints_a_b_and_their_difference() {
    let out = relsim(&[
        "compare",
        "preset:default",
        "preset:healthy-partnership",
        "--runs",
        "50",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let (a, b, d) = (&v["a"], &v["b"], &v["difference"]);
    for path in [
        ["totals", "client_cost"],
        ["mean", "effort"],
        ["status_at_end", "partnership"],
    ] {
        let (x, y, z) = (
            a[path[0]][path[1]].as_f64().unwrap(),
            b[path[0]][path[1]].as_f64().unwrap(),
            d[path[0]][path[1]].as_f64().unwrap(),
        );
        assert!((y - x - z).abs() < 1e-9, "{path:?}");
    }
    // The same scenario against itself differs by nothing (same seeds).
    let same = relsim(&["compare", "preset:farbo", "preset:farbo", "--runs", "20"]);
    let v: serde_json::Value = serde_json::from_slice(&same.stdout).unwrap();
    assert_eq!(v["difference"]["totals"]["client_cost"], 0.0);
}

#[test]
fn sweep_and_compare_errors() {
    let base = [
        "sweep",
        "preset:default",
        "--from",
        "0",
        "--to",
        "1",
        "--steps",
        "3",
    ];
    fails_cleanly(&base, "--param");
    let with = |p: &'static str| [&base[..], &["--param", p]].concat();
    fails_cleanly(&with("contract.nope"), "contract.nope: is not a field");
    fails_cleanly(&with("contract.obligation"), "is not a numeric field");
    fails_cleanly(
        &[
            &base[..4],
            &[
                "--to",
                "0.9",
                "--steps",
                "3",
                "--param",
                "contract.incentive_share",
            ],
        ]
        .concat(),
        "contract.incentive_share: 0.9 is outside the allowed range",
    );
    let horizon = |from: &'static str, steps: &'static str| {
        [
            "sweep",
            "preset:default",
            "--param",
            "supplier.horizon",
            "--from",
            from,
            "--to",
            "1",
            "--steps",
            steps,
        ]
    };
    fails_cleanly(&horizon("0", "1"), "--steps");
    fails_cleanly(&horizon("x", "3"), "--from");
    fails_cleanly(&["compare", "preset:default"], "compare: missing B");
    fails_cleanly(
        &["compare", "preset:default", "/no/file.json"],
        "cannot read",
    );
}

#[test]
fn an_option_a_subcommand_does_not_take_is_an_error_naming_it() {
    fails_cleanly(
        &["compare", "preset:default", "preset:farbo", "--param", "x"],
        "compare: option --param does not apply",
    );
    fails_cleanly(
        &["run", "preset:default", "--steps", "3"],
        "run: option --steps does not apply",
    );
    fails_cleanly(
        &["validate", "preset:default", "--runs", "3"],
        "validate: option --runs does not apply",
    );
    fails_cleanly(&["run", "preset:default", "--frobnicate"], "--frobnicate");
    fails_cleanly(
        &["run", "preset:default", "preset:farbo"],
        "unexpected argument 'preset:farbo'",
    );
    fails_cleanly(&["run", "preset:default", "--runs"], "--runs needs a value");
}

#[test]
fn a_64_bit_seed_is_taken_whole() {
    let max = relsim(&[
        "run",
        "preset:farbo",
        "--runs",
        "5",
        "--seed",
        "18446744073709551615",
    ]);
    let below = relsim(&[
        "run",
        "preset:farbo",
        "--runs",
        "5",
        "--seed",
        "18446744073709551614",
    ]);
    assert!(max.status.success() && below.status.success());
    // Adjacent seeds differ, so no seed is rounded through a 53-bit float on the way.
    assert_ne!(max.stdout, below.stdout);
    fails_cleanly(
        &["run", "preset:farbo", "--seed", "18446744073709551616"],
        "--seed",
    );
}

#[test]
fn compare_as_csv_has_a_b_and_difference_lines() {
    let out = relsim(&[
        "compare",
        "preset:default",
        "preset:healthy-partnership",
        "--runs",
        "20",
        "--format",
        "csv",
    ]);
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "scenario");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let labels: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(labels, ["a", "b", "difference"]);
    let cost = col("totals.client_cost");
    let num = |r: usize| rows[r][cost].parse::<f64>().unwrap();
    assert!((num(1) - num(0) - num(2)).abs() < 1e-6);
    assert_ne!(num(2), 0.0);
}

/// Spawns `relsim` with its output pipe closed before it writes.
fn closed_pipe(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_relsim"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for args in [
        &["run", "preset:default", "--format", "csv"][..],
        &["run", "preset:default", "--runs", "20"],
        &["presets"],
    ] {
        let out = closed_pipe(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // As in a shell pipeline: `relsim run … --format csv | head -1`.
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{}' run preset:default --format csv | head -1",
            env!("CARGO_BIN_EXE_relsim")
        ))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn weekly_csv_reads_back_with_a_csv_parser() {
    let out = relsim(&["run", "preset:farbo", "--format", "csv"]);
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 260);
    let events = header.iter().position(|h| h == "events").unwrap();
    // Incident texts hold commas ("(external, late_payment, 0.50)"): they stay one field.
    assert!(rows
        .iter()
        .any(|r| r[events].contains(", ") && r.len() == header.len()));
    assert!(rows.iter().all(|r| r.len() == header.len()));
}

#[test]
fn an_event_with_a_comma_a_quote_and_a_newline_survives_csv() {
    use relsim::sim::{self, record::Outcome, Event};
    let mut h = sim::run(&sim::presets::find("default").unwrap().scenario());
    let kind = "say \"yes\", then\nmore";
    h.events.insert(
        0,
        (
            0,
            Event::Intervention {
                kind,
                outcome: Outcome::Done,
            },
        ),
    );
    let text = sim::csv::history_csv(&h);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), h.rows.len());
    let first = rows[0].get(header.len() - 1).unwrap();
    let expected: Vec<String> = h.events_in(0).map(Event::describe).collect();
    assert_eq!(first, expected.join("; "));
    assert!(first.starts_with("say \"yes\", then\nmore carried out"));
}

const GRID: [&str; 14] = [
    "--x",
    "contract.fee_per_week",
    "--x-from",
    "9",
    "--x-to",
    "12",
    "--x-steps",
    "3",
    "--y",
    "contract.incentive_share",
    "--y-from",
    "0",
    "--y-to",
    "0.3",
];

fn sweep2(extra: &[&str]) -> Output {
    let mut args = vec!["sweep2", "preset:default"];
    args.extend(GRID);
    args.extend(["--y-steps", "2", "--runs", "12"]);
    args.extend(extra);
    relsim(&args)
}

#[test]
fn sweep2_prints_a_cell_per_combination_row_by_row() {
    let out = sweep2(&[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["cells", "x", "y"]);
    assert_eq!(v["x"], "contract.fee_per_week");
    assert_eq!(v["y"], "contract.incentive_share");
    let cells = v["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 6);
    let at: Vec<(f64, f64)> = cells
        .iter()
        .map(|c| (c["x"].as_f64().unwrap(), c["y"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        at,
        [
            (9.0, 0.0),
            (10.5, 0.0),
            (12.0, 0.0),
            (9.0, 0.3),
            (10.5, 0.3),
            (12.0, 0.3)
        ]
    );
    for c in cells {
        let mut keys: Vec<&String> = c.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["summary", "x", "y"]);
        assert_eq!(c["summary"]["runs"], 12);
    }
    // A higher fee pays the supplier more over the same seeds (first row: no incentive).
    let margin = |i: usize| {
        cells[i]["summary"]["totals"]["supplier_margin"]
            .as_f64()
            .unwrap()
    };
    assert!(margin(0) != margin(2), "the fee changes the outcome");
}

#[test]
fn sweep2_cell_equals_run_with_both_inputs_set() {
    let out = sweep2(&[]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut s: serde_json::Value =
        serde_json::from_slice(&relsim(&["preset", "default"]).stdout).unwrap();
    s["contract"]["fee_per_week"] = 12.0.into();
    s["contract"]["incentive_share"] = 0.3.into();
    let f = tmp("cell.json", &s.to_string());
    let run: serde_json::Value =
        serde_json::from_slice(&relsim(&["run", &f, "--runs", "12"]).stdout).unwrap();
    assert_eq!(v["cells"][5]["summary"], run);
}

#[test]
fn sweep2_output_does_not_depend_on_the_thread_count() {
    let one = sweep2(&["--threads", "1"]);
    let two = sweep2(&["--threads", "2"]);
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
    let one = sweep2(&["--threads", "1", "--format", "csv"]);
    let three = sweep2(&["--threads", "3", "--format", "csv"]);
    assert_eq!(one.stdout, three.stdout);
    let text = String::from_utf8(one.stdout).unwrap();
    assert_eq!(text.lines().count(), 7, "a header and one line per cell");
    assert!(text.starts_with("contract.fee_per_week,contract.incentive_share,mean.alignment,"));
    let r1 = relsim(&["run", "preset:farbo", "--runs", "9", "--threads", "1"]);
    let r2 = relsim(&["run", "preset:farbo", "--runs", "9", "--threads", "2"]);
    assert_eq!(r1.stdout, r2.stdout);
}

#[test]
fn sweep2_errors_name_the_field_or_option() {
    let mut args = vec!["sweep2", "preset:default"];
    args.extend(GRID);
    args.extend(["--y-steps", "2"]);
    let with = |i: usize, v: &'static str| {
        let mut a = args.clone();
        a[i] = v;
        a
    };
    fails_cleanly(&with(3, "contract.nope"), "contract.nope: is not a field");
    fails_cleanly(&with(11, "demand.bogus"), "demand.bogus");
    fails_cleanly(&with(15, "0.9"), "contract.incentive_share");
    fails_cleanly(&with(9, "1"), "--x-steps: 1 is outside the allowed range");
    fails_cleanly(&with(17, "500"), "--y-steps: 500 is outside");
    fails_cleanly(&with(5, "abc"), "--x-from: 'abc' is not a finite number");
    fails_cleanly(&args[..args.len() - 2], "--y-steps is required");
    let mut t = args.clone();
    t.extend(["--threads", "0"]);
    fails_cleanly(&t, "--threads: '0' is not a whole number in 1..=256");
    let mut p = args.clone();
    p.extend(["--param", "x"]);
    fails_cleanly(&p, "sweep2: option --param does not apply");
    fails_cleanly(
        &["sweep", "preset:default", "--x", "contract.fee_per_week"],
        "sweep: option --x does not apply",
    );
}

#[test]
fn version_and_standard_input() {
    let out = common::relsim(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("relsim {}\n", env!("CARGO_PKG_VERSION"))
    );
    // `-` reads the scenario from standard input.
    let run = |args: &[&str], input: &str| {
        use std::io::Write;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_relsim"))
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(&["validate", "-"], r#"{"name":"From a pipe"}"#);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ok: From a pipe\n");
    // Standard input holds one document: a second `-` is refused by name.
    let out = run(&["compare", "-", "-"], "{}");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("- (standard input) can be given only once"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_weekly_csv_carries_each_incident_note() {
    let out = common::relsim(&["run", "preset:farbo", "--format", "csv"]);
    assert!(out.status.success());
    let csv = String::from_utf8_lossy(&out.stdout);
    let scenario = relsim::sim::presets::find("farbo").unwrap().scenario();
    let notes: Vec<&str> = scenario
        .incidents
        .iter()
        .map(|i| i.note.as_str())
        .filter(|n| !n.is_empty())
        .collect();
    assert!(!notes.is_empty(), "the FARBO story has notes");
    for note in notes {
        assert!(
            csv.contains(note),
            "the note '{note}' is in the events column"
        );
    }
}

/// `cargo install --path .` installs every binary whose required features the default features
/// give: only `relsim` may be one of them (the web app's programs are built by trunk).
#[test]
fn cargo_install_installs_only_relsim() {
    let out = std::process::Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let package = &meta["packages"][0];
    // The features the default set turns on, followed through their own lists.
    let features = package["features"].as_object().unwrap();
    let mut on: Vec<String> = vec!["default".into()];
    let mut i = 0;
    while i < on.len() {
        if let Some(list) = features.get(&on[i]).and_then(|v| v.as_array()) {
            for f in list.iter().filter_map(|f| f.as_str()) {
                if !f.starts_with("dep:") && !on.iter().any(|o| o == f) {
                    on.push(f.to_string());
                }
            }
        }
        i += 1;
    }
    let installed: Vec<&str> = package["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kind"].as_array().unwrap().iter().any(|k| k == "bin"))
        .filter(|t| {
            t["required-features"].as_array().is_none_or(|req| {
                req.iter()
                    .all(|r| on.iter().any(|o| o == r.as_str().unwrap()))
            })
        })
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(installed, ["relsim"], "default features: {on:?}");
}
