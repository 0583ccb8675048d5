//! Save and share: copy the link, export and import the scenario as JSON, export the weekly
//! series as CSV.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::download::download_text;
use super::embed::EmbedCode;
use super::file_input::read_picked_text;
use super::reading::{self, Text};
use super::report::PrintButton;
use super::state::{t, use_state};
use super::storage::{link, save};
use crate::sim::{csv::history_csv, Scenario};

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
        let Some(w) = web_sys::window() else { return };
        let navigator = w.navigator();
        // `navigator.clipboard` is missing outside secure contexts; calling it would throw.
        let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
            .is_ok_and(|c| !c.is_undefined() && !c.is_null());
        if !has_clipboard {
            by_hand.set(true);
            select_link_field();
            return;
        }
        let promise = navigator.clipboard().write_text(&url);
        // Clipboard access may be refused (no permission); the link stays visible in the field
        // below, selected, for copying by hand.
        leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                copied.set(true);
            } else {
                by_hand.set(true);
                select_link_field();
            }
        });
    };
    let export_json = move |_| {
        let json = state.scenario.with_untracked(Scenario::to_json);
        download_text("relsim-scenario.json", "application/json", &json);
    };
    let export_csv = move |_| {
        let csv = state.history.with_untracked(history_csv);
        super::download::download_csv("relsim-weeks.csv", &csv);
    };
    let import = move |ev: leptos::ev::Event| {
        read_picked_text(ev, move |text| {
            let lang = state.lang.get_untracked();
            reading::read_then(Text::Json(text), lang, move |read| match read {
                Ok(s) => {
                    state.editing.set(None);
                    state.scenario.set(s);
                    state.error.set(None);
                }
                Err(why) => {
                    let failed = lang.t().import_failed;
                    state.error.set(Some(format!("{failed}: {why}")))
                }
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

/// Selects the link field once it is on the page (after this turn's render), so that the user
/// can copy it with Ctrl+C or the menu.
fn select_link_field() {
    let Some(w) = web_sys::window() else { return };
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        let field = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid='share-url']").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(el) = field {
            let _ = el.focus();
            el.select();
        }
    });
    let _ = w.request_animation_frame(cb.unchecked_ref());
}
