//! The simulation's web worker: a second WebAssembly module, optimised for speed and built
//! without the user interface. The page posts `{id, task}` (a [`relsim::sim::task::Task`] as
//! JSON); the worker runs it and posts back `{id, bytes}` (its output, the buffer transferred) or
//! `{id, error}`. It says `ready` once it listens, so that the page never posts into the void,
//! after a short job of its own that gets the browser to optimise the simulation's code.

/// Runs in the worker's warm-up job (see `main`): about 5 ms at full speed, a few times that
/// before the browser has optimised the simulation.
#[cfg(target_arch = "wasm32")]
const WARM_UP_RUNS: u32 = 100;

#[cfg(target_arch = "wasm32")]
fn main() {
    use std::cell::RefCell;

    use js_sys::{Array, Object, Reflect, Uint8Array};
    use relsim::sim::task::{Runner, Task};
    use relsim::sim::Scenario;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let runner = RefCell::new(Runner::default());
    // A browser first runs a module's functions as its baseline compiler made them and
    // compiles the ones that turn out hot, optimised, in the background. A worker's first jobs
    // were slow for it: 1 000 runs took 75–160 ms, then 26 ms from the third or fourth job on.
    // A short job of its own, before the page is told it listens, starts that compilation while
    // the page shows its first chart, so that the user's first ensemble runs at full speed.
    let warm_up = Task::Runs {
        scenario: Scenario::default(),
        from: 0,
        to: WARM_UP_RUNS,
    };
    let _ = runner.borrow_mut().run_json(&warm_up.to_json());
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let id = Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL);
        let task = Reflect::get(&data, &"task".into())
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default();
        let reply = Object::new();
        let _ = Reflect::set(&reply, &"id".into(), &id);
        let sent = match runner.borrow_mut().run_json(&task) {
            Ok(bytes) => {
                let array = Uint8Array::from(bytes.as_slice());
                let _ = Reflect::set(&reply, &"bytes".into(), &array);
                reply_scope.post_message_with_transfer(&reply, &Array::of1(&array.buffer()))
            }
            Err(e) => {
                let _ = Reflect::set(&reply, &"error".into(), &e.into());
                reply_scope.post_message(&reply)
            }
        };
        if sent.is_err() {
            web_sys::console::error_1(&"relsim worker: could not post a reply".into());
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&"ready".into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("relsim-worker is the web app's simulation worker: `make build` builds it");
}
