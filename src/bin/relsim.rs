//! `relsim`: the command-line tool over the simulation core — runs, ensembles, presets,
//! validation. Errors go to stderr as one line with exit code 2.

use std::process::ExitCode;

use relsim::sim::{self, presets, Ensemble, Plan, Scenario, Summary};

const USAGE: &str = "usage:
  relsim run FILE [--runs N] [--seed S] [--format json|csv]
  relsim sweep FILE --param PATH --from A --to B --steps K [--runs N] [--format json|csv]
  relsim compare A.json B.json [--runs N]
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
        "sweep" => sweep(rest),
        "compare" => compare(rest),
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
    param: Option<String>,
    from: Option<f64>,
    to: Option<f64>,
    steps: Option<u32>,
}

fn number(name: &str, v: &str) -> Result<f64, String> {
    v.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or(format!("{name}: '{v}' is not a finite number"))
}

fn options(args: &[String], default_runs: u32) -> Result<(Vec<String>, Options), String> {
    let mut files = Vec::new();
    let mut o = Options {
        runs: default_runs,
        seed: None,
        csv: false,
        param: None,
        from: None,
        to: None,
        steps: None,
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
            "--param" => o.param = Some(value("--param")?.clone()),
            "--from" => o.from = Some(number("--from", value("--from")?)?),
            "--to" => o.to = Some(number("--to", value("--to")?)?),
            "--steps" => {
                let v = value("--steps")?;
                o.steps = Some(
                    v.parse()
                        .map_err(|_| format!("--steps: '{v}' is not a whole number"))?,
                );
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => files.push(s.to_string()),
        }
    }
    Ok((files, o))
}

/// Exactly `n` file arguments.
fn exactly(files: Vec<String>, n: usize) -> Result<Vec<String>, String> {
    match files.len() {
        k if k == n => Ok(files),
        k if k < n => Err("missing FILE".into()),
        _ => Err(format!("unexpected argument '{}'", files[n])),
    }
}

fn sweep(args: &[String]) -> Result<String, String> {
    let (f, o) = options(args, 200)?;
    let file = exactly(f, 1)?.remove(0);
    let mut scenario = load(&file)?;
    if let Some(seed) = o.seed {
        scenario.seed = seed;
    }
    let param = o
        .param
        .ok_or("--param PATH is required (e.g. contract.incentive_share)")?;
    let values = sim::sweep::sweep_values(
        o.from.ok_or("--from is required")?,
        o.to.ok_or("--to is required")?,
        o.steps.ok_or("--steps is required")?,
    )?;
    let result =
        sim::sweep::sweep(&scenario, &param, &values, o.runs).map_err(|e| e.to_string())?;
    if o.csv {
        let mut out = String::new();
        for (i, p) in result.points.iter().enumerate() {
            let csv = p.summary.to_csv();
            let mut lines = csv.lines();
            let header = lines.next().unwrap_or_default();
            if i == 0 {
                out.push_str(&format!("value,{header}\n"));
            }
            out.push_str(&format!(
                "{},{}\n",
                p.value,
                lines.next().unwrap_or_default()
            ));
        }
        return Ok(out);
    }
    serde_json::to_string_pretty(&result)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}

fn compare(args: &[String]) -> Result<String, String> {
    let (f, o) = options(args, 200)?;
    let f = exactly(f, 2)?;
    let (mut a, b) = (load(&f[0])?, load(&f[1])?);
    if let Some(seed) = o.seed {
        a.seed = seed;
    }
    let c = sim::sweep::compare(&a, &b, o.runs);
    serde_json::to_string_pretty(&c)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}

fn run(args: &[String]) -> Result<String, String> {
    let (f, o) = options(args, 1)?;
    let file = exactly(f, 1)?.remove(0);
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
