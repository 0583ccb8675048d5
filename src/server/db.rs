//! The class server's database: SQLite in WAL mode, its schema from the versioned migrations
//! in `migrations/` (applied in order, the version kept in `PRAGMA user_version`), and the
//! queries the routes need. Everything here is blocking; the routes call it off the async
//! threads.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::live::{Pairing, ParticipantState, Row};
use crate::sim::exercise::{Decision, Side};

/// The schema's migrations, in order; the database's `user_version` counts those applied.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_classes.sql"),
    include_str!("../../migrations/0002_pairs.sql"),
    include_str!("../../migrations/0003_pair_bot.sql"),
    include_str!("../../migrations/0004_pairing.sql"),
];

/// A database error, told in a sentence.
pub type DbResult<T> = Result<T, rusqlite::Error>;

/// Opens (or creates) the database at `path` and brings its schema up to date.
pub fn open(path: &std::path::Path) -> Result<Connection, String> {
    let mut conn =
        Connection::open(path).map_err(|e| format!("{}: cannot open: {e}", path.display()))?;
    let setup = || -> DbResult<()> {
        // WAL: readers do not wait for the writer; FULL: a commit is on disk before it returns,
        // so an acknowledged result survives a crash (and a power cut).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(())
    };
    setup().map_err(|e| format!("{}: {e}", path.display()))?;
    migrate(&mut conn).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(conn)
}

/// Applies the migrations the database has not had, each in its own transaction.
fn migrate(conn: &mut Connection) -> Result<(), String> {
    let version: usize = conn
        .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
        .map_err(|e| e.to_string())? as usize;
    if version > MIGRATIONS.len() {
        return Err(format!(
            "the database has schema version {version}, newer than this relsim knows ({}); use a newer relsim",
            MIGRATIONS.len()
        ));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let tx = conn.transaction().map_err(|e| e.to_string())?;
        tx.execute_batch(sql)
            .and_then(|()| tx.pragma_update(None, "user_version", (i + 1) as i64))
            .and_then(|()| tx.commit())
            .map_err(|e| format!("migration {}: {e}", i + 1))?;
    }
    Ok(())
}

/// A class as stored.
#[derive(Clone, Debug)]
pub struct ClassRow {
    /// Public id.
    pub id: String,
    /// Join code.
    pub code: String,
    /// The trainer key's secret part.
    pub secret: String,
    /// The exercise, as JSON.
    pub exercise_json: String,
    /// The site's address.
    pub origin: String,
    /// Expiry, seconds since 1970.
    pub expires_at: u64,
    /// Closed to joins and results.
    pub closed: bool,
    /// How its pairs are formed (an exercise both sides play).
    pub pairing: Pairing,
}

const CLASS_COLUMNS: &str = "id, code, secret, exercise_json, origin, expires_at, closed, pairing";

fn class_of(r: &rusqlite::Row<'_>) -> DbResult<ClassRow> {
    Ok(ClassRow {
        id: r.get(0)?,
        code: r.get(1)?,
        secret: r.get(2)?,
        exercise_json: r.get(3)?,
        origin: r.get(4)?,
        expires_at: r.get::<_, i64>(5)? as u64,
        closed: r.get::<_, i64>(6)? != 0,
        pairing: Pairing::from_id(&r.get::<_, String>(7)?).unwrap_or_default(),
    })
}

/// Stores a new class; `false` when its code is taken (the caller draws another).
pub fn insert_class(conn: &Connection, c: &ClassRow, now: u64) -> DbResult<bool> {
    let taken = conn
        .query_row("SELECT 1 FROM classes WHERE code = ?1", [&c.code], |_| {
            Ok(())
        })
        .optional()?
        .is_some();
    if taken {
        return Ok(false);
    }
    conn.execute(
        "INSERT INTO classes (id, code, secret, exercise_json, origin, created_at, expires_at, closed, pairing)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8)",
        params![c.id, c.code, c.secret, c.exercise_json, c.origin, now as i64, c.expires_at as i64, c.pairing.id()],
    )?;
    Ok(true)
}

