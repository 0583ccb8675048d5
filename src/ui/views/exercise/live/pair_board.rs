//! The trainer's board of pairs: each pair's sides, moment and week live, ranked by the
//! pair's joint value (client net value + supplier margin) or by either side's own score, so
//! the room sees which pairs found a win-win and which side won at the other's cost; the
//! participants waiting to be paired, paired here by hand (a pair that has not started may be
//! split again); and the round timer that closes a moment for a side that does not decide.

use leptos::prelude::*;

use super::client;
use crate::live::{Board, PairRank, MAX_ROUND_SECONDS};
use crate::text::{number, Strings};
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
    let by = RwSignal::new(PairRank::Joint);
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
    let split = move |pair: u64| {
        leptos::task::spawn_local(async move {
            match client::split_pair(&id.get_value(), &key.get_value(), pair).await {
                Ok(()) => state.error.set(None),
                Err(p) => state.error.set(Some(p)),
            }
        });
    };
    let column = move |rank: PairRank| match rank {
        PairRank::Client => t().pair_client_score,
        PairRank::Supplier => t().pair_supplier_score,
        PairRank::Joint => t().pair_joint,
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
            <PairForm board=board id=id key=key />
            <div class="outcomes-scroll" tabindex="0" role="region" aria-label=move || t().pair_table>
                <table class="class-table" data-testid="pair-table">
                    <thead><tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{move || t().pair_col_client}</th>
                        <th scope="col">{move || t().pair_col_supplier}</th>
                        <th scope="col">{move || t().live_where}</th>
                        <th scope="col" class="num">{move || t().week}</th>
                        {PairRank::ALL.into_iter().map(|rank| view! {
                            <th scope="col" class="num"
                                aria-sort=move || if by.get() == rank { "descending" } else { "none" }>
                                <button type="button" class="sort" data-testid="pair-sort" data-by=rank.id()
                                    aria-pressed=move || (by.get() == rank).to_string()
                                    title=move || Strings::fill(t().pair_rank_by, &[("column", column(rank))])
                                    on:click=move |_| by.set(rank)>
                                    {move || column(rank)}
                                    <span aria-hidden="true">{move || if by.get() == rank { " ▼" } else { "" }}</span>
                                </button>
                            </th>
                        }).collect_view()}
                        <th scope="col"><span class="visually-hidden">{move || t().pair_split}</span></th>
                    </tr></thead>
                    <tbody>
                        {move || board.with(|b| {
                            let lang = state.lang.get();
                            let tr = t();
                            let by = by.get();
                            b.as_ref().map(|b| b.ranked_pairs(by).into_iter().enumerate().map(|(i, p)| {
                                let waiting = (p.client.is_empty() || p.supplier.is_empty()) && !p.scripted;
                                let named = |n: &str| if n.is_empty() && p.scripted { tr.pair_scripted_name.to_string() } else { n.to_string() };
                                let status = if p.finished { tr.pair_status_finished } else if waiting { tr.pair_status_waiting } else { tr.pair_status_playing };
                                let state_id = if p.finished { "finished" } else if waiting { "waiting" } else { "playing" };
                                let score = |s: Option<f64>| s.map(|s| number::number(s, 1, lang)).unwrap_or_default();
                                let pair = p.id;
                                let label = Strings::fill(tr.pair_split_label, &[("client", &named(&p.client)), ("supplier", &named(&p.supplier))]);
                                view! {
                                    <tr data-state=state_id data-pair=p.id.to_string()>
                                        <td class="num">{if p.finished { (i + 1).to_string() } else { String::new() }}</td>
                                        <th scope="row" class="name">{named(&p.client)}</th>
                                        <td class="name" data-scripted=(p.scripted && p.supplier.is_empty()).to_string()>{named(&p.supplier)}</td>
                                        <td>{status}</td>
                                        <td class="num">{p.week}</td>
                                        <td class="num" data-testid="pair-client-value" data-value=p.client_score.map(|j| j.to_string()).unwrap_or_default()>{score(p.client_score)}</td>
                                        <td class="num" data-testid="pair-supplier-value" data-value=p.supplier_score.map(|j| j.to_string()).unwrap_or_default()>{score(p.supplier_score)}</td>
                                        <td class="num" data-testid="pair-joint-value" data-value=p.joint_value.map(|j| j.to_string()).unwrap_or_default()>
                                            {p.joint_value.map(|j| number::keur_exact(j, 0, lang).replace('-', "−")).unwrap_or_default()}
                                        </td>
                                        <td>{(!p.started && !p.finished).then(|| view! {
                                            <button type="button" data-testid="pair-split" aria-label=label on:click=move |_| split(pair)>{tr.pair_split}</button>
                                        })}</td>
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

/// Who waits to be paired, and the trainer's form that pairs two of them, each on a side.
#[component]
fn PairForm(
    board: RwSignal<Option<Board>>,
    id: StoredValue<String>,
    key: StoredValue<String>,
) -> impl IntoView {
    let state = use_state();
    let client = RwSignal::new(String::new());
    let supplier = RwSignal::new(String::new());
    let waiting = move || {
        board.with(|b| {
            b.as_ref()
                .map(|b| {
                    b.unpaired()
                        .into_iter()
                        .map(|r| (r.id, r.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let form = move || {
        let pick = |s: RwSignal<String>| s.get_untracked().parse::<u64>().ok();
        let ids: Vec<u64> = waiting().into_iter().map(|(i, _)| i).collect();
        // An empty choice takes the first (client) or second (supplier) who waits.
        let c = pick(client).or(ids.first().copied());
        let s = pick(supplier).or(ids.get(1).copied());
        let (Some(c), Some(s)) = (c, s) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match client::form_pair(&id.get_value(), &key.get_value(), c, s).await {
                Ok(()) => {
                    state.error.set(None);
                    client.set(String::new());
                    supplier.set(String::new());
                }
                Err(p) => state.error.set(Some(p)),
            }
        });
    };
    // Each select shows what an empty choice takes: the first who waits as the client, the
    // second as the supplier.
    let choose = move |signal: RwSignal<String>,
                       testid: &'static str,
                       label: fn() -> &'static str,
                       default: usize| {
        view! {
            <label>
                <span>{label}</span>
                <select data-testid=testid on:change=move |ev| signal.set(event_target_value(&ev))>
                    {move || waiting().into_iter().enumerate().map(|(n, (i, name))| {
                        let value = i.to_string();
                        let sel = value.clone();
                        view! { <option value=value selected=move || signal.with(|s| *s == sel || (s.is_empty() && n == default))>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <div class="pair-form" data-testid="pair-unpaired" data-count=move || waiting().len().to_string()>
            {move || {
                let names: Vec<String> = waiting().into_iter().map(|(_, n)| n).collect();
                if names.is_empty() {
                    view! { <p class="muted">{t().pair_everyone_paired}</p> }.into_any()
                } else {
                    view! { <p>{Strings::fill(t().pair_unpaired, &[("names", &names.join(", "))])}</p> }.into_any()
                }
            }}
            <Show when=move || { waiting().len() >= 2 }>
                <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); form(); }>
                    {choose(client, "pair-client", || t().pair_col_client, 0)}
                    {choose(supplier, "pair-supplier", || t().pair_col_supplier, 1)}
                    <button type="submit" data-testid="pair-make">{move || t().pair_form}</button>
                </form>
            </Show>
        </div>
    }
}
