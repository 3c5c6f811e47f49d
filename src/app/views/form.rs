//! The questionnaire: setup (questionnaire, file, firm, target profile), the section list
//! with progress, and the current section. Only the current section is rendered.

use leptos::prelude::*;

use crate::app::desk::Desk;
use crate::app::state::AppState;
use crate::app::views::fields::ItemField;
use crate::app::views::i18n::{t, tr};
use crate::app::views::library::Library;
use crate::app::views::setup::Setup;
use crate::app::views::widgets::{focus_after_render, go_to_unanswered, UnverifiedMark};
use crate::domain::compute::assessment::{first_invalid, section_progress};
use crate::domain::compute::scoring::is_scored as is_scored_q;
use crate::domain::model::questionnaire::{Indicator, Section};
use crate::domain::model::text::{Lang, Text};
use crate::domain::report::format::{answered_of, format_points, progress_text};
use crate::domain::report::section_note;

#[component]
pub fn QuestionnaireForm(state: AppState, desk: Desk) -> impl IntoView {
    let lang = state.lang();
    let progress = Memo::new(move |_| {
        state.questionnaire().with(|q| {
            state
                .assessment()
                .with(|a| section_progress(&q.0, &a.evaluation))
        })
    });
    let go_to = move |s: usize| {
        state.go_to_section(s);
        focus_after_render(format!("section-{s}-heading"));
    };
    let jump = move |_| go_to_unanswered(state, state.section().get_untracked());
    // "Next" with an error in this section goes to the error instead (nothing is lost).
    let next = move |_| {
        let current = state.section().get_untracked();
        let invalid = state.questionnaire().with_untracked(|q| {
            state
                .assessment()
                .with_untracked(|a| first_invalid(&q.0, &a.evaluation, current))
        });
        let last = current + 1 >= state.questionnaire().with_untracked(|q| q.0.sections.len());
        match invalid {
            Some(item) => focus_after_render(format!("q-{item}")),
            // After the last section comes the result (below the form on a phone).
            None if last => focus_after_render("results-title".to_string()),
            None => go_to(current + 1),
        }
    };
    let section_count = move || state.questionnaire().with(|q| q.0.sections.len());
    let on_last = move || state.section().get() + 1 >= section_count();
    view! {
        // Which questionnaire the form shows (tests wait for a downloaded one on it).
        <div class="questionnaire" data-questionnaire=move || state.questionnaire().with(|q| q.0.id.clone())>
            <Library state=state desk=desk />
            <Setup state=state />
            <nav class="section-nav" aria-label=t(lang, "问卷部分", "Questionnaire sections")>
                <ol>
                    {move || {
                        let q = state.q();
                        q.sections.iter().enumerate().map(|(i, s)| {
                            let title = s.title.clone();
                            let p = move || progress.with(|p| p.get(i).copied().unwrap_or_default());
                            view! {
                                <li>
                                    <button type="button" class="section-link" id=format!("nav-section-{i}")
                                        class:current=move || state.section().get() == i
                                        class:complete=move || p().is_complete()
                                        aria-current=move || (state.section().get() == i).then_some("step")
                                        on:click=move |_| go_to(i)>
                                        <span class="mark" aria-hidden="true">{move || if p().is_complete() { "✓" } else { "" }}</span>
                                        <span class="name">{move || title.get(lang.get()).to_string()}</span>
                                        <span class="count">{move || { let p = p(); answered_of(p.answered, p.total, lang.get()) }}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ol>
            </nav>
            {move || {
                let q = state.q();
                let i = state.section().get().min(q.sections.len().saturating_sub(1));
                let section = q.sections[i].clone();
                let defs: Vec<Indicator> = q
                    .indicators
                    .iter()
                    .filter(|ind| ind.formula.inputs().iter().any(|id| section_has(&section, id)))
                    .cloned()
                    .collect();
                view! { <SectionView state=state index=i section=section indicators=defs /> }
            }}
            <SummaryBar state=state />
            <div class="pager">
                <button type="button" class="secondary-dark" id="prev-section"
                    disabled=move || state.section().get() == 0
                    on:click=move |_| go_to(state.section().get_untracked().saturating_sub(1))>
                    {t(lang, "← 上一部分", "← Previous")}
                </button>
                <button type="button" class="secondary-dark" id="next-unanswered" on:click=jump>
                    {t(lang, "下一道未答题", "Next unanswered")}
                </button>
                <button type="button" id="next-section" on:click=next>
                    {move || if on_last() { tr(lang.get(), "查看结果 →", "See the results →") } else { tr(lang.get(), "下一部分 →", "Next →") }}
                </button>
            </div>
        </div>
    }
}

fn section_has(s: &Section, item: &str) -> bool {
    s.dimensions
        .iter()
        .flat_map(|d| &d.items)
        .any(|i| i.id == item)
}

#[component]
fn SectionView(
    state: AppState,
    index: usize,
    section: Section,
    indicators: Vec<Indicator>,
) -> impl IntoView {
    let lang = state.lang();
    let title = section.title.clone();
    let heading_id = format!("section-{index}-heading");
    let labelled_by = heading_id.clone();
    let points = section.points;
    // Where a section carries no points, say so (the SME headline section, for one).
    let q = state.q();
    let note = Text::new(
        section_note(&q, &section, Lang::Zh).unwrap_or_default(),
        section_note(&q, &section, Lang::En).unwrap_or_default(),
    );
    let has_note = !note.zh.is_empty();
    view! {
        <section class="section" id=format!("section-{}", section.id) aria-labelledby=labelled_by>
            <h2 id=heading_id tabindex="-1">
                {move || title.get(lang.get()).to_string()}
                {(points > 0.0).then(|| view! { <span class="points-badge">{move || format_points(points, lang.get())}</span> })}
            </h2>
            {has_note.then(|| view! { <p class="section-note">{move || note.get(lang.get()).to_string()}</p> })}
            {indicators.into_iter().map(|ind| view! { <IndicatorDefinition state=state indicator=ind /> }).collect_view()}
            {section.dimensions.into_iter().map(|d| {
                let dt = d.title.clone();
                let show_title = dt.zh != section.title.zh;
                view! {
                    <div class="dimension">
                        {show_title.then(|| view! { <h3>{move || dt.get(lang.get()).to_string()}</h3> })}
                        {d.items.into_iter().map(|item| view! { <ItemField state=state item=item /> }).collect_view()}
                    </div>
                }
            }).collect_view()}
        </section>
    }
}

#[component]
fn IndicatorDefinition(state: AppState, indicator: Indicator) -> impl IntoView {
    let lang = state.lang();
    let (name, def, unverified) = (
        indicator.name.clone(),
        indicator.definition.clone(),
        indicator.unverified,
    );
    view! {
        <div class="indicator-def">
            <p>
                <strong>{move || name.get(lang.get()).to_string()}</strong>
                {unverified.then(|| view! { <UnverifiedMark lang=state.lang() /> })}
            </p>
            <p>{move || def.get(lang.get()).to_string()}</p>
        </div>
    }
}

/// On a phone the results sit below the questionnaire: this bar keeps progress, score
/// and level in sight and links to them.
#[component]
fn SummaryBar(state: AppState) -> impl IntoView {
    let lang = state.lang();
    let text = move || {
        let l = lang.get();
        let (done, all) = state
            .assessment()
            .with(|a| (a.score.answered, a.score.asked));
        let progress = progress_text(done, all, l);
        let score = state.questionnaire().with(|q| {
            is_scored_q(&q.0).then(|| {
                state.assessment().with(|a| {
                    let s = crate::domain::report::score_summary(&q.0, a, l);
                    format!("{} {} · {}", s.total_text, s.scale_text, s.level_name)
                })
            })
        });
        match score {
            Some(s) => format!("{progress} · {s}"),
            None => progress,
        }
    };
    view! {
        <div class="summary-bar">
            <span class="summary-text">{text}</span>
            <a href="#results-title">{t(lang, "查看结果", "See results")}</a>
        </div>
    }
}
