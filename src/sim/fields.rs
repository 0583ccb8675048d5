//! The field specification: every numeric input of a scenario declared once, with its dotted
//! path, whole-number or not, allowed range, step, unit, whether a sweep may vary it, the key of
//! its label, and how to read and write it.
//!
//! Validation, the editor, the incident and intervention forms, the negotiate view and the CLI's
//! sweep all read these tables, so an input's range is written in exactly one place. Some bounds
//! depend on the scenario itself (a week must fall inside the run, an opt-out before the end of
//! the term); [`Bound`] says which.
//!
//! To add an input: add one entry to [`scenario_fields!`] below (and, if it is new, a [`Label`]
//! variant with its text in both languages in `src/text/table.rs`, `en.rs` and `nl.rs`; the compiler points there).

use super::incident::Incident;
use super::intervention::Intervention;
use super::scenario::Scenario;

/// Most weeks in one run.
pub const MAX_WEEKS: u32 = 520;
/// Most characters of a scenario's name: it heads reports and lists.
pub const MAX_NAME_CHARS: usize = 120;
/// Most characters of a scenario's description (its story).
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;
/// Most characters of an incident's note.
pub const MAX_NOTE_CHARS: usize = 200;

/// A text input of a scenario and its most characters.
pub struct TextField {
    /// Dotted path.
    pub path: &'static str,
    /// Most characters.
    pub max: usize,
    /// Reads it.
    pub get: fn(&Scenario) -> &str,
}

/// The scenario's text inputs. An incident's note is `incidents[i].note`, limited by
/// [`MAX_NOTE_CHARS`].
pub const TEXTS: [TextField; 2] = [
    TextField {
        path: "name",
        max: MAX_NAME_CHARS,
        get: |s| &s.name,
    },
    TextField {
        path: "description",
        max: MAX_DESCRIPTION_CHARS,
        get: |s| &s.description,
    },
];

/// The message for a text of `chars` characters over its `max`.
pub fn too_long(chars: usize, max: usize) -> String {
    format!("{chars} characters is more than the allowed 0..={max} characters")
}

/// Upper bound for open-ended money inputs (k€), so that totals stay finite.
pub const MONEY_MAX: f64 = 1.0e7;

/// Whether an input is a whole number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Num {
    /// Any finite number in range.
    Float,
    /// A whole number; a fractional value is rounded to the nearest.
    Integer,
}

/// What an input is measured in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A share or level between 0 and 1.
    Share,
    /// Thousands of euros.
    Keur,
    /// Thousands of euros per week.
    KeurPerWeek,
    /// Weeks (a duration or a week number).
    Weeks,
    /// Occurrences per year.
    PerYear,
    /// Requests per week.
    PerWeek,
}

/// One end of an allowed range: a number, or a number that follows the scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bound {
    /// A fixed number.
    Fixed(f64),
    /// The scenario's last week (`weeks − 1`): a week must fall inside the run.
    LastWeek,
    /// The week before the end of the contract term (`term_weeks − 1`, at least 1).
    BeforeTermEnd,
}

impl Bound {
    /// The bound's value for `scenario`.
    pub fn at(self, scenario: &Scenario) -> f64 {
        match self {
            Bound::Fixed(v) => v,
            Bound::LastWeek => f64::from(scenario.weeks.saturating_sub(1)),
            Bound::BeforeTermEnd => {
                f64::from(scenario.contract.term_weeks.saturating_sub(1).max(1))
            }
        }
    }
}

/// The key of an input's label; the interface translates it (`src/text/table.rs`, `en.rs` and `nl.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Label {
    Weeks,
    FeePerWeek,
    IncentiveShare,
    SlaTarget,
    IncentiveBand,
    ExtraWorkMarkup,
    TermWeeks,
    OptOutWeek,
    ExitFee,
    RequestsPerWeek,
    OutOfScopeShare,
    Volatility,
    CostPerRequest,
    FixedCostPerWeek,
    Horizon,
    ClientShare,
    CultureFit,
    TrackRecord,
    MinEffort,
    BudgetPressure,
    Need,
    MarketFeePerWeek,
    ValuePerWeek,
    ManagerCost,
    CriticalLower,
    EuphoriaUpper,
    ToleranceWeeks,
    RateExternal,
    RateInterpersonal,
    RateBusiness,
    Week,
    Magnitude,
    Compensation,
    PatienceWeeks,
    CommittedEffort,
    Seed,
}

