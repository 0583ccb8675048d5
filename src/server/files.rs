//! Result files: each verified result as the file the app writes (with the luck-or-skill
//! replay over other futures), made one at a time after the result is acknowledged — so that
//! the replay's hundreds of runs never delay an answer — and at the export for any not made
//! yet (a restart between the two).

use super::db::{self, ClassRow};
use super::reply::Reply;
use super::state::{compute, exercise, with_db, AppState};
use crate::sim::exercise::{Debrief, Decision, Play, LUCK_RUNS};

/// The result file of `decisions` (already verified) on the class's exercise.
fn file(class: &ClassRow, name: &str, decisions: &[Decision]) -> Reply<String> {
    let play = Play::replay(exercise(class)?, decisions);
    Ok(Debrief::of(&play, LUCK_RUNS).result(&play, name).to_json())
}

/// Makes and keeps one result's file (one at a time: at most one core goes to it).
pub async fn make(
    st: AppState,
    class: ClassRow,
    participant: u64,
    name: String,
    decisions: Vec<Decision>,
) {
    let Ok(_turn) = st.files.acquire().await else {
        return;
    };
    let Ok(json) = compute(move || file(&class, &name, &decisions)).await else {
        return;
    };
    let _ = with_db(&st, move |conn, _| {
        Ok(db::set_result_file(conn, participant, &json)?)
    })
    .await;
}

/// Every result file of a class, made now where missing (and kept).
pub async fn all(st: &AppState, class: &ClassRow) -> Reply<Vec<String>> {
    let id = class.id.clone();
    let stored = with_db(st, move |conn, _| Ok(db::results(conn, &id)?)).await?;
    let mut files = Vec::with_capacity(stored.len());
    for (participant, name, decisions, json) in stored {
        let json = match json {
            Some(json) => json,
            None => {
                let decisions: Vec<Decision> = serde_json::from_str(&decisions).unwrap_or_default();
                let class = class.clone();
                let json = compute(move || file(&class, &name, &decisions)).await?;
                let kept = json.clone();
                with_db(st, move |conn, _| {
                    Ok(db::set_result_file(conn, participant, &kept)?)
                })
                .await?;
                json
            }
        };
        files.push(json);
    }
    Ok(files)
}
