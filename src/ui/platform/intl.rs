//! Dates in the interface language, written by the browser's own `Intl` (numbers are
//! `text::number`'s, checked against `Intl` by a browser test).

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::text::Lang;

thread_local! {
    // Building an Intl formatter costs far more than using one; tables format hundreds of cells.
    static NUMBER: RefCell<HashMap<(bool, u8), Function>> = RefCell::new(HashMap::new());
}

fn locales(lang: Lang) -> Array {
    Array::of1(&JsValue::from_str(match lang {
        Lang::En => "en-GB",
        Lang::Nl => "nl-NL",
    }))
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// Today's date written out in the language, e.g. `23 November 2026` / `23 november 2026`.
pub fn today(lang: Lang) -> String {
    long_date(&Date::new_0(), lang)
}

/// The date `secs` seconds after 1970 written out in the language.
pub fn date_of(secs: u64, lang: Lang) -> String {
    long_date(&Date::new(&JsValue::from_f64(secs as f64 * 1000.0)), lang)
}

fn long_date(date: &Date, lang: Lang) -> String {
    let o = options(&[
        ("day", JsValue::from_str("numeric")),
        ("month", JsValue::from_str("long")),
        ("year", JsValue::from_str("numeric")),
    ]);
    Intl::DateTimeFormat::new(&locales(lang), &o)
        .format()
        .call1(&JsValue::NULL, date)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}
