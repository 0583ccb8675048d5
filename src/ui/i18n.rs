//! Every visible string, in English and Dutch, as one typed table per language.
//!
//! Why a struct rather than leptos_i18n: the app has a few hundred short strings and two
//! languages; a struct literal per language makes a missing translation a compile error, costs no
//! build time for macros, and adds nothing to the bundle beyond the strings themselves.

use serde::{Deserialize, Serialize};

use crate::sim::fields::{self, Field, Label, Num, Range, Refusal, Unit};
use crate::sim::presets::{Key, Preset};
use crate::sim::{Kind, Scenario, ScenarioError, MAX_EVENTS};

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
    relationship_type,
    type_partnership,
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
    outcome_refused,
    outcome_late,
    apology_ignored,
    renewed,
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
    scenario_b,
    make_b,
    swap,
    edit_b,
    editing_b_note,
    b_from_preset,
    difference_title,
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
    deal_download,
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

/// `v` with as many decimals as `step` has and a decimal point (as a number input wants it).
pub fn fixed(v: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10()).ceil() as usize
    };
    format!("{v:.decimals$}")
}

/// Messages for refused edits, built from the field specification in the interface language
/// (never from the English validation text).
impl Strings {
    /// `v` with as many decimals as `step` has, and this language's decimal sign.
    pub fn number(&self, v: f64, step: f64) -> String {
        fixed(v, step).replace('.', self.decimal_sign)
    }

    /// A refused value of the input `label` with range `range`.
    pub fn refused(&self, label: Label, range: &Range, refusal: Refusal) -> String {
        let label = self.label(label);
        match refusal {
            Refusal::NotFinite(v) => Strings::fill(
                self.not_a_number,
                &[("label", label), ("value", &v.to_string())],
            ),
            Refusal::OutOfRange { value, min, max } => {
                let shown = match range.num {
                    Num::Integer => value.to_string(),
                    Num::Float => value.to_string().replace('.', self.decimal_sign),
                };
                Strings::fill(
                    self.out_of_range,
                    &[
                        ("label", label),
                        ("value", &shown),
                        ("min", &self.number(min, range.step)),
                        ("max", &self.number(max, range.step)),
                    ],
                )
            }
        }
    }

    /// Text typed into the input `label` that is not a number.
    pub fn not_number(&self, label: Label, text: &str) -> String {
        Strings::fill(
            self.not_a_number,
            &[("label", self.label(label)), ("value", text.trim())],
        )
    }

    /// Why `next` (an edited scenario) was refused, naming the input and its allowed range.
    pub fn scenario_error(&self, e: &ScenarioError, next: &Scenario) -> String {
        let in_list = |list: &str| -> Option<(usize, &str)> {
            let rest = e.path.strip_prefix(list)?.strip_prefix('[')?;
            let (i, key) = rest.split_once("].")?;
            Some((i.parse().ok()?, key))
        };
        fn explain<T>(t: &Strings, f: &Field<T>, item: &T, next: &Scenario) -> Option<String> {
            let v = (f.get)(item)?;
            let refusal = f.range.check(next, v).err()?;
            Some(t.refused(f.label, &f.range, refusal))
        }
        let in_range = fields::find(&e.path).and_then(|f| explain(self, f, next, next));
        let text = if in_range.is_some() {
            in_range
        } else if e.path == fields::EUPHORIA_UPPER.path {
            let min = self.number(
                next.bounds.critical_lower,
                fields::CRITICAL_LOWER.range.step,
            );
            let label = self.label(Label::EuphoriaUpper);
            Some(Strings::fill(
                self.bounds_order,
                &[("label", label), ("min", &min)],
            ))
        } else if e.path == "incidents" {
            let max = MAX_EVENTS.to_string();
            Some(Strings::fill(self.too_many_events, &[("max", &max)]))
        } else if let Some((i, key)) = in_list("incidents") {
            let f = fields::INCIDENT.iter().find(|f| f.path == key);
            let item = next.incidents.get(i);
            let text = f.zip(item).and_then(|(f, x)| explain(self, f, x, next));
            text.map(|m| format!("{} {} — {m}", self.sec_incidents, i + 1))
        } else if let Some((i, key)) = in_list("interventions") {
            let f = fields::INTERVENTION.iter().find(|f| f.path == key);
            let item = next.interventions.get(i);
            let text = f.zip(item).and_then(|(f, x)| explain(self, f, x, next));
            text.map(|m| format!("{} {} — {m}", self.intervention, i + 1))
        } else {
            None
        };
        // A rule without a translation (none is reachable from the editor) keeps its English.
        text.unwrap_or_else(|| e.to_string())
    }

    /// Why a scenario file, link or stored text could not be loaded, in this language where the
    /// fault is a value out of its range (read from `json` without validation to name the value
    /// and the range); a broken document keeps the parser's words, which name line and column.
    pub fn load_error(&self, e: &ScenarioError, json: &str) -> String {
        match serde_json::from_str::<Scenario>(json) {
            Ok(unchecked) => self.scenario_error(e, &unchecked),
            Err(_) => e.to_string(),
        }
    }
}

