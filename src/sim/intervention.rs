//! Timed interventions: trust repair, renegotiation, realignment, a new manager, the supplier's
//! effort policy, the client's escalation, exit by either party.

use serde::{Deserialize, Serialize};

use super::incident::Party;
use super::role::Role;
use super::terms::{KpiLevel, Obligation};

/// A timed action by one or both parties; each costs money and is recorded as an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Intervention {
    /// A trust-repair process by the party that erred, in five switchable steps.
    TrustRepair(TrustRepair),
    /// New contract terms from this week; needs the will of both parties.
    Renegotiate(Renegotiate),
    /// A strategy session that realigns the parties' goals.
    Realign(AtWeek),
    /// A different relationship manager from this week.
    ChangeRole(ChangeRole),
    /// The supplier's account manager commits to a least customer focus from this week.
    EffortPolicy(EffortPolicy),
    /// The client leaves.
    Exit(AtWeek),
    /// The client starts the escalation procedure: the contract is at stake.
    Escalate(AtWeek),
    /// The supplier leaves: through an open opt-out, or else by breaking the contract.
    SupplierExit(AtWeek),
}

impl Intervention {
    /// The week the intervention takes effect.
    pub fn week(&self) -> u32 {
        match self {
            Intervention::TrustRepair(x) => x.week,
            Intervention::Renegotiate(x) => x.week,
            Intervention::Realign(x)
            | Intervention::Exit(x)
            | Intervention::Escalate(x)
            | Intervention::SupplierExit(x) => x.week,
            Intervention::ChangeRole(x) => x.week,
            Intervention::EffortPolicy(x) => x.week,
        }
    }

    /// Moves the intervention to `week`.
    pub fn set_week(&mut self, week: u32) {
        match self {
            Intervention::TrustRepair(x) => x.week = week,
            Intervention::Renegotiate(x) => x.week = week,
            Intervention::Realign(x)
            | Intervention::Exit(x)
            | Intervention::Escalate(x)
            | Intervention::SupplierExit(x) => x.week = week,
            Intervention::ChangeRole(x) => x.week = week,
            Intervention::EffortPolicy(x) => x.week = week,
        }
    }

    /// The identifier of its kind.
    pub fn kind_id(&self) -> &'static str {
        match self {
            Intervention::TrustRepair(_) => "trust_repair",
            Intervention::Renegotiate(_) => "renegotiate",
            Intervention::Realign(_) => "realign",
            Intervention::ChangeRole(_) => "change_role",
            Intervention::EffortPolicy(_) => "effort_policy",
            Intervention::Exit(_) => "exit",
            Intervention::Escalate(_) => "escalate",
            Intervention::SupplierExit(_) => "supplier_exit",
        }
    }
}

/// An intervention that needs nothing but its week.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AtWeek {
    /// Week it takes effect.
    pub week: u32,
}

/// The five steps of repairing trust, each switchable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TrustRepair {
    /// Week the process starts.
    pub week: u32,
    /// The party that erred and leads the repair; the other party's trust is repaired.
    pub by: Party,
    /// Step 1: apologise.
    pub apologise: bool,
    /// Whether the apology is sincere (an insincere one hurts).
    pub sincere: bool,
    /// Step 2: explain what happened.
    pub explain: bool,
    /// Honest explanation taking responsibility (heals the scar) versus blaming others.
    pub honest: bool,
    /// Step 3: correct with compensation.
    pub correct: bool,
    /// Compensation in k€ paid by the erring party.
    pub compensation: f64,
    /// Step 4: silence — do not raise the past again.
    pub silence: bool,
    /// Step 5: weeks of patience during which trust grows faster.
    pub patience_weeks: u32,
    /// A neutral mediator guides the process.
    pub mediator: bool,
}

impl Default for TrustRepair {
    fn default() -> Self {
        Self {
            week: 0,
            by: Party::Supplier,
            apologise: true,
            sincere: true,
            explain: true,
            honest: true,
            correct: true,
            compensation: 20.0,
            silence: true,
            patience_weeks: 26,
            mediator: false,
        }
    }
}

