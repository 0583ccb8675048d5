//! The app shell: header with pages and language, error banner, and the simulator layout.

use leptos::prelude::*;

use super::charts::ChartCard;
use super::compare_view::CompareView;
use super::editor::Editor;
use super::ensemble_view::EnsembleView;
use super::interventions::Interventions;
use super::model_page::ModelPage;
use super::negotiate_view::NegotiateView;
use super::presets::PresetPicker;
use super::state::{t, AppState, Page, Tab};
use super::summary::Summary;
use super::timeline::Timeline;
use super::toolbar::Toolbar;
use super::why_view::WhyView;
use crate::chart;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    provide_context(super::exercise_view::ExCtx::new(state));
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        state.resize.update(|n| *n += 1)
    });
    on_cleanup(move || handle.remove());
    let tab = move |page: Page, label: fn(&super::i18n::Strings) -> &'static str| {
        view! {
            <button type="button" role="tab" class="tab" aria-selected=move || (state.page.get() == page).to_string()
                on:click=move |_| state.page.set(page)>{move || label(t())}</button>
        }
    };
    view! {
        <header class="top">
            <div class="brand">
                <h1>"Relsim"</h1>
                <p>{move || t().tagline}</p>
            </div>
            <nav role="tablist">
                {tab(Page::Simulate, |t| t.tab_simulate)}
                {tab(Page::Model, |t| t.tab_model)}
                <button type="button" role="tab" class="tab" data-testid="mode-exercise"
                    aria-selected=move || (state.page.get() == Page::Exercise).to_string()
                    on:click=move |_| state.page.set(Page::Exercise)>{move || state.lang.get().ex().mode}</button>
            </nav>
            <button type="button" class="lang" data-testid="lang-toggle"
                aria-label=move || t().lang_toggle_label
                on:click=move |_| state.lang.update(|l| *l = match l { super::i18n::Lang::En => super::i18n::Lang::Nl, super::i18n::Lang::Nl => super::i18n::Lang::En })>
                {move || t().lang_toggle}
            </button>
        </header>
        <Show when=move || state.error.with(Option::is_some)>
            <div class="error-banner" role="alert" data-testid="error-banner">
                <span>{move || state.error.get()}</span>
                <button type="button" class="small" on:click=move |_| state.error.set(None)>{move || t().dismiss}</button>
            </div>
        </Show>
        <main>
            <Show when=move || state.page.get() == Page::Exercise>
                <super::exercise_view::ExerciseView />
            </Show>
            <Show when=move || state.page.get() == Page::Model>
                <ModelPage />
            </Show>
            <Show when=move || state.page.get() == Page::Simulate>
                <div class="layout">
                    <aside class="controls" aria-label=move || t().sec_contract class:editing-b=move || state.editing_b.get()>
                        <Show when=move || state.editing_b.get()><p class="note b-note">{move || t().editing_b_note}</p></Show>
                        <PresetPicker />
                        <Toolbar />
                        <Editor />
                    </aside>
                    <div class="results-area">
                    <div class="subtabs" role="tablist">
                        {[(Tab::Run, "tab-run", (|t| t.tab_run) as fn(&super::i18n::Strings) -> &'static str),
                          (Tab::Ensemble, "tab-ensemble", |t| t.tab_ensemble),
                          (Tab::Compare, "tab-compare", |t| t.tab_compare),
                          (Tab::Negotiate, "tab-negotiate", |t| t.tab_negotiate),
                          (Tab::Why, "tab-why", |t| t.tab_why)]
                            .map(|(tab, id, label)| view! {
                                <button type="button" role="tab" class="tab" data-testid=id
                                    aria-selected=move || (state.tab.get() == tab).to_string()
                                    on:click=move |_| state.tab.set(tab)>{move || label(t())}</button>
                            }).collect_view()}
                    </div>
                    {move || match state.tab.get() {
                        Tab::Ensemble => view! { <EnsembleView /> }.into_any(),
                        Tab::Compare => view! { <CompareView /> }.into_any(),
                        Tab::Negotiate => view! { <NegotiateView /> }.into_any(),
                        Tab::Why => view! { <WhyView /> }.into_any(),
                        Tab::Run => view! { <RunView /> }.into_any(),
                    }}
                    </div>
                </div>
            </Show>
        </main>
    }
}

/// One run: the relationship chart with its timeline, interventions, summary and the other
/// charts.
#[component]
fn RunView() -> impl IntoView {
    view! {
                    <div class="results">
                        <ChartCard title=|t| t.chart_relationship testid="chart-relationship"
                            draw=chart::relationship::draw
                            legend=vec![(|t| t.relationship_line, "#222222", false), (|t| t.client_appreciation, "#0072b2", false),
                                (|t| t.supplier_appreciation, "#e69f00", false), (|t| t.bounds_band, "#009e73", true)]>
                            <Timeline />
                        </ChartCard>
                        <section class="card">
                            <h2>{move || t().sec_interventions}</h2>
                            <Interventions />
                        </section>
                        <Summary />
                        <ChartCard title=|t| t.chart_focus testid="chart-focus" draw=chart::focus::draw
                            legend=vec![(|t| t.customer_focus, "#222222", false), (|t| t.extra_work_focus, "#e69f00", false),
                                (|t| t.sla, "#009e73", false), (|t| t.sla_target, "#009e73", true),
                                (|t| t.quality, "#cc79a7", false), (|t| t.expectation, "#cc79a7", true)] />
                        <ChartCard title=|t| t.chart_trust testid="chart-trust" draw=chart::trust::draw
                            legend=vec![(|t| t.client_trust, "#0072b2", false), (|t| t.supplier_trust, "#e69f00", false),
                                (|t| t.ceilings, "#555555", true), (|t| t.alignment, "#009e73", false)] />
                        <ChartCard title=|t| t.chart_money testid="chart-money" draw=chart::money::draw
                            legend=vec![(|t| t.client_cost_cum, "#0072b2", false), (|t| t.supplier_margin_cum, "#e69f00", false)] />
                    </div>
    }
}
