//! Sweeps and comparisons: one input varied over a range with an ensemble at each value, and two
//! scenarios over the same seeds. The CLI and the app share these.

use serde::Serialize;
use serde_json::Value;

use super::fields;

use super::engine::Plan;
use super::ensemble::Ensemble;
use super::scenario::Scenario;
use super::summary::Summary;
use super::ScenarioError;

/// Most points in one sweep.
pub const MAX_STEPS: u32 = 101;
/// Fewest points in one sweep: both ends.
pub const MIN_STEPS: u32 = 2;

/// Sets the numeric input at a dotted `path` (such as `contract.incentive_share`) to `value`,
/// returning the validated scenario. Whole-number inputs take the value rounded; an optional
/// week (the opt-out) that is off is switched on at that week. The inputs and their ranges are
/// those of [`fields::sweepable`].
pub fn with_param(scenario: &Scenario, path: &str, value: f64) -> Result<Scenario, ScenarioError> {
    let err = |message: String| ScenarioError {
        path: path.to_string(),
        message,
    };
    let field = fields::find(path)
        .filter(|f| f.sweep.is_some())
        .ok_or_else(|| {
            let names: Vec<&str> = fields::sweepable().map(|f| f.path).collect();
            let what = if is_field(scenario, path) {
                "is not a numeric field a sweep can vary"
            } else {
                "is not a field of the scenario"
            };
            err(format!("{what}; one of: {}", names.join(", ")))
        })?;
    let mut next = scenario.clone();
    field
        .apply(scenario, &mut next, value)
        .map_err(|r| err(r.to_string()))?;
    next.validate()?;
    Ok(next)
}

/// Whether a dotted `path` names any field of the scenario file.
fn is_field(scenario: &Scenario, path: &str) -> bool {
    let v = super::json::tree(scenario);
    path.split('.')
        .try_fold(&v, |slot, key| slot.get(key))
        .is_some()
}

/// The values of a sweep from `from` to `to` in `steps` points (both ends included).
pub fn sweep_values(from: f64, to: f64, steps: u32) -> Result<Vec<f64>, String> {
    if !from.is_finite() || !to.is_finite() {
        return Err("--from and --to must be finite numbers".into());
    }
    if !(MIN_STEPS..=MAX_STEPS).contains(&steps) {
        return Err(format!(
            "--steps: {steps} is outside the allowed range {MIN_STEPS}..={MAX_STEPS}"
        ));
    }
    Ok((0..steps)
        .map(|i| from + (to - from) * i as f64 / (steps - 1) as f64)
        .collect())
}

/// One point of a sweep.
#[derive(Clone, Debug, Serialize)]
pub struct SweepPoint {
    /// The input's value.
    pub value: f64,
    /// The ensemble summary at that value.
    pub summary: Summary,
}

/// A whole sweep.
#[derive(Clone, Debug, Serialize)]
pub struct Sweep {
    /// The dotted path of the swept input.
    pub param: String,
    /// One point per value.
    pub points: Vec<SweepPoint>,
}

/// Runs an ensemble of `runs` runs at each value; every value is checked before any is run.
pub fn sweep(
    scenario: &Scenario,
    path: &str,
    values: &[f64],
    runs: u32,
) -> Result<Sweep, ScenarioError> {
    let scenarios: Vec<Scenario> = values
        .iter()
        .map(|v| with_param(scenario, path, *v))
        .collect::<Result<_, _>>()?;
    let points = values
        .iter()
        .zip(&scenarios)
        .map(|(value, s)| SweepPoint {
            value: *value,
            summary: Summary::of(&Ensemble::run(&Plan::new(s), runs)),
        })
        .collect();
    Ok(Sweep {
        param: path.to_string(),
        points,
    })
}

/// One axis of a two-input grid: a sweepable input and its values.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// The dotted path of the input.
    pub param: String,
    /// Its values, in order.
    pub values: Vec<f64>,
}

/// One cell of a two-input grid.
#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    /// The value of the x input.
    pub x: f64,
    /// The value of the y input.
    pub y: f64,
    /// The ensemble summary with both inputs set.
    pub summary: Summary,
    /// The same scenario under an effort obligation (the fixed-fee baseline a deal is judged
    /// against), when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Summary>,
}

/// A two-input grid: an ensemble at every combination of the two axes' values.
#[derive(Clone, Debug, Serialize)]
pub struct Grid2 {
    /// The dotted path of the x input.
    pub x: String,
    /// The dotted path of the y input.
    pub y: String,
    /// The cells, row by row: y outer, x inner.
    pub cells: Vec<Cell>,
}

