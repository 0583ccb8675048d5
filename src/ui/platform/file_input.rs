//! Reading a file the user picked in an `<input type=file>`: the scenario import and the exercise
//! import both take its text.

use wasm_bindgen::JsCast;

/// Reads the first file picked in the input behind `ev` as text and hands it to `on_text`. The
/// input is cleared, so that picking the same file again is a new change.
pub fn read_picked_text(ev: leptos::ev::Event, on_text: impl FnOnce(String) + 'static) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        on_text(text.ok().and_then(|v| v.as_string()).unwrap_or_default());
    });
}
