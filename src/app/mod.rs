//! The Leptos front end. Components read the state through `AppState`'s accessors,
//! change it only through its methods, and call the pure domain;
//! every figure shown comes from `domain::report`.

mod desk;
pub(crate) mod platform;
mod state;
mod views;

use gloo_events::EventListener;
use leptos::prelude::*;

use crate::builtin;
use crate::domain::model::text::Lang;
use platform::storage;
use state::AppState;
use views::i18n::{t, tr};
use views::{form, report, results};

#[component]
pub fn App() -> impl IntoView {
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
    // The report is built only when it is seen or printed: keeping it in the page
    // would redo its charts and tables on every keystroke.
    let printing = RwSignal::new(false);
    // The listeners live as long as the page.
    EventListener::new(&window(), "beforeprint", move |_| printing.set(true)).forget();
    EventListener::new(&window(), "afterprint", move |_| printing.set(false)).forget();
    // The results column (its tables and charts) is mounted in a task of its own after the
    // first frame: the start is then two shorter tasks, each laid out on its own, instead
    // of one long one (Lighthouse's total blocking time), and the form is painted first.
    let results_mounted = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(move || results_mounted.set(true), std::time::Duration::ZERO)
    });
    let print = move |_| {
        show_report.set(true);
        // Print once the report is in the page.
        request_animation_frame(|| {
            let _ = window().print();
        });
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
                    {move || results_mounted.get().then(|| view! { <results::ResultsPanel state=state /> })}
                </div>
                {move || (show_report.get() || printing.get()).then(|| view! { <report::Report state=state /> })}
            </main>
        </div>
    }
}
