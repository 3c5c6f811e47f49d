//! What the desk lists: the assessments and unreadable entries in storage, read again
//! whenever the app says storage has changed, and the questionnaires their rows are
//! worded with (the default one built in; the others fetched, or read in the files
//! worker for a consultant's questionnaire file, once each).

use std::sync::Arc;

use leptos::prelude::*;

use super::link;
use crate::app::platform::storage::{self, CustomFile, Saved, Unreadable};
use crate::builtin::{Catalogue, ON_DEMAND};
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::{Lang, Text};
use crate::domain::report::{library_row, LibraryRow};
use crate::domain::wire::compiled::decode_questionnaire;
use crate::domain::wire::desk::ToApp;

#[derive(Clone, Copy)]
pub struct DeskState {
    lang: RwSignal<Lang>,
    /// The assessment in the app's form.
    current: RwSignal<String>,
    assessments: RwSignal<Vec<Saved>>,
    unreadable: RwSignal<Vec<Unreadable>>,
    questionnaires: RwSignal<Vec<Arc<Questionnaire>>>,
    /// The built-in questionnaires, profiles and benchmark (for the report's results).
    catalogue: StoredValue<Arc<Catalogue>>,
    /// Questionnaire ids fetched or read, or on their way (each is asked for once).
    asked: StoredValue<Vec<String>>,
    custom_files: StoredValue<Vec<CustomFile>>,
    /// The element to focus once the list has been redrawn after a change.
    refocus: StoredValue<Option<String>>,
}

impl DeskState {
    /// None when the built-in catalogue cannot be decoded (another build's wasm, say).
    pub fn new() -> Option<Self> {
        let catalogue = Arc::new(crate::builtin::catalogue().ok()?);
        let builtin = catalogue
            .questionnaires
            .iter()
            .cloned()
            .map(Arc::new)
            .collect();
        Some(DeskState {
            lang: RwSignal::new(Lang::Zh),
            current: RwSignal::new(String::new()),
            assessments: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(Vec::new()),
            questionnaires: RwSignal::new(builtin),
            catalogue: StoredValue::new(catalogue),
            asked: StoredValue::new(Vec::new()),
            custom_files: StoredValue::new(Vec::new()),
            refocus: StoredValue::new(None),
        })
    }

    pub fn catalogue(&self) -> StoredValue<Arc<Catalogue>> {
        self.catalogue
    }

    /// Questionnaire `id` once it is here (tracked): built in, fetched or read.
    pub fn questionnaire(&self, id: &str) -> Option<Arc<Questionnaire>> {
        self.questionnaires
            .with(|qs| qs.iter().find(|q| q.id == id).cloned())
    }

    pub fn lang(&self) -> RwSignal<Lang> {
        self.lang
    }

    pub fn current(&self) -> RwSignal<String> {
        self.current
    }

    pub fn unreadable(&self) -> RwSignal<Vec<Unreadable>> {
        self.unreadable
    }

    /// The rows of the table, in the interface language, the most recent first.
    pub fn rows(&self) -> Vec<LibraryRow> {
        let lang = self.lang.get();
        self.questionnaires.with(|qs| {
            self.assessments.with(|list| {
                list.iter()
                    .map(|s| {
                        let id = &s.file.questionnaire.id;
                        let q = qs.iter().find(|q| q.id == *id);
                        let title = ON_DEMAND
                            .iter()
                            .find(|e| e.id == *id)
                            .map(|e| Text::new(e.title_zh, e.title_en));
                        library_row(s, q.map(|q| &**q), title.as_ref(), lang)
                    })
                    .collect()
            })
        })
    }

    /// The app has written every change: storage is read again.
    pub fn changed(&self, current: String, lang: Lang) {
        let listed = storage::list();
        self.custom_files.set_value(listed.custom_files);
        self.lang.set(lang);
        self.current.set(current);
        self.assessments.set(listed.assessments);
        self.unreadable.set(listed.unreadable);
        self.load_questionnaires();
        if let Some(id) = self.refocus.write_value().take() {
            focus_after_render(id);
        }
    }

