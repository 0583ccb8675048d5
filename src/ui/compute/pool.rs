//! The simulation's worker pool: as many web workers as the machine has cores, each running the
//! speed-optimised simulation module (`src/worker.rs`), fed one [`Task`] at a time. One job runs
//! at a time: submitting a job replaces the previous one, whose tasks are no longer handed out
//! and whose late replies are ignored, so that every worker turns to new work within one task.
//!
//! Where workers are unavailable (no worker module, a browser without workers, `?workers=0` in
//! the address, or every worker failed), the job runs on the main thread in slices of a few
//! milliseconds, cut into shorter parts (`task::units` with no workers), with the page's own
//! simulation fetched in a chunk the first time. The parts are merged exactly, however the job
//! is cut, so the numbers are the same either way. Reading the parts' bytes is in a chunk too,
//! fetched before the first job's first task is handed out: the first screen runs no job.

use crate::text::Problem;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::time::Duration;

use js_sys::{Object, Reflect, Uint8Array};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use crate::sim::task::{Output, Runner, Task};
use crate::ui::app::state::AppState;
use crate::ui::platform::chunks::{self, NotLoaded};

/// Milliseconds of work per slice on the main thread: well under the 50 ms that makes a task
/// "long".
const SLICE_MS: f64 = 12.0;
/// How long a job waits for a worker to come up before the page starts computing it.
const WAIT_FOR_WORKERS_MS: u64 = 1500;
/// Most workers started, whatever the browser reports.
const MAX_WORKERS: usize = 16;
/// Tasks posted to a worker ahead of its answers: with two, a worker starts its next task while
/// the page reads its last answer, instead of idling.
const DEPTH: usize = 2;
/// Task ids carry their job in the high part, so that a late reply of a replaced job is known.
const JOB_STRIDE: f64 = 1_048_576.0;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

type OnOutput = Box<dyn FnMut(usize, Output)>;
type OnDone = Box<dyn FnOnce(f64)>;

/// A job: its tasks, what is done, and what to call.
struct Job {
    id: u32,
    generation: u64,
    state: AppState,
    /// Where the job's progress goes.
    progress: RwSignal<Option<f64>>,
    tasks: Vec<String>,
    sizes: Vec<u32>,
    /// Tasks not yet handed out (lost ones go back to the front).
    todo: VecDeque<usize>,
    left: usize,
    done_size: u64,
    total_size: u64,
    started: f64,
    on_output: Rc<RefCell<OnOutput>>,
    on_done: Rc<RefCell<Option<OnDone>>>,
}

impl Job {
    fn stale(&self) -> bool {
        self.state.generation.get_untracked() != self.generation
    }
}

struct Slot {
    worker: Worker,
    ready: bool,
    dead: bool,
    /// The (job, task) pairs posted to it and not yet answered, in the order it answers them.
    inflight: VecDeque<(u32, usize)>,
}

#[derive(Default)]
struct Pool {
    slots: Vec<Slot>,
    job: Option<Job>,
    next_job: u32,
    /// Whether the main-thread loop is scheduled.
    main_running: bool,
    /// Workers in use, for the page to show.
    shown: Option<RwSignal<usize>>,
    /// A job waited too long for a worker to come up: the page computes until one does.
    impatient: bool,
}

thread_local! {
    static POOL: RefCell<Pool> = RefCell::new(Pool::default());
    static RUNNER: RefCell<Runner> = RefCell::new(Runner::default());
}

/// Runs one task on the page. Only a page without workers needs this, so it comes, with the
/// simulation's task code, in a chunk of its own (see `shell/split.rs`), fetched the first time.
#[wasm_split(page_runner, wasm_split_path = ::leptos::wasm_split, fallible, preload(page_runner_chunk))]
fn run_on_page(text: String) -> Result<Result<Vec<u8>, String>, NotLoaded> {
    Ok(RUNNER.with_borrow_mut(|r| r.run_json(&text)))
}

/// Reads a task's output. Only the views that run jobs need it (the first screen's one run is
/// computed on the page), so it comes in a chunk of its own, with the JSON reading of a deal
/// map cell's summary, fetched before a job's first task is handed out (`dispatch`).
#[wasm_split(replies, wasm_split_path = ::leptos::wasm_split, fallible, preload(replies_chunk))]
fn read_output(bytes: Vec<u8>) -> Result<Result<Output, String>, NotLoaded> {
    Ok(Output::from_bytes(&bytes))
}

