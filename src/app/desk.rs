//! The app's side of the desk contract (`domain::wire::desk`): loading the desk when
//! "my assessments" is first opened or the report is wanted (and, once the firm has
//! answered, in advance, so that printing with the browser's own command finds it),
//! doing what it asks through `AppState`'s methods, telling it when storage has changed,
//! and asking it for the report and, while a scored questionnaire is in use, the live
//! dashboard (loaded at once then: the score is part of the results). The desk's own side is `desk::link`.

use gloo_events::EventListener;
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};

use crate::app::state::{AppState, Notice};
use crate::domain::wire::desk::{
    decode, encode, ToApp, ToDesk, FAILED_EVENT, LOADER, TO_APP_EVENT, TO_DESK_EVENT,
};

/// How long the desk may take to download and start before the panel offers to retry
/// (loading goes on: a desk that arrives later still opens).
const WAIT: std::time::Duration = std::time::Duration::from_secs(30);
/// The id of the loader's script element (replaced on a retry).
const LOADER_ID: &str = "desk-loader";

#[derive(Clone, Debug, PartialEq)]
pub enum DeskStatus {
    NotLoaded,
    Loading,
    Ready,
    /// It could not be downloaded or started, with the browser's reason.
    Failed(String),
    /// Still not started after `WAIT`.
    Slow,
}

/// The desk as the app sees it: whether it is loaded, and the listeners of the contract
/// (made once, with the workspace).
#[derive(Clone, Copy)]
pub struct Desk {
    status: RwSignal<DeskStatus>,
    /// The report last asked for (shown, print once drawn), sent again once the desk is
    /// ready if it was asked for before.
    report: StoredValue<(bool, bool)>,
    /// Whether the scored dashboard is wanted (sent once the desk is ready).
    live: StoredValue<bool>,
}

impl Desk {
    pub fn new(state: AppState) -> Self {
        let desk = Desk {
            status: RwSignal::new(DeskStatus::NotLoaded),
            report: StoredValue::new((false, false)),
            live: StoredValue::new(false),
        };
        // Both listen as long as the page lives.
        EventListener::new(&window(), TO_APP_EVENT, move |event| {
            if let Some(message) = detail(event).and_then(|d| decode::<ToApp>(&d)) {
                desk.handle(state, message);
            }
        })
        .forget();
        EventListener::new(&window(), FAILED_EVENT, move |event| {
            if desk.status.get_untracked() != DeskStatus::Ready {
                desk.status
                    .set(DeskStatus::Failed(detail(event).unwrap_or_default()));
            }
        })
        .forget();
        // The desk follows the list, the assessment in the form and the language. Storage
        // is written before the list changes (autosave, rename, delete), so it is there.
        Effect::new(move |_| {
            state.saved().track();
            state.current_id().track();
            state.lang().track();
            if desk.status.get_untracked() == DeskStatus::Ready {
                changed(state);
            }
        });
        desk
    }

    pub fn status(&self) -> ReadSignal<DeskStatus> {
        self.status.read_only()
    }

    /// Downloads and starts the desk, unless it is loaded or on its way; after a failure,
    /// tries again.
    pub fn open(&self) {
        if matches!(
            self.status.get_untracked(),
            DeskStatus::Loading | DeskStatus::Ready
        ) {
            return;
        }
        self.status.set(DeskStatus::Loading);
        let status = self.status;
        let document = document();
        if let Some(old) = document.get_element_by_id(LOADER_ID) {
            old.remove();
        }
        let Ok(script) = document.create_element("script") else {
            return status.set(DeskStatus::Failed(String::new()));
        };
        script.set_id(LOADER_ID);
        // As the files worker: the build's version, so that no other build's loader is used.
        let src = format!("{LOADER}?v={}", crate::builtin::COMPILED_VERSION);
        let _ = script.set_attribute("src", &src);
        EventListener::once(&script, "error", move |_| {
            status.set(DeskStatus::Failed(format!("{LOADER}: download failed")))
        })
        .forget();
        if let Some(head) = document.head() {
            let _ = head.append_child(&script);
        }
        set_timeout(
            move || {
                if status.get_untracked() == DeskStatus::Loading {
                    status.set(DeskStatus::Slow);
                }
            },
            WAIT,
        );
    }

