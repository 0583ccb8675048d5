//! Pairs, for an exercise both sides play: participants are seated as they arrive (the first
//! of a pair plays the client, the second the supplier) or wait until the trainer pairs them
//! by hand (a pair that has not started may be split again); at each moment the server holds each
//! side's choice hidden from the other until both have decided — or the class's round timer
//! runs out, and the side that did not decide carries on — then closes the moment by playing
//! it (the same `sim` code as every browser), and at the end keeps the pair's scores, computed
//! here.

use rusqlite::Connection;

use super::db::{self, PairRecord};
use super::reply::{refuse, Refusal, Reply};
use super::state::{exercise, AppState};
use crate::live::{ApiProblem, Event, FormPair, PairRow, PairView, ProblemCode};
use crate::sim::exercise::{Exercise, PairDecision, PairPlay, Side, CARRY_ON};

/// Milliseconds since 1970.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

fn server_error(message: String) -> Refusal {
    Refusal(ApiProblem::new(ProblemCode::Server, "", message))
}

/// The hub's channel of one participant's seat: their pair's changes, and their being paired
/// or split, reach them here.
pub fn channel(participant: u64) -> String {
    format!("seat:{participant}")
}

/// The week a new pair's first moment opens at.
fn first_week(ex: &Exercise) -> u32 {
    PairPlay::new(ex.clone()).seen()
}

/// Seats a participant who joined a class both sides play; returns their side.
pub fn seat(conn: &Connection, class_id: &str, participant: u64, ex: &Exercise) -> Reply<Side> {
    let first_week = first_week(ex);
    let (_, client) = db::seat(conn, class_id, participant, first_week, now_ms())?;
    Ok(if client { Side::Client } else { Side::Supplier })
}

/// Seats a participant who waits as the client of a new pair of their own (its supplier's side
/// empty, to be played by the script); returns the pair's id.
pub fn seat_alone(
    conn: &Connection,
    class_id: &str,
    participant: u64,
    ex: &Exercise,
) -> Reply<u64> {
    let first_week = first_week(ex);
    Ok(db::seat_alone(
        conn,
        class_id,
        participant,
        first_week,
        now_ms(),
    )?)
}

fn decisions(p: &PairRecord) -> Reply<Vec<PairDecision>> {
    serde_json::from_str(&p.decisions_json).map_err(|e| server_error(format!("stored pair: {e}")))
}

/// The pair's play so far, replayed from its closed moments.
fn replayed(ex: &Exercise, p: &PairRecord) -> Reply<PairPlay> {
    PairPlay::replay_open(ex.clone(), &decisions(p)?).map_err(server_error)
}

/// The pair as the trainer's board shows it.
pub fn row(p: &PairRecord) -> Reply<PairRow> {
    let name = |m: &Option<(u64, String)>| m.as_ref().map(|(_, n)| n.clone()).unwrap_or_default();
    Ok(PairRow {
        id: p.id,
        client: name(&p.client),
        supplier: name(&p.supplier),
        client_id: p.client.as_ref().map(|m| m.0),
        supplier_id: p.supplier.as_ref().map(|m| m.0),
        started: p.decisions_json != "[]"
            || p.client_choice.is_some()
            || p.supplier_choice.is_some(),
        moment: decisions(p)?.len() as u32,
        week: p.week,
        finished: p.finished,
        client_score: p.scores.map(|s| s.0),
        supplier_score: p.scores.map(|s| s.1),
        joint_value: p.scores.map(|s| s.2),
        scripted: p.bot,
    })
}

/// The pair as `side` sees it: the other side's choice at the open moment stays hidden.
pub fn view(p: &PairRecord, side: Side, round_seconds: u32) -> Reply<PairView> {
    let (mine, theirs, partner) = match side {
        Side::Client => (&p.client_choice, &p.supplier_choice, &p.supplier),
        Side::Supplier => (&p.supplier_choice, &p.client_choice, &p.client),
    };
    let complete = p.bot || (p.client.is_some() && p.supplier.is_some());
    Ok(PairView {
        pair: p.id,
        side,
        partner: partner.as_ref().map(|(_, n)| n.clone()),
        scripted: p.bot,
        decisions: decisions(p)?,
        week: p.week,
        mine: mine.clone(),
        other_decided: theirs.is_some(),
        deadline_ms: (round_seconds > 0 && complete && !p.finished)
            .then(|| p.opened_ms + u64::from(round_seconds) * 1000),
        finished: p.finished,
        scores: p.scores,
    })
}

