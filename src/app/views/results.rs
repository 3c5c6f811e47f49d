//! The live results panel: indicator table, gap chart and completeness, updated as
//! the user types; for a scored questionnaire the slots the desk draws its dashboard into.

use leptos::prelude::*;

use crate::app::desk::{send_while, Desk};
use crate::app::results::Results;
use crate::app::state::AppState;
use crate::app::views::advice::AdviceList;
use crate::app::views::i18n::t;
use crate::app::views::library::desk_status;
use crate::app::views::staged::Staged;
use crate::app::views::svg_markup::svg_markup;
use crate::app::views::widgets::{shape_key, UnverifiedMark};
use crate::domain::compute::scoring::is_scored as is_scored_q;
use crate::domain::report::format::progress_text;
use crate::domain::report::{IndicatorRow, RowStatus};
use crate::domain::wire::desk::{DIMENSIONS_ROOT_ID, SCORE_ROOT_ID};

fn status_class(status: RowStatus) -> &'static str {
    match status {
        RowStatus::Met => "met",
        RowStatus::Short => "short",
        RowStatus::NoTarget => "no-target",
        RowStatus::NotApplicable => "not-applicable",
        RowStatus::Missing => "missing",
        RowStatus::Invalid => "invalid",
    }
}

/// The indicator table, shared by the results panel and the printed report.
#[component]
pub fn IndicatorTable(
    results: Results,
    caption_id: &'static str,
    /// Adds the national actual value column (the report has room for it).
    #[prop(optional)]
    national: bool,
) -> impl IntoView {
    let lang = results.lang;
    // What the rows are: the body is rebuilt only when this changes (another
    // questionnaire or language), not when a figure does.
    let shape = Memo::new(move |_| {
        results.rows.with(|rows| {
            shape_key(rows.iter().map(|r| {
                [
                    r.id.as_str(),
                    r.name.as_str(),
                    if r.unverified { "!" } else { "" },
                ]
            }))
        })
    });
    view! {
        <table class="indicator-table" aria-describedby=caption_id>
            <thead>
                <tr>
                    <th scope="col">{t(lang, "指标", "Indicator")}</th>
                    <th scope="col" class="num">{t(lang, "本企业", "Firm")}</th>
                    <th scope="col" class="num">{t(lang, "目标", "Target")}</th>
                    <th scope="col">{t(lang, "差距", "Gap")}</th>
                    {national.then(|| view! { <th scope="col">{t(lang, "全国实际值", "National actual")}</th> })}
                </tr>
            </thead>
            <tbody>
                {move || {
                    let _ = shape.get();
                    results.rows.with_untracked(|rows| {
                        rows.iter()
                            .enumerate()
                            .map(|(i, r)| view! { <Row results=results i=i id=r.id.clone() name=r.name.clone() unverified=r.unverified national=national /> })
                            .collect_view()
                    })
                }}
            </tbody>
        </table>
    }
}

/// Row `i` of the table. Only its figures follow the rows as they change: setting every
/// cell and attribute anew on each keystroke made the browser restyle and lay out the
/// whole table.
#[component]
fn Row(
    results: Results,
    i: usize,
    id: String,
    name: String,
    unverified: bool,
    national: bool,
) -> impl IntoView {
    // One closure type for every cell, so Leptos instantiates its text code once.
    let cell = move |text: fn(&IndicatorRow) -> &str| {
        move || {
            results
                .rows
                .with(|rows| rows.get(i).map_or(String::new(), |r| text(r).to_string()))
        }
    };
    view! {
        <tr data-indicator=id class=move || results.rows.with(|rows| rows.get(i).map_or("", |r| status_class(r.status)))>
            <th scope="row">{name}{unverified.then(|| view! { <UnverifiedMark lang=results.lang /> })}</th>
            <td class="num value">{cell(|r| &r.value_text)}</td>
            <td class="num target">{cell(|r| &r.target_text)}<span class="scope">{cell(|r| &r.target_scope)}</span></td>
            <td class="gap">{cell(|r| &r.gap_text)}</td>
            {national.then(|| view! { <td class="national">{cell(|r| &r.national_text)}</td> })}
        </tr>
    }
}

