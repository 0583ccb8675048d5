//! The trainer's board of pairs: each pair's sides, moment and week live, ranked by the
//! pair's joint value (client net value + supplier margin) with each side's own score, so the
//! room sees which pairs found a win-win; and the round timer that closes a moment for a side
//! that does not decide.

use leptos::prelude::*;

use super::client;
use crate::live::{Board, MAX_ROUND_SECONDS};
use crate::text::number;
use crate::ui::app::state::{t, use_state};

/// The pairs of a class both sides play.
#[component]
pub fn PairTable(
    board: RwSignal<Option<Board>>,
    id: StoredValue<String>,
    key: StoredValue<String>,
) -> impl IntoView {
    let state = use_state();
    let seconds = RwSignal::new(String::from("0"));
    let set_timer = move |_| {
        let typed = seconds.get_untracked();
        let Some(n) = typed
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= MAX_ROUND_SECONDS)
        else {
            let label = state.lang.get_untracked().t().round_timer;
            state.error.set(Some(crate::text::Problem::Plain(format!(
                "{label}: 0 – {MAX_ROUND_SECONDS}"
            ))));
            return;
        };
        leptos::task::spawn_local(async move {
            if let Err(p) = client::round(&id.get_value(), &key.get_value(), n).await {
                state.error.set(Some(p));
            } else {
                state.error.set(None);
            }
        });
    };
    view! {
        <div class="pair-board class-live">
            <h3>{move || t().pair_table}</h3>
            <form class="round-timer" on:submit=move |ev| { ev.prevent_default(); set_timer(()); }>
                <label>
                    <span>{move || t().round_timer}</span>
                    <input type="number" min="0" max=MAX_ROUND_SECONDS.to_string() step="1" data-testid="round-timer"
                        prop:value=move || seconds.get() on:input=move |ev| seconds.set(event_target_value(&ev)) />
                </label>
                <button type="submit" data-testid="round-timer-set">{move || t().round_set}</button>
            </form>
            <div class="outcomes-scroll">
                <table class="class-table" data-testid="pair-table">
                    <thead><tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{move || t().pair_col_client}</th>
                        <th scope="col">{move || t().pair_col_supplier}</th>
                        <th scope="col">{move || t().live_where}</th>
                        <th scope="col" class="num">{move || t().week}</th>
                        <th scope="col" class="num">{move || t().pair_client_score}</th>
                        <th scope="col" class="num">{move || t().pair_supplier_score}</th>
                        <th scope="col" class="num">{move || t().pair_joint}</th>
                    </tr></thead>
                    <tbody>
                        {move || board.with(|b| {
                            let lang = state.lang.get();
                            let tr = t();
                            b.as_ref().map(|b| b.ranked_pairs().into_iter().enumerate().map(|(i, p)| {
                                let waiting = (p.client.is_empty() || p.supplier.is_empty()) && !p.scripted;
                                let named = |n: &str| if n.is_empty() && p.scripted { tr.pair_scripted_name.to_string() } else { n.to_string() };
                                let status = if p.finished { tr.pair_status_finished } else if waiting { tr.pair_status_waiting } else { tr.pair_status_playing };
                                let state_id = if p.finished { "finished" } else if waiting { "waiting" } else { "playing" };
                                let score = |s: Option<f64>| s.map(|s| number::number(s, 1, lang)).unwrap_or_default();
                                view! {
                                    <tr data-state=state_id data-pair=p.id.to_string()>
                                        <td class="num">{if p.finished { (i + 1).to_string() } else { String::new() }}</td>
                                        <th scope="row" class="name">{named(&p.client)}</th>
                                        <td class="name" data-scripted=(p.scripted && p.supplier.is_empty()).to_string()>{named(&p.supplier)}</td>
                                        <td>{status}</td>
                                        <td class="num">{p.week}</td>
                                        <td class="num">{score(p.client_score)}</td>
                                        <td class="num">{score(p.supplier_score)}</td>
                                        <td class="num" data-testid="pair-joint-value" data-value=p.joint_value.map(|j| j.to_string()).unwrap_or_default()>
                                            {p.joint_value.map(|j| number::keur_exact(j, 0, lang).replace('-', "−")).unwrap_or_default()}
                                        </td>
                                    </tr>
                                }
                            }).collect_view())
                        })}
                    </tbody>
                </table>
            </div>
        </div>
    }
}
