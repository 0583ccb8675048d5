//! Validation: every input against its allowed range, with the field's dotted path in the error.

use super::intervention::Intervention;
use super::scenario::{Scenario, SCHEMA_VERSION};
use super::ScenarioError;

/// Most runs in one ensemble (keeps a browser tab responsive).
pub const MAX_RUNS: u32 = 10_000;
/// Most weeks in one run.
pub const MAX_WEEKS: u32 = 520;
/// Most scripted incidents plus interventions.
pub const MAX_EVENTS: usize = 500;
/// Upper bound for open-ended money inputs (k€), so that totals stay finite.
const MONEY_MAX: f64 = 1.0e7;

struct Check {
    errors: Vec<ScenarioError>,
}

impl Check {
    fn range(&mut self, path: &str, v: f64, lo: f64, hi: f64) {
        if !v.is_finite() || v < lo || v > hi {
            self.errors.push(ScenarioError {
                path: path.to_string(),
                message: format!("{v} is outside the allowed range {lo}..={hi}"),
            });
        }
    }

    fn int(&mut self, path: &str, v: u32, lo: u32, hi: u32) {
        if v < lo || v > hi {
            self.errors.push(ScenarioError {
                path: path.to_string(),
                message: format!("{v} is outside the allowed range {lo}..={hi}"),
            });
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
        let mut c = Check { errors: Vec::new() };
        c.int("schema_version", self.schema_version, 1, SCHEMA_VERSION);
        c.int("weeks", self.weeks, 1, MAX_WEEKS);
        let k = &self.contract;
        c.range("contract.fee_per_week", k.fee_per_week, 0.1, 10_000.0);
        c.range("contract.incentive_share", k.incentive_share, 0.0, 0.5);
        c.range("contract.sla_target", k.sla_target, 0.5, 0.99);
        c.range("contract.incentive_band", k.incentive_band, 0.05, 0.5);
        c.range("contract.extra_work_markup", k.extra_work_markup, 0.0, 1.0);
        c.int("contract.term_weeks", k.term_weeks, 26, MAX_WEEKS);
        if let Some(w) = k.opt_out_week {
            c.int(
                "contract.opt_out_week",
                w,
                1,
                k.term_weeks.saturating_sub(1).max(1),
            );
        }
        c.range("contract.exit_fee", k.exit_fee, 0.0, MONEY_MAX);
        let d = &self.demand;
        c.range(
            "demand.requests_per_week",
            d.requests_per_week,
            1.0,
            10_000.0,
        );
        c.range("demand.out_of_scope_share", d.out_of_scope_share, 0.0, 0.9);
        c.range("demand.volatility", d.volatility, 0.0, 1.0);
        let s = &self.supplier;
        c.range("supplier.cost_per_request", s.cost_per_request, 0.0, 1000.0);
        c.range(
            "supplier.fixed_cost_per_week",
            s.fixed_cost_per_week,
            0.0,
            MONEY_MAX,
        );
        c.range("supplier.horizon", s.horizon, 0.0, 1.0);
        c.range("supplier.client_share", s.client_share, 0.001, 1.0);
        c.range("supplier.culture_fit", s.culture_fit, 0.0, 1.0);
        c.range("supplier.track_record", s.track_record, 0.0, 1.0);
        c.range("supplier.min_effort", s.min_effort, 0.0, 1.0);
        c.range(
            "client.budget_pressure",
            self.client.budget_pressure,
            0.0,
            1.0,
        );
        c.range("client.need", self.client.need, 0.0, 1.0);
        c.range(
            "client.market_fee_per_week",
            self.client.market_fee_per_week,
            0.1,
            10_000.0,
        );
        c.range(
            "client.value_per_week",
            self.client.value_per_week,
            0.0,
            MONEY_MAX,
        );
        if let Some(v) = self.manager.cost_per_week {
            c.range("manager.cost_per_week", v, 0.0, MONEY_MAX);
        }
        let b = &self.bounds;
        c.range("bounds.critical_lower", b.critical_lower, 0.0, 1.0);
        c.range("bounds.euphoria_upper", b.euphoria_upper, 0.0, 1.0);
        if b.critical_lower >= b.euphoria_upper {
            c.fail(
                "bounds.euphoria_upper",
                format!("must be above critical_lower ({})", b.critical_lower),
            );
        }
        c.int("bounds.tolerance_weeks", b.tolerance_weeks, 1, MAX_WEEKS);
        let r = &self.random_rates;
        c.range("random_rates.external", r.external, 0.0, 52.0);
        c.range("random_rates.interpersonal", r.interpersonal, 0.0, 52.0);
        c.range("random_rates.business", r.business, 0.0, 52.0);
        let total = self.incidents.len() + self.interventions.len();
        if total > MAX_EVENTS {
            c.fail(
                "incidents",
                format!("{total} incidents and interventions; at most {MAX_EVENTS} are allowed"),
            );
        }
        let last = self.weeks.saturating_sub(1);
        for (i, inc) in self.incidents.iter().enumerate() {
            let at = |f: &str| format!("incidents[{i}].{f}");
            c.int(&at("week"), inc.week, 0, last);
            c.range(&at("magnitude"), inc.magnitude, 0.0, 1.0);
            if inc.kind.category() != inc.category {
                c.fail(
                    &at("kind"),
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
            let at = |f: &str| format!("interventions[{i}].{f}");
            c.int(&at("week"), x.week(), 0, last);
            match x {
                Intervention::TrustRepair(r) => {
                    c.range(&at("compensation"), r.compensation, 0.0, MONEY_MAX);
                    c.int(&at("patience_weeks"), r.patience_weeks, 0, MAX_WEEKS);
                }
                Intervention::Renegotiate(r) => {
                    if let Some(v) = r.fee_per_week {
                        c.range(&at("fee_per_week"), v, 0.1, 10_000.0);
                    }
                    if let Some(v) = r.incentive_share {
                        c.range(&at("incentive_share"), v, 0.0, 0.5);
                    }
                    if let Some(v) = r.sla_target {
                        c.range(&at("sla_target"), v, 0.5, 0.99);
                    }
                    if let Some(v) = r.extra_work_markup {
                        c.range(&at("extra_work_markup"), v, 0.0, 1.0);
                    }
                }
                _ => {}
            }
        }
        c.errors
    }
}
