//! The Leptos web app (WebAssembly only), in layers that import only downward:
//! `platform` (the browser) → `app` (state, storage, routes) → `compute` (the simulation
//! workers) → `widgets` (controls, charts, tables) → `views` (one folder per view, none imports
//! another) → `shell` (the page around the views, the embed and the split points that load
//! them). `tests/architecture.rs` keeps it so; docs/architecture.md has one line per folder.

mod app;
mod compute;
mod platform;
mod shell;
mod views;
mod widgets;

pub use shell::{start, App};
