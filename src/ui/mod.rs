//! The Leptos web app (WebAssembly only): one component per file, state in a small typed
//! context (`state.rs`), strings in `i18n.rs`.

mod app;
mod canvas;
mod chart_table;
mod charts;
mod class_board;
mod compare_view;
mod controls;
mod deal_map;
mod download;
mod editor;
mod embed;
mod ensemble_view;
mod events;
mod exercise_author;
mod exercise_debrief;
mod exercise_view;
mod file_input;
mod how_sure;
pub use crate::i18n;
mod inline;
mod interventions;
mod intl;
mod jobs;
mod lazy;
mod luck;
mod manager;
mod model_page;
mod negotiate_view;
mod plot;
mod pool;
mod presets;
mod reading;
mod report;
mod state;
mod stats;
mod storage;
mod summary;
mod timeline;
mod toolbar;
mod tour;
mod why_view;
mod widgets;

pub use app::{start, App};
