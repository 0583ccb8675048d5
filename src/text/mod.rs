//! Every visible string, in English and Dutch: one typed table per language (`en.rs`, `nl.rs`),
//! the messages built from them (`messages.rs`), enum names (`names.rs`), numbers in each
//! language's notation (`number.rs`), typed problems shown in the current language
//! (`problem.rs`) and the guided tour's pure part (`tour.rs`).
//!
//! Native code, tested natively; the web app reads it through `t()`.
//!
//! Why a struct rather than leptos_i18n: the app has a few hundred short strings and two
//! languages; a struct literal per language makes a missing translation a compile error, costs no
//! build time for macros, and adds nothing to the bundle beyond the strings themselves.

pub mod embed;
mod en;
pub mod events;
mod lang;
pub mod live;
mod messages;
pub mod names;
mod nl;
pub mod number;
pub mod problem;
pub mod report;
pub mod route;
mod table;
pub mod tour;

pub use en::EN;
pub use lang::Lang;
pub use messages::fixed;
pub use nl::NL;
pub use problem::Problem;
pub use table::{PresetText, Strings, TourText};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::fields::Label;
    use crate::sim::fields::{INCENTIVE_SHARE, SCENARIO, TERM_WEEKS};
    use crate::sim::Kind;
    use crate::sim::Scenario;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_robustness_fact_has_a_dutch_title_and_family() {
        for family in crate::sim::robust::families() {
            let (title, text) = (NL.robust_fact)(family.fact).expect("a Dutch text");
            assert!(
                !title.is_empty() && !text.is_empty(),
                "fact {}",
                family.fact
            );
        }
    }

    #[test]
    fn every_label_and_kind_has_a_text_in_both_languages() {
        for t in [&EN, &NL] {
            for f in SCENARIO {
                assert!(!t.label(f.label).is_empty(), "{}", f.path);
            }
            for k in Kind::ALL {
                assert!(!t.kind(*k).is_empty(), "{k:?}");
            }
        }
        for p in crate::sim::presets::ALL {
            for t in [&EN, &NL] {
                assert!(
                    !t.preset(p).name.is_empty() && !t.preset(p).story.is_empty(),
                    "{}",
                    p.id
                );
            }
            assert_ne!(EN.preset(p).story, NL.preset(p).story, "{}", p.id);
        }
        assert_ne!(EN.label(Label::Seed), NL.label(Label::Seed));
        assert_ne!(EN.kind(Kind::BudgetCut), NL.kind(Kind::BudgetCut));
    }

    #[test]
    fn refused_edits_name_the_field_and_the_range_in_the_language() {
        let mut next = Scenario::default();
        next.contract.incentive_share = 0.9;
        let e = next.validate().unwrap_err();
        assert_eq!(
            EN.scenario_error(&e, &next),
            "Incentive share of the fee: 0.9 is outside the allowed range 0.00 – 0.50"
        );
        let nl = NL.scenario_error(&e, &next);
        assert!(nl.starts_with(NL.incentive_share), "{nl}");
        assert!(nl.contains("0,9") && nl.contains("0,00 – 0,50"), "{nl}");
        let r = TERM_WEEKS.range.check(&next, 600.0).unwrap_err();
        assert!(EN
            .refused(TERM_WEEKS.label, &TERM_WEEKS.range, r)
            .contains("26 – 520"));
        let r = INCENTIVE_SHARE.range.check(&next, f64::NAN).unwrap_err();
        assert!(EN
            .refused(INCENTIVE_SHARE.label, &INCENTIVE_SHARE.range, r)
            .contains("NaN"));
    }

    #[test]
    fn refused_list_items_and_bound_order_are_translated() {
        let mut next = Scenario::default();
        next.interventions.push(crate::sim::Intervention::Realign(
            crate::sim::intervention::AtWeek { week: 200 },
        ));
        next.weeks = 100;
        let e = next.validate().unwrap_err();
        let text = NL.scenario_error(&e, &next);
        assert!(
            text.starts_with(NL.intervention) && text.contains("0 – 99"),
            "{text}"
        );
        let mut next = Scenario::default();
        next.bounds.euphoria_upper = 0.2;
        let e = next.validate().unwrap_err();
        assert!(NL.scenario_error(&e, &next).contains("0,35"));
    }
}
