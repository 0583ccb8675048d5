//! The model's constants as data: one [`ModelParams`] value, each constant declared once here
//! with its default, unit, plausible range and the reason for its default (its doc comment).
//! The simulation reads them from its `Plan`; a scenario's `model` overrides them, `relsim
//! params` prints them, `docs/model.md`'s table is checked against [`SPECS`], and the
//! robustness harness perturbs them within their ranges. Rates are per week; appreciation,
//! trust and alignment live in 0..=1.

use std::collections::BTreeMap;

/// Effort grid: points from `min_effort` to 1 the supplier chooses among. A numerical
/// resolution, not a model constant, so it is not a parameter.
pub const EFFORT_GRID: usize = 21;

/// One constant's documentation: what `relsim params`, the docs table and validation read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    /// The field name (also its key in a scenario's `model` object).
    pub name: &'static str,
    /// The default value.
    pub default: f64,
    /// Lowest plausible value (inclusive): overrides outside the range are refused.
    pub min: f64,
    /// Highest plausible value (inclusive).
    pub max: f64,
    /// Unit, as written in the docs table.
    pub unit: &'static str,
    /// The part of the model it belongs to.
    pub group: &'static str,
    /// Why the default is what it is (as written, with the doc comment's leading space: see
    /// [`ParamSpec::reason`]).
    pub doc: &'static str,
}

impl ParamSpec {
    /// Why the default is what it is.
    pub fn reason(&self) -> &'static str {
        self.doc.trim()
    }
}

