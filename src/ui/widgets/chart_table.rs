//! Charts for everyone: the numbers behind each run chart as a table ("show as table") and a
//! one-sentence summary that screen readers get instead of the picture, both read from the
//! chart's series in `run_charts.rs`.

use crate::text::names;
use crate::text::number;
use leptos::prelude::*;

use crate::chart::palette;
use crate::sim::{Ensemble, History, Series as SimSeries, Status};
use crate::text::{Lang, Strings};
use crate::ui::app::state::{t, use_state};
use crate::ui::widgets::controls::Text;
use crate::ui::widgets::run_charts::{series_of, Series, Unit};

/// Every series' values for every week, cumulative ones summed.
fn values(h: &History, series: &[Series]) -> Vec<Vec<f64>> {
    series
        .iter()
        .map(|s| {
            let mut sum = 0.0;
            h.rows
                .iter()
                .map(|r| match s.unit {
                    Unit::Share => (s.get)(r),
                    Unit::CumulativeKeur => {
                        sum += (s.get)(r);
                        sum
                    }
                })
                .collect()
        })
        .collect()
}

/// A value as the table and the summary write it.
fn cell(v: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Share => number::number(v * 100.0, 1, lang),
        Unit::CumulativeKeur => number::number(v, 1, lang),
    }
}

fn with_unit(v: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Share => number::percent(v, 1, lang),
        Unit::CumulativeKeur => number::keur_exact(v, 1, lang),
    }
}

/// Weeks between table rows: about one row per week of a year, so a long run stays readable.
pub fn row_step(weeks: usize) -> usize {
    weeks.div_ceil(52).max(1)
}

/// The weeks the table shows: every `row_step` weeks, and always the last one.
pub fn table_weeks(weeks: usize) -> Vec<usize> {
    let mut out: Vec<usize> = (0..weeks).step_by(row_step(weeks)).collect();
    if weeks > 0 && out.last() != Some(&(weeks - 1)) {
        out.push(weeks - 1);
    }
    out
}

/// One sentence on the chart's first series: where it starts and ends, its low and its high.
pub fn summary(h: &History, chart: &str, lang: Lang) -> String {
    let series = series_of(chart);
    let (Some(first), Some(last)) = (series.first(), h.rows.last()) else {
        return String::new();
    };
    let vals = &values(h, &series[..1])[0];
    let (lo, hi) = vals.iter().enumerate().fold(
        ((0usize, f64::INFINITY), (0usize, f64::NEG_INFINITY)),
        |(lo, hi), (i, &v)| {
            (
                if v < lo.1 { (i, v) } else { lo },
                if v > hi.1 { (i, v) } else { hi },
            )
        },
    );
    let (tr, s) = (lang.t(), lang.t());
    let f = |v| with_unit(v, first.unit, lang);
    format!(
        "{} {} {} {} 0 {} {} {} {}; {} {} {} {}, {} {} {} {}.",
        (first.label)(tr),
        s.sum_goes_from,
        f(vals[0]),
        s.sum_in_week,
        s.sum_to,
        f(vals[vals.len() - 1]),
        s.sum_in_week,
        last.week,
        s.sum_lowest,
        f(lo.1),
        s.sum_in_week,
        h.rows[lo.0].week,
        s.sum_highest,
        f(hi.1),
        s.sum_in_week,
        h.rows[hi.0].week,
    )
}

fn header(s: &Series, tr: &Strings) -> String {
    match s.unit {
        Unit::Share => format!("{} (%)", (s.label)(tr)),
        Unit::CumulativeKeur => format!("{} ({})", (s.label)(tr), tr.unit_keur),
    }
}

