//! Answers: a refusal becomes its status and an [`ApiProblem`] body; bodies are read with the
//! model's own JSON errors (the field at fault, line and column).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;

use crate::live::{ApiProblem, ProblemCode, MAX_BODY_BYTES};

/// A refused request.
#[derive(Debug)]
pub struct Refusal(pub ApiProblem);

/// A route's result.
pub type Reply<T> = Result<T, Refusal>;

/// A refusal of `code` at `field`.
pub fn refuse<T>(code: ProblemCode, field: &str, message: impl Into<String>) -> Reply<T> {
    Err(Refusal(ApiProblem::new(code, field, message)))
}

impl From<ApiProblem> for Refusal {
    fn from(p: ApiProblem) -> Self {
        Self(p)
    }
}

impl From<crate::sim::ScenarioError> for Refusal {
    fn from(e: crate::sim::ScenarioError) -> Self {
        Self(e.into())
    }
}

impl From<rusqlite::Error> for Refusal {
    fn from(e: rusqlite::Error) -> Self {
        // The details stay in the server's log; the user learns that nothing was stored.
        eprintln!("relsim serve: database: {e}");
        Self(ApiProblem::new(
            ProblemCode::Server,
            "",
            "the server's database failed; nothing was stored, try again",
        ))
    }
}

/// The HTTP status of each kind of refusal.
pub fn status(code: ProblemCode) -> StatusCode {
    match code {
        ProblemCode::Invalid => StatusCode::BAD_REQUEST,
        ProblemCode::NotFound => StatusCode::NOT_FOUND,
        ProblemCode::Unauthorised => StatusCode::UNAUTHORIZED,
        ProblemCode::Closed
        | ProblemCode::NameTaken
        | ProblemCode::Full
        | ProblemCode::AlreadyDone => StatusCode::CONFLICT,
        ProblemCode::Unverified => StatusCode::UNPROCESSABLE_ENTITY,
        ProblemCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        ProblemCode::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        ProblemCode::Server => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (status(self.0.code), Json(self.0)).into_response()
    }
}

/// Reads a JSON body as `T`; `what` names it in errors ("join request").
pub fn body<T: DeserializeOwned>(body: Result<Bytes, BytesRejection>, what: &str) -> Reply<T> {
    let bytes = match body {
        Ok(b) => b,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return refuse(
                ProblemCode::TooLarge,
                "",
                format!("the {what} is larger than {} KB", MAX_BODY_BYTES / 1024),
            )
        }
        Err(e) => return refuse(ProblemCode::Invalid, "", format!("the {what}: {e}")),
    };
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        ApiProblem::new(
            ProblemCode::Invalid,
            "",
            format!("the {what} is not UTF-8 text"),
        )
    })?;
    Ok(crate::sim::json::read(text, what)?)
}

/// The bearer key of a request, if any.
pub fn bearer(headers: &HeaderMap) -> Option<String> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let key = value.strip_prefix("Bearer ")?.trim();
    (!key.is_empty()).then(|| key.to_string())
}

/// Seconds since 1970.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