/// English.
pub const EN: Strings = Strings {
    tagline: "What contract design, incidents and relationship management do to an outsourcing relationship",
    tab_simulate: "Simulate",
    tab_model: "How the model works",
    lang_toggle: "NL",
    lang_toggle_label: "Nederlands",
    share: "Copy link",
    copied: "Link copied",
    export_json: "Export scenario",
    import_json: "Import scenario",
    export_csv: "Weekly data (CSV)",
    png: "PNG",
    sec_presets: "Start from a story",
    sec_contract: "Contract",
    sec_demand: "Demand",
    sec_supplier: "Supplier",
    sec_client: "Client",
    sec_manager: "Relationship manager",
    sec_bounds: "Bounds",
    sec_random: "Random incidents",
    sec_run: "Run",
    sec_incidents: "Incidents",
    sec_interventions: "Interventions",
    fee_per_week: "Fee per week",
    obligation: "Obligation",
    effort: "Effort obligation (fixed fee)",
    result: "Result obligation (bonus/malus)",
    incentive_share: "Incentive share of the fee",
    sla_target: "SLA target",
    incentive_band: "Band to full bonus/malus",
    kpi_level: "KPIs measured on",
    technical: "Tickets (technical)",
    business_kpi: "Business outcome",
    extra_work_markup: "Markup on extra work",
    term_weeks: "Contract term",
    opt_out: "Early opt-out allowed",
    opt_out_week: "Opt-out from week",
    exit_fee: "Exit fee",
    requests_per_week: "Requests per week",
    out_of_scope_share: "Out-of-scope share",
    volatility: "Changing wishes (volatility)",
    cost_per_request: "Cost per request at full effort",
    fixed_cost_per_week: "Fixed cost per week",
    horizon: "Horizon (future over this quarter)",
    client_share: "Client's share of supplier revenue",
    culture_fit: "Culture fit",
    track_record: "Track record (initial trust)",
    min_effort: "Minimum effort (by the book)",
    budget_pressure: "Budget pressure",
    need: "Service level users need",
    manager_cost: "Manager cost per week",
    critical_lower: "Critical lower bound",
    euphoria_upper: "Euphoria upper bound",
    tolerance_weeks: "Tolerance outside bounds",
    external: "External",
    interpersonal: "Interpersonal",
    business: "Business",
    per_year: "per year",
    seed: "Random seed",
    weeks: "Weeks to simulate",
    unit_keur_week: "k€/week",
    unit_keur: "k€",
    unit_weeks: "weeks",
    service_orientation: "Service orientation →",
    business_orientation: "Business orientation ↑",
    role_none: "No manager",
    role_butler: "Butler",
    role_accountant: "Accountant",
    role_representative: "Representative",
    role_nanny: "Nanny",
    desc_none: "Nobody tends the relationship: personal hurts fester and goals drift apart.",
    desc_butler: "Serves and soothes: keeps people content, little eye for business goals.",
    desc_accountant: "Controls delivery and numbers: solves business incidents fast, little warmth.",
    desc_representative: "Speaks for both service and business: keeps people content and goals aligned.",
    desc_nanny: "Guards the business goals and alignment, with moderate attention to people.",
    category: "Category",
    kind: "What happened",
    polarity: "Direction",
    positive: "Positive",
    negative: "Negative",
    magnitude: "Magnitude",
    party: "Lands on",
    client: "Client",
    supplier: "Supplier",
    week: "Week",
    note: "Note",
    add_incident: "Add incident",
    timeline_hint: "Click the strip to add an incident at that week; click a marker to edit it. Hollow markers are random incidents of this run.",
    delete: "Delete",
    close: "Close",
    random: "random",
    scripted: "scripted",
    earlier: "1 week earlier",
    later: "1 week later",
    intervention: "Intervention",
    add: "Add",
    trust_repair: "Trust repair",
    renegotiate: "Renegotiate",
    realign: "Strategy session (realign)",
    change_role: "Change manager",
    exit: "Client exits",
    by: "By the party that erred",
    apologise: "1. Apologise",
    sincere: "sincerely",
    explain: "2. Explain",
    honest: "honestly (not blaming others)",
    correct: "3. Correct (compensation)",
    compensation: "Compensation",
    silence: "4. Silence (do not raise the past)",
    patience_weeks: "5. Patience",
    mediator: "With a neutral mediator",
    keep: "keep",
    new_role: "New role",
    chart_relationship: "Relationship",
    chart_focus: "Customer focus and service",
    chart_trust: "Trust and goal alignment",
    chart_money: "Money (cumulative)",
    relationship_line: "Relationship line",
    client_appreciation: "Client's appreciation",
    supplier_appreciation: "Supplier's appreciation",
    bounds_band: "Between critical lower and euphoria upper bound",
    customer_focus: "Customer focus (effort)",
    extra_work_focus: "Extra-work focus",
    sla: "SLA met",
    quality: "Quality users feel",
    expectation: "Expectation",
    client_trust: "Client's trust",
    supplier_trust: "Supplier's trust",
    ceilings: "Trust ceilings (dashed)",
    alignment: "Goal alignment",
    client_cost_cum: "Client cost",
    supplier_margin_cum: "Supplier margin",
    status: "Status",
    partnership: "Partnership",
    supplier_rel: "Supplier relationship",
    escalation: "Escalation",
    terminated: "Terminated",
    ended: "Ended (not renewed)",
    summary: "Outcome",
    status_at_end: "Status at the end",
    weeks_in_status: "Weeks in each status",
    mean_focus: "Mean customer focus",
    total_client_cost: "Total client cost",
    total_supplier_margin: "Total supplier margin",
    total_client_net_value: "Client net value (service worth minus all paid)",
    type_strip: "Relationship type each week",
    relationship_type: "Relationship type now",
    type_partnership: "Partnership",
    type_businesslike: "Businesslike",
    type_comfortable: "Comfortable",
    type_adversarial: "Adversarial",
    approach_partnership: "Invest and innovate together.",
    approach_businesslike: "Give personal attention: results are fine, people feel unheard.",
    approach_comfortable: "Sharpen results and KPIs: people are content, the business case is not.",
    approach_adversarial: "Repair trust — or prepare to part.",
    grid_note: "This grid of experienced × business appreciation is Relsim's own reading of the articles.",
    experienced_axis: "experienced",
    business_axis: "business",
    events: "Events",
    no_events: "Nothing happened this week.",
    import_failed: "Import failed, the scenario was left as it was",
    link_failed: "The link holds no valid scenario, so the saved one is shown",
    out_of_range: "{label}: {value} is outside the allowed range {min} – {max}",
    not_a_number: "{label}: “{value}” is not a number",
    bounds_order: "{label} must lie above the critical lower bound ({min})",
    too_many_events: "At most {max} incidents and interventions together",
    decimal_sign: ".",
    market_fee_per_week: "Market price of the service",
    value_per_week: "Value of the service to the client",
    stored_failed: "The scenario saved in this browser could not be read, so the default is shown; it is kept until you edit",
    dismiss: "Dismiss",
    model_title: "How the model works",
    model_intro: "Relsim advances one week at a time. The diagram shows what drives what; the sections below explain each mechanism in plain words. The exact formulas and constants are in docs/model.md of the source code.",
    diagram_caption: "Causes and effects in the model. Solid arrows raise what they point at, dashed arrows lower it.",
    none_yet: "None yet.",
    outcome_done: "carried out",
    outcome_unwilling: "failed: a party was unwilling",
    outcome_refused: "refused: worse than walking away for",
    outcome_late: "too late: the contract is over",
    apology_ignored: "a second apology in the same crisis adds nothing",
    renewed: "contract renewed",
    reminder: "the past is raised again",
    status_change: "status",
    cancel: "Cancel",
    tab_run: "One run",
    tab_ensemble: "Many futures",
    tab_compare: "Compare",
    tab_negotiate: "Negotiate",
    tab_why: "Why",
    runs: "Runs",
    computed_in: "computed in",
    fan_title: "Relationship line over all runs",
    fan_band: "10th–90th percentile",
    median: "Median",
    sample_runs: "Some individual runs",
    status_title: "Share of runs in each status",
    survival_title: "Survival",
    still_running: "Contract still running",
    still_partnership: "Still a partnership",
    outcomes: "Outcomes",
    metric: "Measure",
    mean: "Mean",
    p10: "10th pct.",
    p90: "90th pct.",
    ending_as: "Ending as",
    share_of_runs: "share of runs",
    scenario_a: "Scenario A (current)",
    scenario_b: "Scenario B",
    make_b: "Make B from A",
    swap: "Swap A and B",
    edit_b: "Edit B in the panel",
    editing_b_note: "The panel on the left now edits scenario B.",
    b_from_preset: "B from a preset",
    difference_title: "Difference per week (B − A)",
    median_diff: "Median relationship line",
    partnership_diff: "Share still a partnership",
    difference: "B − A",
    sweep_param: "Input to vary",
    from: "From",
    to: "To",
    steps: "Steps",
    runs_per_point: "Runs per value",
    run_sweep: "Run sweep",
    sweep_note: "At each value an ensemble runs over the same seeds. Sweeping the incentive share uses a result obligation. The dashed lines and the win-win zone compare with the same scenario on a fixed fee (effort obligation).",
    winwin: "Win-win zone",
    winwin_none: "No value in this range leaves both parties at least as well off as the fixed fee.",
    winwin_found: "In this range both parties do at least as well as under the fixed fee.",
    money_vs: "Client cost and supplier margin per run",
    prob_partnership: "Probability of ending as a partnership",
    deal_title: "Deal map: which combinations beat the fixed fee?",
    deal_intro: "Every cell is an ensemble with both inputs set, judged against the same scenario on a fixed fee over the same seeds. The upper-left half of a cell shows the client's net value, the lower-right half the supplier's margin: blue is better than the fixed fee, orange worse. Cells where both do better are outlined. A coarse map comes first and sharpens as the cells arrive.",
    deal_x: "Across",
    deal_y: "Up",
    deal_steps: "Values per axis",
    deal_run: "Draw deal map",
    deal_same_axis: "Choose two different inputs for the two axes.",
    deal_cells: "{done} of {total} cells",
    deal_full_ms: "full map in",
    deal_coarse_ms: "coarse map in {ms} ms",
    deal_workers: "Background workers:",
    deal_main_thread: "none (computing on the page)",
    deal_cell: "{x_label} {x}, {y_label} {y}: the client's net value {client} and the supplier's margin {supplier} per run against the fixed fee; {partnership} of the runs end as a partnership.",
    deal_win: "Both parties do better than on the fixed fee.",
    deal_pending: "{x_label} {x}, {y_label} {y}: not computed yet.",
    deal_hint: "Point at a cell, or focus the map and move with the arrow keys. A click (or Enter) loads that contract into the editor.",
    deal_loaded: "Loaded into the editor: {x_label} {x}, {y_label} {y}.",
    deal_download: "Download map (JSON)",
    deal_client: "upper left: client's net value",
    deal_supplier: "lower right: supplier's margin",
    deal_better: "better than the fixed fee",
    deal_worse: "worse",
    deal_outline: "both better (win-win)",
    baseline: "fixed-fee baseline (dashed)",
    why_hint: "Drag across the chart (or use the fields) to choose a window; the change of the relationship line in it is split into its causes.",
    why_change: "Change of the relationship line",
    why_window: "Window",
    cause_quality: "Service quality against expectation",
    cause_results: "Results against the SLA target",
    cause_cost: "Cost against the fee",
    cause_alignment: "Goal alignment",
    cause_pressure: "Unresolved business incidents",
    cause_margin: "Supplier's margin",
    cause_wishes: "Changing wishes",
    cause_trust: "Trust",
    cause_settling: "Settling toward the neutral level",
    more_causes: "more causes",
    cause_other: "Other (bounds, uneven recovery)",
    raised: "raised the line by",
    lowered: "lowered the line by",
    total: "Total",
    diagram: ["Contract", "Customer focus", "Service quality", "Money", "Goal alignment", "Business pressure", "Client's appreciation", "Supplier's appreciation", "Relationship manager", "Incidents", "Trust", "Status"],
    kinds: kinds_en,
    presets: presets_en,
    model: [
        ("Incidents", "Every change starts with a trigger that lands on one party. External incidents (a new market, a budget cut, new management) move that party's goals and so the alignment between the parties. Interpersonal incidents (a conflict, help beyond the contract) hit experienced appreciation and trust. Business incidents (a late delivery, a disputed invoice, an innovation) add to business pressure, which weighs on business appreciation until it is resolved. Trust cushions every negative blow: the same incident hurts a trusting party less."),
        ("Customer focus", "Each week the supplier picks the effort that pays best: its fee, minus the cost of effort, plus what the relationship is worth to it. Under a fixed fee effort earns nothing extra, so it settles at the floor of working by the book. A result obligation — a lower base fee with a bonus on top for results above target and a malus below it, both within reach — makes effort pay, as long as someone checks the supplier's reports: unchecked reports round up, and bonuses get paid on green reports. A long horizon makes the supplier try harder as the renewal nears or when an escalation puts the contract at stake, more so for a client that matters to its revenue; an early opt-out shortens that horizon, since the client may leave at will. Goodwill in a good relationship adds a little of its own accord. Paid extra work always gets attention while it carries a margin."),
        ("Service and quality", "Effort sets the share of requests resolved in time (the SLA). What users feel is that share minus a gap that opens when KPIs are technical and goals are not aligned: reports turn green while users stay unhappy. Measuring on business outcomes closes that gap. Users' expectation drifts toward what they need and what they have got used to: a long good spell raises the bar, and euphoria above the upper bound raises it faster."),
        ("Price and net value", "The client judges the price against what comparable service costs on the market: a dearer contract for the same service lowers its business appreciation, a cheaper one raises it. A bonus or malus is settled against results, so a refund for poor service never makes poor service welcome. The client's net value is what the service is worth to its business — more when quality meets the need and the goals are aligned, less while business incidents are unresolved — minus everything it pays: fee, bonus, extra work, the manager and one-off costs. After leaving it buys by-the-book service at the market fee."),
        ("Appreciation", "Each party appreciates the other in two ways. The client's experienced appreciation follows quality against expectation and its trust; its business appreciation follows results against target, cost against budget, alignment and unresolved business incidents. The supplier's business appreciation follows its margin; its experienced appreciation suffers from a client whose wishes keep changing. Above the euphoria bound a supplier over-delivers at a cost to its margin. Appreciation moves gradually toward these levels and jumps with incidents. The relationship line is the average of both parties."),
        ("Trust", "Trust comes on foot and leaves on horseback: at every level of trust and with every manager, a negative experience takes away at least three times what a positive one of the same size adds. A severe breach also leaves a scar: a ceiling above which trust cannot grow until an honest repair heals it."),
        ("Alignment and business pressure", "Goals drift apart slowly by themselves and faster after external changes; a relationship manager with business orientation pulls them back together, as does a strategy session. Aligned parties resolve business incidents quickly; misaligned ones let them pile up."),
        ("Status", "While both parties' appreciation stays between the critical lower bound and the euphoria upper bound the relationship is healthy. A short excursion does no harm; one longer than the tolerance degrades a partnership to a plain supplier relationship, and another to escalation. Escalation ends in termination unless the relationship recovers. An opt-out is a door, not a trap: once it is open the client may leave during an escalation, but only when it no longer wants to go on and the market would serve it better than staying; otherwise the escalation can still recover. Leaving before the opt-out week, or without one, is a breach that adds a legal fight, unless a mediated settlement succeeded. Rebuilding a partnership takes half a year inside the bounds with trust and alignment restored. At the end of the term the client renews only when it is not in escalation and still values the supplier."),
        ("Relationship manager", "The Butler serves people, the Accountant controls delivery, the Nanny guards the goals, and the Representative does both service and business. Service orientation softens interpersonal blows and speeds recovery; business orientation keeps goals aligned; operational control clears business incidents faster, checks reports before bonuses are paid and disputes extra-work invoices. Each role has a price: the Butler is the cheapest, then the Accountant and the Nanny; the Representative is the dearest. The Representative keeps the healthiest relationship but is no performance manager, and each role gives the client the most net value in its own situation: the Accountant under cost pressure with a results contract, the Nanny where goals drift, the Butler where people clash, the Representative where everything is at stake at once."),
        ("Repairing trust", "The party that erred can repair trust in five steps: apologise (once per crisis for each party, and an insincere apology hurts), explain honestly (blaming others keeps distrust smouldering), correct with compensation, keep silent about the past, and be patient while trust regrows. Every step adds something: patience works faster when apology, explanation and correction show the will to repair, and both parties may repair in the same crisis. It only starts if both parties are still willing, which depends on their appreciation, trust and cost of switching; a neutral mediator raises that will, and when the mediated repair succeeds it keeps a later parting out of court — a failed one is money spent."),
        ("Renegotiating", "New terms take effect only when each party expects them to be no worse than walking away: the supplier needs a margin on them, the client a net value at least that of buying from the market after paying to switch. A drastic fee cut is refused by the supplier; a steep raise by the client."),
        ("Chance, many futures and why", "Incidents also happen by chance, at the yearly rates you set; their direction depends on the state (a supplier below target draws more business trouble, a poor culture fit more conflicts). One run is one possible future. Many futures repeats the run with other random draws; Compare gives both scenarios the very same draws, so differences come from the scenarios alone. Why splits the change of the relationship line in a window exactly into its causes: each incident, quality against expectation, results, cost, alignment, margin, changing wishes, trust and interventions."),
    ],
};

