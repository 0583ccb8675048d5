//! Training exercises: a scenario played round by round. The participant takes one side, decides
//! at moments that matter (every N weeks and after large incidents) from a menu the author chose,
//! and is scored on the end status, the money, the relationship and trust; the debrief replays
//! their decisions over other random futures to tell luck from skill.
//!
//! An exercise is plain serde data, versioned and validated like a scenario: every struct denies
//! unknown fields and every problem names its field.

mod builtin;
mod claims;
mod debrief;
mod intake;
mod pair;
mod play;
mod validate;
mod verify;

mod spec;

pub use builtin::{builtin, builtin_pair, default_menu, BUILTIN, BUILTIN_PAIRS};
pub use claims::CLAIM_FUTURES;
pub use debrief::{
    class_board, luck_of_scores, luck_or_skill, luck_scores, score_for, score_of, ClassBoard,
    Debrief, ExerciseResult, Luck, Moment, OptionCount, OwnMoment, PathSummary, Score, ScoreParts,
    LUCK_RUNS, MAX_PARTICIPANT_CHARS, RESULT_KIND, RESULT_VERSION,
};
pub use intake::{admit, Check, Entry, Refusal, MAX_RESULT_BYTES, MAX_RESULT_FILES};
pub use pair::{
    actor, misreadings, mood_read, other, pair_luck, PairDecision, PairPlay, Proposal, ACCEPT,
};
pub use play::Play;
pub use verify::Unverified;

pub use spec::{
    at_week, Choice, Claim, ClaimCheck, Decision, Exercise, Moments, Path, PathOutcome, Scoring,
    Side, Text, CARRY_ON, EXERCISE_VERSION, MAX_DECISIONS, MAX_OPTIONS,
};
