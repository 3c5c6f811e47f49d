//! The desk: "my assessments", the consultant's view of every assessment kept on this
//! device, as a Leptos app of its own in a second wasm (`src/bin/shuzhuan-desk.rs`). The
//! app downloads it the first time "my assessments" is opened and provides the element it
//! mounts into, so none of this is in the first visit (ARCHITECTURE.md, Decisions).
//!
//! It reads storage itself (`app::platform::storage::list`, the same `domain::wire::stored`
//! code the app reads with) and asks the app, which owns the assessments, for every change
//! (`link`, the contract of `domain::wire::desk`). One concern per file: `link` (the
//! events), `state` (what is listed, the questionnaires behind the rows), `views/` (the
//! table and its actions, the unreadable entries).

mod link;
mod state;
mod views;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::domain::wire::desk::{ToApp, ROOT_ID};

/// Tells the app the desk is there and mounts it into the app's `#desk-root`.
pub fn start() {
    let Some(root) = document()
        .get_element_by_id(ROOT_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // The app answers `Ready` with `Changed` before `send` returns: the first drawing
    // already lists what is saved.
    let state = state::DeskState::new();
    link::listen(state);
    link::send(&ToApp::Ready);
    leptos::mount::mount_to(root, move || view! { <views::Desk state=state /> }).forget();
}
