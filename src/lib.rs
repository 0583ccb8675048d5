//! Relsim: a simulator of outsourcing relationships.
//!
//! `sim` is the model (std, serde and rand only), `chart` draws its history onto any plotters
//! backend, and `ui` is the Leptos web app (WebAssembly only).
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod chart;
pub mod live;
#[cfg(not(target_arch = "wasm32"))]
pub mod server;
pub mod sim;
pub mod text;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;
