//! The simulator page: the input panel beside the result views, one tab each.

use leptos::prelude::*;

use crate::ui::app::loading::deferred;
use crate::ui::app::routes::Tab;
use crate::ui::app::state::{t, use_state};
use crate::ui::shell::routes;
use crate::ui::shell::toolbar::Toolbar;
use crate::ui::views::run::editor::Editor;
use crate::ui::views::run::RunView;
use crate::ui::widgets::presets::PresetPicker;

/// The simulator: the input panel beside the result views.
#[component]
pub fn Simulator() -> impl IntoView {
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
                                    (|t| t.tab_run) as fn(&crate::text::Strings) -> &'static str,
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
                            Tab::Ensemble => deferred(routes::ensemble_tab_chunk, routes::ensemble_tab),
                            Tab::Compare => deferred(routes::compare_tab_chunk, routes::compare_tab),
                            Tab::Negotiate => deferred(routes::negotiate_tab_chunk, routes::negotiate_tab),
                            Tab::Why => deferred(routes::why_tab_chunk, routes::why_tab),
                            Tab::Run => view! { <RunView /> }.into_any(),
                        }}
                    </div>
                </div>
    }
}
