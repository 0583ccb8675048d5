//! "Why": the change of the relationship line over a window, split exactly into its causes.
//!
//! Each appreciation relaxes toward a target that is a sum of terms (quality against
//! expectation, results, cost, alignment, margin, changing wishes, trust, and each business
//! incident's unresolved pressure), and jumps with incidents and interventions. A run with a
//! [`Tracer`] (`trace.rs`) keeps each appreciation as a sum of parts, one per cause; this module
//! runs the scenario with one and reads the parts over the chosen window.

use serde::Serialize;

use super::engine::{Plan, Sim};
use super::record::History;
use super::scenario::Scenario;
pub use super::trace::Cause;
use super::trace::Tracer;

/// The change of the relationship line over a window and its causes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// First week of the window.
    pub from: u32,
    /// Last week of the window.
    pub to: u32,
    /// The line before the window.
    pub start: f64,
    /// The line at the end of the window.
    pub end: f64,
    /// Causes with their contribution, largest first; they add up to `end − start`.
    pub causes: Vec<(Cause, f64)>,
}

/// Runs `scenario` with the tracer and explains the change from before week `from` to the end
/// of week `to`.
pub fn explain(scenario: &Scenario, from: u32, to: u32) -> Explanation {
    let last = scenario.weeks.saturating_sub(1);
    let (from, to) = (from.min(last), to.min(last).max(from.min(last)));
    let plan = Plan::new(scenario);
    let mut sim = Sim::new(&plan);
    sim.why = Some(Box::new(Tracer::new(sim.state.appreciations())));
    let mut history = History::default();
    while sim.week() < from {
        sim.step(&mut history);
    }
    let parts_before = sim.why.as_ref().map(|w| w.line_parts()).unwrap_or_default();
    let start = sim.state.appreciations().iter().sum::<f64>() / 4.0;
    while sim.week() <= to {
        sim.step(&mut history);
    }
    let why = sim.why.take().map(|w| *w);
    let end = history.rows.last().map_or(start, |r| r.relationship);
    let mut causes: Vec<(Cause, f64)> = match why {
        Some(w) => {
            let after = w.line_parts();
            w.causes
                .into_iter()
                .zip(after)
                .enumerate()
                .map(|(i, (c, a))| (c, a - parts_before.get(i).copied().unwrap_or(0.0)))
                .filter(|(_, v)| v.abs() > 1e-9)
                .collect()
        }
        None => Vec::new(),
    };
    causes.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    Explanation {
        from,
        to,
        start,
        end,
        causes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `s` without random incidents, so that a counterfactual differs only by what it removes.
    fn calm(mut s: Scenario) -> Scenario {
        s.random_rates.external = 0.0;
        s.random_rates.interpersonal = 0.0;
        s.random_rates.business = 0.0;
        s
    }

    /// Recognises one cause in an explanation.
    type IsCause = Box<dyn Fn(&Cause) -> bool>;

    /// The part `explanation` credits to causes matching `which`.
    fn credited(e: &Explanation, which: impl Fn(&Cause) -> bool) -> f64 {
        e.causes.iter().filter(|c| which(&c.0)).map(|c| c.1).sum()
    }

    #[test]
    fn other_is_a_small_part_of_the_movement() {
        // The parts add up to the change by construction ("other" takes the remainder); what
        // can fail is how much is left to "other": at most a tenth of the gross movement.
        for p in crate::sim::presets::ALL {
            let s = p.scenario();
            let h = crate::sim::run(&s);
            let last = s.weeks - 1;
            for (a, b) in [
                (0, last),
                (0, 30),
                (20, 60),
                (50, 80),
                (100, 100),
                (last / 2, last),
            ] {
                let e = explain(&s, a, b);
                let other = credited(&e, |c| *c == Cause::Other).abs();
                let gross: f64 = e.causes.iter().map(|c| c.1.abs()).sum();
                assert!(
                    other <= 0.1 * gross + 1e-4,
                    "{} {a}..{b}: other {other} of a movement of {gross}",
                    p.id
                );
                // Tracing watches the run without changing it.
                assert_eq!(e.end, h.rows[b as usize].relationship, "{} {a}..{b}", p.id);
            }
        }
    }

    #[test]
    fn a_named_cause_matches_the_run_without_it() {
        // For each scripted incident and intervention of every preset (without random
        // incidents): run the scenario without it, and compare the line's difference at the end
        // of a window that starts in its week with the part the explanation credits to it. In
        // its own week the jump is all there is; a few weeks on, knock-on effects through trust,
        // effort and alignment (credited to those causes) start to show, so the tolerance widens.
        let mut compared = 0;
        for p in crate::sim::presets::ALL {
            let s = calm(p.scenario());
            let with = crate::sim::run(&s);
            // (week, the scenario without it, whether it acts only through the week's terms —
            // a new manager or new terms —, how to recognise it among the causes)
            let mut cases: Vec<(u32, Scenario, bool, IsCause)> = Vec::new();
            for (i, inc) in s.incidents.iter().enumerate() {
                let mut without = s.clone();
                without.incidents.remove(i);
                let inc = inc.clone();
                let week = inc.week;
                let twins = s.incidents.iter().filter(|x| **x == inc).count();
                if twins > 1 {
                    continue;
                }
                cases.push((
                    week,
                    without,
                    false,
                    Box::new(
                        move |c| matches!(c, Cause::Incident { incident, .. } if *incident == inc),
                    ),
                ));
            }
            for (i, x) in s.interventions.iter().enumerate() {
                let mut without = s.clone();
                without.interventions.remove(i);
                let (week, kind) = (x.week(), x.kind_id());
                if s.interventions
                    .iter()
                    .filter(|y| y.week() == week && y.kind_id() == kind)
                    .count()
                    > 1
                {
                    continue;
                }
                cases.push((
                    week,
                    without,
                    matches!(kind, "change_role" | "renegotiate" | "effort_policy"),
                    Box::new(move |c| matches!(c, Cause::Intervention { week: w, kind: k } if *w == week && *k == kind)),
                ));
            }
            for (week, without, through_terms, is_it) in cases {
                let h0 = crate::sim::run(&without);
                for (span, rel, abs) in [(0, 0.05, 5e-4), (4, 0.1, 1e-3)] {
                    let to = (week + span).min(s.weeks - 1);
                    let effect =
                        with.rows[to as usize].relationship - h0.rows[to as usize].relationship;
                    let e = explain(&s, week, to);
                    let part = credited(&e, &is_it);
                    // A named major cause must match. In its own week, an incident or
                    // intervention with a major effect must be named too; later, effects that
                    // work through the contract (a renegotiation, a new manager) are credited
                    // to the terms they change (results, cost, wishes) and are not compared.
                    let named = part.abs() >= 0.005;
                    // A new manager or new terms act only through the week's terms (the
                    // manager's orientations, what is paid and measured), from their own week.
                    if !named && (span > 0 || effect.abs() < 0.01 || through_terms) {
                        continue;
                    }
                    // Later shocks inside the window interact with this one (trust buffers
                    // them, appreciation clips at 0 and 1), so the counterfactual no longer
                    // isolates it: only its own week is compared then.
                    let crowded = s.incidents.iter().any(|x| x.week > week && x.week <= to);
                    // An appreciation pinned at 0 or 1 absorbs part of a jump (booked on
                    // "other"), so the run without it differs by less than the jump.
                    let pinned = with.rows[week.saturating_sub(1) as usize..=to as usize]
                        .iter()
                        .any(|r| {
                            [
                                r.client_experienced,
                                r.client_business,
                                r.supplier_experienced,
                                r.supplier_business,
                            ]
                            .iter()
                            .any(|a| *a < 0.02 || *a > 0.98)
                        });
                    if (span > 0 && crowded) || pinned {
                        continue;
                    }
                    compared += 1;
                    assert!(
                        (part - effect).abs() <= rel * effect.abs() + abs,
                        "{} week {week}..{to}: credited {part:.4}, without it the line differs by {effect:.4}",
                        p.id
                    );
                }
            }
        }
        assert!(compared >= 10, "only {compared} causes compared");
    }

    #[test]
    fn the_articles_moments_are_named_as_causes() {
        let s = crate::sim::presets::find("article-figure")
            .unwrap()
            .scenario();
        let e = explain(&s, 38, 44);
        let (top, v) = &e.causes[0];
        assert!(matches!(top, Cause::Incident { week: 40, .. }), "{top:?}");
        assert!(*v > 0.0);
        // Over a calm stretch the linear split leaves little to "other".
        let other: f64 = e
            .causes
            .iter()
            .filter(|c| c.0 == Cause::Other)
            .map(|c| c.1.abs())
            .sum();
        assert!(
            other < 0.25 * (e.end - e.start).abs().max(0.01),
            "other {other}"
        );
    }
}
