//! The printable report for a negotiation meeting: the inputs that differ from the defaults, the
//! main charts as images, the outcome with its diagnosis, and the odds over many futures when
//! they have been computed — one or two A4 pages through the browser's print, in the chosen
//! language.
//!
//! The report is built when asked (the button, or the browser's own print via `beforeprint`),
//! not on every edit: drawing four charts into images is the costly part.

use crate::text::names;
use crate::text::number;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

use crate::chart::ChartStyle;
use crate::sim::{Ensemble, History, Scenario, Status};
use crate::text::Lang;
use crate::ui::app::state::{use_state, AppState};
use crate::ui::platform::intl;
use crate::ui::widgets::run_charts::{series_of, DrawFn, RUN_CHARTS};

/// Chart size in CSS pixels; drawn at twice the resolution so that print stays sharp.
const CHART_W: u32 = 720;
const CHART_H: u32 = 230;

/// Everything the report shows, computed once per print.
#[derive(Clone, Debug, PartialEq)]
struct Report {
    lang: Lang,
    date: String,
    name: String,
    changed: Vec<(String, String, String)>,
    images: Vec<(&'static str, String, String)>,
    outcome: Vec<(String, String)>,
    diagnosis: String,
    odds: Option<(u32, Vec<(String, String)>)>,
}

/// Draws a chart into a fresh canvas and returns it as a PNG data URL.
fn chart_image(draw: DrawFn, h: &History, s: &Scenario, lang: Lang) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    let scale = 2.0;
    canvas.set_width(CHART_W * 2);
    canvas.set_height(CHART_H * 2);
    let area = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    draw(
        &area,
        h,
        s,
        lang.t().week,
        None,
        &ChartStyle { scale, lang },
    )
    .ok()?;
    drop(area);
    canvas.to_data_url().ok()
}

fn odds(e: &Ensemble, lang: Lang) -> (u32, Vec<(String, String)>) {
    let n = e.outcomes.len().max(1) as f64;
    let rows = Status::ALL
        .iter()
        .map(|st| {
            let k = e.outcomes.iter().filter(|o| o.end_status == *st).count() as f64;
            (
                names::status(*st, lang.t()).to_string(),
                number::percent(k / n, 0, lang),
            )
        })
        .collect();
    (e.outcomes.len() as u32, rows)
}

fn build(s: &Scenario, h: &History, e: Option<&Ensemble>, lang: Lang) -> Report {
    let t = lang.t();
    let n = h.rows.len().max(1) as f64;
    let last = h.last();
    let mut outcome = vec![
        (
            t.status_at_end.to_string(),
            last.map_or("–", |r| names::status(r.status, t)).to_string(),
        ),
        (
            t.mean_focus.to_string(),
            number::percent(h.rows.iter().map(|r| r.effort).sum::<f64>() / n, 0, lang),
        ),
        (
            t.total_client_cost.to_string(),
            number::keur_exact(h.rows.iter().map(|r| r.client_cost).sum(), 0, lang),
        ),
        (
            t.total_supplier_margin.to_string(),
            number::keur_exact(h.rows.iter().map(|r| r.supplier_margin).sum(), 0, lang),
        ),
    ];
    let mut weeks = [0u32; 5];
    for r in &h.rows {
        weeks[r.status.index()] += 1;
    }
    outcome.push((
        t.weeks_in_status.to_string(),
        Status::ALL
            .iter()
            .filter(|st| weeks[st.index()] > 0)
            .map(|st| format!("{} {}", names::status(*st, t), weeks[st.index()]))
            .collect::<Vec<_>>()
            .join(" · "),
    ));
    let diagnosis = last
        .map(|r| {
            let (name, approach) = names::relationship_type(r.relationship_type(), t);
            format!("{}: {name}. {approach}", t.relationship_type)
        })
        .unwrap_or_default();
    Report {
        lang,
        date: intl::today(lang),
        name: s.name.clone(),
        changed: crate::text::report::changed(s, lang),
        images: RUN_CHARTS
            .iter()
            .filter_map(|c| {
                Some((
                    c.testid,
                    (c.title)(t).to_string(),
                    chart_image(c.draw, h, s, lang)?,
                ))
            })
            .collect(),
        outcome,
        diagnosis,
        odds: e.map(|e| odds(e, lang)),
    }
}

/// Puts the report's state into context, for the print button and the report (call in the app
/// root: the two are not nested).
pub fn provide() {
    let state = use_state();
    let ctx = ReportContext {
        state,
        report: RwSignal::new(None),
        basis: StoredValue::new(None),
    };
    // Remember which scenario the last ensemble was computed for: odds of an older scenario
    // must not appear in the report of the current one.
    Effect::new(move |_| {
        if state.ensemble.with(Option::is_some) {
            ctx.basis.set_value(Some(state.scenario.get_untracked()));
        }
    });
    provide_context(ctx);
}

