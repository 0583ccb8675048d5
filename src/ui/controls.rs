//! Labelled controls bound to one field of the scenario: a number with an optional slider, a
//! select, a switch, and a collapsible section.

use leptos::html::Input;
use leptos::prelude::*;

use super::i18n::Strings;
use super::state::{t, use_state};
use crate::sim::Scenario;

/// A translated text.
pub type Text = fn(&Strings) -> &'static str;

fn id_for(label: &str) -> String {
    let n: u32 = label
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
    format!("f{n:x}")
}

fn fmt(v: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10()).ceil() as usize
    };
    format!("{v:.decimals$}")
}

/// A number field (with a slider beside it when `slider`) bound to one scenario value.
#[component]
pub fn NumField(
    label: Text,
    get: fn(&Scenario) -> f64,
    set: fn(&mut Scenario, f64),
    min: f64,
    max: f64,
    step: f64,
    #[prop(optional)] unit: Option<Text>,
    #[prop(optional)] testid: &'static str,
    #[prop(optional)] slider: bool,
) -> impl IntoView {
    let state = use_state();
    let error = RwSignal::new(None::<String>);
    let value = Memo::new(move |_| state.current().with(get));
    let number = NodeRef::<Input>::new();
    let id = id_for(&format!("{}{}{}", testid, min, max)) + &fmt(step, 0.001);
    // Keep the typed text while it means the same number, so typing "0." is not cut to "0".
    Effect::new(move |_| {
        let v = value.get();
        if let Some(el) = number.get() {
            if el.value().trim().parse::<f64>().ok() != Some(v) {
                el.set_value(&fmt(v, step));
            }
        }
    });
    let apply = move |text: String| {
        let strings = state.lang.get_untracked().t();
        match text.trim().replace(',', ".").parse::<f64>() {
            Ok(v) if v.is_finite() && v >= min && v <= max => {
                let r = state.edit(|s| set(s, v));
                error.set(r.err());
            }
            Ok(_) => error.set(Some(format!(
                "{} {} {} {} {}",
                label(strings),
                strings.field_range,
                fmt(min, step),
                "–",
                fmt(max, step)
            ))),
            Err(_) => error.set(Some(format!("“{text}” {}", strings.invalid_number))),
        }
    };
    let err_id = format!("{id}-err");
    let err_id2 = err_id.clone();
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || label(t())}</label>
            <div class="inputs">
                {slider.then(|| view! {
                    <input type="range" min=min max=max step=step aria-hidden="true" tabindex="-1"
                        prop:value=move || value.get().to_string()
                        on:input=move |ev| apply(event_target_value(&ev)) />
                })}
                <input type="number" id=id min=min max=max step=step node_ref=number
                    data-testid=testid inputmode="decimal"
                    aria-describedby=err_id2
                    value=fmt(value.get_untracked(), step)
                    on:input=move |ev| apply(event_target_value(&ev))
                    on:change=move |ev| { apply(event_target_value(&ev)); if error.get_untracked().is_none() { if let Some(el) = number.get() { el.set_value(&fmt(value.get_untracked(), step)); } } } />
                {unit.map(|u| view! { <span class="unit">{move || u(t())}</span> })}
            </div>
            <p class="field-error" role="alert" id=err_id>{move || error.get()}</p>
        </div>
    }
}

/// A select bound to one scenario value, with options given as (id, label).
#[component]
pub fn Choice(
    label: Text,
    options: Vec<(&'static str, Text)>,
    get: fn(&Scenario) -> &'static str,
    set: fn(&mut Scenario, &str),
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let state = use_state();
    let id = id_for(testid)
        + &id_for(&format!(
            "{:?}",
            options.iter().map(|o| o.0).collect::<Vec<_>>()
        ));
    let current = Memo::new(move |_| state.current().with(get));
    view! {
        <div class="field">
            <label for=id.clone()>{move || label(t())}</label>
            <select id=id data-testid=testid
                prop:value=move || current.get()
                on:change=move |ev| { let v = event_target_value(&ev); let _ = state.edit(|s| set(s, &v)); }>
                {options.into_iter().map(|(v, l)| view! {
                    <option value=v selected=move || current.get() == v>{move || l(t())}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A switch bound to one scenario flag.
#[component]
pub fn Switch(
    label: Text,
    get: fn(&Scenario) -> bool,
    set: fn(&mut Scenario, bool),
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let state = use_state();
    let on = Memo::new(move |_| state.current().with(get));
    view! {
        <label class="switch">
            <input type="checkbox" data-testid=testid prop:checked=move || on.get()
                on:change=move |ev| { let v = event_target_checked(&ev); let _ = state.edit(|s| set(s, v)); } />
            <span>{move || label(t())}</span>
        </label>
    }
}

/// A collapsible section of the editor.
#[component]
pub fn Section(title: Text, #[prop(optional)] open: bool, children: Children) -> impl IntoView {
    view! {
        <details class="section" open=open>
            <summary>{move || title(t())}</summary>
            <div class="section-body">{children()}</div>
        </details>
    }
}
