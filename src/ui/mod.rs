//! The Leptos web app (WebAssembly only).

mod app;
mod canvas;

pub use app::App;
