//! The printable report (A4). On screen it is a preview with the consultant's fields
//! editable; in print it is the only thing shown.

use leptos::prelude::*;

use crate::app::platform::clock::today;
use crate::app::platform::storage;
use crate::app::state::AppState;
use crate::app::views::dashboard::{AdviceList, DimensionTable, ScenarioStrip, ScoreCard};
use crate::app::views::i18n::{t, tr};
use crate::app::views::results::IndicatorTable;
use crate::app::views::setup::read_chosen_bytes;
use crate::app::views::svg_markup::svg_markup;
use crate::app::views::widgets::is_scored;
use crate::domain::model::text::{Lang, Text};
use crate::domain::report::printed::{answers_html, cover_html, gaps_html, method_html, Cover};
use crate::domain::report::{largest_gaps, target_source};
use crate::domain::wire::logo::{Logo, LogoProblem};

/// Sets the custom property the stylesheet's running header prints (`@page` margin
/// boxes can show only strings and counters, and inherit from the root element).
fn set_running_header(text: &str) {
    use wasm_bindgen::JsCast;
    let Some(root) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // A CSS string: quotes and backslashes escaped, a line break as a space.
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                quoted.push('\\');
                quoted.push(c);
            }
            '\n' | '\r' => quoted.push(' '),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    let _ = root.style().set_property("--report-running", &quoted);
}

