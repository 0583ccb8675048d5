//! `relsim`: the command-line tool over the simulation core — runs, ensembles, sweeps,
//! comparisons, presets, validation, and training exercises. Errors go to stderr as one line with exit code 2; a reader
//! that stops early (`relsim … | head`) ends the program quietly with exit code 0.

#[path = "relsim/args.rs"]
mod args;
#[path = "relsim/exercise.rs"]
mod exercise;

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use args::{Command, Format, GridAxis, Invocation};
use relsim::sim::{self, csv, presets, Ensemble, Plan, Scenario, Summary};

fn main() -> ExitCode {
    let result = args::parse(std::env::args().skip(1)).and_then(|inv| dispatch(&inv));
    match result {
        Ok(out) => write_out(&out),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "relsim: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes the output; a closed pipe is not an error (the reader has what it wanted).
fn write_out(out: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "relsim: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}

fn dispatch(inv: &Invocation) -> Result<String, String> {
    let operand = |i: usize| inv.operands[i].as_str();
    let model = match &inv.params {
        Some(file) => Some(read_params(file)?),
        None => None,
    };
    let load = |file: &str, seed: Option<u64>| -> Result<Scenario, String> {
        let mut s = load(file, seed)?;
        if let Some(model) = &model {
            s.model.extend(model.clone());
        }
        Ok(s)
    };
    match inv.command {
        Command::Run => run(inv, load(operand(0), inv.seed)?),
        Command::Sweep => sweep(inv, load(operand(0), inv.seed)?),
        Command::Sweep2 => sweep2(inv, load(operand(0), inv.seed)?),
        Command::Compare => compare(inv, &load(operand(0), inv.seed)?, &load(operand(1), None)?),
        Command::Params => params(inv.format),
        Command::Robust => robust(inv),
        Command::Serve => relsim::server::serve(&inv.serve).map(|()| String::new()),
        Command::Presets => Ok(presets::ALL
            .iter()
            .map(|p| format!("{}\t{}\n", p.id, p.scenario().name))
            .collect()),
        Command::Preset => {
            let name = operand(0);
            let p = presets::find(name).ok_or_else(|| unknown_preset(name))?;
            Ok(format!("{}\n", p.scenario().to_json()))
        }
        Command::Validate => Ok(format!("ok: {}\n", load(operand(0), None)?.name)),
        Command::ExerciseValidate => exercise::validate(operand(0)),
        Command::ExercisePlay => exercise::play(operand(0), inv),
        Command::ExerciseBoard => exercise::board(&inv.operands, inv.format),
        Command::Help => Ok(args::usage()),
        Command::Version => Ok(format!("relsim {}\n", env!("CARGO_PKG_VERSION"))),
    }
}

fn unknown_preset(name: &str) -> String {
    format!(
        "unknown preset '{name}' (known: {})",
        presets::ids().join(", ")
    )
}

/// The text of `file`, or of standard input when `file` is `-` (which can be read once).
pub(crate) fn read_text(file: &str) -> Result<String, String> {
    use std::sync::atomic::{AtomicBool, Ordering};
    static STDIN_READ: AtomicBool = AtomicBool::new(false);
    if file != "-" {
        return std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"));
    }
    if STDIN_READ.swap(true, Ordering::SeqCst) {
        return Err("- (standard input) can be given only once".into());
    }
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    Ok(text)
}

/// Loads a scenario from a file path, `-` (standard input) or `preset:NAME`, with `seed`
/// replacing its own.
fn load(file: &str, seed: Option<u64>) -> Result<Scenario, String> {
    let mut scenario = if let Some(name) = file.strip_prefix("preset:") {
        presets::find(name)
            .map(|p| p.scenario())
            .ok_or_else(|| unknown_preset(name))?
    } else {
        let text = read_text(file)?;
        Scenario::from_json(&text).map_err(|e| format!("{file}: {e}"))?
    };
    if let Some(seed) = seed {
        scenario.seed = seed;
    }
    Ok(scenario)
}

/// Reads a `--params` file: a JSON object of model constants, each checked against its range.
fn read_params(file: &str) -> Result<sim::params::Overrides, String> {
    let text = read_text(file)?;
    let model: sim::params::Overrides = serde_json::from_str(&text).map_err(|e| {
        format!("{file}: not an object of model constants (name: number), as `relsim params` prints: {e}")
    })?;
    sim::params::check(&model).map_err(|(name, message)| format!("{file}: {name}: {message}"))?;
    Ok(model)
}

/// The model's constants: JSON with the defaults (a `--params` file to start from), or CSV
/// with each constant's group, default, range, unit and reason.
fn params(format: Format) -> Result<String, String> {
    let defaults = sim::params::ModelParams::default();
    match format {
        Format::Json => {
            // Written by hand to keep the table's order (a JSON map would sort the names).
            let lines: Vec<String> = defaults
                .values()
                .into_iter()
                .map(|(s, v)| format!("  \"{}\": {}", s.name, serde_json::json!(v)))
                .collect();
            Ok(format!("{{\n{}\n}}\n", lines.join(",\n")))
        }
        Format::Csv | Format::Table => {
            let mut out = String::new();
            csv::push_record(
                &mut out,
                ["name", "group", "default", "min", "max", "unit", "reason"],
            );
            for s in sim::params::SPECS {
                let (d, lo, hi) = (s.default.to_string(), s.min.to_string(), s.max.to_string());
                csv::push_record(
                    &mut out,
                    [s.name, s.group, &d, &lo, &hi, s.unit, s.reason()],
                );
            }
            Ok(out)
        }
    }
}

/// The robustness harness: every family (or `--fact`) over its pairs (every `--stride`-th),
/// as a table (or JSON); `--pair` replays one pair and prints its verdict and model variant;
/// `--out FILE` also writes the rows as JSON (what `docs/robust.json` holds).
fn robust(inv: &Invocation) -> Result<String, String> {
    use sim::robust;
    let families: Vec<_> = robust::families()
        .into_iter()
        .filter(|f| inv.fact.is_none_or(|n| f.fact == n))
        .collect();
    if families.is_empty() {
        return Err(format!(
            "--fact: no family for fact {} yet",
            inv.fact.unwrap_or(0)
        ));
    }
    if let Some(index) = inv.pair {
        let mut out = String::new();
        for f in &families {
            let v = f.try_pair(index, f.runs);
            out.push_str(&format!(
                "fact {} pair {index}: {}
  {}
  model: {}
",
                f.fact,
                if v.holds { "holds" } else { "FAILS" },
                v.detail,
                serde_json::to_string(&robust::variant(index)).map_err(|e| e.to_string())?
            ));
        }
        return Ok(out);
    }
    let threads = inv.threads.unwrap_or_else(sim::sweep::available_threads);
    let indices = robust::indices(robust::full_pairs(), inv.stride.unwrap_or(1));
    let rows: Vec<robust::Row> = families
        .iter()
        .map(|f| robust::try_family(f, &indices, f.runs, threads))
        .collect();
    if let Some(file) = &inv.out {
        std::fs::write(file, json(&rows)?).map_err(|e| format!("cannot write {file}: {e}"))?;
    }
    match inv.format {
        Format::Json => json(&rows),
        Format::Csv | Format::Table => {
            let mut out = robust::markdown(&rows);
            for r in rows.iter().filter(|r| !r.passes()) {
                out.push_str(&format!(
                    "
fact {} holds in {:.1} % (needs {:.0} %); first failing pairs:
",
                    r.fact,
                    100.0 * r.share(),
                    100.0 * r.threshold
                ));
                for (i, d) in &r.failures {
                    out.push_str(&format!(
                        "  pair {i}: {d}
"
                    ));
                }
            }
            Ok(out)
        }
    }
}

/// Pretty JSON and a line end.
pub(crate) fn json(value: &impl serde::Serialize) -> Result<String, String> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}

/// The leaves of a JSON object as (dotted key, value text), in order.
fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, x, out);
            }
        }
        serde_json::Value::String(s) => out.push((prefix.to_string(), s.clone())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// CSV of labelled summaries: a header `label_name,<summary keys>` and one line per summary.
fn summaries_csv(label_name: &str, rows: &[(String, serde_json::Value)]) -> Result<String, String> {
    let mut out = String::new();
    for (i, (label, value)) in rows.iter().enumerate() {
        let mut cells = Vec::new();
        flatten("", value, &mut cells);
        if i == 0 {
            let keys = cells.iter().map(|(k, _)| k.as_str());
            csv::push_record(&mut out, [label_name].into_iter().chain(keys));
        }
        let values = cells.iter().map(|(_, v)| v.as_str());
        csv::push_record(&mut out, [label.as_str()].into_iter().chain(values));
    }
    Ok(out)
}

fn to_value(v: &impl serde::Serialize) -> Result<serde_json::Value, String> {
    serde_json::to_value(v).map_err(|e| e.to_string())
}

/// The swept input and its values, checked before anything runs.
fn sweep_request(inv: &Invocation) -> Result<(String, Vec<f64>), String> {
    let param = inv
        .param
        .clone()
        .ok_or("--param PATH is required (e.g. contract.incentive_share)")?;
    let values = sim::sweep::sweep_values(
        inv.from.ok_or("--from is required")?,
        inv.to.ok_or("--to is required")?,
        inv.steps.ok_or("--steps is required")?,
    )?;
    Ok((param, values))
}

fn sweep(inv: &Invocation, scenario: Scenario) -> Result<String, String> {
    let (param, values) = sweep_request(inv)?;
    let result =
        sim::sweep::sweep(&scenario, &param, &values, inv.runs).map_err(|e| e.to_string())?;
    match inv.format {
        Format::Json => json(&result),
        Format::Csv | Format::Table => {
            let rows = result
                .points
                .iter()
                .map(|p| Ok((p.value.to_string(), to_value(&p.summary)?)))
                .collect::<Result<Vec<_>, String>>()?;
            summaries_csv("value", &rows)
        }
    }
}

/// One grid axis from its options (`--x`, `--x-from`, …), checked before anything runs.
fn grid_axis(axis: &GridAxis, name: &str) -> Result<sim::sweep::Axis, String> {
    let opt = |what: &str| format!("--{name}{what}");
    let param = axis.param.clone().ok_or(format!(
        "{} PATH is required (e.g. contract.incentive_share)",
        opt("")
    ))?;
    let from = axis.from.ok_or(format!("{} is required", opt("-from")))?;
    let to = axis.to.ok_or(format!("{} is required", opt("-to")))?;
    let steps = axis.steps.ok_or(format!("{} is required", opt("-steps")))?;
    // The range check is the one-input sweep's; its message names that sweep's option.
    let values = sim::sweep::sweep_values(from, to, steps)
        .map_err(|e| e.replace("--steps", &opt("-steps")))?;
    Ok(sim::sweep::Axis { param, values })
}

fn sweep2(inv: &Invocation, scenario: Scenario) -> Result<String, String> {
    let x = grid_axis(&inv.x, "x")?;
    let y = grid_axis(&inv.y, "y")?;
    let threads = inv.threads.unwrap_or_else(sim::sweep::available_threads);
    let grid = sim::sweep::grid2(&scenario, &x, &y, inv.runs, false, threads)
        .map_err(|e| e.to_string())?;
    match inv.format {
        Format::Json => json(&grid),
        Format::Csv | Format::Table => Ok(grid.to_csv()),
    }
}

fn compare(inv: &Invocation, a: &Scenario, b: &Scenario) -> Result<String, String> {
    let c = sim::sweep::compare(a, b, inv.runs);
    if let Some(variants) = inv.variants {
        // "How sure is this?": the comparison and its answer under model variants.
        let threads = inv.threads.unwrap_or_else(sim::sweep::available_threads);
        let sure = sim::robust::how_sure::how_sure(a, b, variants, inv.runs, threads);
        return match inv.format {
            Format::Json => json(&serde_json::json!({ "comparison": c, "how_sure": sure })),
            Format::Csv | Format::Table => {
                let mut out = String::new();
                csv::push_record(
                    &mut out,
                    ["variant", "net_value_b_minus_a", "partnership_b_minus_a"],
                );
                for (k, o) in sure.outcomes.iter().enumerate() {
                    let (k, v, p) = (
                        k.to_string(),
                        o.net_value.to_string(),
                        o.partnership.to_string(),
                    );
                    csv::push_record(&mut out, [k.as_str(), v.as_str(), p.as_str()]);
                }
                Ok(out)
            }
        };
    }
    match inv.format {
        Format::Json => json(&c),
        Format::Csv | Format::Table => summaries_csv(
            "scenario",
            &[
                ("a".into(), to_value(&c.a)?),
                ("b".into(), to_value(&c.b)?),
                ("difference".into(), c.difference.clone()),
            ],
        ),
    }
}

fn run(inv: &Invocation, scenario: Scenario) -> Result<String, String> {
    if inv.format == Format::Csv && inv.runs == 1 {
        return Ok(csv::history_csv(&sim::run(&scenario)));
    }
    let threads = inv.threads.unwrap_or_else(sim::sweep::available_threads);
    let summary = Summary::of(&Ensemble::run_threaded(
        &Plan::new(&scenario),
        inv.runs,
        threads,
    ));
    match inv.format {
        Format::Json => json(&summary),
        Format::Csv | Format::Table => Ok(summary.to_csv()),
    }
}
