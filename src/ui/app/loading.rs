//! Showing a view from a chunk: a status line while it loads, an error with a retry button if
//! it cannot be fetched (offline before the service worker kept it). Not fatal: the rest of the
//! app, with the user's scenario, stays as it was.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::ui::app::state::use_state;
use crate::ui::platform::chunks::{ready_now, NotLoaded};

/// What a split point gives: the view, or why it is missing.
pub type Part = Result<AnyView, NotLoaded>;

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
    let site = move || state.lang.get().t();
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
