//! The printable report (A4), drawn by the desk into the app's `#report-root` when the app
//! asks (`desk::report`). On screen it is a preview with the consultant's fields editable;
//! in print it is the only thing shown.

use leptos::prelude::*;

use crate::app::platform::clock::today;
use crate::app::platform::storage;
use crate::app::results::Results;
use crate::app::state::Reader;
use crate::app::views::advice::AdviceList;
use crate::app::views::i18n::{t, tr};
use crate::app::views::results::IndicatorTable;
use crate::app::views::svg_markup::svg_markup;
use crate::desk::chosen_file::read_chosen;
use crate::desk::dimensions::Dimensions;
use crate::desk::report::ReportState;
use crate::desk::views::dashboard::{DimensionTable, ScenarioStrip, ScoreCard};
use crate::domain::model::text::{Lang, Text};
use crate::domain::report::printed::{
    answers_html, consultant_text, cover_html, gaps_html, method_html, Cover,
};
use crate::domain::report::{largest_gaps, target_source};
use crate::domain::wire::logo::{Logo, LogoProblem};

/// Sets the custom property the stylesheet's running header prints (`@page` margin
/// boxes can show only strings and counters, and inherit from the root element).
pub(crate) fn set_running_header(text: &str) {
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
fn LogoField(lang: Reader<Lang>, logo: RwSignal<Option<String>>) -> impl IntoView {
    let problem = RwSignal::new(None::<Text>);
    let choose = move |ev: leptos::ev::Event| {
        read_chosen(ev, move |name, bytes| match bytes.map(Logo::from_file) {
            Some(Ok(l)) => {
                problem.set(
                    storage::save_logo(&l)
                        .err()
                        .map(|_| LogoProblem::NotStored.text()),
                );
                logo.set(Some(l.data_url()));
            }
            Some(Err(e)) => problem.set(Some(e.text())),
            None => problem.set(Some(Text::new(
                format!("无法读取文件 {name}。"),
                format!("Could not read the file {name}."),
            ))),
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

/// One firm's report. `batch`: one of several printed as one document, whose running
/// header and title name no one firm (the batch sets them).
#[component]
pub fn Report(results: Results, #[prop(optional)] batch: bool) -> impl IntoView {
    let lang = results.lang;
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
    let consultant_line =
        move || consultant_text(&consultant.get(), &organisation.get(), lang.get());
    let logo = RwSignal::new(storage::load_logo().map(|l| l.data_url()));
    let firm = move || {
        let name = results.firm.with(|f| f.name.clone());
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
    if !batch {
        Effect::new(move |_| {
            let firm = firm();
            set_running_header(&format!("{firm} · {running}"));
            document().set_title(&format!("{firm} · {} · {running}", report_kind(lang.get())));
        });
        on_cleanup(move || {
            set_running_header("");
            document().set_title(crate::app::views::i18n::app_title(lang.get_untracked()));
        });
    }
    let dims = Dimensions::new(results);
    let cover = move || {
        let l = lang.get();
        let q = results.q();
        let (sector_and_size, region) = results
            .firm
            .with(|f| (f.sector_and_size(l), f.region.clone()));
        cover_html(&Cover {
            lang: l,
            firm: &firm(),
            questionnaire: &format!("{} · v{}", q.title.get(l), q.version),
            sector_and_size: &sector_and_size,
            region: &region,
            profile: results.profile().name.get(l),
            date: &date,
            consultant: &consultant_line(),
            logo: logo.get().as_deref(),
        })
    };
    let gaps = move || {
        results.rows.with(|r| {
            dims.rows
                .with(|d| gaps_html(&largest_gaps(r, d, 3, lang.get()), lang.get()))
        })
    };
    let appendix = move || {
        let q = results.q();
        results.answers.with(|a| {
            results
                .assessment
                .with(|result| answers_html(&q, a, result, lang.get()))
        })
    };
    let method = move || {
        let q = results.q();
        let profile = results.profile();
        results
            .assessment
            .with(|a| method_html(&q, a, &profile, lang.get()))
    };
    let scored = move || results.is_scored();
    let has_indicators = move || results.questionnaire.with(|q| !q.0.indicators.is_empty());
    // The summary's chart: the indicators against their targets where there are
    // indicators, else the radar of the dimensions (the bars of 20 sub-domains would
    // run over a page; the detail's table says what each next level needs).
    let summary_chart = move || {
        if has_indicators() {
            results.chart_svg
        } else {
            dims.radar_svg
        }
    };
    let body = view! {
        <header class="report-cover" inner_html=cover></header>
        <section class="report-block summary">
            <h2>{t(lang, "摘要", "Summary")}</h2>
            {move || scored().then(|| view! { <ScoreCard results=results /> })}
            <figure class="chart summary-chart" class:gap=has_indicators use:svg_markup=summary_chart()></figure>
            <div class="keep-together" inner_html=gaps></div>
            <h3>{t(lang, "优先建议", "Top recommendations")}</h3>
            <AdviceList results=results limit=3 />
        </section>
        {move || has_indicators().then(|| view! {
            <section class="report-block">
                <h2>{t(lang, "核心指标与目标", "Headline indicators against targets")}</h2>
                <p class="caption" id="report-caption">{move || format!("{}{}", tr(lang.get(), "目标来源：", "Targets from: "), target_source(&results.profile(), lang.get()))}</p>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="report-caption"><IndicatorTable results=results caption_id="report-caption" national=true /></div>
            </section>
        })}
        {move || scored().then(|| view! {
            <section class="report-block dimensions">
                <h2>{t(lang, "维度详情", "Dimension detail")}</h2>
                // The radar, unless the summary shows it; the table has each bar's figures
                // (a bar chart of the dimensions would be taller than a page).
                {move || has_indicators().then(|| view! { <figure class="chart radar" use:svg_markup=dims.radar_svg></figure> })}
                <DimensionTable rows=dims.rows lang=lang />
                <ScenarioStrip results=results />
            </section>
        })}
        // Shown only when there are more than the summary's three (the stylesheet).
        <section class="report-block further">
            <h2>{t(lang, "其他建议", "Further recommendations")}</h2>
            <AdviceList results=results skip=3 />
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
                <LogoField lang=lang logo=logo />
            </div>
            {body}
        </article>
    }
}

fn report_kind(lang: Lang) -> &'static str {
    tr(
        lang,
        "数字化转型自评报告",
        "Digital transformation self-assessment report",
    )
}

/// What the desk draws into the app's `#report-root`: the reports of a batch being printed,
/// else the report the app asked for, or while a questionnaire is on its way, a status line.
#[component]
pub fn ReportRoot(report: ReportState) -> impl IntoView {
    let lang = report.results().lang;
    // Drawn anew only when it becomes ready, not when another questionnaire arrives.
    let ready = Memo::new(move |_| report.ready());
    let batch_ready = Memo::new(move |_| report.batch_ready());
    view! {
        {move || report.waiting().then(|| view! {
            <p class="report-status no-print" role="status">{t(lang, "正在准备报告……", "Preparing the report…")}</p>
        })}
        {move || (ready.get() && !batch_ready.get()).then(|| {
            // Printed once drawn, if the app asked for a print.
            Effect::new(move |_| report.drawn());
            view! { <Report results=report.results() /> }
        })}
        {move || batch_ready.get().then(|| view! { <Batch report=report /> })}
    }
}

/// The selected firms' reports as one document, each from a page of its own; printed once
/// drawn, and taken away after printing.
#[component]
fn Batch(report: ReportState) -> impl IntoView {
    let lang = report.results().lang;
    let date = today();
    let reports = report.batch_results();
    let count = reports.len();
    // Once (nothing tracked): the batch is drawn for one print.
    Effect::new(move |_| {
        let l = lang.get_untracked();
        set_running_header(&format!("{} · {date}", report_kind(l)));
        let firms = match l {
            Lang::Zh => format!("{count} 家企业"),
            Lang::En => format!("{count} firms"),
        };
        document().set_title(&format!("{firms} · {} · {date}", report_kind(l)));
        report.batch_drawn();
    });
    on_cleanup(move || {
        set_running_header("");
        document().set_title(crate::app::views::i18n::app_title(lang.get_untracked()));
    });
    reports
        .into_iter()
        .map(|results| view! { <Report results=results batch=true /> })
        .collect_view()
}
