//! The trainer's routes: open a class, read its board (whole or live), close it, export its
//! results and delete it. Every route but the first needs the class's trainer key.

use std::convert::Infallible;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::broadcast::error::RecvError;

use super::db::{self, ClassRow};
use super::keys::{self, KeyKind};
use super::reply::{bearer, body, now, refuse, Reply};
use super::state::{info, trainer, with_db, AppState};
use crate::live::{
    Board, ClassCreated, CreateClass, Event, ProblemCode, RoundTimer, MAX_ROUND_SECONDS,
};
use crate::sim::csv::push_record;

/// Longest site address a class keeps for its join link.
const MAX_ORIGIN: usize = 200;

/// Checks the site address the trainer's browser sent.
fn origin(o: &str) -> Reply<String> {
    let o = o.trim_end_matches('/');
    let scheme_ok = o.starts_with("http://") || o.starts_with("https://");
    let clean = o
        .chars()
        .all(|c| c.is_ascii_graphic() && !"\"'<>\\`".contains(c));
    if !scheme_ok || !clean || o.len() > MAX_ORIGIN {
        return refuse(
            ProblemCode::Invalid,
            "origin",
            format!(
                "must be the site's address (http:// or https://, at most {MAX_ORIGIN} characters)"
            ),
        );
    }
    Ok(o.to_string())
}

