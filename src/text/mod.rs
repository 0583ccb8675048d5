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

mod en;
pub mod events;
mod messages;
pub mod names;
mod nl;
pub mod number;
pub mod problem;
pub mod tour;

use serde::{Deserialize, Serialize};

use crate::sim::fields::{Label, Unit};
use crate::sim::presets::{Key, Preset};
use crate::sim::Kind;

pub use en::EN;
pub use messages::fixed;
pub use nl::NL;
pub use problem::Problem;

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Dutch.
    Nl,
}

impl Lang {
    /// The string table.
    pub fn t(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Nl => &NL,
        }
    }
    /// The HTML `lang` code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }
}

/// A preset's name and story.
pub struct PresetText {
    /// Display name.
    pub name: &'static str,
    /// Two or three sentences.
    pub story: &'static str,
}

/// One step of the guided tour.
pub struct TourText {
    /// Heading.
    pub title: &'static str,
    /// Two to four sentences explaining the idea.
    pub body: &'static str,
    /// Label of the step's one control.
    pub control: &'static str,
    /// What to try with the control.
    pub hint: &'static str,
}

macro_rules! strings {
    ($($field:ident),* $(,)?) => {
        /// The strings of one language.
        #[allow(missing_docs)]
        pub struct Strings {
            $(pub $field: &'static str,)*
            pub kinds: fn(Kind) -> &'static str,
            pub presets: fn(Key) -> PresetText,
            pub model: [(&'static str, &'static str); 12],
            pub diagram: [&'static str; 12],
            /// The luck-or-skill sentence: (percentile, runs, median, beats never intervening
            /// in %, the participant's score).
            pub luck_text: fn(f64, u32, f64, f64, f64) -> String,
            /// A fact's title and family in this language, by its number (`None`: the
            /// harness's own English text).
            pub robust_fact: fn(u8) -> Option<(&'static str, &'static str)>,
            /// The guided tour's steps.
            pub tour: [TourText; 8],
        }
    };
}

strings!(
    tagline,
    tab_simulate,
    tab_model,
    lang_toggle,
    lang_toggle_label,
    share,
    copied,
    copy_by_hand,
    export_json,
    import_json,
    export_csv,
    png,
    sec_presets,
    sec_contract,
    sec_demand,
    sec_supplier,
    sec_client,
    sec_manager,
    sec_bounds,
    sec_random,
    sec_run,
    sec_incidents,
    sec_interventions,
    fee_per_week,
    obligation,
    effort,
    result,
    incentive_share,
    sla_target,
    incentive_band,
    kpi_level,
    technical,
    business_kpi,
    extra_work_markup,
    term_weeks,
    opt_out,
    opt_out_week,
    exit_fee,
    requests_per_week,
    out_of_scope_share,
    volatility,
    cost_per_request,
    fixed_cost_per_week,
    horizon,
    client_share,
    culture_fit,
    track_record,
    min_effort,
    budget_pressure,
    need,
    manager_cost,
    critical_lower,
    euphoria_upper,
    tolerance_weeks,
    external,
    interpersonal,
    business,
    per_year,
    seed,
    weeks,
    unit_keur_week,
    unit_keur,
    unit_weeks,
    unit_week,
    service_orientation,
    business_orientation,
    role_none,
    role_butler,
    role_accountant,
    role_representative,
    role_nanny,
    desc_none,
    desc_butler,
    desc_accountant,
    desc_representative,
    desc_nanny,
    category,
    kind,
    polarity,
    positive,
    negative,
    magnitude,
    party,
    client,
    supplier,
    week,
    note,
    add_incident,
    timeline_hint,
    delete,
    close,
    random,
    scripted,
    earlier,
    later,
    intervention,
    add,
    trust_repair,
    renegotiate,
    realign,
    change_role,
    effort_policy,
    committed_effort,
    exit,
    by,
    apologise,
    sincere,
    explain,
    honest,
    correct,
    compensation,
    silence,
    patience_weeks,
    mediator,
    keep,
    new_role,
    chart_relationship,
    chart_focus,
    chart_trust,
    chart_money,
    relationship_line,
    client_appreciation,
    supplier_appreciation,
    bounds_band,
    customer_focus,
    extra_work_focus,
    sla,
    quality,
    expectation,
    client_trust,
    supplier_trust,
    ceilings,
    alignment,
    client_cost_cum,
    supplier_margin_cum,
    status,
    partnership,
    supplier_rel,
    escalation,
    terminated,
    ended,
    summary,
    status_at_end,
    weeks_in_status,
    mean_focus,
    total_client_cost,
    total_supplier_margin,
    total_client_net_value,
    type_strip,
    status_strip,
    relationship_type,
    type_close,
    type_businesslike,
    type_comfortable,
    type_adversarial,
    approach_partnership,
    approach_businesslike,
    approach_comfortable,
    approach_adversarial,
    grid_note,
    experienced_axis,
    business_axis,
    events,
    no_events,
    import_failed,
    link_failed,
    out_of_range,
    not_a_number,
    bounds_order,
    too_many_events,
    text_too_long,
    text_name,
    text_description,
    decimal_sign,
    market_fee_per_week,
    value_per_week,
    stored_failed,
    dismiss,
    model_title,
    model_intro,
    diagram_caption,
    none_yet,
    outcome_done,
    outcome_unwilling,
    size_small,
    size_moderate,
    size_large,
    hits,
    by_chance,
    unwilling_why,
    refused_by_client,
    refused_by_supplier,
    refused_why,
    money_client,
    money_supplier,
    outcome_refused,
    outcome_late,
    apology_ignored,
    renewed,
    not_renewed_by,
    flattery_caught,
    supplier_asks,
    asked_agreed,
    asked_refused,
    reminder,
    status_change,
    cancel,
    tab_run,
    tab_ensemble,
    tab_compare,
    tab_negotiate,
    tab_why,
    runs,
    computed_in,
    fan_title,
    fan_band,
    median,
    sample_runs,
    status_title,
    survival_title,
    still_running,
    still_partnership,
    outcomes,
    metric,
    mean,
    p10,
    p90,
    ending_as,
    share_of_runs,
    scenario_a,
    contract_fixed,
    contract_results,
    scenario_b,
    make_b,
    swap,
    edit_b,
    editing_b_note,
    b_from_preset,
    difference_title,
    how_sure_title,
    how_sure_intro,
    how_sure_run,
    how_sure_value,
    how_sure_partnership,
    how_sure_variants,
    how_sure_x,
    how_sure_y,
    median_diff,
    partnership_diff,
    difference,
    sweep_param,
    from,
    to,
    steps,
    runs_per_point,
    run_sweep,
    sweep_note,
    winwin,
    winwin_none,
    winwin_found,
    money_vs,
    prob_partnership,
    deal_title,
    deal_intro,
    deal_x,
    deal_y,
    deal_steps,
    deal_run,
    deal_same_axis,
    deal_cells,
    deal_full_ms,
    deal_coarse_ms,
    deal_workers,
    deal_main_thread,
    deal_cell,
    deal_win,
    deal_pending,
    deal_hint,
    deal_loaded,
    deal_unsettled,
    deal_baseline,
    deal_baseline_editor,
    deal_baseline_reset,
    deal_table,
    deal_dot,
    deal_download,
    deal_download_csv,
    summary_csv,
    deal_client,
    deal_supplier,
    deal_better,
    deal_worse,
    deal_outline,
    baseline,
    why_hint,
    why_change,
    why_window,
    cause_quality,
    cause_results,
    cause_cost,
    cause_alignment,
    cause_pressure,
    cause_margin,
    cause_wishes,
    cause_trust,
    cause_settling,
    more_causes,
    cause_other,
    raised,
    lowered,
    total,
    // Training exercises and the class board.
    mode,
    choose,
    start,
    briefing,
    goal,
    you_play,
    side_client,
    side_supplier,
    of_weeks,
    money_so_far,
    since_last,
    nothing_happened,
    decide,
    carry_on,
    continue_,
    decisions_left,
    score,
    part_status,
    part_money,
    part_relationship,
    part_trust,
    your_path,
    never_intervene,
    best_path,
    moments,
    your_decision,
    luck,
    questions,
    your_decisions,
    score_scale,
    weight,
    own_moments,
    points,
    own_line_after,
    own_none,
    name,
    export_result,
    play_again,
    computing,
    board,
    import_results,
    drop_here,
    rank,
    participant,
    end_status,
    class_decided,
    moment,
    option,
    count,
    mean_score,
    no_results,
    projector,
    clear,
    class_lines,
    author,
    author_tab,
    author_hint,
    every_weeks,
    after_incident,
    max_decisions,
    title_field,
    briefing_field,
    question_field,
    goal_field,
    in_english,
    in_dutch,
    second_language_hint,
    make,
    share_link,
    export_exercise,
    import_exercise,
    weight_status,
    weight_money,
    weight_relationship,
    weight_trust,
    read_failed,
    custom,
    menu_field,
    best_hint,
    best_recorded,
    author_best_holds,
    author_best_fails,
    record_best,
    trainer_title,
    robust_title,
    robust_intro,
    robust_fact_col,
    robust_family_col,
    robust_pairs_col,
    robust_share_col,
    trainer_text,
    tour_open,
    tour_title,
    tour_step,
    tour_next,
    tour_prev,
    tour_finish,
    tour_try,
    tour_at_end,
    tour_line_in_week,
    tour_trust_in_week,
    tour_client_lowest,
    tour_bound,
    tour_longest_outside,
    tour_tolerance,
    tour_lowest_line,
    welcome_title,
    welcome_text,
    welcome_start,
    welcome_dismiss,
    view_loading,
    view_failed,
    view_retry,
    embed_code,
    embed_what,
    embed_all,
    embed_controls,
    embed_snippet,
    embed_copied,
    embed_open,
    print_report,
    report_title,
    report_printed,
    report_changed,
    report_no_changes,
    report_input,
    report_value,
    report_default,
    report_charts,
    report_odds,
    report_runs,
    show_table,
    hide_table,
    table_every,
    sum_goes_from,
    sum_to,
    sum_in_week,
    sum_lowest,
    sum_highest,
);

impl Strings {
    /// The label of an input of the field specification.
    pub fn label(&self, label: Label) -> &'static str {
        match label {
            Label::Weeks => self.weeks,
            Label::FeePerWeek => self.fee_per_week,
            Label::IncentiveShare => self.incentive_share,
            Label::SlaTarget => self.sla_target,
            Label::IncentiveBand => self.incentive_band,
            Label::ExtraWorkMarkup => self.extra_work_markup,
            Label::TermWeeks => self.term_weeks,
            Label::OptOutWeek => self.opt_out_week,
            Label::ExitFee => self.exit_fee,
            Label::RequestsPerWeek => self.requests_per_week,
            Label::OutOfScopeShare => self.out_of_scope_share,
            Label::Volatility => self.volatility,
            Label::CostPerRequest => self.cost_per_request,
            Label::FixedCostPerWeek => self.fixed_cost_per_week,
            Label::Horizon => self.horizon,
            Label::ClientShare => self.client_share,
            Label::CultureFit => self.culture_fit,
            Label::TrackRecord => self.track_record,
            Label::MinEffort => self.min_effort,
            Label::BudgetPressure => self.budget_pressure,
            Label::Need => self.need,
            Label::MarketFeePerWeek => self.market_fee_per_week,
            Label::ValuePerWeek => self.value_per_week,
            Label::ManagerCost => self.manager_cost,
            Label::CriticalLower => self.critical_lower,
            Label::EuphoriaUpper => self.euphoria_upper,
            Label::ToleranceWeeks => self.tolerance_weeks,
            Label::RateExternal => self.external,
            Label::RateInterpersonal => self.interpersonal,
            Label::RateBusiness => self.business,
            Label::Week => self.week,
            Label::Magnitude => self.magnitude,
            Label::Compensation => self.compensation,
            Label::PatienceWeeks => self.patience_weeks,
            Label::CommittedEffort => self.committed_effort,
            Label::Seed => self.seed,
        }
    }

    /// The unit shown after an input, if any (shares and counts per week need none).
    pub fn unit(&self, unit: Unit) -> Option<&'static str> {
        match unit {
            Unit::Share | Unit::PerWeek => None,
            Unit::Keur => Some(self.unit_keur),
            Unit::KeurPerWeek => Some(self.unit_keur_week),
            Unit::Weeks => Some(self.unit_weeks),
            Unit::PerYear => Some(self.per_year),
        }
    }

    /// The name of an incident kind.
    pub fn kind(&self, kind: Kind) -> &'static str {
        (self.kinds)(kind)
    }

    /// A preset's name and story.
    pub fn preset(&self, preset: &Preset) -> PresetText {
        (self.presets)(preset.key)
    }

    /// `template` with each `{name}` replaced by its value.
    pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
        values
            .iter()
            .fold(template.to_string(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::fields::{INCENTIVE_SHARE, SCENARIO, TERM_WEEKS};
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
