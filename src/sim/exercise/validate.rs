//! Validation of an exercise: every problem names its field and what is allowed.

use super::{Exercise, Side, Text, ACCEPT, CARRY_ON, EXERCISE_VERSION, MAX_DECISIONS, MAX_OPTIONS};
use crate::sim::intervention::Intervention;
use crate::sim::ScenarioError;

impl Exercise {
    /// Every problem, in file order.
    pub fn problems(&self) -> Vec<ScenarioError> {
        let mut errors = Vec::new();
        let mut fail = |path: String, message: String| errors.push(ScenarioError { path, message });
        if self.schema_version != EXERCISE_VERSION {
            fail(
                "schema_version".into(),
                format!(
                    "{} is not supported; allowed: {EXERCISE_VERSION}",
                    self.schema_version
                ),
            );
        }
        if self.id.trim().is_empty() || self.id.len() > 80 {
            fail("id".into(), "must be 1..=80 characters".into());
        }
        for (field, text) in [("title", &self.title), ("briefing", &self.briefing)] {
            if text.en.trim().is_empty() && text.nl.trim().is_empty() {
                fail(field.into(), "needs an English or Dutch text".into());
            }
        }
        let m = &self.moments;
        if m.every_weeks > self.scenario.weeks {
            fail(
                "moments.every_weeks".into(),
                format!(
                    "{} is out of range 0..={}",
                    m.every_weeks, self.scenario.weeks
                ),
            );
        }
        match m.after_incident_above {
            Some(v) if !(0.0..=1.0).contains(&v) => fail(
                "moments.after_incident_above".into(),
                format!("{v} is out of range 0..=1"),
            ),
            _ => {}
        }
        if m.every_weeks == 0 && m.after_incident_above.is_none() {
            fail(
                "moments".into(),
                "no decision moments: set every_weeks or after_incident_above".into(),
            );
        }
        if !(1..=MAX_DECISIONS).contains(&m.max_decisions) {
            fail(
                "moments.max_decisions".into(),
                format!("{} is out of range 1..={MAX_DECISIONS}", m.max_decisions),
            );
        }
        let two = self.is_two_sided();
        match self.sides.as_slice() {
            [] => {}
            [one] if *one == self.side => {}
            [Side::Client, Side::Supplier] if self.side == Side::Client => {}
            _ => fail(
                "sides".into(),
                "allowed: [], the exercise's side, or [\"client\", \"supplier\"] (then side is client and menu is the client's)".into(),
            ),
        }
        if two && self.supplier_menu.is_empty() {
            fail(
                "supplier_menu".into(),
                "both sides play: the supplier needs a menu".into(),
            );
        }
        if !two && !self.supplier_menu.is_empty() {
            fail(
                "supplier_menu".into(),
                "only for an exercise where both sides play (\"sides\": [\"client\", \"supplier\"])".into(),
            );
        }
        for (field, menu, side) in [
            ("menu", &self.menu, self.side),
            ("supplier_menu", &self.supplier_menu, Side::Supplier),
        ] {
            if menu.len() > MAX_OPTIONS {
                fail(
                    field.into(),
                    format!("{} options; at most {MAX_OPTIONS}", menu.len()),
                );
            }
            for (i, c) in menu.iter().enumerate() {
                if c.id.trim().is_empty() || c.id == CARRY_ON || (two && c.id == ACCEPT) {
                    fail(
                        format!("{field}[{i}].id"),
                        format!("must be non-empty and not '{CARRY_ON}' or '{ACCEPT}' (those are always offered)"),
                    );
                }
                if menu[..i].iter().any(|o| o.id == c.id) {
                    fail(
                        format!("{field}[{i}].id"),
                        format!("'{}' is used twice", c.id),
                    );
                }
                if c.label.en.trim().is_empty() && c.label.nl.trim().is_empty() {
                    fail(
                        format!("{field}[{i}].label"),
                        "needs an English or Dutch text".into(),
                    );
                }
                let client_only =
                    matches!(c.action, Intervention::Exit(_) | Intervention::Escalate(_))
                        || (two && matches!(c.action, Intervention::ChangeRole(_)));
                if side == Side::Supplier && client_only {
                    fail(
                        format!("{field}[{i}].action.kind"),
                        "exit, escalation and the relationship manager are the client's decisions; not allowed on the supplier side".into(),
                    );
                }
                let supplier_only = matches!(
                    c.action,
                    Intervention::EffortPolicy(_) | Intervention::SupplierExit(_)
                );
                if side == Side::Client && supplier_only {
                    fail(
                        format!("{field}[{i}].action.kind"),
                        "an effort policy and the supplier's exit are the supplier's decisions; not allowed on the client side"
                            .into(),
                    );
                }
                // The action is checked as an intervention of the scenario, at week 0.
                let mut probe = self.scenario.clone();
                probe.interventions = vec![super::at_week(&c.action, 0)];
                for e in probe.problems() {
                    if let Some(rest) = e.path.strip_prefix("interventions[0].") {
                        fail(format!("{field}[{i}].action.{rest}"), e.message);
                    }
                }
            }
        }
        let s = &self.scoring;
        for (field, w) in [
            ("end_status", s.end_status),
            ("money", s.money),
            ("relationship", s.relationship),
            ("trust", s.trust),
        ] {
            if !(0.0..=100.0).contains(&w) {
                fail(
                    format!("scoring.{field}"),
                    format!("{w} is out of range 0..=100"),
                );
            }
        }
        if s.end_status + s.money + s.relationship + s.trust <= 0.0 {
            fail(
                "scoring".into(),
                "at least one weight must be above 0".into(),
            );
        }
        for (i, q) in self.questions.iter().enumerate() {
            if empty(q) {
                fail(
                    format!("questions[{i}]"),
                    "needs an English or Dutch text".into(),
                );
            }
        }
        for (i, d) in self.best_path.iter().enumerate() {
            if d.option != CARRY_ON && !self.menu.iter().any(|c| c.id == d.option) {
                fail(
                    format!("best_path[{i}].option"),
                    format!("'{}' is not in the menu", d.option),
                );
            }
            if d.week >= self.scenario.weeks {
                fail(
                    format!("best_path[{i}].week"),
                    format!(
                        "{} is out of range 0..={}",
                        d.week,
                        self.scenario.weeks.saturating_sub(1)
                    ),
                );
            }
        }
        for (path, message) in self.claim_problems() {
            fail(path, message);
        }
        for e in self.scenario.problems() {
            fail(format!("scenario.{}", e.path), e.message);
        }
        errors
    }
}

fn empty(t: &Text) -> bool {
    t.en.trim().is_empty() && t.nl.trim().is_empty()
}
