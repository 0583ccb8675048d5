//! The class board's intake of result files: a board holds the results of one exercise, each
//! participant once, each file replayed against its exercise when that exercise is at hand, and
//! no more files, or larger ones, than a class needs.

use super::{Exercise, ExerciseResult, Unverified};
use crate::sim::ScenarioError;

/// Most result files one board takes: a large course.
pub const MAX_RESULT_FILES: usize = 200;
/// Largest result file read, in bytes (a real one is about 10 KB).
pub const MAX_RESULT_BYTES: usize = 256 * 1024;

/// What the replay of a result said.
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    /// Its decisions give its score on its exercise.
    Verified,
    /// They do not, and why.
    Unverified(Unverified),
    /// Its exercise is not at hand (an authored one not opened here), so it was not replayed.
    NotChecked,
}

/// A result on the board, with its check.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The result as read.
    pub result: ExerciseResult,
    /// What its replay said.
    pub check: Check,
}

impl Entry {
    /// Whether it may be ranked and counted: not shown to be false.
    pub fn trusted(&self) -> bool {
        !matches!(self.check, Check::Unverified(_))
    }
}

/// Why a file was not taken onto the board.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Larger than [`MAX_RESULT_BYTES`].
    TooLarge(usize),
    /// The board has [`MAX_RESULT_FILES`] results.
    Full,
    /// Not a result file (the field at fault).
    Unreadable(ScenarioError),
    /// Of another exercise than the board's.
    OtherExercise {
        /// The board's exercise.
        board: String,
        /// The file's.
        file: String,
    },
    /// A result of this participant is on the board already.
    Again(String),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::TooLarge(n) => write!(
                f,
                "{n} bytes; a result file has at most {MAX_RESULT_BYTES}"
            ),
            Refusal::Full => write!(f, "the board holds its most results ({MAX_RESULT_FILES})"),
            Refusal::Unreadable(e) => write!(f, "{e}"),
            Refusal::OtherExercise { board, file } => write!(
                f,
                "exercise: '{file}', but this board holds results of '{board}' (clear it for another exercise)"
            ),
            Refusal::Again(name) => write!(
                f,
                "participant: '{name}' is on the board already (a participant counts once)"
            ),
        }
    }
}

/// Reads a result file onto the board, replaying it against its exercise when `find` has it.
pub fn admit(
    board: &mut Vec<Entry>,
    text: &str,
    find: impl Fn(&str) -> Option<Exercise>,
) -> Result<(), Refusal> {
    if text.len() > MAX_RESULT_BYTES {
        return Err(Refusal::TooLarge(text.len()));
    }
    if board.len() >= MAX_RESULT_FILES {
        return Err(Refusal::Full);
    }
    let result = ExerciseResult::from_json(text).map_err(Refusal::Unreadable)?;
    if let Some(first) = board.first() {
        if first.result.exercise != result.exercise {
            return Err(Refusal::OtherExercise {
                board: first.result.exercise.clone(),
                file: result.exercise,
            });
        }
    }
    // The same name twice is one participant; so is the same file under no name.
    let again = board.iter().any(|e| {
        if result.participant.is_empty() {
            e.result == result
        } else {
            e.result.participant == result.participant
        }
    });
    if again {
        return Err(Refusal::Again(result.participant));
    }
    let check = match find(&result.exercise) {
        Some(ex) => match result.verify(&ex) {
            Ok(_) => Check::Verified,
            Err(why) => Check::Unverified(why),
        },
        None => Check::NotChecked,
    };
    board.push(Entry { result, check });
    Ok(())
}
