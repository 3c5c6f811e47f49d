//! The app's state: the assessments kept on this device, the one being filled in, and
//! the results derived from it (the saved entries that cannot be read are listed by the
//! desk, which reads storage itself). Views read it through accessors that hand out read-only
//! signals and memos, and change it only through the methods named for what they do, so
//! that its rules hold whichever view asks (switching questionnaire with answers starts
//! a new assessment, a region suggests its target profile, nothing typed is lost).
//!
//! One concern per file: `questionnaires` (built-in, fetched on demand, loaded from
//! files), `assessments` (open, new, duplicate, rename, delete, store what the desk imported; the section
//! shown; a round and a date each), `settings` (language, firm, target profile), `items` (what each field shows
//! and how it changes the answers), `derived` (the results, as memos) and `autosave`.

mod assessments;
mod autosave;
mod derived;
mod items;
mod questionnaires;
mod settings;

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::platform::storage::{self, CustomFile, Migration, Saved, SetAside};
use crate::builtin::Catalogue;
use crate::domain::model::answers::Answers;
use crate::domain::model::firm::FirmProfile;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::{Lang, Text};
use crate::domain::read::source_pos::LoadError;
use crate::domain::util::fast_map::IdMap;

pub use items::ItemView;
pub use settings::FirmField;

use crate::app::platform::clock::{new_id, now_iso, today};
use crate::app::results::{Inputs, Results};
use questionnaires::{LoadedFile, Then};

/// One of the state's signals as its accessors hand it out: read-only (`get`, `with`
/// and their untracked forms), and the signal itself rather than a second arena entry
/// (a `ReadSignal` beside each `RwSignal` cost 2 kB brotli of wasm).
pub struct Reader<T: 'static>(RwSignal<T>);

impl<T> Clone for Reader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Reader<T> {}

impl<T> From<RwSignal<T>> for Reader<T> {
    fn from(signal: RwSignal<T>) -> Self {
        Reader(signal)
    }
}

impl<T> DefinedAt for Reader<T> {
    fn defined_at(&self) -> Option<&'static std::panic::Location<'static>> {
        self.0.defined_at()
    }
}

impl<T: Send + Sync + 'static> ReadUntracked for Reader<T> {
    type Value = <RwSignal<T> as ReadUntracked>::Value;

    fn try_read_untracked(&self) -> Option<Self::Value> {
        self.0.try_read_untracked()
    }
}

impl<T: Send + Sync + 'static> Track for Reader<T> {
    fn track(&self) {
        self.0.track()
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    catalogue: StoredValue<Arc<Catalogue>>,
    /// The built-in questionnaires loaded so far: the default, then those of
    /// `ON_DEMAND` once fetched.
    builtin: RwSignal<Vec<Arc<Questionnaire>>>,
    /// The built-in questionnaire being fetched, or the file being read, if any.
    fetching: RwSignal<Option<String>>,
    /// The on-demand built-in questionnaires as fetched (compiled), by id.
    fetched_bytes: StoredValue<Vec<(String, Vec<u8>)>>,
    custom: RwSignal<Vec<LoadedFile>>,
    /// Saved questionnaire files not (yet) read: kept in storage whatever happens, so a
    /// reader that could not be downloaded, or a file today's checker refuses, loses nothing.
    unread_files: StoredValue<Vec<CustomFile>>,
    /// While saved files are being read, what waits for one of their questionnaires.
    after_reading: StoredValue<Option<Vec<Then>>, LocalStorage>,
    lang: RwSignal<Lang>,
    /// Every assessment kept on this device (the current one as last saved).
    saved: RwSignal<Vec<Saved>>,
    /// The assessment being filled in.
    current_id: RwSignal<String>,
    created_at: RwSignal<String>,
    /// Its round ("2025 基线", "T1") and the day it was assessed (`YYYY-MM-DD`).
    round: RwSignal<String>,
    assessed_on: RwSignal<String>,
    /// After a switch of questionnaire with answers: the answers of the assessment left
    /// that the new questionnaire shares, offered to carry over (`carry_over_answers`);
    /// empty when there is no offer.
    carry_offer: RwSignal<Answers>,
    questionnaire_id: RwSignal<String>,
    answers: RwSignal<Answers>,
    firm: RwSignal<FirmProfile>,
    profile_id: RwSignal<String>,
    /// The section shown, by index.
    section: RwSignal<usize>,
    /// A message about saving, restoring or importing, shown under the app bar.
    notice: RwSignal<Option<Notice>>,
    /// Errors of the last questionnaire file the user tried to load.
    load_errors: RwSignal<Vec<LoadError>>,
    /// The questionnaire in use and the results, as memos.
    derived: Results,
    /// A change to the current assessment not yet written to storage.
    save_pending: StoredValue<bool>,
    /// The item views that fields show, by item id, with the number of their readers.
    items: StoredValue<IdMap<(usize, ArcRwSignal<ItemView>)>>,
}

