//! Moving keyboard focus to where the next step is.

use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element with this test id once it is rendered, so that a
/// keyboard user lands where the next step is.
pub fn focus_testid(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector(&format!("[data-testid='{id}']"))
                    .ok()
                    .flatten()
            })
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}