impl Grid2 {
    /// The grid as CSV: one row per cell, its two input values and then its summary's keys,
    /// flattened with dots (as `relsim sweep2 --format csv` prints it and the deal map
    /// downloads it).
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        for (i, cell) in self.cells.iter().enumerate() {
            let summary = cell.summary.to_csv();
            let mut lines = summary.lines();
            let (header, values) = (lines.next().unwrap_or(""), lines.next().unwrap_or(""));
            if i == 0 {
                out.push_str(&format!(
                    "{},{},{header}\n",
                    super::csv::field(&self.x),
                    super::csv::field(&self.y)
                ));
            }
            out.push_str(&format!("{},{},{values}\n", cell.x, cell.y));
        }
        out
    }
}

/// The scenarios of a two-input grid, row by row (y outer, x inner), each with both inputs set
/// and checked before any is run: a caller (threads here, web workers in the app) can then run
/// the cells in any order and place them by index.
pub fn grid2_scenarios(
    scenario: &Scenario,
    x: &Axis,
    y: &Axis,
) -> Result<Vec<(f64, f64, Scenario)>, ScenarioError> {
    let mut cells = Vec::with_capacity(x.values.len() * y.values.len());
    for &yv in &y.values {
        let row = with_param(scenario, &y.param, yv)?;
        for &xv in &x.values {
            cells.push((xv, yv, with_param(&row, &x.param, xv)?));
        }
    }
    Ok(cells)
}

/// One cell: the ensemble of `runs` runs over the scenario's seeds and, if `baseline`, the
/// same under an effort obligation over the same seeds.
pub fn grid2_cell(x: f64, y: f64, scenario: &Scenario, runs: u32, baseline: bool) -> Cell {
    let summary = Summary::of(&Ensemble::run(&Plan::new(scenario), runs));
    let baseline = baseline.then(|| {
        let mut fixed = scenario.clone();
        fixed.contract.obligation = super::Obligation::Effort;
        Summary::of(&Ensemble::run(&Plan::new(&fixed), runs))
    });
    Cell {
        x,
        y,
        summary,
        baseline,
    }
}

/// Runs a two-input grid with `runs` runs per cell on up to `threads` threads. Each cell is one
/// whole ensemble, so the numbers do not depend on the number of threads.
#[cfg(not(target_arch = "wasm32"))]
pub fn grid2(
    scenario: &Scenario,
    x: &Axis,
    y: &Axis,
    runs: u32,
    baseline: bool,
    threads: usize,
) -> Result<Grid2, ScenarioError> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let scenarios = grid2_scenarios(scenario, x, y)?;
    let next = AtomicUsize::new(0);
    let threads = threads.clamp(1, scenarios.len().max(1));
    // Threads take the next cell as they finish one, so that slow cells do not hold one back.
    let mut done: Vec<(usize, Cell)> = std::thread::scope(|scope| {
        let work = || {
            let mut mine = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((xv, yv, s)) = scenarios.get(i) else {
                    return mine;
                };
                mine.push((i, grid2_cell(*xv, *yv, s, runs, baseline)));
            }
        };
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    Ok(Grid2 {
        x: x.param.clone(),
        y: y.param.clone(),
        cells: done.into_iter().map(|(_, c)| c).collect(),
    })
}

/// The number of threads to use when none is asked for: all the machine offers.
#[cfg(not(target_arch = "wasm32"))]
pub fn available_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Whether both parties do at least as well as under `baseline` and one measurably better
/// (0.1 % of the baseline's client net value and supplier margin together): the client on net
/// value, the supplier on margin.
pub fn beats_baseline(s: &Summary, baseline: &Summary) -> bool {
    let (value, margin) = (
        baseline.totals.client_net_value,
        baseline.totals.supplier_margin,
    );
    let eps = 1e-3 * (value.abs() + margin.abs()).max(1e-9);
    let (v, m) = (s.totals.client_net_value, s.totals.supplier_margin);
    v >= value && m >= margin && (v > value + eps || m > margin + eps)
}