/// Dutch.
pub const NL: Strings = Strings {
    tagline: "Wat contractvorm, incidenten en relatiemanagement doen met een uitbestedingsrelatie",
    tab_simulate: "Simuleren",
    tab_model: "Zo werkt het model",
    lang_toggle: "EN",
    lang_toggle_label: "English",
    share: "Link kopiëren",
    copied: "Link gekopieerd",
    export_json: "Scenario exporteren",
    import_json: "Scenario importeren",
    export_csv: "Weekgegevens (CSV)",
    png: "PNG",
    sec_presets: "Begin met een verhaal",
    sec_contract: "Contract",
    sec_demand: "Vraag",
    sec_supplier: "Dienstverlener",
    sec_client: "Uitbesteder",
    sec_manager: "Relatiemanager",
    sec_bounds: "Grenzen",
    sec_random: "Willekeurige incidenten",
    sec_run: "Run",
    sec_incidents: "Incidenten",
    sec_interventions: "Interventies",
    fee_per_week: "Vergoeding per week",
    obligation: "Verplichting",
    effort: "Inspanningsverplichting (vaste prijs)",
    result: "Resultaatverplichting (bonus/malus)",
    incentive_share: "Variabel deel van de vergoeding",
    sla_target: "SLA-norm",
    incentive_band: "Marge tot volle bonus/malus",
    kpi_level: "KPI's gemeten op",
    technical: "Tickets (technisch)",
    business_kpi: "Bedrijfsresultaat",
    extra_work_markup: "Opslag op meerwerk",
    term_weeks: "Contractduur",
    opt_out: "Vroegtijdig opzeggen mogelijk",
    opt_out_week: "Opzeggen vanaf week",
    exit_fee: "Afkoopsom",
    requests_per_week: "Verzoeken per week",
    out_of_scope_share: "Aandeel buiten scope",
    volatility: "Wisselende wensen (volatiliteit)",
    cost_per_request: "Kosten per verzoek bij volle inzet",
    fixed_cost_per_week: "Vaste kosten per week",
    horizon: "Horizon (toekomst boven dit kwartaal)",
    client_share: "Aandeel klant in omzet dienstverlener",
    culture_fit: "Cultuurfit",
    track_record: "Staat van dienst (begintrust)",
    min_effort: "Minimale inzet (volgens het boekje)",
    budget_pressure: "Budgetdruk",
    need: "Benodigd serviceniveau",
    manager_cost: "Kosten relatiemanager per week",
    critical_lower: "Kritische ondergrens",
    euphoria_upper: "Euforische bovengrens",
    tolerance_weeks: "Tolerantie buiten de grenzen",
    external: "Extern",
    interpersonal: "Interpersoonlijk",
    business: "Zakelijk",
    per_year: "per jaar",
    seed: "Toevalsgetal (seed)",
    weeks: "Te simuleren weken",
    unit_keur_week: "k€/week",
    unit_keur: "k€",
    unit_weeks: "weken",
    service_orientation: "Servicegerichtheid →",
    business_orientation: "Zakelijke gerichtheid ↑",
    role_none: "Geen relatiemanager",
    role_butler: "Butler",
    role_accountant: "Accountant",
    role_representative: "Vertegenwoordiger",
    role_nanny: "Nanny",
    desc_none: "Niemand onderhoudt de relatie: persoonlijke krenkingen etteren en doelen groeien uit elkaar.",
    desc_butler: "Dient en sust: houdt mensen tevreden, weinig oog voor de zakelijke doelen.",
    desc_accountant: "Stuurt op levering en cijfers: lost zakelijke incidenten snel op, weinig warmte.",
    desc_representative: "Vertegenwoordigt service én business: mensen tevreden en doelen op één lijn.",
    desc_nanny: "Bewaakt de zakelijke doelen en de afstemming, met matige aandacht voor mensen.",
    category: "Categorie",
    kind: "Wat er gebeurde",
    polarity: "Richting",
    positive: "Positief",
    negative: "Negatief",
    magnitude: "Omvang",
    party: "Treft",
    client: "Uitbesteder",
    supplier: "Dienstverlener",
    week: "Week",
    note: "Notitie",
    add_incident: "Incident toevoegen",
    timeline_hint: "Klik op de strook om in die week een incident toe te voegen; klik op een markering om die te bewerken. Open markeringen zijn willekeurige incidenten van deze run.",
    delete: "Verwijderen",
    close: "Sluiten",
    random: "willekeurig",
    scripted: "gepland",
    earlier: "1 week eerder",
    later: "1 week later",
    intervention: "Interventie",
    add: "Toevoegen",
    trust_repair: "Vertrouwen herstellen",
    renegotiate: "Heronderhandelen",
    realign: "Strategiesessie (doelen afstemmen)",
    change_role: "Andere relatiemanager",
    exit: "Uitbesteder stapt uit",
    by: "Door de partij die in de fout ging",
    apologise: "1. Excuses aanbieden",
    sincere: "oprecht",
    explain: "2. Uitleggen",
    honest: "eerlijk (geen anderen de schuld geven)",
    correct: "3. Corrigeren (compensatie)",
    compensation: "Compensatie",
    silence: "4. Zwijgen (het verleden niet oprakelen)",
    patience_weeks: "5. Geduld",
    mediator: "Met een neutrale bemiddelaar",
    keep: "ongewijzigd",
    new_role: "Nieuwe rol",
    chart_relationship: "Relatie",
    chart_focus: "Klantgerichtheid en dienstverlening",
    chart_trust: "Vertrouwen en afstemming van doelen",
    chart_money: "Geld (cumulatief)",
    relationship_line: "Relatielijn",
    client_appreciation: "Waardering uitbesteder",
    supplier_appreciation: "Waardering dienstverlener",
    bounds_band: "Tussen kritische ondergrens en euforische bovengrens",
    customer_focus: "Klantgerichtheid (inzet)",
    extra_work_focus: "Aandacht voor meerwerk",
    sla: "SLA gehaald",
    quality: "Beleefde kwaliteit",
    expectation: "Verwachting",
    client_trust: "Vertrouwen uitbesteder",
    supplier_trust: "Vertrouwen dienstverlener",
    ceilings: "Plafonds van vertrouwen (gestippeld)",
    alignment: "Afstemming van doelen",
    client_cost_cum: "Kosten uitbesteder",
    supplier_margin_cum: "Marge dienstverlener",
    status: "Status",
    partnership: "Partnerschap",
    supplier_rel: "Leveranciersrelatie",
    escalation: "Escalatie",
    terminated: "Beëindigd",
    ended: "Afgelopen (niet verlengd)",
    summary: "Uitkomst",
    status_at_end: "Status aan het eind",
    weeks_in_status: "Weken per status",
    mean_focus: "Gemiddelde klantgerichtheid",
    total_client_cost: "Totale kosten uitbesteder",
    total_supplier_margin: "Totale marge dienstverlener",
    total_client_net_value: "Nettowaarde uitbesteder (waarde van de dienst min alles wat betaald is)",
    type_strip: "Relatietype per week",
    relationship_type: "Relatietype nu",
    type_partnership: "Partnerschap",
    type_businesslike: "Zakelijk",
    type_comfortable: "Gemoedelijk",
    type_adversarial: "Vijandig",
    approach_partnership: "Samen investeren en innoveren.",
    approach_businesslike: "Persoonlijke aandacht geven: de resultaten kloppen, mensen voelen zich niet gehoord.",
    approach_comfortable: "Resultaten en KPI's aanscherpen: mensen zijn tevreden, de business case niet.",
    approach_adversarial: "Vertrouwen herstellen — of het afscheid voorbereiden.",
    grid_note: "Dit raster van beleefde × zakelijke waardering is Relsims eigen lezing van de artikelen.",
    experienced_axis: "beleefd",
    business_axis: "zakelijk",
    events: "Gebeurtenissen",
    no_events: "Deze week gebeurde er niets.",
    import_failed: "Importeren mislukt, het scenario is ongewijzigd gebleven",
    link_failed: "De link bevat geen geldig scenario, daarom staat het bewaarde scenario er",
    out_of_range: "{label}: {value} valt buiten het toegestane bereik {min} – {max}",
    not_a_number: "{label}: „{value}” is geen getal",
    bounds_order: "{label} moet boven de kritische ondergrens ({min}) liggen",
    too_many_events: "Samen ten hoogste {max} incidenten en interventies",
    decimal_sign: ",",
    market_fee_per_week: "Marktprijs van de dienst",
    value_per_week: "Waarde van de dienst voor de uitbesteder",
    stored_failed: "Het in deze browser bewaarde scenario is onleesbaar, daarom staat het standaardscenario er; het blijft bewaard tot u iets wijzigt",
    dismiss: "Sluiten",
    model_title: "Zo werkt het model",
    model_intro: "Relsim rekent week voor week. Het schema laat zien wat wat beïnvloedt; de paragrafen eronder leggen elk mechanisme in gewone woorden uit. De precieze formules en constanten staan in docs/model.md van de broncode.",
    diagram_caption: "Oorzaken en gevolgen in het model. Doorgetrokken pijlen verhogen waar ze naar wijzen, gestippelde verlagen het.",
    none_yet: "Nog geen.",
    outcome_done: "uitgevoerd",
    outcome_unwilling: "mislukt: een partij was niet bereid",
    outcome_refused: "geweigerd: slechter dan weglopen voor",
    outcome_late: "te laat: het contract is voorbij",
    apology_ignored: "tweede excuses in dezelfde crisis voegen niets toe",
    renewed: "contract verlengd",
    reminder: "het verleden wordt opgerakeld",
    status_change: "status",
    cancel: "Annuleren",
    tab_run: "Eén run",
    tab_ensemble: "Vele toekomsten",
    tab_compare: "Vergelijken",
    tab_negotiate: "Onderhandelen",
    tab_why: "Waarom",
    runs: "Runs",
    computed_in: "berekend in",
    fan_title: "Relatielijn over alle runs",
    fan_band: "10e–90e percentiel",
    median: "Mediaan",
    sample_runs: "Enkele afzonderlijke runs",
    status_title: "Aandeel runs per status",
    survival_title: "Overleving",
    still_running: "Contract loopt nog",
    still_partnership: "Nog een partnerschap",
    outcomes: "Uitkomsten",
    metric: "Maatstaf",
    mean: "Gemiddeld",
    p10: "10e pct.",
    p90: "90e pct.",
    ending_as: "Eindigt als",
    share_of_runs: "aandeel runs",
    scenario_a: "Scenario A (huidig)",
    scenario_b: "Scenario B",
    make_b: "B = kopie van A",
    swap: "A en B omwisselen",
    edit_b: "B bewerken in het paneel",
    editing_b_note: "Het paneel links bewerkt nu scenario B.",
    b_from_preset: "B uit een voorbeeld",
    difference_title: "Verschil per week (B − A)",
    median_diff: "Mediane relatielijn",
    partnership_diff: "Aandeel nog partnerschap",
    difference: "B − A",
    sweep_param: "Te variëren invoer",
    from: "Van",
    to: "Tot",
    steps: "Stappen",
    runs_per_point: "Runs per waarde",
    run_sweep: "Start reeks",
    sweep_note: "Bij elke waarde draait een ensemble met dezelfde seeds. Bij het variëren van het variabele deel geldt een resultaatverplichting. De stippellijnen en de win-winzone vergelijken met hetzelfde scenario tegen vaste prijs (inspanningsverplichting).",
    winwin: "Win-winzone",
    winwin_none: "Geen waarde in dit bereik laat beide partijen minstens zo goed af als de vaste prijs.",
    winwin_found: "In dit bereik doen beide partijen het minstens zo goed als bij de vaste prijs.",
    money_vs: "Kosten uitbesteder en marge dienstverlener per run",
    prob_partnership: "Kans om als partnerschap te eindigen",
    deal_title: "Dealkaart: welke combinaties zijn beter dan de vaste prijs?",
    deal_intro: "Elke cel is een ensemble met beide invoerwaarden ingesteld, vergeleken met hetzelfde scenario tegen vaste prijs over dezelfde seeds. De linkerbovenhelft van een cel toont de nettowaarde voor de klant, de rechteronderhelft de marge van de leverancier: blauw is beter dan de vaste prijs, oranje slechter. Cellen waarin beide beter af zijn, hebben een rand. Eerst verschijnt een grove kaart, die scherper wordt naarmate de cellen binnenkomen.",
    deal_x: "Horizontaal",
    deal_y: "Verticaal",
    deal_steps: "Waarden per as",
    deal_run: "Dealkaart tekenen",
    deal_same_axis: "Kies twee verschillende invoerwaarden voor de twee assen.",
    deal_cells: "{done} van {total} cellen",
    deal_full_ms: "hele kaart in",
    deal_coarse_ms: "grove kaart in {ms} ms",
    deal_workers: "Achtergrondwerkers:",
    deal_main_thread: "geen (de pagina rekent zelf)",
    deal_cell: "{x_label} {x}, {y_label} {y}: nettowaarde klant {client} en marge leverancier {supplier} per run ten opzichte van de vaste prijs; {partnership} van de runs eindigt als partnerschap.",
    deal_win: "Beide partijen zijn beter af dan met de vaste prijs.",
    deal_pending: "{x_label} {x}, {y_label} {y}: nog niet berekend.",
    deal_hint: "Wijs een cel aan, of zet de focus op de kaart en beweeg met de pijltjestoetsen. Een klik (of Enter) zet dat contract in de editor.",
    deal_loaded: "In de editor gezet: {x_label} {x}, {y_label} {y}.",
    deal_download: "Kaart downloaden (JSON)",
    deal_client: "linksboven: nettowaarde klant",
    deal_supplier: "rechtsonder: marge leverancier",
    deal_better: "beter dan de vaste prijs",
    deal_worse: "slechter",
    deal_outline: "beide beter (win-win)",
    baseline: "vaste-prijs-basis (gestippeld)",
    why_hint: "Sleep over de grafiek (of gebruik de velden) om een venster te kiezen; de verandering van de relatielijn daarin wordt naar oorzaken uitgesplitst.",
    why_change: "Verandering van de relatielijn",
    why_window: "Venster",
    cause_quality: "Kwaliteit tegenover verwachting",
    cause_results: "Resultaten tegenover de SLA-norm",
    cause_cost: "Kosten tegenover de vergoeding",
    cause_alignment: "Afstemming van doelen",
    cause_pressure: "Onopgeloste zakelijke incidenten",
    cause_margin: "Marge dienstverlener",
    cause_wishes: "Wisselende wensen",
    cause_trust: "Vertrouwen",
    cause_settling: "Terugzakken naar het neutrale niveau",
    more_causes: "overige oorzaken",
    cause_other: "Overig (grenzen, ongelijk herstel)",
    raised: "verhoogde de lijn met",
    lowered: "verlaagde de lijn met",
    total: "Totaal",
    diagram: ["Contract", "Klantgerichtheid", "Kwaliteit", "Geld", "Afstemming van doelen", "Zakelijke druk", "Waardering uitbesteder", "Waardering dienstverlener", "Relatiemanager", "Incidenten", "Vertrouwen", "Status"],
    kinds: kinds_nl,
    presets: presets_nl,
    model: [
        ("Incidenten", "Elke verandering begint met een aanleiding die één partij treft. Externe incidenten (een nieuwe markt, een bezuiniging, nieuw management) verschuiven de doelen van die partij en dus de afstemming tussen beide. Interpersoonlijke incidenten (een conflict, hulp buiten het contract) raken de beleefde waardering en het vertrouwen. Zakelijke incidenten (een late levering, een betwiste factuur, een innovatie) vergroten de zakelijke druk, die op de zakelijke waardering drukt tot ze is opgelost. Vertrouwen dempt elke negatieve klap: hetzelfde incident doet een partij met vertrouwen minder pijn."),
        ("Klantgerichtheid", "Elke week kiest de dienstverlener de inzet die het meest oplevert: de vergoeding, min de kosten van inzet, plus wat de relatie hem waard is. Bij een vaste prijs levert extra inzet niets op, dus blijft die op het minimum van werken volgens het boekje. Een resultaatverplichting — een lagere basisprijs met een bonus bovenop voor resultaten boven de norm en een malus eronder, allebei haalbaar — laat inzet lonen, zolang iemand de rapportages van de dienstverlener controleert: ongecontroleerde rapportages worden naar boven afgerond en dan wordt bonus betaald op groene rapportages. Een lange horizon laat de dienstverlener harder werken naarmate de verlenging nadert of als een escalatie het contract op het spel zet, meer voor een klant die veel omzet brengt; een vroege opzegmogelijkheid verkort die horizon, want de klant kan naar believen vertrekken. In een goede relatie komt er uit zichzelf wat goodwill bij. Betaald meerwerk krijgt altijd aandacht zolang er marge op zit."),
        ("Dienstverlening en kwaliteit", "Inzet bepaalt het aandeel verzoeken dat op tijd is afgehandeld (de SLA). Wat gebruikers ervaren is dat aandeel min een kloof die ontstaat als KPI's technisch zijn en doelen niet op één lijn liggen: de rapportages kleuren groen terwijl gebruikers ontevreden blijven. Meten op bedrijfsresultaat dicht die kloof. De verwachting van gebruikers schuift op naar wat ze nodig hebben en wat ze gewend zijn: een lange goede periode legt de lat hoger, en euforie boven de bovengrens nog sneller."),
        ("Prijs en nettowaarde", "De uitbesteder beoordeelt de prijs tegen wat vergelijkbare dienstverlening op de markt kost: een duurder contract voor dezelfde dienst verlaagt de zakelijke waardering, een goedkoper verhoogt die. Bonus en malus worden verrekend met de resultaten, dus een terugbetaling voor slechte dienstverlening maakt slechte dienstverlening nooit welkom. De nettowaarde van de uitbesteder is wat de dienst het bedrijf waard is — meer als de kwaliteit aansluit bij de behoefte en de doelen op één lijn liggen, minder zolang zakelijke incidenten openstaan — min alles wat ze betaalt: vergoeding, bonus, meerwerk, de manager en eenmalige kosten. Na vertrek koopt ze dienstverlening volgens het boekje tegen de marktprijs."),
        ("Waardering", "Elke partij waardeert de ander op twee manieren. De beleefde waardering van de uitbesteder volgt kwaliteit tegenover verwachting en haar vertrouwen; de zakelijke waardering volgt resultaten tegenover de norm, kosten tegenover budget, afstemming en onopgeloste zakelijke incidenten. De zakelijke waardering van de dienstverlener volgt zijn marge; zijn beleefde waardering lijdt onder een klant met steeds andere wensen. Boven de euforische grens levert een dienstverlener meer dan nodig, ten koste van zijn marge. Waardering beweegt geleidelijk naar deze niveaus en springt bij incidenten. De relatielijn is het gemiddelde van beide partijen."),
        ("Vertrouwen", "Vertrouwen komt te voet en gaat te paard: bij elk niveau van vertrouwen en met elke manager neemt een negatieve ervaring minstens drie keer weg wat een even grote positieve toevoegt. Een ernstige schending laat ook een litteken achter: een plafond waarboven het vertrouwen niet kan groeien tot een eerlijk herstel het heelt."),
        ("Afstemming en zakelijke druk", "Doelen groeien vanzelf langzaam uit elkaar, en sneller na externe veranderingen; een relatiemanager met zakelijke gerichtheid brengt ze weer samen, net als een strategiesessie. Partijen met afgestemde doelen lossen zakelijke incidenten snel op; anders stapelen ze zich op."),
        ("Status", "Zolang de waardering van beide partijen tussen de kritische ondergrens en de euforische bovengrens blijft, is de relatie gezond. Een korte uitschieter kan geen kwaad; een langere dan de tolerantie degradeert een partnerschap tot een gewone leveranciersrelatie, en nog een tot escalatie. Escalatie eindigt in beëindiging tenzij de relatie herstelt. Een opzegmogelijkheid is een deur, geen valkuil: als die open is mag de uitbesteder tijdens een escalatie vertrekken, maar alleen als ze niet meer verder wil en de markt haar beter bedient dan blijven; anders kan de escalatie nog herstellen. Vertrekken vóór de opzegweek, of zonder opzegmogelijkheid, is contractbreuk met een juridisch gevecht, tenzij een bemiddelde schikking slaagde. Een partnerschap herbouwen kost een half jaar binnen de grenzen met hersteld vertrouwen en afstemming. Aan het eind van de looptijd verlengt de uitbesteder alleen als er geen escalatie is en ze de dienstverlener nog waardeert."),
        ("Relatiemanager", "De Butler dient de mensen, de Accountant stuurt op levering, de Nanny bewaakt de doelen en de Vertegenwoordiger doet service én business. Servicegerichtheid verzacht persoonlijke klappen en versnelt herstel; zakelijke gerichtheid houdt doelen op één lijn; operationele sturing ruimt zakelijke incidenten sneller op, controleert rapportages voordat er bonus wordt betaald en betwist meerwerkfacturen. Elke rol heeft een prijs: de Butler is het goedkoopst, dan de Accountant en de Nanny; de Vertegenwoordiger is het duurst. De Vertegenwoordiger houdt de gezondste relatie maar stuurt niet op prestaties, en elke rol levert de uitbesteder de meeste nettowaarde in haar eigen situatie: de Accountant bij kostendruk met een resultaatcontract, de Nanny waar doelen verschuiven, de Butler waar mensen botsen, de Vertegenwoordiger waar alles tegelijk op het spel staat."),
        ("Vertrouwen herstellen", "De partij die in de fout ging kan vertrouwen herstellen in vijf stappen: excuses aanbieden (één keer per crisis voor elke partij, en onoprechte excuses schaden), eerlijk uitleggen (anderen de schuld geven laat het wantrouwen smeulen), corrigeren met compensatie, zwijgen over het verleden, en geduld hebben terwijl het vertrouwen teruggroeit. Elke stap draagt bij: geduld werkt sneller als excuses, uitleg en correctie de wil tot herstel laten zien, en beide partijen mogen in dezelfde crisis herstellen. Het begint alleen als beide partijen nog willen; die bereidheid hangt af van hun waardering, vertrouwen en overstapkosten. Een neutrale bemiddelaar vergroot de bereidheid, en een geslaagd bemiddeld herstel houdt een latere breuk buiten de rechtszaal — een mislukt herstel is weggegooid geld."),
        ("Heronderhandelen", "Nieuwe voorwaarden gaan alleen in als elke partij verwacht dat ze niet slechter zijn dan weglopen: de dienstverlener wil er marge op, de uitbesteder minstens de nettowaarde van inkopen op de markt na de overstapkosten. Een drastische prijsverlaging weigert de dienstverlener; een forse verhoging de uitbesteder."),
        ("Toeval, vele toekomsten en waarom", "Incidenten gebeuren ook toevallig, met de jaarlijkse frequenties die u instelt; hun richting hangt af van de toestand (een dienstverlener onder de norm trekt meer zakelijke problemen aan, een slechte cultuurfit meer conflicten). Eén run is één mogelijke toekomst. Vele toekomsten herhaalt de run met andere toevalstrekkingen; Vergelijken geeft beide scenario's precies dezelfde trekkingen, zodat verschillen alleen uit de scenario's komen. Waarom splitst de verandering van de relatielijn in een venster precies uit naar oorzaken: elk incident, kwaliteit tegenover verwachting, resultaten, kosten, afstemming, marge, wisselende wensen, vertrouwen en interventies."),
    ],
};

