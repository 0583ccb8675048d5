//! The families of facts 13–25 (MODEL.md sections 12 and 13); facts 1–12 are in
//! `families_v1.rs`. Each samples a situation where the fact's premise holds and returns the
//! fact's verdict with the numbers that decided it.

use super::situations::{cost_at, incident, pay_for_full_effort, quiet};
use super::{Family, Pair, Verdict};
use crate::sim::incident::{Kind, Party, Polarity};
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
        family: "any situation, contract and budget pressure, without extra work; the same fee (one that pays for full effort), one supplier at full effort, one by a low floor at twice the cost per request",
        structural: true,
        runs: 1,
        check: worse_service,
    },
    Family {
        fact: 15,
        title: "No role dominates: the Representative keeps the most partnerships",
        family: "ordinary situations with any contract: the Representative against each other role on the share of the term in partnership",
        structural: false,
        runs: 60,
        check: representative_keeps_partnerships,
    },
    Family {
        fact: 16,
        title: "Opt-out is a door",
        family: "any situation, trust 0.5–0.7, a crisis of 4–6 weeks and a mediated repair; an opt-out open from week 10–30 or none; an exit before and after the opt-out week",
        structural: false,
        runs: 60,
        check: opt_out_is_a_door,
    },
    Family {
        fact: 17,
        title: "Mediation pays only when it works",
        family: "any situation with a client that no longer wants to go on (6–10 weeks of hostility, a better offer in hand); a mediated repair or renegotiation that fails",
        structural: false,
        runs: 40,
        check: failed_mediation,
    },
    Family {
        fact: 18,
        title: "Repair steps are complementary",
        family: "a breach of 0.6–0.95 at trust 0.4–0.8 with any role; the full repair against each step left out and patience alone",
        structural: false,
        runs: 1,
        check: steps_complement,
    },
    Family {
        fact: 19,
        title: "No bonus for a missed target; a larger share buys effort",
        family: "results contracts with a target of 0.85–0.93, a band of 0.2–0.4 and a share of 0.05–0.3, with any manager; the share raised by 0.2",
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
        fact: 21,
        title: "Roles are a trade-off: each wins its own family",
        family: "random situations of each role's kind (cost pressure, a large bonus, much extra work and many business incidents; drifting goals; clashing people on a routine service; high stakes), the manager at its default cost",
        structural: false,
        runs: 60,
        check: each_role_wins_its_family,
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

fn price_matters(p: &mut Pair) -> Verdict {
    let mut s = p.situation();
    s.supplier.min_effort = 1.0;
    // The cheaper fee still covers full effort with more than the reservation.
    pay_for_full_effort(&mut s);
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
    // No extra work: the dearer supplier's extra work would be a different purchase, billed
    // at a different price, and the two would no longer be paid alike.
    s.demand.out_of_scope_share = 0.0;
    let mut good = s.clone();
    good.supplier.min_effort = 1.0;
    let mut poor = s;
    poor.supplier.min_effort = 0.1;
    poor.supplier.cost_per_request *= 2.0;
    // The same fee for both, one that pays for full effort at the dearer supplier's cost with
    // more than the reservation: a squeezed supplier would ask for a higher fee or leave, and
    // the two would no longer be paid alike or serve alike.
    pay_for_full_effort(&mut poor);
    good.contract.fee_per_week = poor.contract.fee_per_week;
    let (g, w) = (p.run(&good), p.run(&poor));
    let mean = |h: &crate::sim::History, f: fn(&crate::sim::Row) -> f64| {
        h.rows.iter().map(f).sum::<f64>() / h.rows.len() as f64
    };
    let (gs, ws) = (mean(&g, |r| r.sla), mean(&w, |r| r.sla));
    let (gq, wq) = (mean(&g, |r| r.quality), mean(&w, |r| r.quality));
    if ws >= gs - 0.005 || wq >= gq - 0.005 {
        // Premise not met: both deliver alike, in the SLA or in the quality users feel (which
        // a service-minded manager and extra work can lift to the top for both).
        return Verdict::of(
            true,
            format!("same service (SLA {ws:.3} vs {gs:.3}, quality {wq:.3} vs {gq:.3})"),
        );
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
    // The bonus is judged against the terms in force: the scenario's, until a squeezed
    // supplier's request for a higher base fee is granted.
    let new_terms = h
        .events
        .iter()
        .find(|(_, e)| matches!(e, crate::sim::Event::SupplierAsks { accepted: true, .. }))
        .map_or(u32::MAX, |(w, _)| *w);
    for r in h
        .rows
        .iter()
        .filter(|r| !r.status.is_final() && r.week < new_terms)
    {
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
    // its reservation: a little above the lowest fee at which it never asks for more in a
    // quiet run (incidents move its margin, and a fee at the very edge is asked up later).
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

/// A random situation of `role`'s kind (the families of the role presets).
pub(super) fn role_situation(p: &mut Pair, role: Role) -> Scenario {
    let mut s = p.situation();
    s.manager.cost_per_week = None;
    let r = &mut s.random_rates;
    match role {
        Role::Accountant => {
            // Heavy cost pressure on a results contract with a large bonus and much extra work:
            // unchecked reports and invoices cost money; goals are shared and people get on.
            s.contract.obligation = Obligation::Result;
            s.contract.incentive_share = p.u(0.3, 0.5);
            s.contract.incentive_band = p.u(0.15, 0.25);
            s.contract.extra_work_markup = p.u(0.4, 0.6);
            s.demand.out_of_scope_share = p.u(0.25, 0.4);
            s.client.budget_pressure = p.u(0.7, 1.0);
            s.client.value_per_week = s.contract.fee_per_week * p.u(0.9, 1.2);
            r.external = p.u(0.0, 0.3);
            r.interpersonal = p.u(0.5, 1.5);
            r.business = p.u(6.0, 10.0);
            s.supplier.culture_fit = p.u(0.7, 0.9);
        }
        Role::Nanny => {
            // Goals adrift: external changes and business incidents dominate; people get on.
            r.external = p.u(3.0, 6.0);
            r.interpersonal = p.u(0.3, 1.0);
            r.business = p.u(4.0, 8.0);
            s.supplier.culture_fit = p.u(0.7, 0.9);
            s.client.budget_pressure = p.u(0.1, 0.4);
            s.client.value_per_week = s.contract.fee_per_week * p.u(1.4, 2.0);
        }
        Role::Butler => {
            // A routine service where people clash: goals are stable and the service is worth
            // little more than it costs.
            r.external = p.u(0.0, 0.3);
            r.interpersonal = p.u(8.0, 14.0);
            r.business = p.u(1.0, 2.0);
            s.supplier.culture_fit = p.u(0.45, 0.6);
            s.client.budget_pressure = p.u(0.0, 0.3);
            s.client.value_per_week = s.contract.fee_per_week * p.u(0.9, 1.3);
        }
        Role::Representative | Role::None => {
            // High stakes: a service the business depends on, drifting goals and clashes.
            s.client.value_per_week = s.contract.fee_per_week * p.u(3.0, 4.5);
            r.external = p.u(2.0, 4.0);
            r.interpersonal = p.u(4.0, 8.0);
            r.business = p.u(3.0, 6.0);
            s.supplier.culture_fit = p.u(0.3, 0.5);
        }
    }
    s
}

const MANAGERS: [Role; 4] = [
    Role::Butler,
    Role::Accountant,
    Role::Representative,
    Role::Nanny,
];

fn with_role(s: &Scenario, role: Role) -> Scenario {
    let mut t = s.clone();
    t.manager.role = role;
    t.manager.cost_per_week = None;
    t
}

fn representative_keeps_partnerships(p: &mut Pair) -> Verdict {
    let s = p.situation();
    let share = |r: Role| p.summary(&with_role(&s, r)).time_in_status.partnership;
    let rep = share(Role::Representative);
    let others: Vec<(Role, f64)> = [Role::Butler, Role::Accountant, Role::Nanny]
        .iter()
        .map(|r| (*r, share(*r)))
        .collect();
    let best_other = others.iter().map(|o| o.1).fold(0.0, f64::max);
    Verdict::of(
        rep >= best_other,
        format!("partnership share: representative {rep:.3}, others {others:?}"),
    )
}

fn each_role_wins_its_family(p: &mut Pair) -> Verdict {
    let role = p.pick(&MANAGERS);
    let s = role_situation(p, role);
    let values: Vec<(Role, f64)> = MANAGERS
        .iter()
        .map(|r| (*r, p.summary(&with_role(&s, *r)).totals.client_net_value))
        .collect();
    let top = values
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|v| v.0);
    Verdict::of(
        top == Some(role),
        format!("{role:?}'s family: net values {values:?}"),
    )
}

/// A crisis of `weeks` weeks of bad treatment and shortfalls on the client from week 40.
fn crisis(s: &mut Scenario, weeks: u32, size: f64) {
    for w in 40..40 + weeks {
        s.incidents.push(incident(
            w,
            Kind::AbuseOfPower,
            Polarity::Negative,
            size,
            Party::Client,
        ));
        s.incidents.push(incident(
            w,
            Kind::QualityShortfall,
            Polarity::Negative,
            size,
            Party::Client,
        ));
    }
}

/// Escalation episodes over an ensemble: how many and their total length.
#[derive(Default)]
struct Escalations {
    current: u32,
    episodes: u32,
    weeks: u32,
    recovered: u32,
}

impl crate::sim::Recorder for Escalations {
    fn record(&mut self, row: &crate::sim::Row, _: &[crate::sim::Event]) {
        if row.status == crate::sim::Status::Escalation {
            self.current += 1;
        } else if self.current > 0 {
            self.episodes += 1;
            self.weeks += self.current;
            if row.status == crate::sim::Status::Supplier {
                self.recovered += 1;
            }
            self.current = 0;
        }
    }
    fn reads_state_fields(&self) -> bool {
        false
    }
}

fn escalations(s: &Scenario, runs: u32) -> Escalations {
    let plan = crate::sim::Plan::new(s);
    let mut e = Escalations::default();
    for i in 0..runs {
        crate::sim::Sim::with_seed(&plan, s.seed.wrapping_add(i as u64)).run(&mut e);
        e.current = 0;
    }
    e
}

fn opt_out_is_a_door(p: &mut Pair) -> Verdict {
    let mut s = p.situation();
    s.contract.obligation = Obligation::Result;
    s.contract.exit_fee = s.contract.fee_per_week * p.u(0.0, 5.0);
    // A crisis that escalates but can recover (the premise), with a mediated repair after it.
    s.supplier.track_record = p.u(0.5, 0.7);
    crisis(&mut s, p.int(4, 6), p.u(0.75, 0.85));
    s.interventions.push(Intervention::TrustRepair(TrustRepair {
        week: 56,
        mediator: true,
        compensation: 2.0 * s.contract.fee_per_week,
        ..TrustRepair::default()
    }));
    let mut open = s.clone();
    open.contract.opt_out_week = Some(p.int(10, 30));
    // An open door does not end escalations in termination by rule: those that recover without
    // it still recover with it (the client may leave an escalation that would not recover anyway:
    // that is the door).
    let (a, b) = (escalations(&open, p.runs), escalations(&s, p.runs));
    let door = Verdict::of(
        a.recovered as f64 >= 0.8 * b.recovered as f64,
        format!(
            "{} of {} escalations recover with an open opt-out vs {} of {} without",
            a.recovered, a.episodes, b.recovered, b.episodes
        ),
    );
    // Leaving before the opt-out week costs more than after it.
    let mut calm = quiet(p.situation());
    calm.contract.opt_out_week = Some(30);
    calm.contract.exit_fee = calm.contract.fee_per_week * p.u(0.0, 5.0);
    let leaving = |week: u32| {
        let mut t = calm.clone();
        t.interventions
            .push(Intervention::Exit(crate::sim::intervention::AtWeek {
                week,
            }));
        let h = p.run(&t);
        h.rows[week as usize].client_cost - h.rows[week as usize - 1].client_cost
    };
    let (early, late) = (leaving(20), leaving(40));
    Verdict::all(vec![
        door,
        Verdict::of(
            early > late,
            format!("leaving before the opt-out week costs {early:.0} vs {late:.0} after"),
        ),
    ])
}

fn failed_mediation(p: &mut Pair) -> Verdict {
    let mut s = p.situation();
    s.contract.obligation = Obligation::Result;
    for w in 20..20 + p.int(6, 10) {
        for (kind, size) in [
            (Kind::AbuseOfPower, 1.0),
            (Kind::QualityShortfall, 1.0),
            (Kind::MoreAttractiveOffer, 1.0),
        ] {
            s.incidents
                .push(incident(w, kind, Polarity::Negative, size, Party::Client));
        }
    }
    let week = 32;
    let x = if p.int(0, 1) == 0 {
        Intervention::TrustRepair(TrustRepair {
            week,
            mediator: true,
            compensation: 3.0 * s.contract.fee_per_week,
            ..TrustRepair::default()
        })
    } else {
        Intervention::Renegotiate(crate::sim::intervention::Renegotiate {
            week,
            mediator: true,
            fee_per_week: Some(0.9 * s.contract.fee_per_week),
            ..Default::default()
        })
    };
    let mut tried = s.clone();
    tried.interventions.push(x);
    let (a, b) = (p.summary(&tried), p.summary(&s));
    Verdict::of(
        a.totals.client_cost >= b.totals.client_cost - 1e-9,
        format!(
            "client cost {:.0} with the failed mediation vs {:.0} without",
            a.totals.client_cost, b.totals.client_cost
        ),
    )
}

fn steps_complement(p: &mut Pair) -> Verdict {
    let mut s = quiet(p.situation());
    s.contract.obligation = Obligation::Result;
    s.supplier.track_record = p.u(0.4, 0.8);
    s.manager.role = p.pick(&Role::ALL);
    s.incidents.push(incident(
        30,
        Kind::BreachOfNorms,
        Polarity::Negative,
        p.u(0.6, 0.95),
        Party::Client,
    ));
    let fee = s.contract.fee_per_week;
    let regained = |f: &dyn Fn(&mut TrustRepair)| {
        let mut r = TrustRepair {
            week: 32,
            compensation: fee,
            ..TrustRepair::default()
        };
        f(&mut r);
        let mut t = s.clone();
        t.interventions.push(Intervention::TrustRepair(r));
        let h = p.run(&t);
        h.rows[32 + 26].client_trust - h.rows[31].client_trust
    };
    let all = regained(&|_| {});
    let mut parts = vec![];
    type Drop<'a> = (&'a str, &'a dyn Fn(&mut TrustRepair));
    let drops: [Drop; 5] = [
        ("apologise", &|r| r.apologise = false),
        ("explain", &|r| r.explain = false),
        ("correct", &|r| r.correct = false),
        ("silence", &|r| r.silence = false),
        ("patience", &|r| r.patience_weeks = 0),
    ];
    for (name, drop) in drops {
        let w = regained(drop);
        parts.push(Verdict::of(
            w < all,
            format!("without {name} {w:.4} vs all {all:.4}"),
        ));
    }
    let alone = regained(&|r| {
        r.apologise = false;
        r.explain = false;
        r.correct = false;
    });
    parts.push(Verdict::of(
        alone < 0.5 * all,
        format!("patience alone {alone:.4} vs all {all:.4}"),
    ));
    Verdict::all(parts)
}
