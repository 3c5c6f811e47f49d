//! The desk's side of the contract with the app (`domain::wire::desk`): what it asks
//! (`send`, a `ToApp`) and what it is told (`listen`, a `ToDesk`). The app's side is
//! `app::desk`.

use gloo_events::EventListener;
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};

use super::state::DeskState;
use crate::domain::wire::desk::{decode, encode, ToApp, ToDesk, TO_APP_EVENT, TO_DESK_EVENT};

/// Asks the app; the app's listener has run when this returns (a `Sync` has been
/// answered with a `Changed`).
pub fn send(message: &ToApp) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(&encode(message)));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(TO_APP_EVENT, &init) {
        let _ = window().dispatch_event(&event);
    }
}

/// Hands what the app says to the state, as long as the page lives.
pub fn listen(state: DeskState) {
    EventListener::new(&window(), TO_DESK_EVENT, move |event| {
        let message = event
            .dyn_ref::<web_sys::CustomEvent>()
            .and_then(|e| e.detail().as_string())
            .and_then(|d| decode::<ToDesk>(&d));
        if let Some(ToDesk::Changed { current, lang }) = message {
            state.changed(current, lang);
        }
    })
    .forget();
}