/// The class with this id, unless expired.
pub fn class_by_id(conn: &Connection, id: &str, now: u64) -> DbResult<Option<ClassRow>> {
    conn.query_row(
        &format!("SELECT {CLASS_COLUMNS} FROM classes WHERE id = ?1 AND expires_at > ?2"),
        params![id, now as i64],
        class_of,
    )
    .optional()
}

/// The class with this join code, unless expired.
pub fn class_by_code(conn: &Connection, code: &str, now: u64) -> DbResult<Option<ClassRow>> {
    conn.query_row(
        &format!("SELECT {CLASS_COLUMNS} FROM classes WHERE code = ?1 AND expires_at > ?2"),
        params![code, now as i64],
        class_of,
    )
    .optional()
}

/// Closes a class to joins and results.
pub fn close_class(conn: &Connection, id: &str) -> DbResult<()> {
    conn.execute("UPDATE classes SET closed = 1 WHERE id = ?1", [id])
        .map(drop)
}

/// Deletes a class with all its participants and results.
pub fn delete_class(conn: &Connection, id: &str) -> DbResult<()> {
    conn.execute("DELETE FROM classes WHERE id = ?1", [id])
        .map(drop)
}

/// Deletes the classes expired by `now`, with all their data; returns how many.
pub fn delete_expired(conn: &Connection, now: u64) -> DbResult<usize> {
    conn.execute("DELETE FROM classes WHERE expires_at <= ?1", [now as i64])
}

/// A participant as stored, with their class's id.
#[derive(Clone, Debug)]
pub struct ParticipantRow {
    /// The board's row.
    pub row: Row,
    /// The class.
    pub class_id: String,
    /// The key's secret part.
    pub secret: String,
}

fn state_of(s: &str) -> ParticipantState {
    match s {
        "playing" => ParticipantState::Playing,
        "done" => ParticipantState::Done,
        _ => ParticipantState::Joined,
    }
}

// A pair's member has no result of its own: the score is the side's, kept with the pair.
const ROW_SELECT: &str = "SELECT p.id, p.name, p.state, p.week, p.moment,
        COALESCE(r.score, CASE WHEN q.client = p.id THEN q.client_score ELSE q.supplier_score END),
        r.decisions_json, p.class_id, p.secret,
        CASE WHEN q.client = p.id THEN 'client' WHEN q.supplier = p.id THEN 'supplier' END
     FROM participants p LEFT JOIN results r ON r.participant_id = p.id
     LEFT JOIN pairs q ON q.client = p.id OR q.supplier = p.id";

fn participant_of(r: &rusqlite::Row<'_>) -> DbResult<ParticipantRow> {
    let decisions: Option<String> = r.get(6)?;
    let decisions: Vec<Decision> = decisions
        .and_then(|d| serde_json::from_str(&d).ok())
        .unwrap_or_default();
    Ok(ParticipantRow {
        row: Row {
            id: r.get::<_, i64>(0)? as u64,
            name: r.get(1)?,
            state: state_of(&r.get::<_, String>(2)?),
            week: r.get::<_, i64>(3)? as u32,
            moment: r.get::<_, i64>(4)? as u32,
            score: r.get(5)?,
            decisions,
            side: match r.get::<_, Option<String>>(9)?.as_deref() {
                Some("client") => Some(Side::Client),
                Some("supplier") => Some(Side::Supplier),
                _ => None,
            },
        },
        class_id: r.get(7)?,
        secret: r.get(8)?,
    })
}

/// The participants of a class, in order of joining.
pub fn rows(conn: &Connection, class_id: &str) -> DbResult<Vec<Row>> {
    let mut stmt =
        conn.prepare_cached(&format!("{ROW_SELECT} WHERE p.class_id = ?1 ORDER BY p.id"))?;
    let rows = stmt
        .query_map([class_id], participant_of)?
        .map(|r| r.map(|p| p.row))
        .collect();
    rows
}

/// One participant (with class id and secret).
pub fn participant(conn: &Connection, id: u64) -> DbResult<Option<ParticipantRow>> {
    conn.query_row(
        &format!("{ROW_SELECT} WHERE p.id = ?1"),
        [id as i64],
        participant_of,
    )
    .optional()
}

