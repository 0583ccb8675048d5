//! The deal map card of the negotiate view: two inputs, an ensemble in every cell computed by
//! the worker pool (coarse cells first), drawn as it fills; pointing at or focusing a cell tells
//! its figures, clicking it loads that contract into the editor.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;

use crate::chart::deal_map::{self as chart, cell_at, Labels, BETTER, OUTLINE, WORSE};
use crate::chart::{ChartStyle, Pen};
use crate::sim::deal_map::{base_and_baseline, DealMap, DEFAULT_RUNS, DEFAULT_STEPS, MAX_STEPS};
use crate::sim::fields::{self, Field};
use crate::sim::sweep::{grid2_scenarios, sweep_values, Axis};
use crate::sim::task::{Output, Task};
use crate::sim::{Scenario, Summary, MAX_RUNS};
use crate::text::Problem;
use crate::text::{fixed, Strings};
use crate::ui::app::state::{t, use_state, AppState};
use crate::ui::compute::jobs;
use crate::ui::compute::pool;
use crate::ui::platform::download::download_text;
use crate::ui::widgets::common::{CountField, RangeEnd, Swatch, MIN_RUNS};
use crate::ui::widgets::controls::FieldError;
use crate::ui::widgets::controls::Text;
use crate::ui::widgets::plot::Plot;

/// How often the map is redrawn while cells arrive, ms: often enough to watch it sharpen, seldom
/// enough that drawing does not slow the page handing out work.
const REDRAW_MS: u64 = 120;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The sweepable input at `path` (or `fallback`).
fn param(path: &str, fallback: &'static Field<Scenario>) -> &'static Field<Scenario> {
    fields::find(path)
        .filter(|f| f.sweep.is_some())
        .unwrap_or(fallback)
}

/// One axis of the form.
#[derive(Clone, Copy)]
struct AxisForm {
    path: RwSignal<&'static str>,
    from: RwSignal<f64>,
    to: RwSignal<f64>,
    fallback: &'static Field<Scenario>,
}

impl AxisForm {
    fn new(state: AppState, field: &'static Field<Scenario>) -> Self {
        let (a, b) = state.scenario.with_untracked(|s| field.sweep_window(s));
        Self {
            path: RwSignal::new(field.path),
            from: RwSignal::new(a),
            to: RwSignal::new(b),
            fallback: field,
        }
    }

    fn field(&self) -> &'static Field<Scenario> {
        param(self.path.get_untracked(), self.fallback)
    }

    /// The axis' values, or what is wrong with them.
    fn axis(&self, base: &Scenario, steps: u32) -> Result<Axis, Problem> {
        let field = self.field();
        let (from, to) = (self.from.get_untracked(), self.to.get_untracked());
        for v in [from, to] {
            if let Err(r) = field.range.check(base, v) {
                return Err(Problem::OutOfRange {
                    label: field.label,
                    range: field.range,
                    refusal: r,
                });
            }
        }
        Ok(Axis {
            param: field.path.to_string(),
            values: sweep_values(from, to, steps)?,
        })
    }
}

/// A map being computed or done.
#[derive(Clone)]
struct Run {
    id: u64,
    map: DealMap,
    /// The contract of each cell, to load into the editor.
    scenarios: Vec<Scenario>,
    /// The scenario the map was drawn for.
    source: Scenario,
    /// Cells computed (the fixed-fee baseline they are judged against is not a cell).
    done: usize,
    coarse_ms: Option<f64>,
    ms: Option<f64>,
    cancelled: bool,
}

impl Run {
    fn total(&self) -> usize {
        self.scenarios.len()
    }
    fn running(&self) -> bool {
        self.ms.is_none() && !self.cancelled
    }
}

/// What arrives from the pool between two redraws.
enum Arrived {
    Baseline(Summary),
    Cell(usize, Summary),
    Coarse(f64),
}

