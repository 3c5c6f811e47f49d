//! The Leptos front end. Components read the state through `AppState`'s accessors,
//! change it only through its methods, and call the pure domain;
//! every figure shown comes from `domain::report`.

mod desk;
pub mod platform;
pub(crate) mod results;
pub(crate) mod state;
pub(crate) mod views;

use gloo_events::EventListener;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::builtin;
use crate::domain::model::text::Lang;
use platform::storage;
use state::AppState;
use views::i18n::{t, tr};
use views::{form, report_slot};

/// What the app dispatches on `window` once it has mounted and replaced the boot screen:
/// `assets/start.js` then stops waiting for it (its failure message, the service worker).
const MOUNTED_EVENT: &str = "shuzhuan:mounted";

/// Starts the app in steps, each a task of its own, so that no one task blocks the page for
/// long (Lighthouse's total blocking time): the wasm's start returns at once; the next task
/// mounts the app, whose first paint is the form (the boot screen removed in the same task,
/// so nothing blank is ever shown); the results column follows after that frame
/// (`Workspace`).
pub fn start() {
    set_timeout(
        || {
            leptos::mount::mount_to_body(App);
            if let Some(boot) = document().get_element_by_id("boot") {
                boot.remove();
            }
            if let Ok(event) = web_sys::Event::new(MOUNTED_EVENT) {
                let _ = window().dispatch_event(&event);
            }
        },
        std::time::Duration::ZERO,
    );
}

#[component]
fn App() -> impl IntoView {
    match builtin::catalogue() {
        Ok(catalogue) => {
            let legacy = storage::legacy_entries();
            if legacy.is_empty() {
                return view! { <Workspace state=AppState::new(catalogue, storage::Migration::default()) /> }.into_any();
            }
            // Data an earlier release saved is converted first (in the files worker), so
            // that the app starts on it as it was left.
            let migrated = RwSignal::new(None);
            storage::migrate(legacy, move |done| migrated.set(Some(done)));
            let catalogue = StoredValue::new(Some(catalogue));
            (move || match migrated.get() {
                None => view! {
                    <main class="migrating"><p class="notice" role="status">"正在转换本机保存的数据…… / Converting the data saved on this device…"</p></main>
                }
                .into_any(),
                Some(done) => match catalogue.write_value().take() {
                    Some(catalogue) => view! { <Workspace state=AppState::new(catalogue, done) /> }.into_any(),
                    None => ().into_any(),
                },
            })
            .into_any()
        }
        Err(errors) => view! {
            <main class="fatal">
                <h1>"内置问卷无法加载 / The built-in questionnaire could not be loaded"</h1>
                <ul>{errors.into_iter().map(|e| view! { <li>{e.render(Lang::Zh)}</li> }).collect_view()}</ul>
            </main>
        }
        .into_any(),
    }
}

/// Keeps `<html lang>` and the page's title in step with the interface language.
#[inline(never)]
fn sync_document(lang: Lang) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
    document().set_title(views::i18n::app_title(lang));
}

#[component]
fn Workspace(state: AppState) -> impl IntoView {
    let lang = state.lang();
    Effect::new(move |_| sync_document(lang.get()));
    let desk = desk::Desk::new(state);
    let show_report = RwSignal::new(false);
    let title = move || {
        state
            .questionnaire()
            .with(|q| q.0.title.get(lang.get()).to_string())
    };
    // The report is drawn by the desk (a second wasm), asked for while the preview is
    // shown with the assessment as it is, and taken away when the preview is left.
    desk::send_while(
        state,
        move || show_report.get(),
        move |shown| desk.report(state, shown, false),
    );
    // The browser's own print command: a loaded desk draws the report before `beforeprint`
    // returns; Ctrl+P / ⌘P before the desk is here loads it and prints once it is drawn.
    // The listeners live as long as the page.
    EventListener::new(&window(), "beforeprint", move |_| {
        if desk.is_ready() && !show_report.get_untracked() {
            desk.report(state, true, false);
        }
    })
    .forget();
    EventListener::new(&window(), "afterprint", move |_| {
        if !show_report.get_untracked() {
            desk.report(state, false, false);
        }
    })
    .forget();
    EventListener::new(&window(), "keydown", move |ev| {
        let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if (key.ctrl_key() || key.meta_key())
            && key.key().eq_ignore_ascii_case("p")
            && !desk.is_ready()
        {
            key.prevent_default();
            desk.report(state, true, true);
        }
    })
    .forget();
    // Once the firm has answered, the desk is loaded in advance (after a pause, so that
    // filling in is not slowed), for the browser's print command to find it.
    Effect::new(move |loading: Option<bool>| {
        if loading == Some(true) {
            return true;
        }
        let answered = state.answers().with(|a| !a.values.is_empty());
        if answered {
            set_timeout(move || desk.open(), std::time::Duration::from_secs(2));
        }
        answered
    });
    // The results column (its tables and charts) is drawn in steps after the first frame
    // (`Staged`): the form is painted first, and no one task draws everything.
    let staged = views::staged::Staged::after_first_frame(views::results::STEPS);
    let print = move |_| {
        show_report.set(true);
        // The desk prints once the report is drawn.
        desk.report(state, true, true);
    };
    view! {
        <div class="app" class:mode-report=move || show_report.get()>
            <header class="app-bar">
                <div class="brand">
                    // The page's one <h1>: the app and the questionnaire being filled in.
                    <h1 class="app-title"><span lang="zh-CN">"数转"</span>" "<span class="app-subtitle">{title}</span></h1>
                </div>
                <nav class="actions" aria-label=t(lang, "操作", "Actions")>
                    // Its label says where it leads, so it is a plain button, not a toggle (aria-pressed)
                    // whose label would change as well.
                    <button type="button" class="secondary" id="toggle-report"
                        on:click=move |_| show_report.update(|v| *v = !*v)>
                        {move || if show_report.get() { tr(lang.get(), "返回问卷", "Back to questionnaire") } else { tr(lang.get(), "报告预览", "Report preview") }}
                    </button>
                    <button type="button" class="secondary" id="open-desk" on:click=move |_| views::library::show_library(desk)>
                        {t(lang, "我的评估", "My assessments")}
                    </button>
                    <button type="button" class="secondary" id="print-report" on:click=print>
                        {t(lang, "打印报告", "Print report")}
                    </button>
                    <button type="button" class="secondary" id="toggle-lang"
                        lang=move || if lang.get() == Lang::Zh { "en" } else { "zh-CN" }
                        on:click=move |_| state.toggle_lang()>
                        {t(lang, "English", "中文")}
                    </button>
                </nav>
            </header>
            // One main landmark for whichever view is shown: the questionnaire with its
            // results, or the report preview.
            <main id="main">
                {move || state.notice().get().map(|n| {
                    let l = lang.get();
                    let list = (!n.list.is_empty()).then(|| view! {
                        <ul class="notice-list">{n.list.iter().map(|item| view! { <li>{item.get(l).to_string()}</li> }).collect_view()}</ul>
                    });
                    view! { <div class="notice" role="status"><p>{n.text.get(l).to_string()}</p>{list}</div> }
                })}
                <div class="workspace">
                    <form::QuestionnaireForm state=state desk=desk />
                    {move || staged.reached(1).then(|| view! { <views::results::ResultsPanel state=state desk=desk staged=staged /> })}
                </div>
                <report_slot::ReportSlot state=state desk=desk shown=show_report.read_only() />
            </main>
        </div>
    }
}