/// Closes the open moment of `p` with both choices (a missing one carried on): plays it, and
/// keeps the scores once the play is over.
fn close(conn: &Connection, ex: &Exercise, p: &PairRecord) -> Reply<()> {
    let mut play = replayed(ex, p)?;
    let client = p.client_choice.as_deref().unwrap_or(CARRY_ON);
    let supplier = p.supplier_choice.as_deref().unwrap_or(CARRY_ON);
    play.decide(client, supplier).map_err(server_error)?;
    let json = serde_json::to_string(&play.decisions).map_err(|e| server_error(e.to_string()))?;
    let scores = play.is_finished().then(|| {
        let (c, s, j) = play.scores();
        (c.total, s.total, j)
    });
    db::close_moment(conn, p.id, &json, play.seen(), now_ms(), scores)?;
    let (state, moment) = if play.is_finished() {
        ("done", play.decisions.len())
    } else {
        ("playing", play.decisions.len())
    };
    for member in [&p.client, &p.supplier].into_iter().flatten() {
        conn.execute(
            "UPDATE participants SET state = ?2, week = ?3, moment = ?4 WHERE id = ?1",
            rusqlite::params![member.0 as i64, state, play.seen(), moment as i64],
        )?;
    }
    Ok(())
}

/// One side's choice at the open moment; the moment closes when both have chosen. Returns the
/// pair's class id and the pair, as it stands after.
pub fn decide(
    conn: &Connection,
    pair: u64,
    side: Side,
    moment: u32,
    option: &str,
) -> Reply<(String, PairRecord)> {
    let Some(p) = db::pair(conn, pair)? else {
        return refuse(ProblemCode::NotFound, "pair", "no such pair");
    };
    let Some(class) = db::class_by_id(conn, &p.class_id, super::reply::now())? else {
        return refuse(ProblemCode::NotFound, "class", "the class is gone");
    };
    if class.closed {
        return refuse(ProblemCode::Closed, "", "this class is closed");
    }
    if p.finished {
        return refuse(ProblemCode::AlreadyDone, "", "the pair's play is over");
    }
    if !p.bot && (p.client.is_none() || p.supplier.is_none()) {
        return refuse(
            ProblemCode::Invalid,
            "pair",
            "the other side has not joined yet",
        );
    }
    let ex = exercise(&class)?;
    let play = replayed(&ex, &p)?;
    let open = play.decisions.len() as u32;
    if moment != open {
        return refuse(
            ProblemCode::Invalid,
            "moment",
            format!("{moment}, but the open moment is {open}"),
        );
    }
    if !play.options(side).iter().any(|(id, _)| *id == option) {
        return refuse(
            ProblemCode::Invalid,
            "option",
            format!("'{option}' is not among this side's options now"),
        );
    }
    let mine = match side {
        Side::Client => &p.client_choice,
        Side::Supplier => &p.supplier_choice,
    };
    if mine.is_some() {
        return refuse(
            ProblemCode::AlreadyDone,
            "option",
            "this side has decided at this moment",
        );
    }
    db::set_choice(conn, p.id, side == Side::Client, option)?;
    let p = db::pair(conn, pair)?.ok_or_else(|| server_error("pair vanished".into()))?;
    // A scripted side has always decided: it carries on.
    if p.bot || (p.client_choice.is_some() && p.supplier_choice.is_some()) {
        close(conn, &ex, &p)?;
    }
    let p = db::pair(conn, pair)?.ok_or_else(|| server_error("pair vanished".into()))?;
    Ok((class.id, p))
}