    pub fn is_ready(&self) -> bool {
        self.status.get_untracked() == DeskStatus::Ready
    }

    /// Asks the desk to draw the report of the assessment in the form (`shown`), or to
    /// take it away; `print`: to print it once drawn. A desk not loaded yet is loaded, and
    /// asked once it is ready.
    pub fn report(&self, state: AppState, shown: bool, print: bool) {
        if self.is_ready() {
            self.report.set_value((shown, false));
            return send_report(state, shown, print);
        }
        // A print asked for is kept until the desk is there to be asked (the preview's
        // own request, which follows the button's, does not cancel it).
        let (_, printing) = self.report.get_value();
        self.report.set_value((shown, shown && (print || printing)));
        if shown {
            self.open();
        }
    }

    /// Asks the desk to draw the scored dashboard of the assessment in the form as it is
    /// now (`shown`), or to take it away. A desk not loaded yet is loaded, and asked once
    /// it is ready.
    pub fn live(&self, state: AppState, shown: bool) {
        self.live.set_value(shown);
        if self.is_ready() {
            send_live(state, shown);
        } else if shown {
            self.open();
        }
    }

    fn handle(&self, state: AppState, message: ToApp) {
        match message {
            ToApp::Ready => {
                self.status.set(DeskStatus::Ready);
                changed(state);
                let (shown, print) = self.report.get_value();
                self.report.set_value((shown, false));
                if shown {
                    send_report(state, shown, print);
                }
                if self.live.get_value() {
                    send_live(state, true);
                }
            }
            ToApp::Sync => changed(state),
            ToApp::Open { id } => state.open_saved(&id),
            ToApp::New => state.new_assessment(),
            ToApp::Duplicate { id } => state.duplicate(&id),
            ToApp::Rename { id, name } => state.rename(&id, name),
            ToApp::Delete { id } => state.delete(&id),
            ToApp::Notice { text } => state.show_notice(text),
            ToApp::Store {
                entries,
                open,
                notice,
                list,
            } => state.store_imported(entries, open, Notice { text: notice, list }),
        }
    }
}

/// Writes what the autosave has pending, then tells the desk to read storage again.
/// Keeps the desk drawing something of the assessment in the form while `wanted` says
/// so: `send(true)` now and after every change of its snapshot, `send(false)` once when it
/// is no longer wanted (nothing while it never was).
pub fn send_while(
    state: AppState,
    wanted: impl Fn() -> bool + 'static,
    send: impl Fn(bool) + 'static,
) {
    Effect::new(move |was_wanted: Option<bool>| {
        let shown = wanted();
        if shown {
            // Tracked: sent again when it changes.
            let _ = state.snapshot();
        }
        if shown || was_wanted == Some(true) {
            send(shown);
        }
        shown
    });
}

fn changed(state: AppState) {
    state.save_pending();
    send(&ToDesk::Changed {
        current: state.current_id().get_untracked(),
        lang: state.lang().get_untracked(),
    });
}

/// The report of the assessment as it is in the form (saved or not: storage may be full).
fn send_report(state: AppState, shown: bool, print: bool) {
    send(&ToDesk::Report {
        assessment: shown.then(|| Box::new(untrack(|| state.snapshot()))),
        print,
    });
}

fn send_live(state: AppState, shown: bool) {
    send(&ToDesk::Live {
        assessment: shown.then(|| Box::new(untrack(|| state.snapshot()))),
    });
}

/// The desk's listener has run when this returns.
fn send(message: &ToDesk) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(&encode(message)));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(TO_DESK_EVENT, &init) {
        let _ = window().dispatch_event(&event);
    }
}

fn detail(event: &web_sys::Event) -> Option<String> {
    event
        .dyn_ref::<web_sys::CustomEvent>()?
        .detail()
        .as_string()
}
