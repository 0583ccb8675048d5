//! The routes in the browser: the page and tab start from the address, every change the user
//! makes is a new history entry, and Back and Forward set them again (`text::route` does the
//! string work).

use leptos::prelude::*;

pub use crate::text::route::{Page, Route, Tab};

/// The route the address names now.
pub fn current() -> Route {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    Route::from_query(&search)
}

/// This page's address with `route` in its query and the fragment as it is.
pub fn address(route: Route) -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let (path, search, hash) = (
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default(),
        loc.hash().unwrap_or_default(),
    );
    format!("{path}{}{hash}", route.into_query(&search))
}

/// Keeps `page` and `tab` and the address in step: a change made in the app pushes a history
/// entry; Back and Forward (`popstate`) set the signals from the address, without pushing.
pub fn follow(page: RwSignal<Page>, tab: RwSignal<Tab>) {
    let start = current();
    page.set(start.page);
    tab.set(start.tab);
    Effect::new(move |first: Option<()>| {
        let route = Route {
            page: page.get(),
            tab: tab.get(),
        };
        if route != current() {
            if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                let url = address(route);
                let none = wasm_bindgen::JsValue::NULL;
                // Set at start (an exercise link opening its page): the address is corrected
                // in place; a later change is a step Back can undo.
                let _ = match first {
                    None => h.replace_state_with_url(&none, "", Some(&url)),
                    Some(()) => h.push_state_with_url(&none, "", Some(&url)),
                };
            }
        }
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let route = current();
        page.set(route.page);
        tab.set(route.tab);
    });
    on_cleanup(move || handle.remove());
}
