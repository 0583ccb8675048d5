//! A pair's routes, for its two sides: what this side sees of the pair (whole, or live), and
//! its choice at the open moment.

use std::convert::Infallible;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::Json;
use futures_util::stream::{self, Stream, StreamExt};

use super::db;
use super::pairs::{self, channel};
use super::reply::{bearer, body, now, refuse, Reply};
use super::state::{participant, with_db, AppState};
use crate::live::{PairChoice, PairView, ProblemCode};
use crate::sim::exercise::{Exercise, Side};

/// This participant's pair and side.
fn seat(conn: &rusqlite::Connection, key: Option<&str>) -> Reply<(u64, Side)> {
    let (p, _) = participant(conn, key, now())?;
    match db::seat_of(conn, p.row.id)? {
        Some((pair, client)) => Ok((pair, if client { Side::Client } else { Side::Supplier })),
        None => refuse(
            ProblemCode::NotFound,
            "pair",
            "this participant plays no pair",
        ),
    }
}

/// The participant of `key` in a class played in pairs, with the class and its exercise.
fn pair_participant(
    conn: &rusqlite::Connection,
    key: Option<&str>,
) -> Reply<(db::ParticipantRow, db::ClassRow, Exercise)> {
    let (p, class) = participant(conn, key, now())?;
    let ex = super::state::exercise(&class)?;
    if !ex.is_two_sided() {
        return refuse(
            ProblemCode::NotFound,
            "pair",
            "this class is not played in pairs",
        );
    }
    Ok((p, class, ex))
}

fn load_view(conn: &rusqlite::Connection, pair: u64, side: Side) -> Reply<PairView> {
    let Some(p) = db::pair(conn, pair)? else {
        return refuse(ProblemCode::NotFound, "pair", "no such pair");
    };
    let seconds = db::round_seconds(conn, &p.class_id)?;
    pairs::view(&p, side, seconds)
}

/// `GET /api/pair`.
pub async fn get(State(st): State<AppState>, headers: HeaderMap) -> Reply<Json<PairView>> {
    let key = bearer(&headers);
    let v = with_db(&st, move |conn, _| {
        let (pair, side) = seat(conn, key.as_deref())?;
        load_view(conn, pair, side)
    })
    .await?;
    Ok(Json(v))
}

/// What a participant sees of their pair: `None` while they wait to be paired.
fn view_of(conn: &rusqlite::Connection, participant: u64) -> Reply<Option<PairView>> {
    match db::seat_of(conn, participant)? {
        Some((pair, client)) => {
            let side = if client { Side::Client } else { Side::Supplier };
            load_view(conn, pair, side).map(Some)
        }
        None => Ok(None),
    }
}

fn sse(v: &Option<PairView>) -> Result<SseEvent, Infallible> {
    Ok(SseEvent::default().data(serde_json::to_string(v).unwrap_or_default()))
}

/// `GET /api/pair/events`: this participant's view of their pair (`null` while they wait to
/// be paired), then again at each change — of the pair, or of their being paired or split.
pub async fn events(
    State(st): State<AppState>,
    headers: HeaderMap,
) -> Reply<Sse<impl Stream<Item = Result<SseEvent, Infallible>>>> {
    let key = bearer(&headers);
    let (first, rx, me) = with_db(&st, move |conn, shared| {
        let (p, _, _) = pair_participant(conn, key.as_deref())?;
        let rx = shared.hub.subscribe(&channel(p.row.id));
        Ok((view_of(conn, p.row.id)?, rx, p.row.id))
    })
    .await?;
    let rest = stream::unfold(Some((rx, st)), move |s| async move {
        let (mut rx, st) = s?;
        // Any change (or a gap) is answered with this participant's fresh view.
        match rx.recv().await {
            Err(tokio::sync::broadcast::error::RecvError::Closed) => None,
            _ => {
                let v = with_db(&st, move |conn, _| view_of(conn, me)).await.ok()?;
                Some((sse(&v), Some((rx, st))))
            }
        }
    });
    let stream = stream::once(async move { sse(&first) }).chain(rest);
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

/// `POST /api/pair/decide`.
pub async fn decide(
    State(st): State<AppState>,
    headers: HeaderMap,
    raw: Result<Bytes, BytesRejection>,
) -> Reply<StatusCode> {
    let req: PairChoice = body(raw, "choice")?;
    let key = bearer(&headers);
    let (class_id, p, members) = with_db(&st, move |conn, _| {
        let (pair, side) = seat(conn, key.as_deref())?;
        let (class_id, p) = pairs::decide(conn, pair, side, req.moment, &req.option)?;
        let members = pairs::member_rows(conn, &p)?;
        Ok((class_id, p, members))
    })
    .await?;
    pairs::publish(&st, &class_id, &p, members);
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/pair/scripted`: play against a scripted side while no partner comes — from a
/// half pair, or (in a class paired by hand, when nobody is left to pair with) from waiting.
pub async fn scripted(State(st): State<AppState>, headers: HeaderMap) -> Reply<StatusCode> {
    let key = bearer(&headers);
    let (class_id, p) = with_db(&st, move |conn, _| {
        let (me, class, ex) = pair_participant(conn, key.as_deref())?;
        let pair = match db::seat_of(conn, me.row.id)? {
            Some((pair, _)) => pair,
            None => pairs::seat_alone(conn, &class.id, me.row.id, &ex)?,
        };
        pairs::play_scripted(conn, pair)
    })
    .await?;
    pairs::publish(&st, &class_id, &p, Vec::new());
    Ok(StatusCode::NO_CONTENT)
}
