//! The app shell: header with pages and language, error banner, and the simulator layout.

use leptos::prelude::*;

use super::charts::{ChartCard, Legend};
use super::editor::Editor;
use super::i18n::Lang;
use super::interventions::Interventions;
use super::lazy;
use super::presets::PresetPicker;
use super::report::PrintReport;
use super::state::{t, use_state, AppState, Page, Tab};
use super::summary::{StripLegend, Summary};
use super::timeline::Timeline;
use super::toolbar::Toolbar;
use crate::chart;
use crate::sim::Scenario;

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
    let lang = super::storage::load_lang().unwrap_or_default();
    // An embed shows the scenario in its own link, read in its own chunk.
    let initial = if super::embed::active() {
        Some((Scenario::default(), None))
    } else {
        lazy::ready_now(super::storage::initial(lang))
    };
    let mount = move |start| leptos::mount::mount_to_body(move || view! { <App lang start /> });
    match initial {
        Some(start) => mount(start),
        None => {
            wasm_bindgen_futures::spawn_local(
                async move { mount(super::storage::initial(lang).await) },
            )
        }
    }
}

/// The root component: `start` is the scenario to start with and what went wrong reading it.
#[component]
pub fn App(lang: Lang, start: (Scenario, Option<String>)) -> impl IntoView {
    // A first visit: nothing saved and no scenario in the address. Read before the state saves.
    let first_visit = !super::storage::has_saved()
        && web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
            .is_empty();
    let state = AppState::new(lang, start);
    provide_context(state);
    super::report::provide();
    share_palette();
    super::exercise_view::ExHome::provide(state);
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        state.resize.update(|n| *n += 1)
    });
    on_cleanup(move || handle.remove());
    if let Some(spec) = super::embed::spec() {
        return lazy::deferred(lazy::embed_chunk, move || lazy::embed(spec.clone()));
    }
    // The simulation workers load in the background, after the first chart.
    set_timeout(
        move || super::pool::start(state.workers),
        std::time::Duration::from_millis(0),
    );
    if super::embed::query_has("tour") {
        state.page.set(Page::Tour);
    }
    let welcome = RwSignal::new(first_visit && state.page.get_untracked() != Page::Tour);
    let tab = move |page: Page, label: fn(&super::i18n::Strings) -> &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                class="tab"
                aria-selected=move || (state.page.get() == page).to_string()
                on:click=move |_| state.page.set(page)
            >
                {move || label(t())}
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
                {tab(Page::Simulate, |t| t.tab_simulate)} {tab(Page::Model, |t| t.tab_model)}
                <button
                    type="button"
                    role="tab"
                    class="tab"
                    data-testid="mode-tour"
                    aria-selected=move || (state.page.get() == Page::Tour).to_string()
                    on:click=move |_| {
                        welcome.set(false);
                        state.page.set(Page::Tour)
                    }
                >
                    {move || state.lang.get().site().tour_open}
                </button>
                <button
                    type="button"
                    role="tab"
                    class="tab"
                    data-testid="mode-exercise"
                    aria-selected=move || (state.page.get() == Page::Exercise).to_string()
                    on:click=move |_| {
                        welcome.set(false);
                        state.page.set(Page::Exercise)
                    }
                >
                    {move || state.lang.get().t().mode}
                </button>
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
                                super::i18n::Lang::En => super::i18n::Lang::Nl,
                                super::i18n::Lang::Nl => super::i18n::Lang::En,
                            };
                        })
                }
            >
                {move || t().lang_toggle}
            </button>
        </header>
        <Show when=move || state.error.with(Option::is_some)>
            <div class="error-banner" role="alert" data-testid="error-banner">
                <span>{move || state.error.get()}</span>
                <button type="button" class="small" on:click=move |_| state.error.set(None)>
                    {move || t().dismiss}
                </button>
            </div>
        </Show>
        <Show when=move || welcome.get() && state.page.get() != Page::Tour>
            <section class="welcome" data-testid="welcome" aria-labelledby="welcome-title">
                <h2 id="welcome-title">{move || state.lang.get().site().welcome_title}</h2>
                <p>{move || state.lang.get().site().welcome_text}</p>
                <div class="welcome-actions">
                    <button type="button" class="primary" data-testid="welcome-tour"
                        on:click=move |_| { welcome.set(false); state.page.set(Page::Tour) }>
                        {move || state.lang.get().site().welcome_start}</button>
                    <button type="button" data-testid="welcome-dismiss" on:click=move |_| welcome.set(false)>
                        {move || state.lang.get().site().welcome_dismiss}</button>
                </div>
            </section>
        </Show>
        <main>
            {move || match state.page.get() {
                Page::Model => lazy::deferred(lazy::model_page_chunk, lazy::model_page),
                Page::Tour => lazy::deferred(lazy::tour_chunk, lazy::tour),
                Page::Exercise => lazy::deferred(lazy::exercises_chunk, lazy::exercises),
                Page::Simulate => view! { <Simulator /> }.into_any(),
            }}
        </main>
        <PrintReport />
    }
    .into_any()
}

