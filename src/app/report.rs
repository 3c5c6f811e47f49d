//! The printable report. On screen it is a preview; in print it is the only thing shown.

use leptos::prelude::*;

use super::i18n::tr;
use super::results::IndicatorTable;
use super::state::AppState;
use crate::domain::report::answer_text;

fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

#[component]
pub fn Report(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let date = today();
    let firm = move || {
        let name = state.firm_name.get();
        if name.trim().is_empty() { tr(lang.get(), "（未填写企业名称）", "(firm name not given)").to_string() } else { name }
    };
    let title = move || state.questionnaire.with(|q| format!("{} · v{}", q.0.title.get(lang.get()), q.0.version));
    let answer_rows = move || {
        let l = lang.get();
        let q = state.q();
        state.answers.with(|a| {
            state.assessment.with(|result| {
                q.items()
                    .map(|item| {
                        let answer = answer_text(&q, item, a, &result.evaluation, l);
                        view! { <tr><th scope="row">{item.text.get(l).to_string()}</th><td>{answer}</td></tr> }
                    })
                    .collect_view()
            })
        })
    };
    let sources = move || state.q().sources.iter().map(|s| view! { <li>{s.citation()}</li> }).collect_view();
    view! {
        <article class="report" aria-label=move || tr(lang.get(), "评估报告", "Assessment report")>
            <header class="report-cover">
                <p class="report-kicker">{move || tr(lang.get(), "数字化转型自评报告", "Digital transformation self-assessment")}</p>
                <h1 class="report-firm">{firm}</h1>
                <dl class="report-meta">
                    <dt>{move || tr(lang.get(), "问卷", "Questionnaire")}</dt>
                    <dd>{title}</dd>
                    <dt>{move || tr(lang.get(), "对标目标", "Target profile")}</dt>
                    <dd>{move || state.profile().name.get(lang.get()).to_string()}</dd>
                    <dt>{move || tr(lang.get(), "报告日期", "Date")}</dt>
                    <dd class="report-date">{date}</dd>
                </dl>
            </header>
            <section class="report-block">
                <h2>{move || tr(lang.get(), "核心指标与目标", "Headline indicators against targets")}</h2>
                <p class="caption" id="report-caption">{move || {
                    let p = state.profile();
                    format!("{}{}", tr(lang.get(), "目标来源：", "Targets from: "), p.source)
                }}</p>
                <IndicatorTable state=state caption_id="report-caption" />
            </section>
            <section class="report-block keep-together">
                <h2>{move || tr(lang.get(), "差距图", "Gap chart")}</h2>
                <figure class="chart" inner_html=move || state.chart_svg.get()></figure>
            </section>
            <section class="report-block">
                <h2>{move || tr(lang.get(), "填写的数据", "Answers given")}</h2>
                <table class="answers-table"><tbody>{answer_rows}</tbody></table>
            </section>
            <section class="report-block method">
                <h2>{move || tr(lang.get(), "方法与来源", "Method and sources")}</h2>
                <p>{move || tr(lang.get(),
                    "指标名称与目标值来自下列政策文件。政策文件按地区统计这些指标；企业层面的计算公式（本企业数量 ÷ 本企业总数）是数转的工作定义，标为“工作定义”，并非官方公式。所有计算均在本机浏览器内完成。",
                    "Indicator names and targets come from the policy documents below. They measure these indicators over regions; the firm-level formulas (the firm's own count ÷ its own total) are Shuzhuan's working definitions, marked as such, not official formulas. Everything was computed locally in the browser.")}</p>
                <h3>{move || tr(lang.get(), "指标与定义", "Indicators and definitions")}</h3>
                <ul class="sources">
                    {sources}
                </ul>
                <h3>{move || tr(lang.get(), "目标值", "Targets")}</h3>
                <ul class="sources">
                    <li>{move || state.profile().source}</li>
                </ul>
            </section>
        </article>
    }
}