/// How many participants a class has.
pub fn count_participants(conn: &Connection, class_id: &str) -> DbResult<usize> {
    conn.query_row(
        "SELECT COUNT(*) FROM participants WHERE class_id = ?1",
        [class_id],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n as usize)
}

/// Adds a participant; `None` when the class has that name already.
pub fn insert_participant(
    conn: &Connection,
    class_id: &str,
    name: &str,
    secret: &str,
    now: u64,
) -> DbResult<Option<u64>> {
    let taken = conn
        .query_row(
            "SELECT 1 FROM participants WHERE class_id = ?1 AND name = ?2",
            [class_id, name],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if taken {
        return Ok(None);
    }
    conn.execute(
        "INSERT INTO participants (class_id, secret, name, joined_at) VALUES (?1, ?2, ?3, ?4)",
        params![class_id, secret, name, now as i64],
    )?;
    Ok(Some(conn.last_insert_rowid() as u64))
}

/// Records a participant's progress (not once done).
pub fn set_progress(conn: &Connection, id: u64, moment: u32, week: u32) -> DbResult<()> {
    conn.execute(
        "UPDATE participants SET state = 'playing', moment = ?2, week = ?3
         WHERE id = ?1 AND state != 'done'",
        params![id as i64, moment, week],
    )
    .map(drop)
}

/// A verified result to store.
pub struct NewResult<'a> {
    /// The participant.
    pub participant: u64,
    /// Their class.
    pub class_id: &'a str,
    /// The server's score.
    pub score: f64,
    /// The decisions, JSON.
    pub decisions_json: &'a str,
    /// Decisions taken.
    pub moment: u32,
    /// The last week.
    pub week: u32,
}

/// Stores a result and marks its participant done, in one transaction: both or neither.
/// `false` when the participant had handed one in already.
pub fn insert_result(tx: Transaction<'_>, r: &NewResult<'_>, now: u64) -> DbResult<bool> {
    let marked = tx.execute(
        "UPDATE participants SET state = 'done', moment = ?2, week = ?3 WHERE id = ?1 AND state != 'done'",
        params![r.participant as i64, r.moment, r.week],
    )?;
    if marked == 0 {
        return Ok(false);
    }
    tx.execute(
        "INSERT INTO results (participant_id, class_id, score, decisions_json, submitted_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            r.participant as i64,
            r.class_id,
            r.score,
            r.decisions_json,
            now as i64
        ],
    )?;
    tx.commit()?;
    Ok(true)
}

/// A stored result: (participant id, name, decisions JSON, the result file if made).
pub type StoredResult = (u64, String, String, Option<String>);

