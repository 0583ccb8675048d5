//! The guided tour's small scenarios: one idea per step, each a short run with a single input the
//! visitor moves. Plain data and functions over `sim`, so native tests can check that every step
//! shows what its text claims; the web app draws them (`ui::tour`).

use crate::sim::incident::{Incident, Kind, Party, Polarity};
use crate::sim::intervention::{Intervention, TrustRepair};
use crate::sim::scenario::{Obligation, RandomRates, Role};
use crate::sim::Scenario;

/// The one control of a step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Control {
    /// A slider over `min..=max` in steps of `step`, starting at `initial`.
    Slider {
        /// Lowest value.
        min: f64,
        /// Highest value.
        max: f64,
        /// Step between values.
        step: f64,
        /// Value the step opens with.
        initial: f64,
        /// How the value reads.
        show: Show,
    },
    /// Effort (0) or result (1) obligation.
    Obligation {
        /// Index the step opens with.
        initial: usize,
    },
    /// A relationship-manager role, as an index into `Role::ALL`.
    Role {
        /// Index the step opens with.
        initial: usize,
    },
}

impl Control {
    /// The value the step opens with.
    pub fn initial(self) -> f64 {
        match self {
            Control::Slider { initial, .. } => initial,
            Control::Obligation { initial } | Control::Role { initial } => initial as f64,
        }
    }
}

/// How a slider's value reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// Signed number with one decimal.
    Signed,
    /// Share as a percentage.
    Percent,
    /// Whole weeks.
    Weeks,
    /// Plain number with one decimal.
    Number,
    /// Whole count.
    Count,
}

/// Which run chart a step draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    /// Relationship line, appreciations and bounds.
    Relationship,
    /// Customer focus and service.
    Focus,
    /// Trust and alignment.
    Trust,
}

/// One step of the tour.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    /// The chart drawn.
    pub chart: Chart,
    /// The step's one control.
    pub control: Control,
    /// The scenario for a value of the control.
    pub build: fn(f64) -> Scenario,
}

/// The steps in order (their texts are `SiteStrings::tour`, in the same order).
pub const STEPS: [Step; 8] = [
    Step {
        chart: Chart::Relationship,
        control: Control::Slider {
            min: -1.0,
            max: 1.0,
            step: 0.1,
            initial: -0.6,
            show: Show::Signed,
        },
        build: incident_step,
    },
    Step {
        chart: Chart::Relationship,
        control: Control::Slider {
            min: 0.1,
            max: 0.6,
            step: 0.05,
            initial: 0.2,
            show: Show::Percent,
        },
        build: bounds_step,
    },
    Step {
        chart: Chart::Relationship,
        control: Control::Slider {
            min: 1.0,
            max: 30.0,
            step: 1.0,
            initial: 26.0,
            show: Show::Weeks,
        },
        build: degrade_step,
    },
    Step {
        chart: Chart::Focus,
        control: Control::Obligation { initial: 0 },
        build: contract_step,
    },
    Step {
        chart: Chart::Relationship,
        control: Control::Role { initial: 0 },
        build: role_step,
    },
    Step {
        chart: Chart::Trust,
        control: Control::Slider {
            min: 0.2,
            max: 1.0,
            step: 0.1,
            initial: 0.6,
            show: Show::Number,
        },
        build: trust_step,
    },
    Step {
        chart: Chart::Trust,
        control: Control::Slider {
            min: 0.0,
            max: 5.0,
            step: 1.0,
            initial: 0.0,
            show: Show::Count,
        },
        build: repair_step,
    },
    Step {
        chart: Chart::Relationship,
        control: Control::Obligation { initial: 0 },
        build: explore_step,
    },
];

/// Two quiet years: no chance incidents, a contract that runs past the horizon, a result
/// contract so that the line holds steady until something happens.
fn quiet() -> Scenario {
    let mut s = Scenario {
        name: "Tour".into(),
        weeks: 104,
        seed: 7,
        random_rates: RandomRates {
            external: 0.0,
            interpersonal: 0.0,
            business: 0.0,
        },
        ..Scenario::default()
    };
    s.contract.term_weeks = 520;
    s.contract.obligation = Obligation::Result;
    s
}

fn incident(week: u32, kind: Kind, polarity: Polarity, magnitude: f64, party: Party) -> Incident {
    Incident {
        week,
        category: kind.category(),
        kind,
        polarity,
        magnitude: magnitude.clamp(0.0, 1.0),
        party,
        note: String::new(),
    }
}

/// Step 1: one interpersonal incident in week 26, its sign and size set by `v` in −1..=1.
pub fn incident_step(v: f64) -> Scenario {
    let mut s = quiet();
    if v.abs() >= 0.05 {
        let (kind, polarity) = if v < 0.0 {
            (Kind::InterpersonalConflict, Polarity::Negative)
        } else {
            (Kind::GoodCooperation, Polarity::Positive)
        };
        s.incidents
            .push(incident(26, kind, polarity, v.abs(), Party::Client));
    }
    s
}

/// Step 2: a late delivery and a quarrel that pull the line down; `v` is the critical lower
/// bound.
pub fn bounds_step(v: f64) -> Scenario {
    let mut s = quiet();
    s.bounds.critical_lower = v.clamp(0.0, 0.8);
    for (week, kind, m) in [
        (30, Kind::DeliveryDelay, 1.0),
        (31, Kind::InterpersonalConflict, 1.0),
        (34, Kind::QualityShortfall, 0.8),
        (38, Kind::RequestsIgnored, 0.8),
    ] {
        s.incidents
            .push(incident(week, kind, Polarity::Negative, m, Party::Client));
    }
    s
}

