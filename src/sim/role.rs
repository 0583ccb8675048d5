//! The relationship manager's roles (the seed's 2×2 of service and business orientation) with
//! their orientations and default costs. Shared by the scenario and by a change of role.

use serde::{Deserialize, Serialize};

use super::params::ModelParams;

/// The relationship manager's role.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// No relationship manager.
    #[default]
    None,
    /// Service-minded, keeps everyone content.
    Butler,
    /// Controls delivery and numbers.
    Accountant,
    /// Service- and business-minded: represents the client's interests in both.
    Representative,
    /// Business-minded guardian of the goals.
    Nanny,
}

impl Role {
    /// All roles in display order.
    pub const ALL: [Role; 5] = [
        Role::None,
        Role::Butler,
        Role::Accountant,
        Role::Representative,
        Role::Nanny,
    ];

    /// (service orientation, business orientation, operational control).
    pub fn orientation(self, p: &ModelParams) -> (f64, f64, f64) {
        match self {
            Role::None => (0.0, 0.0, 0.0),
            Role::Butler => (p.butler_service, p.butler_business, p.butler_control),
            Role::Accountant => (
                p.accountant_service,
                p.accountant_business,
                p.accountant_control,
            ),
            Role::Representative => (
                p.representative_service,
                p.representative_business,
                p.representative_control,
            ),
            Role::Nanny => (p.nanny_service, p.nanny_business, p.nanny_control),
        }
    }

    /// The role's weekly cost to the client when the scenario does not set one (k€): the
    /// Representative, senior in both service and business, is the dearest; the Butler, a
    /// service coordinator, the cheapest (reasons in `docs/model.md`).
    pub fn default_cost(self, p: &ModelParams) -> f64 {
        match self {
            Role::None => 0.0,
            Role::Butler => p.cost_butler,
            Role::Accountant => p.cost_accountant,
            Role::Representative => p.cost_representative,
            Role::Nanny => p.cost_nanny,
        }
    }

    /// The identifier used in scenario files.
    pub fn id(self) -> &'static str {
        match self {
            Role::None => "none",
            Role::Butler => "butler",
            Role::Accountant => "accountant",
            Role::Representative => "representative",
            Role::Nanny => "nanny",
        }
    }
}