/// An allowed range with its step and unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    /// Whole number or not.
    pub num: Num,
    /// Lowest allowed value.
    pub min: Bound,
    /// Highest allowed value.
    pub max: Bound,
    /// The step of a control (and of the tests' just-outside values).
    pub step: f64,
    /// What the value is measured in.
    pub unit: Unit,
}

/// Why a value was refused: not a number, or outside the range (with the range at the time).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Refusal {
    /// NaN or infinite.
    NotFinite(f64),
    /// Outside `min..=max`.
    OutOfRange {
        /// The refused value.
        value: f64,
        /// Lowest allowed.
        min: f64,
        /// Highest allowed.
        max: f64,
    },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NotFinite(v) => write!(f, "{v} is not a finite number"),
            Refusal::OutOfRange { value, min, max } => {
                write!(f, "{value} is outside the allowed range {min}..={max}")
            }
        }
    }
}

impl Range {
    /// The (lowest, highest) allowed value for `scenario`.
    pub fn bounds(&self, scenario: &Scenario) -> (f64, f64) {
        (self.min.at(scenario), self.max.at(scenario))
    }

    /// The value to store for `value` (rounded when whole), or why it is refused.
    pub fn check(&self, scenario: &Scenario, value: f64) -> Result<f64, Refusal> {
        if !value.is_finite() {
            return Err(Refusal::NotFinite(value));
        }
        let v = match self.num {
            Num::Float => value,
            Num::Integer => value.round(),
        };
        let (min, max) = self.bounds(scenario);
        if v < min || v > max {
            return Err(Refusal::OutOfRange { value, min, max });
        }
        Ok(v)
    }
}

/// Where a sweep of an input starts and ends unless the user says otherwise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SweepWindow {
    /// The whole allowed range.
    Full,
    /// From `lo` to `hi`.
    Between(f64, f64),
    /// The current value ± this fraction of it (clipped to the range).
    Around(f64),
}

/// One numeric input of `T` (a scenario, an incident or an intervention).
pub struct Field<T: 'static> {
    /// Dotted path in the scenario file (for list items: the key inside the item).
    pub path: &'static str,
    /// The label's key.
    pub label: Label,
    /// Allowed values.
    pub range: Range,
    /// Whether and over which window a sweep varies it (`None`: not sweepable).
    pub sweep: Option<SweepWindow>,
    /// The current value (`None` when an optional input is off or the item has no such input).
    pub get: fn(&T) -> Option<f64>,
    /// Writes an already checked value.
    pub set: fn(&mut T, f64),
}

impl<T> Field<T> {
    /// Checks `value` against the range for `scenario` and writes it into `item`.
    pub fn apply(&self, scenario: &Scenario, item: &mut T, value: f64) -> Result<(), Refusal> {
        let v = self.range.check(scenario, value)?;
        (self.set)(item, v);
        Ok(())
    }
}

const fn range(num: Num, min: Bound, max: Bound, step: f64, unit: Unit) -> Range {
    Range {
        num,
        min,
        max,
        step,
        unit,
    }
}

/// A share in `lo..=hi` with a step of 0.01.
const fn share(lo: f64, hi: f64) -> Range {
    range(
        Num::Float,
        Bound::Fixed(lo),
        Bound::Fixed(hi),
        0.01,
        Unit::Share,
    )
}

/// A whole number of weeks in `lo..=hi`.
const fn weeks(lo: u32, hi: Bound) -> Range {
    range(Num::Integer, Bound::Fixed(lo as f64), hi, 1.0, Unit::Weeks)
}

/// Money in k€ (`unit`) from `lo` to `hi` in steps of `step`.
const fn money(lo: f64, hi: f64, step: f64, unit: Unit) -> Range {
    range(Num::Float, Bound::Fixed(lo), Bound::Fixed(hi), step, unit)
}

const fn float(lo: f64, hi: f64, step: f64, unit: Unit) -> Range {
    range(Num::Float, Bound::Fixed(lo), Bound::Fixed(hi), step, unit)
}

/// The contract terms a renegotiation may change share these ranges with the contract.
pub const FEE_RANGE: Range = money(0.1, 10_000.0, 0.1, Unit::KeurPerWeek);
/// Share of the fee that moves with results.
pub const INCENTIVE_RANGE: Range = share(0.0, 0.5);
/// Agreed share of requests resolved in time.
pub const SLA_RANGE: Range = share(0.5, 0.99);
/// Margin on extra work.
pub const MARKUP_RANGE: Range = share(0.0, 1.0);
/// A week inside the run.
pub const WEEK_IN_RUN: Range = weeks(0, Bound::LastWeek);
/// Incidents per year of one category.
const RATE_RANGE: Range = float(0.0, 52.0, 0.5, Unit::PerYear);