/// A task's output from its bytes; the chunk is in, as `dispatch` waited for it.
fn decoded(bytes: Vec<u8>) -> Result<Output, String> {
    chunks::ready_now(read_output(bytes))
        .and_then(Result::ok)
        .unwrap_or_else(|| Err("the reader of the workers' output is not loaded".into()))
}

/// What a reply or a tick leads to, called once the pool is no longer borrowed (a callback may
/// submit the next job).
enum After {
    Nothing,
    Output(Rc<RefCell<OnOutput>>, usize, Output),
    Finish(
        Rc<RefCell<OnOutput>>,
        usize,
        Output,
        Rc<RefCell<Option<OnDone>>>,
        f64,
    ),
}

impl After {
    fn call(self) {
        match self {
            After::Nothing => {}
            After::Output(f, i, out) => (f.borrow_mut())(i, out),
            After::Finish(f, i, out, done, ms) => {
                (f.borrow_mut())(i, out);
                if let Some(d) = done.borrow_mut().take() {
                    d(ms);
                }
            }
        }
    }
}

/// The number of workers asked for: `?workers=N` in the address, else the browser's core count.
fn wanted() -> usize {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let asked = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("workers="))
        .and_then(|n| n.parse::<usize>().ok());
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .filter(|n| n.is_finite() && *n >= 1.0)
        .map_or(1, |n| n as usize);
    asked.unwrap_or(cores).min(MAX_WORKERS)
}

/// The worker module's loader, as the build wrote it into the page.
fn loader_url() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[name=relsim-worker]")
        .ok()??
        .get_attribute("content")
        .filter(|u| !u.is_empty())
}

/// Starts the workers in the background; `shown` then tells how many are in use.
pub fn start(shown: RwSignal<usize>) {
    POOL.with_borrow_mut(|p| p.shown = Some(shown));
    let Some(url) = loader_url() else { return };
    for index in 0..wanted() {
        let Ok(worker) = Worker::new(&url) else {
            break;
        };
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let after = POOL.with_borrow_mut(|p| p.reply(index, e.data()));
            after.call();
            dispatch();
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            POOL.with_borrow_mut(|p| p.lose(index));
            dispatch();
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The pool lives as long as the page.
        on_message.forget();
        on_error.forget();
        POOL.with_borrow_mut(|p| {
            p.slots.push(Slot {
                worker,
                ready: false,
                dead: false,
                inflight: VecDeque::new(),
            })
        });
    }
}

/// Runs `tasks`, replacing any running job: `on_output` receives each task's output with its
/// index (in any order), then `on_done` the job's wall-clock milliseconds. Progress goes to
/// `state.progress`; bumping `state.generation` (see [`cancel`]) stops the job.
pub fn submit(
    state: AppState,
    tasks: Vec<Task>,
    on_output: impl FnMut(usize, Output) + 'static,
    on_done: impl FnOnce(f64) + 'static,
) {
    submit_with_progress(state, state.progress, tasks, on_output, on_done);
}

/// [`submit`] for a view with its own progress bar: progress goes to `progress` instead of
/// `state.progress` (which the views' shared bar shows).
pub fn submit_with_progress(
    state: AppState,
    progress: RwSignal<Option<f64>>,
    tasks: Vec<Task>,
    on_output: impl FnMut(usize, Output) + 'static,
    on_done: impl FnOnce(f64) + 'static,
) {
    // The job replaced stops showing progress, wherever it showed it.
    if let Some(old) = POOL.with_borrow_mut(|p| p.job.take()) {
        old.progress.set(None);
    }
    state.generation.update(|g| *g += 1);
    progress.set(Some(0.0));
    let sizes: Vec<u32> = tasks.iter().map(|t| t.size().max(1)).collect();
    POOL.with_borrow_mut(|p| {
        p.next_job = p.next_job.wrapping_add(1);
        p.job = Some(Job {
            id: p.next_job,
            generation: state.generation.get_untracked(),
            state,
            progress,
            todo: (0..tasks.len()).collect(),
            left: tasks.len(),
            tasks: tasks.iter().map(Task::to_json).collect(),
            total_size: sizes.iter().map(|s| u64::from(*s)).sum::<u64>().max(1),
            sizes,
            done_size: 0,
            started: now(),
            on_output: Rc::new(RefCell::new(Box::new(on_output))),
            on_done: Rc::new(RefCell::new(Some(Box::new(on_done)))),
        });
    });
    if tasks.is_empty() {
        finish_empty();
    }
    dispatch();
    // Workers still loading (a slow network) must not hold the job: after a while the page
    // computes, and hands the rest to the workers as soon as one comes up.
    set_timeout(
        || {
            POOL.with_borrow_mut(|p| {
                if p.job.is_some() && !p.slots.iter().any(|s| s.ready && !s.dead) {
                    p.impatient = true;
                }
            });
            dispatch();
        },
        Duration::from_millis(WAIT_FOR_WORKERS_MS),
    );
}

