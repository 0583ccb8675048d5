//! `relsim exercise …`: check an exercise file, play it with decisions given on the command line
//! (deterministic: the exercise's seed fixes the random future), and rank participants' result
//! files with the class's decisions per moment — what the app's exercise mode and class board
//! do, for scripts and for checking an exercise before a class.

use serde::Serialize;

use super::args::{Format, Invocation};
use super::json;
use relsim::sim::exercise::{
    builtin, builtin_pair, class_board, Debrief, Decision, Exercise, ExerciseResult, Luck,
    PairDecision, PairPlay, Play, Score, Side, BUILTIN, BUILTIN_PAIRS, CARRY_ON, CLAIM_FUTURES,
    LUCK_RUNS,
};

/// Loads an exercise from a path or `builtin:NAME`.
fn load(file: &str) -> Result<Exercise, String> {
    if let Some(name) = file.strip_prefix("builtin:") {
        return builtin(name).or_else(|| builtin_pair(name)).ok_or_else(|| {
            let known: Vec<&str> = BUILTIN
                .iter()
                .chain(BUILTIN_PAIRS)
                .map(|(id, _)| *id)
                .collect();
            format!(
                "unknown built-in exercise '{name}' (known: {})",
                known.join(", ")
            )
        });
    }
    let text = super::read_text(file)?;
    Exercise::from_json(&text).map_err(|e| format!("{file}: {e}"))
}

/// `exercise validate FILE`: the file, then each claim it makes over its numbers (checked over
/// `CLAIM_FUTURES` futures each). A claim that does not hold is an error, with its numbers.
pub fn validate(file: &str) -> Result<String, String> {
    let ex = load(file)?;
    let mut out = format!("ok: {} ({})\n", ex.id, ex.title.get("en"));
    let mut failed = false;
    for c in ex.check_claims(CLAIM_FUTURES) {
        failed |= !c.holds;
        out.push_str(&format!(
            "{} {}: {}\n",
            if c.holds { "holds:" } else { "FAILS:" },
            c.claim.describe(),
            c.detail
        ));
    }
    if failed {
        Err(format!("{file}: a claim does not hold\n{out}"))
    } else {
        Ok(out)
    }
}

/// What `exercise play` prints.
#[derive(Serialize)]
struct Played {
    exercise: String,
    side: Side,
    /// Every decision moment reached, with the option taken (carry on where none was given).
    decisions: Vec<Decision>,
    score: Score,
    /// Never intervening on the same random future.
    carry_on_score: f64,
    /// The author's best path on the same random future, if recorded.
    best_score: Option<f64>,
    /// The decisions replayed over other futures (only with `--runs`).
    #[serde(skip_serializing_if = "Option::is_none")]
    luck: Option<Luck>,
}

/// `exercise play FILE [--decide WEEK=OPTION]... [--runs N] [--result FILE] [--participant
/// NAME]`: takes each given option at the decision moment of its week and carries on at the
/// others. A week that is not a moment of this play, or an option not in the menu, is an error
/// naming it. A result file gets the app's luck-or-skill replay unless `--runs` says otherwise.
pub fn play(file: &str, inv: &Invocation) -> Result<String, String> {
    let decide = &inv.decide;
    let runs = match (inv.runs, &inv.result) {
        (0, Some(_)) => LUCK_RUNS,
        (n, _) => n,
    };
    let ex = load(file)?;
    if ex.is_two_sided() {
        return play_pair(ex, inv);
    }
    if let Some((side, week, option)) = inv.pair_decide.first() {
        let side = if *side == Side::Client {
            "client"
        } else {
            "supplier"
        };
        return Err(format!(
            "--decide {side}:{week}={option}: one side plays this exercise; give WEEK=OPTION"
        ));
    }
    let ids: Vec<String> = ex.options().iter().map(|(id, _)| id.to_string()).collect();
    for (week, option) in decide {
        if !ids.contains(option) {
            return Err(format!(
                "--decide {week}={option}: '{option}' is not in the menu (options: {})",
                ids.join(", ")
            ));
        }
    }
    let mut play = Play::new(ex.clone());
    let mut moments = Vec::new();
    while !play.is_finished() {
        let week = play.seen();
        moments.push(week.to_string());
        let option = decide
            .iter()
            .find(|(w, _)| *w == week)
            .map_or(CARRY_ON, |(_, o)| o.as_str());
        play.decide(ids.iter().position(|id| id == option).unwrap_or(0));
    }
    if let Some((week, option)) = decide
        .iter()
        .find(|(w, _)| !play.decisions.iter().any(|d| d.week == *w))
    {
        return Err(format!(
            "--decide {week}={option}: week {week} is not a decision moment of this play \
             (its moments: weeks {})",
            moments.join(", ")
        ));
    }
    let d = Debrief::of(&play, runs);
    if let Some(path) = &inv.result {
        let name = inv.participant.as_deref().unwrap_or("relsim");
        std::fs::write(path, d.result(&play, name).to_json())
            .map_err(|e| format!("--result: cannot write {path}: {e}"))?;
    }
    json(&Played {
        exercise: ex.id.clone(),
        side: ex.side,
        decisions: play.decisions.clone(),
        score: d.score,
        carry_on_score: d.carry_on.total,
        best_score: d.best.map(|b| b.total),
        luck: (runs > 0).then_some(d.luck),
    })
}

/// A pair's play, as printed.
#[derive(Serialize)]
struct PairPlayed {
    exercise: String,
    decisions: Vec<PairDecision>,
    client: Score,
    supplier: Score,
    /// The client's net value plus the supplier's margin, k€.
    joint_value: f64,
}

