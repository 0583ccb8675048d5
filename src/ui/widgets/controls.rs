//! Labelled controls bound to one input of the scenario: a number (with an optional slider) read
//! from the field specification, the seed, a select, a switch, and a collapsible section.
//!
//! A refused edit always leaves a message beside its control, in the interface language, naming
//! the input and its allowed range. While a number is being typed the text stays as typed and is
//! marked invalid; once it is committed (Enter, leaving the field) or for any other control, the
//! control shows what the scenario holds again — so control and scenario never disagree.

use leptos::html::Input;
use leptos::prelude::*;

use crate::text::Problem;

use crate::sim::fields::{Field, Label, Range};
use crate::sim::Scenario;
use crate::text::{fixed, Strings};
use crate::ui::app::state::{t, use_state};

/// A translated text.
pub type Text = fn(&Strings) -> &'static str;

/// The message line under a control; `id` ties it to the control for screen readers. The
/// problem is told in the current language, again after a switch.
#[component]
pub fn FieldError(
    error: RwSignal<Option<Problem>>,
    #[prop(optional, into)] id: String,
) -> impl IntoView {
    let id = (!id.is_empty()).then_some(id);
    view! {
        <p class="field-error" role="alert" id=id>
            {move || error.with(|e| e.as_ref().map(|p| p.tell(t())))}
        </p>
    }
}

/// Typed text as a value of the input `label`: a number (a decimal comma accepted) inside its
/// range in `scenario`, or the problem with it.
pub fn read_number(
    text: &str,
    label: Label,
    range: &Range,
    scenario: &Scenario,
) -> Result<f64, Problem> {
    let v = parse_number(text).ok_or_else(|| Problem::NotNumber {
        label,
        text: text.to_string(),
    })?;
    range
        .check(scenario, v)
        .map_err(|refusal| Problem::OutOfRange {
            label,
            range: *range,
            refusal,
        })
}

/// Parses typed text as a number, accepting a decimal comma.
pub fn parse_number(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse::<f64>().ok()
}

/// A number field (with a slider beside it when `slider`) bound to one specified input.
#[component]
pub fn NumField(
    field: &'static Field<Scenario>,
    #[prop(optional)] testid: &'static str,
    #[prop(optional)] slider: bool,
) -> impl IntoView {
    let state = use_state();
    let error = RwSignal::new(None::<Problem>);
    // True while the field shows typed text that was not applied.
    let invalid = RwSignal::new(false);
    let range = field.range;
    let value = Memo::new(move |_| state.current().with(|s| (field.get)(s)));
    let bounds = Memo::new(move |_| state.current().with(|s| range.bounds(s)));
    let number = NodeRef::<Input>::new();
    let thumb = NodeRef::<Input>::new();
    // A number input's value always takes a decimal point, whatever the language.
    let show = move |v: Option<f64>| v.map_or_else(String::new, |v| fixed(v, range.step));
    // Keep the typed text while it means the same number, so typing "0." is not cut to "0"; a
    // change from elsewhere (a preset, another control) also clears an old message.
    Effect::new(move |_| {
        let v = value.get();
        if let Some(el) = number.get() {
            if parse_number(&el.value()) != v {
                el.set_value(&show(v));
            }
        }
        error.set(None);
        invalid.set(false);
    });
    let apply = move |text: String| {
        if text.trim().is_empty() {
            return; // half-way through retyping; committing it shows the held value again
        }
        let read = state
            .current()
            .with_untracked(|s| read_number(&text, field.label, &range, s));
        let refusal = match read {
            Err(p) => Some(p),
            Ok(v) => state.edit(|s| (field.set)(s, v)).err(),
        };
        invalid.set(refusal.is_some());
        error.set(refusal);
    };
    let commit = move |text: String| {
        apply(text);
        // Show what the scenario holds: the applied value, or the old one after a refusal.
        let held = value.get_untracked();
        if let Some(el) = number.get() {
            el.set_value(&show(held));
        }
        if let Some(el) = thumb.get() {
            el.set_value(&held.unwrap_or_default().to_string());
        }
        invalid.set(false);
    };
    let id = format!("f-{}", field.path.replace('.', "-"));
    let err_id = format!("{id}-err");
    let unit = move || {
        t().unit(range.unit)
            .map(|u| view! { <span class="unit">{u}</span> })
    };
    let range_input = move || {
        slider.then(|| {
            view! {
                <input
                    type="range"
                    node_ref=thumb
                    min=move || bounds.get().0
                    max=move || bounds.get().1
                    step=range.step
                    aria-hidden="true"
                    tabindex="-1"
                    prop:value=move || value.get().unwrap_or_default().to_string()
                    on:input=move |ev| apply(event_target_value(&ev))
                    on:change=move |ev| commit(event_target_value(&ev))
                />
            }
        })
    };
    view! {
        <div
            class="field"
            class:invalid=move || invalid.get()
            class:refused=move || error.with(Option::is_some)
        >
            <label for=id.clone()>{move || t().label(field.label)}</label>
            <div class="inputs">
                {range_input}
                <input
                    type="number"
                    id=id
                    min=move || bounds.get().0
                    max=move || bounds.get().1
                    step=range.step
                    node_ref=number
                    data-testid=testid
                    inputmode="decimal"
                    aria-describedby=err_id.clone()
                    aria-invalid=move || invalid.get().to_string()
                    value=show(value.get_untracked())
                    on:input=move |ev| apply(event_target_value(&ev))
                    on:change=move |ev| commit(event_target_value(&ev))
                /> {unit}
            </div>
            <FieldError error id=err_id />
        </div>
    }
}

