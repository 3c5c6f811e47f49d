//! Every assessment kept on this device, as a table (the consultant's portfolio: firm,
//! questionnaire, round and date, completeness, score, level, each headline indicator
//! with its signed gap; one card a row on a phone), sorted and filtered, each row with
//! a checkbox for the selection (`portfolio`: the controls and what is done with the
//! selection), with open, duplicate, rename and delete, the answers file export, and the
//! exchange's import (`import`), bundle and table exports (`export`). Each change is
//! asked of the app.

use leptos::prelude::*;

use super::export::TableExport;
use super::import::ImportFiles;
use super::portfolio::{gap_heading, PortfolioControls, SelectionActions, SortHeader};
use super::{t, tr};
use crate::app::platform::download::offer_text;
use crate::desk::exchange::{export_bundle, portfolio_table};
use crate::desk::state::{focus_after_render, DeskState};
use crate::domain::model::record::round_and_day;
use crate::domain::model::text::{Lang, Text};
use crate::domain::report::format::DASH;
use crate::domain::report::portfolio::{filter_rows, indicator_columns, SortKey};
use crate::domain::wire::desk::ToApp;

/// A file name that says what is inside: firm, questionnaire and date.
fn export_name(firm: &str, questionnaire: &str, date: &str) -> String {
    let firm: String = firm
        .chars()
        .filter(|c| !"\\/:*?\"<>|".contains(*c))
        .collect();
    let firm = if firm.trim().is_empty() {
        "assessment".to_string()
    } else {
        firm.trim().to_string()
    };
    format!(
        "{firm}-{questionnaire}-{}.json",
        date.get(..10).unwrap_or(date)
    )
}

/// Exports the assessment in the app's form, once the app has saved what it has pending.
fn export_current(state: DeskState) {
    let current = state.current().get_untracked();
    let Some(saved) = state.synced(|list| list.iter().find(|s| s.id == current).cloned()) else {
        return state.ask(ToApp::Notice {
            text: Text::new(
                "导出失败：当前评估还没有保存。",
                "Export failed: the current assessment has not been saved yet.",
            ),
        });
    };
    let name = export_name(
        &saved.file.firm.name,
        &saved.file.questionnaire.id,
        &saved.file.updated_at,
    );
    // The JSON is written in the files worker.
    crate::app::platform::files::write_answers(saved.file, move |json| {
        let failed = match json {
            Err(why) => {
                let why = why.text();
                Some(Text::new(
                    format!("导出失败：{}。", why.zh),
                    format!("Export failed: {}.", why.get(Lang::En)),
                ))
            }
            Ok(json) => offer_text(&name, "application/json", &json).err().map(|_| {
                Text::new(
                    "导出失败：浏览器不允许下载文件。",
                    "Export failed: the browser did not allow the download.",
                )
            }),
        };
        if let Some(text) = failed {
            state.ask(ToApp::Notice { text });
        }
    });
}

