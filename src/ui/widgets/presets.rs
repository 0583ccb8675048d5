//! The presets picker with each preset's story.

use leptos::prelude::*;

use crate::sim::presets;
use crate::ui::app::reading::{self, Text};
use crate::ui::app::state::{t, use_state};

/// One option per preset, named in the interface language.
pub fn preset_options() -> impl IntoView {
    let name = |p: &presets::Preset| t().preset(p).name;
    presets::ALL
        .iter()
        .map(|p| view! { <option value=p.id>{name(p)}</option> })
        .collect_view()
}

/// A select of the presets; choosing one replaces the scenario.
#[component]
pub fn PresetPicker() -> impl IntoView {
    let state = use_state();
    let chosen = RwSignal::new(String::new());
    // While a preset is read (the first time, its reader is fetched: see `reading.rs`), and the
    // last preset whose scenario was put in the editor.
    let busy = RwSignal::new(false);
    let applied = RwSignal::new("");
    let story = move || chosen.with(|id| presets::find(id).map(|p| t().preset(p).story));
    view! {
        <div class="presets">
            <label for="preset-select">{move || t().sec_presets}</label>
            <select id="preset-select" data-testid="preset-select" prop:value=move || chosen.get()
                aria-busy=move || busy.get().to_string() data-applied=move || applied.get()
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    if let Some(p) = presets::find(&id) {
                        busy.set(true);
                        let text = Text::Json(p.json.to_string());
                        reading::read_then(text, move |read| {
                            busy.set(false);
                            match read {
                                Ok(s) => {
                                    state.editing.set(None);
                                    state.scenario.set(s);
                                    state.error.set(None);
                                    applied.set(p.id);
                                }
                                Err(why) => state.error.set(Some(why)),
                            }
                        });
                    }
                    chosen.set(id);
                }>
                <option value="" disabled=true>"—"</option>
                {move || preset_options()}
            </select>
            <p class="story">{story}</p>
        </div>
    }
}
