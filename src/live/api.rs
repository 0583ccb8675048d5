//! The shapes of the class server's requests and answers (JSON). Keys travel in the
//! `Authorization: Bearer …` header, never in an address.

use serde::{Deserialize, Serialize};

use crate::sim::exercise::{Decision, Exercise, PairDecision, Side, Text};

/// `POST /api/classes`: a trainer opens a class on an exercise (built-in or authored).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateClass {
    /// The exercise the class plays; the server validates it and keeps this copy, so that a
    /// later change of the trainer's draft does not change the class.
    pub exercise: Exercise,
    /// The site's address as the trainer's browser sees it (`https://host:port`), for the join
    /// link and its QR code.
    pub origin: String,
    /// In an exercise both sides play: how pairs are formed (by arrival unless told).
    #[serde(default)]
    pub pairing: Pairing,
}

/// How a class both sides play forms its pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pairing {
    /// As they arrive: the first of each two plays the client, the second the supplier.
    #[default]
    Arrival,
    /// By hand: arrivals wait until the trainer pairs them and gives each a side.
    Hand,
}

impl Pairing {
    /// Every way, in the order offered.
    pub const ALL: [Pairing; 2] = [Pairing::Arrival, Pairing::Hand];

    /// The id in requests and in the page.
    pub fn id(self) -> &'static str {
        match self {
            Pairing::Arrival => "arrival",
            Pairing::Hand => "hand",
        }
    }

    /// The way with this id.
    pub fn from_id(id: &str) -> Option<Pairing> {
        Self::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// A class as its trainer sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassInfo {
    /// The class's id (public: it names the class in addresses; the key opens it).
    pub id: String,
    /// The join code participants type.
    pub code: String,
    /// The join link (`origin/?join=CODE`).
    pub join_url: String,
    /// The join link as a QR code, an SVG document.
    pub qr_svg: String,
    /// The exercise's title.
    pub title: Text,
    /// The exercise played.
    pub exercise: Exercise,
    /// Whether the class is closed to joins and results.
    pub closed: bool,
    /// When the server deletes the class, in seconds since 1970.
    pub expires_at: u64,
    /// How pairs are formed (an exercise both sides play).
    #[serde(default)]
    pub pairing: Pairing,
}

/// The answer to [`CreateClass`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassCreated {
    /// The class.
    pub class: ClassInfo,
    /// The trainer's secret key: kept in the trainer's browser, sent as a bearer token.
    pub trainer_key: String,
}

/// `POST /api/join`: a participant joins with the code and a display name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Join {
    /// The join code as typed.
    pub code: String,
    /// The display name as typed.
    pub name: String,
}

/// Where a participant is in the play.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantState {
    /// Joined, not yet decided anything.
    #[default]
    Joined,
    /// Playing: at least one moment reached.
    Playing,
    /// Finished: the verified result is in.
    Done,
}

impl ParticipantState {
    /// The id in answers and in the page (`data-state`).
    pub fn id(self) -> &'static str {
        match self {
            Self::Joined => "joined",
            Self::Playing => "playing",
            Self::Done => "done",
        }
    }
}

/// The answer to [`Join`], and to `GET /api/me` (without the key).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Joined {
    /// The participant's secret key: kept in their browser, sent as a bearer token. Empty in
    /// `GET /api/me`.
    pub participant_key: String,
    /// The class's id.
    pub class_id: String,
    /// The name as the class shows it.
    pub name: String,
    /// The exercise to play (the class's own copy).
    pub exercise: Exercise,
    /// Whether the class is closed.
    pub closed: bool,
    /// Where the participant is.
    pub state: ParticipantState,
    /// The verified score, once handed in.
    pub score: Option<f64>,
    /// In an exercise both sides play: the side this participant plays, once paired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// Whether both sides play the class's exercise (the participant plays in a pair, once
    /// paired).
    #[serde(default)]
    pub two_sided: bool,
}

/// `POST /api/progress`: the participant reached a moment (the board shows the week).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Decisions taken so far.
    pub moment: u32,
    /// The week the participant sees.
    pub week: u32,
}

/// `POST /api/results`: the participant hands in their decisions; the server replays them on
/// the class's exercise and keeps the score it computes. `score` is what the participant's
/// screen showed: a replay that gives another number is refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submit {
    /// The decisions in order.
    pub decisions: Vec<Decision>,
    /// The total score the participant saw.
    pub score: f64,
}