/// The widest run of consecutive sweep points at which the client's net value (what the service
/// is worth to it minus everything it pays) is no lower and the supplier earns no less than under
/// `baseline`, and one of them does measurably better (0.1 %): the win-win zone, as (first value,
/// last value). A point that merely equals the baseline (the same contract) is no win. Net value,
/// not cost: a client that pays a bonus for service worth more than the bonus is better off.
pub fn win_win(points: &[(f64, Summary)], baseline: &Summary) -> Option<(f64, f64)> {
    let good = |s: &Summary| beats_baseline(s, baseline);
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    for (i, (_, s)) in points.iter().enumerate() {
        match (good(s), start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                if best.is_none_or(|(x, y)| i - 1 - a > y - x) {
                    best = Some((a, i - 1));
                }
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        let last = points.len() - 1;
        if best.is_none_or(|(x, y)| last - a > y - x) {
            best = Some((a, last));
        }
    }
    best.map(|(a, b)| (points[a].0, points[b].0))
}

/// `b − a` for every number of two values of the same shape (other leaves are kept from `b`).
pub fn difference(a: &Value, b: &Value) -> Value {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => Value::Object(
            y.iter()
                .map(|(k, vb)| {
                    (
                        k.clone(),
                        x.get(k).map_or(vb.clone(), |va| difference(va, vb)),
                    )
                })
                .collect(),
        ),
        (Value::Number(x), Value::Number(y)) => {
            Value::from(y.as_f64().unwrap_or(0.0) - x.as_f64().unwrap_or(0.0))
        }
        (_, other) => other.clone(),
    }
}

/// A comparison of two scenarios over the same seeds.
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    /// Scenario A's summary.
    pub a: Summary,
    /// Scenario B's summary.
    pub b: Summary,
    /// B minus A, same shape.
    pub difference: Value,
}

/// Compares `a` and `b` over `runs` runs, each with seeds starting at `a`'s seed so both face
/// the same random futures.
pub fn compare(a: &Scenario, b: &Scenario, runs: u32) -> Comparison {
    let mut b = b.clone();
    b.seed = a.seed;
    let sa = Summary::of(&Ensemble::run(&Plan::new(a), runs));
    let sb = Summary::of(&Ensemble::run(&Plan::new(&b), runs));
    let va = super::json::tree(&sa);
    let vb = super::json::tree(&sb);
    Comparison {
        a: sa,
        b: sb,
        difference: difference(&va, &vb),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_are_set_by_path_and_checked() {
        let s = Scenario::default();
        let x = with_param(&s, "contract.incentive_share", 0.4).unwrap();
        assert_eq!(x.contract.incentive_share, 0.4);
        let x = with_param(&s, "contract.term_weeks", 103.6).unwrap();
        assert_eq!(x.contract.term_weeks, 104);
        let e = with_param(&s, "contract.incentive_share", 0.9).unwrap_err();
        assert!(e.to_string().contains("contract.incentive_share"));
        let e = with_param(&s, "contract.nope", 1.0).unwrap_err();
        assert!(e.to_string().starts_with("contract.nope: is not a field"));
        let e = with_param(&s, "contract.obligation", 1.0).unwrap_err();
        assert!(e.message.contains("is not a numeric field"), "{e}");
        let e = with_param(&s, "contract.term_weeks", -3.0).unwrap_err();
        assert_eq!(e.message, "-3 is outside the allowed range 26..=520");
        let x = with_param(&s, "contract.opt_out_week", 12.0).unwrap();
        assert_eq!(x.contract.opt_out_week, Some(12));
        assert!(with_param(&s, "contract.fee_per_week", f64::INFINITY).is_err());
        assert_eq!(
            sweep_values(0.0, 0.4, 5).unwrap(),
            vec![0.0, 0.1, 0.2, 0.30000000000000004, 0.4]
        );
        assert!(sweep_values(0.0, 1.0, 1).is_err());
    }

    #[test]
    fn the_win_win_zone_is_the_widest_run_where_both_do_no_worse() {
        // At equal service the client's net value falls by what it pays more.
        let at = |cost: f64, margin: f64| {
            let mut s = Summary::default();
            s.totals.client_net_value = -cost;
            s.totals.supplier_margin = margin;
            s
        };
        let base = at(100.0, 10.0);
        let points = vec![
            (0.0, at(90.0, 11.0)),
            (0.1, at(120.0, 12.0)),
            (0.2, at(95.0, 10.0)),
            (0.3, at(99.0, 10.5)),
            (0.4, at(101.0, 20.0)),
        ];
        assert_eq!(win_win(&points, &base), Some((0.2, 0.3)));
        assert_eq!(win_win(&points[4..], &base), None);
        assert_eq!(
            win_win(&[(0.0, at(100.0, 10.0))], &base),
            None,
            "equal is no win"
        );
    }

    #[test]
    fn difference_is_b_minus_a_in_the_same_shape() {
        let a = serde_json::json!({"x": 1.0, "y": {"z": 2.0}});
        let b = serde_json::json!({"x": 4.0, "y": {"z": 1.5}});
        assert_eq!(
            difference(&a, &b),
            serde_json::json!({"x": 3.0, "y": {"z": -0.5}})
        );
    }
}
