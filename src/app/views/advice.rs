//! The ranked recommendations, shared by the results panel and the report. (The scored
//! dashboard, score card, dimensions and scenarios, is the desk's: `desk::views::dashboard`.)

use leptos::prelude::*;

use crate::app::results::Results;
use crate::app::views::i18n::tr;
use crate::app::views::widgets::shape_key;
use crate::domain::report::{advice_rows, AdviceRow};

#[component]
pub fn AdviceList(
    results: Results,
    #[prop(optional)] limit: Option<usize>,
    /// The first ones left out (the report's summary shows them).
    #[prop(optional)]
    skip: usize,
) -> impl IntoView {
    let lang = results.lang;
    let rows = Memo::new(move |_| {
        results.questionnaire.with(|q| {
            results.assessment.with(|a| {
                advice_rows(&q.0, a, lang.get())
                    .into_iter()
                    .skip(skip)
                    .take(limit.unwrap_or(usize::MAX))
                    .collect::<Vec<AdviceRow>>()
            })
        })
    });
    let nothing_answered = Memo::new(move |_| results.assessment.with(|a| a.score.answered == 0));
    // Which recommendations are shown, in which order: the list is rebuilt only when that
    // changes; a gain that changes is updated in place.
    let shape = Memo::new(move |_| {
        rows.with(|rows| {
            shape_key(rows.iter().map(|r| {
                [
                    r.id.as_str(),
                    r.action.as_str(),
                    r.rationale.as_str(),
                    r.measure.as_str(),
                    if r.gain_text.is_empty() { "" } else { "+" },
                ]
            }))
        })
    });
    move || {
        let _ = shape.get();
        let shown = rows.get_untracked();
        let l = lang.get();
        // Before any answer, "nothing to improve" would be wrong: there is nothing yet.
        if nothing_answered.get() {
            return view! { <p class="advice-none advice-empty">{tr(l, "回答问题后，这里会列出最值得优先做的改进。", "Answer the questions and the improvements most worth making first appear here.")}</p> }.into_any();
        }
        if shown.is_empty() {
            return view! { <p class="advice-none">{tr(l, "按当前答案，暂无需要优先处理的建议。", "No recommendation applies to the current answers.")}</p> }.into_any();
        }
        view! {
            <ol class="advice-list" start=skip + 1>
                {shown.into_iter().enumerate().map(|(i, r)| view! {
                    <li class="advice" data-advice=r.id>
                        <p class="advice-action">{r.action}</p>
                        {(!r.gain_text.is_empty()).then(|| view! { <p class="advice-gain">{move || rows.with(|rows| rows.get(i).map_or(String::new(), |r| r.gain_text.clone()))}</p> })}
                        <p class="advice-rationale">{r.rationale}</p>
                        {(!r.measure.is_empty()).then(|| view! { <p class="advice-measure">{tr(l, "相关政策举措：", "Policy measure: ")}{r.measure}</p> })}
                    </li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    }
}