/// The results of a class, in order of joining.
pub fn results(conn: &Connection, class_id: &str) -> DbResult<Vec<StoredResult>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.name, r.decisions_json, r.result_json FROM results r
         JOIN participants p ON p.id = r.participant_id
         WHERE r.class_id = ?1 ORDER BY p.id",
    )?;
    let rows = stmt
        .query_map([class_id], |r| {
            Ok((r.get::<_, i64>(0)? as u64, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect();
    rows
}

/// Keeps a result's file (made after the acknowledgement).
pub fn set_result_file(conn: &Connection, participant: u64, json: &str) -> DbResult<()> {
    conn.execute(
        "UPDATE results SET result_json = ?2 WHERE participant_id = ?1",
        params![participant as i64, json],
    )
    .map(drop)
}

/// A pair as stored.
#[derive(Clone, Debug)]
pub struct PairRecord {
    /// Id.
    pub id: u64,
    /// Its class.
    pub class_id: String,
    /// The client's participant id and name.
    pub client: Option<(u64, String)>,
    /// The supplier's participant id and name.
    pub supplier: Option<(u64, String)>,
    /// The closed moments, JSON.
    pub decisions_json: String,
    /// The open moment's week.
    pub week: u32,
    /// The open moment's choices.
    pub client_choice: Option<String>,
    /// The open moment's choices.
    pub supplier_choice: Option<String>,
    /// When the open moment opened, ms since 1970.
    pub opened_ms: u64,
    /// Whether the play is over.
    pub finished: bool,
    /// The verified scores and joint value, once finished.
    pub scores: Option<(f64, f64, f64)>,
    /// Whether the empty side is scripted.
    pub bot: bool,
}

const PAIR_SELECT: &str = "SELECT q.id, q.class_id, q.client, c.name, q.supplier, s.name, q.decisions_json, q.week,
        q.client_choice, q.supplier_choice, q.opened_ms, q.finished, q.client_score, q.supplier_score, q.joint_value, q.bot
     FROM pairs q LEFT JOIN participants c ON c.id = q.client LEFT JOIN participants s ON s.id = q.supplier";

fn pair_of(r: &rusqlite::Row<'_>) -> DbResult<PairRecord> {
    let member = |id: Option<i64>, name: Option<String>| id.zip(name).map(|(i, n)| (i as u64, n));
    let scores = match (
        r.get::<_, Option<f64>>(12)?,
        r.get::<_, Option<f64>>(13)?,
        r.get::<_, Option<f64>>(14)?,
    ) {
        (Some(a), Some(b), Some(c)) => Some((a, b, c)),
        _ => None,
    };
    Ok(PairRecord {
        id: r.get::<_, i64>(0)? as u64,
        class_id: r.get(1)?,
        client: member(r.get(2)?, r.get(3)?),
        supplier: member(r.get(4)?, r.get(5)?),
        decisions_json: r.get(6)?,
        week: r.get::<_, i64>(7)? as u32,
        client_choice: r.get(8)?,
        supplier_choice: r.get(9)?,
        opened_ms: r.get::<_, i64>(10)? as u64,
        finished: r.get::<_, i64>(11)? != 0,
        scores,
        bot: r.get::<_, i64>(15)? != 0,
    })
}

/// One pair.
pub fn pair(conn: &Connection, id: u64) -> DbResult<Option<PairRecord>> {
    conn.query_row(
        &format!("{PAIR_SELECT} WHERE q.id = ?1"),
        [id as i64],
        pair_of,
    )
    .optional()
}

/// The pairs of a class, in order of forming.
pub fn pairs(conn: &Connection, class_id: &str) -> DbResult<Vec<PairRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{PAIR_SELECT} WHERE q.class_id = ?1 ORDER BY q.id"
    ))?;
    let rows = stmt.query_map([class_id], pair_of)?.collect();
    rows
}

/// The pair a participant plays in, and the side (`client` or `supplier`).
pub fn seat_of(conn: &Connection, participant: u64) -> DbResult<Option<(u64, bool)>> {
    conn.query_row(
        "SELECT id, client = ?1 FROM pairs WHERE client = ?1 OR supplier = ?1",
        [participant as i64],
        |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, bool>(1)?)),
    )
    .optional()
}

/// Seats a participant: the supplier's side of the oldest pair waiting for one, else the
/// client's side of a new pair (its first moment's week given). Returns (pair id, is client).
pub fn seat(
    conn: &Connection,
    class_id: &str,
    participant: u64,
    first_week: u32,
    now_ms: u64,
) -> DbResult<(u64, bool)> {
    let waiting: Option<i64> = conn
        .query_row(
            "SELECT id FROM pairs WHERE class_id = ?1 AND supplier IS NULL AND client IS NOT NULL AND bot = 0 ORDER BY id LIMIT 1",
            [class_id],
            |r| r.get(0),
        )
        .optional()?;
    match waiting {
        Some(id) => {
            // The moment opens when the pair is complete.
            conn.execute(
                "UPDATE pairs SET supplier = ?2, opened_ms = ?3 WHERE id = ?1",
                params![id, participant as i64, now_ms as i64],
            )?;
            Ok((id as u64, false))
        }
        None => seat_alone(conn, class_id, participant, first_week, now_ms).map(|id| (id, true)),
    }
}

/// A new pair with `participant` as its client and nobody yet on the supplier's side. Returns
/// the pair's id.
pub fn seat_alone(
    conn: &Connection,
    class_id: &str,
    participant: u64,
    first_week: u32,
    now_ms: u64,
) -> DbResult<u64> {
    conn.execute(
        "INSERT INTO pairs (class_id, client, week, opened_ms) VALUES (?1, ?2, ?3, ?4)",
        params![class_id, participant as i64, first_week, now_ms as i64],
    )?;
    Ok(conn.last_insert_rowid() as u64)
}

