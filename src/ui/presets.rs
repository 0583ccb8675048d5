//! The presets picker with each preset's story.

use leptos::prelude::*;

use super::state::{t, use_state};
use crate::sim::presets;

/// A select of the presets; choosing one replaces the scenario.
#[component]
pub fn PresetPicker() -> impl IntoView {
    let state = use_state();
    let chosen = RwSignal::new(String::new());
    let story = move || {
        let id = chosen.get();
        t().presets.iter().find(|p| p.id == id).map(|p| p.story)
    };
    view! {
        <div class="presets">
            <label for="preset-select">{move || t().sec_presets}</label>
            <select id="preset-select" data-testid="preset-select" prop:value=move || chosen.get()
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    if let Some(p) = presets::find(&id) {
                        state.editing.set(None);
                        state.scenario.set(p.scenario());
                        state.error.set(None);
                    }
                    chosen.set(id);
                }>
                <option value="" disabled=true>"—"</option>
                {move || t().presets.iter().map(|p| view! { <option value=p.id>{p.name}</option> }).collect_view()}
            </select>
            <p class="story">{story}</p>
        </div>
    }
}