// ---------------------------------------------------------------------------------------------
// The self-service website: guided tour, embeds, printable report, chart tables. A table of its
// own so that these strings can grow without touching the simulator's table above.

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

/// The website's strings of one language.
#[allow(missing_docs)]
pub struct SiteStrings {
    pub tour_open: &'static str,
    pub tour_title: &'static str,
    pub tour_step: &'static str,
    pub tour_next: &'static str,
    pub tour_prev: &'static str,
    pub tour_finish: &'static str,
    pub tour_try: &'static str,
    pub tour_at_end: &'static str,
    pub welcome_title: &'static str,
    pub welcome_text: &'static str,
    pub welcome_start: &'static str,
    pub welcome_dismiss: &'static str,
    pub embed_code: &'static str,
    pub embed_what: &'static str,
    pub embed_all: &'static str,
    pub embed_controls: &'static str,
    pub embed_snippet: &'static str,
    pub embed_copied: &'static str,
    pub embed_open: &'static str,
    pub print_report: &'static str,
    pub report_title: &'static str,
    pub report_printed: &'static str,
    pub report_changed: &'static str,
    pub report_no_changes: &'static str,
    pub report_input: &'static str,
    pub report_value: &'static str,
    pub report_default: &'static str,
    pub report_charts: &'static str,
    pub report_odds: &'static str,
    pub report_runs: &'static str,
    pub show_table: &'static str,
    pub hide_table: &'static str,
    pub table_every: &'static str,
    pub sum_goes_from: &'static str,
    pub sum_to: &'static str,
    pub sum_in_week: &'static str,
    pub sum_lowest: &'static str,
    pub sum_highest: &'static str,
    pub tour: [TourText; 8],
}

