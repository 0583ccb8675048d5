//! The kinds of contract term: what the supplier is obliged to (effort or results) and what
//! results are measured on. Shared by the scenario and by renegotiation, which may change them.

use serde::{Deserialize, Serialize};

/// Effort obligation (fixed fee, do your best) or result obligation (agreed results, bonus/malus).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Obligation {
    /// *Inspanningsverplichting*: the fee does not depend on results.
    #[default]
    Effort,
    /// *Resultaatverplichting*: part of the fee moves with attainment of the agreed results.
    Result,
}

/// What the agreed results are measured on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiLevel {
    /// Per ticket (statement of work): can be met while users stay unhappy.
    #[default]
    Technical,
    /// On the client's business outcome (statement of objectives).
    Business,
}

impl Obligation {
    /// Both obligations, in the order offered.
    pub const ALL: [Obligation; 2] = [Obligation::Effort, Obligation::Result];

    /// The identifier in scenario files.
    pub fn id(self) -> &'static str {
        match self {
            Obligation::Effort => "effort",
            Obligation::Result => "result",
        }
    }

    /// The obligation with this identifier.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.id() == id)
    }
}

impl KpiLevel {
    /// Both levels, in the order offered.
    pub const ALL: [KpiLevel; 2] = [KpiLevel::Technical, KpiLevel::Business];

    /// The identifier in scenario files.
    pub fn id(self) -> &'static str {
        match self {
            KpiLevel::Technical => "technical",
            KpiLevel::Business => "business",
        }
    }

    /// The level with this identifier.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_scenario_files_names() {
        for o in Obligation::ALL {
            let json = serde_json::to_string(&o).unwrap();
            assert_eq!(json, format!("\"{}\"", o.id()));
            assert_eq!(Obligation::from_id(o.id()), Some(o));
        }
        for k in KpiLevel::ALL {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.id()));
            assert_eq!(KpiLevel::from_id(k.id()), Some(k));
        }
    }
}
