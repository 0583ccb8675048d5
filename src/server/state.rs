//! What every route shares: the database (one connection, used off the async threads), the
//! live boards' hub, the join limiter, and the helpers that find a class or participant by
//! its key.

use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use super::db::{self, ClassRow, ParticipantRow};
use super::hub::Hub;
use super::keys::{self, KeyKind};
use super::limiter::Limiter;
use super::reply::{refuse, Refusal, Reply};
use crate::live::{ClassInfo, ProblemCode, JOIN_QUERY};
use crate::sim::exercise::Exercise;

/// The server's shared state.
pub struct Shared {
    /// The database.
    pub db: Mutex<Connection>,
    /// The live boards.
    pub hub: Hub,
    /// Wrong join codes per address.
    pub limiter: Limiter,
    /// Days a new class lives.
    pub expire_days: u32,
    /// Turns for making result files: one at a time.
    pub files: tokio::sync::Semaphore,
}

/// The state as routes hold it.
pub type AppState = Arc<Shared>;

/// Runs `f` on the database off the async threads.
pub async fn with_db<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&mut Connection, &Shared) -> Reply<T> + Send + 'static,
) -> Reply<T> {
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = state.db.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut conn, &state)
    })
    .await
    .map_err(|e| {
        Refusal(crate::live::ApiProblem::new(
            ProblemCode::Server,
            "",
            e.to_string(),
        ))
    })?
}

/// Runs CPU-heavy `f` (a replay) off the async threads, without the database.
pub async fn compute<T: Send + 'static>(f: impl FnOnce() -> Reply<T> + Send + 'static) -> Reply<T> {
    tokio::task::spawn_blocking(f).await.map_err(|e| {
        Refusal(crate::live::ApiProblem::new(
            ProblemCode::Server,
            "",
            e.to_string(),
        ))
    })?
}

/// The class `id`, if `key` is its trainer's key.
pub fn trainer(conn: &Connection, id: &str, key: Option<&str>, now: u64) -> Reply<ClassRow> {
    let Some(class) = db::class_by_id(conn, id, now)? else {
        return refuse(
            ProblemCode::NotFound,
            "class",
            "no class with this id (it may have been deleted or expired)",
        );
    };
    let opens = key
        .and_then(|k| keys::split(KeyKind::Trainer, k))
        .is_some_and(|(kid, secret)| kid == class.id && keys::same(secret, &class.secret));
    if !opens {
        return refuse(
            ProblemCode::Unauthorised,
            "key",
            "this is not the class's trainer key",
        );
    }
    Ok(class)
}

/// The participant of `key` and their class.
pub fn participant(
    conn: &Connection,
    key: Option<&str>,
    now: u64,
) -> Reply<(ParticipantRow, ClassRow)> {
    let unauthorised = || {
        refuse(
            ProblemCode::Unauthorised,
            "key",
            "this is not a participant key of an open class",
        )
    };
    let Some((id, secret)) = key.and_then(|k| keys::split(KeyKind::Participant, k)) else {
        return unauthorised();
    };
    let Ok(id) = id.parse::<u64>() else {
        return unauthorised();
    };
    let Some(p) = db::participant(conn, id)? else {
        return unauthorised();
    };
    if !keys::same(secret, &p.secret) {
        return unauthorised();
    }
    let Some(class) = db::class_by_id(conn, &p.class_id, now)? else {
        return unauthorised();
    };
    Ok((p, class))
}

/// The class's stored exercise.
pub fn exercise(class: &ClassRow) -> Reply<Exercise> {
    serde_json::from_str(&class.exercise_json).map_err(|e| {
        Refusal(crate::live::ApiProblem::new(
            ProblemCode::Server,
            "",
            format!("stored exercise: {e}"),
        ))
    })
}

/// The class as its trainer sees it.
pub fn info(class: &ClassRow) -> Reply<ClassInfo> {
    let exercise = exercise(class)?;
    let join_url = format!("{}/?{JOIN_QUERY}={}", class.origin, class.code);
    Ok(ClassInfo {
        id: class.id.clone(),
        code: class.code.clone(),
        qr_svg: super::qr::svg(&join_url).unwrap_or_default(),
        join_url,
        title: exercise.title.clone(),
        exercise,
        closed: class.closed,
        expires_at: class.expires_at,
        pairing: class.pairing,
    })
}