/// The logo for the cover: chosen from a file, checked, kept on this device under its
/// own key (never in an assessment), removable.
#[component]
fn LogoField(state: AppState, logo: RwSignal<Option<String>>) -> impl IntoView {
    let lang = state.lang();
    let problem = RwSignal::new(None::<Text>);
    let choose = move |ev: leptos::ev::Event| {
        read_chosen_bytes(ev, state, move |_, bytes| match Logo::from_file(bytes) {
            Ok(l) => {
                problem.set(
                    storage::save_logo(&l)
                        .err()
                        .map(|_| LogoProblem::NotStored.text()),
                );
                logo.set(Some(l.data_url()));
            }
            Err(e) => problem.set(Some(e.text())),
        });
    };
    view! {
        <label for="consultant-logo">{t(lang, "机构标志（可选）", "Logo (optional)")}</label>
        <span class="logo-field">
            <input id="consultant-logo" type="file" accept="image/png,image/jpeg,image/gif,image/webp,image/svg+xml" on:change=choose />
            {move || logo.get().is_some().then(|| view! {
                <button type="button" class="small" id="remove-logo" on:click=move |_| {
                    storage::remove_logo();
                    logo.set(None);
                    problem.set(None);
                }>{t(lang, "移除标志", "Remove logo")}</button>
            })}
        </span>
        <p class="logo-problem" id="logo-problem" role="status">{move || problem.get().map(|p| p.get(lang.get()).to_string())}</p>
    }
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
    let consultant_line = move || {
        let (n, o) = (consultant.get(), organisation.get());
        match (n.trim().is_empty(), o.trim().is_empty()) {
            (true, true) => "—".to_string(),
            (false, true) => n,
            (true, false) => o,
            (false, false) => match lang.get() {
                Lang::Zh => format!("{n}（{o}）"),
                Lang::En => format!("{n} ({o})"),
            },
        }
    };
    let logo = RwSignal::new(storage::load_logo().map(|l| l.data_url()));
    let firm = move || {
        let name = state.firm().with(|f| f.name.clone());
        if name.trim().is_empty() {
            tr(lang.get(), "（未填写企业名称）", "(firm name not given)").to_string()
        } else {
            name
        }
    };
    // The running header of every printed page (the stylesheet's @page margin boxes)
    // reads the firm and date from a custom property on the root element; the page's
    // title names the PDF a browser saves.
    let running = date.clone();
    Effect::new(move |_| {
        let firm = firm();
        set_running_header(&format!("{firm} · {running}"));
        let kind = tr(
            lang.get(),
            "数字化转型自评报告",
            "Digital transformation self-assessment report",
        );
        document().set_title(&format!("{firm} · {kind} · {running}"));
    });
    on_cleanup(move || {
        set_running_header("");
        document().set_title(crate::app::views::i18n::app_title(lang.get_untracked()));
    });
    let dims = state.dims();
    let cover = move || {
        let l = lang.get();
        let q = state.q();
        let (sector_and_size, region) = state
            .firm()
            .with(|f| (f.sector_and_size(l), f.region.clone()));
        cover_html(&Cover {
            lang: l,
            firm: &firm(),
            questionnaire: &format!("{} · v{}", q.title.get(l), q.version),
            sector_and_size: &sector_and_size,
            region: &region,
            profile: state.profile().name.get(l),
            date: &date,
            consultant: &consultant_line(),
            logo: logo.get().as_deref(),
        })
    };
    let gaps = move || {
        state
            .rows()
            .with(|r| dims.with(|d| gaps_html(&largest_gaps(r, d, 3, lang.get()), lang.get())))
    };
    let appendix = move || {
        let q = state.q();
        state.answers().with(|a| {
            state
                .assessment()
                .with(|result| answers_html(&q, a, result, lang.get()))
        })
    };
    let method = move || {
        let q = state.q();
        let profile = state.profile();
        state
            .assessment()
            .with(|a| method_html(&q, a, &profile, lang.get()))
    };
    let scored = move || is_scored(state);
    let has_indicators = move || state.questionnaire().with(|q| !q.0.indicators.is_empty());
    // The summary's chart: the indicators against their targets where there are
    // indicators, else the radar of the dimensions (the bars of 20 sub-domains would
    // run over a page; the detail's table says what each next level needs).
    let summary_chart = move || {
        if has_indicators() {
            state.chart_svg()
        } else {
            state.radar_svg()
        }
    };
    let body = view! {
        <header class="report-cover" inner_html=cover></header>
        <section class="report-block summary">
            <h2>{t(lang, "摘要", "Summary")}</h2>
            {move || scored().then(|| view! { <ScoreCard state=state /> })}
            <figure class="chart summary-chart" class:gap=has_indicators use:svg_markup=summary_chart()></figure>
            <div class="keep-together" inner_html=gaps></div>
            <h3>{t(lang, "优先建议", "Top recommendations")}</h3>
            <AdviceList state=state limit=3 />
        </section>
        {move || has_indicators().then(|| view! {
            <section class="report-block">
                <h2>{t(lang, "核心指标与目标", "Headline indicators against targets")}</h2>
                <p class="caption" id="report-caption">{move || format!("{}{}", tr(lang.get(), "目标来源：", "Targets from: "), target_source(&state.profile(), lang.get()))}</p>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="report-caption"><IndicatorTable state=state caption_id="report-caption" national=true /></div>
            </section>
        })}
        {move || scored().then(|| view! {
            <section class="report-block dimensions">
                <h2>{t(lang, "维度详情", "Dimension detail")}</h2>
                // The radar, unless the summary shows it; the table has each bar's figures
                // (a bar chart of the dimensions would be taller than a page).
                {move || has_indicators().then(|| view! { <figure class="chart radar" use:svg_markup=state.radar_svg()></figure> })}
                <DimensionTable rows=dims lang=lang />
                <ScenarioStrip state=state />
            </section>
        })}
        // Shown only when there are more than the summary's three (the stylesheet).
        <section class="report-block further">
            <h2>{t(lang, "其他建议", "Further recommendations")}</h2>
            <AdviceList state=state skip=3 />
        </section>
        <section class="report-block appendix" inner_html=appendix></section>
        <section class="report-block method" inner_html=method></section>
    };
    view! {
        <article class="report" lang=move || lang.get().tag() aria-label=t(lang, "评估报告", "Assessment report")>
            <div class="report-edit no-print">
                <p>{t(lang, "打印前可填写咨询顾问信息（保存在本机，供下次使用）：", "Before printing, fill in the consultant's details (kept on this device for next time):")}</p>
                <label for="consultant-name">{t(lang, "咨询顾问", "Consultant")}</label>
                <input id="consultant-name" type="text" prop:value=move || consultant.get() on:input=move |ev| consultant.set(event_target_value(&ev)) />
                <label for="consultant-org">{t(lang, "所属机构", "Organisation")}</label>
                <input id="consultant-org" type="text" prop:value=move || organisation.get() on:input=move |ev| organisation.set(event_target_value(&ev)) />
                <LogoField state=state logo=logo />
            </div>
            {body}
        </article>
    }
}
