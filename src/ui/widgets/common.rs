//! Small widgets shared by the result views: a bounded count (runs, sweep steps), the time the
//! last computation took, and legend entries drawn with the charts' own pens.

use leptos::prelude::*;

use crate::text::{Problem, Strings};

use crate::chart::{palette, Pen};
use crate::sim::MAX_RUNS;
use crate::ui::app::state::{t, use_state};
use crate::ui::widgets::controls::{FieldError, Text};

/// Fewest runs per ensemble the views allow: fewer give no meaningful spread.
pub const MIN_RUNS: u32 = 10;

/// A whole-number input in `min..=max` bound to `value`; anything else is refused with a message
/// naming the input and the range, and the input shows `value` again.
#[component]
pub fn CountField(
    label: Text,
    value: RwSignal<u32>,
    min: u32,
    max: u32,
    testid: &'static str,
    #[prop(optional)] step: Option<u32>,
) -> impl IntoView {
    let error = RwSignal::new(None::<Problem>);
    let err_id = format!("{testid}-err");
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match text.trim().parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => {
                error.set(None);
                value.set(n);
            }
            _ => {
                error.set(Some(Problem::Outside {
                    label,
                    value: text.trim().to_string(),
                    min: min.to_string(),
                    max: max.to_string(),
                }));
            }
        }
        event_target::<web_sys::HtmlInputElement>(&ev)
            .set_value(&value.get_untracked().to_string());
    };
    view! {
        <div class="mini-field count-field">
            <label class="mini">
                <span>{move || label(t())}</span>
                <input
                    type="number"
                    min=min
                    max=max
                    step=step.unwrap_or(1)
                    data-testid=testid
                    aria-describedby=err_id.clone()
                    prop:value=move || value.get().to_string()
                    on:change=on_change
                />
            </label>
            <FieldError error id=err_id />
        </div>
    }
}

/// The runs field shared by the ensemble and compare views.
#[component]
pub fn RunsField() -> impl IntoView {
    let state = use_state();
    view! {
        <CountField
            label=|t| t.runs
            value=state.runs
            min=MIN_RUNS
            max=MAX_RUNS
            step=MIN_RUNS
            testid="ensemble-runs"
        />
    }
}

/// The time the last ensemble took.
#[component]
pub fn EnsembleMs() -> impl IntoView {
    let state = use_state();
    let ms = move || {
        state
            .ensemble_ms
            .get()
            .map(|ms| format!("{ms:.0}"))
            .unwrap_or_default()
    };
    view! {
        <span class="muted">
            {move || t().computed_in}" "<span data-testid="ensemble-ms">{ms}</span>" ms"
        </span>
    }
}

/// A legend entry: a swatch per pen (as the chart draws it) and a label. `class` adds a shape
/// (`band` for a filled area).
#[component]
pub fn Swatch(
    #[prop(into)] pens: Vec<Pen>,
    /// The label in a language.
    label: impl Fn(&'static Strings) -> &'static str + Send + Sync + 'static,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let swatches = pens
        .into_iter()
        .map(|p| {
            let style = format!("--c:{}", palette::css(p.color));
            view! { <span class=format!("swatch {class}") class:dashed=p.dashed style=style></span> }
        })
        .collect_view();
    view! { <li>{swatches}{move || label(t())}</li> }
}

/// A legend entry for a colour without a line style (a zone, a fan band).
pub fn band(color: plotters::style::RGBColor) -> Vec<Pen> {
    vec![Pen::solid(color)]
}

/// One end of a range (a sweep's or an axis' from or to): a typed number is taken as it is (the
/// range is checked when the computation starts, with a message naming the input), anything that
/// is not a number puts the last value back.
#[component]
pub fn RangeEnd(
    label: Text,
    value: RwSignal<f64>,
    #[prop(into)] step: Signal<f64>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let set = move |ev: leptos::ev::Event| match crate::ui::widgets::controls::parse_number(
        &event_target_value(&ev),
    ) {
        Some(v) => value.set(v),
        None => event_target::<web_sys::HtmlInputElement>(&ev)
            .set_value(&value.get_untracked().to_string()),
    };
    view! {
        <label class="mini">
            <span>{move || label(t())}</span>
            <input
                type="number"
                step=move || step.get()
                data-testid=testid
                prop:value=move || value.get().to_string()
                on:change=set
            />
        </label>
    }
}
