//! The class server (`relsim serve`): the static site and a JSON API under `/api/` for live
//! classes — a trainer opens a class on an exercise, participants join with its code, and
//! their decisions are replayed here on the class's exercise (the same `sim` code, bit for
//! bit) before the score is stored and shown on the trainer's live board.
//!
//! Native only: the web build never sees this module or its crates. The request and answer
//! shapes are declared once, in [`crate::live`], for this server and the app.

mod config;
mod db;
mod files;
mod hub;
mod keys;
mod limiter;
mod pair_routes;
mod pairing;
mod pairs;
mod participant;
mod qr;
mod reply;
mod router;
mod state;
mod trainer;

pub use config::Config;
pub use router::serve;