    /// Focuses `id` after the next redraw of the list (a row renamed is drawn anew).
    pub fn refocus_after_change(&self, id: String) {
        self.refocus.set_value(Some(id));
    }

    /// Asks the app to write what it has pending and to say so, before `then` reads
    /// storage (an export of the assessment in the form).
    pub fn synced<T>(&self, then: impl FnOnce(&[Saved]) -> T) -> T {
        link::send(&ToApp::Sync);
        self.assessments.with_untracked(|list| then(list))
    }

    /// The questionnaires of the listed assessments not here yet.
    fn load_questionnaires(&self) {
        let ids: Vec<String> = self.assessments.with_untracked(|list| {
            list.iter().map(|s| s.file.questionnaire.id.clone()).collect()
        });
        self.load(ids);
    }

    /// Fetches or reads the questionnaires of `ids` not here yet, each once.
    pub fn load(&self, ids: Vec<String>) {
        let mut wanted: Vec<String> = Vec::new();
        for id in ids {
            let known = self
                .questionnaires
                .with_untracked(|qs| qs.iter().any(|q| q.id == id));
            let asked = self.asked.with_value(|a| a.contains(&id));
            if !known && !asked && !wanted.contains(&id) {
                wanted.push(id);
            }
        }
        let mut read_files = false;
        for id in wanted {
            self.asked.update_value(|a| a.push(id.clone()));
            match ON_DEMAND.iter().find(|e| e.id == id) {
                Some(entry) => self.fetch(entry.compiled_name()),
                None => read_files = true,
            }
        }
        if read_files {
            self.read_custom_files();
        }
    }

    /// A built-in questionnaire served beside the app (as the app fetches it); one that
    /// cannot be fetched leaves its rows with dashes.
    fn fetch(&self, name: String) {
        let questionnaires = self.questionnaires;
        // Not Leptos' executor: the first list is read before the desk is mounted.
        wasm_bindgen_futures::spawn_local(async move {
            let url = format!("{name}?v={}", crate::builtin::COMPILED_VERSION);
            if let Ok(q) = crate::app::platform::fetch::fetch_bytes(&url)
                .await
                .and_then(|bytes| decode_questionnaire(&bytes))
            {
                questionnaires.update(|qs| qs.push(Arc::new(q)));
            }
        });
    }

    /// The questionnaire files a consultant loaded, read in the files worker (once).
    fn read_custom_files(&self) {
        if self.asked.with_value(|a| a.iter().any(|id| id.is_empty())) {
            return;
        }
        // The empty id marks the files as read.
        self.asked.update_value(|a| a.push(String::new()));
        let questionnaires = self.questionnaires;
        for file in self.custom_files.get_value() {
            crate::app::platform::files::read_questionnaire(file.name, file.source, move |read| {
                if let Ok(Ok(q)) = read {
                    questionnaires.update(|qs| {
                        if !qs.iter().any(|known| known.id == q.id) {
                            qs.push(Arc::new(q));
                        }
                    });
                }
            });
        }
    }

    /// Asks the app (it owns the assessments).
    pub fn ask(&self, message: ToApp) {
        link::send(&message);
    }

    /// The consultant's questionnaire files kept on this device.
    pub fn custom_files(&self) -> Vec<CustomFile> {
        self.custom_files.get_value()
    }

    /// The questionnaires loaded in the desk (the default, those fetched or read).
    pub fn questionnaires(&self) -> RwSignal<Vec<Arc<Questionnaire>>> {
        self.questionnaires
    }

    pub fn find(&self, id: &str) -> Option<Saved> {
        self.assessments
            .with_untracked(|list| list.iter().find(|s| s.id == id).cloned())
    }
}

/// Moves focus to element `id` once it is in the DOM (after the next frame).
pub fn focus_after_render(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use leptos::wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}
