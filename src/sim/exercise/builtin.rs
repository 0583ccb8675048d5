//! The built-in exercises (files under `exercises/`, compiled in) and the default decision menu
//! a trainer starts from when turning a scenario into an exercise.

use super::{Choice, Exercise, Side, Text};
use crate::sim::intervention::{
    AtWeek, ChangeRole, EffortPolicy, Intervention, Renegotiate, TrustRepair,
};
use crate::sim::scenario::{KpiLevel, Obligation, Role};
use crate::sim::Party;
use crate::sim::Scenario;

macro_rules! exercises {
    ($($id:literal),* $(,)?) => {
        /// Every built-in exercise as (id, JSON), in display order.
        pub const BUILTIN: &[(&str, &str)] = &[
            $(($id, include_str!(concat!("../../../exercises/", $id, ".json"))),)*
        ];
    };
}

exercises!["farbo-crisis", "gym-contract", "stale-partnership"];

/// The built-in exercises both sides play (a pair), as (id, JSON): apart from [`BUILTIN`],
/// which the one-player mode offers.
pub const BUILTIN_PAIRS: &[(&str, &str)] = &[
    (
        "farbo-pair",
        include_str!("../../../exercises/farbo-pair.json"),
    ),
    (
        "stale-pair",
        include_str!("../../../exercises/stale-pair.json"),
    ),
];

/// The built-in two-sided exercise with this id, parsed.
pub fn builtin_pair(id: &str) -> Option<Exercise> {
    BUILTIN_PAIRS
        .iter()
        .find(|(i, _)| *i == id)
        .and_then(|(_, json)| Exercise::from_json(json).ok())
}

/// The built-in exercise with this id, parsed. Built-ins are checked by tests, so a broken one
/// fails the tests rather than the app.
pub fn builtin(id: &str) -> Option<Exercise> {
    BUILTIN
        .iter()
        .find(|(i, _)| *i == id)
        .and_then(|(_, json)| Exercise::from_json(json).ok())
}

fn text(en: &str, nl: &str) -> Text {
    Text {
        en: en.into(),
        nl: nl.into(),
    }
}

/// The menu a new exercise starts with, by side: what that side's manager can do.
pub fn default_menu(side: Side) -> Vec<Choice> {
    let repair = |by: Party, compensation: f64, mediator: bool| {
        Intervention::TrustRepair(TrustRepair {
            by,
            compensation,
            mediator,
            ..TrustRepair::default()
        })
    };
    let mut menu = vec![
        Choice {
            id: "repair".into(),
            label: text(
                "Repair trust: apology, explanation, compensation, patience",
                "Vertrouwen herstellen: excuses, uitleg, compensatie, geduld",
            ),
            action: repair(
                if side == Side::Client {
                    Party::Client
                } else {
                    Party::Supplier
                },
                20.0,
                false,
            ),
        },
        Choice {
            id: "mediated_repair".into(),
            label: text(
                "Repair trust with a mediator",
                "Vertrouwen herstellen met een mediator",
            ),
            action: repair(Party::Supplier, 40.0, true),
        },
        Choice {
            id: "results_contract".into(),
            label: text(
                "Renegotiate: a results contract on business goals",
                "Heronderhandelen: resultaatverplichting op bedrijfsdoelen",
            ),
            action: Intervention::Renegotiate(Renegotiate {
                obligation: Some(Obligation::Result),
                kpi_level: Some(KpiLevel::Business),
                incentive_share: Some(0.2),
                mediator: true,
                ..Renegotiate::default()
            }),
        },
        Choice {
            id: "realign".into(),
            label: text(
                "Strategy session to realign goals",
                "Strategiesessie om de doelen op één lijn te brengen",
            ),
            action: Intervention::Realign(AtWeek::default()),
        },
        Choice {
            id: "representative".into(),
            label: text(
                "Appoint a Representative as relationship manager",
                "Een Vertegenwoordiger aanstellen als relatiemanager",
            ),
            action: Intervention::ChangeRole(ChangeRole {
                week: 0,
                role: Role::Representative,
            }),
        },
    ];
    match side {
        Side::Client => menu.push(Choice {
            id: "exit".into(),
            label: text("Leave the contract", "Het contract verlaten"),
            action: Intervention::Exit(AtWeek::default()),
        }),
        Side::Supplier => menu.push(Choice {
            id: "service_commitment".into(),
            label: text(
                "Commit to high customer focus, whatever this quarter's margin says",
                "Hoge klantgerichtheid toezeggen, wat de marge dit kwartaal ook zegt",
            ),
            action: Intervention::EffortPolicy(EffortPolicy::default()),
        }),
    }
    menu
}

impl Exercise {
    /// An exercise made from a scenario by a trainer: the default menu for the side, a decision
    /// every half year and after large incidents. The scenario's own interventions are dropped:
    /// deciding them is now the participant's job.
    pub fn from_scenario(scenario: &Scenario, side: Side) -> Exercise {
        let mut s = scenario.clone();
        s.interventions.clear();
        Exercise {
            id: format!("custom-{}", slug(&s.name)),
            title: Text {
                en: s.name.clone(),
                nl: s.name.clone(),
            },
            briefing: if s.description.trim().is_empty() {
                // A scenario without a story still gets a briefing that says what to do.
                Text {
                    en: "Play this relationship round by round. At each decision moment, choose \
                         what to do next from the menu, or carry on."
                        .into(),
                    nl: "Speel deze relatie ronde voor ronde. Kies op elk beslismoment uit het \
                         menu wat u nu doet, of ga door."
                        .into(),
                }
            } else {
                Text {
                    en: s.description.clone(),
                    nl: s.description.clone(),
                }
            },
            side,
            menu: default_menu(side),
            scenario: s,
            ..Exercise::default()
        }
    }
}

fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() {
        "scenario".into()
    } else {
        s
    }
}
