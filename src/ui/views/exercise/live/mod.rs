//! The live class (with a Relsim class server): participants join with the trainer's code and
//! play as ever, their progress and verified results arriving on the trainer's live board.
//! Without a server the tab says what is needed and points to the README.

mod client;
pub mod hand_in;
mod pair_board;
mod pair_play;
pub mod seat;
mod store;
mod trainer;

use leptos::prelude::*;

use pair_play::PairPlayer;
use seat::{HandIn, Seat};
use trainer::TrainerSection;

use crate::live::{clean_name, join_code, README_SECTION};
use crate::sim::exercise::builtin;
use crate::text::Problem;
use crate::ui::app::state::{t, use_state};
use crate::ui::views::exercise::state::{ExCtx, Sub};

/// Whether a class server serves this site: unknown until asked.
#[derive(Clone, Copy, PartialEq)]
enum Server {
    Asking,
    There,
    Missing,
}

/// Chooses the class's exercise for the play (a built-in as itself, another as the trainer's).
fn take_exercise(ctx: ExCtx, ex: crate::sim::exercise::Exercise) {
    if builtin(&ex.id).as_ref() == Some(&ex) {
        ctx.choose(ex);
    } else {
        ctx.open(ex);
    }
}

/// After a reload: the kept seat is asked for its class again (closed? handed in? deleted?).
pub fn resume(ctx: ExCtx) {
    let Some(seat) = Seat::load() else {
        return;
    };
    ctx.seat.set(Some(seat.clone()));
    leptos::task::spawn_local(async move {
        match client::me(&seat.key).await {
            Ok(me) if me.two_sided => {
                if !seat.two_sided {
                    let seat = Seat {
                        two_sided: true,
                        ..seat
                    };
                    seat.save();
                    ctx.seat.set(Some(seat));
                }
                ctx.sub.set(Sub::Live);
            }
            Ok(me) => {
                if ctx.play.get_untracked().is_none() {
                    take_exercise(ctx, me.exercise);
                }
                if let Some(score) = me.score {
                    ctx.hand_in.set(Some(HandIn::Done(score)));
                }
            }
            // The class is gone (deleted or expired): the seat goes too.
            Err(Problem::Live(p)) if p.code == crate::live::ProblemCode::Unauthorised => {
                Seat::forget();
                ctx.seat.set(None);
            }
            // No server here (a static copy of the site): keep the seat for the server's site.
            Err(_) => {}
        }
    });
}

/// The live class tab.
#[component]
pub fn LiveView() -> impl IntoView {
    let server = RwSignal::new(Server::Asking);
    leptos::task::spawn_local(async move {
        let there = client::has_server().await;
        server.set(if there {
            Server::There
        } else {
            Server::Missing
        });
    });
    view! {
        <div class="view live">
            {move || match server.get() {
                Server::Asking => view! { <p class="muted" role="status">{move || t().live_checking}</p> }.into_any(),
                Server::Missing => view! {
                    <section class="card" data-testid="live-needs-server">
                        <p>{move || t().live_needs_server}</p>
                        <p><a href=README_SECTION target="_blank" rel="noopener">{move || t().live_needs_server_link}</a></p>
                    </section>
                }.into_any(),
                Server::There => view! { <JoinSection /> <TrainerSection /> }.into_any(),
            }}
        </div>
    }
}

/// The participant's section: the join form, or their seat.
#[component]
fn JoinSection() -> impl IntoView {
    let ctx = expect_context::<ExCtx>();
    let state = use_state();
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);
    let join = move || {
        let code = match join_code(&ctx.join_code.get_untracked()) {
            Ok(c) => c,
            Err(_) => {
                return problem.set(Some(Problem::Plain(crate::text::live::code_form(
                    state.lang.get_untracked().t(),
                ))))
            }
        };
        let typed = match clean_name(&name.get_untracked()) {
            Ok(n) => n,
            Err(_) => {
                return problem.set(Some(Problem::Plain(crate::text::live::name_form(
                    state.lang.get_untracked().t(),
                ))))
            }
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            match client::join(code, typed).await {
                Ok(joined) => {
                    let seat = Seat {
                        key: joined.participant_key,
                        class_id: joined.class_id,
                        name: joined.name,
                        exercise_id: joined.exercise.id.clone(),
                        two_sided: joined.two_sided,
                    };
                    seat.save();
                    problem.set(None);
                    state.error.set(None);
                    ctx.hand_in.set(None);
                    let pair = seat.two_sided;
                    ctx.seat.set(Some(seat));
                    // A pair plays in this tab; one side alone plays under Exercises.
                    if !pair {
                        take_exercise(ctx, joined.exercise);
                        ctx.sub.set(Sub::Play);
                    }
                }
                Err(p) => problem.set(Some(p)),
            }
            busy.set(false);
        });
    };
    let leave = move |_| {
        Seat::forget();
        ctx.seat.set(None);
        ctx.hand_in.set(None);
    };
    view! {
        <section class="card live-join" aria-labelledby="live-join-title">
            <h2 id="live-join-title">{move || if ctx.seat.with(|s| s.as_ref().is_some_and(|s| s.two_sided)) { t().live_tab } else { t().live_join_title }}</h2>
            {move || match ctx.seat.get() {
                Some(seat) if seat.two_sided => view! {
                    <PairPlayer seat=seat />
                    <div class="actions">
                        <button type="button" data-testid="live-leave" on:click=leave>{move || t().live_leave}</button>
                    </div>
                }.into_any(),
                Some(seat) => view! {
                    <p data-testid="live-seat">{move || crate::text::Strings::fill(t().live_joined, &[("name", &seat.name)])}</p>
                    <div class="actions">
                        <button type="button" class="primary" data-testid="live-go-play" on:click=move |_| ctx.sub.set(Sub::Play)>{move || t().live_go_play}</button>
                        <button type="button" data-testid="live-leave" on:click=leave>{move || t().live_leave}</button>
                    </div>
                }.into_any(),
                None => view! {
                    <p class="muted">{move || t().live_join_note}</p>
                    <form class="live-join-form" on:submit=move |ev| { ev.prevent_default(); join(); }>
                        <label>
                            <span>{move || t().live_code}</span>
                            <input type="text" data-testid="class-join-code" autocomplete="off" autocapitalize="characters"
                                spellcheck="false" maxlength="12" class="code-input"
                                prop:value=move || ctx.join_code.get()
                                on:input=move |ev| ctx.join_code.set(event_target_value(&ev)) />
                        </label>
                        <label>
                            <span>{move || t().live_name}</span>
                            <input type="text" data-testid="class-join-name" autocomplete="nickname"
                                maxlength=crate::live::MAX_NAME_CHARS.to_string()
                                prop:value=move || name.get()
                                on:input=move |ev| name.set(event_target_value(&ev)) />
                        </label>
                        <button type="submit" class="primary" data-testid="class-join" disabled=move || busy.get()>{move || t().live_join}</button>
                    </form>
                    {move || problem.get().map(|p| view! {
                        <p class="field-error" role="alert" data-testid="class-join-error">{move || p.tell(t())}</p>
                    })}
                }.into_any(),
            }}
        </section>
    }
}