/// The simulator: the input panel beside the result views.
#[component]
fn Simulator() -> impl IntoView {
    let state = use_state();
    view! {
                <div class="layout">
                    <aside
                        class="controls"
                        aria-label=move || t().sec_contract
                        class:editing-b=move || state.editing_b.get()
                    >
                        <Show when=move || state.editing_b.get()>
                            <p class="note b-note">{move || t().editing_b_note}</p>
                        </Show>
                        <PresetPicker />
                        <Toolbar />
                        <Editor />
                    </aside>
                    <div class="results-area">
                        <div class="subtabs" role="tablist">
                            {[
                                (
                                    Tab::Run,
                                    "tab-run",
                                    (|t| t.tab_run) as fn(&super::i18n::Strings) -> &'static str,
                                ),
                                (Tab::Ensemble, "tab-ensemble", |t| t.tab_ensemble),
                                (Tab::Compare, "tab-compare", |t| t.tab_compare),
                                (Tab::Negotiate, "tab-negotiate", |t| t.tab_negotiate),
                                (Tab::Why, "tab-why", |t| t.tab_why),
                            ]
                                .map(|(tab, id, label)| {
                                    view! {
                                        <button
                                            type="button"
                                            role="tab"
                                            class="tab"
                                            data-testid=id
                                            aria-selected=move || (state.tab.get() == tab).to_string()
                                            on:click=move |_| state.tab.set(tab)
                                        >
                                            {move || label(t())}
                                        </button>
                                    }
                                })
                                .collect_view()}
                        </div>
                        {move || match state.tab.get() {
                            Tab::Ensemble => lazy::deferred(lazy::ensemble_tab_chunk, lazy::ensemble_tab),
                            Tab::Compare => lazy::deferred(lazy::compare_tab_chunk, lazy::compare_tab),
                            Tab::Negotiate => lazy::deferred(lazy::negotiate_tab_chunk, lazy::negotiate_tab),
                            Tab::Why => lazy::deferred(lazy::why_tab_chunk, lazy::why_tab),
                            Tab::Run => view! { <RunView /> }.into_any(),
                        }}
                    </div>
                </div>
    }
}

const RELATIONSHIP_LEGEND: [Legend; 4] = {
    use chart::relationship::*;
    [
        (|t| t.relationship_line, &[RELATIONSHIP]),
        (|t| t.client_appreciation, &[CLIENT_APPRECIATION]),
        (|t| t.supplier_appreciation, &[SUPPLIER_APPRECIATION]),
        (|t| t.bounds_band, &[BOUNDS]),
    ]
};

const FOCUS_LEGEND: [Legend; 6] = {
    use chart::focus::*;
    [
        (|t| t.customer_focus, &[CUSTOMER_FOCUS]),
        (|t| t.extra_work_focus, &[EXTRA_WORK_FOCUS]),
        (|t| t.sla, &[SLA]),
        (|t| t.sla_target, &[SLA_TARGET]),
        (|t| t.quality, &[QUALITY]),
        (|t| t.expectation, &[EXPECTATION]),
    ]
};

const TRUST_LEGEND: [Legend; 4] = {
    use chart::trust::*;
    [
        (|t| t.client_trust, &[CLIENT_TRUST]),
        (|t| t.supplier_trust, &[SUPPLIER_TRUST]),
        (|t| t.ceilings, &[CLIENT_CEILING, SUPPLIER_CEILING]),
        (|t| t.alignment, &[ALIGNMENT]),
    ]
};

const MONEY_LEGEND: [Legend; 2] = {
    use chart::money::*;
    [
        (|t| t.client_cost_cum, &[CLIENT_COST]),
        (|t| t.supplier_margin_cum, &[SUPPLIER_MARGIN]),
    ]
};

/// One run: the relationship chart with its timeline, interventions, summary and the other
/// charts.
#[component]
fn RunView() -> impl IntoView {
    view! {
        <div class="results">
            <ChartCard
                title=|t| t.chart_relationship
                testid="chart-relationship"
                draw=chart::relationship::draw
                legend=RELATIONSHIP_LEGEND.to_vec()
            >
                <StripLegend />
                <Timeline />
            </ChartCard>
            <section class="card">
                <h2>{move || t().sec_interventions}</h2>
                <Interventions />
            </section>
            <Summary />
            <ChartCard
                title=|t| t.chart_focus
                testid="chart-focus"
                draw=chart::focus::draw
                legend=FOCUS_LEGEND.to_vec()
            />
            <ChartCard
                title=|t| t.chart_trust
                testid="chart-trust"
                draw=chart::trust::draw
                legend=TRUST_LEGEND.to_vec()
            />
            <ChartCard
                title=|t| t.chart_money
                testid="chart-money"
                draw=chart::money::draw
                legend=MONEY_LEGEND.to_vec()
            />
        </div>
    }
}
