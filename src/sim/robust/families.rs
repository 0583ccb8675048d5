//! The families of facts 13–25 (MODEL.md sections 12 and 13); facts 1–12 are in
//! `families_v1.rs`. Each samples a situation where the fact's premise holds and returns the
//! fact's verdict with the numbers that decided it.

use super::situations::cost_at;
use super::{Family, Pair, Verdict};
use crate::sim::incident::{Category, Incident, Kind, Party, Polarity};
use crate::sim::intervention::{Intervention, TrustRepair};
use crate::sim::{Obligation, Role, Scenario};

/// Every family, in the order of the facts.
pub fn all() -> Vec<&'static Family> {
    let mut v: Vec<&'static Family> = super::families_v1::FAMILIES.iter().collect();
    v.extend(FAMILIES.iter());
    v.sort_by_key(|f| f.fact);
    v
}

/// The families of facts 13–25.
pub static FAMILIES: &[Family] = &[
    Family {
        fact: 13,
        title: "Price matters",
        family: "any situation; the supplier held to full effort, at its fee and at a fee 10–30 % higher",
        structural: true,
        runs: 40,
        check: price_matters,
    },
    Family {
        fact: 14,
        title: "Worse service never pleases",
        family: "any situation, contract and budget pressure; the same fee, one supplier at full effort, one by a low floor at twice the cost per request",
        structural: true,
        runs: 1,
        check: worse_service,
    },
    Family {
        fact: 19,
        title: "No bonus for a missed target; a larger share buys effort",
        family: "results contracts of any target, band and share, with any manager; the share raised by 0.2",
        structural: true,
        runs: 40,
        check: no_bonus_for_a_miss,
    },
    Family {
        fact: 20,
        title: "Squeezing the supplier does not pay",
        family: "any situation; a fee 50–90 % of the supplier's cost against one that covers its cost and reservation",
        structural: false,
        runs: 60,
        check: squeeze,
    },
    Family {
        fact: 22,
        title: "The horizon is not an artefact",
        family: "any situation whose term ends with the run: 259 against 260 weeks",
        structural: false,
        runs: 200,
        check: horizon,
    },
    Family {
        fact: 23,
        title: "Repairs compose",
        family: "a severe breach (0.6–0.9) at any trust level, then a full repair, with or without an apology-only repair 4–16 weeks later",
        structural: false,
        runs: 1,
        check: repairs_compose,
    },
    Family {
        fact: 24,
        title: "Lasting asymmetry",
        family: "trust 0.15–0.85, any role, an interpersonal incident of 0.1–0.8, compared 1, 4 and 12 weeks later",
        structural: false,
        runs: 1,
        check: lasting_asymmetry,
    },
    Family {
        fact: 25,
        title: "External incidents have consequences of their own kind",
        family: "any situation; a market price drop of 0.3–0.8 on the client, and a more attractive offer of 0.5–1",
        structural: false,
        runs: 80,
        check: external_channels,
    },
];

fn incident(week: u32, kind: Kind, polarity: Polarity, magnitude: f64, party: Party) -> Incident {
    Incident {
        week,
        category: kind.category(),
        kind,
        polarity,
        magnitude,
        party,
        note: String::new(),
    }
}

fn quiet(mut s: Scenario) -> Scenario {
    s.random_rates.external = 0.0;
    s.random_rates.interpersonal = 0.0;
    s.random_rates.business = 0.0;
    s
}

fn price_matters(p: &mut Pair) -> Verdict {
    let mut s = p.situation();
    s.supplier.min_effort = 1.0;
    // The cheaper fee still covers full effort with more than the reservation.
    let floor = cost_at(&s, 1.0) * 1.2;
    s.contract.fee_per_week = s.contract.fee_per_week.max(floor);
    let mut dear = s.clone();
    dear.contract.fee_per_week *= p.u(1.1, 1.3);
    let (a, b) = (p.summary(&s), p.summary(&dear));
    Verdict::all(vec![
        Verdict::of(
            a.mean.client_appreciation > b.mean.client_appreciation,
            format!(
                "appreciation {:.4} (cheaper) vs {:.4}",
                a.mean.client_appreciation, b.mean.client_appreciation
            ),
        ),
        Verdict::of(
            a.totals.client_net_value > b.totals.client_net_value,
            format!(
                "net value {:.0} vs {:.0}",
                a.totals.client_net_value, b.totals.client_net_value
            ),
        ),
    ])
}

