//! Long computations in chunks on the main thread: each chunk runs ensemble members for at most
//! a few milliseconds, then yields to the browser, so the page never freezes. A new job (or the
//! cancel button) bumps the generation, and a stale job stops at its next chunk.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use super::state::{use_state, AppState};
use crate::sim::{Ensemble, Plan};

/// Milliseconds of work per chunk: well under the 50 ms that makes a task "long".
const CHUNK_MS: f64 = 12.0;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

struct Job {
    plans: Vec<Plan>,
    runs: u32,
    done: Vec<Ensemble>,
    current: Option<Ensemble>,
    next_run: u32,
    compute_ms: f64,
}

impl Job {
    /// Runs members until the time budget is spent; true when every ensemble is complete.
    fn chunk(&mut self) -> bool {
        let start = now();
        while self.done.len() < self.plans.len() {
            let plan = &self.plans[self.done.len()];
            let e = self
                .current
                .get_or_insert_with(|| Ensemble::new(plan.scenario.weeks));
            let batch = 4.min(self.runs - self.next_run);
            e.add_runs(plan, self.next_run..self.next_run + batch);
            self.next_run += batch;
            if self.next_run >= self.runs {
                self.done.extend(self.current.take());
                self.next_run = 0;
            }
            if now() - start > CHUNK_MS {
                break;
            }
        }
        self.compute_ms += now() - start;
        self.done.len() == self.plans.len()
    }

    fn progress(&self) -> f64 {
        let total = (self.plans.len() as u32 * self.runs).max(1) as f64;
        (self.done.len() as u32 * self.runs + self.next_run) as f64 / total
    }
}

/// Starts computing an ensemble of `runs` runs for each plan, cancelling any running job;
/// `finish` receives the ensembles and the milliseconds of computation.
pub fn start(
    state: AppState,
    plans: Vec<Plan>,
    runs: u32,
    finish: impl FnOnce(Vec<Ensemble>, f64) + 'static,
) {
    state.generation.update(|g| *g += 1);
    let generation = state.generation.get_untracked();
    state.progress.set(Some(0.0));
    let job = Rc::new(RefCell::new(Job {
        plans,
        runs: runs.max(1),
        done: Vec::new(),
        current: None,
        next_run: 0,
        compute_ms: 0.0,
    }));
    let finish = Rc::new(RefCell::new(Some(finish)));
    schedule(state, job, generation, finish);
}

fn schedule<F: FnOnce(Vec<Ensemble>, f64) + 'static>(
    state: AppState,
    job: Rc<RefCell<Job>>,
    generation: u64,
    finish: Rc<RefCell<Option<F>>>,
) {
    set_timeout(
        move || {
            if state.generation.get_untracked() != generation {
                return; // cancelled or replaced
            }
            let complete = job.borrow_mut().chunk();
            if complete {
                state.progress.set(None);
                let mut j = job.borrow_mut();
                let done = std::mem::take(&mut j.done);
                if let Some(f) = finish.borrow_mut().take() {
                    f(done, j.compute_ms);
                }
            } else {
                state.progress.set(Some(job.borrow().progress()));
                schedule(state, job, generation, finish);
            }
        },
        Duration::from_millis(0),
    );
}

/// Cancels the running job.
pub fn cancel(state: AppState) {
    state.generation.update(|g| *g += 1);
    state.progress.set(None);
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
                    {move || super::state::t().cancel}
                </button>
            </div>
        </Show>
    }
}
