//! The desk's components: `library` (the table of every assessment and its actions),
//! `import` (many files at once, the conflicts), `export` (a table as CSV or XLSX),
//! `unreadable` (saved entries that cannot be read), `report` (the printable report of
//! the assessment in the form). They read `DeskState` and ask the app for every change
//! through it.

mod export;
mod import;
mod library;
pub mod report;
mod unreadable;

use leptos::prelude::*;

use super::state::DeskState;
use crate::domain::model::text::Lang;

pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    lang.pick(zh, en)
}

/// A text that follows the interface language (one closure type for every call, as the
/// app's `i18n::t`).
pub fn t(
    lang: RwSignal<Lang>,
    zh: &'static str,
    en: &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || tr(lang.get(), zh, en)
}

#[component]
pub fn Desk(state: DeskState) -> impl IntoView {
    view! {
        <div class="desk">
            <library::Library state=state />
            <unreadable::UnreadableEntries state=state />
        </div>
    }
}
