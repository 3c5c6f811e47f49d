//! The roll-up of a selection against a built-in target profile: for the firms on the
//! questionnaire most of them are on, each indicator's mean, its value weighted by the
//! underlying counts (Σ numerators ÷ Σ denominators) and the share of firms meeting the
//! target; the distribution of levels and the share at 二级 or above; how many firms
//! were counted and how many were incomplete; each firm left out, with its reason.

use leptos::prelude::*;

use super::export::TableExport;
use super::compare::ViewFrame;
use super::table::{Chart, DataTable};
use super::{t, tr};
use crate::charts::compare_chart::rollup_chart_svg;
use crate::desk::state::{DeskState, Entry};
use crate::domain::compute::rollup::{Rollup, RollupResult};
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::Lang;
use crate::domain::report::compare::firm_label;
use crate::domain::report::format::profile_source;
use crate::domain::report::portfolio::portfolio_row;
use crate::domain::report::screen_table::{rollup_indicators_screen, rollup_levels_screen};
use crate::domain::report::selection::{majority_questionnaire, rollup_profile};
use crate::domain::report::table::{rollup_table, Table};
use crate::domain::report::{incomplete_line, left_out_line, rollup_report};

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
        let mut rollup = Rollup::new(&q, profile);
        let (mut left_out, mut incomplete) = (Vec::new(), Vec::new());
        for e in &picked {
            let label = firm_label(&portfolio_row(&e.portfolio(), l).firm, &e.file.round, l);
            match rollup.add_file(&e.file) {
                Ok(()) if e.assessment.score.is_provisional() => incomplete.push(label),
                Ok(()) => {}
                Err(reason) => {
                    let on = format!("{} {}", e.q.title.get(l), e.file.questionnaire.version);
                    left_out.push(left_out_line(&label, reason, &on, l));
                }
            }
        }
        let result = rollup.finish();
        let report = rollup_report(&q, profile, &result, l);
        let svg = rollup_chart_svg(&report, &result, l);
        let indicators = rollup_indicators_screen(&report, l);
        let levels = rollup_levels_screen(&report, l);
        let export = shown_table(&q, &result, l);
        let incomplete = incomplete_line(&incomplete, l);
        let source = match l {
            Lang::Zh => format!("目标来源：{}", profile_source(profile, l)),
            Lang::En => format!("Targets from: {}", profile_source(profile, l)),
        };
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
        }
        .into_any()
    };
    let title = Signal::derive(move || {
        tr(lang.get(), "汇总所选企业", "Roll-up of the selected firms").to_string()
    });
    view! {
        <ViewFrame state=state class="rollup-view" title=title back_to="rollup-selected">
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