/// A job without tasks is done at once.
fn finish_empty() {
    let done = POOL.with_borrow_mut(|p| p.job.take());
    if let Some(job) = done {
        job.progress.set(None);
        if let Some(d) = job.on_done.borrow_mut().take() {
            d(0.0);
        }
    }
}

/// How many ways to cut a job: the workers alive, or 0 when the page computes (`task::units`
/// then cuts it finer).
pub fn workers_for_split() -> usize {
    POOL.with_borrow(|p| p.live())
}

/// Stops the running job.
pub fn cancel(state: AppState) {
    state.generation.update(|g| *g += 1);
    state.progress.set(None);
    if let Some(job) = POOL.with_borrow_mut(|p| p.job.take()) {
        job.progress.set(None);
    }
}

/// Hands out work: to every idle worker, or to the main thread when no worker can take it.
fn dispatch() {
    // The first job fetches the reader of outputs first; every later call finds it in.
    let has_job = POOL.with_borrow(|p| p.job.is_some());
    if has_job && !matches!(chunks::ready_now(replies_chunk()), Some(Ok(()))) {
        leptos::task::spawn_local(async {
            if replies_chunk().await.is_ok() {
                dispatch();
            } else {
                page_unavailable();
            }
        });
        return;
    }
    let main = POOL.with_borrow_mut(|p| {
        p.drop_stale();
        p.hand_out();
        p.show();
        let needs_main = p.job.is_some() && p.live() == 0 && !p.main_running;
        if needs_main {
            p.main_running = true;
        }
        needs_main
    });
    if main {
        leptos::task::spawn_local(async {
            if page_runner_chunk().await.is_ok() {
                main_slice();
            } else {
                page_unavailable();
            }
        });
    }
}

/// A chunk a job needs (the reader of outputs, or the page's own simulation) could not be
/// fetched (offline, before the service worker kept it): the job stops with a message, and the
/// next input tries again.
fn page_unavailable() {
    let job = POOL.with_borrow_mut(|p| {
        p.main_running = false;
        p.job.take()
    });
    if let Some(j) = job {
        j.progress.set(None);
        j.state.error.set(Some(Problem::Says(|t| t.view_failed)));
    }
}

/// Runs tasks on the main thread for a slice of time, then yields to the browser.
fn main_slice() {
    set_timeout(
        || {
            let start = now();
            loop {
                // Take the next task unless workers have come up meanwhile.
                let next = POOL.with_borrow_mut(|p| {
                    p.drop_stale();
                    if p.live() > 0 {
                        return None;
                    }
                    let job = p.job.as_mut()?;
                    let i = job.todo.pop_front()?;
                    Some((job.id, i, job.tasks[i].clone()))
                });
                let Some((job, i, text)) = next else { break };
                // The chunk is in (`dispatch` waited for it), so the call completes at once.
                let out = chunks::ready_now(run_on_page(text))
                    .and_then(Result::ok)
                    .unwrap_or_else(|| Err("the page's simulation is not loaded".into()));
                let after = POOL.with_borrow_mut(|p| p.complete(job, i, out.and_then(decoded)));
                after.call();
                if now() - start > SLICE_MS {
                    break;
                }
            }
            let again = POOL.with_borrow_mut(|p| {
                let again = p.job.as_ref().is_some_and(|j| !j.todo.is_empty()) && p.live() == 0;
                p.main_running = again;
                again
            });
            if again {
                main_slice();
            } else {
                dispatch();
            }
        },
        Duration::from_millis(0),
    );
}

