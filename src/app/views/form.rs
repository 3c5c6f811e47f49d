//! The questionnaire: setup (questionnaire, file, firm, target profile), the section list
//! with progress, and the current section. Only the current section is rendered.

use leptos::prelude::*;

use crate::app::state::AppState;
use crate::app::views::fields::ItemField;
use crate::app::views::i18n::t;
use crate::app::views::library::Library;
use crate::app::views::setup::Setup;
use crate::app::views::widgets::UnverifiedMark;
use crate::domain::compute::assessment::{first_invalid, next_unanswered, section_progress};
use crate::domain::compute::scoring::is_scored as is_scored_q;
use crate::domain::model::questionnaire::{Indicator, Section};
use crate::domain::report::format::{answered_of, format_points, progress_text};

#[component]
pub fn QuestionnaireForm(state: AppState) -> impl IntoView {
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
    let jump = move |_| {
        let found = state.questionnaire().with_untracked(|q| {
            state.assessment().with_untracked(|a| {
                next_unanswered(&q.0, &a.evaluation, state.section().get_untracked())
            })
        });
        if let Some((s, item)) = found {
            state.go_to_section(s);
            focus_after_render(format!("q-{item}"));
        }
    };
    // "Next" with an error in this section goes to the error instead (nothing is lost).
    let next = move |_| {
        let current = state.section().get_untracked();
        let invalid = state.questionnaire().with_untracked(|q| {
            state
                .assessment()
                .with_untracked(|a| first_invalid(&q.0, &a.evaluation, current))
        });
        match invalid {
            Some(item) => focus_after_render(format!("q-{item}")),
            None => go_to(current + 1),
        }
    };
    let section_count = move || state.questionnaire().with(|q| q.0.sections.len());
    view! {
        // Which questionnaire the form shows (tests wait for a downloaded one on it).
        <div class="questionnaire" data-questionnaire=move || state.questionnaire().with(|q| q.0.id.clone())>
            <Library state=state />
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
                <button type="button" id="next-section"
                    disabled={move || state.section().get() + 1 >= section_count()}
                    on:click=next>
                    {t(lang, "下一部分 →", "Next →")}
                </button>
            </div>
        </div>
    }
}

/// Moves focus once the new view is in the DOM (after the next frame).
fn focus_after_render(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use leptos::wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
                el.scroll_into_view();
            }
        }
    });
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
    view! {
        <section class="section" id=format!("section-{}", section.id) aria-labelledby=labelled_by>
            <h2 id=heading_id tabindex="-1">
                {move || title.get(lang.get()).to_string()}
                {(points > 0.0).then(|| view! { <span class="points-badge">{move || format_points(points, lang.get())}</span> })}
            </h2>
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
                {unverified.then(|| view! { <UnverifiedMark state=state /> })}
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
