//! The app's core: its state, the address and storage that keep it, reading scenario texts,
//! the routes (pages and tabs) and loading a view's chunk.

pub mod loading;
pub mod reading;
pub mod routes;
pub mod state;
pub mod storage;
