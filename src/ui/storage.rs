//! The scenario in the address, in local storage, and in downloaded files.

use wasm_bindgen::JsCast;

use crate::sim::Scenario;

const KEY: &str = "relsim.scenario";
const LANG_KEY: &str = "relsim.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The scenario in the address (`#s=<json>`): `None` without one, `Err` when it is invalid.
pub fn from_url() -> Option<Result<Scenario, String>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let encoded = hash.strip_prefix("#s=")?;
    let json = js_sys::decode_uri_component(encoded).ok()?.as_string()?;
    Some(Scenario::from_json(&json).map_err(|e| e.to_string()))
}

/// The scenario saved by the last visit, if storage works and holds a valid one.
pub fn from_storage() -> Option<Scenario> {
    Scenario::from_json(&storage()?.get_item(KEY).ok()??).ok()
}

/// The address that reproduces `scenario`.
pub fn link(scenario: &Scenario) -> String {
    let json = serde_json::to_string(scenario).unwrap_or_default();
    let encoded: String = js_sys::encode_uri_component(&json).into();
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    format!("{base}#s={encoded}")
}

/// Puts `scenario` in the address (without a new history entry) and in local storage.
pub fn save(scenario: &Scenario) {
    let url = link(scenario);
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, &serde_json::to_string(scenario).unwrap_or_default());
    }
}

/// The remembered language.
pub fn load_lang() -> Option<super::i18n::Lang> {
    match storage()?.get_item(LANG_KEY).ok()??.as_str() {
        "nl" => Some(super::i18n::Lang::Nl),
        "en" => Some(super::i18n::Lang::En),
        _ => None,
    }
}

/// Remembers the language.
pub fn save_lang(lang: super::i18n::Lang) {
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

/// Offers `text` as a file download.
pub fn download_text(filename: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(filename, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Offers a URL (object or data URL) as a file download.
pub fn download_url(filename: &str, url: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(url);
    a.set_download(filename);
    a.click();
}
