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

    /// The role's weekly cost to the client at this weekly fee when the scenario does not set
    /// one (k€): a fixed part plus a share of the fee (a larger contract needs more of her); the
    /// Representative, senior in both service and business, is the dearest; the Butler, a
    /// service coordinator, the cheapest (reasons in `docs/model.md`).
    pub fn default_cost(self, p: &ModelParams, fee: f64) -> f64 {
        let (fixed, share) = match self {
            Role::None => return 0.0,
            Role::Butler => (p.cost_butler, p.cost_butler_share),
            Role::Accountant => (p.cost_accountant, p.cost_accountant_share),
            Role::Representative => (p.cost_representative, p.cost_representative_share),
            Role::Nanny => (p.cost_nanny, p.cost_nanny_share),
        };
        fixed + share * fee
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
