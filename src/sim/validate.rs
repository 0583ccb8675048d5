//! Validation: every input against its allowed range, with the field's dotted path in the error.
//!
//! The ranges come from the field specification ([`super::fields`]); this module only adds the
//! rules that tie fields together (bounds in order, incidents of a matching category, a limit
//! on the number of events).

pub use super::fields::MAX_WEEKS;
use super::fields::{self, Field};
use super::scenario::{Scenario, SCHEMA_VERSION};
use super::ScenarioError;

/// Most runs in one ensemble (keeps a browser tab responsive).
pub const MAX_RUNS: u32 = 10_000;
/// Most scripted incidents plus interventions.
pub const MAX_EVENTS: usize = 500;
/// The first scenario format version.
const FIRST_SCHEMA_VERSION: u32 = 1;

struct Check<'a> {
    scenario: &'a Scenario,
    errors: Vec<ScenarioError>,
}

impl Check<'_> {
    /// Checks one specified field of `item` (the scenario itself, an incident, an intervention).
    fn field<T>(&mut self, path: &str, field: &Field<T>, item: &T) {
        if let Some(v) = (field.get)(item) {
            if let Err(refusal) = field.range.check(self.scenario, v) {
                self.fail(path, refusal.to_string());
            }
        }
    }

    fn fail(&mut self, path: &str, message: String) {
        self.errors.push(ScenarioError {
            path: path.to_string(),
            message,
        });
    }
}