impl Lang {
    /// The website's string table.
    pub fn site(self) -> &'static SiteStrings {
        match self {
            Lang::En => &SITE_EN,
            Lang::Nl => &SITE_NL,
        }
    }
}

/// The website in English.
pub const SITE_EN: SiteStrings = SiteStrings {
    tour_open: "Guided tour",
    tour_title: "A guided tour in eight steps",
    tour_step: "Step",
    tour_next: "Next",
    tour_prev: "Back",
    tour_finish: "Open the simulator with this scenario",
    tour_try: "Try it:",
    tour_at_end: "After the last week",
    welcome_title: "New to Relsim?",
    welcome_text: "Eight short steps, each with a live simulation and one control, show why a fixed fee starves customer focus and what a relationship manager does.",
    welcome_start: "Take the tour",
    welcome_dismiss: "No thanks",
    embed_code: "Embed code",
    embed_what: "Show in the embed",
    embed_all: "All four charts",
    embed_controls: "Include two controls (contract and manager)",
    embed_snippet: "HTML to paste into your page",
    embed_copied: "Copied to the clipboard",
    embed_open: "Open in Relsim",
    print_report: "Print report",
    report_title: "Relsim report",
    report_printed: "Printed on",
    report_changed: "Inputs that differ from the defaults",
    report_no_changes: "All inputs are at their defaults.",
    report_input: "Input",
    report_value: "This scenario",
    report_default: "Default",
    report_charts: "Charts",
    report_odds: "Odds over many futures",
    report_runs: "runs",
    show_table: "Show as table",
    hide_table: "Hide table",
    table_every: "one row every",
    sum_goes_from: "goes from",
    sum_to: "to",
    sum_in_week: "in week",
    sum_lowest: "lowest",
    sum_highest: "highest",
    tour: [
        TourText {
            title: "Everything starts with an incident",
            body: "An outsourcing relationship does not drift by accident: it moves when something happens. A kept promise, a missed deadline, a quarrel between two managers — each is an incident that lands on one of the parties and changes how it values the other. The black line is the average appreciation of client and supplier over two years.",
            control: "Incident in week 26 (negative ← → positive)",
            hint: "drag the slider to the left and watch the line dip, then slowly recover.",
        },
        TourText {
            title: "Two bounds keep it healthy",
            body: "Every relationship has a lower limit below which a party starts to doubt it is worth it, and an upper limit of euphoria where expectations run away. Between the two, ups and downs are normal. The green band is that range.",
            control: "Critical lower bound",
            hint: "raise the lower bound: the same dip now falls through it.",
        },
        TourText {
            title: "From partner to ordinary supplier",
            body: "A short spell outside the bounds does no lasting harm. When it lasts longer than the parties tolerate, the partnership is downgraded to an ordinary supplier relationship; when it lasts longer still, it escalates. Climbing back takes months.",
            control: "Tolerance outside the bounds (weeks)",
            hint: "lower the tolerance and see the status at the end change.",
        },
        TourText {
            title: "A fixed fee starves customer focus",
            body: "Under an effort obligation the supplier is paid the same whether users are helped quickly or not, so every extra hour only costs it money: it works by the book. When part of the fee depends on agreed results, effort pays, and customer focus rises with it.",
            control: "Contract",
            hint: "switch between the fixed fee and result agreements and compare the black line.",
        },
        TourText {
            title: "Four kinds of relationship manager",
            body: "Someone has to look after the relationship. The Butler keeps people content; the Accountant steers delivery and numbers; the Nanny guards the shared goals; the Representative does both service and business. Each softens different incidents. The chance incidents in this run are the same whichever role you pick.",
            control: "Relationship manager",
            hint: "try each role and compare how deep the dips go.",
        },
        TourText {
            title: "Trust is lost fast and regained slowly",
            body: "Here a good experience in week 20 is followed by an equally large bad one in week 60. The bad one takes away far more trust than the good one added, and a severe breach leaves a ceiling that trust cannot rise above on its own.",
            control: "Size of both experiences",
            hint: "make both experiences larger and watch the gap between gain and loss grow.",
        },
        TourText {
            title: "Five steps to repair trust",
            body: "After a serious breach the party at fault can repair: apologise, explain honestly, put things right, stop raising the past, and be patient. Every step adds something; leaving one out recovers less. Choose how many of the five steps the supplier takes after its breach in week 20.",
            control: "Repair steps taken",
            hint: "compare none, three and all five steps in the client's trust.",
        },
        TourText {
            title: "Now explore on your own",
            body: "This is a complete five-year scenario with chance incidents and a Representative as relationship manager. Choose the contract, then open the full simulator with this scenario: there you can change every input, run many futures, compare two scenarios and ask why the line moved.",
            control: "Contract",
            hint: "switch the contract, then open the simulator to take this scenario with you.",
        },
    ],
};

