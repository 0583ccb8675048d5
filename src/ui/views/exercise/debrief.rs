//! The debrief of one participant: score and parts, their path against never intervening and
//! the author's best path, the moments that moved the relationship most, luck or skill, the
//! discussion questions, and the result file to hand in.

use crate::text::names;
use crate::text::number;
use leptos::prelude::*;

use super::state::{lang_code, ExCtx, Stage};
use crate::chart;
use crate::chart::lines::Line;
use crate::sim::exercise::Play;
use crate::ui::app::state::t;
use crate::ui::platform::download::download_text;
use crate::ui::widgets::plot::Plot;

/// The debrief view.
#[component]
pub fn DebriefView() -> impl IntoView {
    let ctx = expect_context::<ExCtx>();
    let state = crate::ui::app::state::use_state();
    let ready = move || ctx.debrief.with(Option::is_some);
    let export = move |_| {
        let (Some(d), Some(json)) = (
            ctx.debrief.get_untracked(),
            ctx.play.with_untracked(|p| p.clone()),
        ) else {
            return;
        };
        let name = ctx.name.get_untracked();
        let result = d.result(&json, name.trim());
        let file = format!(
            "relsim-result-{}-{}.json",
            result.exercise,
            slug(&result.participant)
        );
        download_text(&file, "application/json", &result.to_json());
    };
    let again = move |_| {
        ctx.play.set(None);
        ctx.debrief.set(None);
        ctx.stage.set(Stage::Briefing);
    };
    // A trainer trying their own exercise records this play as the best path to compare with.
    let is_custom = move || {
        let id = ctx.exercise.with(|e| e.id.clone());
        ctx.custom.with(|c| c.as_ref().is_some_and(|c| c.id == id))
    };
    let record_best = move |_| {
        let decisions = ctx
            .play
            .with_untracked(|p| p.as_ref().map(|p| p.decisions.clone()).unwrap_or_default());
        ctx.draft.update(|d| d.best_path = decisions);
        ctx.sub.set(super::state::Sub::Author);
    };
    let option_label = move |id: &str| -> String {
        let lang = lang_code();
        ctx.exercise.with(|e| {
            e.menu.iter().find(|c| c.id == id).map_or_else(
                || t().carry_on.to_string(),
                |c| c.label.get(lang).to_string(),
            )
        })
    };
    view! {
        <section class="card debrief" data-testid="debrief">
            <Show when=ready fallback=move || view! { <p class="muted" role="status">{move || t().computing}</p> }>
                {move || ctx.debrief.get().map(|d| {
                    let tr = t();
                    let s = t();
                    let lang = state.lang.get();
                    let parts = [
                        (s.part_status, d.score.parts.end_status),
                        (s.part_money, d.score.parts.money),
                        (s.part_relationship, d.score.parts.relationship),
                        (s.part_trust, d.score.parts.trust),
                    ];
                    let best = d.best.map(|b| b.total);
                    view! {
                        <h2 tabindex="-1" data-testid="exercise-score" data-score=format!("{:.1}", d.score.total)>
                            {format!("{} {}", s.score, crate::text::number::number(d.score.total, 1, lang))}
                        </h2>
                        <p>{format!("{}: {}", s.part_status, names::status(d.score.end_status, tr))}
                            {format!(" · {}: {}", s.part_money, crate::text::number::keur_exact(d.score.money, 0, lang).replace('-', "−"))}</p>
                        <p class="muted" data-testid="score-scale">{ctx.exercise.with(|e| {
                            let w = &e.scoring;
                            let weights = [
                                (s.part_status, w.end_status),
                                (s.part_money, w.money),
                                (s.part_relationship, w.relationship),
                                (s.part_trust, w.trust),
                            ];
                            let list: Vec<String> = weights.iter()
                                .map(|(label, x)| format!("{label} {}", crate::text::number::number(*x, 1, state.lang.get())))
                                .collect();
                            format!("{} {}.", s.score_scale, list.join(", "))
                        })}</p>
                        <table class="outcomes" data-testid="score-parts"><tbody>
                            {parts.into_iter().map(|(label, v)| view! {
                                <tr><th scope="row">{label}</th><td>{crate::text::number::percent(v, 0, lang)}</td></tr>
                            }).collect_view()}
                            <tr><th scope="row">{s.never_intervene}</th><td data-testid="score-carry-on">{crate::text::number::number(d.carry_on.total, 1, lang)}</td></tr>
                            {best.map(|b| view! { <tr><th scope="row">{s.best_path}</th><td data-testid="score-best">{crate::text::number::number(b, 1, lang)}</td></tr> })}
                        </tbody></table>
                    }
                })}
                <Plot testid="debrief-chart" label=Signal::derive(move || t().your_path.to_string())
                    draw=move |area, style| {
                        let week = t().week;
                        let n = ctx.exercise.with(|e| e.scenario.weeks as usize);
                        ctx.debrief.with(|d| ctx.play.with(|p| if let (Some(d), Some(p)) = (d, p) {
                            let mine: Vec<f32> = p.history().rows.iter().map(|r| r.relationship as f32).collect();
                            let lines = [
                                Line { values: &d.carry_on_line, color: chart::palette::SKY, width: 2.0, dashed: true },
                                Line { values: &d.best_line, color: chart::palette::GREEN, width: 2.0, dashed: true },
                                Line { values: &mine, color: chart::palette::INK, width: 3.0, dashed: false },
                            ];
                            let _ = chart::lines::draw(area, n, &lines, None, None, week, style);
                        }));
                    } />
                <p class="legend-line">
                    <span class="key mine">{move || t().your_path}</span>
                    <span class="key never">{move || t().never_intervene}</span>
                    <span class="key best">{move || t().best_path}</span>
                </p>
                <h3>{move || t().moments}</h3>
                <ol data-testid="debrief-moments">
                    {move || ctx.debrief.get().map(|d| d.moments.iter().map(|m| {
                        let tr = t();
                        let what = if m.decided {
                            format!("{} ({})", names::intervention_id(&m.kind, tr), t().your_decision)
                        } else {
                            crate::sim::Kind::ALL.iter().find(|k| k.id() == m.kind)
                                .map_or(m.kind.clone(), |k| names::kind(*k, tr).to_string())
                        };
                        view! { <li>{format!("{} {}: {what} — {}", tr.week, m.week, number::points(m.change, 1, state.lang.get()))}</li> }
                    }).collect_view())}
                </ol>
                <h3>{move || t().own_moments}</h3>
                <ul data-testid="debrief-own-moments">
                    {move || ctx.debrief.get().map(|d| {
                        let tr = t();
                        let lang = state.lang.get();
                        if d.own.is_empty() {
                            return view! { <li class="muted">{tr.own_none}</li> }.into_any();
                        }
                        d.own.iter().map(|m| {
                            let text = format!(
                                "{} {}: {} — {} {} · {} pp {}",
                                tr.week,
                                m.week,
                                option_label(&m.option),
                                crate::text::number::signed(m.score_change, 1, lang),
                                tr.points,
                                crate::text::number::signed(m.line_change * 100.0, 1, lang),
                                tr.own_line_after
                            );
                            view! { <li>{text}</li> }
                        }).collect_view().into_any()
                    })}
                </ul>
                <h3>{move || t().luck}</h3>
                <p data-testid="debrief-luck" data-percentile=move || ctx.debrief.with(|d| d.as_ref().map_or(String::new(), |d| format!("{:.1}", d.luck.percentile)))>
                    {move || ctx.debrief.with(|d| d.as_ref().map(|d| (t().luck_text)(d.luck.percentile, d.luck.runs, d.luck.median, d.luck.beats_carry_on, d.score.total)))}
                </p>
                <h3>{move || t().your_decisions}</h3>
                <ol class="decisions" data-testid="debrief-decisions">
                    {move || ctx.play.with(|p| p.as_ref().map(|p: &Play| p.decisions.clone())).unwrap_or_default().into_iter()
                        .map(|d| view! { <li>{format!("{} {}: {}", t().week, d.week, option_label(&d.option))}</li> }).collect_view()}
                </ol>
                // The goal and the questions only when the author wrote them.
                <Show when=move || ctx.exercise.with(|e| !e.goal.get("en").is_empty())>
                    <h3>{move || t().goal}</h3>
                    <p data-testid="debrief-goal">{move || ctx.exercise.with(|e| e.goal.get(lang_code()).to_string())}</p>
                </Show>
                <Show when=move || ctx.exercise.with(|e| !e.questions.is_empty())>
                    <h3>{move || t().questions}</h3>
                    <ul data-testid="debrief-questions">
                        {move || ctx.exercise.with(|e| e.questions.iter().map(|q| q.get(lang_code()).to_string()).collect::<Vec<_>>())
                            .into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}
                    </ul>
                </Show>
                <div class="toolbar">
                    <label class="mini"><span>{move || t().name}</span>
                        <input type="text" data-testid="participant-name" maxlength="80" prop:value=move || ctx.name.get()
                            on:input=move |ev| ctx.name.set(event_target_value(&ev)) />
                    </label>
                    <button type="button" class="primary" data-testid="export-result" on:click=export>{move || t().export_result}</button>
                    <button type="button" data-testid="exercise-again" on:click=again>{move || t().play_again}</button>
                    <Show when=is_custom>
                        <button type="button" data-testid="record-best" on:click=record_best>{move || t().record_best}</button>
                    </Show>
                </div>
            </Show>
        </section>
    }
}

/// A file-name-safe form of a name.
fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let s = s.trim_matches('-');
    if s.is_empty() {
        "participant".into()
    } else {
        s.chars().take(40).collect()
    }
}
