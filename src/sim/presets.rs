//! The presets: scenario files under `presets/`, compiled in so the app and the CLI share them.

use super::scenario::Scenario;

/// A named preset scenario.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// Identifier (file name without `.json`).
    pub id: &'static str,
    /// The scenario JSON.
    pub json: &'static str,
}

impl Preset {
    /// The parsed scenario. Presets are checked by tests, so a broken one fails the build's tests.
    pub fn scenario(&self) -> Scenario {
        Scenario::from_json(self.json).unwrap_or_default()
    }
}

macro_rules! presets {
    ($($id:literal),* $(,)?) => {
        /// Every preset, in display order.
        pub const ALL: &[Preset] = &[
            $(Preset { id: $id, json: include_str!(concat!("../../presets/", $id, ".json")) },)*
        ];
    };
}

presets![
    "default",
    "article-figure",
    "farbo",
    "residents-gym",
    "commercial-gym",
    "public-cloud",
    "helpdesk-insourced",
    "healthy-partnership",
    "accountant-cost-pressure",
    "nanny-goal-drift",
    "butler-friction",
    "representative-strategic",
    "crisis-early-opt-out",
    "crisis-no-opt-out",
];

/// The preset with this id.
pub fn find(id: &str) -> Option<&'static Preset> {
    ALL.iter().find(|p| p.id == id)
}

/// All preset ids.
pub fn ids() -> Vec<&'static str> {
    ALL.iter().map(|p| p.id).collect()
}
