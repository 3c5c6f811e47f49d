//! "My assessments": every assessment kept on this device, with open, duplicate, rename
//! and delete, and the answers file export and import.

use leptos::prelude::*;

use crate::app::platform::download::offer_text;
use crate::app::state::AppState;
use crate::app::views::i18n::{t, tr};
use crate::app::views::setup::read_chosen_bytes;
use crate::app::views::widgets::focus_after_render;
use crate::domain::model::text::{Lang, Text};
use crate::domain::report::format::entry_length;
use crate::domain::report::format_percent;

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

#[component]
pub fn Library(state: AppState) -> impl IntoView {
    let lang = state.lang();
    let export = move |_| {
        let saved = state.snapshot();
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
            if let Some(failed) = failed {
                state.show_notice(failed);
            }
        });
    };
    let on_import = move |ev: leptos::ev::Event| {
        read_chosen_bytes(ev, state, move |name, bytes| state.import(name, bytes))
    };
    let count = move || state.saved().with(Vec::len);
    // The id of the assessment whose name is being edited in its row, or empty.
    let renaming = RwSignal::new(String::new());
    view! {
        // Folded by default: on a phone the first question should be close to the top.
        <details class="section library" id="library">
            <summary id="library-summary">
                <h2 id="library-title">{t(lang, "我的评估", "My assessments")}<span class="count-badge">{count}</span></h2>
            </summary>
            <p class="help">{t(lang, "答案自动保存在本机浏览器中，不会上传。可导出为文件备份或交给咨询顾问。", "Answers are saved automatically in this browser and never uploaded. Export them to keep a copy or give them to a consultant.")}</p>
            <div class="library-actions">
                <button type="button" id="new-assessment" class="secondary-dark" on:click=move |_| state.new_assessment()>{t(lang, "新建评估", "New assessment")}</button>
                <button type="button" id="export-answers" class="secondary-dark" on:click=export>{t(lang, "导出当前评估", "Export this assessment")}</button>
                <label class="file-button" for="import-answers">{t(lang, "导入答卷文件", "Import an answers file")}</label>
                <input id="import-answers" class="visually-hidden-file" type="file" accept=".json,application/json" on:change=on_import />
            </div>
            <ul class="assessment-list">
                {move || state.saved().get().into_iter().map(|s| {
                    let id = s.id.clone();
                    let current = move || state.current_id().get() == id;
                    let title = state.choices().into_iter().find(|q| q.id == s.file.questionnaire.id).map(|q| q.title.clone());
                    let firm = s.file.firm.name.clone();
                    let date = crate::domain::model::record::round_and_day(&s.file.round, &s.file.assessed_on, &s.file.updated_at);
                    let (open_id, dup_id, ren_id, del_id) = (s.id.clone(), s.id.clone(), s.id.clone(), s.id.clone());
                    let edit_id = s.id.clone();
                    let saved = s.clone();
                    // Tracked: a questionnaire fetched later fills in its completeness.
                    let completeness = state
                        .find_questionnaire_tracked(&s.file.questionnaire.id)
                        .map(|q| {
                            let ev = crate::domain::compute::evaluation::evaluate(&q, &s.file.answers);
                            format_percent(crate::domain::compute::scoring::score(&q, &s.file.answers, &ev).completeness)
                        });
                    let firm_label = firm.clone();
                    let editing_id = s.id.clone();
                    let editing = move || renaming.with(|r| *r == editing_id);
                    let input_id = format!("rename-{}", s.id);
                    view! {
                        <li class="assessment" class:current=current data-assessment=s.id.clone()>
                            <div class="assessment-info">
                                {move || if editing() {
                                    view! { <RenameInput state=state id=ren_id.clone() input_id=input_id.clone() name=firm.clone() renaming=renaming /> }.into_any()
                                } else {
                                    let label = firm_label.clone();
                                    view! { <strong>{move || if label.trim().is_empty() { tr(lang.get(), "（未命名企业）", "(unnamed firm)").to_string() } else { label.clone() }}</strong> }.into_any()
                                }}
                                <span class="meta">{move || title.as_ref().map(|t| t.get(lang.get()).to_string()).unwrap_or_default()}</span>
                                <span class="meta">{move || match (lang.get(), &completeness) {
                                    (Lang::Zh, Some(c)) => format!("{date} · 完成 {c}"),
                                    (Lang::En, Some(c)) => format!("{date} · {c} complete"),
                                    // Its questionnaire is still being fetched.
                                    (_, None) => date.clone(),
                                }}</span>
                            </div>
                            <div class="assessment-buttons">
                                <button type="button" class="small" disabled=move || state.current_id().get() == open_id
                                    on:click=move |_| state.open(&saved)>{t(lang, "打开", "Open")}</button>
                                <button type="button" class="small" on:click=move |_| state.duplicate(&dup_id)>{t(lang, "复制", "Duplicate")}</button>
                                <button type="button" class="small rename" id=format!("rename-button-{}", s.id)
                                    on:click={ let input = format!("rename-{}", s.id); move |_| { renaming.set(edit_id.clone()); focus_after_render(input.clone()); } }>{t(lang, "重命名", "Rename")}</button>
                                <button type="button" class="small danger" on:click=move |_| {
                                    let ask = tr(lang.get_untracked(), "确定删除这份评估吗？删除后无法恢复。", "Delete this assessment? This cannot be undone.");
                                    if window().confirm_with_message(ask).unwrap_or(false) {
                                        state.delete(&del_id);
                                    }
                                }>{t(lang, "删除", "Delete")}</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <UnreadableEntries state=state />
        </details>
    }
}

/// Saved entries that cannot be read, kept (set aside, or where they were), each with
/// a button that downloads its text exactly as stored.
#[component]
fn UnreadableEntries(state: AppState) -> impl IntoView {
    let lang = state.lang();
    move || {
        let entries = state.unreadable().get();
        (!entries.is_empty()).then(|| {
            view! {
                <div class="unreadable" id="unreadable">
                    <h3>{t(lang, "无法读取的保存数据", "Saved data that cannot be read")}</h3>
                    <p class="help">{t(lang, "这些数据已原样保留，没有删除。可导出原文备查，或交给技术支持。", "This data is kept as it was, not deleted. Export its text to keep it or to give it to support.")}</p>
                    <ul class="unreadable-list">
                        {entries.into_iter().map(|entry| {
                            let key = entry.key.clone();
                            let shown_key = entry.key.clone();
                            let length = entry.length;
                            let export = move |_| {
                                let failed = match state.unreadable_text(&key) {
                                    Some(text) => offer_text(&format!("{key}.txt"), "text/plain", &text).is_err(),
                                    None => true,
                                };
                                if failed {
                                    state.show_notice(Text::new("导出失败：浏览器不允许下载文件，或数据已不在本机。", "Export failed: the browser did not allow the download, or the data is no longer on this device."));
                                }
                            };
                            view! {
                                <li class="unreadable-entry" data-unreadable=entry.key.clone()>
                                    <code class="unreadable-key">{shown_key}</code>
                                    <span class="meta">{move || entry_length(length, lang.get())}</span>
                                    <button type="button" class="small export-raw" on:click=export>{t(lang, "导出原文", "Export its text")}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// The firm's name edited in its row: Enter saves, Esc cancels; focus goes back to the
/// row's rename button either way.
#[component]
fn RenameInput(
    state: AppState,
    id: String,
    input_id: String,
    name: String,
    renaming: RwSignal<String>,
) -> impl IntoView {
    let lang = state.lang();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if key != "Enter" && key != "Escape" {
            return;
        }
        ev.prevent_default();
        if key == "Enter" {
            state.rename(&id, event_target_value(&ev).trim().to_string());
        }
        renaming.set(String::new());
        focus_after_render(format!("rename-button-{id}"));
    };
    let label_for = input_id.clone();
    view! {
        <label class="rename-label" for=label_for>{t(lang, "企业名称（回车保存，Esc 取消）", "Firm name (Enter saves, Esc cancels)")}</label>
        <input type="text" class="rename-input" id=input_id value=name on:keydown=on_keydown />
    }
}
