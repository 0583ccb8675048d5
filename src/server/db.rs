//! The class server's database: SQLite in WAL mode, its schema from the versioned migrations
//! in `migrations/` (applied in order, the version kept in `PRAGMA user_version`), and the
//! queries the routes need. Everything here is blocking; the routes call it off the async
//! threads.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::live::{ParticipantState, Row};
use crate::sim::exercise::Decision;

/// The schema's migrations, in order; the database's `user_version` counts those applied.
const MIGRATIONS: &[&str] = &[include_str!("../../migrations/0001_classes.sql")];

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
}

const CLASS_COLUMNS: &str = "id, code, secret, exercise_json, origin, expires_at, closed";

fn class_of(r: &rusqlite::Row<'_>) -> DbResult<ClassRow> {
    Ok(ClassRow {
        id: r.get(0)?,
        code: r.get(1)?,
        secret: r.get(2)?,
        exercise_json: r.get(3)?,
        origin: r.get(4)?,
        expires_at: r.get::<_, i64>(5)? as u64,
        closed: r.get::<_, i64>(6)? != 0,
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
        "INSERT INTO classes (id, code, secret, exercise_json, origin, created_at, expires_at, closed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0)",
        params![c.id, c.code, c.secret, c.exercise_json, c.origin, now as i64, c.expires_at as i64],
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

const ROW_SELECT: &str = "SELECT p.id, p.name, p.state, p.week, p.moment, r.score, r.decisions_json, p.class_id, p.secret
     FROM participants p LEFT JOIN results r ON r.participant_id = p.id";

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