#[component]
pub fn Library(state: DeskState) -> impl IntoView {
    let lang = state.lang();
    // The id of the assessment whose name is being edited in its row, or empty.
    let renaming = RwSignal::new(String::new());
    let rows = Memo::new(move |_| state.portfolio());
    let shown = Memo::new(move |_| {
        let filter = state.filter().get();
        rows.with(|r| filter_rows(r, &filter))
    });
    let indicators = Memo::new(move |_| rows.with(|r| indicator_columns(r)));
    let headings = move || {
        let l = lang.get();
        let mut cells = vec![
            view! { <SortHeader state=state key=SortKey::Firm label=tr(l, "企业", "Firm").to_string() /> }.into_any(),
            view! { <SortHeader state=state key=SortKey::Questionnaire label=tr(l, "问卷", "Questionnaire").to_string() /> }.into_any(),
            view! { <SortHeader state=state key=SortKey::Date label=tr(l, "轮次 · 日期", "Round · date").to_string() /> }.into_any(),
            view! { <SortHeader state=state key=SortKey::Completeness label=tr(l, "完成度", "Complete").to_string() /> }.into_any(),
            view! { <SortHeader state=state key=SortKey::Score label=tr(l, "得分", "Score").to_string() /> }.into_any(),
            view! { <SortHeader state=state key=SortKey::Level label=tr(l, "等级", "Level").to_string() /> }.into_any(),
        ];
        for (id, name) in indicators.get() {
            cells.push(view! { <SortHeader state=state key=SortKey::Indicator(id.clone()) label=name.clone() /> }.into_any());
            let short = tr(l, "差距", "Gap").to_string();
            cells.push(view! { <SortHeader state=state key=SortKey::Gap(id) label=gap_heading(&name, l) short=short /> }.into_any());
        }
        cells.push(
            view! { <th scope="col"><span class="sr-only">{tr(l, "操作", "Actions")}</span></th> }
                .into_any(),
        );
        cells
    };
    let caption = move || {
        let l = lang.get();
        match state.sort().with(Option::is_none) {
            true => tr(
                l,
                "本机保存的评估，最近保存的在前",
                "Assessments kept on this device, the most recently saved first",
            ),
            false => tr(
                l,
                "本机保存的评估（按所选列排序）",
                "Assessments kept on this device (sorted by the column chosen)",
            ),
        }
    };
    let body = move || {
        let l = lang.get();
        let columns = indicators.get();
        let portfolio = shown.get().into_iter().map(|row| {
            let id = row.id.clone();
            let saved = state.find(&id);
            let date = saved.as_ref().map(|s| round_and_day(&s.file.round, &s.file.assessed_on, &s.file.updated_at)).unwrap_or_default();
            let stored_name = saved.map(|s| s.file.firm.name).unwrap_or_default();
            let check_label = match l {
                Lang::Zh => format!("选择 {}（{date}）", row.firm),
                Lang::En => format!("Select {} ({date})", row.firm),
            };
            let (sel_id, sel_id2) = (id.clone(), id.clone());
            let checkbox = view! {
                <input type="checkbox" class="row-select" id=format!("select-{id}") aria-label=check_label
                    prop:checked=move || state.is_selected(&sel_id)
                    on:change=move |ev| state.set_selected(&sel_id2, event_target_checked(&ev)) />
            };
            let figures = columns.iter().flat_map(|(ind, name)| {
                let (value, gap, met) = match row.indicator(ind) {
                    Some(i) => (i.value_text.clone(), i.gap_text.clone(), i.met),
                    None => (DASH.to_string(), DASH.to_string(), None),
                };
                [
                    view! { <td class="indicator-value" data-indicator=ind.clone() data-label=name.clone()>{value}</td> }.into_any(),
                    view! { <td class="indicator-gap" class:met=met == Some(true) class:short=met == Some(false) data-gap=ind.clone() data-label=gap_heading(name, l)>{gap}</td> }.into_any(),
                ]
            }).collect::<Vec<_>>();
            let completeness = if row.provisional {
                match l {
                    Lang::Zh => format!("{}（暂定）", row.completeness_text),
                    Lang::En => format!("{} (provisional)", row.completeness_text),
                }
            } else {
                row.completeness_text.clone()
            };
            view! {
                <AssessmentRow state=state id=id firm=row.firm.clone() stored_name=stored_name renaming=renaming checkbox=checkbox.into_any()
                    cells=vec![
                        view! { <td data-label=tr(l, "问卷", "Questionnaire")>{row.questionnaire_text.clone()}</td> }.into_any(),
                        view! { <td class="round-date" data-label=tr(l, "轮次 · 日期", "Round · date")>{date}</td> }.into_any(),
                        view! { <td data-label=tr(l, "完成度", "Complete")>{completeness}</td> }.into_any(),
                        view! { <td class="score" data-label=tr(l, "得分", "Score")>{row.score_text.clone()}</td> }.into_any(),
                        view! { <td data-label=tr(l, "等级", "Level")>{row.level_text.clone()}</td> }.into_any(),
                    ]
                    figures=figures />
            }
        }).collect_view();
        // Rows whose questionnaire is not here yet (or cannot be read): listed, with dashes,
        // while no filter is set; they cannot be selected.
        let pending = state.filter().with(|f| *f == Default::default()).then(|| {
            state.pending_rows().into_iter().map(|row| {
                let stored_name = state.find(&row.id).map(|s| s.file.firm.name).unwrap_or_default();
                let figures = columns.iter().flat_map(|(ind, name)| [
                    view! { <td class="indicator-value" data-indicator=ind.clone() data-label=name.clone()>{DASH}</td> }.into_any(),
                    view! { <td class="indicator-gap" data-gap=ind.clone() data-label=gap_heading(name, l)>{DASH}</td> }.into_any(),
                ]).collect::<Vec<_>>();
                view! {
                    <AssessmentRow state=state id=row.id.clone() firm=row.firm.clone() stored_name=stored_name renaming=renaming checkbox=().into_any()
                        cells=vec![
                            view! { <td data-label=tr(l, "问卷", "Questionnaire")>{row.questionnaire}</td> }.into_any(),
                            view! { <td class="round-date" data-label=tr(l, "轮次 · 日期", "Round · date")>{row.date}</td> }.into_any(),
                            view! { <td data-label=tr(l, "完成度", "Complete")>{row.completeness}</td> }.into_any(),
                            view! { <td class="score" data-label=tr(l, "得分", "Score")>{row.score}</td> }.into_any(),
                            view! { <td data-label=tr(l, "等级", "Level")>{row.level}</td> }.into_any(),
                        ]
                        figures=figures />
                }
            }).collect_view()
        });
        view! { {portfolio}{pending} }
    };
    view! {
        <p class="help">{t(lang, "答案自动保存在本机浏览器中，不会上传。可导出为文件备份或交给咨询顾问。", "Answers are saved automatically in this browser and never uploaded. Export them to keep a copy or give them to a consultant.")}</p>
        <div class="library-actions">
            <button type="button" id="new-assessment" class="secondary-dark" on:click=move |_| state.ask(ToApp::New)>{t(lang, "新建评估", "New assessment")}</button>
            <button type="button" id="export-answers" class="secondary-dark" on:click=move |_| export_current(state)>{t(lang, "导出当前评估", "Export this assessment")}</button>
            <button type="button" id="export-bundle" class="secondary-dark" on:click=move |_| export_bundle(state, None)>{t(lang, "导出全部", "Export all")}</button>
        </div>
        <ImportFiles state=state />
        <TableExport state=state table=move || portfolio_table(state, None) id="portfolio-export" stem="数转-评估一览" what_zh="评估一览" what_en="portfolio" />
        <PortfolioControls state=state rows=rows shown=shown indicators=indicators />
        <SelectionActions state=state rows=rows />
        <div class="portfolio-wrap">
            <table class="assessment-table">
                <caption class="sr-only">{caption}</caption>
                <thead>
                    <tr>{headings}</tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// One assessment's row: its checkbox and name (or the name being edited), its cells,
/// and its buttons.
#[component]
fn AssessmentRow(
    state: DeskState,
    id: String,
    firm: String,
    stored_name: String,
    renaming: RwSignal<String>,
    checkbox: AnyView,
    cells: Vec<AnyView>,
    figures: Vec<AnyView>,
) -> impl IntoView {
    let lang = state.lang();
    let l = lang.get_untracked();
    let is_current = {
        let id = id.clone();
        move || state.current().with(|c| *c == id)
    };
    let editing = {
        let id = id.clone();
        move || renaming.with(|r| *r == id)
    };
    let input_id = format!("rename-{id}");
    let button_id = format!("rename-button-{id}");
    let (open_id, dup_id, edit_id, del_id, ren_id) =
        (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
    let focus_input = input_id.clone();
    let selected = {
        let id = id.clone();
        move || state.is_selected(&id)
    };
    view! {
        <tr class="assessment" class:current=is_current.clone() class:selected=selected aria-current=move || is_current().then_some("true") data-assessment=id.clone()>
            <th scope="row" class="assessment-info">
                {checkbox}
                {move || if editing() {
                    view! { <RenameInput state=state id=ren_id.clone() input_id=input_id.clone() button_id=button_id.clone() name=stored_name.clone() renaming=renaming /> }.into_any()
                } else {
                    view! { <strong>{firm.clone()}</strong> }.into_any()
                }}
            </th>
            {cells}
            {figures}
            <td class="assessment-buttons">
                <button type="button" class="small" disabled=move || state.current().with(|c| *c == open_id)
                    on:click={ let id = id.clone(); move |_| state.ask(ToApp::Open { id: id.clone() }) }>{tr(l, "打开", "Open")}</button>
                <button type="button" class="small" on:click=move |_| state.ask(ToApp::Duplicate { id: dup_id.clone() })>{tr(l, "复制", "Duplicate")}</button>
                <button type="button" class="small rename" id=format!("rename-button-{edit_id}")
                    on:click=move |_| { renaming.set(edit_id.clone()); focus_after_render(focus_input.clone()); }>{tr(l, "重命名", "Rename")}</button>
                <button type="button" class="small danger" on:click=move |_| {
                    let ask = tr(lang.get_untracked(), "确定删除这份评估吗？删除后无法恢复。", "Delete this assessment? This cannot be undone.");
                    if window().confirm_with_message(ask).unwrap_or(false) {
                        state.ask(ToApp::Delete { id: del_id.clone() });
                    }
                }>{tr(l, "删除", "Delete")}</button>
            </td>
        </tr>
    }
}

/// The firm's name edited in its row: Enter saves, Esc cancels; focus goes back to the
/// row's rename button either way (after the list is redrawn with the new name).
#[component]
fn RenameInput(
    state: DeskState,
    id: String,
    input_id: String,
    button_id: String,
    name: String,
    renaming: RwSignal<String>,
) -> impl IntoView {
    let lang = state.lang();
    let old = name.clone();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if key != "Enter" && key != "Escape" {
            return;
        }
        ev.prevent_default();
        let name = event_target_value(&ev).trim().to_string();
        if key == "Enter" && name != old {
            state.refocus_after_change(button_id.clone());
            state.ask(ToApp::Rename {
                id: id.clone(),
                name,
            });
        }
        renaming.set(String::new());
        focus_after_render(button_id.clone());
    };
    let label_for = input_id.clone();
    view! {
        <label class="rename-label" for=label_for>{t(lang, "企业名称（回车保存，Esc 取消）", "Firm name (Enter saves, Esc cancels)")}</label>
        <input type="text" class="rename-input" id=input_id value=name on:keydown=on_keydown />
    }
}
