//! The relationship manager's roles (the seed's 2×2 of service and business orientation) with
//! their orientations and default costs. Shared by the scenario and by a change of role.

use serde::{Deserialize, Serialize};

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
    pub fn orientation(self) -> (f64, f64, f64) {
        match self {
            Role::None => (0.0, 0.0, 0.0),
            Role::Butler => (0.9, 0.2, 0.2),
            Role::Accountant => (0.2, 0.2, 0.9),
            Role::Representative => (0.9, 0.9, 0.4),
            Role::Nanny => (0.3, 0.9, 0.3),
        }
    }

    /// The role's weekly cost to the client when the scenario does not set one (k€): the
    /// Representative, senior in both service and business, is the dearest; the Butler, a
    /// service coordinator, the cheapest (reasons in `docs/model.md`).
    pub fn default_cost(self) -> f64 {
        match self {
            Role::None => 0.0,
            Role::Butler => super::params::COST_BUTLER,
            Role::Accountant => super::params::COST_ACCOUNTANT,
            Role::Representative => super::params::COST_REPRESENTATIVE,
            Role::Nanny => super::params::COST_NANNY,
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
