//! The desk's side of the contract with the app (`domain::wire::desk`): what it asks
//! (`send`, a `ToApp`) and what it is told (`listen`, a `ToDesk`). The app's side is
//! `app::desk`.

use gloo_events::EventListener;
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};

use super::live::LiveState;
use super::report::ReportState;
use super::state::DeskState;
use crate::domain::wire::desk::{
    decode, encode, ToApp, ToDesk, FAILED_EVENT, TO_APP_EVENT, TO_DESK_EVENT,
};

/// Asks the app; the app's listener has run when this returns (a `Sync` has been
/// answered with a `Changed`).
pub fn send(message: &ToApp) {
    dispatch(TO_APP_EVENT, &encode(message));
}

/// Tells the app the desk could not start, and why (as the loader does for a desk that
/// could not be downloaded).
pub fn failed(why: &str) {
    dispatch(FAILED_EVENT, why);
}

fn dispatch(event: &str, detail: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(detail));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(event, &init) {
        let _ = window().dispatch_event(&event);
    }
}

/// Hands what the app says to the state, the report and the live dashboard, as long as
/// the page lives.
pub fn listen(state: DeskState, report: ReportState, live: LiveState) {
    EventListener::new(&window(), TO_DESK_EVENT, move |event| {
        let message = event
            .dyn_ref::<web_sys::CustomEvent>()
            .and_then(|e| e.detail().as_string())
            .and_then(|d| decode::<ToDesk>(&d));
        match message {
            Some(ToDesk::Changed { current, lang }) => state.changed(current, lang),
            Some(ToDesk::Report { assessment, print }) => report.show(assessment, print),
            Some(ToDesk::Live { assessment }) => live.show(assessment),
            None => {}
        }
    })
    .forget();
}