/// `POST /api/classes`.
pub async fn create(
    State(st): State<AppState>,
    raw: Result<Bytes, BytesRejection>,
) -> Reply<Response> {
    let req: CreateClass = body(raw, "class request")?;
    req.exercise.validate().map_err(|mut e| {
        e.path = if e.path.is_empty() {
            "exercise".into()
        } else {
            format!("exercise.{}", e.path)
        };
        e
    })?;
    let origin = origin(&req.origin)?;
    let exercise_json = crate::sim::json::write(&req.exercise);
    let created = with_db(&st, move |conn, shared| {
        let now = now();
        // A taken code (one in 900 million per class) is drawn again.
        for _ in 0..16 {
            let class = ClassRow {
                id: keys::class_id(),
                code: keys::join_code(),
                secret: keys::secret(),
                exercise_json: exercise_json.clone(),
                origin: origin.clone(),
                expires_at: now + u64::from(shared.expire_days) * 86_400,
                closed: false,
                pairing: req.pairing,
            };
            if db::insert_class(conn, &class, now)? {
                return Ok(ClassCreated {
                    class: info(&class)?,
                    trainer_key: keys::key(KeyKind::Trainer, &class.id, &class.secret),
                });
            }
        }
        refuse(
            ProblemCode::Server,
            "code",
            "no free join code was found; try again",
        )
    })
    .await?;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

/// The whole board of an authorised class.
fn board(conn: &rusqlite::Connection, class: &ClassRow) -> Reply<Board> {
    let pairs = db::pairs(conn, &class.id)?
        .iter()
        .map(super::pairs::row)
        .collect::<Reply<Vec<_>>>()?;
    Ok(Board {
        class: info(class)?,
        rows: db::rows(conn, &class.id)?,
        pairs,
    })
}

/// `GET /api/classes/{id}`.
pub async fn get(
    State(st): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Reply<Json<Board>> {
    let key = bearer(&headers);
    let b = with_db(&st, move |conn, _| {
        let class = trainer(conn, &id, key.as_deref(), now())?;
        board(conn, &class)
    })
    .await?;
    Ok(Json(b))
}

fn sse(event: &Event) -> Result<SseEvent, Infallible> {
    Ok(SseEvent::default().data(serde_json::to_string(event).unwrap_or_default()))
}

/// `GET /api/classes/{id}/events`: the live board as server-sent events — the whole board,
/// then each change (and the whole board again after a gap).
pub async fn events(
    State(st): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Reply<Sse<impl Stream<Item = Result<SseEvent, Infallible>>>> {
    let key = bearer(&headers);
    let id2 = id.clone();
    let (first, rx) = with_db(&st, move |conn, shared| {
        let class = trainer(conn, &id2, key.as_deref(), now())?;
        // Listening starts under the database's lock, before the board is read: a change
        // committed after this read is sent (a change in both is applied twice, harmlessly).
        let rx = shared.hub.subscribe(&class.id);
        Ok((board(conn, &class)?, rx))
    })
    .await?;
    let rest = stream::unfold(Some((rx, st, id)), |s| async move {
        let (mut rx, st, id) = s?;
        match rx.recv().await {
            Ok(Event::Deleted) => Some((sse(&Event::Deleted), None)),
            Ok(e) => Some((sse(&e), Some((rx, st, id)))),
            Err(RecvError::Lagged(_)) => {
                let id2 = id.clone();
                let b = with_db(&st, move |conn, _| {
                    let class = db::class_by_id(conn, &id2, now())?;
                    class.map(|c| board(conn, &c)).transpose()
                })
                .await
                .ok()
                .flatten()?;
                Some((sse(&Event::Board(Box::new(b))), Some((rx, st, id))))
            }
            Err(RecvError::Closed) => None,
        }
    });
    let stream = stream::once(async move { sse(&Event::Board(Box::new(first))) }).chain(rest);
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

/// `POST /api/classes/{id}/close`.
pub async fn close(
    State(st): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Reply<StatusCode> {
    let key = bearer(&headers);
    with_db(&st, move |conn, shared| {
        let class = trainer(conn, &id, key.as_deref(), now())?;
        db::close_class(conn, &class.id)?;
        shared.hub.publish(&class.id, Event::Closed);
        Ok(())
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/classes/{id}/round`: the round timer for the class's pairs.
pub async fn round(
    State(st): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    raw: Result<Bytes, BytesRejection>,
) -> Reply<StatusCode> {
    let req: RoundTimer = body(raw, "round timer")?;
    if req.seconds > MAX_ROUND_SECONDS {
        return refuse(
            ProblemCode::Invalid,
            "seconds",
            format!("{} is out of range 0..={MAX_ROUND_SECONDS}", req.seconds),
        );
    }
    let key = bearer(&headers);
    with_db(&st, move |conn, _| {
        let class = trainer(conn, &id, key.as_deref(), now())?;
        Ok(db::set_round_seconds(conn, &class.id, req.seconds)?)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/classes/{id}`: the class and all its data.
pub async fn delete(
    State(st): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Reply<StatusCode> {
    let key = bearer(&headers);
    with_db(&st, move |conn, shared| {
        let class = trainer(conn, &id, key.as_deref(), now())?;
        db::delete_class(conn, &class.id)?;
        shared.hub.publish(&class.id, Event::Deleted);
        Ok(())
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A name as a spreadsheet cell that stays text: one that starts like a formula gets a
/// leading apostrophe.
fn as_text(name: &str) -> String {
    if name.starts_with(['=', '+', '-', '@']) {
        format!("'{name}")
    } else {
        name.to_string()
    }
}

/// `GET /api/classes/{id}/export/{format}`: `csv` (one line per participant) or `json` (the
/// result files, as the file-based class board reads them).
pub async fn export(
    State(st): State<AppState>,
    Path((id, format)): Path<(String, String)>,
    headers: HeaderMap,
) -> Reply<Response> {
    if !["csv", "json", "pairs.csv"].contains(&format.as_str()) {
        return refuse(
            ProblemCode::NotFound,
            "format",
            format!("'{format}' is not csv, json or pairs.csv"),
        );
    }
    let key = bearer(&headers);
    let (class, rows) = with_db(&st, move |conn, _| {
        let class = trainer(conn, &id, key.as_deref(), now())?;
        let rows = db::rows(conn, &class.id)?;
        Ok((class, rows))
    })
    .await?;
    let (text, kind, ext) = if format == "pairs.csv" {
        let id = class.id.clone();
        let pairs = with_db(&st, move |conn, _| Ok(db::pairs(conn, &id)?)).await?;
        let mut out = String::from("\u{feff}");
        push_record(
            &mut out,
            [
                "pair",
                "client",
                "supplier",
                "state",
                "week",
                "client_score",
                "supplier_score",
                "joint_value_keur",
                "scripted",
                "decisions",
            ],
        );
        for p in &pairs {
            let row = super::pairs::row(p)?;
            let decisions: Vec<crate::sim::exercise::PairDecision> =
                serde_json::from_str(&p.decisions_json).unwrap_or_default();
            let moves: Vec<String> = decisions
                .iter()
                .map(|d| format!("{}@{}:{}/{}", d.moment, d.week, d.client, d.supplier))
                .collect();
            let state = if row.finished {
                "finished"
            } else if (row.client.is_empty() || row.supplier.is_empty()) && !row.scripted {
                "waiting"
            } else {
                "playing"
            };
            let num = |v: Option<f64>, d: usize| v.map(|v| format!("{v:.d$}")).unwrap_or_default();
            push_record(
                &mut out,
                [
                    row.id.to_string(),
                    as_text(&row.client),
                    as_text(&row.supplier),
                    state.into(),
                    row.week.to_string(),
                    num(row.client_score, 2),
                    num(row.supplier_score, 2),
                    num(row.joint_value, 1),
                    if row.scripted {
                        "yes".into()
                    } else {
                        String::new()
                    },
                    moves.join(" "),
                ],
            );
        }
        (out, "text/csv; charset=utf-8", "pairs.csv")
    } else if format == "csv" {
        // A byte-order mark, so that spreadsheet programs read the names as UTF-8.
        let mut out = String::from("\u{feff}");
        push_record(
            &mut out,
            [
                "name",
                "state",
                "week",
                "decisions_taken",
                "score",
                "verified",
                "decisions",
            ],
        );
        for r in &rows {
            let decisions: Vec<String> = r
                .decisions
                .iter()
                .map(|d| format!("{}@{}", d.option, d.week))
                .collect();
            push_record(
                &mut out,
                [
                    as_text(&r.name),
                    r.state.id().into(),
                    r.week.to_string(),
                    r.moment.to_string(),
                    r.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
                    if r.score.is_some() {
                        "yes".into()
                    } else {
                        String::new()
                    },
                    decisions.join(" "),
                ],
            );
        }
        (out, "text/csv; charset=utf-8", "csv")
    } else {
        let files = super::files::all(&st, &class).await?;
        (format!("[{}]", files.join(",")), "application/json", "json")
    };
    let file = format!("attachment; filename=\"relsim-class-{}.{ext}\"", class.code);
    Ok((
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (header::CONTENT_DISPOSITION, file),
        ],
        text,
    )
        .into_response())
}
