//! Copying text to the clipboard, with a way out where the browser offers none.
//!
//! `navigator.clipboard` exists only in secure contexts (https, or this machine): on a plain
//! `http://` intranet host it is missing and calling it throws. Copying then fails softly: the
//! caller shows the text selected in its field and says how to copy it by hand.

use wasm_bindgen::JsCast;

/// Whether the browser lets the page write to the clipboard here.
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::get(&w.navigator(), &"clipboard".into())
            .is_ok_and(|c| !c.is_undefined() && !c.is_null())
    })
}

/// Copies `text`; whether it was copied (false without a clipboard or without permission).
pub async fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    if !available() {
        return false;
    }
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Focuses and selects the text field with `data-testid` = `testid` once it is on the page
/// (after this turn's render), so that the user can copy it with Ctrl+C or the menu.
pub fn select_field(testid: &'static str) {
    let Some(w) = web_sys::window() else { return };
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| {
            d.query_selector(&format!("[data-testid='{testid}']"))
                .ok()
                .flatten()
        }) else {
            return;
        };
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            let _ = input.focus();
            input.select();
        } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            let _ = area.focus();
            area.select();
        }
    });
    let _ = w.request_animation_frame(cb.unchecked_ref());
}
