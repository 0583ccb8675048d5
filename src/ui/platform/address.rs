//! The page's address: its query and fragment as `key=value` pairs, and the app's own base.

/// `key=value` pairs of the query and the fragment (values still URI-encoded; a key without
/// `=` has an empty value).
pub fn pairs() -> Vec<(String, String)> {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return Vec::new();
    };
    let search = loc.search().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    [search.trim_start_matches('?'), hash.trim_start_matches('#')]
        .into_iter()
        .flat_map(|part| part.split('&'))
        .filter(|kv| !kv.is_empty())
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (kv.to_string(), String::new()),
        })
        .collect()
}

/// The value of `key` in the query or fragment, URI-decoded.
pub fn value(key: &str) -> Option<String> {
    let raw = pairs().into_iter().find(|(k, _)| k == key)?.1;
    Some(
        js_sys::decode_uri_component(&raw)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or(raw),
    )
}

/// Whether the query or fragment has `key` (`?tour`, `?tour=1`, `#tour`).
pub fn has(key: &str) -> bool {
    pairs().iter().any(|(k, _)| k == key)
}

/// Whether the page is an embed (it then leaves the address and local storage alone).
pub fn is_embed() -> bool {
    has("embed")
}

/// The page address without query and fragment: the app itself, under whatever sub-path.
pub fn app_base() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}
