//! The simulator page: the input panel beside the result views, one tab each.

use leptos::prelude::*;

use crate::text::names;
use crate::ui::app::loading::deferred;
use crate::ui::app::routes::Tab;
use crate::ui::app::state::{t, use_state};
use crate::ui::shell::split;
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
                            {Tab::ALL
                                .map(|tab| {
                                    view! {
                                        <button
                                            type="button"
                                            role="tab"
                                            class="tab"
                                            data-testid=format!("tab-{}", tab.id())
                                            aria-selected=move || (state.tab.get() == tab).to_string()
                                            on:click=move |_| state.tab.set(tab)
                                        >
                                            {move || names::tab(tab, t())}
                                        </button>
                                    }
                                })
                                .collect_view()}
                        </div>
                        {move || match state.tab.get() {
                            Tab::Ensemble => deferred(split::ensemble_tab_chunk, split::ensemble_tab),
                            Tab::Compare => deferred(split::compare_tab_chunk, split::compare_tab),
                            Tab::Negotiate => deferred(split::negotiate_tab_chunk, split::negotiate_tab),
                            Tab::Why => deferred(split::why_tab_chunk, split::why_tab),
                            Tab::Run => view! { <RunView /> }.into_any(),
                        }}
                    </div>
                </div>
    }
}
