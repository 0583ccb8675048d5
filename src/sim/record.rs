//! What a week leaves behind: the recorded row, its events, and the recorders that keep them.

use serde::Serialize;

use super::incident::{Incident, Party};

/// The relationship's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Inside the bounds: the parties work as partners.
    Partnership,
    /// Degraded to a plain supplier relationship.
    Supplier,
    /// Escalated: the contract is at stake.
    Escalation,
    /// The client left before the end of the term.
    Terminated,
    /// The contract was not renewed at the end of its term.
    Ended,
}

impl Status {
    /// All statuses, in display order.
    pub const ALL: [Status; 5] = [
        Status::Partnership,
        Status::Supplier,
        Status::Escalation,
        Status::Terminated,
        Status::Ended,
    ];

    /// Whether the contract is over.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Terminated | Status::Ended)
    }

    /// Index into [`Status::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The identifier used in output.
    pub fn id(self) -> &'static str {
        match self {
            Status::Partnership => "partnership",
            Status::Supplier => "supplier",
            Status::Escalation => "escalation",
            Status::Terminated => "terminated",
            Status::Ended => "ended",
        }
    }
}

/// The relationship type read from the relationship's experienced × business appreciation (each
/// the mean of both parties', as the relationship line is), each high or low against the
/// critical lower bound — the line the status is read against too, so that the type rarely
/// contradicts the status (version 3: a relationship in partnership status is not
/// "adversarial", and seldom "businesslike"). The type "close" was called "partnership" before version 3: one word for two
/// things, the status and the type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationshipType {
    /// Both high: a close relationship.
    Close,
    /// Business high, experienced low.
    Businesslike,
    /// Experienced high, business low.
    Comfortable,
    /// Both low.
    Adversarial,
}

impl RelationshipType {
    /// Every type, in the order of the 2×2 grid's reading (both high first).
    pub const ALL: [RelationshipType; 4] = [
        RelationshipType::Close,
        RelationshipType::Businesslike,
        RelationshipType::Comfortable,
        RelationshipType::Adversarial,
    ];

    /// Classifies by the relationship's experienced and business appreciation against `split` (the
    /// scenario's critical lower bound).
    pub fn classify(experienced: f64, business: f64, split: f64) -> Self {
        match (experienced >= split, business >= split) {
            (true, true) => RelationshipType::Close,
            (false, true) => RelationshipType::Businesslike,
            (true, false) => RelationshipType::Comfortable,
            (false, false) => RelationshipType::Adversarial,
        }
    }

    /// The identifier used in output.
    pub fn id(self) -> &'static str {
        match self {
            RelationshipType::Close => "close",
            RelationshipType::Businesslike => "businesslike",
            RelationshipType::Comfortable => "comfortable",
            RelationshipType::Adversarial => "adversarial",
        }
    }

    /// The maintenance approach that fits this type.
    pub fn approach(self) -> Approach {
        match self {
            RelationshipType::Close => Approach::InvestTogether,
            RelationshipType::Businesslike => Approach::PersonalAttention,
            RelationshipType::Comfortable => Approach::SharpenResults,
            RelationshipType::Adversarial => Approach::RepairOrPart,
        }
    }
}

/// The maintenance approach suggested for a relationship type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Approach {
    /// Invest and innovate together (partnership).
    InvestTogether,
    /// Personal attention (businesslike).
    PersonalAttention,
    /// Sharpen results and KPIs (comfortable).
    SharpenResults,
    /// Repair trust or prepare to part (adversarial).
    RepairOrPart,
}

impl Approach {
    /// The identifier used in output.
    pub fn id(self) -> &'static str {
        match self {
            Approach::InvestTogether => "invest_together",
            Approach::PersonalAttention => "personal_attention",
            Approach::SharpenResults => "sharpen_results",
            Approach::RepairOrPart => "repair_or_part",
        }
    }
}

