//! Events in the interface language.

use super::names;
use super::table::Strings;
use crate::sim::record::Outcome;
use crate::sim::{Event, Polarity};

/// One event as a short sentence.
/// An incident's note as it follows the incident in a line (empty without a note).
fn note_suffix(i: &crate::sim::Incident) -> String {
    if i.note.is_empty() {
        String::new()
    } else {
        format!(" — {}", i.note)
    }
}

/// An event in plain words for a participant: an incident's size as small, moderate or large
/// and whom it hit, a failed repair or refused renegotiation with the reason; other events as
/// [`describe`] tells them.
pub fn describe_plain(e: &Event, t: &Strings) -> String {
    match e {
        Event::Incident {
            incident: i,
            random,
        } => {
            let size = if i.magnitude < 0.3 {
                t.size_small
            } else if i.magnitude < 0.6 {
                t.size_moderate
            } else {
                t.size_large
            };
            let whom = names::party(i.party, t).to_lowercase();
            format!(
                "{} {} — {size}, {} {whom}{}{}",
                if i.polarity == Polarity::Positive {
                    "▲"
                } else {
                    "▼"
                },
                names::kind(i.kind, t),
                t.hits,
                if *random {
                    format!(" ({})", t.by_chance)
                } else {
                    String::new()
                },
                note_suffix(i)
            )
        }
        Event::Intervention {
            kind,
            outcome: Outcome::Unwilling { .. },
        } => format!(
            "◆ {}: {} — {}",
            names::intervention_id(kind, t),
            t.outcome_unwilling,
            t.unwilling_why
        ),
        Event::Intervention {
            kind,
            outcome: Outcome::Refused { party, .. },
        } => format!(
            "◆ {}: {} — {}",
            names::intervention_id(kind, t),
            match party {
                crate::sim::Party::Client => t.refused_by_client,
                crate::sim::Party::Supplier => t.refused_by_supplier,
            },
            t.refused_why
        ),
        _ => describe(e, t),
    }
}

/// An event in a line (the run view's timeline and event list, CSV notes in the app).
pub fn describe(e: &Event, t: &Strings) -> String {
    match e {
        Event::Incident {
            incident: i,
            random,
        } => format!(
            "{} {} ({}, {}, {} {:.2}{}){}",
            if i.polarity == Polarity::Positive {
                "▲"
            } else {
                "▼"
            },
            names::kind(i.kind, t),
            names::category(i.category, t),
            names::party(i.party, t),
            t.magnitude.to_lowercase(),
            i.magnitude,
            if *random {
                format!(", {}", t.random)
            } else {
                String::new()
            },
            note_suffix(i)
        ),
        Event::Reminder { .. } => t.reminder.to_string(),
        Event::Intervention { kind, outcome } => format!(
            "◆ {}: {}",
            names::intervention_id(kind, t),
            match outcome {
                Outcome::Done => t.outcome_done.to_string(),
                Outcome::Unwilling { will, .. } => format!("{} ({will:.2})", t.outcome_unwilling),
                Outcome::TooLate => t.outcome_late.to_string(),
                Outcome::Refused { party, .. } => format!(
                    "{} {}",
                    t.outcome_refused,
                    match party {
                        crate::sim::Party::Client => t.client,
                        crate::sim::Party::Supplier => t.supplier,
                    }
                ),
            }
        ),
        Event::ApologyIgnored => t.apology_ignored.to_string(),
        Event::Status { from, to, .. } => format!(
            "{}: {} → {}",
            t.status_change,
            names::status(*from, t),
            names::status(*to, t)
        ),
        Event::Renewed => t.renewed.to_string(),
        Event::NotRenewed { by } => format!("{} {}", t.not_renewed_by, names::party(*by, t)),
        Event::FlatteryCaught { clawed_back } => {
            format!("{} ({clawed_back:.1} k€)", t.flattery_caught)
        }
        Event::SupplierAsks { fee, accepted } => format!(
            "{} {fee:.1} k€/week: {}",
            t.supplier_asks,
            if *accepted {
                t.asked_agreed
            } else {
                t.asked_refused
            }
        ),
    }
}
