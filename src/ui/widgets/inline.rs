//! Small inputs for list items (incidents, interventions): a number read from the field
//! specification, a checkbox and a select, each bound by closures to one item.
//!
//! They refuse edits as the editor's controls do (see `controls.rs`): the message goes beside the
//! control, and once committed the control shows what the scenario holds.

use leptos::html::Input;
use leptos::prelude::*;

use crate::text::Problem;

use crate::sim::fields::Field;
use crate::text::fixed;
use crate::ui::app::state::{t, use_state};
use crate::ui::widgets::controls::{parse_number, read_number, FieldError};

/// Applies a change to one list item and says why it was refused, if it was.
pub type ItemEdit<T> = Box<dyn FnOnce(&mut T)>;

/// A number input for the specified input `field` of the item that `item` returns.
pub fn number<T: Clone + 'static>(
    field: &'static Field<T>,
    item: impl Fn() -> T + Send + Sync + Copy + 'static,
    edit: impl Fn(ItemEdit<T>) -> Result<(), Problem> + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let state = use_state();
    let error = RwSignal::new(None::<Problem>);
    let invalid = RwSignal::new(false);
    let range = field.range;
    let input = NodeRef::<Input>::new();
    let value = move || (field.get)(&item());
    let bounds = move || state.scenario.with(|s| range.bounds(s));
    let shown = move || value().map_or_else(String::new, |v| fixed(v, range.step));
    // Keep the typed text while it means the same number, so typing "0." is not cut to "0".
    Effect::new(move |_| {
        let v = value();
        if let Some(el) = input.get() {
            if parse_number(&el.value()) != v {
                el.set_value(&shown());
            }
        }
    });
    let apply = move |text: String| {
        if text.trim().is_empty() {
            return; // half-way through retyping; committing it shows the held value again
        }
        let read = state
            .scenario
            .with_untracked(|s| read_number(&text, field.label, &range, s));
        let refusal = match read {
            Err(p) => Some(p),
            Ok(v) => edit(Box::new(move |x| (field.set)(x, v))).err(),
        };
        invalid.set(refusal.is_some());
        error.set(refusal);
    };
    let commit = move |text: String| {
        apply(text);
        if let Some(el) = input.get() {
            el.set_value(&shown());
        }
        invalid.set(false);
    };
    let err_id = format!("i-{}-err", field.path);
    view! {
        <div class="mini-field" class:invalid=move || invalid.get()>
            <label class="mini">
                <span>{move || t().label(field.label)}</span>
                <input
                    type="number"
                    node_ref=input
                    data-testid=format!("item-{}", field.path.replace('_', "-"))
                    min=move || bounds().0
                    max=move || bounds().1
                    step=range.step
                    aria-invalid=move || invalid.get().to_string()
                    aria-describedby=err_id.clone()
                    value=untrack(shown)
                    on:input=move |ev| apply(event_target_value(&ev))
                    on:change=move |ev| commit(event_target_value(&ev))
                />
            </label>
            <FieldError error id=err_id.clone() />
        </div>
    }
}

/// A labelled checkbox; a refused change leaves the box as the scenario has it.
pub fn check(
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    value: impl Fn() -> bool + Send + Sync + Copy + 'static,
    set: impl Fn(bool) -> Result<(), Problem> + Send + Sync + 'static,
) -> impl IntoView {
    let error = RwSignal::new(None::<Problem>);
    let on_change = move |ev: leptos::ev::Event| {
        error.set(set(event_target_checked(&ev)).err());
        event_target::<web_sys::HtmlInputElement>(&ev).set_checked(value());
    };
    view! {
        <div class="mini-field">
            <label class="switch">
                <input type="checkbox" prop:checked=value on:change=on_change />
                <span>{label}</span>
            </label>
            <FieldError error />
        </div>
    }
}

/// A labelled select over (value, label) options; a refused change shows the scenario's value.
pub fn select(
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    options: impl Fn() -> Vec<(&'static str, String)> + Send + Sync + 'static,
    value: impl Fn() -> &'static str + Send + Sync + Copy + 'static,
    set: impl Fn(String) -> Result<(), Problem> + Send + Sync + 'static,
) -> impl IntoView {
    let error = RwSignal::new(None::<Problem>);
    let on_change = move |ev: leptos::ev::Event| {
        error.set(set(event_target_value(&ev)).err());
        event_target::<web_sys::HtmlSelectElement>(&ev).set_value(value());
    };
    let options = move || {
        options()
            .into_iter()
            .map(|(v, l)| {
                view! {
                    <option value=v selected=move || value() == v>
                        {l}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <div class="mini-field">
            <label class="mini">
                <span>{label}</span>
                <select prop:value=value on:change=on_change>
                    {options}
                </select>
            </label>
            <FieldError error />
        </div>
    }
}
