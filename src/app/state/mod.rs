//! The app's state: the assessments kept on this device, the one being filled in, and
//! the results derived from it. Results are memos, so they recompute only when their
//! inputs change; every change to the current assessment is saved once the page has
//! been redrawn, and at once before leaving it or opening another assessment.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::platform::storage::{self, CustomFile, Migration, Saved, Settings};
use crate::builtin::{Catalogue, ON_DEMAND};
use crate::charts::dimension_chart::dimension_chart_svg;
use crate::charts::gap_chart::gap_chart_svg;
use crate::charts::radar::radar_svg;
use crate::domain::compute::assessment::{assess, Assessment};
use crate::domain::compute::evaluation::{Evaluation, ItemState};
use crate::domain::model::answers::{Answer, Answers};
use crate::domain::model::firm::FirmProfile;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
use crate::domain::model::text::{Lang, Text};
use crate::domain::read::answers_file::{check_answers_file, AnswersFile};
use crate::domain::read::source_pos::LoadError;
use crate::domain::report::{
    dimension_rows, indicator_rows, next_level_name, DimensionRow, IndicatorRow,
};
use crate::domain::util::fast_map::IdMap;
use crate::domain::wire::compiled::{decode_questionnaire, ReadResult};

/// A questionnaire compared by identity: memos holding it change only when it is swapped.
#[derive(Clone, Debug)]
pub struct QRef(pub Arc<Questionnaire>);

impl PartialEq for QRef {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What one item's field shows: its answer and what the evaluation made of it.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemView {
    pub answer: Option<Answer>,
    pub state: ItemState,
    pub number: Option<f64>,
    pub error: Option<Text>,
}

impl ItemView {
    fn of(id: &str, answers: &Answers, ev: &Evaluation) -> Self {
        ItemView {
            answer: answers.get(id).cloned(),
            state: ev.state(id),
            number: ev.number(id),
            error: ev.field_errors.get(id).cloned(),
        }
    }

    pub fn typed(&self) -> &str {
        match &self.answer {
            Some(Answer::Typed(s)) => s,
            _ => "",
        }
    }

    pub fn choice(&self) -> Option<&str> {
        match &self.answer {
            Some(Answer::Choice(c)) => Some(c),
            _ => None,
        }
    }

    pub fn selected(&self) -> Option<&crate::domain::util::sorted_map::SortedSet> {
        match &self.answer {
            Some(Answer::Selected(set)) => Some(set),
            _ => None,
        }
    }

    /// Answered "not applicable" or "don't know".
    pub fn is_special(&self) -> bool {
        matches!(self.answer, Some(Answer::NotApplicable | Answer::Unknown))
    }
}

/// A questionnaire a consultant loaded from a file, kept with its source text so that
/// it survives a reload.
#[derive(Clone, Debug)]
pub struct LoadedFile {
    pub file: CustomFile,
    pub questionnaire: Arc<Questionnaire>,
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A new assessment id: the time and a random part, unique on this device.
fn new_id() -> String {
    format!(
        "{}-{:06}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1_000_000.0) as u32
    )
}

/// A questionnaire in the choice list: loaded, or built in and fetched when chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub id: String,
    pub title: Text,
}

/// What runs once a questionnaire is loaded (boxed: one copy of the loading code serves
/// every caller).
type Then = Box<dyn FnOnce(AppState)>;