/// The answer to [`Submit`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Submitted {
    /// The score the server computed (and stored).
    pub score: f64,
}

/// One participant on the board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The participant's id within the server.
    pub id: u64,
    /// Display name (shown as text).
    pub name: String,
    /// Where they are.
    pub state: ParticipantState,
    /// The week they see (the last week once done).
    pub week: u32,
    /// Decisions taken so far.
    pub moment: u32,
    /// The verified score, once done (in a pair: the score of the side played).
    pub score: Option<f64>,
    /// The decisions, once done.
    pub decisions: Vec<Decision>,
    /// In an exercise both sides play: the side played, once paired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
}

/// `GET /api/classes/{id}`: the whole board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    /// The class.
    pub class: ClassInfo,
    /// The participants, in order of joining.
    pub rows: Vec<Row>,
    /// The pairs, when both sides play, in order of forming.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pairs: Vec<PairRow>,
}

/// One pair on the trainer's board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairRow {
    /// The pair's id.
    pub id: u64,
    /// The client's name (empty while waiting).
    pub client: String,
    /// The supplier's name (empty while waiting).
    pub supplier: String,
    /// The client's participant id.
    #[serde(default)]
    pub client_id: Option<u64>,
    /// The supplier's participant id.
    #[serde(default)]
    pub supplier_id: Option<u64>,
    /// Whether either side has decided anything (a pair that has not may be split).
    #[serde(default)]
    pub started: bool,
    /// Moments closed so far.
    pub moment: u32,
    /// The week both see.
    pub week: u32,
    /// Whether the play is over.
    pub finished: bool,
    /// The client's verified score, once finished.
    pub client_score: Option<f64>,
    /// The supplier's verified score, once finished.
    pub supplier_score: Option<f64>,
    /// The pair's joint value (client net value + supplier margin, k€), once finished.
    pub joint_value: Option<f64>,
    /// Whether the empty side is scripted (a participant without a partner).
    #[serde(default)]
    pub scripted: bool,
}

/// A pair's play as one of its sides sees it (`GET /api/pair`, and the pair's event stream):
/// the moments closed so far (both sides' choices, now public), and of the open moment only
/// this side's own choice and whether the other side has decided.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairView {
    /// The pair's id.
    pub pair: u64,
    /// The side this participant plays.
    pub side: Side,
    /// The other side's name, once someone plays it.
    pub partner: Option<String>,
    /// Whether the other side is scripted (it carries on at every moment).
    #[serde(default)]
    pub scripted: bool,
    /// The closed moments.
    pub decisions: Vec<PairDecision>,
    /// The week both see (the open moment's week).
    pub week: u32,
    /// This side's choice at the open moment, if made.
    pub mine: Option<String>,
    /// Whether the other side has decided at the open moment.
    pub other_decided: bool,
    /// When the open moment closes by the round timer (ms since 1970), if a timer is set.
    pub deadline_ms: Option<u64>,
    /// Whether the play is over.
    pub finished: bool,
    /// (client score, supplier score, joint value), once finished (computed by the server).
    pub scores: Option<(f64, f64, f64)>,
}

/// `POST /api/pair/decide`: this side's option at the open moment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairChoice {
    /// The open moment's index (a stale screen's choice is refused).
    pub moment: u32,
    /// The option id.
    pub option: String,
}

/// `POST /api/classes/{id}/pairs`: the trainer pairs two participants who wait, each on the
/// side given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormPair {
    /// The participant who plays the client.
    pub client: u64,
    /// The participant who plays the supplier.
    pub supplier: u64,
}

/// `POST /api/classes/{id}/round`: the round timer for pairs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundTimer {
    /// Seconds a moment stays open before a side that has not decided carries on (0: no
    /// timer; at most [`super::MAX_ROUND_SECONDS`]).
    pub seconds: u32,
}

/// What the live board's stream (`GET /api/classes/{id}/events`, server-sent events) sends:
/// the whole board first (and after a gap), then each change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// The whole board.
    Board(Box<Board>),
    /// A participant joined, moved on or handed in.
    Row(Row),
    /// The class was closed.
    Closed,
    /// The class was deleted (the stream ends).
    Deleted,
    /// A pair formed, moved on or finished.
    Pair(PairRow),
    /// The trainer split a pair before it started (its members wait to be paired again).
    PairSplit {
        /// The pair's id.
        id: u64,
    },
}
