//! The table of outcomes over many futures: one row per figure, a column per number (the
//! ensemble's mean and spread, the comparison's A, B and difference).

use leptos::prelude::*;

use crate::ui::app::state::t;
use crate::ui::widgets::controls::Text;

/// One row: the figure's name and its three numbers, written out.
pub type OutcomeRow = [String; 4];

/// The outcomes card: `columns` name the three number columns; `rows` is empty until the
/// futures are computed.
#[component]
pub fn OutcomeTable(
    /// The table's `data-testid`.
    testid: &'static str,
    /// The three number columns' headings.
    columns: [Text; 3],
    /// The rows, as shown.
    #[prop(into)]
    rows: Signal<Vec<OutcomeRow>>,
    /// Controls beside the heading (a download).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <section class="card">
            <div class="card-head">
                <h2>{move || t().outcomes}</h2>
                {children.map(|c| c())}
            </div>
            <div class="outcomes-scroll">
            <table class="outcomes" data-testid=testid>
                <thead>
                    <tr>
                        <th scope="col">{move || t().metric}</th>
                        {columns.map(|c| view! { <th scope="col">{move || c(t())}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        rows.get()
                            .into_iter()
                            .map(|[name, a, b, c]| {
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        <td>{a}</td>
                                        <td>{b}</td>
                                        <td>{c}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            </div>
        </section>
    }
}