const fn int(v: u32) -> Option<f64> {
    Some(v as f64)
}

/// A week value already checked to be whole and in range.
fn week(v: f64) -> u32 {
    v as u32
}

macro_rules! scenario_fields {
    ($( $name:ident: $path:literal, $label:ident, $range:expr, $sweep:expr,
        |$s:ident| $get:expr, |$t:ident, $v:ident| $set:expr; )*) => {
        $(
            #[doc = concat!("`", $path, "`")]
            pub const $name: Field<Scenario> = Field {
                path: $path,
                label: Label::$label,
                range: $range,
                sweep: $sweep,
                get: |$s: &Scenario| $get,
                set: |$t: &mut Scenario, $v: f64| $set,
            };
        )*
        /// Every numeric input of a scenario, in the order of the scenario file.
        pub const SCENARIO: &[Field<Scenario>] = &[$($name),*];
    };
}

use SweepWindow::{Around, Between, Full};

scenario_fields! {
    WEEKS: "weeks", Weeks, weeks(1, Bound::Fixed(MAX_WEEKS as f64)), None,
        |s| int(s.weeks), |s, v| s.weeks = week(v);
    FEE_PER_WEEK: "contract.fee_per_week", FeePerWeek, FEE_RANGE, Some(Around(0.3)),
        |s| Some(s.contract.fee_per_week), |s, v| s.contract.fee_per_week = v;
    INCENTIVE_SHARE: "contract.incentive_share", IncentiveShare, INCENTIVE_RANGE, Some(Full),
        |s| Some(s.contract.incentive_share), |s, v| s.contract.incentive_share = v;
    SLA_TARGET: "contract.sla_target", SlaTarget, SLA_RANGE, Some(Between(0.7, 0.99)),
        |s| Some(s.contract.sla_target), |s, v| s.contract.sla_target = v;
    INCENTIVE_BAND: "contract.incentive_band", IncentiveBand, share(0.05, 0.5), Some(Full),
        |s| Some(s.contract.incentive_band), |s, v| s.contract.incentive_band = v;
    EXTRA_WORK_MARKUP: "contract.extra_work_markup", ExtraWorkMarkup, MARKUP_RANGE, Some(Full),
        |s| Some(s.contract.extra_work_markup), |s, v| s.contract.extra_work_markup = v;
    TERM_WEEKS: "contract.term_weeks", TermWeeks, weeks(26, Bound::Fixed(MAX_WEEKS as f64)),
        Some(Between(52.0, MAX_WEEKS as f64)),
        |s| int(s.contract.term_weeks), |s, v| s.contract.term_weeks = week(v);
    OPT_OUT_WEEK: "contract.opt_out_week", OptOutWeek, weeks(1, Bound::BeforeTermEnd), Some(Full),
        |s| s.contract.opt_out_week.map(f64::from), |s, v| s.contract.opt_out_week = Some(week(v));
    EXIT_FEE: "contract.exit_fee", ExitFee, money(0.0, MONEY_MAX, 1.0, Unit::Keur), Some(Full),
        |s| Some(s.contract.exit_fee), |s, v| s.contract.exit_fee = v;
    REQUESTS_PER_WEEK: "demand.requests_per_week", RequestsPerWeek,
        float(1.0, 10_000.0, 1.0, Unit::PerWeek), Some(Around(0.5)),
        |s| Some(s.demand.requests_per_week), |s, v| s.demand.requests_per_week = v;
    OUT_OF_SCOPE_SHARE: "demand.out_of_scope_share", OutOfScopeShare, share(0.0, 0.9), Some(Full),
        |s| Some(s.demand.out_of_scope_share), |s, v| s.demand.out_of_scope_share = v;
    VOLATILITY: "demand.volatility", Volatility, share(0.0, 1.0), Some(Full),
        |s| Some(s.demand.volatility), |s, v| s.demand.volatility = v;
    COST_PER_REQUEST: "supplier.cost_per_request", CostPerRequest,
        money(0.0, 1000.0, 0.001, Unit::Keur), Some(Around(0.5)),
        |s| Some(s.supplier.cost_per_request), |s, v| s.supplier.cost_per_request = v;
    FIXED_COST_PER_WEEK: "supplier.fixed_cost_per_week", FixedCostPerWeek,
        money(0.0, MONEY_MAX, 0.1, Unit::KeurPerWeek), Some(Around(0.5)),
        |s| Some(s.supplier.fixed_cost_per_week), |s, v| s.supplier.fixed_cost_per_week = v;
    HORIZON: "supplier.horizon", Horizon, share(0.0, 1.0), Some(Full),
        |s| Some(s.supplier.horizon), |s, v| s.supplier.horizon = v;
    CLIENT_SHARE: "supplier.client_share", ClientShare,
        float(0.001, 1.0, 0.001, Unit::Share), Some(Full),
        |s| Some(s.supplier.client_share), |s, v| s.supplier.client_share = v;
    CULTURE_FIT: "supplier.culture_fit", CultureFit, share(0.0, 1.0), Some(Full),
        |s| Some(s.supplier.culture_fit), |s, v| s.supplier.culture_fit = v;
    TRACK_RECORD: "supplier.track_record", TrackRecord, share(0.0, 1.0), Some(Full),
        |s| Some(s.supplier.track_record), |s, v| s.supplier.track_record = v;
    MIN_EFFORT: "supplier.min_effort", MinEffort, share(0.0, 1.0), Some(Full),
        |s| Some(s.supplier.min_effort), |s, v| s.supplier.min_effort = v;
    BUDGET_PRESSURE: "client.budget_pressure", BudgetPressure, share(0.0, 1.0), Some(Full),
        |s| Some(s.client.budget_pressure), |s, v| s.client.budget_pressure = v;
    NEED: "client.need", Need, share(0.0, 1.0), Some(Full),
        |s| Some(s.client.need), |s, v| s.client.need = v;
    MARKET_FEE_PER_WEEK: "client.market_fee_per_week", MarketFeePerWeek, FEE_RANGE,
        Some(Around(0.3)),
        |s| Some(s.client.market_fee_per_week), |s, v| s.client.market_fee_per_week = v;
    VALUE_PER_WEEK: "client.value_per_week", ValuePerWeek,
        money(0.0, MONEY_MAX, 0.5, Unit::KeurPerWeek), Some(Around(0.5)),
        |s| Some(s.client.value_per_week), |s, v| s.client.value_per_week = v;
    MANAGER_COST: "manager.cost_per_week", ManagerCost,
        money(0.0, MONEY_MAX, 0.1, Unit::KeurPerWeek), Some(Between(0.0, 5.0)),
        |s| Some(s.manager.cost_per_week.unwrap_or(s.manager.role.default_cost(&s.params(), s.contract.fee_per_week))),
        |s, v| s.manager.cost_per_week = Some(v);
    CRITICAL_LOWER: "bounds.critical_lower", CriticalLower, share(0.0, 1.0), Some(Full),
        |s| Some(s.bounds.critical_lower), |s, v| s.bounds.critical_lower = v;
    EUPHORIA_UPPER: "bounds.euphoria_upper", EuphoriaUpper, share(0.0, 1.0), Some(Full),
        |s| Some(s.bounds.euphoria_upper), |s, v| s.bounds.euphoria_upper = v;
    TOLERANCE_WEEKS: "bounds.tolerance_weeks", ToleranceWeeks,
        weeks(1, Bound::Fixed(MAX_WEEKS as f64)), Some(Between(1.0, 52.0)),
        |s| int(s.bounds.tolerance_weeks), |s, v| s.bounds.tolerance_weeks = week(v);
    RATE_EXTERNAL: "random_rates.external", RateExternal, RATE_RANGE, Some(Between(0.0, 12.0)),
        |s| Some(s.random_rates.external), |s, v| s.random_rates.external = v;
    RATE_INTERPERSONAL: "random_rates.interpersonal", RateInterpersonal, RATE_RANGE,
        Some(Between(0.0, 12.0)),
        |s| Some(s.random_rates.interpersonal), |s, v| s.random_rates.interpersonal = v;
    RATE_BUSINESS: "random_rates.business", RateBusiness, RATE_RANGE, Some(Between(0.0, 12.0)),
        |s| Some(s.random_rates.business), |s, v| s.random_rates.business = v;
}

