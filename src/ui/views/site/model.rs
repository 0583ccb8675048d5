//! The model page: a causal diagram and each mechanism in plain words.

use crate::text::number;
use leptos::prelude::*;

use crate::ui::app::state::{t, use_state};

/// Node positions in the diagram (x, y of the box's top-left corner), in the order of
/// `Strings::diagram`.
const NODES: [(f64, f64); 12] = [
    (20.0, 30.0),
    (230.0, 30.0),
    (440.0, 30.0),
    (650.0, 30.0),
    (20.0, 180.0),
    (230.0, 180.0),
    (440.0, 180.0),
    (650.0, 180.0),
    (20.0, 330.0),
    (230.0, 330.0),
    (440.0, 330.0),
    (650.0, 330.0),
];
const W: f64 = 150.0;
const H: f64 = 50.0;

/// (from, to, lowers).
const EDGES: [(usize, usize, bool); 19] = [
    (0, 1, false),
    (1, 2, false),
    (0, 3, false),
    (1, 3, false),
    (2, 6, false),
    (3, 6, true),
    (3, 7, false),
    (4, 2, false),
    (4, 5, true),
    (5, 6, true),
    (8, 4, false),
    (8, 10, false),
    (9, 4, true),
    (9, 5, false),
    (9, 10, true),
    (10, 6, false),
    (6, 11, false),
    (7, 11, false),
    (7, 1, false),
];

fn anchor(i: usize, toward: (f64, f64)) -> (f64, f64) {
    let (x, y) = NODES[i];
    let (cx, cy) = (x + W / 2.0, y + H / 2.0);
    let (dx, dy) = (toward.0 - cx, toward.1 - cy);
    // Where the line from the centre toward the other node leaves the box.
    let sx = if dx.abs() > 1e-9 {
        (W / 2.0) / dx.abs()
    } else {
        f64::INFINITY
    };
    let sy = if dy.abs() > 1e-9 {
        (H / 2.0) / dy.abs()
    } else {
        f64::INFINITY
    };
    let s = sx.min(sy);
    (cx + dx * s, cy + dy * s)
}

fn centre(i: usize) -> (f64, f64) {
    (NODES[i].0 + W / 2.0, NODES[i].1 + H / 2.0)
}

/// The robustness harness's last full run (`make robust` writes it).
const ROBUST: &str = include_str!("../../../../docs/robust.json");

/// The table of how robust each stylized fact is: fact, situations tried, pairs, share holding.
#[component]
fn RobustTable() -> impl IntoView {
    let rows: Vec<crate::sim::robust::Row> = serde_json::from_str(ROBUST).unwrap_or_default();
    let body = move || {
        let tr = t();
        rows.iter()
            .map(|r| {
                let (title, family) =
                    (tr.robust_fact)(r.fact).unwrap_or((r.title.as_str(), r.family.as_str()));
                let share = number::percent(r.share(), 1, use_state().lang.get());
                view! {
                    <tr>
                        <th scope="row">{format!("{}. {title}", r.fact)}</th>
                        <td>{family}</td>
                        <td>{r.pairs}</td>
                        <td>{share}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section data-testid="model-robust">
            <h3>{move || t().robust_title}</h3>
            <p>{move || t().robust_intro}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || t().robust_title>
                <table class="outcomes robust" data-testid="robust-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || t().robust_fact_col}</th>
                            <th scope="col">{move || t().robust_family_col}</th>
                            <th scope="col">{move || t().robust_pairs_col}</th>
                            <th scope="col">{move || t().robust_share_col}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The model page.
#[component]
pub fn ModelPage() -> impl IntoView {
    let edges = EDGES
        .iter()
        .map(|&(a, b, lowers)| {
            let (x1, y1) = anchor(a, centre(b));
            let (x2, y2) = anchor(b, centre(a));
            view! { <line x1=x1 y1=y1 x2=x2 y2=y2 class="edge" class:lowers=lowers marker-end="url(#arrow)" /> }
        })
        .collect_view();
    let nodes = move || {
        t().diagram
            .iter()
            .zip(NODES)
            .map(|(label, (x, y))| {
                view! {
                    <g class="node">
                        <rect x=x y=y width=W height=H rx="8" />
                        <text x=x + W / 2.0 y=y + H / 2.0 + 5.0 text-anchor="middle">
                            {*label}
                        </text>
                    </g>
                }
            })
            .collect_view()
    };
    view! {
        <article class="card model-page">
            <h2>{move || t().model_title}</h2>
            <p>{move || t().model_intro}</p>
            <figure>
                <svg viewBox="0 0 820 400" class="diagram" role="img" aria-label=move || t().diagram_caption>
                    <defs>
                        <marker
                            id="arrow"
                            viewBox="0 0 10 10"
                            refX="10"
                            refY="5"
                            markerWidth="7"
                            markerHeight="7"
                            orient="auto-start-reverse"
                        >
                            <path d="M 0 0 L 10 5 L 0 10 z" />
                        </marker>
                    </defs>
                    {edges}
                    {nodes}
                </svg>
                <figcaption>{move || t().diagram_caption}</figcaption>
            </figure>
            {move || {
                t()
                    .model
                    .iter()
                    .map(|(title, text)| {
                        view! {
                            <section>
                                <h3>{*title}</h3>
                                <p>{*text}</p>
                            </section>
                        }
                    })
                    .collect_view()
            }}
            <RobustTable />
            <section data-testid="model-trainer">
                <h3>{move || t().trainer_title}</h3>
                <p>{move || t().trainer_text}</p>
            </section>
        </article>
    }
}
