//! What the desk lists: the assessments and unreadable entries in storage, read again
//! whenever the app says storage has changed, and the questionnaires their rows are
//! worded with (the default one built in; the others fetched, or read in the files
//! worker for a consultant's questionnaire file, once each). Also what the consultant
//! has chosen in the portfolio: its sort and filter, the assessments selected (a set
//! of ids that outlives sorting, filtering and every `Changed`), and the view shown
//! (the list, or a comparison, two rounds or a roll-up of the selection).

use std::sync::Arc;

use leptos::prelude::*;

use super::link;
use crate::app::platform::storage::{self, CustomFile, Saved, Unreadable};
use crate::builtin::{Catalogue, ON_DEMAND};
use crate::domain::compute::assessment::{assess, Assessment};
use crate::domain::compute::upgrade::upgrade;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::{default_profile, TargetProfile};
use crate::domain::model::text::{Lang, Text};
use crate::domain::read::answers_file::AnswersFile;
use crate::domain::report::portfolio::{
    portfolio_rows, sort_rows, Filter, PortfolioEntry, PortfolioRow, Sort,
};
use crate::domain::report::{library_row, LibraryRow};
use crate::domain::wire::compiled::decode_questionnaire;
use crate::domain::wire::desk::ToApp;

/// What the desk shows: the list, or one of the views of a selection (the ids as they
/// were when it was opened, in the list's order).
#[derive(Clone, Debug, PartialEq)]
pub enum DeskView {
    List,
    /// Two to five firms side by side.
    Compare(Vec<String>),
    /// One firm's rounds: the earlier, the later.
    Rounds(String, String),
    Rollup(Vec<String>),
}

/// A saved assessment whose questionnaire is here, assessed against its own target
/// profile (answers of an earlier version converted first, as opening it would).
#[derive(Clone)]
pub struct Entry {
    pub id: String,
    pub file: AnswersFile,
    pub q: Arc<Questionnaire>,
    pub profile: String,
    pub assessment: Assessment,
}

