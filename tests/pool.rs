//! The worker pool's arithmetic, natively: a job cut into tasks, each sent as JSON, run by its own
//! runner (as a web worker would), sent back as bytes and put together in order, gives the same
//! numbers as running the job in one piece — bit for bit, for any number of workers.

mod common;

use common::{axis, preset_scenario};
use relsim::sim::exercise::{builtin, luck_of_scores, luck_or_skill, Decision};
use relsim::sim::sweep::{grid2_cell, grid2_scenarios};
use relsim::sim::task::{merge_in_order, units, Output, Runner, Task};
use relsim::sim::{Ensemble, Plan, Scenario};

/// Sends a task through a fresh worker's runner the way the page does: JSON out, bytes back.
fn through_worker(runner: &mut Runner, task: &Task) -> Output {
    let bytes = runner
        .run_json(&task.to_json())
        .expect("the worker runs the task");
    Output::from_bytes(&bytes).expect("the page reads the output")
}

/// The ensemble of `runs` runs of `s`, computed by `workers` runners that take the tasks in
/// turn and finish them in reverse order (as a slow first worker would).
fn pooled(s: &Scenario, runs: u32, workers: usize) -> Ensemble {
    let mut runners: Vec<Runner> = (0..workers).map(|_| Runner::default()).collect();
    let tasks: Vec<Task> = units(runs, workers)
        .into_iter()
        .map(|r| Task::Runs {
            scenario: s.clone(),
            from: r.start,
            to: r.end,
        })
        .collect();
    let mut done: Vec<(usize, Ensemble)> = tasks
        .iter()
        .enumerate()
        .rev()
        .map(
            |(i, t)| match through_worker(&mut runners[i % workers], t) {
                Output::Runs(e) => (i, e),
                other => panic!("a runs task gave {other:?}"),
            },
        )
        .collect();
    done.sort_by_key(|(i, _)| *i);
    merge_in_order(s.weeks, done.into_iter().map(|(_, e)| e))
}

fn scenarios() -> Vec<Scenario> {
    let mut out = vec![Scenario::default()];
    for key in ["farbo", "healthy-partnership", "crisis-early-opt-out"] {
        out.push(preset_scenario(key));
    }
    out
}

#[test]
fn a_pooled_ensemble_equals_the_single_threaded_one_bit_for_bit() {
    for s in scenarios() {
        for runs in [1, 37, 300] {
            let single = Ensemble::run(&Plan::new(&s), runs);
            for workers in [1, 2, 3, 8] {
                let p = pooled(&s, runs, workers);
                assert_eq!(
                    p, single,
                    "{} with {runs} runs on {workers} workers",
                    s.name
                );
                assert_eq!(p.to_bytes(), single.to_bytes());
            }
        }
    }
}

#[test]
fn the_page_gets_short_tasks_and_the_same_numbers() {
    for runs in [0, 1, 255, 256, 257, 1000, 10_000] {
        let u = units(runs, 0);
        assert_eq!(u.iter().map(|r| r.len() as u32).sum::<u32>(), runs);
        assert!(
            u.iter().all(|r| r.len() <= 256 && !r.is_empty()),
            "{runs}: {u:?}"
        );
        assert!(u.windows(2).all(|w| w[0].end == w[1].start));
        // As few tasks as that allows.
        assert_eq!(u.len() as u32, runs.div_ceil(256), "{runs}");
    }
    let s = Scenario::default();
    let mut page = Runner::default();
    let parts = units(600, 0).into_iter().map(|r| {
        let task = Task::Runs {
            scenario: s.clone(),
            from: r.start,
            to: r.end,
        };
        match through_worker(&mut page, &task) {
            Output::Runs(e) => e,
            other => panic!("a runs task gave {other:?}"),
        }
    });
    assert_eq!(
        merge_in_order(s.weeks, parts),
        Ensemble::run(&Plan::new(&s), 600)
    );
}

#[test]
fn units_cover_every_run_once_in_order() {
    for runs in [0, 1, 15, 16, 17, 999, 1000, 10_000, 100_000] {
        for workers in [1, 2, 7, 64] {
            let u = units(runs, workers);
            let mut next = 0;
            for r in &u {
                assert_eq!(r.start, next);
                assert!(r.end > r.start);
                next = r.end;
            }
            assert_eq!(next, runs, "{runs} runs on {workers} workers");
            // Nearly equal lengths, so that no worker is left with a longer last piece.
            let lens = u.iter().map(|r| r.len());
            let (lo, hi) = (lens.clone().min(), lens.max());
            assert!(hi.zip(lo).is_none_or(|(h, l)| h - l <= 1), "{u:?}");
            if runs >= 64 * workers as u32 {
                assert_eq!(
                    u.len() % workers,
                    0,
                    "{runs} runs, {workers} workers: {u:?}"
                );
            }
            if runs >= 1000 {
                // A piece for every worker (up to eight).
                assert!(
                    u.len() >= workers.min(8),
                    "{runs} runs, {workers} workers: {}",
                    u.len()
                );
            }
        }
    }
}

#[test]
fn a_grid_cell_from_a_worker_equals_the_cli_cell() {
    let s = preset_scenario("article-figure");
    let x = axis("contract.fee_per_week", 12.0, 20.0, 3);
    let y = axis("contract.incentive_share", 0.1, 0.5, 2);
    let mut runner = Runner::default();
    for (xv, yv, cell) in grid2_scenarios(&s, &x, &y).expect("grid") {
        let native = grid2_cell(xv, yv, &cell, 40, false).summary;
        let task = Task::Cell {
            scenario: cell,
            runs: 40,
        };
        match through_worker(&mut runner, &task) {
            Output::Cell(summary) => assert_eq!(summary, native, "cell {xv}, {yv}"),
            other => panic!("a cell task gave {other:?}"),
        }
    }
}

#[test]
fn luck_or_skill_from_pieces_equals_one_pass() {
    let ex = builtin("farbo-crisis").expect("a built-in exercise");
    let decisions: Vec<Decision> = ex.best_path.clone();
    let whole = luck_or_skill(&ex, &decisions, 0.5, 90);
    let mut futures = Vec::new();
    let mut runner = Runner::default();
    for r in units(90, 3) {
        let task = Task::Luck {
            exercise: Box::new(ex.clone()),
            decisions: decisions.clone(),
            from: r.start,
            to: r.end,
        };
        match through_worker(&mut runner, &task) {
            Output::Luck(part) => futures.extend(part),
            other => panic!("a luck task gave {other:?}"),
        }
    }
    assert_eq!(futures.len(), 90);
    assert_eq!(luck_of_scores(0.5, &futures), whole);
}

#[test]
fn a_bad_task_is_refused_with_its_field() {
    let mut runner = Runner::default();
    let err = runner
        .run_json("{\"task\":\"runs\"}")
        .expect_err("incomplete");
    assert!(err.contains("scenario"), "{err}");
    let s = Scenario {
        weeks: 0,
        ..Scenario::default()
    };
    let task = Task::Cell {
        scenario: s,
        runs: 3,
    };
    let err = runner
        .run_json(&task.to_json())
        .expect_err("invalid scenario");
    assert!(err.contains("weeks"), "{err}");
    assert!(Output::from_bytes(&[]).is_err());
    assert!(Output::from_bytes(&[9, 1, 2]).is_err());
    assert!(Output::from_bytes(&[3, 1, 2]).is_err());
}