/// Forms a complete pair of two participants who wait (the caller checked them); its first
/// moment opens now. Returns the pair's id.
pub fn form_pair(
    conn: &Connection,
    class_id: &str,
    client: u64,
    supplier: u64,
    first_week: u32,
    now_ms: u64,
) -> DbResult<u64> {
    conn.execute(
        "INSERT INTO pairs (class_id, client, supplier, week, opened_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![class_id, client as i64, supplier as i64, first_week, now_ms as i64],
    )?;
    Ok(conn.last_insert_rowid() as u64)
}

/// Removes a pair that has not started (no moment closed, no choice made); `false` when it
/// has. Its members wait to be paired again.
pub fn split_pair(conn: &Connection, pair: u64) -> DbResult<bool> {
    let n = conn.execute(
        "DELETE FROM pairs WHERE id = ?1 AND decisions_json = '[]' AND client_choice IS NULL
             AND supplier_choice IS NULL AND finished = 0",
        [pair as i64],
    )?;
    Ok(n == 1)
}

/// Records one side's choice at the open moment.
pub fn set_choice(conn: &Connection, pair: u64, client: bool, option: &str) -> DbResult<()> {
    let column = if client {
        "client_choice"
    } else {
        "supplier_choice"
    };
    conn.execute(
        &format!("UPDATE pairs SET {column} = ?2 WHERE id = ?1"),
        params![pair as i64, option],
    )
    .map(drop)
}

/// Closes the open moment: the new closed moments, the next week, and the scores once over.
pub fn close_moment(
    conn: &Connection,
    pair: u64,
    decisions_json: &str,
    week: u32,
    now_ms: u64,
    scores: Option<(f64, f64, f64)>,
) -> DbResult<()> {
    let (c, s, j) = (
        scores.map(|x| x.0),
        scores.map(|x| x.1),
        scores.map(|x| x.2),
    );
    conn.execute(
        "UPDATE pairs SET decisions_json = ?2, week = ?3, client_choice = NULL, supplier_choice = NULL,
             opened_ms = ?4, finished = ?5, client_score = ?6, supplier_score = ?7, joint_value = ?8
         WHERE id = ?1",
        params![pair as i64, decisions_json, week, now_ms as i64, scores.is_some(), c, s, j],
    )
    .map(drop)
}

/// The round timer of a class, in seconds (0: none).
pub fn round_seconds(conn: &Connection, class_id: &str) -> DbResult<u32> {
    conn.query_row(
        "SELECT round_seconds FROM classes WHERE id = ?1",
        [class_id],
        |r| r.get(0),
    )
}

/// Sets a class's round timer.
pub fn set_round_seconds(conn: &Connection, class_id: &str, seconds: u32) -> DbResult<()> {
    conn.execute(
        "UPDATE classes SET round_seconds = ?2 WHERE id = ?1",
        params![class_id, seconds],
    )
    .map(drop)
}

/// Makes a waiting pair's empty side scripted; `false` when it is not waiting.
pub fn set_bot(conn: &Connection, pair: u64, now_ms: u64) -> DbResult<bool> {
    let n = conn.execute(
        "UPDATE pairs SET bot = 1, opened_ms = ?2 WHERE id = ?1 AND supplier IS NULL AND bot = 0 AND finished = 0",
        params![pair as i64, now_ms as i64],
    )?;
    Ok(n == 1)
}

/// Complete, open pairs whose round timer ran out by `now_ms`.
pub fn overdue_pairs(conn: &Connection, now_ms: u64) -> DbResult<Vec<u64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT q.id FROM pairs q JOIN classes k ON k.id = q.class_id
         WHERE q.finished = 0 AND q.client IS NOT NULL AND q.supplier IS NOT NULL
           AND k.round_seconds > 0 AND q.opened_ms + k.round_seconds * 1000 <= ?1",
    )?;
    let ids = stmt
        .query_map([now_ms as i64], |r| Ok(r.get::<_, i64>(0)? as u64))?
        .collect();
    ids
}