#[derive(Clone, Copy)]
pub struct AppState {
    pub catalogue: StoredValue<Arc<Catalogue>>,
    /// The built-in questionnaires loaded so far: the default, then those of
    /// `ON_DEMAND` once fetched.
    pub builtin: RwSignal<Vec<Arc<Questionnaire>>>,
    /// The built-in questionnaire being fetched, if any.
    pub fetching: RwSignal<Option<String>>,
    pub custom: RwSignal<Vec<LoadedFile>>,
    /// Saved questionnaire files not (yet) read: kept in storage whatever happens, so a
    /// reader that could not be downloaded, or a file today's checker refuses, loses nothing.
    unread_files: StoredValue<Vec<CustomFile>>,
    /// While saved files are being read, what waits for one of their questionnaires.
    after_reading: StoredValue<Option<Vec<Then>>, LocalStorage>,
    pub lang: RwSignal<Lang>,
    /// Every assessment kept on this device (the current one as last saved).
    pub saved: RwSignal<Vec<Saved>>,
    /// The assessment being filled in.
    pub current_id: RwSignal<String>,
    pub created_at: RwSignal<String>,
    pub questionnaire_id: RwSignal<String>,
    pub questionnaire: Memo<QRef>,
    pub answers: RwSignal<Answers>,
    pub firm: RwSignal<FirmProfile>,
    pub profile_id: RwSignal<String>,
    /// The section shown, by index.
    pub section: RwSignal<usize>,
    /// A message about saving, restoring or importing, shown under the app bar.
    pub notice: RwSignal<Option<Text>>,
    /// Errors of the last questionnaire file the user tried to load.
    pub load_errors: RwSignal<Vec<LoadError>>,
    pub assessment: Memo<Assessment>,
    pub rows: Memo<Vec<IndicatorRow>>,
    pub chart_svg: Memo<String>,
    /// Dimension rows and their two charts, shared by the results panel and the report.
    pub dims: Memo<Vec<DimensionRow>>,
    pub dimension_svg: Memo<String>,
    pub radar_svg: Memo<String>,
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
        let set_aside = loaded.set_aside.len() + migration.set_aside;
        let notice = match migration.failed {
            Some(why) => Some(Text::new(
                format!("本机保存的部分数据来自较早的版本，暂时无法转换（{why}），仍原样保存；刷新页面后重试。"),
                format!("Some data saved on this device by an earlier version cannot be converted just now ({why}); it is kept as it was. Reload the page to try again."),
            )),
            None => (set_aside > 0).then(|| {
                Text::new(
                    format!("有 {set_aside} 条保存的数据无法读取，已另存备查；其他评估不受影响。"),
                    format!("{set_aside} saved entr(ies) could not be read and were set aside; the other assessments are unaffected."),
                )
            }),
        };
        let notice = RwSignal::new(notice);
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
        let (questionnaire, assessment, rows, chart_svg) = derive(
            builtin,
            custom,
            catalogue_value,
            questionnaire_id,
            profile_id,
            answers,
            firm,
            lang,
        );
        let dims = Memo::new(move |_| {
            questionnaire.with(|q| assessment.with(|a| dimension_rows(&q.0, a, lang.get())))
        });
        let next_level = Memo::new(move |_| {
            questionnaire.with(|q| assessment.with(|a| next_level_name(&q.0, a, lang.get())))
        });
        let dimension_svg = Memo::new(move |_| {
            dims.with(|d| next_level.with(|n| dimension_chart_svg(d, n, lang.get())))
        });
        let radar = Memo::new(move |_| dims.with(|d| radar_svg(d, lang.get())));
        let state = AppState {
            catalogue: catalogue_value,
            builtin,
            fetching: RwSignal::new(None),
            custom,
            unread_files: StoredValue::new(stored_files.clone()),
            after_reading: StoredValue::new_local(None),
            lang,
            saved: RwSignal::new(loaded.assessments),
            current_id: RwSignal::new(new_id()),
            created_at: RwSignal::new(now_iso()),
            questionnaire_id,
            questionnaire,
            answers,
            firm,
            profile_id,
            section: RwSignal::new(0),
            notice,
            load_errors: RwSignal::new(Vec::new()),
            assessment,
            rows,
            chart_svg,
            dims,
            dimension_svg,
            radar_svg: radar,
            save_pending: StoredValue::new(false),
            items: StoredValue::new(IdMap::default()),
        };
        state.read_stored_files(stored_files);
        // The list shows each saved assessment's completeness, which needs its
        // questionnaire: fetch each one missing once (the current one's just below).
        let mut referenced: Vec<String> = state.saved.with_untracked(|list| {
            list.iter()
                .map(|s| s.file.questionnaire.id.clone())
                .collect()
        });
        crate::domain::util::sorting::sort_by(&mut referenced, |a, b| a.cmp(b));
        referenced.dedup();
        referenced.retain(|id| {
            current
                .as_ref()
                .is_none_or(|c| &c.file.questionnaire.id != id)
        });
        for id in referenced {
            state.with_questionnaire(id, true, Box::new(|_| {}));
        }
        if let Some(saved) = current {
            // Its questionnaire may have to be fetched first.
            state.with_questionnaire(
                saved.file.questionnaire.id.clone(),
                false,
                Box::new(move |state| {
                    state.open_loaded(&saved);
                    // Back where the user was: after the section has been drawn.
                    let y = saved.scroll_y;
                    request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
                }),
            );
        }
        // Leaving the page saves what is pending and records where it was scrolled to;
        // hiding it (another tab or app, a phone's lock screen) saves what is pending.
        let on_hide = leptos::wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            state.save_now();
            let y = window().scroll_y().unwrap_or(0.0);
            storage::save_scroll(&state.current_id.get_untracked(), y);
        });
        let on_visibility =
            leptos::wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || state.save_now());
        {
            use leptos::wasm_bindgen::JsCast;
            let _ = window()
                .add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
            let _ = document().add_event_listener_with_callback(
                "visibilitychange",
                on_visibility.as_ref().unchecked_ref(),
            );
        }
        // They live as long as the page.
        on_hide.forget();
        on_visibility.forget();

        // Fields read their item's view rather than the answers and the assessment: with
        // hundreds of fields in a section, waking all of them on every keystroke cost more
        // than rescoring. After each change, only the views that differ are set.
        Effect::new(move |_| {
            let changed: Vec<(ArcRwSignal<ItemView>, ItemView)> = state.answers.with(|answers| {
                state.assessment.with(|a| {
                    state.items.with_value(|items| {
                        items
                            .iter()
                            .filter_map(|(id, (_, view))| {
                                let now = ItemView::of(id, answers, &a.evaluation);
                                view.with_untracked(|old| *old != now)
                                    .then(|| (view.clone(), now))
                            })
                            .collect()
                    })
                })
            });
            for (view, now) in changed {
                view.set(now);
            }
        });

        // Autosave: a change to the current assessment is saved after the next frame, so
        // that serialising and storing it never delays showing the new results; several
        // changes within a frame are saved once.
        Effect::new(move |_| {
            state.track_saved();
            if !state.save_pending.get_value() {
                state.save_pending.set_value(true);
                request_animation_frame(move || {
                    set_timeout(move || state.save_now(), std::time::Duration::ZERO)
                });
            }
        });
        state
    }

    /// Writes the current assessment and the settings if a change is waiting; if the
    /// browser refuses, keeps working in memory and says so.
    pub fn save_now(&self) {
        if !self.save_pending.get_value() {
            return;
        }
        self.save_pending.set_value(false);
        let saved = self.snapshot_untracked();
        let settings = Settings {
            format_version: storage::FORMAT_VERSION,
            lang: self.lang.get_untracked(),
            current: Some(saved.id.clone()),
        };
        let ok = storage::save(&saved).and_then(|_| storage::save_settings(&settings));
        // The list shows firm, questionnaire, day and answer count: refresh it only
        // when one of those changed, not on every keystroke.
        let shown = |s: &Saved| {
            (
                s.file.firm.name.clone(),
                s.file.questionnaire.id.clone(),
                s.file.updated_at.get(..10).map(str::to_string),
                s.file.answers.values.len(),
            )
        };
        let changed = self.saved.with_untracked(|list| {
            list.iter().find(|s| s.id == saved.id).map(shown) != Some(shown(&saved))
        });
        if changed {
            self.saved.update(|list| {
                list.retain(|s| s.id != saved.id);
                list.insert(0, saved);
            });
        }
        if ok.is_err() {
            self.notice.set(Some(Text::new(
                "浏览器不允许保存数据（可能是隐私模式或存储已满）：可以继续填写，但关闭页面后答案会丢失，请及时导出。",
                "The browser does not allow saving (private mode or storage full): you can keep working, but answers are lost when the page closes; export them.",
            )));
        }
    }

    /// Subscribes to everything the saved entry and the settings hold (what `snapshot`
    /// reads, and the language): the autosave runs when any of it changes.
    fn track_saved(&self) {
        use leptos::reactive::graph::ToAnySource;
        for source in [
            self.current_id.to_any_source(),
            self.created_at.to_any_source(),
            self.answers.to_any_source(),
            self.firm.to_any_source(),
            self.profile_id.to_any_source(),
            self.section.to_any_source(),
            self.lang.to_any_source(),
        ] {
            source.track();
        }
        self.questionnaire.track();
    }

    /// The current assessment as it is saved and exported (`track_saved` lists what it reads).
    pub fn snapshot(&self) -> Saved {
        let q = self.q();
        Saved {
            format_version: storage::FORMAT_VERSION,
            id: self.current_id.get(),
            section: self.section.get(),
            scroll_y: 0.0,
            file: AnswersFile::new(
                &q,
                self.firm.get(),
                Some(self.profile_id.get()),
                self.answers.get(),
                self.created_at.get(),
                now_iso(),
            ),
        }
    }

    fn snapshot_untracked(&self) -> Saved {
        leptos::prelude::untrack(|| self.snapshot())
    }

    /// Brings the list's entry of the current assessment up to date before leaving it
    /// (the autosave refreshes the list only when what it shows changes).
    fn stash_current(&self) {
        self.save_now();
        let current = self.snapshot_untracked();
        if current.file.answers.values.is_empty() && current.file.firm == FirmProfile::default() {
            // Nothing was entered: an empty assessment is not worth keeping.
            storage::delete(&current.id);
            self.saved
                .update(|list| list.retain(|s| s.id != current.id));
            return;
        }
        self.saved.update(|list| {
            list.retain(|s| s.id != current.id);
            list.insert(0, current);
        });
    }

    /// Makes a saved assessment the current one, once its questionnaire is loaded.
    pub fn open(&self, saved: &Saved) {
        let saved = saved.clone();
        self.with_questionnaire(
            saved.file.questionnaire.id.clone(),
            false,
            Box::new(move |state| state.open_loaded(&saved)),
        );
    }

    fn open_loaded(&self, saved: &Saved) {
        let f = &saved.file;
        let known = self.find_questionnaire(&f.questionnaire.id).is_some();
        if !known {
            self.notice.set(Some(Text::new(
                format!(
                    "评估“{}”所用的问卷“{}”不在本机，无法打开。",
                    f.firm.name, f.questionnaire.id
                ),
                format!(
                    "Assessment \"{}\" uses questionnaire \"{}\", which is not on this device.",
                    f.firm.name, f.questionnaire.id
                ),
            )));
            return;
        }
        self.stash_current();
        self.current_id.set(saved.id.clone());
        self.created_at.set(f.created_at.clone());
        self.questionnaire_id.set(f.questionnaire.id.clone());
        self.answers.set(f.answers.clone());
        self.firm.set(f.firm.clone());
        if let Some(p) = f
            .target_profile
            .clone()
            .filter(|p| self.catalogue.with_value(|c| c.profile(p).is_some()))
        {
            self.profile_id.set(p);
        }
        self.section.set(saved.section);
    }

    /// Starts an empty assessment with the given questionnaire; the current one stays saved.
    pub fn start_new(&self, questionnaire_id: String) {
        self.stash_current();
        self.current_id.set(new_id());
        self.created_at.set(now_iso());
        self.questionnaire_id.set(questionnaire_id);
        self.answers.set(Answers::default());
        self.firm.set(FirmProfile::default());
        self.section.set(0);
    }

    /// Switching questionnaire keeps what was entered: with answers, it starts a new
    /// assessment and the old one stays in the list.
    pub fn choose_questionnaire(&self, id: String) {
        self.with_questionnaire(
            id.clone(),
            false,
            Box::new(move |state| state.switch_questionnaire(id)),
        );
    }

    fn switch_questionnaire(&self, id: String) {
        if self.answers.with_untracked(|a| a.values.is_empty()) {
            self.section.set(0);
            self.questionnaire_id.set(id);
        } else {
            let firm = self.firm.get_untracked();
            self.start_new(id);
            self.firm.set(firm);
        }
    }

    pub fn duplicate(&self, id: &str) {
        // The current assessment's list entry may lag behind: copy what is on screen.
        let current = (id == self.current_id.get_untracked()).then(|| self.snapshot_untracked());
        let Some(mut copy) = current.or_else(|| {
            self.saved
                .with_untracked(|l| l.iter().find(|s| s.id == id).cloned())
        }) else {
            return;
        };
        copy.id = new_id();
        copy.file.firm.name = match self.lang.get_untracked() {
            Lang::Zh => format!("{}（副本）", copy.file.firm.name),
            Lang::En => format!("{} (copy)", copy.file.firm.name),
        };
        copy.file.created_at = now_iso();
        self.open(&copy);
    }

    pub fn rename(&self, id: &str, name: String) {
        if id == self.current_id.get_untracked() {
            self.firm.update(|f| f.name = name);
        } else if let Some(mut s) = self
            .saved
            .with_untracked(|l| l.iter().find(|s| s.id == id).cloned())
        {
            s.file.firm.name = name;
            let _ = storage::save(&s);
            self.saved.update(|l| {
                if let Some(x) = l.iter_mut().find(|x| x.id == s.id) {
                    *x = s;
                }
            });
        }
    }

    /// Deletes a saved assessment; deleting the current one opens an empty one.
    pub fn delete(&self, id: &str) {
        // A pending save of the current assessment must not bring it back.
        self.save_now();
        storage::delete(id);
        self.saved.update(|l| l.retain(|s| s.id != id));
        if id == self.current_id.get_untracked() {
            let q = self.questionnaire_id.get_untracked();
            self.start_new(q);
        }
    }

    /// Imports an answers file as a new assessment and says how it went; a bad file
    /// changes nothing. The file is read in the files worker, then checked against its
    /// questionnaire (fetched first if need be).
    pub fn import(&self, name: String, src: String) {
        let state = *self;
        let refused = move |name: &str, why: Text| {
            state.notice.set(Some(Text {
                zh: format!("{name}：{}，未导入。", why.zh),
                en: Some(format!(
                    "{name}: {}; nothing was imported.",
                    why.get(Lang::En)
                )),
            }))
        };
        crate::app::platform::files::read_answers(src, move |reply| match reply {
            Ok(Ok(file)) => {
                let qid = file.questionnaire.id.clone();
                let wanted = qid.clone();
                let then = move |state: AppState| match state.import_for(&qid, file) {
                    Ok(()) => {
                        let done = Text::new(
                            format!("已将 {name} 导入为一份新的评估。"),
                            format!("{name} was imported as a new assessment."),
                        );
                        state.notice.set(Some(done));
                    }
                    Err(why) => refused(&name, why),
                };
                state.with_questionnaire(wanted, false, Box::new(then));
            }
            Ok(Err(why)) => refused(&name, why),
            Err(why) => {
                let why = Text::new(
                    format!("文件读取程序下载失败（{why}），请检查网络后重试"),
                    format!("the file reader could not be downloaded ({why}); check the connection and try again"),
                );
                refused(&name, why);
            }
        });
    }

    fn import_for(&self, qid: &str, file: AnswersFile) -> Result<(), Text> {
        let Some(q) = self.find_questionnaire(qid) else {
            return Err(Text::new(
                format!("答卷所用的问卷“{qid}”不在本机"),
                format!("the answers are for questionnaire \"{qid}\", which is not on this device"),
            ));
        };
        let file = check_answers_file(file, &q)?;
        let saved = Saved {
            format_version: storage::FORMAT_VERSION,
            id: new_id(),
            section: 0,
            scroll_y: 0.0,
            file,
        };
        self.open_loaded(&saved);
        Ok(())
    }

    /// Runs `then` once questionnaire `id` is loaded: at once if it is (or is unknown:
    /// `then` says so), after fetching it if it is a built-in one not fetched yet. A
    /// failed fetch leaves everything as it was and says so (unless `quiet`: a
    /// background fetch the user did not ask for). Boxed: one copy of the fetch code
    /// serves every caller.
    fn with_questionnaire(&self, id: String, quiet: bool, then: Then) {
        let state = *self;
        if self.find_questionnaire(&id).is_some() {
            return then(state);
        }
        let Some(entry) = on_demand(&id) else {
            if let Some(waiting) = self.after_reading.write_value().as_mut() {
                // It may be one of the saved files still being read.
                waiting.push(Box::new(move |state| {
                    state.with_questionnaire(id, quiet, then)
                }));
                return;
            }
            return then(state);
        };
        if !quiet {
            self.fetching.set(Some(id.clone()));
        }
        leptos::task::spawn_local(async move {
            let version = crate::builtin::COMPILED_VERSION;
            let fetched = crate::app::platform::fetch::fetch_bytes(&format!(
                "{}?v={version}",
                entry.compiled_name()
            ))
            .await;
            let loaded = fetched.and_then(|bytes| decode_questionnaire(&bytes));
            if state.fetching.get_untracked().as_deref() == Some(id.as_str()) {
                state.fetching.set(None);
            }
            match loaded {
                Ok(q) => {
                    if state.find_questionnaire(&id).is_none() {
                        state.builtin.update(|b| b.push(Arc::new(q)));
                    }
                    then(state);
                }
                Err(why) if !quiet => {
                    // The choice list may already show the questionnaire that failed: put
                    // it back on the one in use.
                    state.questionnaire_id.update(|_| {});
                    state.notice.set(Some(Text::new(
                    format!("问卷“{}”下载失败（{why}），请检查网络后重试；已填写的内容没有变化。", entry.title_zh),
                    format!("The questionnaire \"{}\" could not be downloaded ({why}); check the connection and try again. Nothing you entered has changed.", entry.title_en),
                    )));
                }
                Err(_) => {}
            }
        });
    }

    pub fn find_questionnaire(&self, id: &str) -> Option<Arc<Questionnaire>> {
        self.builtin
            .with_untracked(|b| b.iter().find(|q| q.id == id).cloned())
            .or_else(|| {
                self.custom.with_untracked(|c| {
                    c.iter()
                        .find(|l| l.questionnaire.id == id)
                        .map(|l| l.questionnaire.clone())
                })
            })
    }

    /// The current questionnaire (cheap: an `Arc`).
    pub fn q(&self) -> Arc<Questionnaire> {
        self.questionnaire.with(|q| q.0.clone())
    }

    /// The view of one item, for its field: it changes only when the item's answer or
    /// evaluation does. It is kept up to date while the calling view lives.
    pub fn item(&self, id: &str) -> ReadSignal<ItemView> {
        let now = untrack(|| {
            self.answers
                .with(|a| self.assessment.with(|x| ItemView::of(id, a, &x.evaluation)))
        });
        let view = self.items.try_update_value(|items| {
            let entry = items
                .entry(id.to_string())
                .or_insert_with(|| (0, ArcRwSignal::new(now)));
            entry.0 += 1;
            entry.1.read_only()
        });
        let (items, id) = (self.items, id.to_string());
        on_cleanup(move || {
            items.try_update_value(|items| {
                if let Some(entry) = items.get_mut(&id) {
                    entry.0 -= 1;
                    if entry.0 == 0 {
                        items.remove(&id);
                    }
                }
            });
        });
        ReadSignal::from(view.expect("the app state lives as long as the page"))
    }

    /// Changes the current assessment's answers.
    pub fn update_answers(&self, f: impl FnOnce(&mut Answers)) {
        self.answers.update(f);
    }

    pub fn profiles(&self) -> Vec<TargetProfile> {
        self.catalogue.with_value(|c| c.profiles.clone())
    }

    pub fn profile(&self) -> TargetProfile {
        let id = self.profile_id.get();
        self.catalogue
            .with_value(|c| c.profile(&id).unwrap_or(&c.profiles[0]).clone())
    }

    /// Every questionnaire the user can pick: built-in first (loaded or not), then
    /// loaded files.
    pub fn choices(&self) -> Vec<Choice> {
        let choice = |q: &Arc<Questionnaire>| Choice {
            id: q.id.clone(),
            title: q.title.clone(),
        };
        // The default only: fetched built-ins are listed from ON_DEMAND already.
        let mut all: Vec<Choice> = self
            .builtin
            .with_untracked(|b| b.iter().take(1).map(choice).collect());
        all.extend(ON_DEMAND.iter().map(|e| Choice {
            id: e.id.to_string(),
            title: Text::new(e.title_zh, e.title_en),
        }));
        self.custom
            .with(|c| all.extend(c.iter().map(|l| choice(&l.questionnaire))));
        all
    }

    /// Reads the questionnaire files saved on this device (in the files worker); what
    /// waits for one of their questionnaires runs once all are read.
    fn read_stored_files(&self, files: Vec<CustomFile>) {
        if files.is_empty() {
            return;
        }
        let state = *self;
        self.after_reading.set_value(Some(Vec::new()));
        let left = std::rc::Rc::new(std::cell::Cell::new(files.len()));
        for file in files {
            let left = left.clone();
            crate::app::platform::files::read_questionnaire(
                file.name.clone(),
                file.source.clone(),
                move |reply| {
                    match reply {
                    Ok(Ok(q)) => {
                        let id = q.id.clone();
                        state.custom.update(|c| {
                            c.retain(|l| l.questionnaire.id != id);
                            c.push(LoadedFile { file: file.clone(), questionnaire: Arc::new(q) });
                        });
                        state.unread_files.update_value(|u| u.retain(|f| *f != file));
                    }
                    // A file today's checker refuses stays saved, as it was.
                    Ok(Err(_)) => {}
                    Err(why) => state.notice.set(Some(Text::new(
                        format!("本机保存的问卷文件暂时无法读取（{why}），文件仍保存在本机，刷新页面后重试。"),
                        format!("The questionnaire files saved on this device cannot be read just now ({why}); they are still saved. Reload the page to try again."),
                    ))),
                }
                    left.set(left.get() - 1);
                    if left.get() == 0 {
                        let waiting = state.after_reading.write_value().take().unwrap_or_default();
                        for then in waiting {
                            then(state);
                        }
                    }
                },
            );
        }
    }

    /// Validates a questionnaire file (in the files worker); only a clean one is added
    /// and selected.
    pub fn load_file(&self, name: String, source: String) {
        let state = *self;
        self.fetching.set(Some(name.clone()));
        crate::app::platform::files::read_questionnaire(
            name.clone(),
            source.clone(),
            move |reply| {
                if state.fetching.get_untracked().as_deref() == Some(name.as_str()) {
                    state.fetching.set(None);
                }
                match reply {
                Ok(result) => state.file_read(name, source, result),
                Err(why) => state.notice.set(Some(Text::new(
                    format!("问卷文件读取程序下载失败（{why}），请检查网络后重试。"),
                    format!("The questionnaire file reader could not be downloaded ({why}); check the connection and try again."),
                ))),
            }
            },
        );
    }

    fn file_read(&self, name: String, source: String, result: ReadResult) {
        match result {
            Err(errors) => self.load_errors.set(errors),
            Ok(q) => {
                self.load_errors.set(Vec::new());
                let id = q.id.clone();
                let builtin_clash = self
                    .builtin
                    .with_untracked(|b| b.iter().any(|b| b.id == id))
                    || on_demand(&id).is_some();
                if builtin_clash {
                    self.notice.set(Some(Text::new(
                        format!("文件中的问卷 id “{id}”与内置问卷相同，未加载；请在文件中改用另一个 id。"),
                        format!("The file's questionnaire id \"{id}\" is that of a built-in questionnaire, so it was not loaded; give it another id."),
                    )));
                    return;
                }
                let loaded = LoadedFile {
                    file: CustomFile { name, source },
                    questionnaire: Arc::new(q),
                };
                self.custom.update(|c| {
                    c.retain(|l| l.questionnaire.id != id);
                    c.push(loaded);
                });
                let mut files: Vec<CustomFile> = self
                    .custom
                    .with_untracked(|c| c.iter().map(|l| l.file.clone()).collect());
                self.unread_files
                    .with_value(|unread| files.extend(unread.iter().cloned()));
                if storage::save_custom_files(&files).is_err() {
                    self.notice.set(Some(Text::new("问卷文件已加载，但浏览器不允许保存，刷新页面后需重新加载。", "The file is loaded, but the browser does not allow saving it; load it again after a reload.")));
                } else {
                    self.notice.set(None);
                }
                self.choose_questionnaire(id);
            }
        }
    }
}

