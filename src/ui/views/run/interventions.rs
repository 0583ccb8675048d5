//! Interventions in time order: add, edit and remove trust repair, renegotiation, realignment,
//! a change of manager, the supplier's effort policy, and exit.

use crate::text::names;
use leptos::prelude::*;

use crate::text::Problem;

use crate::sim::fields;
use crate::sim::intervention::{AtWeek, Renegotiate, TrustRepair};
use crate::sim::scenario::{KpiLevel, Obligation};
use crate::sim::{Intervention, InterventionKind, Party, Role};
use crate::ui::app::state::{t, use_state, Editing};
use crate::ui::widgets::controls::FieldError;
use crate::ui::widgets::controls::Text;
use crate::ui::widgets::inline::{check, number, select, ItemEdit};

/// The interventions section.
#[component]
pub fn Interventions() -> impl IntoView {
    let state = use_state();
    let kind = RwSignal::new(InterventionKind::TrustRepair);
    let error = RwSignal::new(None::<Problem>);
    let add = move |_| {
        let hovered = state.hover.get_untracked().unwrap_or(52) as u32;
        let week = hovered.min(state.scenario.with_untracked(|s| s.weeks - 1));
        let n = state.scenario.with_untracked(|s| s.interventions.len());
        let added = state.edit(|s| s.interventions.push(kind.get_untracked().create(week)));
        if added.is_ok() {
            state.editing.set(Some(Editing::Intervention(n)));
        }
        error.set(added.err());
    };
    let choose = move |ev: leptos::ev::Event| {
        if let Some(k) = InterventionKind::from_id(&event_target_value(&ev)) {
            kind.set(k);
        }
    };
    let options = InterventionKind::ALL
        .map(|k| view! { <option value=k.id()>{move || names::intervention(k, t())}</option> });
    view! {
        <div class="interventions">
            <InterventionList />
            <div class="add-row">
                <label class="mini">
                    <span>{move || t().intervention}</span>
                    <select data-testid="intervention-kind" on:change=choose>
                        {options.collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="add-intervention" on:click=add>
                    {move || t().add}
                </button>
            </div>
            <FieldError error />
            <InterventionEditor />
        </div>
    }
}

/// The interventions in time order, each with a button to edit and one to remove it.
#[component]
fn InterventionList() -> impl IntoView {
    let state = use_state();
    let item = move |(i, w, k): (usize, u32, InterventionKind)| {
        let remove = move |_| {
            state.editing.set(None);
            let _ = state.edit(|s| {
                if i < s.interventions.len() {
                    s.interventions.remove(i);
                }
            });
        };
        let selected = move || state.editing.get() == Some(Editing::Intervention(i));
        view! {
            <li class:selected=selected>
                <button
                    type="button"
                    class="link"
                    on:click=move |_| state.editing.set(Some(Editing::Intervention(i)))
                >
                    {move || format!("{} {w}: {}", t().week, names::intervention(k, t()))}
                </button>
                <button
                    type="button"
                    class="small danger"
                    on:click=remove
                    aria-label=move || format!("{} {}", t().delete, names::intervention(k, t()))
                >
                    "✕"
                </button>
            </li>
        }
    };
    move || {
        let mut items: Vec<(usize, u32, InterventionKind)> = state.scenario.with(|s| {
            let all = s.interventions.iter().enumerate();
            all.map(|(i, x)| (i, x.week(), InterventionKind::of(x)))
                .collect()
        });
        items.sort_by_key(|(i, w, _)| (*w, *i));
        if items.is_empty() {
            return view! { <p class="muted">{move || t().none_yet}</p> }.into_any();
        }
        view! { <ol class="intervention-list">{items.into_iter().map(item).collect_view()}</ol> }
            .into_any()
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
        let edit = move |f: ItemEdit<Intervention>| {
            state.edit(|s| {
                if let Some(x) = s.interventions.get_mut(i) {
                    f(x)
                }
            })
        };
        let kind = InterventionKind::of(&get());
        let body = match kind {
            InterventionKind::TrustRepair => trust_repair_fields(get, edit).into_any(),
            InterventionKind::Renegotiate => renegotiate_fields(get, edit).into_any(),
            InterventionKind::ChangeRole => role_select(get, edit).into_any(),
            InterventionKind::EffortPolicy => {
                number(&fields::POLICY_MIN_EFFORT, get, edit).into_any()
            }
            InterventionKind::Realign
            | InterventionKind::Exit
            | InterventionKind::Escalate
            | InterventionKind::SupplierExit => ().into_any(),
        };
        Some(view! {
            <form class="editor-form" data-testid="intervention-form" on:submit=|ev| ev.prevent_default()>
                <h3>{move || names::intervention(kind, t())}</h3>
                <div class="form-grid">{number(&fields::INTERVENTION_WEEK, get, edit)}{body}</div>
                <div class="form-actions">
                    <button type="button" on:click=move |_| state.editing.set(None)>
                        {move || t().close}
                    </button>
                </div>
            </form>
        })
    }
}

/// The new manager's role of a change of manager.
fn role_select(
    get: impl Fn() -> Intervention + Send + Sync + Copy + 'static,
    edit: impl Fn(ItemEdit<Intervention>) -> Result<(), Problem> + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let roles = move || {
        Role::ALL
            .iter()
            .map(|r| (r.id(), names::role_name(*r, t()).to_string()))
            .collect()
    };
    let current = move || match get() {
        Intervention::ChangeRole(c) => c.role.id(),
        _ => Role::None.id(),
    };
    let set = move |v: String| {
        edit(Box::new(move |x| {
            if let (Intervention::ChangeRole(c), Some(r)) =
                (x, Role::ALL.iter().find(|r| r.id() == v))
            {
                c.role = *r;
            }
        }))
    };
    select(move || t().new_role, roles, current, set)
}

/// The five steps of a trust repair, who leads it, and a mediator.
fn trust_repair_fields(
    get: impl Fn() -> Intervention + Send + Sync + Copy + 'static,
    edit: impl Fn(ItemEdit<Intervention>) -> Result<(), Problem> + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let r = move || match get() {
        Intervention::TrustRepair(r) => r,
        _ => TrustRepair::default(),
    };
    let step = move |label: Text, flag: fn(&mut TrustRepair) -> &mut bool| {
        let value = move || *flag(&mut r());
        let set = move |v: bool| {
            edit(Box::new(move |x| {
                if let Intervention::TrustRepair(r) = x {
                    *flag(r) = v
                }
            }))
        };
        check(move || label(t()), value, set)
    };
    let parties = move || {
        [Party::Supplier, Party::Client]
            .map(|p| (p.id(), names::party(p, t()).to_string()))
            .to_vec()
    };
    let set_by = move |v: String| {
        edit(Box::new(move |x| {
            if let Intervention::TrustRepair(r) = x {
                r.by = if v == Party::Client.id() {
                    Party::Client
                } else {
                    Party::Supplier
                };
            }
        }))
    };
    view! {
        {select(move || t().by, parties, move || r().by.id(), set_by)}
        {step(|t| t.apologise, |r| &mut r.apologise)}
        {step(|t| t.sincere, |r| &mut r.sincere)}
        {step(|t| t.explain, |r| &mut r.explain)}
        {step(|t| t.honest, |r| &mut r.honest)}
        {step(|t| t.correct, |r| &mut r.correct)}
        {number(&fields::COMPENSATION, get, edit)}
        {step(|t| t.silence, |r| &mut r.silence)}
        {number(&fields::PATIENCE_WEEKS, get, edit)}
        {step(|t| t.mediator, |r| &mut r.mediator)}
    }
}

/// A select with "keep the current term" and the given choices for an optional new term.
fn keep_or<V: Copy + PartialEq + Send + Sync + 'static>(
    label: Text,
    choices: [(V, &'static str, Text); 2],
    current: impl Fn() -> Option<V> + Send + Sync + Copy + 'static,
    set: impl Fn(Option<V>) -> Result<(), Problem> + Send + Sync + Copy + 'static,
) -> impl IntoView {
    const KEEP: &str = "keep";
    let options = move || {
        let mut all = vec![(KEEP, t().keep.to_string())];
        all.extend(choices.map(|(_, id, name)| (id, name(t()).to_string())));
        all
    };
    let value = move || {
        let chosen = current().and_then(|c| choices.iter().find(|(v, _, _)| *v == c));
        chosen.map_or(KEEP, |(_, id, _)| id)
    };
    let on_change = move |v: String| {
        set(choices
            .iter()
            .find(|(_, id, _)| *id == v)
            .map(|(x, _, _)| *x))
    };
    select(move || label(t()), options, value, on_change)
}

/// The terms a renegotiation may change; a term left on "keep" stays as it is.
fn renegotiate_fields(
    get: impl Fn() -> Intervention + Send + Sync + Copy + 'static,
    edit: impl Fn(ItemEdit<Intervention>) -> Result<(), Problem> + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let r = move || match get() {
        Intervention::Renegotiate(r) => r,
        _ => Renegotiate::default(),
    };
    let obligations: [(Obligation, &str, Text); 2] = [
        (Obligation::Effort, Obligation::Effort.id(), |t| t.effort),
        (Obligation::Result, Obligation::Result.id(), |t| t.result),
    ];
    let set_obligation = move |v: Option<Obligation>| {
        edit(Box::new(move |x| {
            if let Intervention::Renegotiate(r) = x {
                r.obligation = v
            }
        }))
    };
    let levels: [(KpiLevel, &str, Text); 2] = [
        (KpiLevel::Technical, KpiLevel::Technical.id(), |t| {
            t.technical
        }),
        (KpiLevel::Business, KpiLevel::Business.id(), |t| {
            t.business_kpi
        }),
    ];
    let set_level = move |v: Option<KpiLevel>| {
        edit(Box::new(move |x| {
            if let Intervention::Renegotiate(r) = x {
                r.kpi_level = v
            }
        }))
    };
    let mediator = move |v: bool| {
        edit(Box::new(move |x| {
            if let Intervention::Renegotiate(r) = x {
                r.mediator = v
            }
        }))
    };
    view! {
        {keep_or(|t| t.obligation, obligations, move || r().obligation, set_obligation)}
        {keep_or(|t| t.kpi_level, levels, move || r().kpi_level, set_level)}
        {number(&fields::NEW_FEE, get, edit)}
        {number(&fields::NEW_INCENTIVE, get, edit)}
        {number(&fields::NEW_SLA, get, edit)}
        {check(move || t().mediator, move || r().mediator, mediator)}
    }
}
