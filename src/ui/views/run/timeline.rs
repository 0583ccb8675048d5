//! The incident timeline: a strip under the relationship chart with every scripted incident as
//! a marker (shape by polarity, colour by category), the run's random incidents (hollow) and the
//! interventions; click the strip to add an incident at that week, click a marker to edit it.

use crate::text::names;
use leptos::prelude::*;

use crate::text::Problem;

use crate::chart;
use crate::sim::fields;
use crate::sim::{Category, Event, Incident, Kind, Party, Polarity};
use crate::text::events::describe;
use crate::ui::app::state::{t, use_state, Editing};
use crate::ui::widgets::inline::{number, select, ItemEdit};

fn category_class(c: Category) -> &'static str {
    match c {
        Category::External => "cat-external",
        Category::Interpersonal => "cat-interpersonal",
        Category::Business => "cat-business",
    }
}

/// Horizontal position of a week on the strip, aligned with the charts' plotting area.
fn left(week: u32, weeks: u32) -> String {
    let f = (week as f64 + 0.5) / weeks.max(1) as f64;
    format!(
        "left:calc({}px + (100% - {}px) * {f:.4})",
        chart::PLOT_LEFT,
        chart::PLOT_LEFT + chart::PLOT_RIGHT
    )
}

/// Adds a scripted incident at `week` and opens it in the editor.
fn add_incident(week: u32) {
    let state = use_state();
    let n = state.scenario.with_untracked(|s| s.incidents.len());
    let incident = Incident {
        week,
        category: Category::Interpersonal,
        kind: Kind::PoorCooperation,
        polarity: Polarity::Negative,
        magnitude: 0.4,
        party: Party::Client,
        note: String::new(),
    };
    if state.edit(|s| s.incidents.push(incident)).is_ok() {
        state.editing.set(Some(Editing::Incident(n)));
    }
}

