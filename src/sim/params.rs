//! The model's constants, in one place so that `docs/model.md` can list them and calibration has
//! one file to touch. Rates are per week; appreciation, trust and alignment live in 0..=1.

/// Effort grid: points from `min_effort` to 1 the supplier chooses among.
pub const EFFORT_GRID: usize = 21;
/// Softmax temperature as a share of the weekly fee: small, so the choice is nearly an arg-max
/// but does not jump between the floor and full effort on a rounding difference.
pub const EFFORT_TEMPERATURE: f64 = 0.005;
/// Best attainable share of requests in time.
pub const SLA_MAX: f64 = 0.97;
/// Share of `SLA_MAX` reached at zero effort: even "by the book" resolves many tickets in time.
pub const SLA_BASE: f64 = 0.5;
/// Weight of this client's renewal in the supplier's effort choice (times horizon and urgency).
pub const RENEWAL_WEIGHT: f64 = 2.0;
/// Weeks over which renewal urgency builds (`exp(-weeks_to_term_end / RENEWAL_SCALE)`).
pub const RENEWAL_SCALE: f64 = 52.0;
/// Goodwill: effort the supplier invests of its own accord, times its appreciation and trust.
pub const GOODWILL: f64 = 0.3;
/// Markup at which extra work gets full attention.
pub const EXTRA_WORK_FULL_MARKUP: f64 = 0.1;

/// Gaming gap with technical KPIs: `GAMING · (1 − alignment)` between reported and felt service.
pub const GAMING: f64 = 0.3;
/// Quality bonus from responsive extra work, times the out-of-scope share.
pub const EXTRA_WORK_QUALITY: f64 = 0.1;
/// How fast users' expectation drifts.
pub const EXPECTATION_RATE: f64 = 0.02;
/// Weight of `need` in what expectation drifts toward (the rest is recent quality).
pub const EXPECTATION_NEED_WEIGHT: f64 = 0.7;

/// Relaxation of appreciation toward its target.
pub const APPRECIATION_RATE: f64 = 0.08;
/// Upward relaxation of experienced appreciation without a manager (incidents fester) …
pub const EXPERIENCED_UP_BASE: f64 = 0.03;
/// … plus this times the manager's service orientation.
pub const EXPERIENCED_UP_SERVICE: f64 = 0.07;
/// Where experienced appreciation settles when service meets expectation and nothing happens:
/// people who work together every day lean slightly positive.
pub const EXPERIENCED_NEUTRAL: f64 = 0.6;
/// Client experienced target: weight of quality minus expectation.
pub const K_CLIENT_EXPERIENCED: f64 = 0.8;
/// Experienced targets: weight of the party's trust (minus 0.5).
pub const K_TRUST_IN_EXPERIENCED: f64 = 0.3;
/// Client business target: weight of attainment minus target.
pub const K_ATTAINMENT: f64 = 0.4;
/// Client business target: weight of cost above the fee (times budget pressure).
pub const K_COST: f64 = 1.0;
/// Client business target: weight of alignment (minus 0.5).
pub const K_ALIGNMENT: f64 = 0.2;
/// Supplier business target: weight of margin rate minus a normal margin.
pub const K_MARGIN: f64 = 1.0;
/// A normal margin rate.
pub const NORMAL_MARGIN: f64 = 0.08;
/// Supplier experienced target: weight of the client's volatility.
pub const K_VOLATILITY: f64 = 0.4;
/// Share of the volatility effect left under business KPIs (statement of objectives).
pub const VOLATILITY_WITH_OBJECTIVES: f64 = 0.5;

/// Size of an incident's shock on appreciation per unit of magnitude.
pub const SHOCK: f64 = 0.5;
/// Trust's buffer: a negative shock lands as `m · (1 − TRUST_BUFFER · trust)`.
pub const TRUST_BUFFER: f64 = 0.5;
/// Damping of negative interpersonal shocks by service orientation.
pub const SERVICE_DAMPING: f64 = 0.5;
/// Trust gain per unit of positive experience, times the trust level factor `trust · (1 − trust)`
/// (version 2: the same factor both ways, so the asymmetry holds at every trust level).
pub const TRUST_GAIN: f64 = 1.0 / 6.0;
/// Trust loss per unit of negative experience, times the same level factor: six times the gain,
/// so that even a Butler's damping of negative interpersonal shocks (× 0.55) leaves it more than
/// three times the gain. At trust 0.6 both equal version 1's moves (0.24 m and 0.04 m).
pub const TRUST_LOSS: f64 = 1.0;
/// Magnitude above which a negative incident leaves a scar on the trust ceiling.
pub const SCAR_THRESHOLD: f64 = 0.5;
/// Ceiling drop per unit of magnitude above the threshold.
pub const SCAR: f64 = 0.6;
/// Weekly trust drift up per unit of experienced appreciation above 0.5, times the level factor
/// `trust · (1 − trust)` (at trust 0.6 it equals version 1's `0.02 · (1 − trust)`).
pub const TRUST_DRIFT_UP: f64 = 0.033;
/// Weekly trust drift down per unit below 0.5, times the same factor (version 1's `0.02 · trust`
/// at trust 0.6).
pub const TRUST_DRIFT_DOWN: f64 = 0.05;

