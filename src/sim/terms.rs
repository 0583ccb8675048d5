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
