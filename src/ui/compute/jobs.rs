//! Ensembles for the views: each plan's runs cut into tasks for the worker pool (or the main
//! thread), the parts merged in seed order as they arrive, so that the result is the same
//! ensemble, bit for bit, however many workers computed it.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::prelude::*;

use crate::sim::task::{units, Output, Task};
use crate::sim::{Ensemble, Plan};
use crate::ui::app::state::{use_state, AppState};
use crate::ui::compute::pool;

/// One plan's ensemble, merged in seed order as its parts arrive in any order.
struct InOrder {
    weeks: u32,
    /// The parts so far: the first part itself, with the later ones merged into it (as
    /// `task::merge_in_order` does; a copy of an empty ensemble would cost a pass over its
    /// histograms for nothing).
    merged: Option<Ensemble>,
    next: usize,
    waiting: BTreeMap<usize, Ensemble>,
}

impl InOrder {
    fn add(&mut self, part: usize, e: Ensemble) {
        self.waiting.insert(part, e);
        while let Some(e) = self.waiting.remove(&self.next) {
            match &mut self.merged {
                Some(m) => m.merge(&e),
                None => self.merged = Some(e),
            }
            self.next += 1;
        }
    }

    /// The whole ensemble.
    fn done(self) -> Ensemble {
        self.merged.unwrap_or_else(|| Ensemble::new(self.weeks))
    }
}

/// Starts computing an ensemble of `runs` runs for each plan, cancelling any running job;
/// `finish` receives the ensembles and the milliseconds the job took.
pub fn start(
    state: AppState,
    plans: Vec<Plan>,
    runs: u32,
    finish: impl FnOnce(Vec<Ensemble>, f64) + 'static,
) {
    let ranges = units(runs.max(1), pool::workers_for_split());
    let mut tasks = Vec::new();
    // Task index -> (plan, part).
    let mut place = Vec::new();
    for (p, plan) in plans.iter().enumerate() {
        for (part, r) in ranges.iter().enumerate() {
            tasks.push(Task::Runs {
                scenario: plan.scenario.clone(),
                from: r.start,
                to: r.end,
            });
            place.push((p, part));
        }
    }
    let parts: Rc<RefCell<Vec<InOrder>>> = Rc::new(RefCell::new(
        plans
            .iter()
            .map(|p| InOrder {
                weeks: p.scenario.weeks,
                merged: None,
                next: 0,
                waiting: BTreeMap::new(),
            })
            .collect(),
    ));
    let collected = parts.clone();
    pool::submit(
        state,
        tasks,
        move |i, out| {
            if let (Output::Runs(e), Some((p, part))) = (out, place.get(i)) {
                if let Some(slot) = collected.borrow_mut().get_mut(*p) {
                    slot.add(*part, e);
                }
            }
        },
        move |ms| {
            let done = parts.take().into_iter().map(InOrder::done).collect();
            finish(done, ms);
        },
    );
}

/// Cancels the running job.
pub fn cancel(state: AppState) {
    pool::cancel(state);
}

/// Progress bar and cancel button, shown while a job runs.
#[component]
pub fn ProgressBar() -> impl IntoView {
    let state = use_state();
    view! {
        <Show when=move || state.progress.with(Option::is_some)>
            <div class="progress-row">
                <progress
                    data-testid="progress"
                    max="1"
                    value=move || state.progress.get().unwrap_or(0.0).to_string()
                ></progress>
                <button type="button" class="small" data-testid="cancel" on:click=move |_| cancel(state)>
                    {move || crate::ui::app::state::t().cancel}
                </button>
            </div>
        </Show>
    }
}
