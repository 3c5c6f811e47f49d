//! The scored dashboard of the assessment in the form, drawn live into the app's results
//! panel (`ToDesk::Live`, sent on every change while a scored questionnaire is in use): the
//! score card into `SCORE_ROOT_ID`, the dimensions and scenarios into `DIMENSIONS_ROOT_ID`.
//! The app provides both elements for as long as its results panel lives and never
//! renders into them, so they are mounted once, on the first `Live` that shows something.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::snapshot::Snapshot;
use super::state::DeskState;
use crate::app::platform::storage::Saved;
use crate::app::results::Results;
use crate::domain::wire::desk::{DIMENSIONS_ROOT_ID, SCORE_ROOT_ID};

#[derive(Clone, Copy)]
pub struct LiveState {
    /// Whether the app asks for the dashboard (its questionnaire is scored).
    shown: RwSignal<bool>,
    snapshot: Snapshot,
    mounted: StoredValue<bool>,
}

impl LiveState {
    pub fn new(desk: DeskState) -> Self {
        LiveState {
            shown: RwSignal::new(false),
            snapshot: Snapshot::new(desk),
            mounted: StoredValue::new(false),
        }
    }

    pub fn results(&self) -> Results {
        self.snapshot.results()
    }

    /// Shows the dashboard of `assessment`, or none.
    pub fn show(&self, assessment: Option<Box<Saved>>) {
        match assessment {
            Some(saved) => {
                self.snapshot.set(saved.file);
                self.shown.set(true);
                self.mount();
            }
            None => self.shown.set(false),
        }
    }

    /// Whether the dashboard is asked for and can be drawn: its questionnaire is here and
    /// scored (tracked).
    pub fn ready(&self) -> bool {
        self.shown.get() && self.snapshot.has_questionnaire() && self.results().is_scored()
    }

    /// Whether it is asked for while its questionnaire is on its way (tracked).
    pub fn waiting(&self) -> bool {
        self.shown.get() && !self.snapshot.has_questionnaire()
    }

    fn mount(&self) {
        if self.mounted.get_value() {
            return;
        }
        let root = |id: &str| {
            document()
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        };
        let (Some(score), Some(dimensions)) = (root(SCORE_ROOT_ID), root(DIMENSIONS_ROOT_ID))
        else {
            return;
        };
        self.mounted.set_value(true);
        let live = *self;
        leptos::mount::mount_to(score, move || {
            view! { <super::views::dashboard::LiveScore live=live /> }
        })
        .forget();
        leptos::mount::mount_to(dimensions, move || {
            view! { <super::views::dashboard::LiveDimensions live=live /> }
        })
        .forget();
    }
}