/// The scenario input at a dotted `path`.
pub fn find(path: &str) -> Option<&'static Field<Scenario>> {
    SCENARIO.iter().find(|f| f.path == path)
}

/// The inputs a sweep may vary, in display order.
pub fn sweepable() -> impl Iterator<Item = &'static Field<Scenario>> {
    SCENARIO.iter().filter(|f| f.sweep.is_some())
}

impl Field<Scenario> {
    /// The default sweep window (from, to) for `scenario`, inside the allowed range.
    pub fn sweep_window(&self, scenario: &Scenario) -> (f64, f64) {
        let (lo, hi) = self.range.bounds(scenario);
        let (a, b) = match self.sweep.unwrap_or(SweepWindow::Full) {
            SweepWindow::Full => (lo, hi),
            SweepWindow::Between(a, b) => (a, b),
            SweepWindow::Around(f) => {
                let v = (self.get)(scenario).unwrap_or(lo);
                (v * (1.0 - f), v * (1.0 + f))
            }
        };
        (a.clamp(lo, hi), b.clamp(lo, hi))
    }
}

/// The seed of the random generator: any 64-bit whole number, so it has no range to check and
/// is read and written as `u64`, never through `f64`.
pub const SEED_LABEL: Label = Label::Seed;

/// `incidents[i].week`.
pub const INCIDENT_WEEK: Field<Incident> = Field {
    path: "week",
    label: Label::Week,
    range: WEEK_IN_RUN,
    sweep: None,
    get: |x| int(x.week),
    set: |x, v| x.week = week(v),
};

