//! Messages built from the string tables: refused edits and unreadable files, naming the input
//! and its allowed range in the interface language (never the English validation text).

use super::table::Strings;
use crate::sim::fields::{self, Field, Label, Num, Range, Refusal};
use crate::sim::{Scenario, ScenarioError, MAX_EVENTS};

/// `v` with as many decimals as `step` has and a decimal point (as a number input wants it).
pub fn fixed(v: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10()).ceil() as usize
    };
    format!("{v:.decimals$}")
}

impl Strings {
    /// `v` with as many decimals as `step` has, and this language's decimal sign.
    pub fn number(&self, v: f64, step: f64) -> String {
        fixed(v, step).replace('.', self.decimal_sign)
    }

    /// A refused value of the input `label` with range `range`.
    pub fn refused(&self, label: Label, range: &Range, refusal: Refusal) -> String {
        let label = self.label(label);
        match refusal {
            Refusal::NotFinite(v) => Strings::fill(
                self.not_a_number,
                &[("label", label), ("value", &v.to_string())],
            ),
            Refusal::OutOfRange { value, min, max } => {
                let shown = match range.num {
                    Num::Integer => value.to_string(),
                    Num::Float => value.to_string().replace('.', self.decimal_sign),
                };
                Strings::fill(
                    self.out_of_range,
                    &[
                        ("label", label),
                        ("value", &shown),
                        ("min", &self.number(min, range.step)),
                        ("max", &self.number(max, range.step)),
                    ],
                )
            }
        }
    }

    /// A text of `n` characters in the input `label`, over its `max`.
    pub fn too_long(&self, label: &str, n: usize, max: usize) -> String {
        Strings::fill(
            self.text_too_long,
            &[
                ("label", label),
                ("n", &n.to_string()),
                ("max", &max.to_string()),
            ],
        )
    }

    /// Text typed into the input `label` that is not a number.
    pub fn not_number(&self, label: Label, text: &str) -> String {
        Strings::fill(
            self.not_a_number,
            &[("label", self.label(label)), ("value", text.trim())],
        )
    }

    /// Why `next` (an edited scenario) was refused, naming the input and its allowed range.
    pub fn scenario_error(&self, e: &ScenarioError, next: &Scenario) -> String {
        let in_list = |list: &str| -> Option<(usize, &str)> {
            let rest = e.path.strip_prefix(list)?.strip_prefix('[')?;
            let (i, key) = rest.split_once("].")?;
            Some((i.parse().ok()?, key))
        };
        fn explain<T>(t: &Strings, f: &Field<T>, item: &T, next: &Scenario) -> Option<String> {
            let v = (f.get)(item)?;
            let refusal = f.range.check(next, v).err()?;
            Some(t.refused(f.label, &f.range, refusal))
        }
        let in_range = fields::find(&e.path).and_then(|f| explain(self, f, next, next));
        let text = if in_range.is_some() {
            in_range
        } else if e.path == fields::EUPHORIA_UPPER.path {
            let min = self.number(
                next.bounds.critical_lower,
                fields::CRITICAL_LOWER.range.step,
            );
            let label = self.label(Label::EuphoriaUpper);
            Some(Strings::fill(
                self.bounds_order,
                &[("label", label), ("min", &min)],
            ))
        } else if e.path == "incidents" {
            let max = MAX_EVENTS.to_string();
            Some(Strings::fill(self.too_many_events, &[("max", &max)]))
        } else if let Some(f) = fields::TEXTS.iter().find(|f| f.path == e.path) {
            let label = if f.path == "name" {
                self.text_name
            } else {
                self.text_description
            };
            Some(self.too_long(label, (f.get)(next).chars().count(), f.max))
        } else if let Some((i, "note")) = in_list("incidents") {
            let n = next.incidents.get(i).map_or(0, |x| x.note.chars().count());
            let m = self.too_long(self.note, n, fields::MAX_NOTE_CHARS);
            Some(format!("{} {} — {m}", self.sec_incidents, i + 1))
        } else if let Some((i, key)) = in_list("incidents") {
            let f = fields::INCIDENT.iter().find(|f| f.path == key);
            let item = next.incidents.get(i);
            let text = f.zip(item).and_then(|(f, x)| explain(self, f, x, next));
            text.map(|m| format!("{} {} — {m}", self.sec_incidents, i + 1))
        } else if let Some((i, key)) = in_list("interventions") {
            let f = fields::INTERVENTION.iter().find(|f| f.path == key);
            let item = next.interventions.get(i);
            let text = f.zip(item).and_then(|(f, x)| explain(self, f, x, next));
            text.map(|m| format!("{} {} — {m}", self.intervention, i + 1))
        } else {
            None
        };
        // A rule without a translation (none is reachable from the editor) keeps its English.
        text.unwrap_or_else(|| e.to_string())
    }

    /// Why a scenario file, link or stored text could not be loaded, in this language where the
    /// fault is a value out of its range (read from `json` without validation to name the value
    /// and the range); a broken document keeps the parser's words, which name line and column.
    pub fn load_error(&self, e: &ScenarioError, json: &str) -> String {
        match crate::sim::json::read::<Scenario>(json, "scenario JSON") {
            Ok(unchecked) => self.scenario_error(e, &unchecked),
            Err(_) => e.to_string(),
        }
    }
}