/// One recorded week: the state after the week's step.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Row {
    /// Week index, 0-based.
    pub week: u32,
    /// Supplier's effort on in-scope requests: customer focus.
    pub effort: f64,
    /// Responsiveness on out-of-scope (paid) requests.
    pub extra_work_focus: f64,
    /// Share of in-scope requests resolved in time.
    pub sla: f64,
    /// Service quality as users experience it.
    pub quality: f64,
    /// What users expect.
    pub expectation: f64,
    /// Client's experienced appreciation of the supplier.
    pub client_experienced: f64,
    /// Client's business appreciation of the supplier.
    pub client_business: f64,
    /// Supplier's experienced appreciation of the client.
    pub supplier_experienced: f64,
    /// Supplier's business appreciation of the client.
    pub supplier_business: f64,
    /// Mean of the client's two appreciations.
    pub client_appreciation: f64,
    /// Mean of the supplier's two appreciations.
    pub supplier_appreciation: f64,
    /// The relationship line: mean of both parties' appreciation.
    pub relationship: f64,
    /// Client's trust in the supplier.
    pub client_trust: f64,
    /// Supplier's trust in the client.
    pub supplier_trust: f64,
    /// Ceiling of the client's trust (1 minus unrepaired damage).
    pub client_trust_ceiling: f64,
    /// Ceiling of the supplier's trust.
    pub supplier_trust_ceiling: f64,
    /// How well the parties' goals are aligned.
    pub alignment: f64,
    /// Unresolved weight of business incidents on the client (negative: goodwill from good ones).
    pub business_pressure: f64,
    /// Status at the end of the week.
    pub status: Status,
    /// k€ the client paid this week.
    pub client_cost: f64,
    /// k€ the supplier earned this week.
    pub supplier_margin: f64,
    /// k€ the client gained this week: what the service was worth to its business minus
    /// everything it paid.
    pub client_net_value: f64,
    /// k€ of bonus paid this week (negative: a malus), after any clawback of bonus paid on
    /// flattered reports; 0 under an effort obligation.
    pub bonus_paid: f64,
    /// The SLA the client measured (the supplier's report, flattered by part of the misses
    /// unless checked), on which bonus and malus are settled.
    pub sla_measured: f64,
    /// The relationship type this week, from both parties' experienced × business appreciation.
    pub relationship_type: RelationshipType,
}

impl Row {
    /// The relationship type this week.
    pub fn relationship_type(&self) -> RelationshipType {
        self.relationship_type
    }

    /// The maintenance approach suggested this week.
    pub fn approach(&self) -> Approach {
        self.relationship_type.approach()
    }
}

/// Why a status changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusCause {
    /// Outside the bounds for longer than the tolerance.
    OutsideBounds,
    /// The relationship line fell far below the critical bound.
    DeepDrop,
    /// Back inside the bounds long enough, with enough trust.
    Recovered,
    /// A partnership rebuilt: long inside, trust and alignment high.
    Rebuilt,
    /// Escalation lasted too long without recovery.
    Unresolved,
    /// The client used its opt-out.
    OptOut,
    /// The client chose to exit.
    Exit,
    /// The contract was not renewed at the end of its term.
    NotRenewed,
    /// The supplier left through an open opt-out (working at a loss, or by its own choice).
    SupplierLeft,
    /// The supplier broke the contract: working at a loss that outweighed the exit fee, or by
    /// its own choice before any opt-out.
    SupplierBreach,
    /// The client started the escalation procedure.
    Escalated,
}

/// What an intervention achieved.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Outcome {
    /// Carried out.
    Done,
    /// A party's will was below the threshold: nothing happened but the cost.
    Unwilling {
        /// The party that was not willing.
        party: Party,
        /// Its will.
        will: f64,
    },
    /// The contract was already over.
    TooLate,
    /// New terms refused: a party expects them to be worse than walking away.
    Refused {
        /// The party that refused.
        party: Party,
        /// What it expected to gain per week over walking away (negative), k€.
        gain: f64,
    },
}

