//! The views a first visit does not need, each in its own WebAssembly chunk.
//!
//! The first screen is the simulator's one-run view. The other pages (the model, the tour, the
//! exercises, whose state is made in its chunk too), the result tabs beside it and the embed are
//! split points, as is the page's own simulation for a browser without workers (`compute/pool.rs`): the
//! build (`scripts/ui-split.mjs`, after `cargo build`) moves every function marked
//! `#[wasm_split]`, with the code only it reaches, out of the UI module into a chunk that the
//! page fetches the first time it is needed. Code two chunks share goes into a shared chunk; code the first screen uses
//! stays in the UI module. Natively nothing is split and the call is direct.
//!
//! A chunk that cannot be fetched (offline before the service worker kept it) is not fatal: the
//! view says so and offers to try again, and the rest of the app, with the user's scenario, stays
//! as it was.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::ui::app::loading::Part;
use crate::ui::app::state::use_state;

// Each view is built untracked: the component's own set-up must not subscribe the loader to the
// signals it reads, or every change would rebuild the whole view.

/// The model page.
#[wasm_split(model_page, wasm_split_path = ::leptos::wasm_split, fallible, preload(model_page_chunk))]
pub fn model_page() -> Part {
    Ok(untrack(|| {
        view! { <crate::ui::views::site::model::ModelPage /> }.into_any()
    }))
}

/// The guided tour.
#[wasm_split(tour, wasm_split_path = ::leptos::wasm_split, fallible, preload(tour_chunk))]
pub fn tour() -> Part {
    Ok(untrack(|| {
        view! { <crate::ui::views::site::tour::Tour /> }.into_any()
    }))
}

/// The exercises: playing one, the class board and making one.
#[wasm_split(exercises, wasm_split_path = ::leptos::wasm_split, fallible, preload(exercises_chunk))]
pub fn exercises() -> Part {
    Ok(untrack(|| {
        // The mode's state is made here, in the chunk, the first time (see `ExHome`).
        provide_context(crate::ui::views::exercise::ExHome::ctx(use_state()));
        view! { <crate::ui::views::exercise::ExerciseView /> }.into_any()
    }))
}

/// The ensemble tab.
#[wasm_split(ensemble_tab, wasm_split_path = ::leptos::wasm_split, fallible, preload(ensemble_tab_chunk))]
pub fn ensemble_tab() -> Part {
    Ok(untrack(|| {
        view! { <crate::ui::views::ensemble::EnsembleView /> }.into_any()
    }))
}

/// The comparison tab.
#[wasm_split(compare_tab, wasm_split_path = ::leptos::wasm_split, fallible, preload(compare_tab_chunk))]
pub fn compare_tab() -> Part {
    Ok(untrack(|| {
        view! { <crate::ui::views::compare::CompareView /> }.into_any()
    }))
}

/// The negotiation tab, with the sweep and the deal map.
#[wasm_split(negotiate_tab, wasm_split_path = ::leptos::wasm_split, fallible, preload(negotiate_tab_chunk))]
pub fn negotiate_tab() -> Part {
    Ok(untrack(|| {
        view! { <crate::ui::views::negotiate::NegotiateView /> }.into_any()
    }))
}

/// The why tab.
#[wasm_split(why_tab, wasm_split_path = ::leptos::wasm_split, fallible, preload(why_tab_chunk))]
pub fn why_tab() -> Part {
    Ok(untrack(|| {
        view! { <crate::ui::views::why::WhyView /> }.into_any()
    }))
}

/// An embedded chart, the whole page of an embed address.
#[wasm_split(embed, wasm_split_path = ::leptos::wasm_split, fallible, preload(embed_chunk))]
pub fn embed(spec: crate::text::embed::EmbedSpec) -> Part {
    Ok(untrack(|| {
        view! { <crate::ui::shell::embed::EmbedView spec=spec /> }.into_any()
    }))
}