impl Pool {
    /// Workers that can take work now or soon: those alive (loading or ready), or only the
    /// ready ones once a job has waited too long for the others.
    fn live(&self) -> usize {
        self.slots
            .iter()
            .filter(|s| !s.dead && (s.ready || !self.impatient))
            .count()
    }

    fn show(&self) {
        if let Some(s) = self.shown {
            let n = self.slots.iter().filter(|s| s.ready && !s.dead).count();
            if s.get_untracked() != n {
                s.set(n);
            }
        }
    }

    fn drop_stale(&mut self) {
        if self.job.as_ref().is_some_and(Job::stale) {
            self.job = None;
        }
    }

    fn hand_out(&mut self) {
        let Some(job) = self.job.as_mut() else { return };
        // Round by round, so that every worker gets its first task before any gets a second.
        for _ in 0..DEPTH {
            for slot in self.slots.iter_mut().filter(|s| s.ready && !s.dead) {
                // Late answers of a replaced job still count: the worker is busy with them.
                if slot.inflight.len() >= DEPTH {
                    continue;
                }
                let Some(i) = job.todo.pop_front() else {
                    return;
                };
                let message = Object::new();
                let id = f64::from(job.id) * JOB_STRIDE + i as f64;
                let _ = Reflect::set(&message, &"id".into(), &id.into());
                let _ = Reflect::set(&message, &"task".into(), &job.tasks[i].as_str().into());
                if slot.worker.post_message(&message).is_ok() {
                    slot.inflight.push_back((job.id, i));
                } else {
                    job.todo.push_front(i);
                    slot.dead = true;
                }
            }
        }
    }

    /// A worker's message: `ready`, or a task's reply.
    fn reply(&mut self, index: usize, data: JsValue) -> After {
        let Some(slot) = self.slots.get_mut(index) else {
            return After::Nothing;
        };
        if data.as_string().as_deref() == Some("ready") {
            slot.ready = true;
            return After::Nothing;
        }
        let Some((job, task)) = slot.inflight.pop_front() else {
            return After::Nothing;
        };
        let id = Reflect::get(&data, &"id".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(-1.0);
        if id != f64::from(job) * JOB_STRIDE + task as f64 {
            return After::Nothing;
        }
        let out = match Reflect::get(&data, &"bytes".into()) {
            Ok(b) if b.is_object() => decoded(Uint8Array::new(&b).to_vec()),
            _ => Err(Reflect::get(&data, &"error".into())
                .ok()
                .and_then(|e| e.as_string())
                .unwrap_or_else(|| "the worker sent no output".into())),
        };
        self.complete(job, task, out)
    }

    /// A worker failed (its module did not load, or it crashed): its task goes back in line.
    fn lose(&mut self, index: usize) {
        let Some(slot) = self.slots.get_mut(index) else {
            return;
        };
        slot.dead = true;
        slot.worker.terminate();
        let lost = std::mem::take(&mut slot.inflight);
        if let Some(j) = self.job.as_mut() {
            for (job, task) in lost.into_iter().rev() {
                if j.id == job {
                    j.todo.push_front(task);
                }
            }
        }
    }

    /// Records a task's output; returns what to call.
    fn complete(&mut self, job: u32, task: usize, out: Result<Output, String>) -> After {
        let Some(j) = self.job.as_mut().filter(|j| j.id == job && !j.stale()) else {
            return After::Nothing;
        };
        let out = match out {
            Ok(o) => o,
            Err(e) => {
                // A task the simulation refuses is a bug, not the user's input (it was checked
                // before the job started): say so, and stop the job rather than hang.
                web_sys::console::error_1(&format!("relsim: a simulation task failed: {e}").into());
                j.progress.set(None);
                self.job = None;
                return After::Nothing;
            }
        };
        j.left -= 1;
        j.done_size += u64::from(j.sizes[task]);
        if j.left == 0 {
            let Some(j) = self.job.take() else {
                return After::Nothing;
            };
            j.progress.set(None);
            return After::Finish(j.on_output, task, out, j.on_done, now() - j.started);
        }
        j.progress
            .set(Some(j.done_size as f64 / j.total_size as f64));
        After::Output(j.on_output.clone(), task, out)
    }
}
