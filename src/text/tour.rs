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

impl Chart {
    /// The run chart's name (as in an embed address).
    pub fn name(self) -> &'static str {
        match self {
            Chart::Relationship => "relationship",
            Chart::Focus => "focus",
            Chart::Trust => "trust",
        }
    }
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
    /// What the step's text claims, checked over the step's numbers (see [`Claim`]).
    pub claims: &'static [Claim],
    /// The number the step's outcome line shows beside the status at the end: the one its
    /// lesson is about.
    pub shows: Measure,
}

/// A number read from a run of a step, for its claims.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Measure {
    /// The relationship line in a week.
    LineAt(u32),
    /// The client's trust in a week.
    ClientTrustAt(u32),
    /// Customer focus (effort), the mean over the run.
    MeanFocus,
    /// The client's lowest appreciation less the critical lower bound (negative: it fell
    /// through the bound).
    ClientAboveBound,
    /// The longest spell, in weeks, that a party's appreciation spent outside the bounds.
    LongestOutside,
    /// The relationship line's lowest point.
    LowestLine,
}

/// What a step's text claims about its numbers, as data: the native tests evaluate every claim
/// of every step, on the mean over futures, and fail with the claim's text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Claim {
    /// `measure` rises with every value of the control in `values`, in order.
    Rises {
        /// What rises.
        measure: Measure,
        /// Control values, in the order it rises over.
        values: &'static [f64],
    },
    /// `measure` at control value `at` is at least `by` above its value at `than`.
    Exceeds {
        /// What is compared.
        measure: Measure,
        /// The control value where it is higher.
        at: f64,
        /// The control value it is compared with.
        than: f64,
        /// The least difference.
        by: f64,
    },
    /// At control value `at` the run ends in partnership status (`yes`) or not.
    EndsInPartnership {
        /// The control value.
        at: f64,
        /// Whether it ends in partnership.
        yes: bool,
    },
    /// At every value of the control the status degrades only after a party's appreciation has
    /// been outside the bounds for longer than the tolerance.
    OutsideLongerThanToleranceFirst,
    /// At every value of the control, the trust a bad experience (week `bad`) takes away within
    /// 4 weeks is at least `ratio` times what an equally large good one (week `good`) added.
    LossOutweighsGain {
        /// The good experience's week.
        good: u32,
        /// The bad experience's week.
        bad: u32,
        /// The least ratio.
        ratio: f64,
    },
    /// At control value `at`, the client's trust in week `late` is still below its level in
    /// the week before the bad experience of week `bad`.
    NotRegainedBy {
        /// The control value.
        at: f64,
        /// The bad experience's week.
        bad: u32,
        /// The week trust is read.
        late: u32,
    },
    /// The incidents are the same (week, kind, sign, size, party) at every value of the
    /// control.
    SameIncidents,
}

impl Claim {
    /// The claim in words (English, for test messages).
    pub fn describe(&self) -> String {
        match self {
            Claim::Rises { measure, values } => {
                format!("{measure:?} rises over the control values {values:?}")
            }
            Claim::Exceeds {
                measure,
                at,
                than,
                by,
            } => format!("{measure:?} at {at} exceeds its value at {than} by at least {by}"),
            Claim::EndsInPartnership { at, yes } => format!(
                "at {at} the run {} in partnership",
                if *yes { "ends" } else { "does not end" }
            ),
            Claim::OutsideLongerThanToleranceFirst => {
                "the status degrades only after longer than the tolerance outside the bounds".into()
            }
            Claim::LossOutweighsGain { ratio, .. } => format!(
                "a bad experience takes at least {ratio}× the trust an equal good one added"
            ),
            Claim::NotRegainedBy { at, bad, late } => {
                format!("at {at}, trust in week {late} is still below its level before week {bad}")
            }
            Claim::SameIncidents => "the incidents are the same at every control value".into(),
        }
    }
}