impl AppState {
    /// `migration`: what converting an earlier release's saved entries did (it runs
    /// before the state is made, see `app::App`).
    pub fn new(catalogue: Catalogue, migration: Migration) -> Self {
        let catalogue = Arc::new(catalogue);
        let builtin: Vec<Arc<Questionnaire>> = catalogue
            .questionnaires
            .iter()
            .cloned()
            .map(Arc::new)
            .collect();
        let loaded = storage::load();
        let stored_files = loaded.custom_files.clone();
        let kept: Vec<String> = loaded
            .found_unreadable
            .iter()
            .filter(|(_, what)| *what == SetAside::Kept)
            .map(|(key, _)| key.clone())
            .collect();
        let moved = loaded.found_unreadable.len() - kept.len() + migration.set_aside;
        let stuck = kept.len() + migration.kept;
        let notice = match migration.failed {
            Some(why) => Some(Text::new(
                format!("本机保存的部分数据来自较早的版本，暂时无法转换（{}），仍原样保存；刷新页面后重试。", why.zh),
                format!("Some data saved on this device by an earlier version cannot be converted just now ({}); it is kept as it was. Reload the page to try again.", why.get(Lang::En)),
            )),
            None if stuck > 0 => Some(Text::new(
                format!("有 {stuck} 条保存的数据无法读取；存储空间已满，无法另存，已原样保留在原处，没有删除。可在“我的评估”中导出其原文。"),
                format!("{stuck} saved entr(ies) could not be read; storage is too full to set them aside, so they are kept where they are, not deleted. Export their text from \"My assessments\"."),
            )),
            None => (moved > 0).then(|| {
                Text::new(
                    format!("有 {moved} 条保存的数据无法读取，已另存备查；其他评估不受影响。可在“我的评估”中导出其原文。"),
                    format!("{moved} saved entr(ies) could not be read and were set aside; the other assessments are unaffected. Export their text from \"My assessments\"."),
                )
            }),
        };
        let settings = loaded.settings.clone();
        let current = settings
            .as_ref()
            .and_then(|s| s.current.clone())
            .and_then(|id| loaded.assessments.iter().find(|a| a.id == id).cloned());

        let builtin = RwSignal::new(builtin);
        let custom = RwSignal::new(Vec::new());
        let catalogue_value = StoredValue::new(catalogue.clone());
        let questionnaire_id = RwSignal::new(builtin.with_untracked(|b| b[0].id.clone()));
        let profile_id = RwSignal::new(catalogue.profiles[0].id.clone());
        let answers = RwSignal::new(Answers::default());
        let firm = RwSignal::new(FirmProfile::default());
        let lang = RwSignal::new(settings.as_ref().map_or(Lang::Zh, |s| s.lang));
        let derived = Results::new(Inputs {
            questionnaire: derived::questionnaire_in_use(builtin, custom, questionnaire_id),
            catalogue: catalogue_value,
            profile_id,
            answers,
            firm,
            lang,
        });
        let state = AppState {
            catalogue: catalogue_value,
            builtin,
            fetching: RwSignal::new(None),
            fetched_bytes: StoredValue::new(Vec::new()),
            custom,
            unread_files: StoredValue::new(stored_files.clone()),
            after_reading: StoredValue::new_local(None),
            lang,
            saved: RwSignal::new(loaded.assessments),
            current_id: RwSignal::new(new_id()),
            created_at: RwSignal::new(now_iso()),
            round: RwSignal::new(String::new()),
            assessed_on: RwSignal::new(today()),
            carry_offer: RwSignal::new(Answers::default()),
            questionnaire_id,
            answers,
            firm,
            profile_id,
            section: RwSignal::new(0),
            notice: RwSignal::new(notice.map(Notice::from)),
            load_errors: RwSignal::new(Vec::new()),
            derived,
            save_pending: StoredValue::new(false),
            items: StoredValue::new(IdMap::default()),
        };
        state.read_stored_files(stored_files);
        state.fetch_referenced(current.as_ref());
        if let Some(saved) = current {
            state.reopen(saved);
        }
        state.save_on_leaving();
        state.keep_item_views();
        state.autosave();
        state.keep_section_in_range();
        state
    }

    /// The message shown under the app bar, if any.
    pub fn notice(&self) -> Reader<Option<Notice>> {
        Reader(self.notice)
    }

    /// Shows a message under the app bar (an export or a file that failed, for example).
    pub fn show_notice(&self, text: Text) {
        self.notice.set(Some(text.into()));
    }
}

/// A message under the app bar: a sentence, and the list it introduces (each answer an
/// imported file gave that could not be used, say), if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: Text,
    pub list: Vec<Text>,
}

impl From<Text> for Notice {
    fn from(text: Text) -> Self {
        Notice {
            text,
            list: Vec::new(),
        }
    }
}