/// New contract terms; fields left out keep their current value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Renegotiate {
    /// Week the new terms start.
    pub week: u32,
    /// New fee per week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee_per_week: Option<f64>,
    /// New obligation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub obligation: Option<Obligation>,
    /// New incentive share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incentive_share: Option<f64>,
    /// New SLA target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sla_target: Option<f64>,
    /// New KPI level (business = statement of objectives).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kpi_level: Option<KpiLevel>,
    /// New extra-work markup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra_work_markup: Option<f64>,
    /// A mediator helps the negotiation (raises both parties' will).
    pub mediator: bool,
}

/// A new relationship manager.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChangeRole {
    /// Week the new manager starts.
    pub week: u32,
    /// The new role.
    pub role: Role,
}

/// The supplier's effort policy: from `week` its account manager delivers at least `min_effort`
/// (customer focus, 0..=1) whatever the short-term margin says. Above that floor the supplier
/// still chooses as before; a later policy replaces this one (0 lifts the commitment).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EffortPolicy {
    /// Week the policy starts.
    pub week: u32,
    /// The least effort the supplier commits to.
    pub min_effort: f64,
}

impl Default for EffortPolicy {
    fn default() -> Self {
        // A clear commitment to service: well above what a fixed fee alone makes worth it.
        Self {
            week: 0,
            min_effort: 0.8,
        }
    }
}

/// The kinds of intervention, named by `match` so that a new kind does not compile until the
/// interface offers and names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InterventionKind {
    /// Trust repair in five steps.
    TrustRepair,
    /// New contract terms.
    Renegotiate,
    /// A strategy session.
    Realign,
    /// A different relationship manager.
    ChangeRole,
    /// The supplier commits to a least effort.
    EffortPolicy,
    /// The client leaves.
    Exit,
    /// The client escalates.
    Escalate,
    /// The supplier leaves.
    SupplierExit,
}

impl InterventionKind {
    /// Every kind, in the order offered.
    pub const ALL: [InterventionKind; 8] = [
        InterventionKind::TrustRepair,
        InterventionKind::Renegotiate,
        InterventionKind::Realign,
        InterventionKind::ChangeRole,
        InterventionKind::EffortPolicy,
        InterventionKind::Escalate,
        InterventionKind::Exit,
        InterventionKind::SupplierExit,
    ];

    /// The kind of an intervention.
    pub fn of(x: &Intervention) -> Self {
        match x {
            Intervention::TrustRepair(_) => InterventionKind::TrustRepair,
            Intervention::Renegotiate(_) => InterventionKind::Renegotiate,
            Intervention::Realign(_) => InterventionKind::Realign,
            Intervention::ChangeRole(_) => InterventionKind::ChangeRole,
            Intervention::EffortPolicy(_) => InterventionKind::EffortPolicy,
            Intervention::Exit(_) => InterventionKind::Exit,
            Intervention::Escalate(_) => InterventionKind::Escalate,
            Intervention::SupplierExit(_) => InterventionKind::SupplierExit,
        }
    }

    /// A new intervention of this kind at `week`, with the defaults the form starts from.
    pub fn create(self, week: u32) -> Intervention {
        match self {
            InterventionKind::TrustRepair => Intervention::TrustRepair(TrustRepair {
                week,
                ..TrustRepair::default()
            }),
            InterventionKind::Renegotiate => Intervention::Renegotiate(Renegotiate {
                week,
                obligation: Some(Obligation::Result),
                ..Renegotiate::default()
            }),
            InterventionKind::Realign => Intervention::Realign(AtWeek { week }),
            InterventionKind::ChangeRole => Intervention::ChangeRole(ChangeRole {
                week,
                role: Role::Representative,
            }),
            InterventionKind::EffortPolicy => Intervention::EffortPolicy(EffortPolicy {
                week,
                ..EffortPolicy::default()
            }),
            InterventionKind::Exit => Intervention::Exit(AtWeek { week }),
            InterventionKind::Escalate => Intervention::Escalate(AtWeek { week }),
            InterventionKind::SupplierExit => Intervention::SupplierExit(AtWeek { week }),
        }
    }

    /// The identifier used in scenario files and events.
    pub fn id(self) -> &'static str {
        self.create(0).kind_id()
    }

    /// The kind with this identifier.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }
}
