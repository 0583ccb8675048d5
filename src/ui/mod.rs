//! The Leptos web app (WebAssembly only): one component per file, state in a small typed
//! context (`state.rs`), strings in `i18n.rs`.

mod app;
mod canvas;
mod charts;
mod controls;
mod editor;
mod events;
pub mod i18n;
mod inline;
mod interventions;
mod manager;
mod model_page;
mod presets;
mod state;
mod storage;
mod summary;
mod timeline;
mod toolbar;

pub use app::App;
