//! The scored dashboard: score and level, dimension bars and radar, the scenario strip.
//! The desk draws it live into the app's results panel (`desk::live`) and into the printed
//! report, so the first visit, whose questionnaire has no score, has none of it.

use leptos::prelude::*;

use crate::app::results::Results;
use crate::app::state::Reader;
use crate::app::views::i18n::{t, tr};
use crate::app::views::svg_markup::svg_markup;
use crate::app::views::widgets::{shape_key, UnverifiedMark};
use crate::desk::dimensions::Dimensions;
use crate::desk::live::LiveState;
use crate::domain::compute::evaluation::ItemState;
use crate::domain::model::questionnaire::ItemKind;
use crate::domain::model::text::Lang;
use crate::domain::report::format::{level_label, not_applicable, DASH};
use crate::domain::report::{score_summary, DimensionRow};

#[component]
pub fn ScoreCard(results: Results) -> impl IntoView {
    let lang = results.lang;
    let summary = Memo::new(move |_| {
        results.questionnaire.with(|q| {
            results
                .assessment
                .with(|a| score_summary(&q.0, a, lang.get()))
        })
    });
    let missing = Memo::new(move |_| {
        let l = lang.get();
        results.questionnaire.with(|q| {
            results.assessment.with(|a| {
                a.score
                    .missing
                    .iter()
                    .filter_map(|id| q.0.item(id))
                    .map(|i| i.text.get(l).to_string())
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="score-card" aria-labelledby="score-title">
            <h3 id="score-title">{t(lang, "总体水平", "Overall level")}</h3>
            <p class="score-line">
                <span class="score-total" id="score-total">{move || summary.with(|s| s.total_text.clone())}</span>
                <span class="score-scale">{move || summary.with(|s| s.scale_text.clone())}</span>
                <span class="score-level" id="score-level">{move || summary.with(|s| s.level_name.clone())}</span>
            </p>
            <p class="score-descriptor">{move || summary.with(|s| s.level_descriptor.clone())}</p>
            <p class="score-next" id="score-next">{move || summary.with(|s| s.next_text.clone())}</p>
            {move || summary.with(|s| (!s.scenario_estimate_text.is_empty()).then(|| view! {
                <div class="scenario-estimate" id="scenario-estimate">
                    <p class="scenario-estimate-level">{s.scenario_estimate_text.clone()}<UnverifiedMark lang=results.lang /></p>
                    <p class="scenario-estimate-next">{s.scenario_next_text.clone()}</p>
                    <p class="scenario-estimate-source">{s.scenario_source_text.clone()}</p>
                </div>
            }))}
            <p class="score-completeness" id="score-completeness" class:provisional=move || summary.with(|s| s.provisional)>
                {move || summary.with(|s| s.completeness_text.clone())}
            </p>
            {move || {
                let items = missing.get();
                let title = tr(lang.get(), "未回答的题目", "Unanswered questions").to_string();
                (!items.is_empty()).then(|| listed("missing", title, items))
            }}
            // "不清楚" and "不适用" answers with what the score does with them.
            {move || summary.with(|s| s.special.clone()).into_iter().map(|n| listed(n.kind, n.text, n.items)).collect_view()}
            <p class="score-unscored">{move || summary.with(|s| s.unscored_text.clone())}</p>
        </section>
    }
}

/// A count of questions that unfolds to the questions themselves.
fn listed(kind: &'static str, title: String, items: Vec<String>) -> impl IntoView {
    view! {
        <details class=kind data-note=kind>
            <summary>{title}</summary>
            <ul>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
        </details>
    }
}

#[component]
pub fn DimensionView(results: Results, dims: Dimensions) -> impl IntoView {
    let lang = results.lang;
    view! {
        <section class="dimensions" aria-labelledby="dimensions-title">
            <h3 id="dimensions-title">{t(lang, "各维度得分", "Score by dimension")}</h3>
            <div class="chart-pair">
                <figure class="chart radar" use:svg_markup=dims.radar_svg></figure>
                <figure class="chart dimension-bars" use:svg_markup=dims.bars_svg></figure>
            </div>
            <details class="data-table">
                <summary>{t(lang, "以表格查看", "View as a table")}</summary>
                <DimensionTable rows=dims.rows lang=lang />
            </details>
        </section>
    }
}

#[component]
pub fn DimensionTable(rows: Memo<Vec<DimensionRow>>, lang: Reader<Lang>) -> impl IntoView {
    // The body is rebuilt only when the dimensions themselves change; the figures in its
    // cells update in place (see `results::IndicatorTable`).
    let shape = Memo::new(move |_| {
        rows.with(|rows| {
            shape_key(
                rows.iter()
                    .map(|r| [r.id.as_str(), r.name.as_str(), r.section.as_str()]),
            )
        })
    });
    let cell = move |i: usize, text: fn(&DimensionRow) -> String| {
        move || rows.with(|rows| rows.get(i).map_or(String::new(), text))
    };
    view! {
        <table class="dimension-table">
            <thead><tr>
                <th scope="col">{t(lang, "维度", "Dimension")}</th>
                <th scope="col" class="num">{t(lang, "得分率", "Score %")}</th>
                <th scope="col">{t(lang, "得分", "Score")}</th>
                <th scope="col">{t(lang, "距下一等级", "To next level")}</th>
            </tr></thead>
            <tbody>
                {move || { let _ = shape.get(); rows.with_untracked(|rows| rows.iter().enumerate().map(|(i, r)| view! {
                    <tr data-dimension=r.id.clone()>
                        <th scope="row">{r.name.clone()}<span class="section-name">{r.section.clone()}</span></th>
                        <td class="num">{cell(i, |r| r.percent_text.clone())}</td>
                        <td>{cell(i, |r| r.value_text.clone())}</td>
                        <td>{cell(i, |r| if r.gap_text.is_empty() { DASH.to_string() } else { r.gap_text.clone() })}</td>
                    </tr>
                }).collect_view()) }}
            </tbody>
        </table>
    }
}

/// The 16 scenarios of the SME scheme as a strip of levels.
#[component]
pub fn ScenarioStrip(results: Results) -> impl IntoView {
    let lang = results.lang;
    let cells = Memo::new(move |_| {
        let l = lang.get();
        results.questionnaire.with(|q| {
            results.assessment.with(|a| {
                let levels = &a.score.scenario_levels;
                // The scenarios rated, and those marked not applicable: left out of the
                // scenario levels, but shown as such rather than dropped without a word.
                q.0.items()
                    .filter(|i| matches!(i.kind, ItemKind::Level { points: None, .. }))
                    .filter_map(|i| {
                        let rated = levels.iter().find(|(id, _)| *id == i.id);
                        let na = a.evaluation.state(&i.id) == ItemState::NotApplicable;
                        if rated.is_none() && !na {
                            return None;
                        }
                        let level = rated.and_then(|(_, level)| *level);
                        let label = match level {
                            Some(n) => level_label(&q.0, n, l),
                            None if na => not_applicable(l).to_string(),
                            None => DASH.to_string(),
                        };
                        let name = i.text.get(l).split(['：', ':']).next().unwrap_or_default();
                        Some((name.to_string(), level, label))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    move || {
        let cells = cells.get();
        (!cells.is_empty()).then(|| {
            let l = lang.get();
            let any_na = cells
                .iter()
                .any(|(_, level, label)| level.is_none() && label == not_applicable(l));
            view! {
                <section class="scenarios" aria-labelledby="scenarios-title">
                    <h3 id="scenarios-title">{tr(l, "数字化经营场景等级", "Digital operations scenarios")}</h3>
                    <ol class="scenario-strip">
                        {cells.into_iter().map(|(name, level, label)| {
                            let class = format!("scenario level-{}", level.map_or(0, u32::from));
                            view! { <li class=class><span class="scenario-name">{name}</span><span class="scenario-level">{label}</span></li> }
                        }).collect_view()}
                    </ol>
                    {any_na.then(|| view! { <p class="footnote scenario-na">{tr(l, "“不适用”的场景不参与场景等级的统计。", "Scenarios marked “not applicable” are left out of the scenario levels.")}</p> })}
                </section>
            }
        })
    }
}

/// The score card in the app's results panel, while the app shows a scored questionnaire.
#[component]
pub fn LiveScore(live: LiveState) -> impl IntoView {
    let results = live.results();
    let lang = results.lang;
    // Drawn anew only when it becomes ready, not on every change of the answers.
    let ready = Memo::new(move |_| live.ready());
    view! {
        {move || live.waiting().then(|| view! {
            <p class="desk-status" role="status">{t(lang, "正在准备得分……", "Preparing the score…")}</p>
        })}
        {move || ready.get().then(|| view! { <ScoreCard results=results /> })}
    }
}

/// The dimensions and scenarios below the headline indicators, as `LiveScore`.
#[component]
pub fn LiveDimensions(live: LiveState) -> impl IntoView {
    let results = live.results();
    let dims = Dimensions::new(results);
    let ready = Memo::new(move |_| live.ready());
    move || {
        ready.get().then(|| {
            view! {
                <DimensionView results=results dims=dims />
                <ScenarioStrip results=results />
            }
        })
    }
}