/// Something that happened in a week, with its cause.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// An incident landed.
    Incident {
        /// The incident.
        incident: Incident,
        /// Drawn by chance rather than scripted.
        random: bool,
    },
    /// An earlier conflict was raised again (a repair without silence).
    Reminder {
        /// The party reminded.
        party: Party,
    },
    /// An intervention was carried out or failed.
    Intervention {
        /// Its kind identifier.
        kind: &'static str,
        /// What it achieved.
        outcome: Outcome,
    },
    /// A second apology by the same party in the same crisis: it adds nothing.
    ApologyIgnored,
    /// The status changed.
    Status {
        /// Old status.
        from: Status,
        /// New status.
        to: Status,
        /// Why.
        cause: StatusCause,
    },
    /// The contract was renewed at the end of its term.
    Renewed,
    /// The contract was not renewed at the end of its term, by this party's decision (the
    /// contract ends after this week).
    NotRenewed {
        /// The party that declined.
        by: Party,
    },
    /// Flattered SLA reports were caught: the bonus paid on them was clawed back (k€).
    FlatteryCaught {
        /// k€ clawed back.
        clawed_back: f64,
    },
    /// A supplier working at a loss asked for a higher fee.
    SupplierAsks {
        /// The fee it asked for (k€ a week).
        fee: f64,
        /// Whether the client agreed.
        accepted: bool,
    },
}

impl Event {
    /// A short English description, for CSV output and logs.
    pub fn describe(&self) -> String {
        match self {
            Event::Incident {
                incident: i,
                random,
            } => format!(
                "{}{} {} incident ({}, {:.2}) on {}{}",
                if *random { "random " } else { "" },
                if i.polarity == super::Polarity::Positive {
                    "positive"
                } else {
                    "negative"
                },
                i.category.id(),
                i.kind.id(),
                i.magnitude,
                i.party.id(),
                if i.note.is_empty() {
                    String::new()
                } else {
                    format!(": {}", i.note)
                }
            ),
            Event::Reminder { party } => format!("past raised again with {}", party.id()),
            Event::Intervention { kind, outcome } => match outcome {
                Outcome::Done => format!("{kind} carried out"),
                Outcome::Unwilling { party, will } => {
                    format!("{kind} failed: {} unwilling (will {will:.2})", party.id())
                }
                Outcome::TooLate => format!("{kind} too late: contract over"),
                Outcome::Refused { party, gain } => format!(
                    "{kind} refused by {}: {gain:.2} k€/week worse than walking away",
                    party.id()
                ),
            },
            Event::ApologyIgnored => "a second apology in the same crisis adds nothing".into(),
            Event::Status { from, to, cause } => {
                format!("{} -> {} ({:?})", from.id(), to.id(), cause)
            }
            Event::Renewed => "contract renewed".into(),
            Event::NotRenewed { by } => format!("contract not renewed by the {}", by.id()),
            Event::FlatteryCaught { clawed_back } => {
                format!("flattered SLA reports caught: {clawed_back:.1} k€ of bonus clawed back")
            }
            Event::SupplierAsks { fee, accepted } => format!(
                "supplier at a loss asks for a fee of {fee:.1} k€/week: {}",
                if *accepted { "agreed" } else { "refused" }
            ),
        }
    }
}

/// Receives each week's row and events as the simulation steps.
pub trait Recorder {
    /// Called once at the end of every step.
    fn record(&mut self, row: &Row, events: &[Event]);

    /// Whether this recorder reads the row's state-only fields (expectation, the four parts
    /// of appreciation, the trust ceilings, business pressure and the relationship type).
    /// A recorder that answers `false` (an ensemble member's, which aggregates the series and
    /// the money) lets the step skip them: they then hold an earlier week's values. A run
    /// should be recorded by recorders of one answer throughout.
    fn reads_state_fields(&self) -> bool {
        true
    }
}

/// The full history of one run: every row and every event.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct History {
    /// One row per week.
    pub rows: Vec<Row>,
    /// Events with the week they happened in.
    pub events: Vec<(u32, Event)>,
}

impl Recorder for History {
    fn record(&mut self, row: &Row, events: &[Event]) {
        self.rows.push(*row);
        self.events
            .extend(events.iter().map(|e| (row.week, e.clone())));
    }
}

impl History {
    /// Events of one week.
    pub fn events_in(&self, week: u32) -> impl Iterator<Item = &Event> {
        self.events
            .iter()
            .filter(move |(w, _)| *w == week)
            .map(|(_, e)| e)
    }

    /// The last row, if any.
    pub fn last(&self) -> Option<&Row> {
        self.rows.last()
    }
}