fn worse_service(p: &mut Pair) -> Verdict {
    let mut s = quiet(p.situation());
    s.contract.kpi_level = p.pick(&[
        crate::sim::scenario::KpiLevel::Technical,
        crate::sim::scenario::KpiLevel::Business,
    ]);
    s.client.budget_pressure = p.u(0.0, 1.0);
    s.supplier.horizon = 0.0;
    s.weeks = 104;
    let mut good = s.clone();
    good.supplier.min_effort = 1.0;
    let mut poor = s;
    poor.supplier.min_effort = 0.1;
    poor.supplier.cost_per_request *= 2.0;
    let (g, w) = (p.run(&good), p.run(&poor));
    let mean = |h: &crate::sim::History, f: fn(&crate::sim::Row) -> f64| {
        h.rows.iter().map(f).sum::<f64>() / h.rows.len() as f64
    };
    let (gs, ws) = (mean(&g, |r| r.sla), mean(&w, |r| r.sla));
    if ws >= gs - 0.005 {
        // Premise not met (both deliver alike): the fact says nothing here.
        return Verdict::of(true, format!("same service ({ws:.3} vs {gs:.3})"));
    }
    let (ga, wa) = (
        mean(&g, |r| r.client_appreciation),
        mean(&w, |r| r.client_appreciation),
    );
    Verdict::of(
        wa <= ga + 1e-9,
        format!("SLA {ws:.3} vs {gs:.3}: appreciation {wa:.4} vs {ga:.4}"),
    )
}

fn no_bonus_for_a_miss(p: &mut Pair) -> Verdict {
    let mut s = p.situation();
    s.contract.obligation = Obligation::Result;
    s.contract.incentive_share = p.u(0.05, 0.3);
    let h = p.run(&s);
    let c = s.contract;
    let full = c.fee_per_week * c.incentive_share;
    // An operational controller: a manager whose role is mostly control (the Accountant).
    let params = s.params();
    let allowed = if s.manager.role.orientation(&params).2 >= 0.7 {
        0.1
    } else {
        0.25
    };
    let mut worst_excess: f64 = 0.0;
    let mut full_on_miss = 0;
    for r in h.rows.iter().filter(|r| !r.status.is_final()) {
        let earned = crate::sim::engine::payment(&c, r.sla) - c.fee_per_week;
        // A clawback week pays less, never more: only what was paid beyond the earned counts.
        worst_excess = worst_excess.max((r.bonus_paid - earned) / full.max(1e-9));
        if r.sla < c.sla_target && r.bonus_paid >= full - 1e-9 {
            full_on_miss += 1;
        }
    }
    let mut more = s.clone();
    more.contract.incentive_share += 0.2;
    let (a, b) = (p.summary(&s), p.summary(&more));
    Verdict::all(vec![
        Verdict::of(
            full_on_miss == 0,
            format!("{full_on_miss} weeks of full bonus below target"),
        ),
        Verdict::of(
            worst_excess <= allowed + 1e-9,
            format!("bonus beyond the delivered SLA's: {worst_excess:.3} of the full bonus (allowed {allowed})"),
        ),
        Verdict::of(
            b.mean.effort > a.mean.effort || a.mean.effort > 0.97,
            format!(
                "effort {:.3} at share {:.2} vs {:.3} at +0.2",
                a.mean.effort, c.incentive_share, b.mean.effort
            ),
        ),
    ])
}

fn squeeze(p: &mut Pair) -> Verdict {
    let s = p.situation();
    // The fee that covers the supplier's cost at the effort it gives under this contract and
    // its reservation (a little above the lowest fee at which it is not at a loss).
    let fair = fair_fee(p, &s) * 1.05;
    let mut low = s.clone();
    low.contract.fee_per_week = cost_at(&s, s.supplier.min_effort) * p.u(0.5, 0.9);
    let mut ok = s;
    ok.contract.fee_per_week = fair;
    let (a, b) = (p.summary(&low), p.summary(&ok));
    Verdict::of(
        a.totals.client_net_value < b.totals.client_net_value,
        format!(
            "net value {:.0} at fee {:.1} (squeezed) vs {:.0} at {:.1}",
            a.totals.client_net_value, low.contract.fee_per_week, b.totals.client_net_value, fair
        ),
    )
}

