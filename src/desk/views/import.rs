//! Importing many files at once: a file input that takes several (the keyboard's and the
//! screen reader's control) inside a drop zone (a visual aid, its text says what it
//! takes), what is being read, and the conflicts for the user to decide: each saved
//! assessment an import would replace, with what differs, "替换" or "保留现有" for it
//! or for all. The work is `desk::exchange`'s.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::{t, tr};
use crate::desk::chosen_file::file_bytes;
use crate::desk::exchange::{import_files, resolve, Importing};
use crate::desk::state::{focus_after_render, DeskState};
use crate::domain::model::record::date_of;
use crate::domain::model::text::Text;
use crate::domain::report::portfolio::firm_display_name;
use crate::domain::wire::batch::{differences, NamedFile};
use crate::domain::wire::desk::ToApp;

/// Reads the files' bytes (their encoding is checked by the reader, not guessed here)
/// and imports them together.
fn read_and_import(state: DeskState, importing: Importing, files: Vec<web_sys::File>) {
    leptos::task::spawn_local(async move {
        let mut named = Vec::with_capacity(files.len());
        for file in files {
            let name = file.name();
            match file_bytes(&file).await {
                Some(bytes) => named.push(NamedFile { name, bytes }),
                None => state.ask(ToApp::Notice {
                    text: Text::new(
                        format!("无法读取文件 {name}，未导入。"),
                        format!("Could not read the file {name}; it was not imported."),
                    ),
                }),
            }
        }
        import_files(state, importing, named);
    });
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

#[component]
pub fn ImportFiles(state: DeskState) -> impl IntoView {
    let lang = state.lang();
    let importing = Importing::default();
    let dragging = RwSignal::new(false);
    let chosen = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = file_list(input.files());
        // Cleared, so that the same files can be chosen again.
        input.set_value("");
        read_and_import(state, importing, files);
    };
    let over = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        // `dataTransfer.files`, read without web-sys' DataTransfer binding (a feature
        // of its own, for one property).
        let files = js_sys::Reflect::get(&ev, &"dataTransfer".into())
            .and_then(|d| js_sys::Reflect::get(&d, &"files".into()))
            .ok()
            .and_then(|f| f.dyn_into::<web_sys::FileList>().ok());
        let files = file_list(files);
        read_and_import(state, importing, files);
    };
    view! {
        <div class="drop-zone" class:dragging=dragging on:dragenter=over on:dragover=over
            on:dragleave=move |_| dragging.set(false) on:drop=dropped>
            <label class="file-button" for="import-answers">{t(lang, "导入文件", "Import files")}</label>
            <input id="import-answers" class="visually-hidden-file" type="file" multiple accept=".json,application/json"
                aria-describedby="import-help" on:change=chosen />
            <p id="import-help" class="help">{t(lang, "答卷文件或汇总文件（.json），可一次选择多个，也可以拖放到这里。", "Answers files or bundles (.json): choose several at once, or drop them here.")}</p>
        </div>
        <p class="import-status" role="status">{move || importing.busy.get().then(|| tr(lang.get(), "正在读取文件…", "Reading the files…"))}</p>
        <Conflicts state=state importing=importing />
    }
}

/// Decides conflict `at` (None: all) and moves focus to what is left: the next
/// conflict's first button, or the import button once none is.
fn decide(state: DeskState, importing: Importing, at: Option<usize>, replace: bool) {
    resolve(state, importing, at, replace);
    let left = importing.conflicts.with_untracked(Vec::len);
    let next = match at {
        Some(i) if left > 0 => format!("conflict-replace-{}", i.min(left - 1)),
        _ => "import-answers".to_string(),
    };
    focus_after_render(next);
}

#[component]
fn Conflicts(state: DeskState, importing: Importing) -> impl IntoView {
    let lang = state.lang();
    move || {
        let conflicts = importing.conflicts.get();
        let l = lang.get();
        (!conflicts.is_empty()).then(|| {
            view! {
                <section class="import-conflicts" aria-labelledby="conflicts-title">
                    <h3 id="conflicts-title">{tr(l, "这些评估本机已有，内容不同", "These assessments are on this device with other content")}</h3>
                    <p class="help">{tr(l, "替换：用文件中的内容覆盖本机的评估；保留现有：不导入这份文件。", "Replace: the file's content overwrites the one on this device. Keep: the file is not imported.")}</p>
                    <div class="conflict-all">
                        <button type="button" id="replace-all" class="secondary-dark" on:click=move |_| decide(state, importing, None, true)>{tr(l, "全部替换", "Replace all")}</button>
                        <button type="button" id="keep-all" class="secondary-dark" on:click=move |_| decide(state, importing, None, false)>{tr(l, "全部保留现有", "Keep all")}</button>
                    </div>
                    <ul class="conflict-list">
                        {conflicts.into_iter().enumerate().map(|(i, c)| {
                            let file = &c.incoming.file;
                            let firm = firm_display_name(&file.firm.name, l);
                            let dated: Vec<String> = [file.round.clone(), file.assessed_on.clone()]
                                .into_iter()
                                .filter(|s| !s.trim().is_empty())
                                .collect();
                            let date = if dated.is_empty() { date_of(&file.updated_at) } else { dated.join(" · ") };
                            let differs = state
                                .find(&c.present_id)
                                .map(|p| differences(&p.file, file).get(l).to_string())
                                .unwrap_or_default();
                            let title = format!("conflict-{i}");
                            view! {
                                <li class="conflict" data-conflict=c.present_id.clone()>
                                    <p id=title.clone()><strong>{firm}</strong>" "<span class="meta">{date}</span>" "<span class="meta">{c.incoming.source.clone()}</span></p>
                                    <p class="conflict-differs">{differs}</p>
                                    <div class="conflict-buttons">
                                        <button type="button" class="small" id=format!("conflict-replace-{i}") aria-describedby=title.clone() on:click=move |_| decide(state, importing, Some(i), true)>{tr(l, "替换", "Replace")}</button>
                                        <button type="button" class="small" aria-describedby=title on:click=move |_| decide(state, importing, Some(i), false)>{tr(l, "保留现有", "Keep")}</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
