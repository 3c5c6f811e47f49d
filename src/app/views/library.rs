//! The folded "my assessments" panel. Its content is the desk (a second wasm,
//! `src/bin/shuzhuan-desk.rs`), downloaded the first time the panel is opened and
//! mounted into `#desk-root`; until then the panel says it is loading, or why it could
//! not be loaded, with a retry button.

use leptos::prelude::*;

use crate::app::desk::{Desk, DeskStatus};
use crate::app::state::{AppState, Reader};
use crate::app::views::i18n::{t, tr};
use crate::domain::model::text::Lang;
use crate::domain::wire::desk::ROOT_ID;

#[component]
pub fn Library(state: AppState, desk: Desk) -> impl IntoView {
    let lang = state.lang();
    let count = move || state.saved().with(Vec::len);
    let on_toggle = move |ev: leptos::ev::Event| {
        let open = event_target::<web_sys::Element>(&ev).has_attribute("open");
        if open {
            desk.open();
        }
    };
    let status = desk_status(desk, lang, "“我的评估”", "\u{201c}My assessments\u{201d}");
    view! {
        // Folded by default: on a phone the first question should be close to the top.
        <details class="section library" id="library" on:toggle=on_toggle>
            <summary id="library-summary">
                <h2 id="library-title">{t(lang, "我的评估", "My assessments")}<span class="count-badge">{count}</span></h2>
            </summary>
            {status}
            // The desk's own Leptos app renders in here; this app never renders into it.
            <div id=ROOT_ID class="desk-root"></div>
        </details>
    }
}

/// Unfolds "my assessments" (from the app bar), which loads the desk, and shows it.
pub fn show_library(desk: Desk) {
    if let Some(panel) = document().get_element_by_id("library") {
        let _ = panel.set_attribute("open", "");
        desk.open();
        panel.scroll_into_view();
    }
    if let Some(summary) = document().get_element_by_id("library-summary") {
        use leptos::wasm_bindgen::JsCast;
        if let Ok(summary) = summary.dyn_into::<web_sys::HtmlElement>() {
            let _ = summary.focus();
        }
    }
}

/// While the desk loads, a status line; when it failed or is slow, why, with a retry
/// button. `zh`/`en` name what waits for it.
pub fn desk_status(
    desk: Desk,
    lang: Reader<Lang>,
    zh: &'static str,
    en: &'static str,
) -> impl Fn() -> Option<AnyView> + Copy + Send + Sync + 'static {
    move || match desk.status().get() {
        DeskStatus::NotLoaded | DeskStatus::Ready => None,
        DeskStatus::Loading => {
            let text = match lang.get() {
                Lang::Zh => format!("正在加载{zh}……"),
                Lang::En => format!("Loading {en}…"),
            };
            Some(view! { <p class="desk-status" role="status">{text}</p> }.into_any())
        }
        failed => {
            let l = lang.get();
            let text = match (failed, l) {
                (DeskStatus::Failed(why), Lang::Zh) => format!("{zh}没能加载（{why}）。"),
                (DeskStatus::Failed(why), Lang::En) => format!("{en} could not be loaded ({why})."),
                (_, Lang::Zh) => format!("{zh}30 秒后仍未加载完成。"),
                (_, Lang::En) => format!("{en} is still not loaded after 30 s."),
            };
            let advice = tr(l, "请检查网络连接，然后重试；正在填写的评估不受影响。", "Check the network connection, then retry; the assessment being filled in is not affected.");
            Some(view! {
                <div class="desk-failed" role="alert">
                    <p>{text}" "{advice}</p>
                    <button type="button" class="secondary-dark desk-retry" on:click=move |_| desk.open()>{tr(l, "重试", "Retry")}</button>
                </div>
            }.into_any())
        }
    }
}
