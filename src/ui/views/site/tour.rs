//! The guided tour: eight steps, each a short live run with one control, a chart and a sentence
//! on what to try; the last step opens the full simulator on the scenario the tour ended with.
//!
//! Keyboard and screen readers: every control is a native input with a label, the step heading
//! takes focus when the step changes (so its title is announced), and the chart has a text
//! summary.

use crate::text::names;
use crate::text::number;
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::sim::{self, Obligation, Role};
use crate::text::tour::{Chart, Control, Measure, Show, STEPS};
use crate::text::Lang;
use crate::ui::app::state::{use_state, Page, Tab};
use crate::ui::platform::canvas::draw_into;
use crate::ui::widgets::chart_table::{summary, SeriesLegend};
use crate::ui::widgets::common::{band, Swatch};
use crate::ui::widgets::outcome::StripLegend;
use crate::ui::widgets::run_charts::run_chart;

/// A slider value as it reads in the language.
fn show(v: f64, how: Show, lang: Lang) -> String {
    match how {
        Show::Signed if v > 0.0 => format!("+{}", number::number(v, 1, lang)),
        Show::Signed => number::number(v, 1, lang).replace('-', "−"),
        Show::Percent => number::percent(v, 0, lang),
        Show::Weeks => number::weeks(v, lang),
        Show::Number => number::number(v, 1, lang),
        Show::Count => number::number(v, 0, lang),
    }
}