/// `incidents[i].magnitude`.
pub const MAGNITUDE: Field<Incident> = Field {
    path: "magnitude",
    label: Label::Magnitude,
    range: float(0.0, 1.0, 0.05, Unit::Share),
    sweep: None,
    get: |x| Some(x.magnitude),
    set: |x, v| x.magnitude = v,
};

/// The numeric inputs of a scripted incident.
pub const INCIDENT: &[Field<Incident>] = &[INCIDENT_WEEK, MAGNITUDE];

/// `interventions[i].week`.
pub const INTERVENTION_WEEK: Field<Intervention> = Field {
    path: "week",
    label: Label::Week,
    range: WEEK_IN_RUN,
    sweep: None,
    get: |x| int(x.week()),
    set: |x, v| x.set_week(week(v)),
};

/// `interventions[i].compensation` of a trust repair.
pub const COMPENSATION: Field<Intervention> = Field {
    path: "compensation",
    label: Label::Compensation,
    range: money(0.0, MONEY_MAX, 1.0, Unit::Keur),
    sweep: None,
    get: |x| match x {
        Intervention::TrustRepair(r) => Some(r.compensation),
        _ => None,
    },
    set: |x, v| {
        if let Intervention::TrustRepair(r) = x {
            r.compensation = v
        }
    },
};

/// `interventions[i].patience_weeks` of a trust repair.
pub const PATIENCE_WEEKS: Field<Intervention> = Field {
    path: "patience_weeks",
    label: Label::PatienceWeeks,
    range: weeks(0, Bound::Fixed(MAX_WEEKS as f64)),
    sweep: None,
    get: |x| match x {
        Intervention::TrustRepair(r) => int(r.patience_weeks),
        _ => None,
    },
    set: |x, v| {
        if let Intervention::TrustRepair(r) = x {
            r.patience_weeks = week(v)
        }
    },
};

macro_rules! renegotiated {
    ($name:ident, $key:ident, $label:ident, $range:expr) => {
        #[doc = concat!("`interventions[i].", stringify!($key), "` of a renegotiation.")]
        pub const $name: Field<Intervention> = Field {
            path: stringify!($key),
            label: Label::$label,
            range: $range,
            sweep: None,
            get: |x| match x {
                Intervention::Renegotiate(r) => r.$key,
                _ => None,
            },
            set: |x, v| {
                if let Intervention::Renegotiate(r) = x {
                    r.$key = Some(v)
                }
            },
        };
    };
}

renegotiated!(NEW_FEE, fee_per_week, FeePerWeek, FEE_RANGE);
renegotiated!(
    NEW_INCENTIVE,
    incentive_share,
    IncentiveShare,
    INCENTIVE_RANGE
);
renegotiated!(NEW_SLA, sla_target, SlaTarget, SLA_RANGE);
renegotiated!(NEW_MARKUP, extra_work_markup, ExtraWorkMarkup, MARKUP_RANGE);

/// `interventions[i].min_effort` of an effort policy: the same range as the scenario's floor.
pub const POLICY_MIN_EFFORT: Field<Intervention> = Field {
    path: "min_effort",
    label: Label::CommittedEffort,
    range: MIN_EFFORT.range,
    sweep: None,
    get: |x| match x {
        Intervention::EffortPolicy(e) => Some(e.min_effort),
        _ => None,
    },
    set: |x, v| {
        if let Intervention::EffortPolicy(e) = x {
            e.min_effort = v
        }
    },
};

