//! The trainer's open class, kept in this browser: its id and secret trainer key.

use serde::{Deserialize, Serialize};

use crate::ui::platform::store;

/// Where this browser keeps the trainer's class.
const CLASS_KEY: &str = "relsim.live.class";

/// A class this browser opened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainerClass {
    /// The class id.
    pub id: String,
    /// The trainer key (a bearer token).
    pub key: String,
}

impl TrainerClass {
    /// The class kept in this browser, if any.
    pub fn load() -> Option<TrainerClass> {
        store::get_json(CLASS_KEY)
    }

    /// Keeps this class.
    pub fn save(&self) {
        store::set_json(CLASS_KEY, self);
    }

    /// Forgets the kept class.
    pub fn forget() {
        store::remove(CLASS_KEY);
    }
}
