//! The presets: scenario files under `presets/`, compiled in so the app and the CLI share them.

use super::scenario::Scenario;

/// A named preset scenario.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// The preset's name in code, so that texts about it can be keyed by `match`.
    pub key: Key,
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
    ($($key:ident => $id:literal),* $(,)?) => {
        /// Every preset by name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Key { $($key,)* }

        /// Every preset, in display order.
        pub const ALL: &[Preset] = &[
            $(Preset {
                key: Key::$key,
                id: $id,
                json: include_str!(concat!("../../presets/", $id, ".json")),
            },)*
        ];
    };
}

presets![
    Default => "default",
    ArticleFigure => "article-figure",
    Farbo => "farbo",
    ResidentsGym => "residents-gym",
    CommercialGym => "commercial-gym",
    PublicCloud => "public-cloud",
    HelpdeskInsourced => "helpdesk-insourced",
    HealthyPartnership => "healthy-partnership",
    AccountantCostPressure => "accountant-cost-pressure",
    NannyGoalDrift => "nanny-goal-drift",
    ButlerFriction => "butler-friction",
    RepresentativeStrategic => "representative-strategic",
    CrisisEarlyOptOut => "crisis-early-opt-out",
    CrisisNoOptOut => "crisis-no-opt-out",
];

/// The preset with this id.
pub fn find(id: &str) -> Option<&'static Preset> {
    ALL.iter().find(|p| p.id == id)
}

/// All preset ids.
pub fn ids() -> Vec<&'static str> {
    ALL.iter().map(|p| p.id).collect()
}