/// The board rows of a pair's members, as they stand.
pub fn member_rows(conn: &Connection, p: &PairRecord) -> Reply<Vec<crate::live::Row>> {
    let mut rows = Vec::new();
    for (id, _) in [&p.client, &p.supplier].into_iter().flatten() {
        if let Some(m) = db::participant(conn, *id)? {
            rows.push(m.row);
        }
    }
    Ok(rows)
}

/// A participant without a partner plays against a scripted side: the pair's empty side
/// carries on at every moment (as in a one-player exercise).
pub fn play_scripted(conn: &Connection, pair: u64) -> Reply<(String, PairRecord)> {
    if !db::set_bot(conn, pair, now_ms())? {
        return refuse(
            ProblemCode::Invalid,
            "pair",
            "the pair is not waiting for a partner",
        );
    }
    let p = db::pair(conn, pair)?.ok_or_else(|| server_error("pair vanished".into()))?;
    Ok((p.class_id.clone(), p))
}

/// Tells a pair's sides and its class's board that it changed (with its members' rows).
pub fn publish(st: &AppState, class_id: &str, p: &PairRecord, members: Vec<crate::live::Row>) {
    if let Ok(r) = row(p) {
        for (id, _) in [&p.client, &p.supplier].into_iter().flatten() {
            st.hub.publish(&channel(*id), Event::Pair(r.clone()));
        }
        st.hub.publish(class_id, Event::Pair(r));
    }
    for m in members {
        st.hub.publish(class_id, Event::Row(m));
    }
}

/// The trainer pairs two participants of `class_id` who wait, each on the side given.
pub fn form(conn: &Connection, class_id: &str, ex: &Exercise, req: FormPair) -> Reply<PairRecord> {
    if req.client == req.supplier {
        return refuse(
            ProblemCode::Invalid,
            "supplier",
            "one participant cannot play both sides",
        );
    }
    for (field, id) in [("client", req.client), ("supplier", req.supplier)] {
        let ours = db::participant(conn, id)?.is_some_and(|m| m.class_id == class_id);
        if !ours {
            return refuse(
                ProblemCode::NotFound,
                field,
                format!("participant {id} is not in this class"),
            );
        }
        if db::seat_of(conn, id)?.is_some() {
            return refuse(
                ProblemCode::Invalid,
                field,
                format!("participant {id} plays in a pair already; split that pair first"),
            );
        }
    }
    let first_week = first_week(ex);
    let id = db::form_pair(
        conn,
        class_id,
        req.client,
        req.supplier,
        first_week,
        now_ms(),
    )?;
    db::pair(conn, id)?.ok_or_else(|| server_error("pair vanished".into()))
}

/// The trainer splits a pair of `class_id` that has not started; returns its members (who
/// wait to be paired again).
pub fn split(conn: &Connection, class_id: &str, pair: u64) -> Reply<Vec<u64>> {
    let Some(p) = db::pair(conn, pair)?.filter(|p| p.class_id == class_id) else {
        return refuse(ProblemCode::NotFound, "pair", "no such pair in this class");
    };
    if !db::split_pair(conn, pair)? {
        return refuse(
            ProblemCode::Invalid,
            "pair",
            "the pair has started playing; it stays together",
        );
    }
    Ok([p.client, p.supplier]
        .into_iter()
        .flatten()
        .map(|(id, _)| id)
        .collect())
}

/// Closes every moment whose round timer ran out, the sides that did not decide carrying on.
pub async fn round_timer(st: AppState) {
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        let closed = super::state::with_db(&st, |conn, _| {
            let mut closed = Vec::new();
            for id in db::overdue_pairs(conn, now_ms())? {
                let Some(p) = db::pair(conn, id)? else {
                    continue;
                };
                let Some(class) = db::class_by_id(conn, &p.class_id, super::reply::now())? else {
                    continue;
                };
                if class.closed {
                    continue;
                }
                close(conn, &exercise(&class)?, &p)?;
                if let Some(p) = db::pair(conn, id)? {
                    let members = member_rows(conn, &p)?;
                    closed.push((class.id, p, members));
                }
            }
            Ok(closed)
        })
        .await;
        for (class_id, p, members) in closed.unwrap_or_default() {
            publish(&st, &class_id, &p, members);
        }
    }
}
