//! Small inputs for list items (incidents, interventions), bound by closures rather than by a
//! fixed scenario field.

use leptos::prelude::*;

use super::state::t;

/// A labelled number input that calls `set` with valid values and shows the range otherwise.
pub fn number(
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    value: impl Fn() -> f64 + Send + Sync + Copy + 'static,
    set: impl Fn(f64) -> Result<(), String> + Send + Sync + Copy + 'static,
    (min, max, step): (f64, f64, f64),
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    view! {
        <label class="mini">
            <span>{label}</span>
            <input type="number" min=min max=max step=step prop:value=move || { let v = value(); if v.is_nan() { String::new() } else { v.to_string() } }
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    match text.trim().replace(',', ".").parse::<f64>() {
                        Ok(v) if v >= min && v <= max => error.set(set(v).err()),
                        _ => error.set(Some(format!("{} {min} – {max}", t().field_range))),
                    }
                } />
            <span class="field-error" role="alert">{move || error.get()}</span>
        </label>
    }
}

/// A labelled checkbox.
pub fn check(
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    value: impl Fn() -> bool + Send + Sync + 'static,
    set: impl Fn(bool) + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="switch">
            <input type="checkbox" prop:checked=value on:change=move |ev| set(event_target_checked(&ev)) />
            <span>{label}</span>
        </label>
    }
}

/// A labelled select over (value, label) options.
pub fn select(
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    options: impl Fn() -> Vec<(&'static str, String)> + Send + Sync + 'static,
    value: impl Fn() -> &'static str + Send + Sync + Copy + 'static,
    set: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="mini">
            <span>{label}</span>
            <select prop:value=value on:change=move |ev| set(event_target_value(&ev))>
                {move || options().into_iter().map(|(v, l)| view! {
                    <option value=v selected=move || value() == v>{l}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