/// Alignment shock of an external incident per unit of magnitude.
pub const ALIGNMENT_SHOCK: f64 = 0.6;
/// Damping of external shocks by business orientation.
pub const BUSINESS_DAMPING: f64 = 0.5;
/// Slow weekly decay of alignment by itself.
pub const ALIGNMENT_DECAY: f64 = 0.002;
/// Weekly restoration of alignment by culture fit (times `1 − alignment`).
pub const ALIGNMENT_CULTURE: f64 = 0.002;
/// Weekly restoration of alignment by the manager's business orientation.
pub const ALIGNMENT_RESTORE: f64 = 0.03;
/// Business pressure added per unit of (buffered) magnitude of a business incident.
pub const PRESSURE: f64 = 0.4;
/// Business pressure decay: `PRESSURE_DECAY_BASE + PRESSURE_DECAY_ALIGNED · alignment²` …
pub const PRESSURE_DECAY_BASE: f64 = 0.02;
/// … the aligned part …
pub const PRESSURE_DECAY_ALIGNED: f64 = 0.3;
// … times (1 + operational control).

/// Client's initial cost of switching supplier (0..=1), lowered by market incidents.
pub const CLIENT_SWITCHING: f64 = 0.6;
/// Will: weights of appreciation, trust and switching cost.
pub const WILL_WEIGHTS: (f64, f64, f64) = (0.35, 0.35, 0.3);
/// Will a party needs to take part in a repair or renegotiation.
pub const WILL_THRESHOLD: f64 = 0.4;
/// Will a mediator adds to each party.
pub const MEDIATOR_WILL: f64 = 0.15;
/// Trust gain of the first sincere apology (times the gap to the ceiling).
pub const APOLOGY_GAIN: f64 = 0.15;
/// Trust loss of an insincere apology (times trust).
pub const INSINCERE_LOSS: f64 = 0.1;
/// Ceiling drop when the erring party blames others.
pub const BLAME_SCAR: f64 = 0.15;
/// Most business appreciation compensation can buy.
pub const COMPENSATION_MAX: f64 = 0.3;
/// Weekly trust growth during patience (times the gap to the ceiling).
pub const PATIENCE_RATE: f64 = 0.03;
/// Weeks after a repair without silence at which the past is raised again.
pub const REMINDER_OFFSETS: [u32; 3] = [4, 12, 20];
/// Size of such a reminder.
pub const REMINDER_MAGNITUDE: f64 = 0.15;
/// A realignment session: alignment gain (times `1 − alignment`) …
pub const REALIGN_BASE: f64 = 0.15;
/// … plus this times business orientation.
pub const REALIGN_BUSINESS: f64 = 0.25;

/// Costs in weeks of fee: the repair process per party, a mediator, a negotiation, a strategy
/// session, switching to another supplier, and a legal fight.
pub const REPAIR_COST_WEEKS: f64 = 0.25;
/// Mediator's fee, split between the parties.
pub const MEDIATOR_COST_WEEKS: f64 = 1.0;
/// A renegotiation's cost to the client.
pub const NEGOTIATION_COST_WEEKS: f64 = 0.5;
/// A strategy session's cost to the client.
pub const REALIGN_COST_WEEKS: f64 = 0.25;
/// Transition to another supplier.
pub const TRANSITION_COST_WEEKS: f64 = 8.0;
/// A legal fight when termination follows escalation without mediation.
pub const LEGAL_COST_WEEKS: f64 = 12.0;
/// A successful mediated repair or renegotiation keeps a later termination out of court for
/// this many weeks.
pub const MEDIATION_MEMORY_WEEKS: u32 = 52;

