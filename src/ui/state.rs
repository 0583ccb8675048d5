//! The app's state: a small typed context of signals shared by every component.

use leptos::prelude::*;

use super::i18n::{Lang, Strings};
use super::storage;
use crate::sim::{self, History, Scenario};

/// Which page is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The simulator.
    Simulate,
    /// The model explained.
    Model,
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
    pub error: RwSignal<Option<String>>,
    /// The week under the pointer in any chart.
    pub hover: RwSignal<Option<usize>>,
    /// The page shown.
    pub page: RwSignal<Page>,
    /// What the editor below the timeline edits.
    pub editing: RwSignal<Option<Editing>>,
    /// Bumped on every window resize, so that canvases redraw at their new size.
    pub resize: RwSignal<u32>,
}

impl AppState {
    /// Builds the state from the address, else local storage, else the default scenario.
    pub fn new() -> Self {
        let lang = RwSignal::new(storage::load_lang().unwrap_or_default());
        let error = RwSignal::new(None);
        let initial = match storage::from_url() {
            Some(Ok(s)) => s,
            Some(Err(e)) => {
                error.set(Some(format!(
                    "{}: {e}",
                    lang.get_untracked().t().link_failed
                )));
                storage::from_storage().unwrap_or_default()
            }
            None => storage::from_storage().unwrap_or_default(),
        };
        let scenario = RwSignal::new(initial);
        let history = Memo::new(move |_| scenario.with(sim::run));
        Effect::new(move |_| scenario.with(storage::save));
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
        }
    }

    /// Applies an edit; an edit that makes the scenario invalid is refused with a message and the
    /// scenario stays as it was.
    pub fn edit(&self, f: impl FnOnce(&mut Scenario)) -> Result<(), String> {
        let mut next = self.scenario.get_untracked();
        f(&mut next);
        match next.validate() {
            Ok(()) => {
                self.scenario.set(next);
                Ok(())
            }
            Err(e) => Err(e.to_string()),
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
