//! What can go wrong with a request, as the server answers it: a code the app tells in the
//! user's language, the field at fault, and the server's own sentence (English) for tools.

use serde::{Deserialize, Serialize};

/// The kinds of refusal; the app has a sentence for each in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// The request's content is not valid (the field says where).
    Invalid,
    /// No class (or participant) by that code, id or key.
    NotFound,
    /// The key is missing or not this class's.
    Unauthorised,
    /// The class is closed: no more joins or results.
    Closed,
    /// Another participant of the class has this name.
    NameTaken,
    /// The class has its most participants.
    Full,
    /// This participant has handed in a result already.
    AlreadyDone,
    /// The decisions do not replay to the stated score on the class's exercise.
    Unverified,
    /// Too many wrong join codes from this address; try again later.
    RateLimited,
    /// The request body is larger than the server reads.
    TooLarge,
    /// The server could not do it (its database); nothing was stored.
    Server,
}

/// A refused request: the body of every answer that is not a success.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiProblem {
    /// What kind of refusal.
    pub code: ProblemCode,
    /// The field at fault (dotted path), or empty.
    pub field: String,
    /// What is wrong and what is allowed, in English.
    pub message: String,
}

impl ApiProblem {
    /// A refusal of `code` at `field`.
    pub fn new(code: ProblemCode, field: &str, message: impl Into<String>) -> Self {
        Self {
            code,
            field: field.into(),
            message: message.into(),
        }
    }
}

impl From<crate::sim::ScenarioError> for ApiProblem {
    fn from(e: crate::sim::ScenarioError) -> Self {
        Self::new(ProblemCode::Invalid, &e.path, e.message)
    }
}

impl std::fmt::Display for ApiProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}
