//! Problems shown to the user, kept as what happened rather than as finished sentences, so that
//! a banner or a field error is told again in the new language when the user switches.

use super::table::Strings;
use crate::sim::fields::{Label, Range, Refusal};
use crate::sim::link::LinkError;
use crate::sim::{Scenario, ScenarioError};

/// A string of the table, by the field that holds it.
pub type Says = fn(&Strings) -> &'static str;

/// Something that went wrong, told in any language by [`Problem::tell`].
#[derive(Clone, Debug)]
pub enum Problem {
    /// An edit the model refused, with the scenario as the edit would have made it (to name the
    /// input and its range).
    Refused {
        /// The model's error, naming the field.
        error: ScenarioError,
        /// The refused scenario.
        scenario: Box<Scenario>,
    },
    /// A scenario text that could not be read: its fault and, when the text parsed, the text
    /// (to name a value out of range with its label).
    Unreadable {
        /// Why it could not be read.
        error: LinkError,
        /// The decoded JSON, if the fault lies in its values.
        json: Option<String>,
    },
    /// A value refused by an input's range.
    OutOfRange {
        /// The input.
        label: Label,
        /// Its allowed range.
        range: Range,
        /// Why the value was refused.
        refusal: Refusal,
    },
    /// A value outside a range given as text (a seed beyond 64 bits).
    Outside {
        /// The input's label.
        label: Says,
        /// The value as typed.
        value: String,
        /// The least allowed.
        min: String,
        /// The most allowed.
        max: String,
    },
    /// Typed text that is not a number.
    NotNumber {
        /// The input.
        label: Label,
        /// What was typed.
        text: String,
    },
    /// A text longer than its input allows.
    TooLong {
        /// The input's label.
        label: Says,
        /// The text's length in characters.
        n: usize,
        /// The most allowed.
        max: usize,
    },
    /// One sentence of the table.
    Says(Says),
    /// A problem, after what the user was doing (`Reading the link failed: …`).
    While(Says, Box<Problem>),
    /// A problem with the item it concerns (`Incident 3 — …`).
    Item(Says, usize, Box<Problem>),
    /// Result files the class board did not take, each by its file name.
    Files(Vec<(String, crate::sim::exercise::Refusal)>),
    /// A refusal of the class server (its code, field and detail).
    Live(crate::live::ApiProblem),
    /// Words in no language of ours: a decoder's message naming line and column, the
    /// browser's own error text.
    Plain(String),
}

impl Problem {
    /// The problem in the language of `t`.
    pub fn tell(&self, t: &Strings) -> String {
        match self {
            Problem::Refused { error, scenario } => t.scenario_error(error, scenario),
            Problem::Unreadable {
                error: LinkError::Scenario(e),
                json: Some(json),
            } => t.load_error(e, json),
            Problem::Unreadable { error, .. } => error.to_string(),
            Problem::OutOfRange {
                label,
                range,
                refusal,
            } => t.refused(*label, range, *refusal),
            Problem::Outside {
                label,
                value,
                min,
                max,
            } => Strings::fill(
                t.out_of_range,
                &[
                    ("label", label(t)),
                    ("value", value),
                    ("min", min),
                    ("max", max),
                ],
            ),
            Problem::NotNumber { label, text } => t.not_number(*label, text),
            Problem::TooLong { label, n, max } => t.too_long(label(t), *n, *max),
            Problem::Says(says) => says(t).to_string(),
            Problem::While(says, p) => format!("{}: {}", says(t), p.tell(t)),
            Problem::Item(says, i, p) => format!("{} {} — {}", says(t), i + 1, p.tell(t)),
            Problem::Live(p) => super::live::tell(p, t),
            Problem::Files(files) => files
                .iter()
                .map(|(name, why)| format!("{name}: {}", super::live::tell_intake(why, t)))
                .collect::<Vec<_>>()
                .join("; "),
            Problem::Plain(text) => text.clone(),
        }
    }

    /// An edit refused by the model, in `scenario` as the edit would have made it.
    pub fn refused(error: ScenarioError, scenario: &Scenario) -> Self {
        Problem::Refused {
            error,
            scenario: Box::new(scenario.clone()),
        }
    }

    /// The same problem after what the user was doing.
    pub fn while_(self, doing: Says) -> Self {
        Problem::While(doing, Box::new(self))
    }
}

impl From<String> for Problem {
    fn from(text: String) -> Self {
        Problem::Plain(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{EN, NL};

    #[test]
    fn a_problem_is_told_in_the_language_asked_each_time() {
        let mut next = Scenario::default();
        next.contract.incentive_share = 0.9;
        let e = next.validate().unwrap_err();
        let p = Problem::refused(e, &next).while_(|t| t.link_failed);
        let (en, nl) = (p.tell(&EN), p.tell(&NL));
        assert!(
            en.starts_with(EN.link_failed) && en.contains("0.00 – 0.50"),
            "{en}"
        );
        assert!(
            nl.starts_with(NL.link_failed) && nl.contains("0,00 – 0,50"),
            "{nl}"
        );
        let item = Problem::Item(
            |t| t.sec_incidents,
            2,
            Box::new(Problem::Says(|t| t.dismiss)),
        );
        assert_eq!(
            item.tell(&NL),
            format!("{} 3 — {}", NL.sec_incidents, NL.dismiss)
        );
    }
}
