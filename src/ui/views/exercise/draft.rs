//! The trainer's draft of an exercise: what the authoring view edits and keeps while the
//! trainer looks elsewhere.

use crate::sim::exercise::{Decision, Exercise, Side, Text, MAX_OPTIONS};
use crate::text::Strings;

/// The trainer's settings, kept in the exercise context while switching views.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub(super) side: Side,
    /// Which options of the side's default menu are offered, in menu order.
    pub(super) offered: Vec<bool>,
    /// The path the trainer recorded as best by playing the exercise ("Record as best path").
    pub best_path: Vec<Decision>,
    pub(super) every_weeks: u32,
    pub(super) after_incident: f64,
    pub(super) max_decisions: u32,
    pub(super) weights: [f64; 4],
    /// The texts as typed, each in English and Dutch ([`Words`]).
    pub(super) words: [Text; Words::ALL.len()],
}

/// The texts a trainer writes, each in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Words {
    Title,
    Briefing,
    Goal,
    /// One question per line; line `i` of each language is question `i`.
    Questions,
}

impl Words {
    pub(super) const ALL: [Words; 4] =
        [Words::Title, Words::Briefing, Words::Goal, Words::Questions];

    pub(super) fn label(self, s: &Strings) -> &'static str {
        match self {
            Words::Title => s.title_field,
            Words::Briefing => s.briefing_field,
            Words::Goal => s.goal_field,
            Words::Questions => s.question_field,
        }
    }

    /// The English input's test id; the Dutch one adds `-nl`.
    pub(super) fn testid(self, nl: bool) -> &'static str {
        match (self, nl) {
            (Words::Title, false) => "author-title",
            (Words::Title, true) => "author-title-nl",
            (Words::Briefing, false) => "author-briefing",
            (Words::Briefing, true) => "author-briefing-nl",
            (Words::Goal, false) => "author-goal",
            (Words::Goal, true) => "author-goal-nl",
            (Words::Questions, false) => "author-question",
            (Words::Questions, true) => "author-question-nl",
        }
    }

    /// Whether the text is long (a text area rather than a line).
    pub(super) fn long(self) -> bool {
        self != Words::Title
    }
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            side: Side::Client,
            offered: vec![true; MAX_OPTIONS],
            best_path: Vec::new(),
            every_weeks: 26,
            after_incident: 0.5,
            max_decisions: 12,
            weights: [1.0; 4],
            words: Default::default(),
        }
    }
}

impl Draft {
    /// The exercise these settings make of `scenario`.
    pub fn exercise(&self, scenario: &crate::sim::Scenario) -> Exercise {
        let mut ex = Exercise::from_scenario(scenario, self.side);
        let mut keep = self.offered.iter().copied();
        ex.menu.retain(|_| keep.next().unwrap_or(true));
        ex.best_path = self.best_path.clone();
        let typed = |w: Words| {
            let t = &self.words[w as usize];
            Text::typed(&t.en, &t.nl)
        };
        if let Some(t) = typed(Words::Title) {
            ex.title = t;
        }
        if let Some(t) = typed(Words::Briefing) {
            ex.briefing = t;
        }
        if let Some(t) = typed(Words::Goal) {
            ex.goal = t;
        }
        ex.questions = self.words[Words::Questions as usize].lines();
        ex.moments.every_weeks = self.every_weeks;
        ex.moments.after_incident_above =
            (self.after_incident > 0.0).then_some(self.after_incident);
        ex.moments.max_decisions = self.max_decisions;
        let [a, b, c, d] = self.weights;
        ex.scoring.end_status = a;
        ex.scoring.money = b;
        ex.scoring.relationship = c;
        ex.scoring.trust = d;
        ex
    }
}