/// One sentence for screen readers after each change: the score and the first
/// indicator's gap, instead of the whole table read again on every keystroke.
fn live_summary(state: AppState) -> String {
    let lang = state.lang().get();
    let score = state.questionnaire().with(|q| {
        state.assessment().with(|a| {
            is_scored_q(&q.0).then(|| {
                let s = crate::domain::report::score_summary(&q.0, a, lang);
                format!("{} {} {}", s.total_text, s.scale_text, s.level_name)
            })
        })
    });
    let first_gap = state.rows().with(|r| {
        r.iter()
            .find(|r| r.value.is_some())
            .map(|r| format!("{} {} {}", r.name, r.value_text, r.gap_text))
    });
    [score, first_gap]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("；")
}

/// The start's steps that draw the results column (`Staged`): the panel with its
/// indicator table, then the gap chart, then the recommendations.
pub const STEPS: u8 = ADVICE_STEP;
const CHART_STEP: u8 = 2;
const ADVICE_STEP: u8 = 3;

#[component]
pub fn ResultsPanel(state: AppState, desk: Desk, staged: Staged) -> impl IntoView {
    let lang = state.lang();
    let results = state.results();
    // The score card, dimensions and scenarios of a scored questionnaire are drawn by the
    // desk (a second wasm) into the two slots below, from the assessment as it is after
    // each change.
    let scored = Memo::new(move |_| results.is_scored());
    send_while(
        state,
        move || scored.get(),
        move |shown| desk.live(state, shown),
    );
    let status = desk_status(desk, lang, "得分与等级", "the score and level");
    let progress = move || {
        state
            .assessment()
            .with(|a| (a.score.answered, a.score.asked))
    };
    let has_indicators = move || state.questionnaire().with(|q| !q.0.indicators.is_empty());
    view! {
        // Focusable: on a desktop it scrolls on its own, and the keyboard must reach that too.
        <aside class="results" aria-labelledby="results-title" tabindex="0">
            // Focusable: "see the results" on the last section leads here.
            <h2 id="results-title" tabindex="-1">{t(lang, "即时结果", "Live results")}</h2>
            <div class="progress-line">
                <progress id="progress" max=move || progress().1 value=move || progress().0
                    aria-label=t(lang, "填写进度", "Progress")></progress>
                <span id="progress-text">{move || {
                    let (done, all) = progress();
                    progress_text(done, all, lang.get())
                }}</span>
            </div>
            <p class="sr-only" aria-live="polite" aria-atomic="true">{move || live_summary(state)}</p>
            {move || scored.get().then(|| view! { <div class="live-status">{status}</div> })}
            // The desk's own Leptos app renders in these two; this app never renders into them.
            <div id=SCORE_ROOT_ID class="live-slot"></div>
            {move || has_indicators().then(|| view! {
                <section class="indicators" aria-labelledby="indicators-title">
                    <h3 id="indicators-title">{t(lang, "核心指标与目标", "Headline indicators against targets")}</h3>
                    <p class="caption" id="results-caption">
                        {t(lang, "对标：", "Compared with: ")}
                        {move || state.profile().name.get(lang.get()).to_string()}
                    </p>
                    <IndicatorTable results=results caption_id="results-caption" />
                    // The chart, then the recommendations, each a step of the start of its
                    // own (`Staged`); each comes below what is already drawn.
                    {move || staged.reached(CHART_STEP).then(|| view! {
                        <figure class="chart">
                            <div class="chart-svg" use:svg_markup=state.chart_svg()></div>
                        </figure>
                        <p class="footnote">{t(lang,
                            "标“工作定义”的指标：政策文件按地区统计这些指标，企业层面的计算公式是数转的工作定义，仅供自评参考。",
                            "Indicators marked “working definition”: policy documents measure them over regions; the firm-level formula is Shuzhuan's working definition, for self-assessment only.")}</p>
                    })}
                </section>
            })}
            <div id=DIMENSIONS_ROOT_ID class="live-slot"></div>
            {move || staged.reached(ADVICE_STEP).then(|| view! {
                <section class="recommendations" aria-labelledby="advice-title">
                    <h3 id="advice-title">{t(lang, "优先建议", "Top recommendations")}</h3>
                    <AdviceList results=results limit=3 />
                </section>
            })}
        </aside>
    }
}
