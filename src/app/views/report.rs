//! The printable report (A4). On screen it is a preview with the consultant's fields
//! editable; in print it is the only thing shown.

use leptos::prelude::*;

use crate::app::state::AppState;
use crate::app::views::dashboard::{AdviceList, DimensionTable, ScenarioStrip, ScoreCard};
use crate::app::views::i18n::{t, tr};
use crate::app::views::results::IndicatorTable;
use crate::app::views::svg_markup::svg_markup;
use crate::app::views::widgets::is_scored;
use crate::domain::model::questionnaire::Scoring;
use crate::domain::report::{answer_text, largest_gaps};

fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

#[component]
pub fn Report(state: AppState) -> impl IntoView {
    let lang = state.lang();
    // The consultant's name and organisation are kept apart from any one assessment:
    // a consultant prints reports for many firms.
    let saved = crate::app::platform::storage::load_consultant();
    let consultant = RwSignal::new(saved.name);
    let organisation = RwSignal::new(saved.organisation);
    Effect::new(move |_| {
        let _ = crate::app::platform::storage::save_consultant(
            &crate::app::platform::storage::Consultant {
                name: consultant.get(),
                organisation: organisation.get(),
            },
        );
    });
    let date = today();
    let firm = move || {
        let name = state.firm().with(|f| f.name.clone());
        if name.trim().is_empty() {
            tr(lang.get(), "（未填写企业名称）", "(firm name not given)").to_string()
        } else {
            name
        }
    };
    let title = move || {
        state
            .questionnaire()
            .with(|q| format!("{} · v{}", q.0.title.get(lang.get()), q.0.version))
    };
    let dims = state.dims();
    let summary_gaps = move || {
        state
            .rows()
            .with(|r| dims.with(|d| largest_gaps(r, d, 3, lang.get())))
    };
    let has_indicators = move || state.questionnaire().with(|q| !q.0.indicators.is_empty());
    let answer_rows = move || {
        let l = lang.get();
        let q = state.q();
        state.answers().with(|a| {
            state.assessment().with(|result| {
                q.sections
                    .iter()
                    .map(|s| {
                        let rows = s
                            .dimensions
                            .iter()
                            .flat_map(|d| &d.items)
                            .map(|item| {
                                let answer = answer_text(&q, item, a, &result.evaluation, l);
                                view! { <tr><th scope="row">{item.text.get(l).to_string()}</th><td>{answer}</td></tr> }
                            })
                            .collect_view();
                        view! {
                            <tbody>
                                <tr class="group"><th colspan="2" scope="rowgroup">{s.title.get(l).to_string()}</th></tr>
                                {rows}
                            </tbody>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let sources = move || {
        state
            .q()
            .sources
            .iter()
            .map(|s| view! { <li>{s.citation()}</li> })
            .collect_view()
    };
    let method = move || {
        let l = lang.get();
        let maturity = state
            .questionnaire()
            .with(|q| q.0.scoring == Scoring::Maturity);
        if maturity {
            tr(l,
                "成熟度：每个能力子域按所选等级（1–5 级）计分，能力要素取其子域的加权平均，总体得分取四个要素的平均，再按 0.8–1.8 一级、1.8–2.8 二级、2.8–3.8 三级、3.8–4.8 四级、4.8–5 五级划分等级。这一等级区间来自对 GB/T 39117 的回忆，尚未与标准原文核对；按子域自选等级是自诊断，并非标准规定的逐条评估。",
                "Maturity: each capability sub-domain scores the level chosen (1–5); an element is the weighted mean of its sub-domains and the overall score the mean of the four elements, banded 0.8–1.8 Level 1, 1.8–2.8 Level 2, 2.8–3.8 Level 3, 3.8–4.8 Level 4, 4.8–5 Level 5. These bands are a recollection of GB/T 39117 not checked against the standard's text; choosing a level per sub-domain is a self-diagnosis, not the standard's requirement-by-requirement assessment.")
        } else {
            tr(l,
                "计分：各题得分按问卷文件中的分值，维度得分按适用题目重新折算，总分满分 100。等级按 2022 年《中小企业数字化水平评测指标》的分数线（一级 20–40、二级 40–60、三级 60–80、四级 ≥ 80）划分；2024 年版将分值与场景等级结合的规则尚未公开，因此把 2022 年分数线用于 2024 年分值是数转的做法。标“工作定义”的计算公式与分值为数转的工作假设。",
                "Scoring: item points as the questionnaire file sets them; each dimension is renormalised over the items that apply; the total is out of 100. Levels use the 2022 SME scheme's thresholds (Level 1 20–40, Level 2 40–60, Level 3 60–80, Level 4 ≥ 80); the 2024 rule combining points with scenario levels is not published, so applying the 2022 thresholds is Shuzhuan's choice. Formulas and values marked “working definition” are Shuzhuan's working assumptions.")
        }
    };
    view! {
        <article class="report" lang=move || lang.get().tag() aria-label=t(lang, "评估报告", "Assessment report")>
            <div class="report-edit no-print">
                <p>{t(lang, "打印前可填写咨询顾问信息（保存在本机，供下次使用）：", "Before printing, fill in the consultant's details (kept on this device for next time):")}</p>
                <label for="consultant-name">{t(lang, "咨询顾问", "Consultant")}</label>
                <input id="consultant-name" type="text" prop:value=move || consultant.get() on:input=move |ev| consultant.set(event_target_value(&ev)) />
                <label for="consultant-org">{t(lang, "所属机构", "Organisation")}</label>
                <input id="consultant-org" type="text" prop:value=move || organisation.get() on:input=move |ev| organisation.set(event_target_value(&ev)) />
            </div>
            <header class="report-cover">
                <p class="report-kicker">{t(lang, "数字化转型自评报告", "Digital transformation self-assessment")}</p>
                <h1 class="report-firm">{firm}</h1>
                <dl class="report-meta">
                    <dt>{t(lang, "问卷", "Questionnaire")}</dt>
                    <dd>{title}</dd>
                    <dt>{t(lang, "行业 / 规模", "Sector / size")}</dt>
                    <dd>{move || { let line = firm_line(state); if line.is_empty() { "—".to_string() } else { line } }}</dd>
                    <dt>{t(lang, "地区", "Region")}</dt>
                    <dd>{move || state.firm().with(|f| if f.region.is_empty() { "—".to_string() } else { f.region.clone() })}</dd>
                    <dt>{t(lang, "对标目标", "Target profile")}</dt>
                    <dd>{move || state.profile().name.get(lang.get()).to_string()}</dd>
                    <dt>{t(lang, "报告日期", "Date")}</dt>
                    <dd class="report-date">{date}</dd>
                    <dt>{t(lang, "咨询顾问", "Consultant")}</dt>
                    <dd class="report-consultant">{move || {
                        let (n, o) = (consultant.get(), organisation.get());
                        match (n.trim().is_empty(), o.trim().is_empty()) {
                            (true, true) => "—".to_string(),
                            (false, true) => n,
                            (true, false) => o,
                            (false, false) => format!("{n}（{o}）"),
                        }
                    }}</dd>
                </dl>
            </header>
            <section class="report-block summary">
                <h2>{t(lang, "摘要", "Executive summary")}</h2>
                {move || is_scored(state).then(|| view! { <ScoreCard state=state /> })}
                {move || {
                    let gaps = summary_gaps();
                    (!gaps.is_empty()).then(|| view! {
                        <h3>{t(lang, "最大的差距", "Largest gaps")}</h3>
                        <ol class="summary-gaps">{gaps.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ol>
                    })
                }}
                <h3>{t(lang, "优先建议", "Top recommendations")}</h3>
                <AdviceList state=state limit=3 />
            </section>
            {move || has_indicators().then(|| view! {
                <section class="report-block">
                    <h2>{t(lang, "核心指标与目标", "Headline indicators against targets")}</h2>
                    <p class="caption" id="report-caption">{move || format!("{}{}", tr(lang.get(), "目标来源：", "Targets from: "), crate::domain::report::format::profile_source(&state.profile(), lang.get()))}</p>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="report-caption"><IndicatorTable state=state caption_id="report-caption" national=true /></div>
                    <figure class="chart keep-together" use:svg_markup=state.chart_svg()></figure>
                </section>
            })}
            {move || is_scored(state).then(|| view! {
                <section class="report-block">
                    <h2>{t(lang, "维度详情", "Dimension detail")}</h2>
                    <div class="chart-pair">
                        <figure class="chart radar" use:svg_markup=state.radar_svg()></figure>
                        <figure class="chart dimension-bars" use:svg_markup=state.dimension_svg()></figure>
                    </div>
                    <DimensionTable rows=dims lang=lang />
                    <ScenarioStrip state=state />
                </section>
            })}
            <section class="report-block">
                <h2>{t(lang, "全部建议", "All recommendations")}</h2>
                <AdviceList state=state />
            </section>
            <section class="report-block appendix">
                <h2>{t(lang, "附录：填写的答案", "Appendix: the answers given")}</h2>
                <table class="answers-table">{answer_rows}</table>
            </section>
            <section class="report-block method">
                <h2>{t(lang, "方法与来源", "Method and sources")}</h2>
                <p>{t(lang,
                    "官方数据：指标名称、目标值和全国实际值来自下列政策文件与公开发布的数据。工作定义：政策文件按地区统计这些指标，企业层面的计算公式（本企业数量 ÷ 本企业总数）是数转的工作定义，标为“工作定义”。所有计算均在本机浏览器内完成。",
                    "Official figures: indicator names, targets and national values come from the policy documents and published data below. Working definitions: the policies measure these indicators over regions; the firm-level formulas (the firm's own count ÷ its own total) are Shuzhuan's working definitions, marked as such. Everything was computed locally in the browser.")}</p>
                <p>{method}</p>
                <h3>{t(lang, "问卷依据", "Questionnaire sources")}</h3>
                <ul class="sources">{sources}</ul>
                <h3>{t(lang, "目标值", "Targets")}</h3>
                <ul class="sources"><li>{move || crate::domain::report::format::profile_source(&state.profile(), lang.get())}</li></ul>
                <h3>{t(lang, "全国实际值", "National actual values")}</h3>
                <ul class="sources"><li>{move || state.benchmark_source()}</li></ul>
            </section>
        </article>
    }
}

/// "通用及专用设备制造 / 小型" in the interface language.
fn firm_line(state: AppState) -> String {
    let lang = state.lang().get();
    state.firm().with(|f| f.sector_and_size(lang))
}