/// The website in Dutch.
pub const SITE_NL: SiteStrings = SiteStrings {
    tour_open: "Rondleiding",
    tour_title: "Een rondleiding in acht stappen",
    tour_step: "Stap",
    tour_next: "Volgende",
    tour_prev: "Terug",
    tour_finish: "Open de simulator met dit scenario",
    tour_try: "Probeer:",
    tour_at_end: "Na de laatste week",
    welcome_title: "Nieuw bij Relsim?",
    welcome_text: "Acht korte stappen, elk met een levende simulatie en één knop, laten zien waarom een vaste prijs de klantgerichtheid uithongert en wat een relatiemanager doet.",
    welcome_start: "Start de rondleiding",
    welcome_dismiss: "Nee, dank u",
    embed_code: "Insluitcode",
    embed_what: "Te tonen in de insluiting",
    embed_all: "Alle vier de grafieken",
    embed_controls: "Met twee knoppen (contract en relatiemanager)",
    embed_snippet: "HTML om in uw pagina te plakken",
    embed_copied: "Gekopieerd naar het klembord",
    embed_open: "Openen in Relsim",
    print_report: "Rapport afdrukken",
    report_title: "Relsim-rapport",
    report_printed: "Afgedrukt op",
    report_changed: "Invoer die afwijkt van de standaard",
    report_no_changes: "Alle invoer staat op de standaardwaarde.",
    report_input: "Invoer",
    report_value: "Dit scenario",
    report_default: "Standaard",
    report_charts: "Grafieken",
    report_odds: "Kansen over vele toekomsten",
    report_runs: "runs",
    show_table: "Toon als tabel",
    hide_table: "Verberg tabel",
    table_every: "één rij per",
    sum_goes_from: "gaat van",
    sum_to: "naar",
    sum_in_week: "in week",
    sum_lowest: "laagste",
    sum_highest: "hoogste",
    tour: [
        TourText {
            title: "Alles begint met een incident",
            body: "Een uitbestedingsrelatie verandert niet zomaar: er gebeurt iets. Een nagekomen afspraak, een gemiste deadline, onenigheid tussen twee managers — elk is een incident dat een van de partijen raakt en verandert hoe die de ander waardeert. De zwarte lijn is de gemiddelde waardering van uitbesteder en dienstverlener over twee jaar.",
            control: "Incident in week 26 (negatief ← → positief)",
            hint: "schuif naar links en zie de lijn zakken en daarna langzaam herstellen.",
        },
        TourText {
            title: "Twee grenzen houden het gezond",
            body: "Elke relatie kent een ondergrens waaronder een partij gaat twijfelen of het nog de moeite waard is, en een bovengrens van euforie waarboven de verwachtingen op hol slaan. Daartussen zijn pieken en dalen gewoon. De groene band is dat gebied.",
            control: "Kritische ondergrens",
            hint: "verhoog de ondergrens: dezelfde dip zakt er nu doorheen.",
        },
        TourText {
            title: "Van partner naar gewone leverancier",
            body: "Even buiten de grenzen kan geen kwaad. Duurt het langer dan de partijen verdragen, dan zakt het partnerschap terug tot een gewone leveranciersrelatie; duurt het nog langer, dan escaleert het. Terugklimmen kost maanden.",
            control: "Tolerantie buiten de grenzen (weken)",
            hint: "verlaag de tolerantie en zie de status aan het eind veranderen.",
        },
        TourText {
            title: "Een vaste prijs hongert klantgerichtheid uit",
            body: "Bij een inspanningsverplichting krijgt de dienstverlener hetzelfde betaald, of gebruikers nu snel geholpen worden of niet; elk extra uur kost hem alleen geld, dus werkt hij volgens het boekje. Hangt een deel van de vergoeding af van afgesproken resultaten, dan loont inzet en stijgt de klantgerichtheid mee.",
            control: "Contract",
            hint: "wissel tussen vaste prijs en resultaatafspraken en vergelijk de zwarte lijn.",
        },
        TourText {
            title: "Vier soorten relatiemanager",
            body: "Iemand moet de relatie onderhouden. De Butler houdt mensen tevreden; de Accountant stuurt op levering en cijfers; de Nanny bewaakt de gezamenlijke doelen; de Vertegenwoordiger doet service én business. Elk vangt andere incidenten op. De toevallige incidenten in deze run blijven gelijk, welke rol u ook kiest.",
            control: "Relatiemanager",
            hint: "probeer elke rol en vergelijk hoe diep de dalen gaan.",
        },
        TourText {
            title: "Vertrouwen: snel weg, traag terug",
            body: "Hier volgt op een goede ervaring in week 20 een even grote slechte in week 60. De slechte neemt veel meer vertrouwen weg dan de goede opleverde, en een zware schending laat een plafond achter waar het vertrouwen uit zichzelf niet meer boven komt.",
            control: "Omvang van beide ervaringen",
            hint: "maak beide ervaringen groter en zie het verschil tussen winst en verlies groeien.",
        },
        TourText {
            title: "Vijf stappen om vertrouwen te herstellen",
            body: "Na een ernstige misstap kan de partij die in de fout ging herstellen: excuses maken, eerlijk uitleggen, het goedmaken, het verleden laten rusten en geduld hebben. Elke stap draagt bij; wie er een overslaat, herstelt minder. Kies hoeveel van de vijf stappen de dienstverlener zet na zijn misstap in week 20.",
            control: "Gezette herstelstappen",
            hint: "vergelijk geen, drie en alle vijf stappen in het vertrouwen van de uitbesteder.",
        },
        TourText {
            title: "Nu zelf verder",
            body: "Dit is een volledig scenario van vijf jaar met toevallige incidenten en een Vertegenwoordiger als relatiemanager. Kies het contract en open dan de volledige simulator met dit scenario: daar kunt u elke invoer aanpassen, vele toekomsten doorrekenen, twee scenario's vergelijken en nagaan waarom de lijn bewoog.",
            control: "Contract",
            hint: "wissel van contract en open dan de simulator om dit scenario mee te nemen.",
        },
    ],
};
/// Incident kinds in English: a `match`, so a new kind does not compile until it is named.
fn kinds_en(kind: Kind) -> &'static str {
    match kind {
        Kind::MarketChange => "Market change",
        Kind::TechnologyChange => "Technology change",
        Kind::MarketPricesChange => "Market prices change",
        Kind::NewManagement => "New management",
        Kind::BudgetCut => "Budget cut",
        Kind::Reorganisation => "Reorganisation",
        Kind::PoorCooperation => "Poor cooperation",
        Kind::RequestsIgnored => "Requests ignored / unfair treatment",
        Kind::BreachOfNorms => "Breach of relational norms",
        Kind::AbuseOfPower => "Abuse of power",
        Kind::InterpersonalConflict => "Interpersonal conflict",
        Kind::ChangeOfKeyContacts => "Change of key contacts",
        Kind::GoodCooperation => "Good cooperation",
        Kind::HelpBeyondContract => "Help beyond the contract",
        Kind::NewContactClicks => "A new contact who clicks",
        Kind::DeliveryDelay => "Delivery delay",
        Kind::QualityShortfall => "Quality shortfall",
        Kind::LatePayment => "Late payment",
        Kind::DisputedExtraWorkInvoice => "Disputed extra-work invoice",
        Kind::LowerSwitchingCosts => "Lower switching costs",
        Kind::MoreAttractiveOffer => "A more attractive offer",
        Kind::DeliveredInnovation => "Delivered innovation",
        Kind::CostSaving => "Cost saving",
    }
}

