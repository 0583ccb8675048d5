//! The model's enums in the interface language: one function per enum, each a `match`, so that
//! a new variant does not compile until it is named in both languages.

use super::route::{Page, Tab};
use super::table::Strings;
use crate::sim::exercise::Side;
use crate::sim::{
    Category, InterventionKind, Kind, Obligation, Party, RelationshipType, Role, Status,
};

/// The name of an incident kind.
pub fn kind(kind: Kind, t: &Strings) -> &'static str {
    t.kind(kind)
}

/// The name of a category.
pub fn category(c: Category, t: &Strings) -> &'static str {
    match c {
        Category::External => t.external,
        Category::Interpersonal => t.interpersonal,
        Category::Business => t.business,
    }
}

/// The name of a party.
pub fn party(p: Party, t: &Strings) -> &'static str {
    match p {
        Party::Client => t.client,
        Party::Supplier => t.supplier,
    }
}

/// The name of a relationship status.
pub fn status(s: Status, t: &Strings) -> &'static str {
    match s {
        Status::Partnership => t.partnership,
        Status::Supplier => t.supplier_rel,
        Status::Escalation => t.escalation,
        Status::Terminated => t.terminated,
        Status::Ended => t.ended,
    }
}

/// A relationship type's name and the approach it calls for.
pub fn relationship_type(r: RelationshipType, t: &Strings) -> (&'static str, &'static str) {
    match r {
        RelationshipType::Close => (t.type_close, t.approach_partnership),
        RelationshipType::Businesslike => (t.type_businesslike, t.approach_businesslike),
        RelationshipType::Comfortable => (t.type_comfortable, t.approach_comfortable),
        RelationshipType::Adversarial => (t.type_adversarial, t.approach_adversarial),
    }
}

/// A relationship manager's role: its name and what it does.
pub fn role(role: Role, t: &Strings) -> (&'static str, &'static str) {
    match role {
        Role::None => (t.role_none, t.desc_none),
        Role::Butler => (t.role_butler, t.desc_butler),
        Role::Accountant => (t.role_accountant, t.desc_accountant),
        Role::Representative => (t.role_representative, t.desc_representative),
        Role::Nanny => (t.role_nanny, t.desc_nanny),
    }
}

/// The name of a relationship manager's role.
pub fn role_name(r: Role, t: &Strings) -> &'static str {
    role(r, t).0
}

/// The name of a kind of intervention.
pub fn intervention(k: InterventionKind, t: &Strings) -> &'static str {
    match k {
        InterventionKind::TrustRepair => t.trust_repair,
        InterventionKind::Renegotiate => t.renegotiate,
        InterventionKind::Realign => t.realign,
        InterventionKind::ChangeRole => t.change_role,
        InterventionKind::EffortPolicy => t.effort_policy,
        InterventionKind::Exit => t.exit,
        InterventionKind::Escalate => t.escalate,
        InterventionKind::SupplierExit => t.supplier_exit,
    }
}

/// The name of an intervention kind given by its identifier (an unknown one as it is).
pub fn intervention_id<'a>(id: &'a str, t: &Strings) -> &'a str {
    InterventionKind::from_id(id).map_or(id, |k| intervention(k, t))
}

/// The name of an exercise side.
pub fn side(side: Side, t: &Strings) -> &'static str {
    match side {
        Side::Client => t.side_client,
        Side::Supplier => t.side_supplier,
    }
}

/// The name of a page in the header.
pub fn page(page: Page, t: &Strings) -> &'static str {
    match page {
        Page::Simulate => t.tab_simulate,
        Page::Model => t.tab_model,
        Page::Tour => t.tour_open,
        Page::Exercise => t.mode,
    }
}

/// The name of a result tab of the simulator.
pub fn tab(tab: Tab, t: &Strings) -> &'static str {
    match tab {
        Tab::Run => t.tab_run,
        Tab::Ensemble => t.tab_ensemble,
        Tab::Compare => t.tab_compare,
        Tab::Negotiate => t.tab_negotiate,
        Tab::Why => t.tab_why,
    }
}

/// The name of a contract obligation.
pub fn obligation(o: Obligation, t: &Strings) -> &'static str {
    match o {
        Obligation::Effort => t.effort,
        Obligation::Result => t.result,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{EN, NL};

    #[test]
    fn every_name_differs_between_the_languages_somewhere_and_none_is_empty() {
        for t in [&EN, &NL] {
            for s in Status::ALL {
                assert!(!status(s, t).is_empty());
            }
            for k in InterventionKind::ALL {
                assert!(!intervention(k, t).is_empty());
            }
            for r in Role::ALL {
                assert!(!role(r, t).0.is_empty() && !role(r, t).1.is_empty());
            }
        }
        assert_ne!(
            status(Status::Escalation, &EN),
            status(Status::Escalation, &NL)
        );
        assert_eq!(intervention_id("bribe", &EN), "bribe");
    }
}
