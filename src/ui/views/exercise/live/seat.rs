//! A participant's seat in a live class, kept in this browser so that a reload keeps it, and
//! where their hand-in stands.

use serde::{Deserialize, Serialize};

use crate::text::Problem;
use crate::ui::platform::store;

/// Where this browser keeps its seat.
const SEAT_KEY: &str = "relsim.live.seat";

/// A seat: the participant's key and what it is for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Seat {
    /// The participant key (a bearer token).
    pub key: String,
    /// The class.
    pub class_id: String,
    /// The name as the class shows it.
    pub name: String,
    /// The class's exercise id: only a play of it is handed in.
    pub exercise_id: String,
    /// Whether both sides play the class's exercise: the pair plays in the live tab (the side
    /// comes with the pair, once the participant is paired).
    #[serde(default)]
    pub two_sided: bool,
}

impl Seat {
    /// The seat kept in this browser, if any.
    pub fn load() -> Option<Seat> {
        store::get_json(SEAT_KEY)
    }

    /// Keeps this seat.
    pub fn save(&self) {
        store::set_json(SEAT_KEY, self);
    }

    /// Forgets the kept seat.
    pub fn forget() {
        store::remove(SEAT_KEY);
    }
}

/// Where a hand-in stands.
#[derive(Clone, Debug)]
pub enum HandIn {
    /// Sent; no answer yet.
    Sending,
    /// Stored, with the score the server computed.
    Done(f64),
    /// Refused or not sent.
    Failed(Problem),
}

impl HandIn {
    /// The state's id in the page (`data-state`).
    pub fn id(&self) -> &'static str {
        match self {
            HandIn::Sending => "sending",
            HandIn::Done(_) => "done",
            HandIn::Failed(_) => "failed",
        }
    }
}
