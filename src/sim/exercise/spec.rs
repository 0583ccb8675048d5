//! An exercise as plain serde data: its texts in both languages, the side played, the decision
//! moments, the menu, the scoring weights and the claims it teaches.

use serde::{Deserialize, Serialize};

use crate::sim::intervention::Intervention;
use crate::sim::scenario::Scenario;
use crate::sim::ScenarioError;

/// The exercise format version this build writes and reads.
pub const EXERCISE_VERSION: u32 = 1;
/// Most decision moments one play may have: enough for a weekly rhythm over a quarter, few
/// enough that a class session stays within an hour.
pub const MAX_DECISIONS: u32 = 40;
/// Most options in a decision menu besides "carry on".
pub const MAX_OPTIONS: usize = 12;
/// Id of the implicit first option: change nothing.
pub const CARRY_ON: &str = "carry_on";

/// A text in both interface languages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Text {
    /// English.
    pub en: String,
    /// Dutch.
    pub nl: String,
}

impl Text {
    /// The text in one language by its code (`"nl"` or anything else for English); falls back
    /// to the other language when one is empty.
    pub fn get(&self, lang: &str) -> &str {
        let (a, b) = if lang == "nl" {
            (&self.nl, &self.en)
        } else {
            (&self.en, &self.nl)
        };
        if a.is_empty() {
            b
        } else {
            a
        }
    }

    /// A text as a trainer typed it in each language: trimmed, the empty language filled with
    /// the other; `None` when both are empty.
    pub fn typed(en: &str, nl: &str) -> Option<Text> {
        let (en, nl) = (en.trim(), nl.trim());
        if en.is_empty() && nl.is_empty() {
            return None;
        }
        Some(Text {
            en: if en.is_empty() { nl } else { en }.to_string(),
            nl: if nl.is_empty() { en } else { nl }.to_string(),
        })
    }

    /// One text per non-empty line, pairing line `i` of each language (see [`Text::typed`]).
    pub fn lines(&self) -> Vec<Text> {
        let lines = |s: &str| -> Vec<String> {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        };
        let (en, nl) = (lines(&self.en), lines(&self.nl));
        (0..en.len().max(nl.len()))
            .filter_map(|i| {
                let at = |v: &[String]| v.get(i).cloned().unwrap_or_default();
                Text::typed(&at(&en), &at(&nl))
            })
            .collect()
    }
}

/// Which side the participant plays.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The client's contract manager: scored on the client's net value.
    #[default]
    Client,
    /// The supplier's account manager: scored on the supplier's margin.
    Supplier,
}

impl Side {
    /// The id in files and in the page (`client` or `supplier`), as serde writes it.
    pub fn id(self) -> &'static str {
        match self {
            Side::Client => "client",
            Side::Supplier => "supplier",
        }
    }
}

/// When the run stops for a decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Moments {
    /// A decision every this many weeks (0: none on a rhythm).
    pub every_weeks: u32,
    /// Also a decision after any negative incident at least this large (none: off).
    pub after_incident_above: Option<f64>,
    /// At most this many decisions in one play.
    pub max_decisions: u32,
}

impl Default for Moments {
    fn default() -> Self {
        Self {
            every_weeks: 26,
            after_incident_above: Some(0.5),
            max_decisions: 12,
        }
    }
}

/// One option of the decision menu: an intervention that starts the week after the decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Identifier, unique in the menu; recorded in results.
    pub id: String,
    /// What the participant reads.
    pub label: Text,
    /// The intervention; its week is replaced by the week after the decision.
    pub action: Intervention,
}

/// Weights of the score's parts; each part is 0..=1 and the score is their weighted mean × 100.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scoring {
    /// The status at the end (partnership best, terminated worst).
    pub end_status: f64,
    /// The client's net value or the supplier's margin over the run, by side.
    pub money: f64,
    /// The mean relationship line.
    pub relationship: f64,
    /// The mean of both parties' trust.
    pub trust: f64,
}

impl Default for Scoring {
    fn default() -> Self {
        Self {
            end_status: 1.0,
            money: 1.0,
            relationship: 1.0,
            trust: 1.0,
        }
    }
}

/// A decision taken: which option at which moment, effective from which week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The moment's index, 0-based.
    pub moment: u32,
    /// The week the chosen option takes effect (the first week the participant had not seen).
    pub week: u32,
    /// The option's id (`carry_on` for none).
    pub option: String,
}