/// The report being shown and the scenario of the last ensemble.
#[derive(Clone, Copy)]
struct ReportContext {
    state: AppState,
    report: RwSignal<Option<Report>>,
    basis: StoredValue<Option<Scenario>>,
}

impl ReportContext {
    /// A report of the current scenario, with the odds only if they are of this scenario.
    fn fresh(&self) -> Report {
        let state = self.state;
        let lang = state.lang.get_untracked();
        state.history.with_untracked(|h| {
            state.scenario.with_untracked(|s| {
                let e = state
                    .ensemble
                    .get_untracked()
                    .filter(|_| self.basis.with_value(|b| b.as_ref() == Some(s)));
                build(s, h, e.as_deref(), lang)
            })
        })
    }
}

/// The button that builds the report and opens the browser's print dialog.
#[component]
pub fn PrintButton() -> impl IntoView {
    let state = use_state();
    let ctx = expect_context::<ReportContext>();
    let print = move |_| {
        let r = ctx.fresh();
        ctx.report.set(Some(r));
        // Print once the report is in the page.
        if let Some(w) = web_sys::window() {
            let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            });
            let _ = w.request_animation_frame(cb.unchecked_ref());
        }
    };
    view! {
        <button type="button" data-testid="print-report" on:click=print>
            {move || state.lang.get().t().print_report}
        </button>
    }
}

/// The report itself: hidden on screen, the only thing printed.
#[component]
pub fn PrintReport() -> impl IntoView {
    let ctx = expect_context::<ReportContext>();
    let report = ctx.report;
    // The browser's own print (Ctrl+P) gets a fresh report too.
    let handle = window_event_listener(leptos::ev::beforeprint, move |_| {
        let r = ctx.fresh();
        if report.get_untracked().as_ref() != Some(&r) {
            report.set(Some(r));
        }
    });
    on_cleanup(move || handle.remove());
    let body = move || {
        report.get().map(|r| {
            let (t, s) = (r.lang.t(), r.lang.t());
            view! {
                <header class="report-head">
                    <h1>{s.report_title}{(!r.name.is_empty()).then(|| format!(": {}", r.name))}</h1>
                    <p class="muted">{format!("{} {}", s.report_printed, r.date)}</p>
                </header>
                <section>
                    <h2>{t.summary}</h2>
                    <dl class="report-outcome">
                        {r.outcome.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                    </dl>
                    <p class="report-diagnosis"><strong>{r.diagnosis}</strong></p>
                </section>
                {r.odds.map(|(runs, rows)| view! {
                    <section>
                        <h2>{format!("{} ({} {})", s.report_odds, number::number(runs as f64, 0, r.lang), s.report_runs)}</h2>
                        <table class="report-table">
                            <thead><tr><th scope="col">{t.ending_as}</th><th scope="col">{t.share_of_runs}</th></tr></thead>
                            <tbody>{rows.into_iter().map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> }).collect_view()}</tbody>
                        </table>
                    </section>
                })}
                <section>
                    <h2>{s.report_changed}</h2>
                    {if r.changed.is_empty() {
                        view! { <p>{s.report_no_changes}</p> }.into_any()
                    } else {
                        view! {
                            <table class="report-table">
                                <thead><tr><th scope="col">{s.report_input}</th><th scope="col">{s.report_value}</th><th scope="col">{s.report_default}</th></tr></thead>
                                <tbody>{r.changed.into_iter().map(|(k, v, d)| view! { <tr><th scope="row">{k}</th><td>{v}</td><td>{d}</td></tr> }).collect_view()}</tbody>
                            </table>
                        }.into_any()
                    }}
                </section>
                <section class="report-charts">
                    <h2>{s.report_charts}</h2>
                    {r.images.into_iter().map(|(chart, title, src)| view! {
                        <figure>
                            <img src=src alt=title.clone() />
                            <figcaption><strong>{title}</strong>
                                {series_of(chart).iter().map(|x| view! {
                                    " "<span class="report-key" style=format!("color:{}", crate::chart::palette::css(x.pen.color))>{if x.pen.dashed { "╌" } else { "━" }}</span>
                                    " "{(x.label)(t)}
                                }).collect_view()}
                            </figcaption>
                        </figure>
                    }).collect_view()}
                </section>
            }
        })
    };
    view! { <div class="report" data-testid="report" lang=move || report.get().map(|r| r.lang.code())>{body}</div> }
}
