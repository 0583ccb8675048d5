//! The browser, wrapped: the address, WebAssembly chunks, canvases, downloads, files, the
//! clipboard and dates. Imports nothing else of the app.

pub mod address;
pub mod canvas;
pub mod chunks;
pub mod clipboard;
pub mod download;
pub mod file_input;
pub mod focus;
pub mod http;
pub mod intl;
pub mod store;
