//! The app's state: a small typed context of signals shared by every component.

use leptos::prelude::*;

use std::sync::Arc;

use crate::sim::{self, Ensemble, History, Scenario, Summary};
use crate::text::{Lang, Problem, Strings};
pub use crate::ui::app::routes::{Page, Tab};
use crate::ui::app::storage;

/// A finished sweep, ready to draw.
#[derive(Clone, Debug)]
pub struct SweepResult {
    /// The swept input's dotted path.
    pub param: &'static str,
    /// One (value, summary) per point.
    pub points: Vec<(f64, Summary)>,
    /// The fixed-fee baseline.
    pub baseline: Summary,
}

/// What the incident or intervention editor is editing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editing {
    /// Scripted incident at this index.
    Incident(usize),
    /// Intervention at this index.
    Intervention(usize),
}

/// Signals shared through context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The scenario being edited; every change re-runs the simulation.
    pub scenario: RwSignal<Scenario>,
    /// The run of the current scenario.
    pub history: Memo<History>,
    /// Interface language.
    pub lang: RwSignal<Lang>,
    /// A message for the error banner.
    pub error: RwSignal<Option<Problem>>,
    /// The week under the pointer in any chart.
    pub hover: RwSignal<Option<usize>>,
    /// The page shown.
    pub page: RwSignal<Page>,
    /// What the editor below the timeline edits.
    pub editing: RwSignal<Option<Editing>>,
    /// Bumped on every window resize, so that canvases redraw at their new size.
    pub resize: RwSignal<u32>,
    /// Scenario B of the compare view.
    pub scenario_b: RwSignal<Scenario>,
    /// Whether the editor edits scenario B.
    pub editing_b: RwSignal<bool>,
    /// The result view shown.
    pub tab: RwSignal<Tab>,
    /// Runs per ensemble.
    pub runs: RwSignal<u32>,
    /// The last finished ensemble of A.
    pub ensemble: RwSignal<Option<Arc<Ensemble>>>,
    /// The last finished ensemble of B.
    pub ensemble_b: RwSignal<Option<Arc<Ensemble>>>,
    /// Milliseconds of computation the last ensemble took.
    pub ensemble_ms: RwSignal<Option<f64>>,
    /// Progress (0..=1) of the running computation, if any.
    pub progress: RwSignal<Option<f64>>,
    /// Bumped to cancel the running computation.
    pub generation: RwSignal<u64>,
    /// Simulation workers in use (0: the main thread computes).
    pub workers: RwSignal<usize>,
    /// The last finished sweep.
    pub sweep: RwSignal<Option<Arc<SweepResult>>>,
    /// The window (first week, last week) of the why view.
    pub window: RwSignal<Option<(usize, usize)>>,
}

impl AppState {
    /// Builds the state around the scenario to start with (`storage::initial`) and the message
    /// for the error banner, if reading it failed.
    pub fn new(lang: Lang, (initial, problem): (Scenario, Option<Problem>)) -> Self {
        let lang = RwSignal::new(lang);
        let error = RwSignal::new(problem);
        let scenario = RwSignal::new(initial);
        let history = Memo::new(move |_| scenario.with(sim::run));
        // An embed shows someone else's link: it leaves the address and the visitor's saved
        // scenario alone.
        if !crate::ui::platform::address::is_embed() {
            storage::persist(scenario);
        }
        Effect::new(move |_| storage::save_lang(lang.get()));
        Self {
            scenario,
            history,
            lang,
            error,
            hover: RwSignal::new(None),
            page: RwSignal::new(Page::Simulate),
            editing: RwSignal::new(None),
            resize: RwSignal::new(0),
            scenario_b: RwSignal::new(Scenario::default()),
            editing_b: RwSignal::new(false),
            tab: RwSignal::new(Tab::Run),
            runs: RwSignal::new(500),
            ensemble: RwSignal::new(None),
            ensemble_b: RwSignal::new(None),
            ensemble_ms: RwSignal::new(None),
            progress: RwSignal::new(None),
            generation: RwSignal::new(0),
            workers: RwSignal::new(0),
            sweep: RwSignal::new(None),
            window: RwSignal::new(None),
        }
    }

    /// The scenario the editor edits: A, or B while editing B in the compare view.
    pub fn current(&self) -> RwSignal<Scenario> {
        if self.editing_b.get() {
            self.scenario_b
        } else {
            self.scenario
        }
    }

    /// Applies an edit to the edited scenario; an edit that makes it invalid is refused with a
    /// message in the interface language (naming the input and its range) and the scenario
    /// stays as it was.
    pub fn edit(&self, f: impl FnOnce(&mut Scenario)) -> Result<(), Problem> {
        let target = self.current();
        let mut next = target.get_untracked();
        f(&mut next);
        match next.validate() {
            Ok(()) => {
                target.set(next);
                Ok(())
            }
            Err(e) => Err(Problem::refused(e, &next)),
        }
    }
}

/// The app state from context.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// The strings of the current language (reactive).
pub fn t() -> &'static Strings {
    use_state().lang.get().t()
}