/// The strip with its markers.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = use_state();
    let weeks = move || state.scenario.with(|s| s.weeks);
    let strip = NodeRef::<leptos::html::Div>::new();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        // Events are delegated, so measure the strip itself rather than the event's target.
        let Some(el) = strip.get() else { return };
        let rect = el.get_bounding_client_rect();
        let x = ev.client_x() as f64 - rect.left();
        if let Some(w) = chart::week_at(x, rect.width(), weeks() as usize) {
            add_incident(w as u32);
        }
    };
    let scripted = move || {
        state.scenario.with(|s| {
            s.incidents
                .iter()
                .enumerate()
                .map(|(i, inc)| {
                    let label =
                        format!("{} {}: {}", t().week, inc.week, names::kind(inc.kind, t()));
                    let up = inc.polarity == Polarity::Positive;
                    let selected = move || state.editing.get() == Some(Editing::Incident(i));
                    view! {
                        <button
                            type="button"
                            class=format!("marker {}", category_class(inc.category))
                            class:selected=selected
                            style=left(inc.week, s.weeks)
                            title=label.clone()
                            aria-label=label
                            on:click=move |ev| {
                                ev.stop_propagation();
                                state.editing.set(Some(Editing::Incident(i)));
                            }
                        >
                            {if up { "▲" } else { "▼" }}
                        </button>
                    }
                })
                .collect_view()
        })
    };
    let random = move || {
        let weeks = weeks();
        state.history.with(|h| {
            h.events
                .iter()
                .filter_map(|(w, e)| match e {
                    Event::Incident {
                        incident,
                        random: true,
                    } => Some((*w, incident.clone(), describe(e, t()))),
                    _ => None,
                })
                .map(|(w, inc, text)| {
                    let up = inc.polarity == Polarity::Positive;
                    view! {
                        <span
                            class=format!("marker random {}", category_class(inc.category))
                            style=left(w, weeks)
                            title=format!("{} {w}: {text}", t().week)
                        >
                            {if up { "△" } else { "▽" }}
                        </span>
                    }
                })
                .collect_view()
        })
    };
    let interventions = move || {
        state.scenario.with(|s| {
            s.interventions
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    let label = format!(
                        "{} {}: {}",
                        t().week,
                        x.week(),
                        names::intervention_id(x.kind_id(), t())
                    );
                    view! {
                        <button
                            type="button"
                            class="marker intervention"
                            style=left(x.week(), s.weeks)
                            title=label.clone()
                            aria-label=label
                            on:click=move |ev| {
                                ev.stop_propagation();
                                state.editing.set(Some(Editing::Intervention(i)));
                            }
                        >
                            "◆"
                        </button>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="timeline">
            <div
                class="strip"
                data-testid="timeline"
                node_ref=strip
                on:click=on_click
                role="group"
                aria-label=move || t().sec_incidents
            >
                {scripted}
                {random}
                {interventions}
            </div>
            <div class="timeline-bar">
                <p class="hint">{move || t().timeline_hint}</p>
                <button
                    type="button"
                    data-testid="add-incident"
                    on:click=move |_| add_incident(
                        state.hover.get_untracked().unwrap_or(26).min(weeks() as usize - 1) as u32,
                    )
                >
                    {move || t().add_incident}
                </button>
            </div>
            <IncidentEditor />
        </div>
    }
}

/// An empty incident, shown for a moment while a deleted one's form closes.
fn placeholder() -> Incident {
    Incident {
        week: 0,
        category: Category::External,
        kind: Kind::MarketChange,
        polarity: Polarity::Positive,
        magnitude: 0.0,
        party: Party::Client,
        note: String::new(),
    }
}

/// The form for the selected scripted incident.
#[component]
fn IncidentEditor() -> impl IntoView {
    let state = use_state();
    let index = move || match state.editing.get() {
        Some(Editing::Incident(i)) if state.scenario.with(|s| i < s.incidents.len()) => Some(i),
        _ => None,
    };
    move || {
        let i = index()?;
        let get = move || {
            state
                .scenario
                .with(|s| s.incidents.get(i).cloned())
                .unwrap_or_else(placeholder)
        };
        let edit = move |f: ItemEdit<Incident>| {
            state.edit(|s| {
                if let Some(x) = s.incidents.get_mut(i) {
                    f(x)
                }
            })
        };
        let title = move || format!("{} — {} {}", t().sec_incidents, t().week, get().week);
        Some(view! {
            <form class="editor-form" data-testid="incident-form" on:submit=|ev| ev.prevent_default()>
                <h3>{title}</h3>
                <div class="form-grid">
                    {number(&fields::INCIDENT_WEEK, get, edit)} {incident_selects(get, edit)}
                    {number(&fields::MAGNITUDE, get, edit)} {party_select(get, edit)}
                    <label class="mini wide">
                        <span>{move || t().note}</span>
                        <input
                            type="text"
                            maxlength=fields::MAX_NOTE_CHARS.to_string()
                            prop:value=move || get().note
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let _ = edit(Box::new(move |x| x.note = v));
                            }
                        />
                    </label>
                </div>
                <IncidentActions index=i />
            </form>
        })
    }
}

/// Category, kind and polarity of an incident; a new category picks its first kind.
fn incident_selects(
    get: impl Fn() -> Incident + Send + Sync + Copy + 'static,
    edit: impl Fn(ItemEdit<Incident>) -> Result<(), Problem> + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let categories = move || {
        let names = Category::ALL
            .iter()
            .map(|c| (c.id(), names::category(*c, t()).to_string()));
        names.collect()
    };
    let set_category = move |v: String| {
        edit(Box::new(move |x| {
            if let Some(c) = Category::ALL.into_iter().find(|c| c.id() == v) {
                x.category = c;
                if x.kind.category() != c {
                    x.kind = Kind::of(c).next().unwrap_or(x.kind);
                }
            }
        }))
    };
    let kinds = move || {
        Kind::of(get().category)
            .map(|k| (k.id(), t().kind(k).to_string()))
            .collect()
    };
    let set_kind = move |v: String| {
        edit(Box::new(move |x| {
            if let Some(k) = Kind::ALL.iter().find(|k| k.id() == v) {
                x.kind = *k;
            }
        }))
    };
    let polarities = move || {
        vec![
            (polarity_id(Polarity::Positive), t().positive.to_string()),
            (polarity_id(Polarity::Negative), t().negative.to_string()),
        ]
    };
    let set_polarity = move |v: String| {
        edit(Box::new(move |x| {
            x.polarity = if v == polarity_id(Polarity::Positive) {
                Polarity::Positive
            } else {
                Polarity::Negative
            }
        }))
    };
    view! {
        {select(move || t().category, categories, move || get().category.id(), set_category)}
        {select(move || t().kind, kinds, move || get().kind.id(), set_kind)}
        {select(move || t().polarity, polarities, move || polarity_id(get().polarity), set_polarity)}
    }
}

fn polarity_id(p: Polarity) -> &'static str {
    match p {
        Polarity::Positive => "positive",
        Polarity::Negative => "negative",
    }
}

/// The party an incident lands on.
fn party_select(
    get: impl Fn() -> Incident + Send + Sync + Copy + 'static,
    edit: impl Fn(ItemEdit<Incident>) -> Result<(), Problem> + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let parties = move || {
        [Party::Client, Party::Supplier]
            .map(|p| (p.id(), names::party(p, t()).to_string()))
            .to_vec()
    };
    let set = move |v: String| {
        edit(Box::new(move |x| {
            x.party = if v == Party::Client.id() {
                Party::Client
            } else {
                Party::Supplier
            }
        }))
    };
    select(move || t().party, parties, move || get().party.id(), set)
}

/// Earlier, later, delete and close for the incident at `index`.
#[component]
fn IncidentActions(index: usize) -> impl IntoView {
    let state = use_state();
    let shift = move |d: i64| {
        let _ = state.edit(|s| {
            if let Some(x) = s.incidents.get_mut(index) {
                x.week = (x.week as i64 + d).max(0) as u32;
            }
        });
    };
    let delete = move |_| {
        state.editing.set(None);
        let _ = state.edit(|s| {
            if index < s.incidents.len() {
                s.incidents.remove(index);
            }
        });
    };
    view! {
        <div class="form-actions">
            <button type="button" on:click=move |_| shift(-1)>
                {move || t().earlier}
            </button>
            <button type="button" on:click=move |_| shift(1)>
                {move || t().later}
            </button>
            <button type="button" class="danger" data-testid="delete-incident" on:click=delete>
                {move || t().delete}
            </button>
            <button type="button" on:click=move |_| state.editing.set(None)>
                {move || t().close}
            </button>
        </div>
    }
}
