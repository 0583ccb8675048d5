//! Persistence: the scenario in the address and in local storage, and the remembered language.
//!
//! Decoding lives in `sim::link` (pure Rust, fuzzed natively); this file only talks to the
//! browser. Saving is debounced: a slider drag edits the scenario once per pixel, and browsers
//! throttle `history.replaceState`.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;

use crate::sim::{link, Scenario};
use crate::text::{Lang, Problem};
use crate::ui::app::reading::{self, Text};
use crate::ui::app::routes::{self, Route};

const KEY: &str = "relsim.scenario";
const LANG_KEY: &str = "relsim.lang";
/// How long after the last edit the scenario is written to the address and storage.
const SAVE_DELAY: Duration = Duration::from_millis(300);

thread_local! {
    /// The address an open exercise holds (its `#x=` link), if any: see [`hold_address`].
    static HELD: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The scenario to start with, from the address, else local storage, else the default; with a
/// message for the error banner when the link or the saved scenario cannot be read. Ready at
/// once when neither holds a scenario (nothing to read: see `reading.rs`).
pub async fn initial() -> (Scenario, Option<Problem>) {
    let stored = async || match storage().and_then(|s| s.get_item(KEY).ok().flatten()) {
        None => (Scenario::default(), None),
        Some(text) => match reading::read(Text::Json(text)).await {
            Ok(s) => (s, None),
            Err(why) => (Scenario::default(), Some(why.while_(|t| t.stored_failed))),
        },
    };
    let hash = web_sys::window().and_then(|w| w.location().hash().ok());
    match hash.as_deref().and_then(link::fragment_payload) {
        Some(encoded) => match reading::read(Text::Fragment(encoded.to_string())).await {
            Ok(s) => (s, None),
            Err(why) => (stored().await.0, Some(why.while_(|t| t.link_failed))),
        },
        None => stored().await,
    }
}

/// Whether this browser holds a saved scenario (readable or not): a visitor has been here.
pub fn has_saved() -> bool {
    storage().is_some_and(|s| s.get_item(KEY).ok().flatten().is_some())
}

/// The address that reproduces `scenario` in the view shown: this page with its route in the
/// query, but the tour left for the simulator (a scenario taken from the tour reopens in the
/// simulator, not at step 1).
pub fn link(scenario: &Scenario) -> String {
    address_of(scenario, routes::current().for_link())
}

/// This page's address with `route` in its query and `scenario` in its fragment.
fn address_of(scenario: &Scenario, route: Route) -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default(),
        route.into_query(&loc.search().unwrap_or_default()),
        link::encode_fragment(scenario)
    )
}

/// Replaces the address without a new history entry.
fn set_address(url: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// While `url` is `Some` (an open exercise's link), the address shows it and saving the
/// scenario only writes local storage, so that reloading reopens the exercise; `None` gives the
/// address back to `scenario` (written now if an exercise held it).
pub fn hold_address(url: Option<String>, scenario: &Scenario) {
    let was = HELD.with(|h| h.replace(url.clone()));
    match url {
        Some(url) => set_address(&url),
        None if was.is_some() => set_address(&address_of(scenario, routes::current())),
        None => {}
    }
}

/// Puts `scenario` in the address (without a new history entry, unless an exercise holds the
/// address) and in local storage, now.
pub fn save(scenario: &Scenario) {
    let held = HELD.with(|h| h.borrow().clone());
    set_address(&held.unwrap_or_else(|| address_of(scenario, routes::current())));
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, &link::encode_stored(scenario));
    }
}

/// Saves `scenario` a moment after each change, and at once when the page is left.
///
/// The scenario as loaded is not written back: a bad link stays in the address and the work
/// saved earlier stays in storage until the user edits.
pub fn persist(scenario: RwSignal<Scenario>) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first_done: Option<()>| {
        scenario.track();
        if first_done.is_none() {
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let write = move || {
            pending.set_value(None);
            scenario.with_untracked(save);
        };
        pending.set_value(set_timeout_with_handle(write, SAVE_DELAY).ok());
    });
    let leave = window_event_listener(leptos::ev::pagehide, move |_| {
        if let Some(h) = pending.get_value() {
            h.clear();
            pending.set_value(None);
            scenario.with_untracked(save);
        }
    });
    on_cleanup(move || leave.remove());
}

/// The remembered language.
pub fn load_lang() -> Option<Lang> {
    match storage()?.get_item(LANG_KEY).ok()??.as_str() {
        "nl" => Some(Lang::Nl),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// Remembers the language.
pub fn save_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", lang.code());
    }
}