/// The deal map's form and state.
#[derive(Clone, Copy)]
struct MapForm {
    x: AxisForm,
    y: AxisForm,
    steps: RwSignal<u32>,
    runs: RwSignal<u32>,
    error: RwSignal<Option<Problem>>,
    run: RwSignal<Option<Run>>,
    cursor: RwSignal<Option<usize>>,
    loaded: RwSignal<Option<String>>,
    /// The fixed-fee contract the map compares against: taken from the editor when the first
    /// map is drawn and kept, so that loading a cell (which changes the editor's contract) does
    /// not move the baseline; the user changes it on purpose.
    baseline: RwSignal<Option<crate::sim::scenario::Contract>>,
    next_id: RwSignal<u64>,
    /// The map's own progress (the sweep card's bar stays for sweeps).
    progress: RwSignal<Option<f64>>,
}

impl MapForm {
    /// Checks the form and starts computing the map, or says what is wrong.
    fn start(self, state: AppState) {
        if self.x.path.get_untracked() == self.y.path.get_untracked() {
            return self.error.set(Some(Problem::Says(|t| t.deal_same_axis)));
        }
        let steps = self.steps.get_untracked();
        let paths = [self.x.field().path, self.y.field().path];
        let source = state.scenario.get_untracked();
        let (base, mut baseline) = base_and_baseline(&source, &paths);
        match self.baseline.get_untracked() {
            Some(c) => baseline.contract = c,
            None => self.baseline.set(Some(baseline.contract)),
        }
        let axes = self
            .x
            .axis(&base, steps)
            .and_then(|x| Ok((x, self.y.axis(&base, steps)?)));
        let (x, y) = match axes {
            Ok(a) => a,
            Err(e) => return self.error.set(Some(e)),
        };
        let cells = match grid2_scenarios(&base, &x, &y) {
            Ok(c) => c,
            Err(e) => return self.error.set(Some(Problem::refused(e, &base))),
        };
        self.error.set(None);
        self.loaded.set(None);
        let runs = self.runs.get_untracked();
        let map = DealMap::new(x, y);
        let order = map.order();
        let coarse = map.coarse_cells();
        let scenarios: Vec<Scenario> = cells.into_iter().map(|(_, _, s)| s).collect();
        let mut tasks = vec![Task::Cell {
            scenario: baseline,
            runs,
        }];
        tasks.extend(order.iter().map(|i| Task::Cell {
            scenario: scenarios[*i].clone(),
            runs,
        }));
        self.next_id.update(|n| *n += 1);
        let id = self.next_id.get_untracked();
        self.run.set(Some(Run {
            id,
            map,
            scenarios,
            source,
            done: 0,
            coarse_ms: None,
            ms: None,
            cancelled: false,
        }));
        let arrived: Rc<RefCell<Vec<Arrived>>> = Rc::default();
        let scheduled = Rc::new(Cell::new(false));
        let coarse_left = Rc::new(Cell::new(coarse + 1));
        let started = now();
        let apply = {
            let arrived = arrived.clone();
            let run = self.run;
            move || {
                let items = std::mem::take(&mut *arrived.borrow_mut());
                run.update(|r| {
                    let Some(r) = r.as_mut().filter(|r| r.id == id) else {
                        return;
                    };
                    for a in items {
                        match a {
                            Arrived::Baseline(s) => r.map.baseline = Some(s),
                            Arrived::Cell(i, s) => r.map.cells[i] = Some(s),
                            Arrived::Coarse(ms) => r.coarse_ms = Some(ms),
                        }
                    }
                    r.done = r.map.cells.iter().filter(|c| c.is_some()).count();
                });
            }
        };
        let flush = apply.clone();
        let run = self.run;
        pool::submit_with_progress(
            state,
            self.progress,
            tasks,
            move |k, out| {
                let Output::Cell(s) = out else { return };
                let mut a = arrived.borrow_mut();
                a.push(match k {
                    0 => Arrived::Baseline(s),
                    k => Arrived::Cell(order[k - 1], s),
                });
                if k <= coarse {
                    coarse_left.set(coarse_left.get() - 1);
                    if coarse_left.get() == 0 {
                        a.push(Arrived::Coarse(now() - started));
                    }
                }
                if !scheduled.replace(true) {
                    let (flush, scheduled) = (flush.clone(), scheduled.clone());
                    set_timeout(
                        move || {
                            scheduled.set(false);
                            flush();
                        },
                        Duration::from_millis(REDRAW_MS),
                    );
                }
            },
            move |ms| {
                apply();
                run.update(|r| {
                    if let Some(r) = r.as_mut().filter(|r| r.id == id) {
                        r.ms = Some(ms);
                    }
                });
            },
        );
    }

