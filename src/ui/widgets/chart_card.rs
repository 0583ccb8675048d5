//! Chart cards: a canvas redrawn by one effect whenever the run, the language or the size
//! changes, an HTML legend, a hover line with a tooltip for the week under the pointer, and a PNG
//! download.

use crate::text::names;
use crate::text::number;
use leptos::html::Canvas;
use leptos::prelude::*;

use crate::chart::{self};
use crate::text::events::describe;
use crate::ui::app::state::{t, use_state};
use crate::ui::platform::canvas::draw_into;
use crate::ui::platform::download::download_url;
use crate::ui::widgets::chart_table::ChartTable;
use crate::ui::widgets::common::Swatch;
use crate::ui::widgets::run_charts::RunChart;

/// One chart with its legend, hover and download.
#[component]
pub fn ChartCard(
    /// Which run chart.
    chart: &'static RunChart,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let RunChart {
        title,
        testid,
        draw,
        legend,
        ..
    } = *chart;
    let state = use_state();
    let canvas = NodeRef::<Canvas>::new();
    let tip = RwSignal::new(None::<(f64, f64)>);
    // How often the canvas has been drawn, in `data-drawn`: browser tests wait for a drawing
    // instead of sleeping.
    let mut drawn = 0u32;
    Effect::new(move |_| {
        state.resize.track();
        let lang = state.lang.get();
        let Some(el) = canvas.get() else { return };
        state.history.with(|h| {
            state.scenario.with(|s| {
                draw_into(&el, lang, |area, style| {
                    let _ = draw(area, h, s, lang.t().week, None, style);
                });
            });
        });
        drawn += 1;
        let _ = el.set_attribute("data-drawn", &drawn.to_string());
    });
    let weeks = move || state.history.with(|h| h.rows.len());
    let on_move = move |x: f64, y: f64| {
        let Some(el) = canvas.get() else { return };
        let w = el.client_width() as f64;
        match chart::week_at(x, w, weeks()) {
            Some(week) => {
                state.hover.set(Some(week));
                tip.set(Some((x, y)));
            }
            None => tip.set(None),
        }
    };
    let hairline = move || {
        let week = state.hover.get()?;
        let el = canvas.get()?;
        let w = el.client_width() as f64;
        let plot = w - chart::PLOT_LEFT - chart::PLOT_RIGHT;
        let x = chart::PLOT_LEFT + (week as f64 + 0.5) / weeks().max(1) as f64 * plot;
        Some(format!("left:{x:.1}px"))
    };
    let download = move |_| {
        if let Some(el) = canvas.get() {
            if let Ok(url) = el.to_data_url() {
                download_url(&format!("relsim-{testid}.png"), &url);
            }
        }
    };
    view! {
        <section class="card chart-card">
            <div class="card-head">
                <h2>{move || title(t())}</h2>
                <button
                    type="button"
                    class="small"
                    on:click=download
                    aria-label=move || format!("{} {}", t().png, title(t()))
                >
                    {move || t().png}
                </button>
            </div>
            <ul class="legend">
                {legend
                    .iter()
                    .map(|&(label, pens)| view! { <Swatch pens=pens.to_vec() label /> })
                    .collect_view()}
            </ul>
            <div
                class="chart-wrap"
                on:mouseleave=move |_| {
                    tip.set(None);
                    state.hover.set(None);
                }
            >
                <canvas
                    class="chart"
                    data-testid=testid
                    node_ref=canvas
                    role="img"
                    aria-label=move || title(t())
                    aria-describedby=format!("{testid}-summary")
                    on:mousemove=move |ev| on_move(ev.offset_x() as f64, ev.offset_y() as f64)
                    on:click=move |ev| on_move(ev.offset_x() as f64, ev.offset_y() as f64)
                ></canvas>
                <Show when=move || hairline().is_some()>
                    <div class="hairline" style=move || hairline().unwrap_or_default()></div>
                </Show>
                <Show when=move || tip.get().is_some()>
                    <Tooltip pos=tip />
                </Show>
            </div>
            {children.map(|c| c())}
            <ChartTable chart=testid title=title />
        </section>
    }
}

/// The values and events of the hovered week.
#[component]
fn Tooltip(pos: RwSignal<Option<(f64, f64)>>) -> impl IntoView {
    let state = use_state();
    let style = move || {
        let (x, y) = pos.get().unwrap_or_default();
        let left = if x > 220.0 { x - 210.0 } else { x + 14.0 };
        format!("left:{left:.0}px;top:{:.0}px", (y - 20.0).max(0.0))
    };
    let body = move || {
        let week = state.hover.get()?;
        let tr = t();
        state.history.with(|h| {
            let r = h.rows.get(week)?;
            let lang = state.lang.get();
            let pct = |v: f64| number::percent(v, 0, lang);
            let lines = vec![
                (tr.status, names::status(r.status, tr).to_string()),
                (tr.relationship_line, pct(r.relationship)),
                (tr.client_appreciation, pct(r.client_appreciation)),
                (tr.supplier_appreciation, pct(r.supplier_appreciation)),
                (tr.customer_focus, pct(r.effort)),
                (tr.sla, pct(r.sla)),
                (tr.quality, pct(r.quality)),
                (tr.client_trust, pct(r.client_trust)),
                (tr.supplier_trust, pct(r.supplier_trust)),
                (tr.alignment, pct(r.alignment)),
            ];
            let events: Vec<String> = h.events_in(week as u32).map(|e| describe(e, tr)).collect();
            Some(view! {
                <strong>{format!("{} {}", tr.week, week)}</strong>
                <dl>
                    {lines
                        .into_iter()
                        .map(|(k, v)| {
                            view! {
                                <dt>{k}</dt>
                                <dd>{v}</dd>
                            }
                        })
                        .collect_view()}
                </dl>
                <ul class="tip-events">
                    {if events.is_empty() { vec![tr.no_events.to_string()] } else { events }
                        .into_iter()
                        .map(|e| view! { <li>{e}</li> })
                        .collect_view()}
                </ul>
            })
        })
    };
    view! {
        <div class="tooltip" role="status" style=style>
            {body}
        </div>
    }
}
