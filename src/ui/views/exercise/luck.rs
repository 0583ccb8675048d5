//! The debrief of a finished play, with its luck-or-skill replay spread over the worker pool:
//! the futures are cut into ranges, each range's scores come back in its place, and the luck is
//! placed from all of them in order, the same numbers as one pass on the page.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use super::state::ExCtx;
use crate::sim::exercise::{luck_of_scores, Debrief, LUCK_RUNS};
use crate::sim::task::{units, Output, Task};
use crate::ui::app::state::AppState;
use crate::ui::compute::pool;

/// Computes the debrief of `ctx`'s finished play into `ctx.debrief`, then calls `done`.
pub fn debrief(state: AppState, ctx: ExCtx, done: impl FnOnce() + 'static) {
    let Some((mut debrief, exercise, decisions)) = ctx.play.with_untracked(|p| {
        p.as_ref()
            .map(|p| (Debrief::of(p, 0), p.exercise.clone(), p.decisions.clone()))
    }) else {
        return;
    };
    let ranges = units(LUCK_RUNS, pool::workers_for_split());
    let tasks = ranges
        .iter()
        .map(|r| Task::Luck {
            exercise: Box::new(exercise.clone()),
            decisions: decisions.clone(),
            from: r.start,
            to: r.end,
        })
        .collect();
    let parts: Rc<RefCell<Vec<Vec<[f64; 2]>>>> =
        Rc::new(RefCell::new(vec![Vec::new(); ranges.len()]));
    let filled = parts.clone();
    pool::submit(
        state,
        tasks,
        move |i, out| {
            if let (Output::Luck(scores), Some(slot)) = (out, filled.borrow_mut().get_mut(i)) {
                *slot = scores;
            }
        },
        move |_| {
            let futures: Vec<[f64; 2]> = parts.take().into_iter().flatten().collect();
            debrief.luck = luck_of_scores(debrief.score.total, &futures);
            ctx.debrief.set(Some(Arc::new(debrief)));
            done();
        },
    );
}
