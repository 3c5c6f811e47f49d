//! Every assessment kept on this device, as a table (firm, questionnaire, date,
//! completeness, score, level; one card a row on a phone), with open, duplicate, rename
//! and delete, the answers file export, and the exchange's import (`import`), bundle and
//! table exports (`export`). Each change is asked of the app.

use leptos::prelude::*;

use super::export::TableExport;
use super::import::ImportFiles;
use super::{t, tr};
use crate::desk::exchange::{export_bundle, portfolio_table};
use crate::app::platform::download::offer_text;
use crate::desk::state::{focus_after_render, DeskState};
use crate::domain::model::text::{Lang, Text};
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
    view! {
        <p class="help">{t(lang, "答案自动保存在本机浏览器中，不会上传。可导出为文件备份或交给咨询顾问。", "Answers are saved automatically in this browser and never uploaded. Export them to keep a copy or give them to a consultant.")}</p>
        <div class="library-actions">
            <button type="button" id="new-assessment" class="secondary-dark" on:click=move |_| state.ask(ToApp::New)>{t(lang, "新建评估", "New assessment")}</button>
            <button type="button" id="export-answers" class="secondary-dark" on:click=move |_| export_current(state)>{t(lang, "导出当前评估", "Export this assessment")}</button>
            <button type="button" id="export-bundle" class="secondary-dark" on:click=move |_| export_bundle(state, None)>{t(lang, "导出全部", "Export all")}</button>
        </div>
        <ImportFiles state=state />
        <TableExport state=state table=move || portfolio_table(state, None) id="portfolio-export" stem="数转-评估一览" what_zh="评估一览" what_en="portfolio" />
        <table class="assessment-table">
            <caption class="sr-only">{t(lang, "本机保存的评估，最近保存的在前", "Assessments kept on this device, the most recently saved first")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(lang, "企业", "Firm")}</th>
                    <th scope="col">{t(lang, "问卷", "Questionnaire")}</th>
                    <th scope="col">{t(lang, "轮次 · 日期", "Round · date")}</th>
                    <th scope="col">{t(lang, "完成度", "Complete")}</th>
                    <th scope="col">{t(lang, "得分", "Score")}</th>
                    <th scope="col">{t(lang, "等级", "Level")}</th>
                    <th scope="col"><span class="sr-only">{t(lang, "操作", "Actions")}</span></th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    let l = lang.get();
                    state.rows().into_iter().map(|row| {
                        let id = row.id.clone();
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
                        let firm = row.firm.clone();
                        let stored_name = state.find(&id).map(|s| s.file.firm.name).unwrap_or_default();
                        let (open_id, dup_id, edit_id, del_id, ren_id) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                        let focus_input = input_id.clone();
                        view! {
                            <tr class="assessment" class:current=is_current.clone() aria-current=move || is_current().then_some("true") data-assessment=id.clone()>
                                <th scope="row" class="assessment-info">
                                    {move || if editing() {
                                        view! { <RenameInput state=state id=ren_id.clone() input_id=input_id.clone() button_id=button_id.clone() name=stored_name.clone() renaming=renaming /> }.into_any()
                                    } else {
                                        view! { <strong>{firm.clone()}</strong> }.into_any()
                                    }}
                                </th>
                                <td data-label=tr(l, "问卷", "Questionnaire")>{row.questionnaire}</td>
                                <td class="round-date" data-label=tr(l, "轮次 · 日期", "Round · date")>{row.date}</td>
                                <td data-label=tr(l, "完成度", "Complete")>{row.completeness}</td>
                                <td data-label=tr(l, "得分", "Score")>{row.score}</td>
                                <td data-label=tr(l, "等级", "Level")>{row.level}</td>
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
                    }).collect_view()
                }}
            </tbody>
        </table>
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
            state.ask(ToApp::Rename { id: id.clone(), name });
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
