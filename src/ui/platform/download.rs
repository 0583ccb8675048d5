//! Downloads: offering text or an image URL to the user as a file.

use wasm_bindgen::JsCast;

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

/// Offers CSV text as a file download, UTF-8 with a byte-order mark: without it, Excel on
/// Windows reads the file in the system's code page and garbles `k€` and accented names.
pub fn download_csv(filename: &str, text: &str) {
    download_text(
        filename,
        "text/csv;charset=utf-8",
        &format!("\u{feff}{text}"),
    );
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
