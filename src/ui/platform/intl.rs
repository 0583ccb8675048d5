//! Numbers and dates in the interface language, formatted by the browser's own `Intl` so that
//! Dutch reads `1.234,5` and English `1,234.5` without a formatting table of our own.

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

/// `v` with exactly `decimals` decimals and the language's separators; `–` when not finite.
pub fn number(v: f64, decimals: u8, lang: Lang) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let f = NUMBER.with(|cache| {
        cache
            .borrow_mut()
            .entry((lang == Lang::Nl, decimals))
            .or_insert_with(|| {
                let d = JsValue::from_f64(f64::from(decimals));
                let o = options(&[
                    ("minimumFractionDigits", d.clone()),
                    ("maximumFractionDigits", d),
                ]);
                Intl::NumberFormat::new(&locales(lang), &o).format()
            })
            .clone()
    });
    f.call1(&JsValue::NULL, &JsValue::from_f64(v))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{v:.*}", decimals as usize))
}

/// A number of weeks with its unit, singular for one: `1 week`, `3 weken`.
pub fn weeks(v: f64, lang: Lang) -> String {
    let t = lang.t();
    let unit = if v.round() == 1.0 {
        t.unit_week
    } else {
        t.unit_weeks
    };
    format!("{} {unit}", number(v, 0, lang))
}

/// `v` with a sign (`+`, or the minus sign `−`), e.g. `+1,5` in Dutch.
pub fn signed(v: f64, decimals: u8, lang: Lang) -> String {
    let n = number(v.abs(), decimals, lang);
    if v < 0.0 && n.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("−{n}")
    } else if v < 0.0 {
        n
    } else {
        format!("+{n}")
    }
}

/// A share (0..=1) as a percentage with `decimals` decimals, e.g. `61,2 %` in Dutch.
pub fn percent(v: f64, decimals: u8, lang: Lang) -> String {
    format!("{}\u{a0}%", number(v * 100.0, decimals, lang))
}

/// Thousands of euros, e.g. `1.234 k€`.
pub fn keur(v: f64, decimals: u8, lang: Lang) -> String {
    format!("{}\u{a0}k€", number(v, decimals, lang))
}

/// Today's date written out in the language, e.g. `23 November 2026` / `23 november 2026`.
pub fn today(lang: Lang) -> String {
    let o = options(&[
        ("day", JsValue::from_str("numeric")),
        ("month", JsValue::from_str("long")),
        ("year", JsValue::from_str("numeric")),
    ]);
    Intl::DateTimeFormat::new(&locales(lang), &o)
        .format()
        .call1(&JsValue::NULL, &Date::new_0())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}
