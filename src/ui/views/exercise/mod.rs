//! Exercise mode: choose an exercise (or open a participant's link), read the briefing, play to
//! each decision moment seeing only the past, decide, and get the debrief at the end. The class
//! board, authoring and the live class are sub-views of the same mode.

pub mod author;
pub mod board_store;
pub mod class_board;
pub mod debrief;
mod draft;
pub mod live;
pub mod luck;
mod play;
pub mod state;

pub use state::ExHome;

use leptos::prelude::*;

use play::Player;
use state::{ExCtx, Sub};

use crate::text::Strings;
use crate::ui::app::state::t;
use crate::ui::views::exercise::author::AuthorView;
use crate::ui::views::exercise::class_board::ClassBoardView;
use crate::ui::views::exercise::live::LiveView;

/// The exercise mode.
#[component]
pub fn ExerciseView() -> impl IntoView {
    let ctx = expect_context::<ExCtx>();
    if !ctx.resumed.get_value() {
        ctx.resumed.set_value(true);
        live::resume(ctx);
    }
    let sub = move |which: Sub, id: &'static str, label: fn(&Strings) -> &'static str| {
        view! {
            <button type="button" role="tab" class="tab" data-testid=id
                aria-selected=move || (ctx.sub.get() == which).to_string()
                on:click=move |_| ctx.sub.set(which)>{move || label(t())}</button>
        }
    };
    view! {
        <div class="exercise-mode">
            <div class="subtabs" role="tablist">
                {sub(Sub::Play, "exercise-tab-play", |s| s.mode)}
                {sub(Sub::Board, "exercise-tab-board", |s| s.board)}
                {sub(Sub::Author, "exercise-tab-author", |s| s.author_tab)}
                {sub(Sub::Live, "exercise-tab-live", |s| s.live_tab)}
            </div>
            {move || match ctx.sub.get() {
                Sub::Play => view! { <Player /> }.into_any(),
                Sub::Board => view! { <ClassBoardView /> }.into_any(),
                Sub::Author => view! { <AuthorView /> }.into_any(),
                Sub::Live => view! { <LiveView /> }.into_any(),
            }}
        </div>
    }
}
