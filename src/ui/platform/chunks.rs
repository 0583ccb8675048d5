//! WebAssembly chunks: what a split point gives and how to poll one that is already in.
//!
//! The build (`scripts/ui-split.mjs`, after `cargo build`) moves every function marked
//! `#[wasm_split]`, with the code only it reaches, out of the UI module into a chunk that the
//! page fetches the first time it is needed. Natively nothing is split and the call is direct.

use std::future::Future;
use std::task::{Context, Poll, Waker};

use leptos::wasm_split::SplitLoaderError;

/// A chunk could not be fetched or instantiated (the browser's console has the details).
#[derive(Clone, Copy, Debug)]
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Polls `f` once: a split function whose chunk is already loaded completes at once.
pub fn ready_now<F: Future>(f: F) -> Option<F::Output> {
    let mut f = std::pin::pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    match f.as_mut().poll(&mut cx) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}