/// Step 3: the same dip below a raised lower bound; `v` is the tolerance in weeks.
pub fn degrade_step(v: f64) -> Scenario {
    let mut s = bounds_step(0.35);
    s.bounds.tolerance_weeks = v.round().clamp(1.0, 52.0) as u32;
    s
}

/// Step 4: a fixed fee (0) against result agreements (1).
pub fn contract_step(v: f64) -> Scenario {
    let mut s = quiet();
    s.contract.obligation = if v >= 0.5 {
        Obligation::Result
    } else {
        Obligation::Effort
    };
    s
}

/// Step 5: three years of chance incidents under the role `Role::ALL[v]`.
pub fn role_step(v: f64) -> Scenario {
    let mut s = quiet();
    s.weeks = 156;
    s.random_rates = RandomRates {
        external: 1.5,
        interpersonal: 4.0,
        business: 4.0,
    };
    s.manager.role = Role::ALL[(v.round().max(0.0) as usize).min(Role::ALL.len() - 1)];
    s
}

/// Step 6: a good experience in week 20 and a bad one of the same size `v` in week 60.
pub fn trust_step(v: f64) -> Scenario {
    let mut s = quiet();
    s.incidents.push(incident(
        20,
        Kind::HelpBeyondContract,
        Polarity::Positive,
        v,
        Party::Client,
    ));
    s.incidents.push(incident(
        60,
        Kind::BreachOfNorms,
        Polarity::Negative,
        v,
        Party::Client,
    ));
    s
}

/// Step 7: a severe breach by the supplier in week 20, then a repair from week 24 with the first
/// `v` of the five steps.
pub fn repair_step(v: f64) -> Scenario {
    let mut s = quiet();
    s.incidents.push(incident(
        20,
        Kind::BreachOfNorms,
        Polarity::Negative,
        0.9,
        Party::Client,
    ));
    let n = v.round().clamp(0.0, 5.0) as u32;
    if n > 0 {
        s.interventions.push(Intervention::TrustRepair(TrustRepair {
            week: 24,
            by: Party::Supplier,
            apologise: n >= 1,
            explain: n >= 2,
            correct: n >= 3,
            silence: n >= 4,
            patience_weeks: if n >= 5 { 26 } else { 0 },
            ..TrustRepair::default()
        }));
    }
    s
}

/// Step 8: five years with chance incidents and a Representative, on a fixed fee (0) or result
/// agreements (1).
pub fn explore_step(v: f64) -> Scenario {
    let mut s = contract_step(v);
    s.weeks = 260;
    s.contract.term_weeks = 260;
    s.random_rates = RandomRates::default();
    s.manager.role = Role::Representative;
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{run, Status};

    fn values(step: &Step) -> Vec<f64> {
        match step.control {
            Control::Slider { min, max, step, .. } => {
                let n = ((max - min) / step).round() as usize;
                (0..=n).map(|i| min + i as f64 * step).collect()
            }
            Control::Obligation { .. } => vec![0.0, 1.0],
            Control::Role { .. } => (0..Role::ALL.len()).map(|i| i as f64).collect(),
        }
    }

    #[test]
    fn every_value_of_every_step_is_a_valid_scenario() {
        for (i, step) in STEPS.iter().enumerate() {
            for v in values(step) {
                let s = (step.build)(v);
                assert!(s.validate().is_ok(), "step {i} at {v}: {:?}", s.validate());
                let h = run(&s);
                assert_eq!(h.rows.len(), s.weeks as usize);
                assert!(h.rows.iter().all(|r| r.relationship.is_finite()));
            }
        }
    }

    #[test]
    fn a_negative_incident_lowers_and_a_positive_one_raises_the_line() {
        let at = |v: f64| run(&incident_step(v)).rows[30].relationship;
        assert!(at(-0.8) < at(0.0) - 0.02, "{} {}", at(-0.8), at(0.0));
        assert!(at(0.8) > at(0.0), "{} {}", at(0.8), at(0.0));
    }

    #[test]
    fn a_fixed_fee_gives_less_customer_focus_than_results() {
        let focus = |v| {
            let h = run(&contract_step(v));
            h.rows.iter().map(|r| r.effort).sum::<f64>() / h.rows.len() as f64
        };
        assert!(
            focus(0.0) + 0.1 < focus(1.0),
            "{} {}",
            focus(0.0),
            focus(1.0)
        );
    }

    #[test]
    fn a_short_tolerance_degrades_the_partnership_a_long_one_does_not() {
        let end = |v| run(&degrade_step(v)).last().map(|r| r.status);
        assert_ne!(end(2.0), Some(Status::Partnership));
        assert_eq!(end(30.0), Some(Status::Partnership));
    }

    #[test]
    fn trust_falls_by_more_than_it_rose() {
        let h = run(&trust_step(0.6));
        let t = |w: usize| h.rows[w].client_trust;
        let gain = t(24) - t(19);
        let loss = t(59) - t(64);
        assert!(gain > 0.0 && loss > 2.0 * gain, "gain {gain} loss {loss}");
    }

    #[test]
    fn more_repair_steps_restore_more_trust() {
        let trust = |v| run(&repair_step(v)).rows[80].client_trust;
        assert!(
            trust(5.0) > trust(0.0) + 0.02,
            "{} {}",
            trust(5.0),
            trust(0.0)
        );
        assert!(trust(5.0) > trust(3.0), "{} {}", trust(5.0), trust(3.0));
    }
}