/// The steps in order (their texts are `Strings::tour`, in the same order).
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
        shows: Measure::LineAt(30),
        claims: &[Claim::Rises {
            measure: Measure::LineAt(30),
            values: &[-1.0, -0.5, 0.0, 0.5, 1.0],
        }],
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
        shows: Measure::ClientAboveBound,
        claims: &[
            Claim::Exceeds {
                measure: Measure::ClientAboveBound,
                at: 0.2,
                than: 0.5,
                by: 0.25,
            },
            Claim::EndsInPartnership { at: 0.2, yes: true },
            Claim::EndsInPartnership {
                at: 0.5,
                yes: false,
            },
            Claim::OutsideLongerThanToleranceFirst,
        ],
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
        shows: Measure::LongestOutside,
        claims: &[
            Claim::EndsInPartnership {
                at: 30.0,
                yes: true,
            },
            Claim::EndsInPartnership {
                at: 5.0,
                yes: false,
            },
            Claim::OutsideLongerThanToleranceFirst,
        ],
    },
    Step {
        chart: Chart::Focus,
        control: Control::Obligation { initial: 0 },
        build: contract_step,
        shows: Measure::MeanFocus,
        claims: &[Claim::Exceeds {
            measure: Measure::MeanFocus,
            at: 1.0,
            than: 0.0,
            by: 0.3,
        }],
    },
    Step {
        chart: Chart::Relationship,
        control: Control::Role { initial: 0 },
        build: role_step,
        shows: Measure::LowestLine,
        claims: &[Claim::SameIncidents],
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
        shows: Measure::ClientTrustAt(103),
        claims: &[
            Claim::LossOutweighsGain {
                good: 20,
                bad: 60,
                ratio: 2.0,
            },
            Claim::NotRegainedBy {
                at: 0.6,
                bad: 60,
                late: 103,
            },
        ],
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
        shows: Measure::ClientTrustAt(103),
        claims: &[
            Claim::Rises {
                measure: Measure::ClientTrustAt(103),
                values: &[1.0, 2.0, 3.0, 4.0, 5.0],
            },
            Claim::Exceeds {
                measure: Measure::ClientTrustAt(103),
                at: 0.0,
                than: 1.0,
                by: 0.05,
            },
            Claim::Exceeds {
                measure: Measure::ClientTrustAt(103),
                at: 5.0,
                than: 0.0,
                by: 0.3,
            },
        ],
    },
    Step {
        chart: Chart::Relationship,
        control: Control::Obligation { initial: 0 },
        build: explore_step,
        shows: Measure::MeanFocus,
        claims: &[Claim::Exceeds {
            measure: Measure::MeanFocus,
            at: 1.0,
            than: 0.0,
            by: 0.2,
        }],
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

/// Step 5: three years of chance incidents under the role `Role::ALL[v]`. The incidents are
/// drawn once, without a manager, and scripted: chance incidents draw their sign from the state
/// of the relationship, which a role changes, and the step compares roles on the same events.
pub fn role_step(v: f64) -> Scenario {
    let mut s = quiet();
    s.weeks = 156;
    // Results on business KPIs: measured on the client's own outcome, so no flattered report
    // is ever caught — an incident of the manager's own making that would differ by role.
    s.contract.kpi_level = crate::sim::scenario::KpiLevel::Business;
    s.random_rates = RandomRates {
        external: 1.5,
        interpersonal: 4.0,
        business: 4.0,
    };
    s.manager.role = Role::None;
    s.incidents = crate::sim::run(&s)
        .events
        .into_iter()
        .filter_map(|(_, e)| match e {
            crate::sim::Event::Incident { incident, .. } => Some(incident),
            _ => None,
        })
        .collect();
    s.random_rates = RandomRates {
        external: 0.0,
        interpersonal: 0.0,
        business: 0.0,
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

/// Futures a step's claims are checked over: the quiet steps are the same in each; the last
/// step's chance incidents differ.
pub const CLAIM_FUTURES: u64 = 20;

/// The runs of `step` at control value `v` over `futures` futures (seeds from the step's own).
fn runs(step: &Step, v: f64, futures: u64) -> Vec<crate::sim::History> {
    let s = (step.build)(v);
    (0..futures.max(1))
        .map(|i| {
            let mut t = s.clone();
            t.seed = s.seed.wrapping_add(i);
            crate::sim::run(&t)
        })
        .collect()
}

/// `measure` of a run of `s` (the tour's outcome line shows it too).
pub fn measure(m: Measure, s: &Scenario, h: &crate::sim::History) -> f64 {
    let at = |w: u32| &h.rows[(w as usize).min(h.rows.len() - 1)];
    match m {
        Measure::LineAt(w) => at(w).relationship,
        Measure::ClientTrustAt(w) => at(w).client_trust,
        Measure::MeanFocus => h.rows.iter().map(|r| r.effort).sum::<f64>() / h.rows.len() as f64,
        Measure::ClientAboveBound => {
            h.rows
                .iter()
                .map(|r| r.client_appreciation)
                .fold(f64::INFINITY, f64::min)
                - s.bounds.critical_lower
        }
        Measure::LongestOutside => {
            let b = &s.bounds;
            let (mut run, mut longest) = (0u32, 0u32);
            for r in &h.rows {
                let out = [r.client_appreciation, r.supplier_appreciation]
                    .iter()
                    .any(|a| *a < b.critical_lower || *a > b.euphoria_upper);
                run = if out { run + 1 } else { 0 };
                longest = longest.max(run);
            }
            f64::from(longest)
        }
        Measure::LowestLine => h
            .rows
            .iter()
            .map(|r| r.relationship)
            .fold(f64::INFINITY, f64::min),
    }
}

/// The mean of `m` over the futures of `step` at `v`.
fn mean(step: &Step, m: Measure, v: f64, futures: u64) -> f64 {
    let s = (step.build)(v);
    let hs = runs(step, v, futures);
    hs.iter().map(|h| measure(m, &s, h)).sum::<f64>() / hs.len() as f64
}

/// Every value the step's control takes.
pub fn control_values(step: &Step) -> Vec<f64> {
    match step.control {
        Control::Slider { min, max, step, .. } => {
            let n = ((max - min) / step).round() as usize;
            (0..=n).map(|i| min + i as f64 * step).collect()
        }
        Control::Obligation { .. } => vec![0.0, 1.0],
        Control::Role { .. } => (0..Role::ALL.len()).map(|i| i as f64).collect(),
    }
}

/// Checks one claim of `step` over `futures` futures: `Err` with the numbers when it fails.
pub fn check(step: &Step, claim: &Claim, futures: u64) -> Result<(), String> {
    use crate::sim::Status;
    let fail = |detail: String| Err(format!("{}: {detail}", claim.describe()));
    match *claim {
        Claim::Rises { measure, values } => {
            let xs: Vec<f64> = values
                .iter()
                .map(|v| mean(step, measure, *v, futures))
                .collect();
            if xs.windows(2).all(|w| w[1] > w[0]) {
                Ok(())
            } else {
                fail(format!("{xs:.3?}"))
            }
        }
        Claim::Exceeds {
            measure,
            at,
            than,
            by,
        } => {
            let (a, b) = (
                mean(step, measure, at, futures),
                mean(step, measure, than, futures),
            );
            if a >= b + by {
                Ok(())
            } else {
                fail(format!("{a:.3} vs {b:.3}"))
            }
        }
        Claim::EndsInPartnership { at, yes } => {
            let hs = runs(step, at, futures);
            let ends = hs
                .iter()
                .filter(|h| {
                    h.rows
                        .last()
                        .is_some_and(|r| r.status == Status::Partnership)
                })
                .count();
            // "Ends in partnership" on most futures; "does not" on most.
            if (2 * ends > hs.len()) == yes {
                Ok(())
            } else {
                fail(format!("{ends} of {} futures end in partnership", hs.len()))
            }
        }
        Claim::OutsideLongerThanToleranceFirst => {
            for v in control_values(step) {
                let s = (step.build)(v);
                let b = &s.bounds;
                for h in runs(step, v, futures) {
                    let degraded = h.rows.iter().position(|r| r.status != Status::Partnership);
                    let Some(w) = degraded else { continue };
                    let outside = |r: &crate::sim::Row| {
                        [r.client_appreciation, r.supplier_appreciation]
                            .iter()
                            .any(|a| *a < b.critical_lower || *a > b.euphoria_upper)
                    };
                    let run_outside = h.rows[..=w].iter().rev().take_while(|r| outside(r)).count();
                    if run_outside as u32 <= b.tolerance_weeks.min(w as u32) {
                        return fail(format!(
                            "at {v}: degraded in week {w} after {run_outside} weeks outside (tolerance {})",
                            b.tolerance_weeks
                        ));
                    }
                }
            }
            Ok(())
        }
        Claim::LossOutweighsGain { good, bad, ratio } => {
            for v in control_values(step) {
                let gain = mean(step, Measure::ClientTrustAt(good + 4), v, futures)
                    - mean(step, Measure::ClientTrustAt(good - 1), v, futures);
                let loss = mean(step, Measure::ClientTrustAt(bad - 1), v, futures)
                    - mean(step, Measure::ClientTrustAt(bad + 4), v, futures);
                if gain <= 0.0 || loss < ratio * gain {
                    return fail(format!("at {v}: gain {gain:.3}, loss {loss:.3}"));
                }
            }
            Ok(())
        }
        Claim::NotRegainedBy { at, bad, late } => {
            let before = mean(step, Measure::ClientTrustAt(bad - 1), at, futures);
            let after = mean(step, Measure::ClientTrustAt(late), at, futures);
            if after < before {
                Ok(())
            } else {
                fail(format!("{after:.3} in week {late} vs {before:.3} before"))
            }
        }
        Claim::SameIncidents => {
            let incidents = |v: f64| {
                runs(step, v, 1)[0]
                    .events
                    .iter()
                    .filter_map(|(w, e)| match e {
                        crate::sim::Event::Incident { incident, .. } => Some((
                            *w,
                            incident.kind,
                            incident.polarity,
                            incident.magnitude.to_bits(),
                            incident.party,
                        )),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            };
            let first = incidents(0.0);
            for v in control_values(step) {
                if incidents(v) != first {
                    return fail(format!("the incidents at {v} differ from those at 0"));
                }
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{run, Status};

    #[test]
    fn every_value_of_every_step_is_a_valid_scenario() {
        for (i, step) in STEPS.iter().enumerate() {
            for v in control_values(step) {
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
