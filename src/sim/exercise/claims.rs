//! What an exercise teaches, as claims over its own numbers: "the best path beats carrying on by
//! at least 10 points", "the best path ends in partnership in most futures", "leaving early
//! scores below the best path". Each claim is data in the exercise file, checked on the
//! ensemble — every path played at its own moments over many futures of the exercise's
//! relationship, not on one lucky run — by the native tests for the built-in exercises and by the
//! authoring view for a trainer's own.

use super::{score_of, Claim, ClaimCheck, Decision, Exercise, Path, PathOutcome, Play, CARRY_ON};
use crate::sim::Status;

/// Futures a claim is checked over: enough that a mean score is within about a point.
pub const CLAIM_FUTURES: u32 = 200;

impl Path {
    /// The option ids at the first moments.
    fn options(&self, ex: &Exercise) -> Vec<String> {
        match self {
            Path::Best => ex.best_path.iter().map(|d| d.option.clone()).collect(),
            Path::CarryOn => Vec::new(),
            Path::Options(v) => v.clone(),
        }
    }
}

impl Claim {
    /// The paths a claim is about.
    fn paths(&self) -> Vec<&Path> {
        match self {
            Claim::Beats { path, than, .. } => vec![path, than],
            Claim::EndsInPartnership { path, .. } => vec![path],
        }
    }
}

impl Exercise {
    /// `path` played at its own moments in `futures` futures of this exercise's relationship
    /// (the first is the exercise's own): the moments after large incidents fall where each
    /// future's incidents do, as in a play.
    pub fn outcome(&self, path: &Path, futures: u32) -> PathOutcome {
        let options = path.options(self);
        let decisions: Vec<Decision> = options
            .iter()
            .enumerate()
            .map(|(i, o)| Decision {
                moment: i as u32,
                week: 0,
                option: o.clone(),
            })
            .collect();
        let (mut score, mut partnership) = (0.0, 0.0);
        let n = futures.max(1);
        for i in 0..n {
            let mut ex = self.clone();
            ex.scenario.seed = self.scenario.seed.wrapping_add(u64::from(i));
            let play = Play::replay(ex, &decisions);
            let rows = &play.history().rows;
            score += score_of(&play.exercise, rows).total;
            if rows.last().is_some_and(|r| r.status == Status::Partnership) {
                partnership += 1.0;
            }
        }
        PathOutcome {
            score: score / f64::from(n),
            partnership: partnership / f64::from(n),
        }
    }

    /// Checks `claims` over `futures` futures each.
    pub fn check(&self, claims: &[Claim], futures: u32) -> Vec<ClaimCheck> {
        claims
            .iter()
            .map(|claim| {
                let outcomes: Vec<PathOutcome> = claim
                    .paths()
                    .into_iter()
                    .map(|p| self.outcome(p, futures))
                    .collect();
                let (holds, detail) = match claim {
                    Claim::Beats { path, than, by } => {
                        let (a, b) = (outcomes[0].score, outcomes[1].score);
                        (
                            a >= b + by,
                            format!(
                                "{} scores {a:.1}, {} {b:.1} (mean over {futures} futures)",
                                path.describe(),
                                than.describe()
                            ),
                        )
                    }
                    Claim::EndsInPartnership { path, share } => {
                        let s = outcomes[0].partnership;
                        (
                            s >= *share,
                            format!(
                                "{} ends in partnership in {:.0} % of {futures} futures",
                                path.describe(),
                                s * 100.0
                            ),
                        )
                    }
                };
                ClaimCheck {
                    claim: claim.clone(),
                    holds,
                    detail,
                    outcomes,
                }
            })
            .collect()
    }

    /// Checks the exercise's own claims.
    pub fn check_claims(&self, futures: u32) -> Vec<ClaimCheck> {
        self.check(&self.claims, futures)
    }

    /// The claim every exercise with a best path makes, stated or not: its best path scores
    /// no less than carrying on (what the authoring view checks for a trainer).
    pub fn best_beats_carrying_on() -> Claim {
        Claim::Beats {
            path: Path::Best,
            than: Path::CarryOn,
            by: 0.0,
        }
    }

    /// Problems of the claims, each naming its field.
    pub(super) fn claim_problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (i, c) in self.claims.iter().enumerate() {
            let at = |f: &str| format!("claims[{i}].{f}");
            match c {
                Claim::Beats { by, .. } if !(0.0..=100.0).contains(by) => {
                    out.push((at("by"), format!("{by} is out of range 0..=100")));
                }
                Claim::EndsInPartnership { share, .. } if !(0.0..=1.0).contains(share) => {
                    out.push((at("share"), format!("{share} is out of range 0..=1")));
                }
                _ => {}
            }
            for p in c.paths() {
                match p {
                    Path::Best if self.best_path.is_empty() => {
                        out.push((at("path"), "the exercise has no best path".into()));
                    }
                    Path::Options(v) => {
                        for o in v {
                            if o != CARRY_ON && !self.menu.iter().any(|c| &c.id == o) {
                                out.push((at("path"), format!("'{o}' is not in the menu")));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        out
    }
}
