//! Save and share: copy the link, export and import the scenario as JSON, export the weekly
//! series as CSV.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::sim::{csv::history_csv, Scenario};
use crate::ui::app::reading::{self, Text};
use crate::ui::app::state::{t, use_state};
use crate::ui::app::storage::{link, save};
use crate::ui::platform::clipboard;
use crate::ui::platform::download::download_text;
use crate::ui::platform::file_input::read_picked_text;
use crate::ui::shell::embed::EmbedCode;
use crate::ui::views::report::PrintButton;

/// The toolbar.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = use_state();
    let copied = RwSignal::new(false);
    // The browser offers no clipboard (a plain http:// address other than this machine's): the
    // link is selected in its field for copying by hand, and the page says so.
    let by_hand = RwSignal::new(false);
    let shown = RwSignal::new(None::<String>);
    let share = move |_| {
        // The address is saved a moment after each edit; bring it up to date with the link.
        state.scenario.with_untracked(save);
        let url = state.scenario.with_untracked(link);
        shown.set(Some(url.clone()));
        // Without a clipboard (a plain http:// address) or without permission, the link stays
        // in its field, selected, and the page says how to copy it by hand.
        leptos::task::spawn_local(async move {
            if clipboard::copy(&url).await {
                copied.set(true);
            } else {
                by_hand.set(true);
                clipboard::select_field("share-url");
            }
        });
    };
    let export_json = move |_| {
        let json = state.scenario.with_untracked(Scenario::to_json);
        download_text("relsim-scenario.json", "application/json", &json);
    };
    let export_csv = move |_| {
        let csv = state.history.with_untracked(history_csv);
        crate::ui::platform::download::download_csv("relsim-weeks.csv", &csv);
    };
    let import = move |ev: leptos::ev::Event| {
        read_picked_text(ev, move |text| {
            reading::read_then(Text::Json(text), move |read| match read {
                Ok(s) => {
                    state.editing.set(None);
                    state.scenario.set(s);
                    state.error.set(None);
                }
                Err(why) => state.error.set(Some(why.while_(|t| t.import_failed))),
            });
        });
    };
    view! {
        <div class="toolbar">
            <button type="button" data-testid="share-link" on:click=share on:blur=move |_| copied.set(false)>
                {move || if copied.get() { t().copied } else { t().share }}
            </button>
            <button type="button" data-testid="export-json" on:click=export_json>
                {move || t().export_json}
            </button>
            <label class="button">
                {move || t().import_json}
                <input
                    type="file"
                    accept="application/json,.json"
                    data-testid="import-json"
                    class="visually-hidden"
                    on:change=import
                />
            </label>
            <button type="button" data-testid="export-csv" on:click=export_csv>
                {move || t().export_csv}
            </button>
            <PrintButton />
            <EmbedCode />
            <Show when=move || shown.with(Option::is_some)>
                <input
                    type="text"
                    readonly=true
                    class="link-field"
                    data-testid="share-url"
                    aria-label=move || t().share
                    prop:value=move || shown.get().unwrap_or_default()
                    on:focus=move |ev| {
                        if let Some(el) = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        {
                            el.select();
                        }
                    }
                />
                <Show when=move || by_hand.get()>
                    <p class="note" role="status" data-testid="share-by-hand">{move || t().copy_by_hand}</p>
                </Show>
            </Show>
        </div>
    }
}
