//! The participant's routes: join a class by its code, read what they need to play, tell the
//! board where they are, and hand in their decisions — which the server replays on the
//! class's exercise before it stores the score it computed.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;

use super::db::{self, NewResult};
use super::keys::{self, KeyKind};
use super::reply::{bearer, body, now, refuse, Refusal, Reply};
use super::state::{compute, exercise, participant, with_db, AppState};
use crate::live::{
    clean_name, join_code, ApiProblem, Event, Join, Joined, ParticipantState, ProblemCode,
    Progress, Row, Submit, Submitted, MAX_PARTICIPANTS,
};
use crate::sim::exercise::MAX_DECISIONS;

/// `POST /api/join`.
pub async fn join(
    State(st): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    raw: Result<Bytes, BytesRejection>,
) -> Reply<(StatusCode, Json<Joined>)> {
    let ip = addr.ip();
    if !st.limiter.allows(ip) {
        return refuse(
            ProblemCode::RateLimited,
            "code",
            "too many wrong codes from this address; wait ten minutes and ask the trainer for the code",
        );
    }
    let req: Join = body(raw, "join request")?;
    let code = join_code(&req.code).inspect_err(|_| st.limiter.wrong(ip))?;
    let name = clean_name(&req.name)?;
    let (joined, row, class_id, pair) = with_db(&st, move |conn, shared| {
        let Some(class) = db::class_by_code(conn, &code, now())? else {
            shared.limiter.wrong(ip);
            return refuse(ProblemCode::NotFound, "code", "no open class has this code");
        };
        if class.closed {
            return refuse(ProblemCode::Closed, "code", "this class is closed");
        }
        if db::count_participants(conn, &class.id)? >= MAX_PARTICIPANTS {
            return refuse(
                ProblemCode::Full,
                "code",
                format!("this class has its most participants ({MAX_PARTICIPANTS})"),
            );
        }
        let secret = keys::secret();
        let Some(id) = db::insert_participant(conn, &class.id, &name, &secret, now())? else {
            return refuse(
                ProblemCode::NameTaken,
                "name",
                format!("'{name}' is taken in this class; choose another name"),
            );
        };
        let ex = exercise(&class)?;
        let two_sided = ex.is_two_sided();
        let side = if two_sided && class.pairing == crate::live::Pairing::Arrival {
            Some(super::pairs::seat(conn, &class.id, id, &ex)?)
        } else {
            None
        };
        let row = Row {
            id,
            name: name.clone(),
            state: ParticipantState::Joined,
            week: 0,
            moment: 0,
            score: None,
            decisions: Vec::new(),
            side,
        };
        let joined = Joined {
            participant_key: keys::key(KeyKind::Participant, &id.to_string(), &secret),
            class_id: class.id.clone(),
            name,
            exercise: ex,
            closed: false,
            state: ParticipantState::Joined,
            score: None,
            side,
            two_sided,
        };
        let pair = match side {
            Some(_) => db::seat_of(conn, id)?.and_then(|(p, _)| db::pair(conn, p).ok().flatten()),
            None => None,
        };
        Ok((joined, row, class.id, pair))
    })
    .await?;
    st.hub.publish(&class_id, Event::Row(row));
    if let Some(p) = pair {
        super::pairs::publish(&st, &class_id, &p, Vec::new());
    }
    Ok((StatusCode::CREATED, Json(joined)))
}

/// `GET /api/me`: the participant's class, as they need it to go on after a reload.
pub async fn me(State(st): State<AppState>, headers: HeaderMap) -> Reply<Json<Joined>> {
    let key = bearer(&headers);
    let me = with_db(&st, move |conn, _| {
        let (p, class) = participant(conn, key.as_deref(), now())?;
        let side = db::seat_of(conn, p.row.id)?.map(|(_, client)| {
            if client {
                crate::sim::exercise::Side::Client
            } else {
                crate::sim::exercise::Side::Supplier
            }
        });
        let ex = exercise(&class)?;
        Ok(Joined {
            side,
            two_sided: ex.is_two_sided(),
            participant_key: String::new(),
            class_id: class.id.clone(),
            name: p.row.name,
            exercise: ex,
            closed: class.closed,
            state: p.row.state,
            score: p.row.score,
        })
    })
    .await?;
    Ok(Json(me))
}

