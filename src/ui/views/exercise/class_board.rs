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
use crate::sim::exercise::{admit, builtin, class_board, Check, Entry, CARRY_ON, MAX_RESULT_BYTES};
use crate::ui::app::state::{t, use_state};
use crate::ui::widgets::plot::Plot;

/// The colour of the `i`-th result's line (and its swatch).
fn colour(i: usize) -> plotters::style::RGBColor {
    chart::palette::CLASS_LINES[i % chart::palette::CLASS_LINES.len()]
}

/// Reads every file of a list onto the board — one exercise, each participant once, each
/// replayed against its exercise when it is at hand — and reports the others by name.
fn read_files(files: web_sys::FileList, ctx: ExCtx) {
    let state = use_state();
    let list: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    leptos::task::spawn_local(async move {
        let mut errors = Vec::new();
        let find = move |id: &str| {
            ctx.custom
                .get_untracked()
                .filter(|c| c.id == id)
                .or_else(|| builtin(id))
        };
        let mut board = ctx.results.get_untracked();
        for file in list {
            // A file too large is refused before it is read.
            let text = if file.size() > MAX_RESULT_BYTES as f64 {
                "x".repeat(MAX_RESULT_BYTES + 1)
            } else {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                text.ok().and_then(|v| v.as_string()).unwrap_or_default()
            };
            if let Err(why) = admit(&mut board, &text, find) {
                errors.push((file.name(), why));
            }
        }
        super::board_store::save(&board);
        ctx.results.set(board);
        state
            .error
            .set((!errors.is_empty()).then(|| Problem::Files(errors).while_(|t| t.read_failed)));
    });
}

/// The class board.
#[component]
pub fn ClassBoardView() -> impl IntoView {
    let state = use_state();
    let ctx = expect_context::<ExCtx>();
    let projector = RwSignal::new(false);
    let dragging = RwSignal::new(false);
    // Results shown to be edited are kept out of the ranking, the mean and the tally.
    let trusted = Memo::new(move |_| {
        ctx.results.with(|r| {
            r.iter()
                .enumerate()
                .filter(|(_, e)| e.trusted())
                .map(|(i, _)| i)
                .collect::<Vec<usize>>()
        })
    });
    let board = Memo::new(move |_| {
        ctx.results.with(|r| {
            let kept: Vec<_> = trusted.with(|t| t.iter().map(|&i| r[i].result.clone()).collect());
            class_board(&kept)
        })
    });
    let hover = RwSignal::new(None::<usize>);
    let untrusted = move || {
        ctx.results
            .with(|r| r.iter().filter(|e| !e.trusted()).count())
    };
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
                <button type="button" class="small" data-testid="clear-results" on:click=move |_| { ctx.results.set(Vec::new()); super::board_store::save(&[]); }>{move || t().clear}</button>
            </div>
            <Show when=move || ctx.results.with(|r| !r.is_empty())
                fallback=move || view! { <p class="muted">{move || t().no_results}</p> }>
                <p data-testid="class-mean">{move || format!("{}: {}", t().mean_score, crate::text::number::number(board.with(|b| b.mean), 1, state.lang.get()))}</p>
                <h3>{move || t().class_lines}</h3>
                <Plot testid="class-chart" label=Signal::derive(move || t().class_lines.to_string())
                    draw=move |area, style| {
                        let week = t().week;
                        let (lit, wide) = (hover.get(), projector.get());
                        ctx.results.with(|rs| {
                            let n = rs.iter().map(|e| e.result.path.weeks as usize).max().unwrap_or(1);
                            // The line hovered in the table or legend is drawn last and widest.
                            let mut order: Vec<usize> = (0..rs.len()).collect();
                            if let Some(h) = lit.filter(|h| *h < rs.len()) {
                                order.retain(|i| *i != h);
                                order.push(h);
                            }
                            let lines: Vec<Line> = order.iter().map(|&i| Line {
                                values: &rs[i].result.path.relationship, color: colour(i),
                                width: if lit == Some(i) { 4.0 } else if wide { 2.5 } else { 1.5 }, dashed: false }).collect();
                            let _ = chart::lines::draw(area, n, &lines, None, None, week, style);
                        });
                    } />
                <ul class="class-legend" data-testid="class-legend">
                    {move || ctx.results.with(|rs| rs.iter().enumerate().map(|(i, e)| {
                        let name = if e.result.participant.is_empty() { "—".to_string() } else { e.result.participant.clone() };
                        let swatch = format!("background:{}", chart::palette::css(colour(i)));
                        let title = name.clone();
                        view! { <li tabindex="0" title=title on:mouseenter=move |_| hover.set(Some(i)) on:mouseleave=move |_| hover.set(None)
                            on:focus=move |_| hover.set(Some(i)) on:blur=move |_| hover.set(None)>
                            <span class="swatch" style=swatch></span>{name}</li> }
                    }).collect_view())}
                </ul>
                <Show when=move || { untrusted() > 0 }>
                    <p class="note" data-testid="class-unverified-note">{move || crate::text::Strings::fill(t().board_unverified_note, &[("n", &untrusted().to_string())])}</p>
                </Show>
                <table class="outcomes class-table" data-testid="class-table">
                    <thead><tr>
                        <th scope="col">{move || t().rank}</th>
                        <th scope="col">{move || t().participant}</th>
                        <th scope="col">{move || t().score}</th>
                        <th scope="col">{move || t().end_status}</th>
                        <th scope="col">{move || t().board_verified}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let b = board.get();
                            let kept = trusted.get();
                            let lang = state.lang.get();
                            ctx.results.with(|rs| {
                                // The ranked results, then those shown to be edited (unranked).
                                let ranked = b.ranking.iter().map(|&k| (Some(k), kept[k]));
                                let rest = (0..rs.len()).filter(|i| !rs[*i].trusted()).map(|i| (None, i));
                                ranked.chain(rest).enumerate().map(|(place, (k, i))| {
                                    let e: &Entry = &rs[i];
                                    let r = &e.result;
                                    let swatch = format!("background:{}", chart::palette::css(colour(i)));
                                    let (verified, text, why) = match &e.check {
                                        Check::Verified => ("true", t().live_yes.to_string(), String::new()),
                                        Check::Unverified(u) => ("false", t().board_unverified.to_string(), u.to_string()),
                                        Check::NotChecked => ("false", t().board_not_checked.to_string(), t().board_not_checked_why.to_string()),
                                    };
                                    view! { <tr class:unverified=k.is_none() on:mouseenter=move |_| hover.set(Some(i)) on:mouseleave=move |_| hover.set(None)>
                                        <td>{if k.is_some() { (place + 1).to_string() } else { "—".to_string() }}</td>
                                        <td class="name"><span class="swatch" style=swatch></span>{if r.participant.is_empty() { "—".to_string() } else { r.participant.clone() }}</td>
                                        <td class="num">{crate::text::number::number(r.score.total, 1, lang)}</td>
                                        <td>{r.path.end_status.map_or("—", |s| names::status(s, t()))}</td>
                                        <td data-testid="result-verified" data-verified=verified title=why>{text}</td>
                                    </tr> }
                                }).collect_view()
                            })
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
                            let exercise = ctx.results.with(|r| r.first().map(|e| e.result.exercise.clone()).unwrap_or_default());
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