/// The lowest fee (to 1 %) at which the supplier of `s` is not at a loss in a calm run: it never
/// asks for more.
fn fair_fee(p: &Pair, s: &Scenario) -> f64 {
    let asks = |fee: f64| {
        let mut t = quiet(s.clone());
        t.model = p.model.clone();
        t.contract.fee_per_week = fee;
        p.run(&t)
            .events
            .iter()
            .any(|(_, e)| matches!(e, crate::sim::Event::SupplierAsks { .. }))
    };
    let (mut lo, mut hi) = (cost_at(s, 0.0) * 0.5, cost_at(s, 1.0) * 2.0);
    while hi - lo > 0.01 * hi {
        let mid = (lo + hi) / 2.0;
        if asks(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

fn horizon(p: &mut Pair) -> Verdict {
    let mut s = p.situation();
    s.contract.term_weeks = 260;
    s.weeks = 260;
    let mut short = s.clone();
    short.weeks = 259;
    let (a, b) = (p.summary(&short), p.summary(&s));
    let worst = crate::sim::Status::ALL
        .iter()
        .map(|st| (a.status_at_end.get(*st) - b.status_at_end.get(*st)).abs())
        .fold(0.0, f64::max);
    Verdict::of(
        worst < 0.05,
        format!("end shares differ by at most {:.3}", worst),
    )
}

fn repairs_compose(p: &mut Pair) -> Verdict {
    let mut s = quiet(p.situation());
    s.supplier.track_record = p.u(0.3, 0.9);
    let breach = p.u(0.6, 0.9);
    s.incidents.push(incident(
        30,
        Kind::BreachOfNorms,
        Polarity::Negative,
        breach,
        Party::Client,
    ));
    let full = TrustRepair {
        week: 32,
        by: Party::Supplier,
        compensation: s.contract.fee_per_week,
        ..TrustRepair::default()
    };
    s.interventions.push(Intervention::TrustRepair(full));
    let mut twice = s.clone();
    let later = 32 + p.int(4, 16);
    twice
        .interventions
        .push(Intervention::TrustRepair(TrustRepair {
            week: later,
            by: Party::Supplier,
            apologise: true,
            explain: false,
            correct: false,
            compensation: 0.0,
            patience_weeks: 0,
            ..TrustRepair::default()
        }));
    let at = 32 + 26;
    let (a, b) = (p.run(&s), p.run(&twice));
    let (ta, tb) = (a.rows[at].client_trust, b.rows[at].client_trust);
    // Continuity: a slightly higher trust before the crisis never gives a much worse recovery.
    let mut higher = s.clone();
    higher.supplier.track_record += 0.01;
    let th = p.run(&higher).rows[at].client_trust;
    Verdict::all(vec![
        Verdict::of(
            tb >= ta - 1e-9,
            format!("trust at +26 weeks {tb:.4} with a second apology vs {ta:.4}"),
        ),
        Verdict::of(
            (th - ta).abs() < 0.05,
            format!("trust at +26 weeks {th:.4} with 0.01 more trust before vs {ta:.4}"),
        ),
    ])
}

fn lasting_asymmetry(p: &mut Pair) -> Verdict {
    let mut s = quiet(Scenario::default());
    s.model = p.model.clone();
    s.weeks = 30;
    s.supplier.track_record = p.u(0.15, 0.85);
    s.manager.role = p.pick(&Role::ALL);
    let m = p.u(0.1, 0.8);
    let with = |kind: Kind, pol: Polarity| {
        let mut t = s.clone();
        t.incidents.push(incident(10, kind, pol, m, Party::Client));
        t
    };
    let (quiet_run, neg, pos) = (
        p.run(&s),
        p.run(&with(Kind::PoorCooperation, Polarity::Negative)),
        p.run(&with(Kind::GoodCooperation, Polarity::Positive)),
    );
    let parts = [1usize, 4, 12]
        .iter()
        .map(|k| {
            let w = 10 + k;
            let drop = quiet_run.rows[w].client_trust - neg.rows[w].client_trust;
            let rise = pos.rows[w].client_trust - quiet_run.rows[w].client_trust;
            Verdict::of(
                rise > 0.0 && drop >= 3.0 * rise,
                format!("+{k} weeks: drop {drop:.4} vs rise {rise:.4}"),
            )
        })
        .collect();
    Verdict::all(parts)
}

fn external_channels(p: &mut Pair) -> Verdict {
    let mut s = p.situation();
    s.contract.obligation = Obligation::Effort;
    s.client.budget_pressure = p.u(0.3, 0.8);
    let mut drop = s.clone();
    drop.incidents.push(incident(
        20,
        Kind::MarketPricesChange,
        Polarity::Negative,
        p.u(0.3, 0.8),
        Party::Client,
    ));
    let mut offer = s.clone();
    for w in [40, 120, 200] {
        offer.incidents.push(incident(
            w,
            Kind::MoreAttractiveOffer,
            Polarity::Negative,
            p.u(0.5, 1.0),
            Party::Client,
        ));
    }
    let (base, dropped, tempted) = (p.summary(&s), p.summary(&drop), p.summary(&offer));
    let left = |x: &crate::sim::Summary| {
        x.status_at_end.terminated
            + x.status_at_end.ended
            + x.renewal.decided * (1.0 - x.renewal.rate)
    };
    Verdict::all(vec![
        Verdict::of(
            dropped.mean.client_appreciation < base.mean.client_appreciation,
            format!(
                "appreciation {:.4} after a market price drop vs {:.4}",
                dropped.mean.client_appreciation, base.mean.client_appreciation
            ),
        ),
        Verdict::of(
            left(&tempted) >= left(&base),
            format!(
                "leaving {:.3} with better offers vs {:.3}",
                left(&tempted),
                left(&base)
            ),
        ),
    ])
}

#[allow(dead_code)]
fn category_of(kind: Kind) -> Category {
    kind.category()
}
