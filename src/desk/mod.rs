//! The desk: "my assessments", the consultant's view of every assessment kept on this
//! device, as a Leptos app of its own in a second wasm (`src/bin/shuzhuan-desk.rs`). The
//! app downloads it the first time "my assessments" is opened and provides the element it
//! mounts into, so none of this is in the first visit (ARCHITECTURE.md, Decisions).
//!
//! It reads storage itself (`app::platform::storage::list`, the same `domain::wire::stored`
//! code the app reads with) and asks the app, which owns the assessments, for every change
//! (`link`, the contract of `domain::wire::desk`). One concern per file: `link` (the
//! events), `state` (what is listed, the questionnaires behind the rows), `report` (the
//! report the app asks for), `live` (the scored dashboard drawn live in the app's results
//! panel), `snapshot` (an assessment the app hands over, and its results), `dimensions`
//! (the dimensions' rows and charts), `chosen_file` (a chosen file's bytes),
//! `exchange` (import of many files, bundle and table exports; `export_bundle` for a
//! selection), `jobs` (the workers' jobs, typed), `views/` (the table and its actions,
//! import, export, the unreadable entries, the report, the scored dashboard).

mod chosen_file;
mod dimensions;
pub mod exchange;
mod jobs;
mod link;
mod live;
mod print_view;
mod report;
mod snapshot;
mod state;
mod views;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::domain::wire::desk::{ToApp, REPORT_ROOT_ID, ROOT_ID};

/// Tells the app the desk is there and mounts it into the app's `#desk-root`, and the
/// report into its `#report-root`.
pub fn start() {
    let root = |id: &str| {
        document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let (Some(desk_root), Some(report_root)) = (root(ROOT_ID), root(REPORT_ROOT_ID)) else {
        return link::failed("the page has no place for the desk");
    };
    let Some(state) = state::DeskState::new() else {
        return link::failed("the built-in questionnaires could not be read");
    };
    let report = report::ReportState::new(state);
    let live = live::LiveState::new(state);
    // The app answers `Ready` with `Changed` before `send` returns: the first drawing
    // already lists what is saved.
    link::listen(state, report, live);
    link::send(&ToApp::Ready);
    leptos::mount::mount_to(desk_root, move || {
        provide_context(report);
        view! { <views::Desk state=state /> }
    })
    .forget();
    leptos::mount::mount_to(
        report_root,
        move || view! { <views::report::ReportRoot report=report /> },
    )
    .forget();
}