/// Weeks inside the bounds before a supplier relationship becomes a partnership again.
pub const PARTNERSHIP_REBUILD_WEEKS: u32 = 26;
/// Trust both parties need to rebuild a partnership.
pub const PARTNERSHIP_TRUST: f64 = 0.6;
/// Alignment needed to rebuild a partnership.
pub const PARTNERSHIP_ALIGNMENT: f64 = 0.7;
/// Trust both parties need to climb out of escalation.
pub const RECOVERY_TRUST: f64 = 0.4;
/// Weeks of escalation before termination.
pub const ESCALATION_LIMIT: u32 = 26;
/// Drop below `critical_lower` at which a supplier relationship escalates at once.
pub const DEEP_DROP: f64 = 0.15;
/// An early opt-out shortens the supplier's horizon: the horizon is cut by this times the share
/// of the term the client may leave at will (`1 − opt_out_week / term_weeks`).
pub const OPT_OUT_HORIZON_CUT: f64 = 0.5;
/// Client appreciation needed to renew at the end of the term.
pub const RENEWAL_APPRECIATION: f64 = 0.45;
/// Relationship type split on the client's two appreciations.
pub const TYPE_SPLIT: f64 = 0.5;

/// Random incidents: magnitude range.
pub const RANDOM_MAGNITUDE: (f64, f64) = (0.1, 0.6);
/// Probability that a random external incident is negative.
pub const EXTERNAL_NEGATIVE: f64 = 0.6;

// ---- Version 2 (MODEL.md section 12) ----

/// Client business target: weight of the price against the market,
/// `(fee + manager) / market_fee − 1`, times budget pressure. The price judged is the agreed
/// fee, not the week's payment: a malus refunds poor service and a bonus pays for good service,
/// so neither makes worse service more liked.
pub const K_PRICE: f64 = 1.0;
/// Net value: the share of `value_per_week` that does not depend on alignment; the rest scales
/// with alignment (service aimed at goals the business no longer has is worth less).
pub const VALUE_ALIGNMENT_FLOOR: f64 = 0.7;
/// Net value: value lost per unit of the client's unresolved business pressure (delays,
/// shortfalls hurt the business until they are resolved).
pub const VALUE_PRESSURE: f64 = 0.5;
/// Share of `value_per_week` the client gets from the market after leaving: a new supplier that
/// works by the book and does not yet know the business, bought at the market fee.
pub const MARKET_SERVICE: f64 = 0.5;

/// How far a supplier's own SLA report rounds up when nobody checks it (times `1 − operational
/// control`): without performance management the client pays bonuses on green reports.
pub const REPORT_SLACK: f64 = 0.1;
/// Share of the extra-work markup an operational controller disputes away (times operational
/// control): the Accountant scrutinises extra-work invoices.
pub const EXTRA_WORK_SCRUTINY: f64 = 0.5;

/// Default weekly cost of each role (k€). A Butler is a service coordinator; an Accountant a
/// contract and performance controller; a Nanny a senior business strategist; a Representative
/// a senior manager with both service and business mandate, the dearest.
pub const COST_BUTLER: f64 = 1.0;
/// See [`COST_BUTLER`].
pub const COST_ACCOUNTANT: f64 = 1.2;
/// See [`COST_BUTLER`].
pub const COST_NANNY: f64 = 1.8;
/// See [`COST_BUTLER`].
pub const COST_REPRESENTATIVE: f64 = 3.0;

/// Euphoria: per unit of the client's appreciation above the upper bound, expectation rises by
/// this much per week (the next disappointment hurts more).
pub const EUPHORIA_EXPECTATION: f64 = 0.1;
/// Euphoria: a supplier whose appreciation is above the upper bound over-delivers; at the
/// extreme (appreciation 1) it spends this share of the fee a week beyond what pays …
pub const OVERDELIVERY_COST: f64 = 0.15;
/// … and adds this much to quality.
pub const OVERDELIVERY_QUALITY: f64 = 0.05;

/// Incident size that opens a crisis by itself (besides leaving the bounds): each party may
/// apologise once per crisis.
pub const CRISIS_MAGNITUDE: f64 = 0.7;
/// Trust gain of an honest explanation (times the gap to the healed ceiling).
pub const EXPLAIN_GAIN: f64 = 0.05;
/// Most trust gain of a correction (times the gap to the ceiling; saturating in compensation
/// like its business effect).
pub const CORRECT_GAIN: f64 = 0.1;
/// Patience without the other steps grows trust at this share of the full patience rate; each of
/// a sincere apology, an honest explanation and a correction adds a third of the rest: patience
/// works when the harmed party sees the will to repair.
pub const PATIENCE_BASE: f64 = 0.25;

/// Renegotiation: weeks over which the client spreads the one-off cost of switching when it
/// compares new terms with walking away (at least this, at most the rest of the term).
pub const WALK_AWAY_WEEKS: f64 = 52.0;
/// Renegotiation: the supplier's reservation margin per week as a share of the fee (walking away
/// earns nothing from this client).
pub const SUPPLIER_RESERVATION: f64 = 0.0;