    fn cancel(self, state: AppState) {
        jobs::cancel(state);
        self.run.update(|r| {
            if let Some(r) = r.as_mut().filter(|r| r.running()) {
                r.cancelled = true;
            }
        });
    }

    /// Loads cell `i`'s contract into the editor.
    fn load(self, state: AppState, i: usize) {
        let Some((scenario, text)) = self.run.with_untracked(|r| {
            let r = r.as_ref()?;
            let s = r.scenarios.get(i)?.clone();
            Some((
                s,
                self.describe(r, i, state.lang.get_untracked().t().deal_loaded),
            ))
        }) else {
            return;
        };
        state.scenario.set(scenario);
        self.loaded.set(Some(text));
    }

    /// `template` filled with cell `i`'s inputs and figures.
    fn describe(self, r: &Run, i: usize, template: &str) -> String {
        let lang = use_state().lang.get_untracked();
        let strings = lang.t();
        let (fx, fy) = (self.x.field(), self.y.field());
        let (x, y) = r.map.values(i);
        let mut values = vec![
            ("x_label", strings.label(fx.label).to_string()),
            ("x", fixed(x, fx.range.step)),
            ("y_label", strings.label(fy.label).to_string()),
            ("y", fixed(y, fy.range.step)),
        ];
        if let Some(v) = r.map.versus(i) {
            values.push(("client", crate::text::number::keur_signed(v.client, lang)));
            values.push((
                "supplier",
                crate::text::number::keur_signed(v.supplier, lang),
            ));
            values.push((
                "partnership",
                crate::text::number::percent(v.partnership, 0, lang),
            ));
        }
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Strings::fill(template, &values)
    }

    /// What the cursor's cell says.
    fn cursor_text(self) -> Option<String> {
        let i = self.cursor.get()?;
        let strings = t();
        self.run.with(|r| {
            let r = r.as_ref()?;
            Some(match r.map.versus(i) {
                Some(v) => {
                    let text = self.describe(r, i, strings.deal_cell);
                    match (v.win_win, v.settled) {
                        (_, false) => format!("{text} {}", strings.deal_unsettled),
                        (true, true) => format!("{text} {}", strings.deal_win),
                        (false, true) => text,
                    }
                }
                None => self.describe(r, i, strings.deal_pending),
            })
        })
    }
}

/// The cells as a table (for screen readers and for reading exact figures): each cell's
/// differences against the fixed fee, marked where the runs do not settle their sign.
#[component]
fn CellTable(form: MapForm) -> impl IntoView {
    let state = use_state();
    view! {
        <details class="chart-table">
            <summary>{move || t().deal_table}</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || t().deal_table>
                <table data-testid="deal-uncertain">
                    <thead>
                        <tr>
                            <th scope="col">{move || t().label(form.y.field().label)}" ↑ / "{move || t().label(form.x.field().label)}" →"</th>
                            {move || form.run.with(|r| r.as_ref().map(|r| {
                                let step = form.x.field().range.step;
                                r.map.x.values.iter().map(|v| view! { <th scope="col">{fixed(*v, step)}</th> }).collect_view()
                            }))}
                        </tr>
                    </thead>
                    <tbody>
                        {move || form.run.with(|r| {
                            let Some(r) = r.as_ref() else { return Vec::new() };
                            let lang = state.lang.get();
                            let (fx, fy) = (form.x.field(), form.y.field());
                            (0..r.map.rows()).rev().map(|iy| {
                                let cells = (0..r.map.columns()).map(|ix| {
                                    let i = r.map.index(ix, iy);
                                    let (x, y) = r.map.values(i);
                                    let at = format!("{} {}, {} {}", lang.t().label(fx.label), fixed(x, fx.range.step), lang.t().label(fy.label), fixed(y, fy.range.step));
                                    match r.map.versus(i) {
                                        Some(v) => view! {
                                            <td data-uncertain=(!v.settled).to_string() title=at class:unsettled=!v.settled>
                                                {format!("{} / {}{}", crate::text::number::keur_signed(v.client, lang), crate::text::number::keur_signed(v.supplier, lang), if v.settled { "" } else { " ?" })}
                                            </td>
                                        }.into_any(),
                                        None => view! { <td title=at>"…"</td> }.into_any(),
                                    }
                                }).collect_view();
                                view! { <tr><th scope="row">{fixed(r.map.values(r.map.index(0, iy)).1, fy.range.step)}</th>{cells}</tr> }
                            }).collect::<Vec<_>>()
                        })}
                    </tbody>
                </table>
            </div>
        </details>
    }
}