/// The numeric inputs of an intervention (each kind has a subset; `get` says which).
pub const INTERVENTION: &[Field<Intervention>] = &[
    INTERVENTION_WEEK,
    COMPENSATION,
    PATIENCE_WEEKS,
    NEW_FEE,
    NEW_INCENTIVE,
    NEW_SLA,
    NEW_MARKUP,
    POLICY_MIN_EFFORT,
];

/// Whether varying the input at `path` only means something under a result obligation (the
/// incentive's share and band).
pub fn needs_result_obligation(path: &str) -> bool {
    [INCENTIVE_SHARE.path, INCENTIVE_BAND.path].contains(&path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_lies_within_its_range() {
        let s = Scenario::default();
        for f in SCENARIO {
            if let Some(v) = (f.get)(&s) {
                assert_eq!(f.range.check(&s, v), Ok(v), "{}", f.path);
            }
        }
        let mut s = Scenario::default();
        s.contract.opt_out_week = Some(1);
        assert!((OPT_OUT_WEEK.get)(&s).is_some());
        let repair = Intervention::TrustRepair(Default::default());
        for f in [&COMPENSATION, &PATIENCE_WEEKS, &INTERVENTION_WEEK] {
            let v = (f.get)(&repair).unwrap();
            assert!(f.range.check(&s, v).is_ok(), "{}", f.path);
        }
    }

    #[test]
    fn paths_are_unique_and_found() {
        for (i, f) in SCENARIO.iter().enumerate() {
            assert!(SCENARIO[..i].iter().all(|g| g.path != f.path), "{}", f.path);
            // The same field (by path and label: a constant's address differs between codegen
            // units, so identity is not the test).
            assert_eq!(
                find(f.path).map(|g| (g.path, g.label)),
                Some((f.path, f.label))
            );
        }
        assert!(find("contract.obligation").is_none());
        assert!(sweepable().all(|f| f.path != "weeks"));
    }

    #[test]
    fn get_and_set_round_trip() {
        let mut s = Scenario::default();
        s.contract.opt_out_week = Some(3);
        for f in SCENARIO {
            let (lo, hi) = f.range.bounds(&s);
            // A value strictly inside the range, on the grid of the field's kind.
            let mid = match f.range.num {
                Num::Float => lo + (hi - lo) * 0.37,
                Num::Integer => ((lo + hi) / 2.0).floor(),
            };
            let mut t = s.clone();
            f.apply(&s, &mut t, mid).unwrap();
            assert_eq!((f.get)(&t), Some(mid), "{}", f.path);
        }
        let mut x = Intervention::Renegotiate(Default::default());
        for f in INTERVENTION {
            let hi = f.range.bounds(&s).1;
            f.apply(&s, &mut x, hi).unwrap();
            let got = (f.get)(&x);
            assert!(got.is_none() || got == Some(hi), "{}", f.path);
        }
    }

    #[test]
    fn whole_numbers_are_rounded_and_week_bounds_follow_the_scenario() {
        let mut s = Scenario::default();
        assert_eq!(TERM_WEEKS.range.check(&s, 103.6), Ok(104.0));
        s.weeks = 40;
        assert_eq!(INCIDENT_WEEK.range.bounds(&s), (0.0, 39.0));
        assert!(INCIDENT_WEEK.range.check(&s, 40.0).is_err());
        s.weeks = 400;
        assert!(INCIDENT_WEEK.range.check(&s, 399.0).is_ok());
        s.contract.term_weeks = 52;
        assert_eq!(OPT_OUT_WEEK.range.bounds(&s), (1.0, 51.0));
        assert_eq!(
            OPT_OUT_WEEK.range.check(&s, 52.0).unwrap_err().to_string(),
            "52 is outside the allowed range 1..=51"
        );
        assert!(matches!(
            FEE_PER_WEEK.range.check(&s, f64::NAN),
            Err(Refusal::NotFinite(_))
        ));
    }

    #[test]
    fn sweep_windows_lie_inside_the_range() {
        let s = Scenario::default();
        for f in sweepable() {
            let (a, b) = f.sweep_window(&s);
            let (lo, hi) = f.range.bounds(&s);
            assert!(lo <= a && a < b && b <= hi, "{}: {a}..{b}", f.path);
        }
        let (a, b) = FEE_PER_WEEK.sweep_window(&s);
        assert!((a - 14.0).abs() < 1e-9 && (b - 26.0).abs() < 1e-9);
    }
}
