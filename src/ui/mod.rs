//! The Leptos web app (WebAssembly only): one component per file, state in a small typed
//! context (`state.rs`), strings in `i18n.rs`.

mod app;
mod canvas;
mod charts;
mod compare_view;
mod controls;
mod download;
mod editor;
mod ensemble_view;
mod events;
pub mod i18n;
mod inline;
mod interventions;
mod jobs;
mod manager;
mod model_page;
mod negotiate_view;
mod plot;
mod presets;
mod state;
mod storage;
mod summary;
mod timeline;
mod toolbar;
mod why_view;

pub use app::App;
