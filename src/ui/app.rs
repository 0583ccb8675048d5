//! The app shell: runs the current scenario and shows the relationship chart.

use leptos::html::Canvas;
use leptos::prelude::*;

use crate::chart;
use crate::sim::{self, Scenario};

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let scenario = RwSignal::new(Scenario::default());
    let history = Memo::new(move |_| scenario.with(sim::run));
    let canvas = NodeRef::<Canvas>::new();
    let (resized, set_resized) = signal(0u32);
    let listener = leptos::ev::resize;
    let _ = window_event_listener(listener, move |_| set_resized.update(|n| *n += 1));
    Effect::new(move |_| {
        resized.track();
        let Some(el) = canvas.get() else { return };
        history.with(|h| {
            scenario.with(|s| {
                super::canvas::draw_into(&el, |area, style| {
                    let _ = chart::relationship::draw(area, &h.rows, &s.bounds, style);
                });
            });
        });
    });
    let status = move || history.with(|h| h.last().map(|r| r.status.id()).unwrap_or("-"));
    view! {
        <header class="top"><h1>"Relsim"</h1><p>"Outsourcing relationship simulator"</p></header>
        <main>
            <section class="card">
                <h2>"Relationship"</h2>
                <canvas class="chart" data-testid="chart-relationship" node_ref=canvas
                    aria-label="Relationship line with the critical and euphoria bounds"></canvas>
                <p>"Status at the end: " <strong data-testid="summary-status">{status}</strong></p>
            </section>
        </main>
    }
}
