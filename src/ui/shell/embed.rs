//! Embeds: an address with `embed=` in its query or fragment shows only the chosen charts (and,
//! with `controls=1`, the contract and manager controls) on the scenario in the link, for an
//! `<iframe>` in another site. The "embed code" button writes such a snippet.
//!
//! Address forms: `…/?embed=relationship,focus&controls=1#s=<scenario>` (what the button
//! writes) and `…/#embed=relationship&s=<scenario>` (everything in the fragment). Besides the
//! four run charts (`relationship`, `focus`, `trust`, `money`, or `all`), the whole many-futures
//! and why views can be embedded (`ensemble`, `why`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::sim::{link, Obligation, Role, Scenario};
use crate::text::embed::{parse, EmbedSpec};
use crate::text::Problem;
use crate::ui::app::state::{t, use_state};
use crate::ui::platform::{address, clipboard};
use crate::ui::views::ensemble::EnsembleView;
use crate::ui::views::why::WhyView;
use crate::ui::widgets::chart_card::ChartCard;
use crate::ui::widgets::controls::{Choice, Text};
use crate::ui::widgets::run_charts::{RunChart, RUN_CHARTS};

/// Whole result views an embed can show: (name in the address, title).
const VIEWS: [(&str, Text); 2] = [("ensemble", |t| t.tab_ensemble), ("why", |t| t.tab_why)];

/// The embed this address asks for, if any.
pub fn spec() -> Option<EmbedSpec> {
    let value = address::value("embed")?;
    let controls = address::value("controls").as_deref() == Some("1");
    let charts: Vec<&str> = RUN_CHARTS.iter().map(|c| c.name).collect();
    let views: Vec<&str> = VIEWS.iter().map(|v| v.0).collect();
    Some(parse(&value, controls, &charts, &views))
}

/// The scenario in an `s=` pair that does not open the fragment (`#embed=…&s=…`).
fn scenario_in_pairs() -> Option<Result<Scenario, Problem>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    if hash.starts_with("#s=") {
        return None; // read by the app's own link decoding
    }
    let encoded = hash.split('&').find_map(|kv| kv.strip_prefix("s="))?;
    Some(match link::percent_decode(encoded) {
        Ok(json) => Scenario::from_json(&json).map_err(|e| Problem::Unreadable {
            error: link::LinkError::Scenario(e),
            json: Some(json),
        }),
        Err(error) => Err(Problem::Unreadable { error, json: None }),
    })
}

fn encoded(s: &Scenario) -> String {
    js_sys::encode_uri_component(&crate::sim::json::write(s)).into()
}

/// The embed address of `scenario` showing `charts` (names joined by commas, or `all`).
pub fn embed_url(scenario: &Scenario, charts: &str, controls: bool) -> String {
    format!(
        "{}?embed={charts}{}#s={}",
        address::app_base(),
        if controls { "&controls=1" } else { "" },
        encoded(scenario)
    )
}

/// The `<iframe>` snippet for an embed address.
pub fn snippet(url: &str, title: &str, charts: usize, controls: bool) -> String {
    let height = 90 + 430 * charts + if controls { 150 } else { 0 };
    let title = title.replace('"', "&quot;");
    format!(
        "<iframe src=\"{}\" title=\"{title}\" width=\"100%\" height=\"{height}\" style=\"border:0;max-width:960px\" loading=\"lazy\"></iframe>",
        url.replace('"', "%22")
    )
}

