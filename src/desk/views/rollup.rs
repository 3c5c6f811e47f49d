//! The roll-up of a selection against a built-in target profile: for the firms on the
//! questionnaire most of them are on, each indicator's mean, its value weighted by the
//! underlying counts (Σ numerators ÷ Σ denominators) and the share of firms meeting the
//! target; the distribution of levels and the share at 二级 or above; how many firms
//! were counted and how many were incomplete; each firm left out, with its reason.
//! Printed, it is a report of its own (`domain::report::rollup_printed`): a cover, the
//! summary with the chart, the firms included and left out, the method and sources.

use leptos::prelude::*;

use super::compare::ViewFrame;
use super::export::TableExport;
use super::table::{Chart, DataTable};
use super::{t, tr};
use crate::app::platform::clock::today;
use crate::app::platform::storage;
use crate::charts::compare_chart::rollup_chart_svg;
use crate::desk::state::{DeskState, Entry};
use crate::domain::compute::rollup::RollupResult;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::Lang;
use crate::domain::report::format::profile_source;
use crate::domain::report::printed::consultant_text;
use crate::domain::report::rollup_printed::{
    printed_rollup, roll_up_selection, rollup_print_titles, PrintedBy, SelectedFirm,
};
use crate::domain::report::screen_table::{rollup_indicators_screen, rollup_levels_screen};
use crate::domain::report::selection::{majority_questionnaire, rollup_profile};
use crate::domain::report::table::{rollup_table, Table};
use crate::domain::report::{incomplete_line, rollup_report};

/// The table the roll-up shows, as a spreadsheet's (its indicators and levels in one
/// sheet): where its export is attached.
pub fn shown_table(q: &Questionnaire, r: &RollupResult, lang: Lang) -> Table {
    rollup_table(q, r, lang)
}

#[component]
pub fn RollupView(state: DeskState, ids: Vec<String>) -> impl IntoView {
    let lang = state.lang();
    let profiles = state.profiles();
    // The profile it starts from: the region's the selected firms share, else national.
    let regions: Vec<String> = ids
        .iter()
        .filter_map(|id| state.find(id))
        .map(|s| s.file.firm.region)
        .collect();
    let regions: Vec<&str> = regions.iter().map(String::as_str).collect();
    let start = rollup_profile(&profiles.profiles, &regions)
        .map(|p| p.id.clone())
        .unwrap_or_default();
    let profile_id = RwSignal::new(start);
    let options = profiles.clone();
    let print_profiles = profiles.clone();
    let content = move || {
        let l = lang.get();
        let pid = profile_id.get();
        let entries = state.entries();
        let picked: Vec<&Entry> = ids
            .iter()
            .filter_map(|id| entries.iter().find(|e| e.id == *id))
            .collect();
        let Some((qid, version)) = majority_questionnaire(picked.iter().map(|e| &e.file)) else {
            return view! { <p class="desk-view-empty">{tr(l, "所选的评估已不在本机，请返回列表重新选择。", "The selected assessments are no longer on this device; go back to the list and select again.")}</p> }.into_any();
        };
        let Some(q) = picked
            .iter()
            .find(|e| e.q.id == qid && e.file.questionnaire.version == version)
            .map(|e| e.q.clone())
        else {
            return ().into_any();
        };
        let Some(profile) = profiles.profiles.iter().find(|p| p.id == pid) else {
            return ().into_any();
        };
        let selected: Vec<SelectedFirm> = picked
            .iter()
            .map(|e| SelectedFirm {
                file: &e.file,
                questionnaire: &e.q,
            })
            .collect();
        let rolled = roll_up_selection(&q, profile, &selected, l);
        let result = &rolled.result;
        let report = rollup_report(&q, profile, result, l);
        let svg = rollup_chart_svg(&report, result, l);
        let indicators = rollup_indicators_screen(&report, l);
        let levels = rollup_levels_screen(&report, l);
        let export = shown_table(&q, result, l);
        let incomplete = incomplete_line(&rolled.incomplete, l);
        let left_out = rolled.left_out.clone();
        let source = match l {
            Lang::Zh => format!("目标来源：{}", profile_source(profile, l)),
            Lang::En => format!("Targets from: {}", profile_source(profile, l)),
        };
        // The printed report (shown only in print): the consultant and logo the firm's
        // report uses, kept on this device.
        let consultant = storage::load_consultant();
        let logo = storage::load_logo().map(|l| l.data_url());
        let printed = printed_rollup(
            &q,
            profile,
            &rolled,
            &report,
            &PrintedBy {
                date: &today(),
                consultant: &consultant_text(&consultant.name, &consultant.organisation, l),
                logo: logo.as_deref(),
            },
            l,
        );
        let print_svg = svg.clone();
        view! {
            <p class="desk-view-sub">{report.title.clone()}</p>
            <p class="rollup-firms" id="rollup-firms">{report.firms_text.clone()}</p>
            {(!incomplete.is_empty()).then(|| view! { <p class="rollup-incomplete">{incomplete}</p> })}
            {(!left_out.is_empty()).then(|| view! {
                <div class="left-out" role="note">
                    <p>{report.left_out_text.clone()}</p>
                    <ul>{left_out.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                </div>
            })}
            <Chart svg=svg class="rollup" />
            <DataTable table=indicators class="rollup-table" />
            {levels.map(|table| view! { <DataTable table=table class="rollup-levels" /> })}
            <TableExport state=state table=move || export.clone() id="rollup-export" stem="数转-区域汇总" what_zh="汇总" what_en="roll-up" />
            {(!report.at_or_above_text.is_empty()).then(|| view! { <p class="rollup-at-or-above"><strong>{report.at_or_above_text.clone()}</strong></p> })}
            <p class="help">{source}</p>
            <article class="rollup-print" lang=l.tag()>
                <header class="report-cover" inner_html=printed.cover></header>
                <section class="rollup-print-summary">
                    <div inner_html=printed.summary></div>
                    <figure class="rollup-print-chart" inner_html=print_svg></figure>
                    <div inner_html=printed.levels></div>
                </section>
                <section class="rollup-print-firms-list" inner_html=printed.firms></section>
                <section class="rollup-print-method" inner_html=printed.method></section>
            </article>
        }
        .into_any()
    };
    let title = Signal::derive(move || {
        tr(lang.get(), "汇总所选企业", "Roll-up of the selected firms").to_string()
    });
    // Printed, its pages are headed by the profile and the day, and the PDF named so.
    let print_titles = Signal::derive(move || {
        let pid = profile_id.get();
        print_profiles
            .profiles
            .iter()
            .find(|p| p.id == pid)
            .map(|p| rollup_print_titles(p, &today(), lang.get()))
    });
    view! {
        <ViewFrame state=state class="rollup-view" title=title back_to="rollup-selected" print_titles=print_titles>
            <div class="rollup-profile">
                <label for="rollup-profile">{t(lang, "对照的目标方案", "Target profile")}</label>
                <select id="rollup-profile" prop:value=move || profile_id.get() on:change=move |ev| profile_id.set(event_target_value(&ev))>
                    {move || {
                        let l = lang.get();
                        options.profiles.iter().map(|p| {
                            let id = p.id.clone();
                            let selected = profile_id.with_untracked(|s| *s == id);
                            view! { <option value=id selected=selected>{p.name.get(l).to_string()}</option> }
                        }).collect_view()
                    }}
                </select>
            </div>
            {content}
        </ViewFrame>
    }
}