/// The seed: any 64-bit whole number, read and written as text so no digit is lost.
#[component]
pub fn SeedField() -> impl IntoView {
    let state = use_state();
    let error = RwSignal::new(None::<Problem>);
    let seed = Memo::new(move |_| state.current().with(|s| s.seed));
    let input = NodeRef::<Input>::new();
    Effect::new(move |_| {
        let v = seed.get().to_string();
        if let Some(el) = input.get() {
            el.set_value(&v);
        }
        error.set(None);
    });
    let commit = move |text: String| {
        match text.trim().parse::<u64>() {
            Ok(v) => error.set(state.edit(|s| s.seed = v).err()),
            Err(_) => {
                let text = text.trim().to_string();
                let message = if parse_number(&text).is_some() {
                    Problem::Outside {
                        label: |t| t.seed,
                        value: text,
                        min: "0".into(),
                        max: u64::MAX.to_string(),
                    }
                } else {
                    Problem::NotNumber {
                        label: Label::Seed,
                        text,
                    }
                };
                error.set(Some(message));
            }
        }
        if let Some(el) = input.get() {
            el.set_value(&seed.get_untracked().to_string());
        }
    };
    view! {
        <div class="field" class:refused=move || error.with(Option::is_some)>
            <label for="f-seed">{move || t().label(Label::Seed)}</label>
            <div class="inputs">
                <input
                    type="text"
                    id="f-seed"
                    node_ref=input
                    data-testid="seed"
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="f-seed-err"
                    value=seed.get_untracked().to_string()
                    on:change=move |ev| commit(event_target_value(&ev))
                />
            </div>
            <FieldError error id="f-seed-err" />
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
    let error = RwSignal::new(None::<Problem>);
    let id = format!("c-{testid}");
    let err_id = format!("{id}-err");
    let current = Memo::new(move |_| state.current().with(get));
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        error.set(state.edit(|s| set(s, &v)).err());
        // After a refusal the select shows the scenario's value again.
        let el = event_target::<web_sys::HtmlSelectElement>(&ev);
        el.set_value(current.get_untracked());
    };
    let options = options
        .into_iter()
        .map(|(v, l)| {
            view! {
                <option value=v selected=move || current.get() == v>
                    {move || l(t())}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field" class:refused=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || label(t())}</label>
            <select
                id=id
                data-testid=testid
                aria-describedby=err_id.clone()
                prop:value=move || current.get()
                on:change=on_change
            >
                {options}
            </select>
            <FieldError error id=err_id />
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
    let error = RwSignal::new(None::<Problem>);
    let on = Memo::new(move |_| state.current().with(get));
    let err_id = format!("s-{testid}-err");
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_checked(&ev);
        error.set(state.edit(|s| set(s, v)).err());
        // After a refusal the box shows the scenario's value again, not the refused tick.
        let el = event_target::<web_sys::HtmlInputElement>(&ev);
        el.set_checked(on.get_untracked());
    };
    view! {
        <div class="switch-field">
            <label class="switch">
                <input
                    type="checkbox"
                    data-testid=testid
                    aria-describedby=err_id.clone()
                    prop:checked=move || on.get()
                    on:change=on_change
                />
                <span>{move || label(t())}</span>
            </label>
            <FieldError error id=err_id />
        </div>
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
