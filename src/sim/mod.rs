//! The relationship model: scenario, weekly step, ensembles. Pure Rust (std, serde, rand).

mod actions;
pub mod csv;
pub mod deal_map;
mod economics;
mod effort;
pub mod engine;
pub mod ensemble;
mod error;
pub mod exercise;
mod facade;
pub mod fields;
pub mod incident;
pub mod intervention;
pub(crate) mod json;
pub mod link;
pub mod params;
mod participation;
mod plan;
pub mod presets;
pub mod record;
mod rng;
pub mod robust;
mod role;
mod sample;
pub mod scenario;
pub mod series;
mod shocks;
mod state;
pub mod stats;
mod status;
pub mod summary;
pub mod sweep;
pub mod task;
mod terms;
mod trace;
mod validate;
pub mod why;

pub use error::ScenarioError;
pub use facade::{economics_control, effort_cost, reservation, run};
pub use validate::{MAX_EVENTS, MAX_RUNS, MAX_WEEKS};

pub use engine::{Plan, Sim};
pub use ensemble::Ensemble;
pub use incident::{Category, Incident, Kind, Party, Polarity};
pub use intervention::{Intervention, InterventionKind};
pub use record::{Approach, Event, History, Recorder, RelationshipType, Row, Status};
pub use scenario::{Obligation, Role, Scenario};
pub use series::Series;
pub use summary::Summary;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_files_take_defaults_and_unknown_fields_are_rejected() {
        let s = Scenario::from_json(
            r#"{"contract":{"obligation":"result"},"interventions":[{"kind":"trust_repair","week":3,"mediator":true},{"kind":"realign","week":5}]}"#,
        )
        .unwrap();
        assert_eq!(s.contract.obligation, Obligation::Result);
        assert_eq!(s.contract.fee_per_week, 20.0);
        assert_eq!(s.interventions.len(), 2);
        let e = Scenario::from_json(r#"{"interventions":[{"kind":"realign","week":5,"x":1}]}"#);
        assert!(e.unwrap_err().message.contains("unknown field `x`"));
        assert!(Scenario::from_json(r#"{"contrat":{}}"#).is_err());
        let back = Scenario::from_json(&s.to_json()).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn validation_names_the_field_and_the_range() {
        let mut s = Scenario {
            weeks: 600,
            ..Scenario::default()
        };
        s.demand.volatility = f64::NAN;
        let problems = s.problems();
        assert_eq!(problems[0].path, "weeks");
        assert!(problems[0].message.contains("1..=520"));
        assert_eq!(problems[1].path, "demand.volatility");
        let mut s = Scenario::default();
        s.bounds.critical_lower = 0.9;
        assert_eq!(s.validate().unwrap_err().path, "bounds.euphoria_upper");
    }
}