/// Incident kinds in Dutch: a `match`, so a new kind does not compile until it is named.
fn kinds_nl(kind: Kind) -> &'static str {
    match kind {
        Kind::MarketChange => "Marktverandering",
        Kind::TechnologyChange => "Technologische verandering",
        Kind::MarketPricesChange => "Veranderde marktprijzen",
        Kind::NewManagement => "Nieuw management",
        Kind::BudgetCut => "Bezuiniging",
        Kind::Reorganisation => "Reorganisatie",
        Kind::PoorCooperation => "Slechte samenwerking",
        Kind::RequestsIgnored => "Verzoeken genegeerd / oneerlijke behandeling",
        Kind::BreachOfNorms => "Schending van relationele normen",
        Kind::AbuseOfPower => "Machtsmisbruik",
        Kind::InterpersonalConflict => "Persoonlijk conflict",
        Kind::ChangeOfKeyContacts => "Wisseling van sleutelfiguren",
        Kind::GoodCooperation => "Goede samenwerking",
        Kind::HelpBeyondContract => "Hulp buiten het contract",
        Kind::NewContactClicks => "Een nieuwe contactpersoon met een klik",
        Kind::DeliveryDelay => "Vertraagde levering",
        Kind::QualityShortfall => "Tekortschietende kwaliteit",
        Kind::LatePayment => "Te late betaling",
        Kind::DisputedExtraWorkInvoice => "Betwiste meerwerkfactuur",
        Kind::LowerSwitchingCosts => "Lagere overstapkosten",
        Kind::MoreAttractiveOffer => "Een aantrekkelijker aanbod",
        Kind::DeliveredInnovation => "Geleverde innovatie",
        Kind::CostSaving => "Kostenbesparing",
    }
}

