//! Interventions in time order: add, edit and remove trust repair, renegotiation, realignment,
//! a change of manager, and exit.

use leptos::prelude::*;

use super::events::intervention_name;
use super::inline::{check, number, select};
use super::manager::role_name;
use super::state::{t, use_state, Editing};
use crate::sim::intervention::{AtWeek, ChangeRole, Renegotiate, TrustRepair};
use crate::sim::scenario::{KpiLevel, Obligation};
use crate::sim::{Intervention, Party, Role};

const KINDS: [&str; 5] = [
    "trust_repair",
    "renegotiate",
    "realign",
    "change_role",
    "exit",
];

fn new_intervention(kind: &str, week: u32) -> Intervention {
    match kind {
        "trust_repair" => Intervention::TrustRepair(TrustRepair {
            week,
            ..TrustRepair::default()
        }),
        "renegotiate" => Intervention::Renegotiate(Renegotiate {
            week,
            obligation: Some(Obligation::Result),
            ..Renegotiate::default()
        }),
        "realign" => Intervention::Realign(AtWeek { week }),
        "change_role" => Intervention::ChangeRole(ChangeRole {
            week,
            role: Role::Representative,
        }),
        _ => Intervention::Exit(AtWeek { week }),
    }
}

/// The interventions section.
#[component]
pub fn Interventions() -> impl IntoView {
    let state = use_state();
    let kind = RwSignal::new("trust_repair");
    let add = move |_| {
        let week = state.hover.get_untracked().unwrap_or(52) as u32;
        let week = week.min(state.scenario.with_untracked(|s| s.weeks - 1));
        let n = state.scenario.with_untracked(|s| s.interventions.len());
        if state
            .edit(|s| {
                s.interventions
                    .push(new_intervention(kind.get_untracked(), week))
            })
            .is_ok()
        {
            state.editing.set(Some(Editing::Intervention(n)));
        }
    };
    let list = move || {
        let mut items: Vec<(usize, u32, &'static str)> = state.scenario.with(|s| {
            s.interventions
                .iter()
                .enumerate()
                .map(|(i, x)| (i, x.week(), x.kind_id()))
                .collect()
        });
        items.sort_by_key(|(i, w, _)| (*w, *i));
        if items.is_empty() {
            return view! { <p class="muted">{move || t().none_yet}</p> }.into_any();
        }
        view! {
            <ol class="intervention-list">
                {items.into_iter().map(|(i, w, k)| view! {
                    <li class:selected=move || state.editing.get() == Some(Editing::Intervention(i))>
                        <button type="button" class="link"
                            on:click=move |_| state.editing.set(Some(Editing::Intervention(i)))>
                            {move || format!("{} {w}: {}", t().week, intervention_name(k, t()))}
                        </button>
                        <button type="button" class="small danger" aria-label=move || format!("{} {}", t().delete, intervention_name(k, t()))
                            on:click=move |_| {
                                state.editing.set(None);
                                let _ = state.edit(|s| { if i < s.interventions.len() { s.interventions.remove(i); } });
                            }>"✕"</button>
                    </li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <div class="interventions">
            {list}
            <div class="add-row">
                <label class="mini"><span>{move || t().intervention}</span>
                    <select data-testid="intervention-kind" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(k) = KINDS.iter().find(|k| **k == v) { kind.set(k); }
                    }>
                        {KINDS.map(|k| view! { <option value=k>{move || intervention_name(k, t())}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="add-intervention" on:click=add>{move || t().add}</button>
            </div>
            <InterventionEditor />
        </div>
    }
}

/// The form for the selected intervention.
#[component]
fn InterventionEditor() -> impl IntoView {
    let state = use_state();
    move || {
        let i = match state.editing.get() {
            Some(Editing::Intervention(i))
                if state.scenario.with(|s| i < s.interventions.len()) =>
            {
                i
            }
            _ => return None,
        };
        let get = move || {
            state
                .scenario
                .with(|s| s.interventions.get(i).cloned())
                .unwrap_or(Intervention::Exit(AtWeek::default()))
        };
        let edit = move |f: Box<dyn FnOnce(&mut Intervention)>| {
            state.edit(|s| {
                if let Some(x) = s.interventions.get_mut(i) {
                    f(x)
                }
            })
        };
        let week = number(
            move || t().week,
            move || get().week() as f64,
            move |v| {
                edit(Box::new(move |x| {
                    let w = v as u32;
                    match x {
                        Intervention::TrustRepair(r) => r.week = w,
                        Intervention::Renegotiate(r) => r.week = w,
                        Intervention::Realign(r) | Intervention::Exit(r) => r.week = w,
                        Intervention::ChangeRole(r) => r.week = w,
                    }
                }))
            },
            (0.0, 519.0, 1.0),
        );
        let kind = get().kind_id();
        let body = match kind {
            "trust_repair" => trust_repair_fields(get, edit).into_any(),
            "renegotiate" => renegotiate_fields(get, edit).into_any(),
            "change_role" => select(
                move || t().new_role,
                move || {
                    Role::ALL
                        .iter()
                        .map(|r| (r.id(), role_name(*r, t()).to_string()))
                        .collect()
                },
                move || match get() {
                    Intervention::ChangeRole(c) => c.role.id(),
                    _ => "none",
                },
                move |v| {
                    let _ = edit(Box::new(move |x| {
                        if let Intervention::ChangeRole(c) = x {
                            if let Some(r) = Role::ALL.iter().find(|r| r.id() == v) {
                                c.role = *r;
                            }
                        }
                    }));
                },
            )
            .into_any(),
            _ => ().into_any(),
        };
        Some(view! {
            <form class="editor-form" data-testid="intervention-form" on:submit=|ev| ev.prevent_default()>
                <h3>{move || intervention_name(kind, t())}</h3>
                <div class="form-grid">{week}{body}</div>
                <div class="form-actions">
                    <button type="button" on:click=move |_| state.editing.set(None)>{move || t().close}</button>
                </div>
            </form>
        })
    }
}

fn trust_repair_fields(
    get: impl Fn() -> Intervention + Send + Sync + Copy + 'static,
    edit: impl Fn(Box<dyn FnOnce(&mut Intervention)>) -> Result<(), String>
        + Send
        + Sync
        + Copy
        + 'static,
) -> impl IntoView {
    let r = move || match get() {
        Intervention::TrustRepair(r) => r,
        _ => TrustRepair::default(),
    };
    let set = move |f: fn(&mut TrustRepair, bool)| {
        move |v: bool| {
            let _ = edit(Box::new(move |x| {
                if let Intervention::TrustRepair(r) = x {
                    f(r, v)
                }
            }));
        }
    };
    view! {
        {select(move || t().by,
            move || vec![("supplier", t().supplier.to_string()), ("client", t().client.to_string())],
            move || r().by.id(),
            move |v| { let _ = edit(Box::new(move |x| if let Intervention::TrustRepair(r) = x {
                r.by = if v == "client" { Party::Client } else { Party::Supplier };
            })); })}
        {check(move || t().apologise, move || r().apologise, set(|r, v| r.apologise = v))}
        {check(move || t().sincere, move || r().sincere, set(|r, v| r.sincere = v))}
        {check(move || t().explain, move || r().explain, set(|r, v| r.explain = v))}
        {check(move || t().honest, move || r().honest, set(|r, v| r.honest = v))}
        {check(move || t().correct, move || r().correct, set(|r, v| r.correct = v))}
        {number(move || t().compensation, move || r().compensation, move |v| edit(Box::new(move |x| {
            if let Intervention::TrustRepair(r) = x { r.compensation = v }
        })), (0.0, 1.0e6, 1.0))}
        {check(move || t().silence, move || r().silence, set(|r, v| r.silence = v))}
        {number(move || t().patience_weeks, move || r().patience_weeks as f64, move |v| edit(Box::new(move |x| {
            if let Intervention::TrustRepair(r) = x { r.patience_weeks = v as u32 }
        })), (0.0, 520.0, 1.0))}
        {check(move || t().mediator, move || r().mediator, set(|r, v| r.mediator = v))}
    }
}

fn renegotiate_fields(
    get: impl Fn() -> Intervention + Send + Sync + Copy + 'static,
    edit: impl Fn(Box<dyn FnOnce(&mut Intervention)>) -> Result<(), String>
        + Send
        + Sync
        + Copy
        + 'static,
) -> impl IntoView {
    let r = move || match get() {
        Intervention::Renegotiate(r) => r,
        _ => Renegotiate::default(),
    };
    let keep = || ("keep", t().keep.to_string());
    view! {
        {select(move || t().obligation,
            move || vec![keep(), ("effort", t().effort.to_string()), ("result", t().result.to_string())],
            move || match r().obligation { None => "keep", Some(Obligation::Effort) => "effort", Some(Obligation::Result) => "result" },
            move |v| { let _ = edit(Box::new(move |x| if let Intervention::Renegotiate(r) = x {
                r.obligation = match v.as_str() { "effort" => Some(Obligation::Effort), "result" => Some(Obligation::Result), _ => None };
            })); })}
        {select(move || t().kpi_level,
            move || vec![keep(), ("technical", t().technical.to_string()), ("business", t().business_kpi.to_string())],
            move || match r().kpi_level { None => "keep", Some(KpiLevel::Technical) => "technical", Some(KpiLevel::Business) => "business" },
            move |v| { let _ = edit(Box::new(move |x| if let Intervention::Renegotiate(r) = x {
                r.kpi_level = match v.as_str() { "technical" => Some(KpiLevel::Technical), "business" => Some(KpiLevel::Business), _ => None };
            })); })}
        {number(move || t().fee_per_week, move || r().fee_per_week.unwrap_or(f64::NAN), move |v| edit(Box::new(move |x| {
            if let Intervention::Renegotiate(r) = x { r.fee_per_week = Some(v) }
        })), (0.1, 10000.0, 0.1))}
        {number(move || t().incentive_share, move || r().incentive_share.unwrap_or(f64::NAN), move |v| edit(Box::new(move |x| {
            if let Intervention::Renegotiate(r) = x { r.incentive_share = Some(v) }
        })), (0.0, 0.5, 0.01))}
        {number(move || t().sla_target, move || r().sla_target.unwrap_or(f64::NAN), move |v| edit(Box::new(move |x| {
            if let Intervention::Renegotiate(r) = x { r.sla_target = Some(v) }
        })), (0.5, 0.99, 0.01))}
        {check(move || t().mediator, move || r().mediator, move |v| { let _ = edit(Box::new(move |x| {
            if let Intervention::Renegotiate(r) = x { r.mediator = v }
        })); })}
    }
}
