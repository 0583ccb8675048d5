//! The trainer's hand in forming pairs: pair two participants who wait (each on the side the
//! trainer gives), or split a pair that has not started so that its members can be paired
//! again — in a class that pairs by hand, and in one that pairs by arrival alike.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::Json;

use super::db;
use super::pairs::{self, channel};
use super::reply::{bearer, body, now, refuse, Reply};
use super::state::{exercise, trainer, with_db, AppState};
use crate::live::{Event, FormPair, PairRow, ProblemCode};

/// The class of `id` opened by `key`, if it is open and played in pairs.
fn pair_class(
    conn: &rusqlite::Connection,
    id: &str,
    key: Option<&str>,
) -> Reply<(db::ClassRow, crate::sim::exercise::Exercise)> {
    let class = trainer(conn, id, key, now())?;
    if class.closed {
        return refuse(ProblemCode::Closed, "", "this class is closed");
    }
    let ex = exercise(&class)?;
    if !ex.is_two_sided() {
        return refuse(
            ProblemCode::Invalid,
            "pair",
            "this class's exercise is played by one side",
        );
    }
    Ok((class, ex))
}

/// `POST /api/classes/{id}/pairs`: pairs two participants who wait.
pub async fn form(
    State(st): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    raw: Result<Bytes, BytesRejection>,
) -> Reply<(StatusCode, Json<PairRow>)> {
    let req: FormPair = body(raw, "pair")?;
    let key = bearer(&headers);
    let (class_id, p, members) = with_db(&st, move |conn, _| {
        let (class, ex) = pair_class(conn, &id, key.as_deref())?;
        let p = pairs::form(conn, &class.id, &ex, req)?;
        let members = pairs::member_rows(conn, &p)?;
        Ok((class.id, p, members))
    })
    .await?;
    pairs::publish(&st, &class_id, &p, members);
    Ok((StatusCode::CREATED, Json(pairs::row(&p)?)))
}

/// `POST /api/classes/{id}/pairs/{pair}/split`: splits a pair that has not started.
pub async fn split(
    State(st): State<AppState>,
    Path((id, pair)): Path<(String, u64)>,
    headers: HeaderMap,
) -> Reply<StatusCode> {
    let key = bearer(&headers);
    let (class_id, members, rows) = with_db(&st, move |conn, _| {
        let (class, _) = pair_class(conn, &id, key.as_deref())?;
        let members = pairs::split(conn, &class.id, pair)?;
        let mut rows = Vec::new();
        for m in &members {
            rows.extend(db::participant(conn, *m)?.map(|p| p.row));
        }
        Ok((class.id, members, rows))
    })
    .await?;
    st.hub.publish(&class_id, Event::PairSplit { id: pair });
    for row in rows {
        st.hub.publish(&class_id, Event::Row(row));
    }
    for m in members {
        st.hub.publish(&channel(m), Event::PairSplit { id: pair });
    }
    Ok(StatusCode::NO_CONTENT)
}
