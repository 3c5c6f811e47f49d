//! The desk's components: `library` (the table of every assessment and its actions)
//! with `portfolio` (its filters, sort and selection, and what is done with the
//! selection), `import` (many files at once, the conflicts), `export` (a table as CSV or
//! XLSX), the views of a selection in place of the list (`compare`: firms side by side
//! and one firm's rounds; `rollup`), `table` (the one table and chart component those
//! views share), `unreadable` (saved entries that cannot be read), `report` (the
//! printable report of the assessment in the form). They read `DeskState` and ask the
//! app for every change through it.

mod compare;
pub mod dashboard;
mod export;
mod import;
mod library;
mod portfolio;
pub mod report;
mod rollup;
mod table;
mod unreadable;

use leptos::prelude::*;

use super::state::{DeskState, DeskView};
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
            {move || match state.view().get() {
                DeskView::List => view! {
                    <library::Library state=state />
                    <unreadable::UnreadableEntries state=state />
                }.into_any(),
                DeskView::Compare(ids) => view! { <compare::CompareView state=state ids=ids /> }.into_any(),
                DeskView::Rounds(before, after) => view! { <compare::RoundsView state=state before=before after=after /> }.into_any(),
                DeskView::Rollup(ids) => view! { <rollup::RollupView state=state ids=ids /> }.into_any(),
            }}
        </div>
    }
}
