//! The trainer's class board: import many result files (picker or drag-and-drop), see the
//! class's relationship lines on one chart, the ranking by score and what the class decided at
//! each moment; a projector layout enlarges type and raises contrast. Nothing leaves the browser.

use crate::text::names;
use crate::text::Problem;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{lang_code, ExCtx};
use crate::chart;
use crate::chart::lines::Line;
use crate::sim::exercise::{builtin, class_board, ExerciseResult, CARRY_ON};
use crate::ui::app::state::{t, use_state};
use crate::ui::widgets::plot::Plot;

/// Colours of the class's lines, repeated: the chart palette without the grid and ink.
const LINE_COLOURS: [plotters::style::RGBColor; 7] = [
    chart::palette::BLUE,
    chart::palette::ORANGE,
    chart::palette::GREEN,
    chart::palette::VERMILLION,
    chart::palette::PURPLE,
    chart::palette::SKY,
    chart::palette::INK,
];

/// Reads every file of a list and adds the results that parse; reports the others by name.
fn read_files(files: web_sys::FileList, ctx: ExCtx) {
    let state = use_state();
    let list: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    leptos::task::spawn_local(async move {
        let mut errors = Vec::new();
        let mut added = Vec::new();
        for file in list {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let text = text.ok().and_then(|v| v.as_string()).unwrap_or_default();
            match ExerciseResult::from_json(&text) {
                Ok(r) => added.push(r),
                Err(e) => errors.push(format!("{}: {e}", file.name())),
            }
        }
        ctx.results.update(|rs| rs.extend(added));
        state.error.set(
            (!errors.is_empty())
                .then(|| Problem::Plain(errors.join("; ")).while_(|t| t.read_failed)),
        );
    });
}

/// The class board.
#[component]
pub fn ClassBoardView() -> impl IntoView {
    let state = use_state();
    let ctx = expect_context::<ExCtx>();
    let projector = RwSignal::new(false);
    let dragging = RwSignal::new(false);
    let board = Memo::new(move |_| ctx.results.with(|r| class_board(r)));
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(files) = input.files() {
            read_files(files, ctx);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            read_files(files, ctx);
        }
    };
    // The option's label in the exercise it came from, when that exercise is known here.
    let label = move |exercise: &str, option: &str| -> String {
        if option == CARRY_ON {
            return t().carry_on.to_string();
        }
        let lang = lang_code();
        let known = ctx
            .custom
            .get_untracked()
            .filter(|c| c.id == exercise)
            .or_else(|| builtin(exercise));
        known
            .and_then(|e| {
                e.menu
                    .iter()
                    .find(|c| c.id == option)
                    .map(|c| c.label.get(lang).to_string())
            })
            .unwrap_or_else(|| option.to_string())
    };
    view! {
        <section class="card class-board" class:projector=move || projector.get() data-testid="class-board">
            <div class="card-head">
                <h2>{move || t().board}</h2>
                <label class="check">
                    <input type="checkbox" data-testid="projector-toggle" prop:checked=move || projector.get()
                        on:change=move |ev| projector.set(event_target_checked(&ev)) />
                    {move || t().projector}
                </label>
            </div>
            <div class="drop-zone" class:dragging=move || dragging.get() data-testid="drop-results"
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label class="button">
                    {move || t().import_results}
                    <input type="file" multiple=true accept="application/json,.json" data-testid="import-results" class="visually-hidden" on:change=on_pick />
                </label>
                <span class="muted">{move || t().drop_here}</span>
                <button type="button" class="small" data-testid="clear-results" on:click=move |_| ctx.results.set(Vec::new())>{move || t().clear}</button>
            </div>
            <Show when=move || ctx.results.with(|r| !r.is_empty())
                fallback=move || view! { <p class="muted">{move || t().no_results}</p> }>
                <p data-testid="class-mean">{move || format!("{}: {}", t().mean_score, crate::text::number::number(board.with(|b| b.mean), 1, state.lang.get()))}</p>
                <h3>{move || t().class_lines}</h3>
                <Plot testid="class-chart" label=Signal::derive(move || t().class_lines.to_string())
                    draw=move |area, style| {
                        let week = t().week;
                        ctx.results.with(|rs| {
                            let n = rs.iter().map(|r| r.path.weeks as usize).max().unwrap_or(1);
                            let lines: Vec<Line> = rs.iter().enumerate().map(|(i, r)| Line {
                                values: &r.path.relationship, color: LINE_COLOURS[i % LINE_COLOURS.len()],
                                width: 1.5, dashed: false }).collect();
                            let _ = chart::lines::draw(area, n, &lines, None, None, week, style);
                        });
                    } />
                <table class="outcomes class-table" data-testid="class-table">
                    <thead><tr>
                        <th scope="col">{move || t().rank}</th>
                        <th scope="col">{move || t().participant}</th>
                        <th scope="col">{move || t().score}</th>
                        <th scope="col">{move || t().end_status}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let b = board.get();
                            ctx.results.with(|rs| b.ranking.iter().enumerate().map(|(place, &i)| {
                                let r = &rs[i];
                                let colour = LINE_COLOURS[i % LINE_COLOURS.len()];
                                let swatch = format!("background:rgb({},{},{})", colour.0, colour.1, colour.2);
                                view! { <tr>
                                    <td>{place + 1}</td>
                                    <td><span class="swatch" style=swatch></span>{if r.participant.is_empty() { "—".to_string() } else { r.participant.clone() }}</td>
                                    <td class="num">{crate::text::number::number(r.score.total, 1, state.lang.get())}</td>
                                    <td>{r.path.end_status.map_or("—", |s| names::status(s, t()))}</td>
                                </tr> }
                            }).collect_view())
                        }}
                    </tbody>
                </table>
                <h3>{move || t().class_decided}</h3>
                <table class="outcomes" data-testid="class-decisions">
                    <thead><tr>
                        <th scope="col">{move || t().moment}</th>
                        <th scope="col">{move || t().option}</th>
                        <th scope="col">{move || t().count}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let b = board.get();
                            let exercise = ctx.results.with(|r| r.first().map(|r| r.exercise.clone()).unwrap_or_default());
                            b.decisions.into_iter().flat_map(|m| {
                                let head = format!("{} {}", t().week, m.week);
                                m.counts.into_iter().enumerate().map(move |(k, (option, n))| (k, head.clone(), m.moment, option, n)).collect::<Vec<_>>()
                            }).map(|(k, head, moment, option, n)| view! { <tr>
                                <td>{if k == 0 { format!("{} · {head}", moment + 1) } else { String::new() }}</td>
                                <td>{label(&exercise, &option)}</td>
                                <td class="num">{n}</td>
                            </tr> }).collect_view()
                        }}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
