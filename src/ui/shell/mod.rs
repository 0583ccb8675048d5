//! The app shell, the top layer: the header with pages and language, the error banner, the
//! page shown (each from its chunk, `split.rs`), the simulator layout and the embed page.

pub mod embed;
mod simulator;
pub mod split;
pub mod toolbar;

use leptos::prelude::*;

use crate::sim::Scenario;
use crate::text::{names, Lang, Problem};
use crate::ui::app::loading::deferred;
use crate::ui::app::routes::Page;
use crate::ui::app::state::{t, AppState};
use crate::ui::views::report::PrintReport;
use simulator::Simulator;

/// Puts the charts' category and status colours on the page as CSS custom properties
/// (`--external`, `--partnership`, …), so timeline markers and legend dots use the very colours
/// the charts draw.
fn share_palette() {
    use crate::chart::{palette::css, relationship::category_color, status_color};
    use crate::sim::{Category, Status};
    let categories = Category::ALL.map(|c| format!("--{}:{}", c.id(), css(category_color(c))));
    let statuses = Status::ALL.map(|s| format!("--{}:{}", s.id(), css(status_color(s))));
    let vars = [categories.join(";"), statuses.join(";")].join(";");
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("style", &vars);
    }
}

/// Mounts the app once it knows the scenario to start with: at once on a first visit, after the
/// reader's chunk has read the link or the saved scenario otherwise (`reading.rs`).
pub fn start() {
    let lang = crate::ui::app::storage::load_lang().unwrap_or_default();
    // An embed shows the scenario in its own link, read in its own chunk.
    let initial = if crate::ui::platform::address::is_embed() {
        Some((Scenario::default(), None))
    } else {
        crate::ui::platform::chunks::ready_now(crate::ui::app::storage::initial())
    };
    let mount = move |start| leptos::mount::mount_to_body(move || view! { <App lang start /> });
    match initial {
        Some(start) => mount(start),
        None => wasm_bindgen_futures::spawn_local(async move {
            mount(crate::ui::app::storage::initial().await)
        }),
    }
}

/// The root component: `start` is the scenario to start with and what went wrong reading it.
#[component]
pub fn App(lang: Lang, start: (Scenario, Option<Problem>)) -> impl IntoView {
    // A first visit: nothing saved and no scenario in the address. Read before the state saves.
    let first_visit = !crate::ui::app::storage::has_saved()
        && web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
            .is_empty();
    let state = AppState::new(lang, start);
    provide_context(state);
    crate::ui::views::report::provide();
    share_palette();
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        state.resize.update(|n| *n += 1)
    });
    on_cleanup(move || handle.remove());
    if let Some(spec) = crate::ui::shell::embed::spec() {
        return deferred(split::embed_chunk, move || split::embed(spec.clone()));
    }
    // The simulation workers load in the background, after the first chart.
    set_timeout(
        move || crate::ui::compute::pool::start(state.workers),
        std::time::Duration::from_millis(0),
    );
    // The page and tab come from the address; Back and Forward move between them.
    crate::ui::app::routes::follow(state.page, state.tab);
    // After the route: an exercise link in the address opens the exercise page over it.
    crate::ui::views::exercise::ExHome::provide(state);
    let welcome = RwSignal::new(first_visit && state.page.get_untracked() != Page::Tour);
    let tab = move |page: Page| {
        view! {
            <button
                type="button"
                role="tab"
                class="tab"
                data-testid=format!("mode-{}", page.id())
                aria-selected=move || (state.page.get() == page).to_string()
                on:click=move |_| {
                    // Choosing where to go answers the welcome's question.
                    if page != Page::Simulate {
                        welcome.set(false);
                    }
                    state.page.set(page)
                }
            >
                {move || names::page(page, t())}
            </button>
        }
    };
    view! {
        <header class="top">
            <div class="brand">
                <h1>"Relsim"</h1>
                <p>{move || t().tagline}</p>
            </div>
            <nav role="tablist">
                {Page::ALL.map(tab).collect_view()}
            </nav>
            <button
                type="button"
                class="lang"
                data-testid="lang-toggle"
                aria-label=move || format!("{} – {}", t().lang_toggle, t().lang_toggle_label)
                on:click=move |_| {
                    state
                        .lang
                        .update(|l| {
                            *l = match l {
                                crate::text::Lang::En => crate::text::Lang::Nl,
                                crate::text::Lang::Nl => crate::text::Lang::En,
                            };
                        })
                }
            >
                {move || t().lang_toggle}
            </button>
        </header>
        <Show when=move || state.error.with(Option::is_some)>
            <div class="error-banner" role="alert" data-testid="error-banner">
                <span>{move || state.error.with(|e| e.as_ref().map(|p| p.tell(t())))}</span>
                <button type="button" class="small" on:click=move |_| state.error.set(None)>
                    {move || t().dismiss}
                </button>
            </div>
        </Show>
        <Show when=move || welcome.get() && state.page.get() != Page::Tour>
            <section class="welcome" data-testid="welcome" aria-labelledby="welcome-title">
                <h2 id="welcome-title">{move || state.lang.get().t().welcome_title}</h2>
                <p>{move || state.lang.get().t().welcome_text}</p>
                <div class="welcome-actions">
                    <button type="button" class="primary" data-testid="welcome-tour"
                        on:click=move |_| { welcome.set(false); state.page.set(Page::Tour) }>
                        {move || state.lang.get().t().welcome_start}</button>
                    <button type="button" data-testid="welcome-dismiss" on:click=move |_| welcome.set(false)>
                        {move || state.lang.get().t().welcome_dismiss}</button>
                </div>
            </section>
        </Show>
        <main>
            {move || match state.page.get() {
                Page::Model => deferred(split::model_page_chunk, split::model_page),
                Page::Tour => deferred(split::tour_chunk, split::tour),
                Page::Exercise => deferred(split::exercises_chunk, split::exercises),
                Page::Simulate => view! { <Simulator /> }.into_any(),
            }}
        </main>
        <PrintReport />
    }
    .into_any()
}