/// The results, derived from the signals: each memo recomputes only when what it reads changes.
#[allow(clippy::too_many_arguments)]
fn derive(
    builtin: RwSignal<Vec<Arc<Questionnaire>>>,
    custom: RwSignal<Vec<LoadedFile>>,
    catalogue: StoredValue<Arc<Catalogue>>,
    questionnaire_id: RwSignal<String>,
    profile_id: RwSignal<String>,
    answers: RwSignal<Answers>,
    firm: RwSignal<FirmProfile>,
    lang: RwSignal<Lang>,
) -> (
    Memo<QRef>,
    Memo<Assessment>,
    Memo<Vec<IndicatorRow>>,
    Memo<String>,
) {
    let questionnaire = Memo::new(move |_| {
        let id = questionnaire_id.get();
        let found = builtin
            .with(|b| b.iter().find(|q| q.id == id).cloned())
            .or_else(|| {
                custom.with(|c| {
                    c.iter()
                        .find(|l| l.questionnaire.id == id)
                        .map(|l| l.questionnaire.clone())
                })
            });
        QRef(found.unwrap_or_else(|| builtin.with(|b| b[0].clone())))
    });
    let assessment = Memo::new(move |_| {
        catalogue.with_value(|cat| {
            let profile = cat.profile(&profile_id.get()).unwrap_or(&cat.profiles[0]);
            firm.with(|f| {
                questionnaire
                    .with(|q| answers.with(|a| assess(&q.0, a, profile, &cat.benchmark, f)))
            })
        })
    });
    let rows = Memo::new(move |_| {
        questionnaire.with(|q| assessment.with(|a| indicator_rows(&q.0, a, lang.get())))
    });
    let chart_svg =
        Memo::new(move |_| rows.with(|r| firm.with(|f| gap_chart_svg(r, &f.name, lang.get()))));
    (questionnaire, assessment, rows, chart_svg)
}

/// The built-in questionnaire `id` that is fetched on demand, if it is one.
fn on_demand(id: &str) -> Option<&'static crate::builtin::OnDemand> {
    ON_DEMAND.iter().find(|e| e.id == id)
}
