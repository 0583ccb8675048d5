//! The scenario: every input of the model as plain serde data with its default.
//!
//! Every struct denies unknown fields so that a typo in a scenario file is an error instead of a
//! silently ignored setting, and every field has a default so that a partial file is valid.

use serde::{Deserialize, Serialize};

use super::incident::Incident;
use super::intervention::Intervention;
pub use super::role::Role;
pub use super::terms::{KpiLevel, Obligation};

/// The scenario format version this build writes. Version 1 files (before the client's market
/// fee and value, and role-dependent manager costs) still load: the new fields take their
/// defaults, and an omitted manager cost is the role's default in both versions.
pub const SCHEMA_VERSION: u32 = 2;

/// A complete simulation input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    /// Format version; files without it are read as version 1.
    pub schema_version: u32,
    /// Display name.
    pub name: String,
    /// The story this scenario tells, in a few sentences.
    pub description: String,
    /// Seed of the random generator: the same seed gives the same run.
    pub seed: u64,
    /// Number of simulated weeks (1..=520).
    pub weeks: u32,
    /// Contract terms.
    pub contract: Contract,
    /// The client's demand for the service.
    pub demand: Demand,
    /// The supplier's costs and disposition.
    pub supplier: Supplier,
    /// The client's priorities.
    pub client: Client,
    /// The relationship manager.
    pub manager: Manager,
    /// The bounds the relationship should stay within.
    pub bounds: Bounds,
    /// Expected random incidents per year for each category.
    pub random_rates: RandomRates,
    /// Scripted incidents.
    pub incidents: Vec<Incident>,
    /// Timed interventions.
    pub interventions: Vec<Intervention>,
    /// Overrides of the model's constants (name → value; see `relsim params`). Omitted when
    /// empty, so files and links without it keep loading unchanged.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub model: super::params::Overrides,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            name: "Default".into(),
            description: String::new(),
            seed: 1,
            weeks: 260,
            contract: Contract::default(),
            demand: Demand::default(),
            supplier: Supplier::default(),
            client: Client::default(),
            manager: Manager::default(),
            bounds: Bounds::default(),
            random_rates: RandomRates::default(),
            incidents: Vec::new(),
            interventions: Vec::new(),
            model: Default::default(),
        }
    }
}

/// Contract terms.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Contract {
    /// Fixed fee in k€ per week.
    pub fee_per_week: f64,
    /// Effort or result obligation.
    pub obligation: Obligation,
    /// Under `result`: share of the fee that moves with results.
    pub incentive_share: f64,
    /// Agreed share of requests resolved in time.
    pub sla_target: f64,
    /// Distance from target at which bonus or malus reaches its cap.
    pub incentive_band: f64,
    /// Technical or business KPIs.
    pub kpi_level: KpiLevel,
    /// Margin on out-of-scope work (*meerwerk*).
    pub extra_work_markup: f64,
    /// Contract term in weeks; the renewal decision falls at its end.
    pub term_weeks: u32,
    /// Earliest week the client may leave early, if any.
    pub opt_out_week: Option<u32>,
    /// k€ the client pays when leaving early.
    pub exit_fee: f64,
}

impl Default for Contract {
    fn default() -> Self {
        Self {
            fee_per_week: 20.0,
            obligation: Obligation::Effort,
            incentive_share: 0.2,
            sla_target: 0.9,
            incentive_band: 0.3,
            kpi_level: KpiLevel::Technical,
            extra_work_markup: 0.3,
            term_weeks: 260,
            opt_out_week: None,
            exit_fee: 0.0,
        }
    }
}

/// The client's demand.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Demand {
    /// Requests per week.
    pub requests_per_week: f64,
    /// Share of requests outside the contract's scope (paid extra work).
    pub out_of_scope_share: f64,
    /// How often the client changes its wishes.
    pub volatility: f64,
}

impl Default for Demand {
    fn default() -> Self {
        Self {
            requests_per_week: 100.0,
            out_of_scope_share: 0.1,
            volatility: 0.2,
        }
    }
}

/// The supplier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Supplier {
    /// k€ per request at full effort.
    pub cost_per_request: f64,
    /// k€ per week regardless of effort.
    pub fixed_cost_per_week: f64,
    /// Weight on keeping the client beyond this contract versus this quarter's margin.
    pub horizon: f64,
    /// This client's share of the supplier's revenue: the attention it can buy.
    pub client_share: f64,
    /// How well the two organisations' cultures fit.
    pub culture_fit: f64,
    /// Initial trust of both parties.
    pub track_record: f64,
    /// The floor that working by the book guarantees.
    pub min_effort: f64,
}

