//! The relationship model: scenario, weekly step, ensembles. Pure Rust (std, serde, rand).

mod actions;
pub mod csv;
pub mod deal_map;
mod economics;
mod effort;
pub mod engine;
pub mod ensemble;
pub mod exercise;
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
pub mod robust;
mod role;
mod sample;
pub mod scenario;
pub mod series;
mod shocks;
mod state;
mod status;
pub mod summary;
pub mod sweep;
pub mod task;
mod terms;
mod trace;
mod validate;
pub mod why;

pub use validate::{MAX_EVENTS, MAX_RUNS, MAX_WEEKS};

pub use engine::{Plan, Sim};
pub use ensemble::Ensemble;
pub use incident::{Category, Incident, Kind, Party, Polarity};
pub use intervention::{Intervention, InterventionKind};
pub use record::{Approach, Event, History, Recorder, RelationshipType, Row, Status};
pub use scenario::{Obligation, Role, Scenario};
pub use series::Series;
pub use summary::Summary;

/// The supplier's weekly delivery cost at effort `e` (in-scope work plus fixed cost).
pub fn effort_cost(scenario: &Scenario, e: f64) -> f64 {
    effort::cost(scenario, e)
}

/// The supplier's reservation margin a week (k€) in `scenario` at base fee `fee`, while the
/// market charges its starting fee (see `economics::reservation`).
pub fn reservation(scenario: &Scenario, fee: f64) -> f64 {
    economics::reservation(
        &scenario.clone_light(),
        fee,
        scenario.client.market_fee_per_week,
    )
}

/// The client's control over the supplier's reports with a manager in `role` (its own base
/// level plus the manager's operational control).
pub fn economics_control(p: &params::ModelParams, role: Role) -> f64 {
    economics::control(p, role.orientation(p).2)
}

/// Runs one scenario with its own seed and returns the full history.
pub fn run(scenario: &Scenario) -> History {
    let plan = Plan::new(scenario);
    let mut history = History::default();
    Sim::new(&plan).run(&mut history);
    history
}

/// A scenario that cannot be used, with the field at fault.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioError {
    /// Dotted path of the field, or empty when the whole input is at fault.
    pub path: String,
    /// What is wrong and what is allowed.
    pub message: String,
}

impl ScenarioError {
    /// A JSON error with the path of the field being read when it occurred (the message adds
    /// its line and column). A step the tracker could not name is left out, and an unknown
    /// field is reported at the object it was found in (the message names it).
    /// `what` names the document ("scenario JSON").
    pub(crate) fn from_json(e: serde_path_to_error::Error<serde_json::Error>, what: &str) -> Self {
        use serde_path_to_error::Segment;
        let inner = e.inner().to_string();
        let message = one_line(&format!("invalid {what}: {inner}"));
        let mut segments: Vec<&Segment> = e.path().iter().collect();
        if inner.starts_with("unknown field") {
            segments.pop();
        }
        let mut path = String::new();
        for segment in segments {
            match segment {
                Segment::Seq { index } => path.push_str(&format!("[{index}]")),
                Segment::Map { key } | Segment::Enum { variant: key } => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&one_line(key));
                }
                _ => {}
            }
        }
        Self { path, message }
    }

    /// Text after the document's closing brace.
    pub(crate) fn from_json_end(e: serde_json::Error, what: &str) -> Self {
        Self {
            path: String::new(),
            message: format!("invalid {what}: {e}"),
        }
    }
}

/// `text` with control characters escaped (`\n`), so that an error quoting the input (an
/// unknown variant's name) stays on one line.
fn one_line(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let escaped = c.is_control().then(|| c.escape_default());
            escaped
                .into_iter()
                .flatten()
                .chain((!c.is_control()).then_some(c))
        })
        .collect()
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ScenarioError {}

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