/// The hidden summary (for `aria-describedby`), the show-as-table button and the table.
#[component]
pub fn ChartTable(chart: &'static str, title: Text) -> impl IntoView {
    let state = use_state();
    let series = series_of(chart);
    let text = move || state.history.with(|h| summary(h, chart, state.lang.get()));
    let table = move || {
        let lang = state.lang.get();
        let tr = lang.t();
        state.history.with(|h| {
            let vals = values(h, series);
            let weeks = table_weeks(h.rows.len());
            let caption = format!(
                "{}: {} {}",
                title(tr),
                lang.t().table_every,
                crate::text::number::weeks(row_step(h.rows.len()) as f64, lang)
            );
            let label = caption.clone();
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=label>
                <table class="chart-table" data-testid="chart-table" data-chart=chart>
                    <caption>{caption}</caption>
                    <thead><tr>
                        <th scope="col">{tr.week}</th>
                        {series.iter().map(|s| view! { <th scope="col" data-csv=s.csv>{header(s, tr)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {weeks.into_iter().map(|w| view! {
                            <tr><th scope="row">{h.rows[w].week}</th>
                            {series.iter().zip(&vals).map(|(s, v)| view! { <td>{cell(v[w], s.unit, lang)}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            }
        })
    };
    summary_and_table(chart, text, table)
}

/// A small HTML legend of a chart's series.
#[component]
pub fn SeriesLegend(chart: &'static str) -> impl IntoView {
    view! {
        <ul class="legend">
            {series_of(chart).iter().map(|s| view! {
                <li><span class="swatch" class:dashed=s.pen.dashed style=format!("--c:{}", palette::css(s.pen.color))></span>
                {move || (s.label)(t())}</li>
            }).collect_view()}
        </ul>
    }
}

/// The numbers behind a chart of many futures: column headers (after the week) and each
/// column's share for every week.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareTable {
    /// Column headers, without the week column.
    pub headers: Vec<String>,
    /// One value per week for each column, shares in 0..=1.
    pub columns: Vec<Vec<f64>>,
}

/// The table of an ensemble chart (`chart-fan`, `chart-status`, `chart-survival`).
pub fn ensemble_table(e: &Ensemble, chart: &str, lang: Lang) -> ShareTable {
    let t = lang.t();
    let weeks = 0..e.weeks as usize;
    let col = |f: &dyn Fn(usize) -> f64| weeks.clone().map(f).collect::<Vec<f64>>();
    let (headers, columns): (Vec<&str>, Vec<Vec<f64>>) = match chart {
        "chart-fan" => (
            vec![t.median, t.p10, t.p90],
            [0.5, 0.1, 0.9]
                .iter()
                .map(|&q| col(&|w| e.percentile(SimSeries::Relationship, w, q)))
                .collect(),
        ),
        "chart-status" => (
            Status::ALL.iter().map(|s| names::status(*s, t)).collect(),
            Status::ALL
                .iter()
                .map(|&s| col(&|w| e.status_share(w, s)))
                .collect(),
        ),
        _ => (
            vec![t.still_running, t.still_partnership],
            vec![
                col(&|w| {
                    1.0 - e.status_share(w, Status::Terminated) - e.status_share(w, Status::Ended)
                }),
                col(&|w| e.status_share(w, Status::Partnership)),
            ],
        ),
    };
    ShareTable {
        headers: headers.into_iter().map(str::to_string).collect(),
        columns,
    }
}

/// The table of a compare chart (`chart-compare-fan`: both medians and bands;
/// `chart-difference`: B − A of the median line and of the partnership share).
pub fn compare_table(a: &Ensemble, b: &Ensemble, chart: &str, lang: Lang) -> ShareTable {
    let t = lang.t();
    let weeks = 0..a.weeks.min(b.weeks) as usize;
    let col = |f: &dyn Fn(usize) -> f64| weeks.clone().map(f).collect::<Vec<f64>>();
    let q = |e: &Ensemble, w: usize, q: f64| e.percentile(SimSeries::Relationship, w, q);
    let part = |e: &Ensemble, w: usize| e.status_share(w, Status::Partnership);
    let (headers, columns) = if chart == "chart-difference" {
        (
            vec![t.median_diff.to_string(), t.partnership_diff.to_string()],
            vec![
                col(&|w| q(b, w, 0.5) - q(a, w, 0.5)),
                col(&|w| part(b, w) - part(a, w)),
            ],
        )
    } else {
        let name = |side: &str, what: &str| format!("{side}: {what}");
        (
            vec![
                name("A", t.median),
                name("A", t.p10),
                name("A", t.p90),
                name("B", t.median),
                name("B", t.p10),
                name("B", t.p90),
            ],
            [a, b]
                .iter()
                .flat_map(|e| [0.5, 0.1, 0.9].map(|p| col(&|w| q(e, w, p))))
                .collect(),
        )
    };
    ShareTable { headers, columns }
}

/// One sentence on a share table's first column, as `summary` writes it for run charts.
fn share_summary(table: &ShareTable, lang: Lang) -> String {
    let (Some(head), Some(vals)) = (table.headers.first(), table.columns.first()) else {
        return String::new();
    };
    let finite: Vec<(usize, f64)> = vals
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .collect();
    let (Some(first), Some(last)) = (finite.first(), finite.last()) else {
        return String::new();
    };
    let lo = finite
        .iter()
        .fold(*first, |a, b| if b.1 < a.1 { *b } else { a });
    let hi = finite
        .iter()
        .fold(*first, |a, b| if b.1 > a.1 { *b } else { a });
    let s = lang.t();
    let p = |v| number::percent(v, 1, lang);
    format!(
        "{head} {} {} {} {} {} {} {} {}; {} {} {} {}, {} {} {} {}.",
        s.sum_goes_from,
        p(first.1),
        s.sum_in_week,
        first.0,
        s.sum_to,
        p(last.1),
        s.sum_in_week,
        last.0,
        s.sum_lowest,
        p(lo.1),
        s.sum_in_week,
        lo.0,
        s.sum_highest,
        p(hi.1),
        s.sum_in_week,
        hi.0,
    )
}

/// Summary, show-as-table button and table for a chart of many futures; `chart` is the
/// canvas's test id, so the canvas can point at `{chart}-summary` with `aria-describedby`.
#[component]
pub fn ShareTableView(
    chart: &'static str,
    title: Text,
    #[prop(into)] data: Signal<Option<ShareTable>>,
) -> impl IntoView {
    let state = use_state();
    let text = move || {
        data.with(|d| {
            d.as_ref()
                .map(|d| share_summary(d, state.lang.get()))
                .unwrap_or_default()
        })
    };
    let table = move || {
        let lang = state.lang.get();
        let tr = lang.t();
        data.with(|d| {
            let d = d.as_ref()?;
            let n = d.columns.first().map_or(0, Vec::len);
            let caption = format!(
                "{}: {} {}",
                title(tr),
                lang.t().table_every,
                crate::text::number::weeks(row_step(n) as f64, lang)
            );
            let label = caption.clone();
            Some(view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=label>
                <table class="chart-table" data-testid="chart-table" data-chart=chart>
                    <caption>{caption}</caption>
                    <thead><tr>
                        <th scope="col">{tr.week}</th>
                        {d.headers.iter().map(|h| view! { <th scope="col">{format!("{h} (%)")}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {table_weeks(n).into_iter().map(|w| view! {
                            <tr><th scope="row">{w}</th>
                            {d.columns.iter().map(|c| view! { <td>{cell(c[w], Unit::Share, lang)}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            })
        })
    };
    summary_and_table(chart, text, table)
}

/// A chart's one-sentence summary for screen readers (`{chart}-summary`, which the chart's
/// `aria-describedby` names) and the "show as table" toggle with the table it opens.
fn summary_and_table<S, V>(
    chart: &'static str,
    text: impl Fn() -> S + Send + Sync + 'static,
    table: impl Fn() -> V + Send + Sync + Clone + 'static,
) -> impl IntoView
where
    S: IntoView + 'static,
    V: IntoView + 'static,
{
    let lang = use_state().lang;
    let open = RwSignal::new(false);
    let table_id = format!("{chart}-table");
    view! {
        <p class="visually-hidden" id=format!("{chart}-summary") data-testid="chart-summary">{text}</p>
        <div class="table-toggle">
            <button type="button" class="small" data-testid="show-table"
                aria-expanded=move || open.get().to_string() aria-controls=table_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { lang.get().t().hide_table } else { lang.get().t().show_table }}
            </button>
        </div>
        <div id=format!("{chart}-table")>
            <Show when=move || open.get()>{table.clone()}</Show>
        </div>
    }
}