/// Preset names and stories in English, by `match` so a new preset does not compile untranslated.
fn presets_en(key: Key) -> PresetText {
    match key {
        Key::Default => PresetText {
            name: "Fixed fee, by the book",
            story: "The default: a fixed fee with effort obligations and no relationship manager. The supplier does what the contract asks and no more; watch how often the relationship survives the renewal.",
        },
        Key::ArticleFigure => PresetText {
            name: "The article's figure",
            story: "Five scripted moments on a results contract without chance incidents: strongly positive, negative, positive, positive, negative. The relationship line steps with each and then relaxes toward what the contract sustains.",
        },
        Key::Farbo => PresetText {
            name: "FARBO: a stalled BPO contract",
            story: "Changing wishes meet a rigid fixed-fee contract and a client short of cash; disputes push it out of partnership, often into escalation. A mediated trust repair, a statement of objectives with results and a Representative give it a second chance.",
        },
        Key::ResidentsGym => PresetText {
            name: "The residents' gym",
            story: "A gym maintained for a fixed fee: broken machines wait for months because nobody is paid to be quick. Customer focus stays at the floor and appreciation sinks. Only the contract differs from the commercial gym.",
        },
        Key::CommercialGym => PresetText {
            name: "The commercial gym",
            story: "The same gym, contractor and members, but a lower base fee with a bonus for machines kept running: repairs within days, high customer focus, and members who stay. Only the contract differs from the residents' gym.",
        },
        Key::PublicCloud => PresetText {
            name: "Small customer, big cloud",
            story: "One of millions of customers on standard terms: the provider's attention goes to large accounts, customer focus stays low and personal incidents are never smoothed over.",
        },
        Key::HelpdeskInsourced => PresetText {
            name: "Helpdesk back in-house",
            story: "Years of fixed-fee helpdesk service: tickets closed by the book, users who feel unheard, goals drifting apart. At the renewal most futures end with the helpdesk taken back in-house.",
        },
        Key::HealthyPartnership => PresetText {
            name: "Healthy partnership",
            story: "A fair results contract, a supplier that values its client and a Representative who tends both service and goals: incidents happen, but most futures stay a partnership.",
        },
        Key::AccountantCostPressure => PresetText {
            name: "Cost pressure: the Accountant",
            story: "A big bonus, lots of paid extra work and a client that counts every euro, with stable goals and good relations. An Accountant who checks reports before paying bonuses and disputes extra-work bills leaves the client the most net value. Switch the manager and compare.",
        },
        Key::NannyGoalDrift => PresetText {
            name: "Goals adrift: the Nanny",
            story: "A changing market keeps pulling the parties' goals apart and business incidents pile up. A Nanny keeps the goals aligned so incidents get resolved and the service stays useful; she gives the most net value, the dearer Representative a little less. Switch the manager and compare.",
        },
        Key::ButlerFriction => PresetText {
            name: "Friction: the Butler",
            story: "People who keep clashing, stable goals, and a price that hardly matters to the client. The Butler smooths things over at the lowest cost of any manager and gives the most net value, even though the Representative keeps a few more partnerships. Switch the manager and compare.",
        },
        Key::RepresentativeStrategic => PresetText {
            name: "High stakes: the Representative",
            story: "A service the business depends on, drifting goals and clashing people all at once. Only the Representative tends both service and goals, and with this much value at stake the dearest manager pays for itself. Switch the manager and compare.",
        },
        Key::CrisisEarlyOptOut => PresetText {
            name: "Crisis with an early opt-out",
            story: "The client may leave at will from week 26. A crisis in week 40 is followed by a mediated repair. Escalations still recover about as often as without the opt-out, and leaving costs the exit fee without a court case — but the supplier invests less from the start. Compare with the same crisis without an opt-out.",
        },
        Key::CrisisNoOptOut => PresetText {
            name: "The same crisis, no opt-out",
            story: "The same contract, crisis and repair, but the client is bound for the whole term. The supplier invests more; leaving early is a breach that adds a legal fight unless a mediated settlement succeeded. Compare with the early opt-out.",
        },
    }
}

/// Preset names and stories in Dutch, by `match` so a new preset does not compile untranslated.
fn presets_nl(key: Key) -> PresetText {
    match key {
        Key::Default => PresetText {
            name: "Vaste prijs, volgens het boekje",
            story: "De standaard: een vaste prijs met inspanningsverplichting en geen relatiemanager. De dienstverlener doet wat het contract vraagt en niet meer; kijk hoe vaak de relatie de verlenging haalt.",
        },
        Key::ArticleFigure => PresetText {
            name: "De figuur uit het artikel",
            story: "Vijf geplande momenten bij een resultaatcontract zonder toevallige incidenten: sterk positief, negatief, positief, positief, negatief. De relatielijn verspringt telkens en zakt daarna terug naar wat het contract draagt.",
        },
        Key::Farbo => PresetText {
            name: "FARBO: een vastgelopen BPO-contract",
            story: "Wisselende wensen botsen met een star contract tegen vaste prijs en een klant die krap bij kas zit; geschillen halen de relatie uit het partnerschap, vaak tot in escalatie. Bemiddeld vertrouwensherstel, een statement of objectives met resultaatafspraken en een Vertegenwoordiger geven een tweede kans.",
        },
        Key::ResidentsGym => PresetText {
            name: "De sportzaal van de VvE",
            story: "Een sportzaal onderhouden tegen een vaste prijs: kapotte toestellen wachten maanden, want niemand wordt betaald om snel te zijn. De klantgerichtheid blijft op de bodem en de waardering zakt. Alleen het contract verschilt van de commerciële sportschool.",
        },
        Key::CommercialGym => PresetText {
            name: "De commerciële sportschool",
            story: "Dezelfde sportzaal, aannemer en leden, maar een lagere basisprijs met een bonus voor toestellen die het doen: reparaties binnen dagen, hoge klantgerichtheid en leden die blijven. Alleen het contract verschilt van de sportzaal van de VvE.",
        },
        Key::PublicCloud => PresetText {
            name: "Kleine klant, grote cloud",
            story: "Eén van miljoenen klanten op standaardvoorwaarden: de aandacht van de aanbieder gaat naar grote klanten, de klantgerichtheid blijft laag en persoonlijke incidenten worden nooit gladgestreken.",
        },
        Key::HelpdeskInsourced => PresetText {
            name: "Helpdesk weer in huis",
            story: "Jaren helpdesk tegen vaste prijs: tickets volgens het boekje gesloten, gebruikers die zich niet gehoord voelen, doelen die uit elkaar groeien. Bij de verlenging haalt de klant in de meeste toekomsten de helpdesk weer in huis.",
        },
        Key::HealthyPartnership => PresetText {
            name: "Gezond partnerschap",
            story: "Een eerlijk resultaatcontract, een dienstverlener die zijn klant waardeert en een Vertegenwoordiger die service en doelen bewaakt: er gebeuren incidenten, maar de meeste toekomsten blijven een partnerschap.",
        },
        Key::AccountantCostPressure => PresetText {
            name: "Kostendruk: de Accountant",
            story: "Een forse bonus, veel betaald meerwerk en een klant die elke euro telt, met stabiele doelen en goede verhoudingen. Een Accountant die rapportages controleert voordat er bonus wordt betaald en meerwerkfacturen betwist, levert de klant de meeste nettowaarde op. Wissel de manager en vergelijk.",
        },
        Key::NannyGoalDrift => PresetText {
            name: "Doelen op drift: de Nanny",
            story: "Een veranderende markt trekt de doelen van beide partijen steeds uit elkaar en zakelijke incidenten stapelen zich op. Een Nanny houdt de doelen op één lijn, zodat incidenten worden opgelost en de dienst bruikbaar blijft; zij levert de meeste nettowaarde, de duurdere Vertegenwoordiger iets minder. Wissel de manager en vergelijk.",
        },
        Key::ButlerFriction => PresetText {
            name: "Wrijving: de Butler",
            story: "Mensen die steeds botsen, stabiele doelen en een prijs die de klant weinig uitmaakt. De Butler strijkt de plooien glad tegen de laagste kosten van alle managers en levert de meeste nettowaarde, al houdt de Vertegenwoordiger iets vaker een partnerschap. Wissel de manager en vergelijk.",
        },
        Key::RepresentativeStrategic => PresetText {
            name: "Veel op het spel: de Vertegenwoordiger",
            story: "Een dienst waar het bedrijf op leunt, doelen die verschuiven en mensen die botsen, alles tegelijk. Alleen de Vertegenwoordiger zorgt voor zowel de dienst als de doelen, en met zoveel waarde op het spel verdient de duurste manager zichzelf terug. Wissel de manager en vergelijk.",
        },
        Key::CrisisEarlyOptOut => PresetText {
            name: "Crisis met vroege opzegmogelijkheid",
            story: "De klant mag vanaf week 26 naar believen opzeggen. Op een crisis in week 40 volgt een bemiddeld herstel. Escalaties herstellen ongeveer even vaak als zonder opzegmogelijkheid, en vertrekken kost de afkoopsom zonder rechtszaak — maar de dienstverlener investeert vanaf het begin minder. Vergelijk met dezelfde crisis zonder opzegmogelijkheid.",
        },
        Key::CrisisNoOptOut => PresetText {
            name: "Dezelfde crisis, geen opzegmogelijkheid",
            story: "Hetzelfde contract, dezelfde crisis en hetzelfde herstel, maar de klant zit de hele looptijd vast. De dienstverlener investeert meer; eerder vertrekken is contractbreuk met een juridisch gevecht, tenzij een bemiddelde schikking slaagt. Vergelijk met de vroege opzegmogelijkheid.",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::fields::{INCENTIVE_SHARE, SCENARIO, TERM_WEEKS};

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