/// `exercise play` of an exercise both sides play: each side's `--decide side:WEEK=OPTION`.
fn play_pair(ex: Exercise, inv: &Invocation) -> Result<String, String> {
    if let Some((week, option)) = inv.decide.first() {
        return Err(format!(
            "--decide {week}={option}: both sides play this exercise; say whose: client:{week}={option} or supplier:{week}={option}"
        ));
    }
    let mut play = PairPlay::new(ex.clone());
    let mut moments = Vec::new();
    while !play.is_finished() {
        let week = play.seen();
        moments.push(week.to_string());
        let of = |side: Side| {
            inv.pair_decide
                .iter()
                .find(|(s, w, _)| *s == side && *w == week)
                .map_or(CARRY_ON, |(_, _, o)| o.as_str())
        };
        play.decide(of(Side::Client), of(Side::Supplier))
            .map_err(|e| format!("--decide {e}"))?;
    }
    if let Some((_, week, option)) = inv
        .pair_decide
        .iter()
        .find(|(_, w, _)| !play.decisions.iter().any(|d| d.week == *w))
    {
        return Err(format!(
            "--decide {week}={option}: week {week} is not a decision moment of this play (its moments: weeks {})",
            moments.join(", ")
        ));
    }
    let (client, supplier, joint_value) = play.scores();
    json(&PairPlayed {
        exercise: ex.id,
        decisions: play.decisions,
        client,
        supplier,
        joint_value,
    })
}

/// One participant on the board.
#[derive(Serialize)]
struct Ranked {
    rank: usize,
    participant: String,
    file: String,
    score: f64,
    end_status: &'static str,
    /// Whether the decisions replay to the stated score on the built-in exercise of that id
    /// (`null` when the exercise is not built in, so there is nothing to replay against).
    verified: Option<bool>,
    /// Why the result does not verify.
    #[serde(skip_serializing_if = "Option::is_none")]
    unverified: Option<String>,
}

/// How many took one option at one moment.
#[derive(Serialize)]
struct Count {
    option: String,
    count: u32,
}

/// The class's choices at one moment.
#[derive(Serialize)]
struct MomentCounts {
    moment: u32,
    week: u32,
    counts: Vec<Count>,
}

/// What `exercise board` prints.
#[derive(Serialize)]
struct Board {
    exercise: String,
    results: usize,
    mean_score: f64,
    ranking: Vec<Ranked>,
    decisions: Vec<MomentCounts>,
}

/// `exercise board RESULT... [--format json|table]`: all results must be of one exercise.
pub fn board(files: &[String], format: Format) -> Result<String, String> {
    let mut results: Vec<ExerciseResult> = Vec::with_capacity(files.len());
    for file in files {
        let text = super::read_text(file)?;
        let r = ExerciseResult::from_json(&text).map_err(|e| format!("{file}: {e}"))?;
        if let Some(first) = results.first() {
            if r.exercise != first.exercise {
                return Err(format!(
                    "{file}: exercise: '{}' differs from '{}' in {}; a board takes the results \
                     of one exercise",
                    r.exercise, first.exercise, files[0]
                ));
            }
        }
        results.push(r);
    }
    let b = class_board(&results);
    // Each result replayed on its built-in exercise: an edited score or decisions show.
    let check: Vec<Option<Result<f64, _>>> = results
        .iter()
        .map(|r| builtin(&r.exercise).map(|ex| r.verify(&ex)))
        .collect();
    let board = Board {
        exercise: results[0].exercise.clone(),
        results: results.len(),
        mean_score: b.mean,
        ranking: b
            .ranking
            .iter()
            .enumerate()
            .map(|(rank, &i)| Ranked {
                rank: rank + 1,
                participant: results[i].participant.clone(),
                file: files[i].clone(),
                score: results[i].score.total,
                end_status: results[i].score.end_status.id(),
                verified: check[i].as_ref().map(Result::is_ok),
                unverified: check[i]
                    .as_ref()
                    .and_then(|c| c.as_ref().err())
                    .map(|e| e.to_string()),
            })
            .collect(),
        decisions: b
            .decisions
            .into_iter()
            .map(|m| MomentCounts {
                moment: m.moment,
                week: m.week,
                counts: m
                    .counts
                    .into_iter()
                    .map(|(option, count)| Count { option, count })
                    .collect(),
            })
            .collect(),
    };
    match format {
        Format::Table => Ok(table(&board)),
        // Only JSON and the table are offered to this command.
        Format::Json | Format::Csv => json(&board),
    }
}

/// The board as aligned text: the ranking, then the counts per moment.
fn table(b: &Board) -> String {
    let name_width = b
        .ranking
        .iter()
        .map(|r| r.participant.chars().count())
        .chain([11])
        .max()
        .unwrap_or(11);
    let mut out = format!(
        "{:>4}  {:>6}  {:<8}  {:<12}  {:<name_width$}  file\n",
        "rank", "score", "verified", "end status", "participant"
    );
    for r in &b.ranking {
        let verified = match r.verified {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "-",
        };
        out.push_str(&format!(
            "{:>4}  {:>6.1}  {:<8}  {:<12}  {:<name_width$}  {}\n",
            r.rank, r.score, verified, r.end_status, r.participant, r.file
        ));
        if let Some(why) = &r.unverified {
            out.push_str(&format!("      {why}\n"));
        }
    }
    out.push_str(&format!(
        "mean score {:.1} over {} results of {}\n\n",
        b.mean_score, b.results, b.exercise
    ));
    out.push_str("moment  week  choices\n");
    for m in &b.decisions {
        let counts: Vec<String> = m
            .counts
            .iter()
            .map(|c| format!("{} {}", c.option, c.count))
            .collect();
        out.push_str(&format!(
            "{:>6}  {:>4}  {}\n",
            m.moment + 1,
            m.week,
            counts.join(", ")
        ));
    }
    out
}