/// `POST /api/progress`.
pub async fn progress(
    State(st): State<AppState>,
    headers: HeaderMap,
    raw: Result<Bytes, BytesRejection>,
) -> Reply<StatusCode> {
    let req: Progress = body(raw, "progress")?;
    let key = bearer(&headers);
    let moved = with_db(&st, move |conn, _| {
        let (p, class) = participant(conn, key.as_deref(), now())?;
        if class.closed {
            return refuse(ProblemCode::Closed, "", "this class is closed");
        }
        let weeks = exercise(&class)?.scenario.weeks;
        if req.week > weeks {
            return refuse(
                ProblemCode::Invalid,
                "week",
                format!("{} is out of range 0..={weeks}", req.week),
            );
        }
        if req.moment > MAX_DECISIONS {
            return refuse(
                ProblemCode::Invalid,
                "moment",
                format!("{} is out of range 0..={MAX_DECISIONS}", req.moment),
            );
        }
        if p.row.state == ParticipantState::Done {
            return Ok(None);
        }
        db::set_progress(conn, p.row.id, req.moment, req.week)?;
        let row = Row {
            state: ParticipantState::Playing,
            week: req.week,
            moment: req.moment,
            ..p.row
        };
        Ok(Some((class.id, row)))
    })
    .await?;
    if let Some((class_id, row)) = moved {
        st.hub.publish(&class_id, Event::Row(row));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/results`: replayed, then stored in one transaction, then acknowledged.
pub async fn submit(
    State(st): State<AppState>,
    headers: HeaderMap,
    raw: Result<Bytes, BytesRejection>,
) -> Reply<(StatusCode, Json<Submitted>)> {
    let req: Submit = body(raw, "result")?;
    if req.decisions.len() > MAX_DECISIONS as usize {
        return refuse(
            ProblemCode::Invalid,
            "decisions",
            format!("{} decisions; at most {MAX_DECISIONS}", req.decisions.len()),
        );
    }
    if !req.score.is_finite() {
        return refuse(ProblemCode::Invalid, "score", "must be a number");
    }
    let key = bearer(&headers);
    let (p, class) = with_db(&st, move |conn, _| participant(conn, key.as_deref(), now())).await?;
    if class.closed {
        return refuse(
            ProblemCode::Closed,
            "",
            "this class is closed; results are no longer taken",
        );
    }
    if p.row.state == ParticipantState::Done {
        return refuse(ProblemCode::AlreadyDone, "", "your result is in already");
    }
    let ex = exercise(&class)?;
    if ex.is_two_sided() {
        return refuse(
            ProblemCode::Invalid,
            "",
            "in a pair, the server scores the play as the moments close; there is nothing to hand in",
        );
    }
    let decisions = req.decisions.clone();
    // The replay runs without the database's lock: other requests go on meanwhile.
    let (score, week) = compute(move || {
        let (play, score) = ex.verify(&decisions, req.score).map_err(|u| {
            let text = u.to_string();
            let (field, message) = text.split_once(": ").unwrap_or(("decisions", &text));
            Refusal(ApiProblem::new(ProblemCode::Unverified, field, message))
        })?;
        Ok((score, play.seen()))
    })
    .await?;
    let decisions_json = serde_json::to_string(&req.decisions).unwrap_or_default();
    let row = Row {
        state: ParticipantState::Done,
        week,
        moment: req.decisions.len() as u32,
        score: Some(score),
        decisions: req.decisions,
        ..p.row
    };
    let class_id = class.id.clone();
    let stored = with_db(&st, move |conn, _| {
        let tx = conn.transaction()?;
        let new = NewResult {
            participant: row.id,
            class_id: &class_id,
            score,
            decisions_json: &decisions_json,
            moment: row.moment,
            week: row.week,
        };
        Ok(db::insert_result(tx, &new, now())?.then_some(row))
    })
    .await?;
    let Some(row) = stored else {
        return refuse(ProblemCode::AlreadyDone, "", "your result is in already");
    };
    st.hub.publish(&class.id, Event::Row(row.clone()));
    // The result file (with its luck-or-skill replay) is made after the acknowledgement.
    tokio::spawn(super::files::make(
        st.clone(),
        class,
        row.id,
        row.name,
        row.decisions,
    ));
    Ok((StatusCode::CREATED, Json(Submitted { score })))
}
