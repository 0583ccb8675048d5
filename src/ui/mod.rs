//! The Leptos web app (WebAssembly only): one component per file, state in a small typed
//! context (`state.rs`), strings in `i18n.rs`.

mod app;
mod canvas;
mod charts;
mod class_board;
mod compare_view;
mod controls;
mod editor;
mod ensemble_view;
mod events;
mod exercise_author;
mod exercise_debrief;
pub mod exercise_i18n;
mod exercise_view;
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
