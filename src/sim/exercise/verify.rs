//! Checking a result against its exercise: the decisions are replayed on the exercise's own
//! seed — the same model code, bit for bit — and the score the replay gives must be the score
//! the result states. A result whose score was edited, whose decisions were changed, that names
//! an option the menu does not have, or that belongs to another exercise (or to one changed
//! since) does not verify, and says why.

use super::debrief::score_of;
use super::{Decision, Exercise, ExerciseResult, Play};

/// Why a result does not verify against an exercise.
#[derive(Clone, Debug, PartialEq)]
pub enum Unverified {
    /// The result is of another exercise (its id).
    OtherExercise(String),
    /// Decision `index` names an option the exercise's menu does not have.
    UnknownOption {
        /// Its place among the decisions, 0-based.
        index: usize,
        /// The option named.
        option: String,
    },
    /// Decision `index` was taken at another week than the replay reaches that moment (the
    /// decisions were changed, or the exercise was).
    OtherWeek {
        /// Its place among the decisions, 0-based.
        index: usize,
        /// The week the result states.
        stated: u32,
        /// The week the replay reaches.
        replayed: u32,
    },
    /// The result has more decisions than the replay reaches moments.
    TooManyDecisions {
        /// Decisions stated.
        stated: usize,
        /// Moments reached.
        replayed: usize,
    },
    /// The replayed score differs from the stated one.
    OtherScore {
        /// The score the result states.
        stated: f64,
        /// The score its decisions give.
        replayed: f64,
    },
}

impl std::fmt::Display for Unverified {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unverified::OtherExercise(id) => write!(f, "exercise: the result is of '{id}'"),
            Unverified::UnknownOption { index, option } => write!(
                f,
                "decisions[{index}].option: '{option}' is not on the exercise's menu"
            ),
            Unverified::OtherWeek {
                index,
                stated,
                replayed,
            } => write!(
                f,
                "decisions[{index}].week: {stated}, but the exercise reaches that moment in week {replayed}"
            ),
            Unverified::TooManyDecisions { stated, replayed } => write!(
                f,
                "decisions: {stated} stated, but the exercise has {replayed} moments on this path"
            ),
            Unverified::OtherScore { stated, replayed } => write!(
                f,
                "score.total: {stated} stated, but the decisions score {replayed}"
            ),
        }
    }
}

impl ExerciseResult {
    /// Replays this result's decisions on `exercise` and returns the score they give, or why
    /// the result does not verify.
    pub fn verify(&self, exercise: &Exercise) -> Result<f64, Unverified> {
        if self.exercise != exercise.id {
            return Err(Unverified::OtherExercise(self.exercise.clone()));
        }
        exercise
            .verify(&self.decisions, self.score.total)
            .map(|(_, score)| score)
    }
}

impl Exercise {
    /// Replays `decisions` strictly — each option on the menu, each taken in the week the
    /// replay reaches its moment — and returns the finished play and its score, which must be
    /// `stated` bit for bit. Moments after the last decision are carried on, as a play that
    /// ended there.
    pub fn verify(&self, decisions: &[Decision], stated: f64) -> Result<(Play, f64), Unverified> {
        let mut play = Play::new(self.clone());
        for (index, d) in decisions.iter().enumerate() {
            if play.is_finished() {
                return Err(Unverified::TooManyDecisions {
                    stated: decisions.len(),
                    replayed: index,
                });
            }
            let options = self.options();
            let Some(choice) = options.iter().position(|(id, _)| *id == d.option) else {
                return Err(Unverified::UnknownOption {
                    index,
                    option: d.option.clone(),
                });
            };
            if d.week != play.seen() {
                return Err(Unverified::OtherWeek {
                    index,
                    stated: d.week,
                    replayed: play.seen(),
                });
            }
            play.decide(choice);
        }
        while !play.is_finished() {
            play.decide(0);
        }
        let replayed = score_of(self, &play.history().rows).total;
        // Bit for bit: the same code on the same seed gives the same number.
        if replayed.to_bits() != stated.to_bits() {
            return Err(Unverified::OtherScore { stated, replayed });
        }
        Ok((play, replayed))
    }
}
