//! "How sure is this?" in the compare view: A against B under random variants of the model's
//! constants (each within ±20 %), every variant an ensemble of both on the common seeds, computed
//! on the worker pool as grid cells and cancellable. It shows the share of variants in which B
//! beats A on the client's net value and on time in partnership, and the spread as dots.

use crate::text::number;
use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::chart;
use crate::sim::robust::how_sure::{answer, variant_around, HowSure, VariantOutcome};
use crate::sim::task::{Output, Task};
use crate::sim::Summary;
use crate::ui::app::state::{t, use_state};
use crate::ui::compute::pool;
use crate::ui::widgets::plot::Plot;

/// Variants one question takes (as `relsim compare --variants 50`).
pub const VARIANTS: u32 = 50;

/// The "How sure is this?" card.
#[component]
pub fn HowSureCard() -> impl IntoView {
    let state = use_state();
    let progress = RwSignal::new(None::<f64>);
    let result = RwSignal::new(None::<HowSure>);
    // Asked for and not yet answered. The pool runs one job at a time, and the view's own
    // ensemble (restarted by an input committed as the user clicks here) takes precedence: the
    // question waits for it, and is asked again if that ensemble replaced it.
    let wanted = RwSignal::new(false);
    // A new A or B makes an earlier answer stale.
    Effect::new(move |_| {
        state.scenario.track();
        state.scenario_b.track();
        result.set(None);
    });
    let submit = move || {
        let a = state.scenario.get_untracked();
        let b = state.scenario_b.get_untracked();
        let runs = state.runs.get_untracked().max(1);
        let mut tasks = Vec::with_capacity(2 * VARIANTS as usize);
        for k in 0..VARIANTS {
            for s in [&a, &b] {
                let mut s = s.clone();
                s.model = variant_around(&s.params(), k);
                s.seed = a.seed; // the same random futures
                tasks.push(Task::Cell { scenario: s, runs });
            }
        }
        let cells: Rc<RefCell<Vec<Option<Summary>>>> =
            Rc::new(RefCell::new(vec![None; tasks.len()]));
        let filled = cells.clone();
        result.set(None);
        pool::submit_with_progress(
            state,
            progress,
            tasks,
            move |i, out| {
                if let (Output::Cell(s), Some(slot)) = (out, filled.borrow_mut().get_mut(i)) {
                    *slot = Some(s);
                }
            },
            move |_ms| {
                let cells = cells.take();
                let outcomes = cells
                    .chunks(2)
                    .filter_map(|pair| match pair {
                        [Some(a), Some(b)] => Some(VariantOutcome {
                            net_value: b.totals.client_net_value - a.totals.client_net_value,
                            partnership: b.time_in_status.partnership
                                - a.time_in_status.partnership,
                        }),
                        _ => None,
                    })
                    .collect();
                result.set(Some(answer(outcomes, runs)));
                wanted.set(false);
                progress.set(None);
            },
        );
    };
    Effect::new(move |_| {
        let idle = progress.get().is_none() && state.progress.get().is_none();
        if wanted.get() && idle {
            submit();
        }
    });
    let start = move |_| wanted.set(true);
    let cancel = move |_| {
        wanted.set(false);
        pool::cancel(state);
    };
    let busy = move || wanted.get() || progress.get().is_some();
    let pct = move |v: f64| number::percent(v, 0, state.lang.get());
    view! {
        <section class="card" data-testid="how-sure">
            <h2>{move || t().how_sure_title}</h2>
            <p class="note">{move || t().how_sure_intro}</p>
            <div class="progress-row">
                <button
                    type="button"
                    data-testid="robust-run"
                    prop:disabled=busy
                    on:click=start
                >
                    {move || t().how_sure_run}
                </button>
                <Show when=move || progress.get().is_some()>
                    <progress
                        data-testid="robust-progress"
                        max="1"
                        value=move || progress.get().unwrap_or(0.0).to_string()
                    ></progress>
                    <button type="button" class="small" on:click=cancel>
                        {move || t().cancel}
                    </button>
                </Show>
            </div>
            <Show when=move || result.with(Option::is_some)>
                <ul class="how-sure">
                    <li>
                        {move || t().how_sure_value}
                        " "
                        <strong data-testid="robust-share-value">
                            {move || result.with(|r| r.as_ref().map(|r| pct(r.b_better_net_value)))}
                        </strong>
                    </li>
                    <li>
                        {move || t().how_sure_partnership}
                        " "
                        <strong data-testid="robust-share-partnership">
                            {move || result.with(|r| r.as_ref().map(|r| pct(r.b_better_partnership)))}
                        </strong>
                    </li>
                    <li>
                        <span data-testid="robust-variants">
                            {move || result.with(|r| r.as_ref().map_or(0, |r| r.variants))}
                        </span>
                        " "
                        {move || t().how_sure_variants}
                    </li>
                </ul>
                <Plot
                    testid="chart-how-sure"
                    label=Signal::derive(move || t().how_sure_title.to_string())
                    draw=move |area, style| {
                        let tr = t();
                        result
                            .with(|r| {
                                if let Some(r) = r {
                                    let points: Vec<(f64, f64)> = r
                                        .outcomes
                                        .iter()
                                        .map(|o| (o.net_value, o.partnership))
                                        .collect();
                                    let _ = chart::how_sure::draw(
                                        area,
                                        &points,
                                        tr.how_sure_x,
                                        tr.how_sure_y,
                                        style,
                                    );
                                }
                            });
                    }
                />
            </Show>
        </section>
    }
}