impl Entry {
    pub fn portfolio(&self) -> PortfolioEntry<'_> {
        PortfolioEntry {
            id: &self.id,
            file: &self.file,
            questionnaire: &self.q,
            assessment: &self.assessment,
        }
    }
}

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
    /// The assessments selected in the portfolio, by id.
    selected: RwSignal<Vec<String>>,
    /// None: the most recently saved first.
    sort: RwSignal<Option<Sort>>,
    filter: RwSignal<Filter>,
    view: RwSignal<DeskView>,
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
            selected: RwSignal::new(Vec::new()),
            sort: RwSignal::new(None),
            filter: RwSignal::new(Filter::default()),
            view: RwSignal::new(DeskView::List),
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
        // A selected assessment deleted (here or in another tab) leaves the selection.
        let still: Vec<String> = self.selected.with_untracked(|sel| {
            sel.iter()
                .filter(|id| listed.assessments.iter().any(|s| s.id == **id))
                .cloned()
                .collect()
        });
        if self.selected.with_untracked(|sel| sel.len() != still.len()) {
            self.selected.set(still);
        }
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
            list.iter()
                .map(|s| s.file.questionnaire.id.clone())
                .collect()
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

    /// The built-in target profiles (and national values) the rows are assessed with.
    pub fn profiles(&self) -> Arc<Catalogue> {
        self.catalogue.get_value()
    }

    /// The assessments whose questionnaire is here, in storage's order (the most
    /// recently saved first), each assessed against its own profile.
    pub fn entries(&self) -> Vec<Entry> {
        let catalogue = self.catalogue.get_value();
        let (profiles, benchmark) = (&catalogue.profiles, &catalogue.benchmark);
        self.questionnaires.with(|qs| {
            self.assessments.with(|list| {
                list.iter()
                    .filter_map(|s| {
                        let q = qs.iter().find(|q| q.id == s.file.questionnaire.id)?.clone();
                        let mut file = s.file.clone();
                        if file.questionnaire.version != q.version {
                            if let Some(u) = upgrade(&q, &file.questionnaire.version, &file.answers)
                            {
                                file.answers = u.answers;
                                file.questionnaire.version = q.version.clone();
                            }
                        }
                        let profile = file
                            .target_profile
                            .as_deref()
                            .and_then(|p| profiles.iter().find(|x| x.id == p))
                            .or_else(|| default_profile(profiles, &file.firm.region))?;
                        let assessment = assess(&q, &file.answers, profile, benchmark, &file.firm);
                        Some(Entry {
                            id: s.id.clone(),
                            profile: profile.id.clone(),
                            file,
                            q,
                            assessment,
                        })
                    })
                    .collect()
            })
        })
    }

    /// `e` assessed against `profile` instead of its own (firms compared against one).
    pub fn against(&self, e: &Entry, profile: &TargetProfile) -> Entry {
        let catalogue = self.catalogue.get_value();
        Entry {
            assessment: assess(
                &e.q,
                &e.file.answers,
                profile,
                &catalogue.benchmark,
                &e.file.firm,
            ),
            profile: profile.id.clone(),
            ..e.clone()
        }
    }

    /// The portfolio's rows, sorted as chosen (every row, filtered or not).
    pub fn portfolio(&self) -> Vec<PortfolioRow> {
        let lang = self.lang.get();
        let entries = self.entries();
        let list: Vec<PortfolioEntry> = entries.iter().map(Entry::portfolio).collect();
        let mut rows = portfolio_rows(&list, lang);
        if let Some(sort) = self.sort.get() {
            sort_rows(&mut rows, &sort);
        }
        rows
    }

    /// The rows of assessments whose questionnaire is not here (yet), dashes for figures.
    pub fn pending_rows(&self) -> Vec<LibraryRow> {
        let ids: Vec<String> = self.questionnaires.with(|qs| {
            self.assessments.with(|list| {
                list.iter()
                    .filter(|s| !qs.iter().any(|q| q.id == s.file.questionnaire.id))
                    .map(|s| s.id.clone())
                    .collect()
            })
        });
        self.rows()
            .into_iter()
            .filter(|r| ids.contains(&r.id))
            .collect()
    }

    pub fn sort(&self) -> RwSignal<Option<Sort>> {
        self.sort
    }

    pub fn filter(&self) -> RwSignal<Filter> {
        self.filter
    }

    /// The ids selected, in the order they were selected (tracked).
    pub fn selected(&self) -> Vec<String> {
        self.selected.get()
    }

    pub fn is_selected(&self, id: &str) -> bool {
        self.selected.with(|sel| sel.iter().any(|s| s == id))
    }

    pub fn set_selected(&self, id: &str, on: bool) {
        self.selected.update(|sel| {
            let there = sel.iter().position(|s| s == id);
            match (on, there) {
                (true, None) => sel.push(id.to_string()),
                (false, Some(i)) => {
                    sel.remove(i);
                }
                _ => {}
            }
        });
    }

    /// Selects (or deselects) all of `ids` at once.
    pub fn set_all_selected(&self, ids: &[String], on: bool) {
        self.selected.update(|sel| {
            if on {
                for id in ids {
                    if !sel.contains(id) {
                        sel.push(id.clone());
                    }
                }
            } else {
                sel.retain(|s| !ids.contains(s));
            }
        });
    }

    pub fn clear_selection(&self) {
        self.selected.set(Vec::new());
    }

    pub fn view(&self) -> RwSignal<DeskView> {
        self.view
    }

    /// Shows a view of the selection; focus goes to its heading.
    pub fn open_view(&self, view: DeskView) {
        self.view.set(view);
        focus_after_render(VIEW_HEADING_ID.to_string());
    }

    /// Back to the list; focus goes to `focus` (the button that opened the view).
    pub fn back_to_list(&self, focus: &str) {
        self.view.set(DeskView::List);
        focus_after_render(focus.to_string());
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

/// The heading of the view shown in place of the list, which gets focus when it opens.
pub const VIEW_HEADING_ID: &str = "desk-view-heading";

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