/// The deal map card.
#[component]
pub fn DealMapCard() -> impl IntoView {
    let state = use_state();
    let form = MapForm {
        x: AxisForm::new(state, &fields::FEE_PER_WEEK),
        y: AxisForm::new(state, &fields::INCENTIVE_SHARE),
        steps: RwSignal::new(DEFAULT_STEPS),
        runs: RwSignal::new(DEFAULT_RUNS),
        error: RwSignal::new(None),
        run: RwSignal::new(None),
        cursor: RwSignal::new(None),
        loaded: RwSignal::new(None),
        baseline: RwSignal::new(None),
        next_id: RwSignal::new(0),
        progress: RwSignal::new(None),
    };
    // A new input makes a running map stale: stop it (a contract loaded from the map is not a
    // new input for it).
    let loaded_scenario = StoredValue::new(None::<Scenario>);
    Effect::new(move |_| {
        let stale = state.scenario.with(|s| {
            form.run.with_untracked(|r| {
                r.as_ref().is_some_and(|r| r.running() && r.source != *s)
                    && loaded_scenario.with_value(|l| l.as_ref() != Some(s))
            })
        });
        if stale {
            form.cancel(state);
        }
    });
    let canvas = NodeRef::<Canvas>::new();
    let draw = move |area: &DrawingArea<CanvasBackend, Shift>, style: &ChartStyle| {
        let cursor = form.cursor.get();
        let strings = t();
        form.run.with(|r| {
            let Some(r) = r else { return };
            let (fx, fy) = (form.x.field(), form.y.field());
            let xf = move |v: f64| fixed(v, fx.range.step);
            let yf = move |v: f64| fixed(v, fy.range.step);
            let labels = Labels {
                x: strings.label(fx.label),
                y: strings.label(fy.label),
                x_value: &xf,
                y_value: &yf,
                cursor,
            };
            let _ = chart::draw(area, &r.map, &labels, style);
        });
    };
    let cell_of = move |client_x: f64, client_y: f64| -> Option<usize> {
        let el = canvas.get_untracked()?;
        let rect = el.get_bounding_client_rect();
        let scale = f64::from(el.width()) / rect.width().max(1.0);
        let style = ChartStyle {
            scale,
            lang: state.lang.get_untracked(),
        };
        form.run.with_untracked(|r| {
            let r = r.as_ref()?;
            cell_at(
                &r.map,
                f64::from(el.width()),
                f64::from(el.height()),
                &style,
                (client_x - rect.left()) * scale,
                (client_y - rect.top()) * scale,
            )
        })
    };
    let on_move = move |ev: leptos::ev::MouseEvent| {
        let c = cell_of(f64::from(ev.client_x()), f64::from(ev.client_y()));
        if c.is_some() && c != form.cursor.get_untracked() {
            form.cursor.set(c);
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(i) = cell_of(f64::from(ev.client_x()), f64::from(ev.client_y())) {
            form.cursor.set(Some(i));
            let scenario = form
                .run
                .with_untracked(|r| r.as_ref().and_then(|r| r.scenarios.get(i).cloned()));
            loaded_scenario.set_value(scenario);
            form.load(state, i);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some((nx, ny)) = form
            .run
            .with_untracked(|r| r.as_ref().map(|r| (r.map.columns(), r.map.rows())))
        else {
            return;
        };
        let i = form
            .cursor
            .get_untracked()
            .unwrap_or((ny / 2) * nx + nx / 2);
        let (ix, iy) = (i % nx, i / nx);
        let next = match ev.key().as_str() {
            "ArrowLeft" => Some((ix.saturating_sub(1), iy)),
            "ArrowRight" => Some(((ix + 1).min(nx - 1), iy)),
            "ArrowUp" => Some((ix, (iy + 1).min(ny - 1))),
            "ArrowDown" => Some((ix, iy.saturating_sub(1))),
            "Home" => Some((0, iy)),
            "End" => Some((nx - 1, iy)),
            "Enter" | " " => {
                ev.prevent_default();
                let scenario = form
                    .run
                    .with_untracked(|r| r.as_ref().and_then(|r| r.scenarios.get(i).cloned()));
                loaded_scenario.set_value(scenario);
                form.load(state, i);
                None
            }
            _ => return,
        };
        if let Some((x, y)) = next {
            ev.prevent_default();
            form.cursor.set(Some(y * nx + x));
        }
    };
    // Running: started, neither done nor cancelled, and not replaced by another job (which
    // takes the map's progress away).
    let running = move || {
        form.progress.with(Option::is_some)
            && form.run.with(|r| r.as_ref().is_some_and(Run::running))
    };
    let has_map = move || form.run.with(Option::is_some);
    let download = move |_| {
        let text = form.run.with_untracked(|r| {
            r.as_ref()
                .map(|r| crate::sim::json::write(&r.map.to_grid2()))
        });
        if let Some(text) = text {
            download_text("relsim-deal-map.json", "application/json", &text);
        }
    };
    let download_csv = move |_| {
        let text = form
            .run
            .with_untracked(|r| r.as_ref().map(|r| r.map.to_grid2().to_csv()));
        if let Some(text) = text {
            crate::ui::platform::download::download_csv("relsim-deal-map.csv", &text);
        }
    };
    view! {
        <section class="card deal-map-card">
            <h2>{move || t().deal_title}</h2>
            <p class="muted small-print">{move || t().deal_intro}</p>
            <div class="sweep-form">
                <AxisFields axis=form.x label=|t| t.deal_x id="deal-x" />
                <AxisFields axis=form.y label=|t| t.deal_y id="deal-y" />
                <CountField label=|t| t.deal_steps value=form.steps min=2 max=MAX_STEPS testid="deal-map-steps" />
                <CountField label=|t| t.runs_per_point value=form.runs min=MIN_RUNS max=MAX_RUNS testid="deal-map-runs" />
                <button type="button" class="primary" data-testid="deal-map-run" on:click=move |_| form.start(state)>
                    {move || t().deal_run}
                </button>
            </div>
            <FieldError error=form.error />
            <div class="progress-row deal-status">
                <progress
                    data-testid="deal-map-progress"
                    max="1"
                    hidden=move || !running()
                    value=move || form.progress.get().unwrap_or(0.0).to_string()
                ></progress>
                <button type="button" class="small" data-testid="deal-map-cancel" disabled=move || !running() on:click=move |_| form.cancel(state)>
                    {move || t().cancel}
                </button>
                <span class="muted" data-testid="deal-map-count">
                    {move || form.run.with(|r| r.as_ref().map(|r| {
                        Strings::fill(t().deal_cells, &[("done", &r.done.to_string()), ("total", &r.total().to_string())])
                    }))}
                </span>
                <span class="muted">
                    {move || form.run.with(|r| r.as_ref().and_then(|r| r.coarse_ms).map(|ms| {
                        Strings::fill(t().deal_coarse_ms, &[("ms", &format!("{ms:.0}"))])
                    }))}
                </span>
                <span class="muted" hidden=move || form.run.with(|r| r.as_ref().and_then(|r| r.ms).is_none())>
                    {move || t().deal_full_ms}" "
                    <span data-testid="deal-map-ms">{move || form.run.with(|r| r.as_ref().and_then(|r| r.ms).map(|ms| format!("{ms:.0}")))}</span>
                    " ms"
                </span>
                <span class="muted">
                    {move || t().deal_workers}" "<span data-testid="workers">{move || state.workers.get()}</span>
                    {move || (state.workers.get() == 0).then(|| format!(" — {}", t().deal_main_thread))}
                </span>
            </div>
            <ul class="legend">
                <Swatch pens=[Pen::solid(BETTER)] label=|t| t.deal_better />
                <Swatch pens=[Pen::solid(WORSE)] label=|t| t.deal_worse />
                <Swatch pens=[Pen::solid(OUTLINE)] label=|t| t.deal_outline class="thin" />
                <li><span class="dot" style=format!("--c:{}", crate::chart::palette::css(crate::chart::deal_map::UNSETTLED))></span>{move || t().deal_dot}</li>
                <li class="muted">{move || t().deal_client}" · "{move || t().deal_supplier}</li>
            </ul>
            <div
                class="deal-map"
                tabindex=move || if has_map() { "0" } else { "-1" }
                aria-label=move || t().deal_title
                aria-describedby="deal-map-cell"
                on:mousemove=on_move
                on:mouseleave=move |_| form.cursor.set(None)
                on:click=on_click
                on:keydown=on_key
            >
                <Plot
                    testid="chart-deal-map"
                    node_ref=canvas
                    describedby="deal-map-cell".to_string()
                    label=Signal::derive(move || t().deal_title.to_string())
                    draw
                />
            </div>
            <p class="muted small-print">{move || t().deal_hint}</p>
            <p id="deal-map-cell" class="deal-cell" data-testid="deal-map-cell" aria-live="polite">{move || form.cursor_text()}</p>
            <p class="deal-loaded" data-testid="deal-map-loaded" aria-live="polite">{move || form.loaded.get()}</p>
            <p class="deal-baseline" data-testid="deal-baseline">
                {move || {
                    let lang = state.lang.get();
                    let tr = lang.t();
                    match form.baseline.get() {
                        Some(c) => Strings::fill(tr.deal_baseline, &[
                            ("fee", &crate::text::number::number(c.fee_per_week, 1, lang)),
                            ("extra", &crate::text::number::percent(c.extra_work_markup, 0, lang)),
                        ]),
                        None => tr.deal_baseline_editor.to_string(),
                    }
                }}
                " "
                <button type="button" class="small" data-testid="deal-baseline-reset"
                    disabled=move || form.baseline.with(Option::is_none)
                    on:click=move |_| form.baseline.set(None)>{move || t().deal_baseline_reset}</button>
            </p>
            <CellTable form=form />
            <button type="button" class="small" data-testid="deal-map-download" disabled=move || !has_map() on:click=download>
                {move || t().deal_download}
            </button>
            " "
            <button type="button" class="small" data-testid="deal-map-download-csv" disabled=move || !has_map() on:click=download_csv>
                {move || t().deal_download_csv}
            </button>
        </section>
    }
}

/// One axis: the input and its range.
#[component]
fn AxisFields(axis: AxisForm, label: Text, id: &'static str) -> impl IntoView {
    let state = use_state();
    let choose = move |ev: leptos::ev::Event| {
        let field = param(&event_target_value(&ev), axis.fallback);
        axis.path.set(field.path);
        let (a, b) = state.scenario.with_untracked(|s| field.sweep_window(s));
        axis.from
            .set(fixed(a, field.range.step).parse().unwrap_or(a));
        axis.to.set(fixed(b, field.range.step).parse().unwrap_or(b));
    };
    let options = fields::sweepable()
        .map(|f| {
            let selected = move || axis.path.get() == f.path;
            view! { <option value=f.path selected=selected>{move || t().label(f.label)}</option> }
        })
        .collect_view();
    let step = Signal::derive(move || param(axis.path.get(), axis.fallback).range.step);
    view! {
        <label class="mini">
            <span>{move || label(t())}</span>
            <select data-testid=id on:change=choose>{options}</select>
        </label>
        <RangeEnd label=|t| t.from value=axis.from step testid=format!("{id}-from") />
        <RangeEnd label=|t| t.to value=axis.to step testid=format!("{id}-to") />
    }
}
