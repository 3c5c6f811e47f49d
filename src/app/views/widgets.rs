//! Small pieces several views share: the "working definition" mark, moving focus to a
//! question, and the key that tells a table's rows
//! from their figures. A leaf: it uses no other view module but `i18n`, so that the
//! views form no import cycle.

use leptos::prelude::*;

use crate::app::state::{AppState, Reader};
use crate::app::views::i18n::t;
use crate::domain::compute::assessment::next_unanswered;
use crate::domain::model::text::Lang;

/// The mark on a working definition, explained in words for screen readers too.
#[component]
pub fn UnverifiedMark(lang: Reader<Lang>) -> impl IntoView {
    view! {
        <span class="unverified" title=t(lang, "这一计算公式或分值由数转确定，并非官方公布（见报告的方法说明）", "A formula or value of Shuzhuan's own, not an official one (see the report's method note)")>
            {t(lang, "工作定义", "working definition")}
        </span>
    }
}

/// Moves focus once the new view is in the DOM (after the next frame).
pub fn focus_after_render(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use leptos::wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
                el.scroll_into_view();
            }
        }
    });
}

/// Shows the first question not yet answered, from section `from` on, and focuses it
/// ("next unanswered", and "start" on a first visit).
pub fn go_to_unanswered(state: AppState, from: usize) {
    let found = state.questionnaire().with_untracked(|q| {
        state
            .assessment()
            .with_untracked(|a| next_unanswered(&q.0, &a.evaluation, from))
    });
    if let Some((s, item)) = found {
        state.go_to_section(s);
        focus_after_render(format!("q-{item}"));
    }
}

/// A key that changes when the shown rows do (their ids and words), but not when only
/// their figures change. A string, so that it costs no new memo code.
pub fn shape_key<'a, const N: usize>(rows: impl Iterator<Item = [&'a str; N]>) -> String {
    let mut key = String::new();
    for row in rows {
        for part in row {
            key.push_str(part);
            key.push('\u{1f}');
        }
        key.push('\u{1e}');
    }
    key
}