/// A complete exercise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Exercise {
    /// Format version ([`EXERCISE_VERSION`]).
    pub schema_version: u32,
    /// Identifier, used in result files to match results to their exercise.
    pub id: String,
    /// Title.
    pub title: Text,
    /// What the participant reads before starting.
    pub briefing: Text,
    /// What the trainer wants the class to learn (shown in the debrief).
    pub goal: Text,
    /// The side the participant plays.
    pub side: Side,
    /// When decisions are taken.
    pub moments: Moments,
    /// The decision menu after the implicit "carry on" (the client's, when both sides play).
    pub menu: Vec<Choice>,
    /// The sides people play: empty for `side` alone, `["client", "supplier"]` for both (a pair
    /// plays one relationship; see `pair.rs`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sides: Vec<Side>,
    /// The supplier's menu when both sides play.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub supplier_menu: Vec<Choice>,
    /// How the outcome is scored.
    pub scoring: Scoring,
    /// Questions for the class discussion.
    pub questions: Vec<Text>,
    /// The path the author recorded as best, replayed at the play's own moments in the debrief
    /// (its options are taken in order, one per moment).
    pub best_path: Vec<Decision>,
    /// What the exercise teaches, as claims over its numbers (checked over many futures).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    /// The relationship being played; its seed fixes the random future.
    pub scenario: Scenario,
}

impl Default for Exercise {
    fn default() -> Self {
        Self {
            schema_version: EXERCISE_VERSION,
            id: "exercise".into(),
            title: Text::default(),
            briefing: Text::default(),
            goal: Text::default(),
            side: Side::Client,
            moments: Moments::default(),
            menu: Vec::new(),
            sides: Vec::new(),
            supplier_menu: Vec::new(),
            scoring: Scoring::default(),
            questions: Vec::new(),
            best_path: Vec::new(),
            claims: Vec::new(),
            scenario: Scenario::default(),
        }
    }
}

impl Exercise {
    /// Parses and validates an exercise file.
    pub fn from_json(text: &str) -> Result<Exercise, ScenarioError> {
        let ex: Exercise = crate::sim::json::read(text, "exercise JSON")?;
        ex.validate()?;
        Ok(ex)
    }

    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        crate::sim::json::pretty(self)
    }

    /// The first problem, if any.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        match self.problems().into_iter().next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// The options in menu order, "carry on" first: (id, label, action).
    pub fn options(&self) -> Vec<(&str, Option<&Choice>)> {
        std::iter::once((CARRY_ON, None))
            .chain(self.menu.iter().map(|c| (c.id.as_str(), Some(c))))
            .collect()
    }

    /// The scenario with these decisions applied as interventions from their weeks: the
    /// participant's decisions as a policy. Unknown option ids are ignored (validated elsewhere).
    pub fn with_decisions(&self, decisions: &[Decision]) -> Scenario {
        let mut s = self.scenario.clone();
        for d in decisions {
            if let Some(c) = self.menu.iter().find(|c| c.id == d.option) {
                s.interventions.push(at_week(&c.action, d.week));
            }
        }
        s
    }
}

/// The intervention moved to `week`.
pub fn at_week(action: &Intervention, week: u32) -> Intervention {
    let mut x = action.clone();
    x.set_week(week);
    x
}

/// A way of playing: the option taken at each decision moment in turn (carry on after the list).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Path {
    /// The author's recorded best path.
    Best,
    /// Never intervening.
    CarryOn,
    /// These options at the first moments, in order.
    Options(Vec<String>),
}

impl Path {
    /// How the path reads in a message.
    pub fn describe(&self) -> String {
        match self {
            Path::Best => "the best path".into(),
            Path::CarryOn => "carrying on".into(),
            Path::Options(v) => {
                let wait = v.iter().take_while(|o| *o == CARRY_ON).count();
                let rest = v[wait..].join(", then ");
                match (wait, rest.is_empty()) {
                    (_, true) => "carrying on".into(),
                    (0, false) => format!("taking {rest}"),
                    (n, false) => format!("carrying on at {n} moments, then taking {rest}"),
                }
            }
        }
    }
}

/// One claim an exercise makes about its numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Claim {
    /// `path` scores at least `by` points more than `than`, on the mean over futures.
    Beats {
        /// The better path.
        path: Path,
        /// The path it beats.
        than: Path,
        /// The least difference of mean scores, in points (0..=100).
        by: f64,
    },
    /// `path` ends in partnership status in at least `share` of futures.
    EndsInPartnership {
        /// The path.
        path: Path,
        /// The least share of futures (0..=1).
        share: f64,
    },
}

impl Claim {
    /// The claim in words (English: for test and CLI messages).
    pub fn describe(&self) -> String {
        match self {
            Claim::Beats { path, than, by } => format!(
                "{} scores at least {by} points more than {}",
                path.describe(),
                than.describe()
            ),
            Claim::EndsInPartnership { path, share } => format!(
                "{} ends in partnership in at least {:.0} % of futures",
                path.describe(),
                share * 100.0
            ),
        }
    }
}

/// A path's outcome over futures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PathOutcome {
    /// Mean score.
    pub score: f64,
    /// Share of futures that end in partnership status.
    pub partnership: f64,
}

/// A claim checked: whether it holds and the numbers it rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimCheck {
    /// The claim.
    pub claim: Claim,
    /// Whether it holds.
    pub holds: bool,
    /// The numbers, in words.
    pub detail: String,
    /// The outcome of each path the claim is about, in its order.
    pub outcomes: Vec<PathOutcome>,
}
