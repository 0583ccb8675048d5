//! The views a first visit does not need, each in its own WebAssembly chunk.
//!
//! The first screen is the simulator's one-run view. The other pages (the model, the tour, the
//! exercises, whose state is made in its chunk too), the result tabs beside it and the embed are
//! split points, as is the page's own simulation for a browser without workers (`pool.rs`): the
//! build (`scripts/ui-split.mjs`, after `cargo build`) moves every function marked
//! `#[wasm_split]`, with the code only it reaches, out of the UI module into a chunk that the
//! page fetches the first time it is needed. Code two chunks share goes into a shared chunk; code the first screen uses
//! stays in the UI module. Natively nothing is split and the call is direct.
//!
//! A chunk that cannot be fetched (offline before the service worker kept it) is not fatal: the
//! view says so and offers to try again, and the rest of the app, with the user's scenario, stays
//! as it was.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use super::state::use_state;

/// A chunk could not be fetched or instantiated (the browser's console has the details).
#[derive(Clone, Copy, Debug)]
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// What a split point gives: the view, or why it is missing.
pub type Part = Result<AnyView, NotLoaded>;

// Each view is built untracked: the component's own set-up must not subscribe the loader to the
// signals it reads, or every change would rebuild the whole view.

/// The model page.
#[wasm_split(model_page, wasm_split_path = ::leptos::wasm_split, fallible, preload(model_page_chunk))]
pub fn model_page() -> Part {
    Ok(untrack(|| {
        view! { <super::model_page::ModelPage /> }.into_any()
    }))
}

/// The guided tour.
#[wasm_split(tour, wasm_split_path = ::leptos::wasm_split, fallible, preload(tour_chunk))]
pub fn tour() -> Part {
    Ok(untrack(|| view! { <super::tour::Tour /> }.into_any()))
}

/// The exercises: playing one, the class board and making one.
#[wasm_split(exercises, wasm_split_path = ::leptos::wasm_split, fallible, preload(exercises_chunk))]
pub fn exercises() -> Part {
    Ok(untrack(|| {
        // The mode's state is made here, in the chunk, the first time (see `ExHome`).
        provide_context(super::exercise_view::ExHome::ctx(use_state()));
        view! { <super::exercise_view::ExerciseView /> }.into_any()
    }))
}

/// The ensemble tab.
#[wasm_split(ensemble_tab, wasm_split_path = ::leptos::wasm_split, fallible, preload(ensemble_tab_chunk))]
pub fn ensemble_tab() -> Part {
    Ok(untrack(|| {
        view! { <super::ensemble_view::EnsembleView /> }.into_any()
    }))
}

/// The comparison tab.
#[wasm_split(compare_tab, wasm_split_path = ::leptos::wasm_split, fallible, preload(compare_tab_chunk))]
pub fn compare_tab() -> Part {
    Ok(untrack(|| {
        view! { <super::compare_view::CompareView /> }.into_any()
    }))
}

/// The negotiation tab, with the sweep and the deal map.
#[wasm_split(negotiate_tab, wasm_split_path = ::leptos::wasm_split, fallible, preload(negotiate_tab_chunk))]
pub fn negotiate_tab() -> Part {
    Ok(untrack(|| {
        view! { <super::negotiate_view::NegotiateView /> }.into_any()
    }))
}

/// The why tab.
#[wasm_split(why_tab, wasm_split_path = ::leptos::wasm_split, fallible, preload(why_tab_chunk))]
pub fn why_tab() -> Part {
    Ok(untrack(|| {
        view! { <super::why_view::WhyView /> }.into_any()
    }))
}

/// An embedded chart, the whole page of an embed address.
#[wasm_split(embed, wasm_split_path = ::leptos::wasm_split, fallible, preload(embed_chunk))]
pub fn embed(spec: super::embed::EmbedSpec) -> Part {
    Ok(untrack(|| {
        view! { <super::embed::EmbedView spec=spec /> }.into_any()
    }))
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

/// Fetches a chunk's code; says whether it came.
type Fetch = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = bool>>> + Send + Sync>;
/// Builds a view from a loaded chunk.
type Build = Arc<dyn Fn() -> Option<AnyView> + Send + Sync>;

/// Shows the view `build` makes once `chunk` has fetched its code: a status line while it
/// loads (the first time only), an error with a retry button if the fetch fails.
///
/// The view is built synchronously, in the same reactive pass as any other, once the chunk is
/// in: built inside a pending future instead, its charts would draw before the page holds their
/// canvases, at no size.
pub fn deferred<C, CF, B, BF>(chunk: C, build: B) -> AnyView
where
    C: Fn() -> CF + Send + Sync + 'static,
    CF: Future<Output = Result<(), SplitLoaderError>> + 'static,
    B: Fn() -> BF + Send + Sync + 'static,
    BF: Future<Output = Part>,
{
    // Only these two closures are made per split point; the view around them exists once.
    let fetch: Fetch = Arc::new(move || {
        let loading = chunk();
        Box::pin(async move { loading.await.is_ok() })
    });
    let build: Build = Arc::new(move || ready_now(build()).and_then(Result::ok));
    shown_when_loaded(fetch, build)
}

fn shown_when_loaded(fetch: Fetch, build: Build) -> AnyView {
    let state = use_state();
    // None while the chunk loads; then whether it loaded.
    let loaded = RwSignal::new(None::<bool>);
    let start = move || {
        loaded.set(None);
        let loading = fetch();
        leptos::task::spawn_local(async move {
            let ok = loading.await;
            // The user may have moved on to another view meanwhile.
            let _ = loaded.try_set(Some(ok));
        });
    };
    let start = Arc::new(start);
    start();
    let site = move || state.lang.get().site();
    let failed = move || {
        let start = start.clone();
        view! {
            <div class="error-banner" role="alert" data-testid="view-failed">
                <p>{move || site().view_failed}</p>
                <button type="button" data-testid="view-retry" on:click=move |_| start()>
                    {move || site().view_retry}
                </button>
            </div>
        }
        .into_any()
    };
    (move || match loaded.get() {
        None => view! {
            <p class="note view-loading" role="status" data-testid="view-loading">
                {move || site().view_loading}
            </p>
        }
        .into_any(),
        Some(true) => build().unwrap_or_else(&failed),
        Some(false) => failed(),
    })
    .into_any()
}