impl Default for Supplier {
    fn default() -> Self {
        Self {
            cost_per_request: 0.05,
            fixed_cost_per_week: 12.0,
            horizon: 0.3,
            client_share: 0.1,
            culture_fit: 0.6,
            track_record: 0.6,
            min_effort: 0.3,
        }
    }
}

/// The client.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Client {
    /// Weight of cost in the client's business judgement.
    pub budget_pressure: f64,
    /// The service level users actually need.
    pub need: f64,
    /// k€ per week comparable service costs on the market: what the client judges the price by.
    pub market_fee_per_week: f64,
    /// k€ per week the service is worth to the client's business when quality meets the need
    /// and goals are fully aligned: the scale of the client's net value.
    pub value_per_week: f64,
}

impl Default for Client {
    fn default() -> Self {
        Self {
            budget_pressure: 0.3,
            need: 0.85,
            market_fee_per_week: 20.0,
            value_per_week: 30.0,
        }
    }
}

/// The relationship manager.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Manager {
    /// The manager's role.
    pub role: Role,
    /// k€ per week the client pays for the manager (only when a role is set); when omitted,
    /// the default of the role in force ([`Role::default_cost`]), also after a change of role.
    /// Written as `null` when omitted, so that the field stays visible in saved files.
    pub cost_per_week: Option<f64>,
}

impl Manager {
    /// The weekly cost of a manager in `role` under a weekly `fee`: the scenario's cost when
    /// set, else the role's default; nothing without a role.
    pub fn cost(&self, role: Role, p: &super::params::ModelParams, fee: f64) -> f64 {
        match role {
            Role::None => 0.0,
            _ => self.cost_per_week.unwrap_or(role.default_cost(p, fee)),
        }
    }
}

impl Default for Manager {
    fn default() -> Self {
        Self {
            role: Role::None,
            cost_per_week: None,
        }
    }
}

/// The bounds the relationship should stay within.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Bounds {
    /// Critical lower bound of appreciation.
    pub critical_lower: f64,
    /// Euphoria upper bound of appreciation.
    pub euphoria_upper: f64,
    /// Weeks outside the bounds before structural damage.
    pub tolerance_weeks: u32,
}

impl Default for Bounds {
    fn default() -> Self {
        Self {
            critical_lower: 0.35,
            euphoria_upper: 0.85,
            tolerance_weeks: 13,
        }
    }
}

/// Expected random incidents per year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RandomRates {
    /// External incidents per year.
    pub external: f64,
    /// Interpersonal incidents per year.
    pub interpersonal: f64,
    /// Business incidents per year.
    pub business: f64,
}

impl Default for RandomRates {
    fn default() -> Self {
        Self {
            external: 1.0,
            interpersonal: 3.0,
            business: 4.0,
        }
    }
}

impl Scenario {
    /// The model's constants for this scenario: the defaults with its `model` overrides.
    pub fn params(&self) -> super::params::ModelParams {
        super::params::ModelParams::with(&self.model)
    }

    /// Parses a scenario from JSON and validates it.
    pub fn from_json(text: &str) -> Result<Scenario, super::ScenarioError> {
        // The path tracker names the field a type error is in, not just its line and column.
        // serde would also read a struct from an array of its fields in order; a scenario file
        // is an object, and anything else is refused before it can be half understood.
        if !text.trim_start().starts_with('{') {
            return Err(super::ScenarioError {
                path: String::new(),
                message: "invalid scenario JSON: a scenario is a JSON object, { … }".into(),
            });
        }
        let scenario: Scenario = super::json::read(text, "scenario JSON")?;
        scenario.validate()?;
        Ok(scenario.migrated())
    }

    /// The scenario in the current format. Version 1 → 2 moves nothing: the new inputs (market
    /// fee, value of the service) take their defaults when the file lacks them, and a manager
    /// cost the file states is kept, so an old link runs with the terms it was written with.
    fn migrated(mut self) -> Self {
        self.schema_version = SCHEMA_VERSION;
        self
    }

    /// Pretty JSON of this scenario.
    pub fn to_json(&self) -> String {
        super::json::pretty(self)
    }
}