/// Moves keyboard focus to the step heading, after the new step has been rendered.
fn focus_heading() {
    let Some(w) = web_sys::window() else { return };
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("tour-step-title"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

/// The tour.
#[component]
pub fn Tour() -> impl IntoView {
    let state = use_state();
    let index = RwSignal::new(0usize);
    let values = STEPS.map(|s| RwSignal::new(s.control.initial()));
    let scenario = Memo::new(move |_| {
        let i = index.get();
        (STEPS[i].build)(values[i].get())
    });
    let history = Memo::new(move |_| scenario.with(sim::run));
    let site = move || state.lang.get().t();
    let go = move |to: usize| {
        index.set(to.min(STEPS.len() - 1));
        focus_heading();
    };
    let finish = move |_| {
        state.editing.set(None);
        // The address now holds the scenario and no longer asks for the tour, so that a reload
        // reopens the simulator with it.
        scenario.with_untracked(crate::ui::app::storage::save);
        state.scenario.set(scenario.get_untracked());
        state.tab.set(Tab::Run);
        state.page.set(Page::Simulate);
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    };

    let canvas = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        state.resize.track();
        let lang = state.lang.get();
        let step = STEPS[index.get()];
        let Some(el) = canvas.get() else { return };
        let Some(run_chart) = run_chart(step.chart.name()) else {
            return;
        };
        let draw = run_chart.draw;
        history.with(|h| {
            scenario.with(|s| {
                draw_into(&el, lang, |area, style| {
                    let _ = draw(area, h, s, lang.t().week, None, style);
                })
            })
        });
    });

    let control = move || {
        let i = index.get();
        let lang = state.lang.get();
        let label = lang.t().tour[i].control;
        let value = values[i];
        match STEPS[i].control {
            Control::Slider { min, max, step, show: how, .. } => view! {
                <label for="tour-control-input">{label}</label>
                <div class="tour-slider">
                    <input type="range" id="tour-control-input" data-testid="tour-control"
                        min=min max=max step=step prop:value=move || value.get().to_string()
                        aria-valuetext=move || show(value.get(), how, state.lang.get())
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>() { value.set(v) }
                        } />
                    <output for="tour-control-input">{move || show(value.get(), how, state.lang.get())}</output>
                </div>
            }
            .into_any(),
            Control::Obligation { .. } => {
                let options = [(Obligation::Effort, lang.t().effort), (Obligation::Result, lang.t().result)];
                view! {
                    <label for="tour-control-input">{label}</label>
                    <select id="tour-control-input" data-testid="tour-control"
                        prop:value=move || (value.get().round() as usize).to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>() { value.set(v) }
                        }>
                        {options.into_iter().enumerate().map(|(n, (_, text))| view! {
                            <option value=n.to_string() selected=move || value.get().round() as usize == n>{text}</option>
                        }).collect_view()}
                    </select>
                }
                .into_any()
            }
            Control::Role { .. } => view! {
                <label for="tour-control-input">{label}</label>
                <select id="tour-control-input" data-testid="tour-control"
                    prop:value=move || (value.get().round() as usize).to_string()
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() { value.set(v) }
                    }>
                    {Role::ALL.into_iter().enumerate().map(|(n, r)| view! {
                        <option value=n.to_string() selected=move || value.get().round() as usize == n>{names::role_name(r, lang.t())}</option>
                    }).collect_view()}
                </select>
            }
            .into_any(),
        }
    };

    // The status at the end and the number the step's lesson is about.
    let outcome = move || {
        let lang = state.lang.get();
        let (t, site) = (lang.t(), lang.t());
        let step = STEPS[index.get()];
        history.with(|h| {
            scenario.with(|s| {
                let status = h.last().map(|r| names::status(r.status, t)).unwrap_or("–");
                let x = crate::text::tour::measure(step.shows, s, h);
                let pct = |v: f64| number::percent(v, 0, lang);
                let shown = match step.shows {
                    Measure::LineAt(w) => {
                        format!("{} {}: {}", site.tour_line_in_week, w + 1, pct(x))
                    }
                    Measure::ClientTrustAt(w) => {
                        format!("{} {}: {}", site.tour_trust_in_week, w + 1, pct(x))
                    }
                    Measure::MeanFocus => format!("{}: {}", t.mean_focus, pct(x)),
                    Measure::ClientAboveBound => format!(
                        "{}: {} ({} {})",
                        site.tour_client_lowest,
                        pct(x + s.bounds.critical_lower),
                        site.tour_bound,
                        pct(s.bounds.critical_lower)
                    ),
                    Measure::LongestOutside => format!(
                        "{}: {} ({} {})",
                        site.tour_longest_outside,
                        number::weeks(x, lang),
                        site.tour_tolerance,
                        number::weeks(f64::from(s.bounds.tolerance_weeks), lang)
                    ),
                    Measure::LowestLine => format!("{}: {}", site.tour_lowest_line, pct(x)),
                };
                format!("{}: {status} · {shown}", site.tour_at_end)
            })
        })
    };

    view! {
        <section class="tour" aria-labelledby="tour-heading">
            <h2 id="tour-heading" class="tour-heading">{move || site().tour_title}</h2>
            <div class="tour-step card" data-testid="tour-step">
                <p class="tour-count">{move || format!("{} {} / {}", site().tour_step, index.get() + 1, STEPS.len())}</p>
                <h3 id="tour-step-title" tabindex="-1">{move || site().tour[index.get()].title}</h3>
                <div class="tour-grid">
                    <p class="tour-body">{move || site().tour[index.get()].body}</p>
                    <figure class="tour-figure">
                        <div data-testid="tour-legend">
                            {move || view! { <SeriesLegend chart=run_chart(STEPS[index.get()].chart.name()).map_or("", |c| c.testid) /> }}
                            <Show when=move || STEPS[index.get()].chart == Chart::Relationship>
                                <ul class="legend">
                                    <Swatch pens=band(crate::chart::relationship::BOUNDS.color) label=|t| t.bounds_band />
                                </ul>
                                <StripLegend />
                            </Show>
                        </div>
                        <canvas class="chart" data-testid="tour-chart" node_ref=canvas role="img"
                            aria-label=move || site().tour[index.get()].title
                            aria-describedby="tour-chart-summary"></canvas>
                        <figcaption id="tour-chart-summary" class="muted small-print">
                            {move || history.with(|h| summary(h, run_chart(STEPS[index.get()].chart.name()).map_or("", |c| c.testid), state.lang.get()))}
                        </figcaption>
                    </figure>
                    <div class="tour-play">
                        <div class="tour-control field">{control}</div>
                        <p class="tour-hint"><strong>{move || site().tour_try}</strong>" "{move || site().tour[index.get()].hint}</p>
                        <p class="tour-outcome" aria-live="polite" data-testid="tour-outcome">{outcome}</p>
                    </div>
                </div>
                <div class="tour-nav">
                    <button type="button" data-testid="tour-prev" disabled=move || index.get() == 0
                        on:click=move |_| go(index.get_untracked().saturating_sub(1))>{move || format!("← {}", site().tour_prev)}</button>
                    <Show when=move || index.get() + 1 < STEPS.len()>
                        <button type="button" class="primary" data-testid="tour-next"
                            on:click=move |_| go(index.get_untracked() + 1)>{move || format!("{} →", site().tour_next)}</button>
                    </Show>
                    <button type="button" data-testid="tour-finish" class:primary=move || index.get() + 1 == STEPS.len()
                        on:click=finish>{move || site().tour_finish}</button>
                </div>
            </div>
        </section>
    }
}