/// The page of an embed: the chosen charts, optional controls, a link to the full app.
#[component]
pub fn EmbedView(spec: EmbedSpec) -> impl IntoView {
    let state = use_state();
    match scenario_in_pairs() {
        Some(Ok(s)) => state.scenario.set(s),
        Some(Err(e)) => state.error.set(Some(e.while_(|t| t.link_failed))),
        None => {}
    }
    let full = move || format!("{}#s={}", address::app_base(), state.scenario.with(encoded));
    let controls = spec.controls.then(|| {
        view! {
            <div class="embed-controls">
                <Choice label=|t| t.obligation testid="obligation-select"
                    options=vec![("effort", |t| t.effort), ("result", |t| t.result)]
                    get=|s| match s.contract.obligation { Obligation::Effort => "effort", Obligation::Result => "result" }
                    set=|s, v| s.contract.obligation = if v == "result" { Obligation::Result } else { Obligation::Effort } />
                <Choice label=|t| t.sec_manager testid="role-select"
                    options=vec![("none", |t| t.role_none), ("butler", |t| t.role_butler), ("accountant", |t| t.role_accountant),
                        ("representative", |t| t.role_representative), ("nanny", |t| t.role_nanny)]
                    get=|s| s.manager.role.id()
                    set=|s, v| if let Some(r) = Role::ALL.iter().find(|r| r.id() == v) { s.manager.role = *r } />
            </div>
        }
    });
    view! {
        <main class="embed" data-testid="embed">
            <h1 class="visually-hidden">"Relsim"</h1>
            {controls}
            <div class="results">
                {spec.charts.iter().map(|&i| {
                    let chart = &RUN_CHARTS[i];
                    view! { <ChartCard chart /> }
                }).collect_view()}
            </div>
            {spec.views.iter().map(|&i| match VIEWS[i].0 {
                "why" => view! { <WhyView /> }.into_any(),
                _ => view! { <EnsembleView /> }.into_any(),
            }).collect_view()}
            <p class="embed-foot">
                <a href=full target="_blank" rel="noopener">{move || state.lang.get().t().embed_open}" ↗"</a>
            </p>
        </main>
    }
}

/// The "embed code" button and its panel: what to show, and the snippet to paste.
#[component]
pub fn EmbedCode() -> impl IntoView {
    let state = use_state();
    let open = RwSignal::new(false);
    let which = RwSignal::new("relationship".to_string());
    let controls = RwSignal::new(false);
    let copied = RwSignal::new(false);
    let code = move || {
        let lang = state.lang.get();
        let w = which.get();
        let c = controls.get();
        let url = state.scenario.with(|s| embed_url(s, &w, c));
        let (title, n) = match (
            RUN_CHARTS.iter().find(|x| x.name == w),
            VIEWS.iter().find(|x| x.0 == w),
        ) {
            (Some(x), _) => (format!("Relsim — {}", (x.title)(lang.t())), 1),
            (_, Some(v)) => (format!("Relsim — {}", (v.1)(lang.t())), 3),
            _ => (format!("Relsim — {}", lang.t().embed_all), RUN_CHARTS.len()),
        };
        snippet(&url, &title, n, c)
    };
    let copy = move |_| {
        open.set(true);
        copied.set(false);
        let text = code();
        // Without a clipboard (plain http) or permission the snippet stays in its field,
        // selected, for copying by hand.
        leptos::task::spawn_local(async move {
            if clipboard::copy(&text).await {
                copied.set(true);
            } else {
                clipboard::select_field("embed-snippet");
            }
        });
    };
    let site = move || state.lang.get().t();
    view! {
        <button type="button" data-testid="embed-code" aria-expanded=move || open.get().to_string()
            aria-controls="embed-panel" on:click=copy>{move || site().embed_code}</button>
        <Show when=move || open.get()>
            <div class="embed-panel" id="embed-panel">
                <label for="embed-which">{move || site().embed_what}</label>
                <select id="embed-which" data-testid="embed-which" prop:value=move || which.get()
                    on:change=move |ev| { which.set(event_target_value(&ev)); copied.set(false); }>
                    {RUN_CHARTS.iter().map(|&RunChart { name, title, .. }| view! {
                        <option value=name selected=move || which.get() == name>{move || title(t())}</option>
                    }).collect_view()}
                    <option value="all" selected=move || which.get() == "all">{move || site().embed_all}</option>
                    {VIEWS.map(|(name, title)| view! {
                        <option value=name selected=move || which.get() == name>{move || title(t())}</option>
                    }).collect_view()}
                </select>
                <label class="switch">
                    <input type="checkbox" prop:checked=move || controls.get()
                        on:change=move |ev| { controls.set(event_target_checked(&ev)); copied.set(false); } />
                    <span>{move || site().embed_controls}</span>
                </label>
                <label for="embed-snippet">{move || site().embed_snippet}</label>
                <textarea id="embed-snippet" data-testid="embed-snippet" readonly=true rows="4"
                    prop:value=code
                    on:focus=move |ev| {
                        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) { el.select(); }
                    }></textarea>
                <p class="muted small-print" aria-live="polite">{move || copied.get().then(|| site().embed_copied)}</p>
            </div>
        </Show>
    }
}