macro_rules! model_params {
    ($( $group:literal { $( #[doc = $doc:literal] $name:ident : $default:expr, $min:expr, $max:expr, $unit:literal; )* } )*) => {
        /// Every constant of the model (see [`SPECS`] for each one's unit, range and reason).
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub struct ModelParams {
            $( $( #[doc = $doc] pub $name: f64, )* )*
        }

        impl Default for ModelParams {
            fn default() -> Self {
                Self { $( $( $name: $default, )* )* }
            }
        }

        /// Every constant's specification, in the order of the docs table.
        pub const SPECS: &[ParamSpec] = &[
            $( $( ParamSpec {
                name: stringify!($name),
                default: $default,
                min: $min,
                max: $max,
                unit: $unit,
                group: $group,
                doc: $doc,
            }, )* )*
        ];

        impl ModelParams {
            /// The value of the constant named `name`.
            pub fn get(&self, name: &str) -> Option<f64> {
                match name {
                    $( $( stringify!($name) => Some(self.$name), )* )*
                    _ => None,
                }
            }

            /// Sets the constant named `name`; false when there is none of that name.
            pub fn set(&mut self, name: &str, value: f64) -> bool {
                match name {
                    $( $( stringify!($name) => self.$name = value, )* )*
                    _ => return false,
                }
                true
            }
        }
    };
}

model_params! {
    "effort" {
        /// Softmax temperature of the effort choice as a share of the weekly fee: small, so the choice is nearly an arg-max but does not jump between the floor and full effort on a rounding difference.
        effort_temperature: 0.005, 0.001, 0.05, "share of fee";
        /// Weight of this client's renewal in the supplier's effort choice (times horizon, the square root of the client's share and the renewal urgency).
        renewal_weight: 2.0, 0.5, 5.0, "share of fee per unit of effort";
        /// Weeks over which renewal urgency builds: `exp(−weeks_to_term_end / renewal_scale)`, about a year, the time a supplier starts to court a renewal.
        renewal_scale: 52.0, 13.0, 104.0, "weeks";
        /// Goodwill: effort the supplier invests of its own accord, times its appreciation and trust (in a partnership it gives more than the contract asks).
        goodwill: 0.3, 0.0, 1.0, "share of fee per unit of effort";
        /// An early opt-out shortens the supplier's horizon by this times the share of the term the client may leave at will.
        opt_out_horizon_cut: 0.5, 0.0, 1.0, "share";
    }
    "service" {
        /// Best attainable share of requests in time: even full effort misses a few.
        sla_max: 0.97, 0.9, 1.0, "share";
        /// Share of `sla_max` reached at zero effort: even working by the book resolves many tickets in time.
        sla_base: 0.5, 0.2, 0.8, "share";
        /// Markup at which extra work gets full attention: any real margin on out-of-scope work makes it worth serving fast.
        extra_work_full_markup: 0.1, 0.02, 0.5, "share";
        /// Gaming gap with technical KPIs: `gaming · (1 − alignment)` between reported and felt service (green reports, unhappy users).
        gaming: 0.3, 0.1, 0.5, "share";
        /// Quality bonus from responsive extra work, times the out-of-scope share.
        extra_work_quality: 0.1, 0.0, 0.3, "share";
        /// How fast users' expectation drifts toward need and recent quality (half-life of about eight months).
        expectation_rate: 0.02, 0.005, 0.1, "per week";
        /// Weight of `need` in what expectation drifts toward (the rest is recent quality).
        expectation_need_weight: 0.7, 0.4, 0.9, "share";
        /// Share of the late tickets a supplier's report counts as in time when nobody checks (times `1 − control`): clocks stopped, priorities relabelled. Small enough that a flattered report earns at most a fifth of the full bonus at the default band.
        report_slack: 0.04, 0.0, 0.1, "share of late tickets";
        /// Control the client has without a manager (its own service desk sees some tickets); a role's operational control adds to it: `control = base + (1 − base) · role control`.
        control_base: 0.2, 0.0, 0.4, "share";
        /// Weekly chance, per unit of control, that a flattered report is caught: the bonus paid on it since the last catch is clawed back and the client counts it as a business incident.
        audit_rate: 0.1, 0.03, 0.2, "per week";
        /// How far back a caught flattering can be proved and clawed back: older flattered bonus fades from the claim at one part in this many a week (about a quarter).
        clawback_weeks: 13.0, 4.0, 52.0, "weeks";
        /// Size of the business incident a caught flattering is for the client.
        caught_magnitude: 0.3, 0.1, 0.5, "magnitude";
        /// Share of the extra-work markup an operational controller disputes away (times operational control): the Accountant scrutinises extra-work invoices.
        extra_work_scrutiny: 0.5, 0.0, 1.0, "share";
    }
    "appreciation" {
        /// Relaxation of appreciation toward its target: about three months to close two thirds of a gap.
        appreciation_rate: 0.08, 0.02, 0.2, "per week";
        /// Upward relaxation of experienced appreciation without a manager: incidents fester.
        experienced_up_base: 0.03, 0.005, 0.08, "per week";
        /// Extra upward relaxation of experienced appreciation per unit of the manager's service orientation.
        experienced_up_service: 0.07, 0.0, 0.15, "per week";
        /// Where experienced appreciation settles when service meets expectation and nothing happens: people who work together every day lean slightly positive.
        experienced_neutral: 0.6, 0.5, 0.7, "appreciation";
        /// Client experienced target: weight of quality minus expectation.
        k_client_experienced: 0.8, 0.3, 1.5, "appreciation per unit";
        /// Experienced targets: weight of the party's trust (minus 0.5).
        k_trust_in_experienced: 0.3, 0.0, 0.6, "appreciation per unit";
        /// Client business target: weight of attainment minus target.
        k_attainment: 0.4, 0.1, 1.0, "appreciation per unit";
        /// Client business target: weight of alignment (minus 0.5).
        k_alignment: 0.2, 0.0, 0.5, "appreciation per unit";
        /// Client business target: weight of the price against the market, times budget pressure.
        k_price: 1.0, 0.3, 2.0, "appreciation per unit";
        /// Supplier business target: weight of margin rate minus a normal margin.
        k_margin: 1.0, 0.3, 2.0, "appreciation per unit";
        /// A normal margin rate for a service provider.
        normal_margin: 0.08, 0.02, 0.15, "share of revenue";
        /// Supplier experienced target: weight of the client's volatility (changing wishes wear people out).
        k_volatility: 0.4, 0.1, 0.8, "appreciation per unit";
        /// Share of the volatility effect left under business KPIs (a statement of objectives absorbs changing wishes).
        volatility_with_objectives: 0.5, 0.2, 1.0, "share";
        /// Each party's appreciation of the other at the start of a contract: a fresh deal is liked a little.
        initial_appreciation: 0.6, 0.5, 0.7, "appreciation";
    }
    "incidents" {
        /// Size of an incident's shock on appreciation per unit of magnitude.
        shock: 0.5, 0.2, 1.0, "appreciation per unit";
        /// A positive interpersonal incident's shock on experienced appreciation as a share of a negative one's: bad is felt more strongly than good (and so lasts longer in trust).
        positive_shock: 0.5, 0.3, 0.8, "share";
        /// Trust's buffer: a negative shock lands as `m · (1 − trust_buffer · trust)`.
        trust_buffer: 0.5, 0.0, 0.8, "share";
        /// Damping of negative interpersonal shocks by service orientation.
        service_damping: 0.5, 0.0, 0.8, "share";
        /// Alignment shock of an external incident per unit of magnitude.
        alignment_shock: 0.6, 0.2, 1.0, "share per unit";
        /// Damping of external shocks by business orientation.
        business_damping: 0.5, 0.0, 0.8, "share";
        /// Business pressure added per unit of (buffered) magnitude of a business incident.
        pressure: 0.4, 0.1, 0.8, "appreciation per unit";
        /// Smallest size of a random incident.
        random_magnitude_min: 0.1, 0.02, 0.3, "magnitude";
        /// Largest size of a random incident.
        random_magnitude_max: 0.6, 0.4, 0.9, "magnitude";
        /// Probability that a random external incident is negative.
        external_negative: 0.6, 0.3, 0.8, "probability";
        /// Probability that a random interpersonal incident is negative at perfect culture fit (more with a poorer fit).
        interpersonal_negative_base: 0.25, 0.1, 0.4, "probability";
        /// Extra probability of a negative interpersonal incident per unit of culture misfit.
        interpersonal_negative_misfit: 0.5, 0.2, 0.6, "probability";
        /// Probability that a random business incident is negative with service on target and goals aligned.
        business_negative_base: 0.3, 0.1, 0.45, "probability";
        /// Extra probability of a negative business incident at the full SLA shortfall (0.3 below target).
        business_negative_shortfall: 0.4, 0.1, 0.5, "probability";
        /// Extra probability of a negative business incident per unit of misalignment.
        business_negative_misaligned: 0.3, 0.1, 0.5, "probability";
        /// Weekly return of the client's switching cost toward where it started: an attractive offer expires, a cheaper market settles (about a year).
        switching_recovery: 0.02, 0.005, 0.05, "per week";
        /// A market price change on the client moves the market fee by this share per unit of magnitude (down when negative: the client sees cheaper alternatives).
        market_shock: 0.3, 0.1, 0.5, "share per unit";
        /// A budget cut, new management or a reorganisation on the client raises its budget pressure by this much per unit of magnitude (lowers it when positive).
        budget_shock: 0.3, 0.1, 0.5, "pressure per unit";
        /// Weekly return of the client's budget pressure toward where it started (a budget round lasts about two years).
        budget_recovery: 0.01, 0.003, 0.03, "per week";
        /// Cut in the client's switching cost per unit of a negative "lower switching costs" or "more attractive offer" incident.
        switching_shock: 0.5, 0.2, 1.0, "share per unit";
        /// Incident size that opens a crisis by itself (besides leaving the bounds): each party may apologise once per crisis.
        crisis_magnitude: 0.7, 0.5, 0.9, "magnitude";
    }
    "trust" {
        /// Trust gain per unit of positive experience, times the level factor `trust · (1 − trust)`: a sixth of the loss.
        trust_gain: 1.0 / 6.0, 0.05, 0.3, "per unit";
        /// Trust loss per unit of negative experience, times the same level factor (trust leaves on horseback).
        trust_loss: 1.0, 0.5, 2.0, "per unit";
        /// A negative business incident's trust loss as a share of an interpersonal one's of the same size.
        business_trust_loss: 0.3, 0.1, 0.6, "share";
        /// Magnitude above which a negative incident leaves a scar on the trust ceiling.
        scar_threshold: 0.5, 0.3, 0.8, "magnitude";
        /// Ceiling drop per unit of magnitude above the threshold.
        scar: 0.6, 0.2, 1.0, "trust per unit";
        /// Weekly trust drift up per unit of experienced appreciation above 0.5, times the level factor.
        trust_drift_up: 0.033, 0.01, 0.06, "per week";
        /// Weekly trust drift down per unit of experienced appreciation below 0.5, times the level factor.
        trust_drift_down: 0.05, 0.02, 0.1, "per week";
    }
    "alignment" {
        /// Alignment at the start of a contract: the parties agreed on its goals.
        initial_alignment: 0.8, 0.6, 0.95, "alignment";
        /// Slow weekly decay of alignment by itself (goals drift apart a little even in a quiet world; external changes do most of the drifting).
        alignment_decay: 0.001, 0.0, 0.005, "per week";
        /// Weekly restoration of alignment by culture fit (times `1 − alignment`).
        alignment_culture: 0.002, 0.0, 0.01, "per week";
        /// Weekly restoration of alignment by the manager's business orientation (times `1 − alignment`).
        alignment_restore: 0.03, 0.005, 0.08, "per week";
        /// Business pressure decay's base rate.
        pressure_decay_base: 0.02, 0.005, 0.05, "per week";
        /// Business pressure decay's part that grows with alignment squared: aligned parties solve business incidents.
        pressure_decay_aligned: 0.3, 0.1, 0.5, "per week";
        /// A strategy session's alignment gain (times `1 − alignment`) without a business-minded manager.
        realign_base: 0.15, 0.05, 0.3, "share";
        /// A strategy session's extra alignment gain per unit of business orientation.
        realign_business: 0.25, 0.05, 0.4, "share";
    }
    "repair" {
        /// The client's initial cost of switching supplier (0..=1), lowered by market incidents.
        client_switching: 0.6, 0.3, 0.9, "share";
        /// Will: weight of the party's appreciation.
        will_appreciation: 0.35, 0.2, 0.5, "weight";
        /// Will: weight of the party's trust.
        will_trust: 0.35, 0.2, 0.5, "weight";
        /// Will: weight of the party's cost of switching.
        will_switching: 0.3, 0.15, 0.45, "weight";
        /// Will a party needs to take part in a repair or renegotiation.
        will_threshold: 0.4, 0.3, 0.5, "will";
        /// Half-width of the band around the threshold over which a repair's effect grows from nothing to full with the lower of the two parties' wills: no cliff where 0.01 of trust decides success or failure.
        will_width: 0.05, 0.03, 0.1, "will";
        /// Will a mediator adds to each party.
        mediator_will: 0.2, 0.05, 0.3, "will";
        /// Trust gain of the first sincere apology (times the gap to the ceiling).
        apology_gain: 0.15, 0.05, 0.3, "share";
        /// Trust loss of an insincere apology (times trust).
        insincere_loss: 0.1, 0.03, 0.2, "share";
        /// Ceiling drop when the erring party blames others.
        blame_scar: 0.15, 0.05, 0.3, "trust";
        /// Trust gain of an honest explanation (times the gap to the healed ceiling).
        explain_gain: 0.05, 0.01, 0.1, "share";
        /// Most business appreciation compensation can buy.
        compensation_max: 0.3, 0.1, 0.5, "appreciation";
        /// Compensation that buys about two thirds of its effect (`1 − exp(−compensation / (scale · fee))`).
        compensation_scale_weeks: 2.0, 0.5, 4.0, "weeks of fee";
        /// Most trust gain of a correction (times the gap to the ceiling).
        correct_gain: 0.1, 0.03, 0.2, "share";
        /// Weekly trust growth during patience (times the gap to the ceiling).
        patience_rate: 0.03, 0.01, 0.06, "per week";
        /// Patience without the other steps grows trust at this share of the full patience rate: patience works when the harmed party sees the will to repair.
        patience_base: 0.25, 0.1, 0.5, "share";
        /// Spacing of the reminders after a repair without silence: the first at half of it, then every interval (4, 12, 20 weeks).
        reminder_interval: 8.0, 4.0, 16.0, "weeks";
        /// Size of such a reminder.
        reminder_magnitude: 0.15, 0.05, 0.3, "magnitude";
    }
    "costs" {
        /// The repair process per party, in weeks of fee.
        repair_cost_weeks: 0.25, 0.1, 0.5, "weeks of fee";
        /// A mediator's fee, split between the parties.
        mediator_cost_weeks: 1.0, 0.5, 2.0, "weeks of fee";
        /// A renegotiation's cost to the client.
        negotiation_cost_weeks: 0.5, 0.2, 1.0, "weeks of fee";
        /// A strategy session's cost to the client.
        realign_cost_weeks: 0.25, 0.1, 0.5, "weeks of fee";
        /// Transition to another supplier: about two months of fee in handover, double running and learning.
        transition_cost_weeks: 8.0, 4.0, 16.0, "weeks of fee";
        /// A legal fight when termination follows escalation without mediation (lawyers, managers' time, a year's worth of friction).
        legal_cost_weeks: 12.0, 6.0, 24.0, "weeks of fee";
        /// A successful mediated repair or renegotiation keeps a later termination out of court for this long.
        mediation_memory_weeks: 52.0, 26.0, 104.0, "weeks";
        /// Fixed part of a Butler's weekly cost (a service coordinator); with its share of the fee, 1.0 k€ at a fee of 20.
        cost_butler: 0.5, 0.2, 1.5, "k€ per week";
        /// A Butler's cost that scales with the contract, as a share of the fee (a larger contract needs more of her).
        cost_butler_share: 0.025, 0.01, 0.05, "share of fee";
        /// Fixed part of an Accountant's weekly cost (a contract and performance controller: routine reporting work, the cheapest role); 0.95 k€ at a fee of 20.
        cost_accountant: 0.45, 0.2, 1.5, "k€ per week";
        /// An Accountant's cost that scales with the contract, as a share of the fee.
        cost_accountant_share: 0.025, 0.01, 0.06, "share of fee";
        /// Fixed part of a Nanny's weekly cost (a senior business strategist); 2.0 k€ at a fee of 20.
        cost_nanny: 1.0, 0.3, 2.0, "k€ per week";
        /// A Nanny's cost that scales with the contract, as a share of the fee.
        cost_nanny_share: 0.05, 0.02, 0.1, "share of fee";
        /// Fixed part of a Representative's weekly cost (a senior manager with service and business mandate, the dearest); 3.0 k€ at a fee of 20.
        cost_representative: 1.0, 0.4, 2.5, "k€ per week";
        /// A Representative's cost that scales with the contract, as a share of the fee.
        cost_representative_share: 0.1, 0.05, 0.2, "share of fee";
    }
    "roles" {
        /// Butler's service orientation.
        butler_service: 0.9, 0.6, 1.0, "orientation";
        /// Butler's business orientation.
        butler_business: 0.2, 0.0, 0.4, "orientation";
        /// Butler's operational control.
        butler_control: 0.2, 0.0, 0.4, "orientation";
        /// Accountant's service orientation.
        accountant_service: 0.2, 0.0, 0.4, "orientation";
        /// Accountant's business orientation.
        accountant_business: 0.2, 0.0, 0.4, "orientation";
        /// Accountant's operational control.
        accountant_control: 0.9, 0.6, 1.0, "orientation";
        /// Representative's service orientation.
        representative_service: 0.9, 0.6, 1.0, "orientation";
        /// Representative's business orientation.
        representative_business: 0.9, 0.6, 1.0, "orientation";
        /// Representative's operational control: low, "no good performance manager".
        representative_control: 0.2, 0.0, 0.4, "orientation";
        /// Nanny's service orientation.
        nanny_service: 0.2, 0.0, 0.4, "orientation";
        /// Nanny's business orientation.
        nanny_business: 0.9, 0.6, 1.0, "orientation";
        /// Nanny's operational control: middle.
        nanny_control: 0.5, 0.3, 0.7, "orientation";
        /// Quality users feel per unit of effort and of the manager's service orientation: requirements, priorities and expectations managed, so the supplier's effort lands where users notice it.
        service_quality: 0.04, 0.01, 0.1, "quality per unit";
    }
    "status" {
        /// Weeks inside the bounds before a supplier relationship becomes a partnership again (half a year of good behaviour).
        partnership_rebuild_weeks: 26.0, 13.0, 52.0, "weeks";
        /// Trust both parties need to rebuild a partnership.
        partnership_trust: 0.6, 0.45, 0.75, "trust";
        /// Alignment needed to rebuild a partnership.
        partnership_alignment: 0.7, 0.5, 0.85, "alignment";
        /// Trust both parties need to climb out of escalation.
        recovery_trust: 0.4, 0.3, 0.55, "trust";
        /// Weeks of unresolved escalation before termination.
        escalation_limit: 26.0, 13.0, 52.0, "weeks";
        /// Drop of the relationship line below `critical_lower` at which a supplier relationship escalates at once.
        deep_drop: 0.15, 0.05, 0.25, "appreciation";
        /// Client appreciation needed to renew at the end of the term.
        renewal_appreciation: 0.45, 0.35, 0.55, "appreciation";
    }
    "price and value" {
        /// Net value: the share of `value_per_week` that does not depend on alignment; the rest scales with alignment (service aimed at goals the business no longer has is worth less).
        value_alignment_floor: 0.75, 0.5, 0.95, "share";
        /// Net value lost per unit of the client's unresolved business pressure (delays and shortfalls hurt the business until they are resolved).
        value_pressure: 0.5, 0.2, 1.0, "share per unit";
        /// Share of `value_per_week` the client gets from the market after leaving: a new supplier that works by the book and does not yet know the business.
        market_service: 0.5, 0.3, 0.7, "share";
        /// Effort of the market's by-the-book service: what the market fee buys (the SLA it delivers is the market's standard level).
        market_effort: 0.3, 0.1, 0.5, "effort";
        /// What the market charges for service above its standard level: this share of the market fee more per unit of SLA (0.3 points of SLA above standard cost 30 % more).
        market_quality_premium: 1.0, 0.5, 2.0, "share of fee per unit of SLA";
        /// The markup the market charges on extra work: paying it is paying the market price.
        market_markup: 0.3, 0.1, 0.5, "share";
        /// Share of the service's value a negative interpersonal incident costs per unit of its (damped) size while unresolved: misunderstandings, rework, work that waits.
        friction: 0.35, 0.2, 0.8, "share of value per unit";
        /// Weekly resolution of friction without a manager.
        friction_decay_base: 0.05, 0.02, 0.1, "per week";
        /// Extra weekly resolution of friction per unit of the manager's service orientation: a service-minded manager smooths things over.
        friction_decay_service: 0.25, 0.1, 0.4, "per week";
        /// Renegotiation: weeks over which the client spreads the one-off cost of switching when it compares new terms with walking away.
        walk_away_weeks: 52.0, 26.0, 104.0, "weeks";
        /// The supplier's reservation margin per week as a share of the fee: what it needs to go on. A normal margin, i.e. zero economic profit: below it its people and capital earn more elsewhere.
        supplier_reservation: 0.08, 0.0, 0.15, "share of fee";
        /// The supplier's outside option: the share of the market's margin (the market fee less its own cost of the market's by-the-book service) its people would earn serving others instead. Its reservation is the larger of this and a normal margin, so a fee far below the market squeezes it even when the fee covers its cost.
        outside_option: 0.5, 0.3, 0.8, "share of market margin";
        /// Share of the room between what a squeezed supplier needs and the most its locked-in client would pay that it asks for.
        ask_share: 0.5, 0.25, 0.75, "share";
        /// How hard being squeezed below its reservation hits the supplier: an unfair-treatment incident of this times the shortfall as a share of the fee.
        squeeze_grievance: 3.0, 1.0, 5.0, "magnitude per share of fee";
        /// How fast the supplier's outlook of its weekly margin follows the margin it makes (about a quarter to judge a change).
        outlook_rate: 0.08, 0.03, 0.2, "per week";
        /// A supplier at a loss asks for a higher fee at most this often.
        ask_interval_weeks: 13.0, 4.0, 26.0, "weeks";
        /// The client's renewal bar rises by this much per unit its cost of switching has fallen below where it started (a more attractive offer makes leaving likelier).
        renewal_alternative: 0.3, 0.1, 0.6, "appreciation per unit";
    }
    "euphoria" {
        /// Per unit of the client's appreciation above the upper bound, expectation rises by this much per week (the next disappointment hurts more).
        euphoria_expectation: 0.1, 0.02, 0.2, "per week";
        /// A supplier whose appreciation is at the top spends this share of the fee a week beyond what pays.
        overdelivery_cost: 0.15, 0.05, 0.3, "share of fee";
        /// … and adds this much to quality.
        overdelivery_quality: 0.05, 0.01, 0.1, "quality";
    }
}

/// A scenario's overrides of the model's constants: name → value, validated against [`SPECS`].
/// Missing names keep their defaults, so old files and links load unchanged.
pub type Overrides = BTreeMap<String, f64>;

impl ModelParams {
    /// The defaults with `overrides` applied (assumed validated; unknown names are ignored).
    pub fn with(overrides: &Overrides) -> Self {
        let mut p = Self::default();
        for (name, v) in overrides {
            p.set(name, *v);
        }
        p
    }

    /// Each constant's value, in the order of [`SPECS`].
    pub fn values(&self) -> Vec<(&'static ParamSpec, f64)> {
        SPECS
            .iter()
            .map(|s| (s, self.get(s.name).unwrap_or(s.default)))
            .collect()
    }

    /// The overrides that turn the defaults into `self` (only the constants that differ).
    pub fn overrides(&self) -> Overrides {
        self.values()
            .into_iter()
            .filter(|(s, v)| v.to_bits() != s.default.to_bits())
            .map(|(s, v)| (s.name.to_string(), v))
            .collect()
    }

    /// A whole number of weeks from a constant in weeks (at least 1).
    pub fn weeks(v: f64) -> u32 {
        v.round().max(1.0) as u32
    }

    /// The weeks after a repair without silence at which the past is raised again.
    pub fn reminder_offsets(&self) -> [u32; 3] {
        let i = self.reminder_interval;
        [
            Self::weeks(i / 2.0),
            Self::weeks(1.5 * i),
            Self::weeks(2.5 * i),
        ]
    }
}

/// The constants as a Markdown table (group, name, default, range, unit, reason): the table in
/// `docs/model.md`, which a test keeps equal to this.
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| group | constant | default | plausible range | unit | why this default |\n\
         |---|---|---|---|---|---|\n",
    );
    for s in SPECS {
        out.push_str(&format!(
            "| {} | `{}` | {} | {}..={} | {} | {} |\n",
            s.group,
            s.name,
            short(s.default),
            short(s.min),
            short(s.max),
            s.unit,
            s.reason().replace('|', "\\|")
        ));
    }
    out
}

/// A number as short as it reads exactly enough for a table (1/6 as 0.1667).
fn short(v: f64) -> String {
    let t = format!("{v}");
    if t.len() > 8 {
        format!("{v:.4}")
    } else {
        t
    }
}

/// The spec of the constant named `name`.
pub fn spec(name: &str) -> Option<&'static ParamSpec> {
    SPECS.iter().find(|s| s.name == name)
}

/// Checks overrides: every name known, every value finite and within its range, and the pairs
/// that must stay ordered. Returns (name, message) of the first fault.
pub fn check(overrides: &Overrides) -> Result<(), (String, String)> {
    for (name, v) in overrides {
        let Some(s) = spec(name) else {
            return Err((
                name.clone(),
                format!("unknown model constant `{name}` (`relsim params` lists them)"),
            ));
        };
        if !v.is_finite() || *v < s.min || *v > s.max {
            return Err((
                name.clone(),
                format!(
                    "{v} is outside the allowed range {}..={} ({})",
                    s.min, s.max, s.unit
                ),
            ));
        }
    }
    let p = ModelParams::with(overrides);
    if p.random_magnitude_min >= p.random_magnitude_max {
        return Err((
            "random_magnitude_min".into(),
            format!(
                "must be below random_magnitude_max ({}), got {}",
                p.random_magnitude_max, p.random_magnitude_min
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_lies_in_its_range_and_names_are_unique() {
        for s in SPECS {
            assert!(s.min <= s.default && s.default <= s.max, "{}", s.name);
            assert!(!s.reason().is_empty(), "{}", s.name);
            assert_eq!(SPECS.iter().filter(|t| t.name == s.name).count(), 1);
        }
        assert_eq!(ModelParams::default().overrides(), Overrides::new());
    }

    #[test]
    fn overrides_round_trip_and_bad_ones_are_named() {
        let mut o = Overrides::new();
        o.insert("gaming".into(), 0.2);
        assert!(check(&o).is_ok());
        assert_eq!(ModelParams::with(&o).overrides(), o);
        o.insert("gaming".into(), 0.9);
        let (name, msg) = check(&o).unwrap_err();
        assert_eq!(name, "gaming");
        assert!(msg.contains("allowed range 0.1..=0.5"), "{msg}");
        let mut o = Overrides::new();
        o.insert("nope".into(), 1.0);
        assert!(check(&o).unwrap_err().1.contains("unknown"));
    }

    #[test]
    fn reminders_fall_where_version_2_put_them() {
        assert_eq!(ModelParams::default().reminder_offsets(), [4, 12, 20]);
    }
}
