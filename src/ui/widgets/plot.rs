//! A canvas that one effect redraws with a drawing closure whenever the signals it reads change
//! (and on resize).

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use crate::chart::ChartStyle;
use crate::ui::app::state::use_state;
use crate::ui::platform::canvas::draw_into;

/// A canvas drawn by `draw`.
#[component]
pub fn Plot(
    testid: &'static str,
    #[prop(into)] label: Signal<String>,
    draw: impl Fn(&DrawingArea<CanvasBackend, Shift>, &ChartStyle) + Send + Sync + 'static,
    #[prop(optional)] node_ref: Option<NodeRef<Canvas>>,
    /// Id of the element with the chart's text summary.
    #[prop(optional)]
    describedby: Option<String>,
) -> impl IntoView {
    let state = use_state();
    let canvas = node_ref.unwrap_or_default();
    // How often the canvas has been drawn, in `data-drawn`: browser tests wait for a drawing
    // instead of sleeping.
    let mut drawn = 0u32;
    Effect::new(move |_| {
        state.resize.track();
        if let Some(el) = canvas.get() {
            draw_into(&el, state.lang.get(), |area, style| draw(area, style));
            drawn += 1;
            let _ = el.set_attribute("data-drawn", &drawn.to_string());
        }
    });
    view! { <canvas class="chart" data-testid=testid node_ref=canvas role="img" aria-label=label aria-describedby=describedby></canvas> }
}
