//! The class server's API, typed: each call sends the protocol's request shape and reads its
//! answer or its refusal (told later in the user's language).

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::live::{
    ApiProblem, ClassCreated, CreateClass, Join, Joined, Progress, Submit, Submitted,
};
use crate::sim::exercise::{Decision, Exercise};
use crate::text::Problem;
use crate::ui::platform::http::{self, Answer};

/// A refusal or an unreachable server, as a problem for the page.
pub fn problem_of(answer: &Answer) -> Problem {
    match serde_json::from_str::<ApiProblem>(&answer.text) {
        Ok(p) => Problem::Live(p),
        Err(_) => Problem::Says(|t| t.live_p_network),
    }
}

async fn call<T: DeserializeOwned>(
    method: &str,
    url: &str,
    key: Option<&str>,
    body: Option<String>,
) -> Result<T, Problem> {
    let answer = http::send(method, url, key, body.as_deref())
        .await
        .map_err(|_| Problem::Says(|t| t.live_p_network))?;
    if !(200..300).contains(&answer.status) {
        return Err(problem_of(&answer));
    }
    // An empty success (204) reads as `null`.
    let text = if answer.text.is_empty() {
        "null"
    } else {
        &answer.text
    };
    serde_json::from_str(text).map_err(|e| Problem::Plain(e.to_string()))
}

fn json<T: Serialize>(v: &T) -> Option<String> {
    serde_json::to_string(v).ok()
}

/// Whether a Relsim class server serves this site.
pub async fn has_server() -> bool {
    match http::send("GET", "api/health", None, None).await {
        Ok(a) if a.status == 200 => serde_json::from_str::<serde_json::Value>(&a.text)
            .is_ok_and(|v| v.get("relsim").is_some()),
        _ => false,
    }
}

/// Opens a class on `exercise`, its pairs (if both sides play) formed by `pairing`.
pub async fn create(
    exercise: Exercise,
    origin: String,
    pairing: crate::live::Pairing,
) -> Result<ClassCreated, Problem> {
    let req = CreateClass {
        exercise,
        origin,
        pairing,
    };
    call("POST", "api/classes", None, json(&req)).await
}

/// Pairs two participants who wait, each on the side given.
pub async fn form_pair(id: &str, key: &str, client: u64, supplier: u64) -> Result<(), Problem> {
    let body = json(&crate::live::FormPair { client, supplier });
    call::<serde_json::Value>("POST", &format!("api/classes/{id}/pairs"), Some(key), body)
        .await
        .map(drop)
}

/// Splits a pair that has not started.
pub async fn split_pair(id: &str, key: &str, pair: u64) -> Result<(), Problem> {
    let url = format!("api/classes/{id}/pairs/{pair}/split");
    call("POST", &url, Some(key), None).await
}

/// Closes a class.
pub async fn close(id: &str, key: &str) -> Result<(), Problem> {
    call("POST", &format!("api/classes/{id}/close"), Some(key), None).await
}

/// Deletes a class with all its data.
pub async fn delete(id: &str, key: &str) -> Result<(), Problem> {
    call("DELETE", &format!("api/classes/{id}"), Some(key), None).await
}

/// The export in `format` (`csv` or `json`), as text.
pub async fn export(id: &str, key: &str, format: &str) -> Result<String, Problem> {
    let url = format!("api/classes/{id}/export/{format}");
    let answer = http::send("GET", &url, Some(key), None)
        .await
        .map_err(|_| Problem::Says(|t| t.live_p_network))?;
    if answer.status != 200 {
        return Err(problem_of(&answer));
    }
    Ok(answer.text)
}

/// Joins a class.
pub async fn join(code: String, name: String) -> Result<Joined, Problem> {
    call("POST", "api/join", None, json(&Join { code, name })).await
}

/// The participant's class, after a reload.
pub async fn me(key: &str) -> Result<Joined, Problem> {
    call("GET", "api/me", Some(key), None).await
}

/// Tells the board where the participant is.
pub async fn progress(key: &str, moment: u32, week: u32) -> Result<(), Problem> {
    call(
        "POST",
        "api/progress",
        Some(key),
        json(&Progress { moment, week }),
    )
    .await
}

/// Hands in the decisions and the score the screen showed.
pub async fn submit(key: &str, decisions: Vec<Decision>, score: f64) -> Result<Submitted, Problem> {
    call(
        "POST",
        "api/results",
        Some(key),
        json(&Submit { decisions, score }),
    )
    .await
}

/// This side's choice at the pair's open moment.
pub async fn pair_decide(key: &str, moment: u32, option: String) -> Result<(), Problem> {
    let body = json(&crate::live::PairChoice { moment, option });
    call("POST", "api/pair/decide", Some(key), body).await
}

/// The class's round timer for pairs.
pub async fn round(id: &str, key: &str, seconds: u32) -> Result<(), Problem> {
    let body = json(&crate::live::RoundTimer { seconds });
    call("POST", &format!("api/classes/{id}/round"), Some(key), body).await
}

/// Plays against a scripted side while no partner comes.
pub async fn pair_scripted(key: &str) -> Result<(), Problem> {
    call("POST", "api/pair/scripted", Some(key), None).await
}