impl Scenario {
    /// Checks every field against its allowed range; the first problem found is returned.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        match self.problems().into_iter().next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Every problem with this scenario (empty when valid).
    pub fn problems(&self) -> Vec<ScenarioError> {
        let mut c = Check {
            scenario: self,
            errors: Vec::new(),
        };
        if !(FIRST_SCHEMA_VERSION..=SCHEMA_VERSION).contains(&self.schema_version) {
            c.fail(
                "schema_version",
                format!(
                    "{} is outside the allowed range {FIRST_SCHEMA_VERSION}..={SCHEMA_VERSION}",
                    self.schema_version
                ),
            );
        }
        for f in fields::SCENARIO {
            c.field(f.path, f, self);
        }
        if let Err((name, message)) = super::params::check(&self.model) {
            c.fail(&format!("model.{name}"), message);
        }
        for f in &fields::TEXTS {
            let n = (f.get)(self).chars().count();
            if n > f.max {
                c.fail(f.path, fields::too_long(n, f.max));
            }
        }
        for (i, inc) in self.incidents.iter().enumerate() {
            let n = inc.note.chars().count();
            if n > fields::MAX_NOTE_CHARS {
                c.fail(
                    &format!("incidents[{i}].note"),
                    fields::too_long(n, fields::MAX_NOTE_CHARS),
                );
            }
        }
        let b = &self.bounds;
        if b.critical_lower >= b.euphoria_upper {
            c.fail(
                "bounds.euphoria_upper",
                format!("must be above critical_lower ({})", b.critical_lower),
            );
        }
        let total = self.incidents.len() + self.interventions.len();
        if total > MAX_EVENTS {
            c.fail(
                "incidents",
                format!("{total} incidents and interventions; at most {MAX_EVENTS} are allowed"),
            );
        }
        for (i, inc) in self.incidents.iter().enumerate() {
            for f in fields::INCIDENT {
                c.field(&format!("incidents[{i}].{}", f.path), f, inc);
            }
            if inc.kind.category() != inc.category {
                c.fail(
                    &format!("incidents[{i}].kind"),
                    format!(
                        "'{}' is a {} kind, not {}",
                        inc.kind.id(),
                        inc.kind.category().id(),
                        inc.category.id()
                    ),
                );
            }
        }
        for (i, x) in self.interventions.iter().enumerate() {
            for f in fields::INTERVENTION {
                c.field(&format!("interventions[{i}].{}", f.path), f, x);
            }
        }
        c.errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::fields::{Num, INTERVENTION, SCENARIO};
    use crate::sim::intervention::{Renegotiate, TrustRepair};
    use crate::sim::Intervention;

    /// Problems at `path` that concern its range (another rule may also name the path).
    fn range_problems(s: &Scenario, path: &str) -> Vec<ScenarioError> {
        s.problems()
            .into_iter()
            .filter(|e| e.path == path && e.message.contains("allowed range"))
            .collect()
    }

    /// Sets `v` without the range check, as a scenario file could.
    fn force<T>(f: &Field<T>, item: &mut T, v: f64) -> bool {
        if f.range.num == Num::Integer && v < 0.0 {
            return false; // a negative whole number cannot be written into an unsigned field
        }
        (f.set)(item, v);
        true
    }

    #[test]
    fn every_field_accepts_its_ends_and_rejects_one_step_beyond() {
        for f in SCENARIO {
            let mut s = Scenario::default();
            s.contract.opt_out_week = Some(10);
            let (lo, hi) = f.range.bounds(&s);
            for ok in [lo, hi] {
                let mut t = s.clone();
                force(f, &mut t, ok);
                assert_eq!(range_problems(&t, f.path), vec![], "{} = {ok}", f.path);
            }
            for bad in [lo - f.range.step, hi + f.range.step] {
                assert!(f.range.check(&s, bad).is_err(), "{} = {bad}", f.path);
                let mut t = s.clone();
                if force(f, &mut t, bad) {
                    let p = range_problems(&t, f.path);
                    assert_eq!(p.len(), 1, "{} = {bad}", f.path);
                    assert!(p[0].message.contains(&format!("{lo}..={hi}")), "{}", p[0]);
                }
            }
        }
    }

    #[test]
    fn every_intervention_field_accepts_its_ends_and_rejects_one_step_beyond() {
        let s = Scenario::default();
        let items = [
            Intervention::TrustRepair(TrustRepair::default()),
            Intervention::Renegotiate(Renegotiate::default()),
            Intervention::EffortPolicy(Default::default()),
        ];
        for f in INTERVENTION {
            for item in &items {
                let (lo, hi) = f.range.bounds(&s);
                let path = format!("interventions[0].{}", f.path);
                let with = |v: f64| {
                    let mut t = s.clone();
                    let mut x = item.clone();
                    let written = force(f, &mut x, v);
                    t.interventions.push(x);
                    (t, written)
                };
                for ok in [lo, hi] {
                    assert_eq!(range_problems(&with(ok).0, &path), vec![], "{path} = {ok}");
                }
                for bad in [lo - f.range.step, hi + f.range.step] {
                    let (t, written) = with(bad);
                    let applies = (f.get)(&t.interventions[0]).is_some();
                    if written && applies {
                        assert_eq!(range_problems(&t, &path).len(), 1, "{path} = {bad}");
                    }
                }
            }
        }
    }

    #[test]
    fn week_bounds_follow_the_length_of_the_run() {
        let mut s = Scenario {
            weeks: 30,
            ..Scenario::default()
        };
        s.interventions
            .push(Intervention::Realign(crate::sim::intervention::AtWeek {
                week: 29,
            }));
        assert!(s.validate().is_ok());
        s.weeks = 29;
        let e = s.validate().unwrap_err();
        assert_eq!(e.path, "interventions[0].week");
        assert_eq!(e.message, "29 is outside the allowed range 0..=28");
        s.weeks = 300;
        s.contract.term_weeks = 40;
        s.contract.opt_out_week = Some(40);
        assert_eq!(s.validate().unwrap_err().path, "contract.opt_out_week");
    }

    #[test]
    fn messages_keep_their_form() {
        let mut s = Scenario::default();
        s.contract.incentive_share = 0.9;
        assert_eq!(
            s.validate().unwrap_err().to_string(),
            "contract.incentive_share: 0.9 is outside the allowed range 0..=0.5"
        );
        s.contract.incentive_share = 0.2;
        s.schema_version = 0;
        assert_eq!(
            s.validate().unwrap_err().to_string(),
            format!("schema_version: 0 is outside the allowed range 1..={SCHEMA_VERSION}")
        );
    }
}
