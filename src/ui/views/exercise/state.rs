//! The exercise mode's state: where the user is, the exercise being played or made, and the
//! `#x=` link that opens an exercise straight into its briefing.

use crate::text::Problem;
use std::sync::Arc;

use leptos::prelude::*;

use super::live::seat::{HandIn, Seat};
use crate::live::JOIN_QUERY;
use crate::sim::exercise::{builtin, Debrief, Entry, Exercise, Play, BUILTIN};
use crate::ui::app::state::{use_state, AppState, Page};

/// Address fragment that carries an exercise.
const LINK_PREFIX: &str = "#x=";

/// Where in the exercise mode the user is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Choosing, with the briefing of the chosen exercise.
    Briefing,
    /// Playing: stopped at a decision moment.
    Playing,
    /// Finished: the debrief.
    Debrief,
}

/// The sub-view of the exercise mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sub {
    /// Play an exercise.
    Play,
    /// The trainer's class board.
    Board,
    /// Make an exercise from the current scenario.
    Author,
    /// The live class (with a class server).
    Live,
}

/// The exercise mode's signals, provided as context by the app so that a link can open it.
#[derive(Clone, Copy)]
pub struct ExCtx {
    /// The exercise chosen.
    pub exercise: RwSignal<Exercise>,
    /// A trainer's own exercise (from a link, a file or authoring), offered in the select.
    pub custom: RwSignal<Option<Exercise>>,
    /// The play in progress.
    pub play: RwSignal<Option<Play>>,
    /// The debrief of the finished play.
    pub debrief: RwSignal<Option<Arc<Debrief>>>,
    /// The stage.
    pub stage: RwSignal<Stage>,
    /// The sub-view.
    pub sub: RwSignal<Sub>,
    /// Results imported into the class board, each with its check (kept across reloads).
    pub results: RwSignal<Vec<Entry>>,
    /// The participant's name for the result file.
    pub name: RwSignal<String>,
    /// The trainer's exercise being made from the current scenario.
    pub draft: RwSignal<super::draft::Draft>,
    /// The participant's seat in a live class, if they joined one.
    pub seat: RwSignal<Option<Seat>>,
    /// Where the seat's hand-in stands.
    pub hand_in: RwSignal<Option<HandIn>>,
    /// The join code as typed (or from a join link).
    pub join_code: RwSignal<String>,
    /// Whether the kept seat has been asked for its class since the page loaded.
    pub resumed: StoredValue<bool>,
}

/// Where the exercise mode's state lives. The mode's code, its state included, comes in the
/// exercises chunk (`shell/split.rs`); the state is made the first time the mode is shown, but with the
/// app root's owner, so that it outlives the view: a play in progress survives a look at the
/// simulator.
#[derive(Clone)]
pub struct ExHome {
    owner: Owner,
    ctx: StoredValue<Option<ExCtx>>,
    /// The code of a join link (`?join=CODE`) the page was opened with.
    join: Option<String>,
}

impl ExHome {
    /// Call in the app's root: keeps its owner, and opens the exercise mode when the address
    /// holds an exercise link (the mode reads the link itself).
    pub fn provide(state: AppState) {
        let linked = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .is_some_and(|h| h.starts_with(LINK_PREFIX));
        let join = crate::ui::platform::address::value(JOIN_QUERY);
        if linked || join.is_some() {
            state.page.set(Page::Exercise);
        }
        provide_context(ExHome {
            owner: Owner::current().unwrap_or_default(),
            ctx: StoredValue::new(None),
            join,
        });
    }

    /// The exercise mode's state, made the first time it is asked for.
    pub fn ctx(state: AppState) -> ExCtx {
        let home = expect_context::<ExHome>();
        if let Some(ctx) = home.ctx.get_value() {
            return ctx;
        }
        let ctx = home.owner.with(|| ExCtx::new(state));
        if let Some(code) = home.join {
            ctx.join_code.set(code);
            ctx.sub.set(Sub::Live);
        }
        home.ctx.set_value(Some(ctx));
        ctx
    }
}

impl ExCtx {
    /// The exercise mode's state; an exercise link in the address opens the mode at its briefing.
    fn new(state: AppState) -> Self {
        let first = builtin(BUILTIN[0].0).unwrap_or_default();
        let ctx = Self {
            exercise: RwSignal::new(first),
            custom: RwSignal::new(None),
            play: RwSignal::new(None),
            debrief: RwSignal::new(None),
            stage: RwSignal::new(Stage::Briefing),
            sub: RwSignal::new(Sub::Play),
            results: RwSignal::new(super::board_store::load()),
            name: RwSignal::new(String::new()),
            draft: RwSignal::new(Default::default()),
            seat: RwSignal::new(None),
            hand_in: RwSignal::new(None),
            join_code: RwSignal::new(String::new()),
            resumed: StoredValue::new(false),
        };
        if let Some(found) = from_link() {
            state.page.set(Page::Exercise);
            match found {
                // A built-in's own link opens the built-in (not a copy of it as "your own").
                Ok(ex) if builtin(&ex.id).as_ref() == Some(&ex) => ctx.choose(ex),
                Ok(ex) => ctx.open(ex),
                Err(e) => state
                    .error
                    .set(Some(Problem::Plain(e).while_(|t| t.read_failed))),
            }
        }
        // While an exercise is open (its briefing, the play or the debrief) the address carries
        // it, so that reloading reopens its briefing; leaving gives the address back to the
        // scenario. An embed leaves the address alone.
        if !crate::ui::platform::address::is_embed() {
            Effect::new(move |_| {
                let open = state.page.get() == Page::Exercise && ctx.sub.get() == Sub::Play;
                let url = open.then(|| ctx.exercise.with(link));
                state
                    .scenario
                    .with_untracked(|s| crate::ui::app::storage::hold_address(url, s));
            });
        }
        ctx
    }

    /// Opens a trainer's exercise at its briefing.
    pub fn open(&self, ex: Exercise) {
        self.custom.set(Some(ex.clone()));
        self.choose(ex);
    }

    /// Chooses an exercise and shows its briefing.
    pub fn choose(&self, ex: Exercise) {
        self.exercise.set(ex);
        self.play.set(None);
        self.debrief.set(None);
        self.stage.set(Stage::Briefing);
        self.sub.set(Sub::Play);
    }
}

/// The exercise in the address, if the page was opened from an exercise link.
fn from_link() -> Option<Result<Exercise, String>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let encoded = hash.strip_prefix(LINK_PREFIX)?;
    let json = js_sys::decode_uri_component(encoded)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    Some(Exercise::from_json(&json).map_err(|e| e.to_string()))
}

/// The link that opens `ex` straight into its briefing.
pub fn link(ex: &Exercise) -> String {
    let json = crate::sim::json::write(ex);
    let encoded: String = js_sys::encode_uri_component(&json).into();
    let base = web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default();
    format!("{base}{LINK_PREFIX}{encoded}")
}

/// The current language's code (reactive).
pub fn lang_code() -> &'static str {
    use_state().lang.get().code()
}
