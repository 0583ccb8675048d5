//! `relsim`: the command-line tool over the simulation core — runs, ensembles, presets,
//! validation. Errors go to stderr as one line with exit code 2.

use std::process::ExitCode;

use relsim::sim::{self, presets, Ensemble, Plan, Scenario, Summary};

const USAGE: &str = "usage:
  relsim run FILE [--runs N] [--seed S] [--format json|csv]
  relsim presets
  relsim preset NAME
  relsim validate FILE
FILE may be a path or preset:NAME.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("relsim: {e}");
            ExitCode::from(2)
        }
    }
}

fn dispatch(args: &[String]) -> Result<String, String> {
    let (cmd, rest) = args
        .split_first()
        .ok_or("missing command (relsim --help lists them)")?;
    match cmd.as_str() {
        "run" => run(rest),
        "presets" => Ok(presets::ALL
            .iter()
            .map(|p| format!("{}\t{}\n", p.id, p.scenario().name))
            .collect()),
        "preset" => {
            let name = rest.first().ok_or("preset: missing NAME")?;
            let p = presets::find(name).ok_or_else(|| {
                format!(
                    "unknown preset '{name}' (known: {})",
                    presets::ids().join(", ")
                )
            })?;
            Ok(format!("{}\n", p.scenario().to_json()))
        }
        "validate" => {
            let file = rest.first().ok_or("validate: missing FILE")?;
            let s = load(file)?;
            Ok(format!("ok: {}\n", s.name))
        }
        "-h" | "--help" | "help" => Ok(format!("{USAGE}\n")),
        other => Err(format!(
            "unknown command '{other}' (relsim --help lists them)"
        )),
    }
}

/// Loads a scenario from a file path or `preset:NAME`.
fn load(file: &str) -> Result<Scenario, String> {
    if let Some(name) = file.strip_prefix("preset:") {
        return presets::find(name)
            .map(|p| p.scenario())
            .ok_or_else(|| format!("unknown preset '{name}'"));
    }
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    Scenario::from_json(&text).map_err(|e| format!("{file}: {e}"))
}

struct Options {
    runs: u32,
    seed: Option<u64>,
    csv: bool,
}

fn options(args: &[String]) -> Result<(String, Options), String> {
    let mut file = None;
    let mut o = Options {
        runs: 1,
        seed: None,
        csv: false,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--runs" => {
                let v = value("--runs")?;
                o.runs = v
                    .parse()
                    .ok()
                    .filter(|n| (1..=sim::MAX_RUNS).contains(n))
                    .ok_or(format!(
                        "--runs: '{v}' is not a whole number in 1..={}",
                        sim::MAX_RUNS
                    ))?;
            }
            "--seed" => {
                let v = value("--seed")?;
                o.seed = Some(
                    v.parse()
                        .map_err(|_| format!("--seed: '{v}' is not a u64"))?,
                );
            }
            "--format" => match value("--format")?.as_str() {
                "json" => o.csv = false,
                "csv" => o.csv = true,
                f => return Err(format!("--format: '{f}' is not json or csv")),
            },
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s if file.is_none() => file = Some(s.to_string()),
            s => return Err(format!("unexpected argument '{s}'")),
        }
    }
    Ok((file.ok_or("missing FILE")?, o))
}

fn run(args: &[String]) -> Result<String, String> {
    let (file, o) = options(args)?;
    let mut scenario = load(&file)?;
    if let Some(seed) = o.seed {
        scenario.seed = seed;
    }
    if o.csv && o.runs == 1 {
        return Ok(sim::csv::history_csv(&sim::run(&scenario)));
    }
    let plan = Plan::new(&scenario);
    let summary = Summary::of(&Ensemble::run(&plan, o.runs));
    if o.csv {
        return Ok(summary.to_csv());
    }
    serde_json::to_string_pretty(&summary)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}
