//! Reading a scenario's text on the page (a link, the copy saved in this browser, a file, a
//! preset) in a WebAssembly chunk of its own.
//!
//! Reading JSON is serde's derived code for every input type, the path tracker that names the
//! field at fault and the checks: about a tenth of the UI module. A first visit reads nothing
//! (the default scenario is built in code), so this code waits in the `reader` chunk (see
//! `shell/split.rs` for how chunks are cut and fetched), fetched before the first render when the
//! address or storage holds a scenario, otherwise when the first preset or file is read (the
//! service worker keeps it after a first visit).

use leptos::wasm_split::wasm_split;

use crate::sim::{link, Scenario};
use crate::text::Problem;
use crate::ui::platform::chunks::{ready_now, NotLoaded};

/// A scenario's text, by where it comes from.
pub enum Text {
    /// Scenario JSON: a file, a preset, the copy saved in this browser.
    Json(String),
    /// The percent-encoded JSON of a link (the text after `#s=`).
    Fragment(String),
}

/// Reads and checks `text`; why it cannot be used.
#[wasm_split(reader, wasm_split_path = ::leptos::wasm_split, fallible, preload(reader_chunk))]
fn read_in_chunk(text: Text) -> Result<Result<Scenario, Problem>, NotLoaded> {
    // A value out of range is named with its translated label and range (read from the text
    // without the checks); a broken text keeps the decoder's words, which name line and column.
    let explain =
        |error: link::LinkError, json: Option<String>| Problem::Unreadable { error, json };
    Ok(match text {
        Text::Json(json) => link::decode_stored(&json).map_err(|e| explain(e, Some(json))),
        Text::Fragment(encoded) => link::decode_fragment(&encoded)
            .map_err(|e| explain(e, link::percent_decode(&encoded).ok())),
    })
}

/// Reads `text` and hands the scenario, or why not, to `done`: at once when the reader
/// is in, otherwise once it is fetched.
pub fn read_then(text: Text, done: impl FnOnce(Result<Scenario, Problem>) + 'static) {
    let mut reading = Box::pin(read(text));
    // Polled here only when the reader is in: then the reading completes at once.
    if matches!(ready_now(reader_chunk()), Some(Ok(()))) {
        if let Some(read) = ready_now(reading.as_mut()) {
            return done(read);
        }
    }
    leptos::task::spawn_local(async move { done(reading.await) });
}

/// The scenario in `text`, or why not (also when the reader cannot be fetched).
pub async fn read(text: Text) -> Result<Scenario, Problem> {
    read_in_chunk(text)
        .await
        .unwrap_or(Err(Problem::Says(|t| t.view_failed)))
}
