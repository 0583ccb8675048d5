//! The play, told to the live class: the week reached at each moment goes to the trainer's
//! board, and at the end the decisions (and the score the screen shows) are handed in for the
//! server to replay. A note in the player says where the hand-in stands.

use leptos::prelude::*;

use super::client;
use super::seat::HandIn;
use crate::sim::exercise::{score_of, Play};
use crate::ui::app::state::{t, use_state};
use crate::ui::views::exercise::state::ExCtx;

/// The seat's play, if the play in progress is of the seat's exercise.
fn seated(ctx: ExCtx) -> Option<(String, Play)> {
    let seat = ctx.seat.get_untracked()?;
    let play = ctx.play.get_untracked()?;
    (play.exercise.id == seat.exercise_id).then_some((seat.key, play))
}

/// Tells the board where the participant is (after the start and after each decision).
pub fn moved(ctx: ExCtx) {
    let Some((key, play)) = seated(ctx) else {
        return;
    };
    if play.is_finished() {
        finish(ctx);
        return;
    }
    let (moment, week) = (play.decisions.len() as u32, play.seen());
    // The board's week is a courtesy: a lost update is made good by the next one.
    leptos::task::spawn_local(async move {
        let _ = client::progress(&key, moment, week).await;
    });
}

/// Hands in the finished play.
pub fn finish(ctx: ExCtx) {
    let Some((key, play)) = seated(ctx) else {
        return;
    };
    if !play.is_finished()
        || matches!(
            ctx.hand_in.get_untracked(),
            Some(HandIn::Sending | HandIn::Done(_))
        )
    {
        return;
    }
    let score = score_of(&play.exercise, &play.history().rows).total;
    ctx.hand_in.set(Some(HandIn::Sending));
    leptos::task::spawn_local(async move {
        let answer = client::submit(&key, play.decisions.clone(), score).await;
        ctx.hand_in.set(Some(match answer {
            Ok(s) => HandIn::Done(s.score),
            Err(p) => HandIn::Failed(p),
        }));
    });
}

/// The live class's note in the player: whose seat, and where the hand-in stands.
#[component]
pub fn SeatNote() -> impl IntoView {
    let ctx = expect_context::<ExCtx>();
    let state = use_state();
    view! {
        {move || ctx.seat.get().map(|seat| {
            let status = move || ctx.hand_in.get().map(|h| {
                let id = h.id();
                let text = match &h {
                    HandIn::Sending => t().live_handing_in.to_string(),
                    HandIn::Done(score) => crate::text::Strings::fill(t().live_handed_in, &[("score", &crate::text::number::number(*score, 1, state.lang.get()))]),
                    HandIn::Failed(p) => p.tell(t()),
                };
                let failed = matches!(h, HandIn::Failed(_));
                view! {
                    <p class="live-hand-in" class:error=failed data-testid="live-hand-in" data-state=id role="status">{text}
                        {failed.then(|| view! { " " <button type="button" class="link" data-testid="live-hand-in-again"
                            on:click=move |_| { ctx.hand_in.set(None); finish(ctx); }>{t().live_hand_in_again}</button> })}
                    </p>
                }
            });
            view! {
                <div class="live-seat-note" data-testid="live-seat-note">
                    <p>{move || crate::text::Strings::fill(t().live_joined, &[("name", &seat.name)])}</p>
                    {status}
                </div>
            }
        })}
    }
}
