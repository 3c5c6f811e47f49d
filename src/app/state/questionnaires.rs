//! The questionnaires: the built-in ones (the default inside the app, the others
//! fetched the first time they are needed), and those loaded from a file, kept on this
//! device and read again at start; choosing the one in use.

use std::sync::Arc;

use leptos::prelude::*;

use super::{AppState, Reader};
use crate::app::platform::storage::{self, CustomFile, Saved};
use crate::builtin::ON_DEMAND;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::{Lang, Text};
use crate::domain::read::source_pos::LoadError;
use crate::domain::wire::compiled::{decode_questionnaire, ReadResult};
use crate::domain::wire::formats::QuestionnaireSource;

/// A questionnaire a consultant loaded from a file, kept with its source text so that
/// it survives a reload.
#[derive(Clone, Debug)]
pub(super) struct LoadedFile {
    pub file: CustomFile,
    pub questionnaire: Arc<Questionnaire>,
}

/// A questionnaire in the choice list: loaded, or built in and fetched when chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub id: String,
    pub title: Text,
}

/// What runs once a questionnaire is loaded (boxed: one copy of the loading code serves
/// every caller).
pub(super) type Then = Box<dyn FnOnce(AppState)>;

/// The built-in questionnaire `id` that is fetched on demand, if it is one.
fn on_demand(id: &str) -> Option<&'static crate::builtin::OnDemand> {
    ON_DEMAND.iter().find(|e| e.id == id)
}

impl AppState {
    /// The id of the questionnaire in use (or chosen and being fetched).
    pub fn questionnaire_id(&self) -> Reader<String> {
        Reader(self.questionnaire_id)
    }

    /// The built-in questionnaire being fetched, or the file being read, if any.
    pub fn fetching(&self) -> Reader<Option<String>> {
        Reader(self.fetching)
    }

    /// Errors of the last questionnaire file the user tried to load.
    pub fn load_errors(&self) -> Reader<Vec<LoadError>> {
        Reader(self.load_errors)
    }

    /// Switching questionnaire keeps what was entered: with answers, it starts a new
    /// assessment and the old one stays in the list. A built-in one is fetched first.
    pub fn choose_questionnaire(&self, id: String) {
        self.with_questionnaire(
            id.clone(),
            false,
            Box::new(move |state| state.switch_questionnaire(id)),
        );
    }

    /// The list shows each saved assessment's completeness, which needs its
    /// questionnaire: fetches each one missing once (but the current one's, which
    /// opening it fetches).
    pub(super) fn fetch_referenced(&self, current: Option<&Saved>) {
        let mut referenced: Vec<String> = self.saved.with_untracked(|list| {
            list.iter()
                .map(|s| s.file.questionnaire.id.clone())
                .collect()
        });
        crate::domain::util::sorting::sort_by(&mut referenced, |a, b| a.cmp(b));
        referenced.dedup();
        referenced.retain(|id| current.is_none_or(|c| &c.file.questionnaire.id != id));
        for id in referenced {
            self.with_questionnaire(id, true, Box::new(|_| {}));
        }
    }

    /// Runs `then` once questionnaire `id` is loaded: at once if it is (or is unknown:
    /// `then` says so), after fetching it if it is a built-in one not fetched yet. A
    /// failed fetch leaves everything as it was and says so (unless `quiet`: a
    /// background fetch the user did not ask for). Boxed: one copy of the fetch code
    /// serves every caller.
    pub(super) fn with_questionnaire(&self, id: String, quiet: bool, then: Then) {
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
            let loaded = fetched.and_then(|bytes| decode_questionnaire(&bytes).map(|q| (q, bytes)));
            if state.fetching.get_untracked().as_deref() == Some(id.as_str()) {
                state.fetching.set(None);
            }
            match loaded {
                Ok((q, bytes)) => {
                    if state.find_questionnaire(&id).is_none() {
                        state.builtin.update(|b| b.push(Arc::new(q)));
                        // Kept for the files worker to convert earlier versions' answers with.
                        state
                            .fetched_bytes
                            .update_value(|f| f.push((id.clone(), bytes)));
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
                    ).into()));
                }
                Err(_) => {}
            }
        });
    }

    /// Where the files worker gets questionnaire `id` (loaded on this device) from.
    pub(super) fn questionnaire_source(&self, id: &str) -> Option<QuestionnaireSource> {
        let custom = self.custom.with_untracked(|c| {
            c.iter()
                .find(|l| l.questionnaire.id == id)
                .map(|l| QuestionnaireSource::Toml {
                    name: l.file.name.clone(),
                    source: l.file.source.clone(),
                })
        });
        let fetched = || {
            self.fetched_bytes.with_value(|f| {
                f.iter()
                    .find(|(fetched, _)| fetched == id)
                    .map(|(_, bytes)| QuestionnaireSource::Compiled(bytes.clone()))
            })
        };
        let default = || {
            self.builtin
                .with_untracked(|b| b.first().is_some_and(|q| q.id == id))
                .then(|| QuestionnaireSource::Builtin(id.to_string()))
        };
        custom.or_else(fetched).or_else(default)
    }

    /// A questionnaire loaded on this device, by id.
    pub(super) fn find_questionnaire(&self, id: &str) -> Option<Arc<Questionnaire>> {
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

    /// A questionnaire loaded on this device, by id; tracked, so that what reads it
    /// follows when a built-in questionnaire is fetched.
    pub fn find_questionnaire_tracked(&self, id: &str) -> Option<Arc<Questionnaire>> {
        self.builtin.with(|_| self.find_questionnaire(id))
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
    pub(super) fn read_stored_files(&self, files: Vec<CustomFile>) {
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
                                c.push(LoadedFile {
                                    file: file.clone(),
                                    questionnaire: Arc::new(q),
                                });
                            });
                            state
                                .unread_files
                                .update_value(|u| u.retain(|f| *f != file));
                        }
                        // A file today's checker refuses stays saved, as it was.
                        Ok(Err(_)) => {}
                        Err(why) => {
                            let why = why.text();
                            state.notice.set(Some(Text::new(
                            format!("本机保存的问卷文件暂时无法读取（{}），文件仍保存在本机，刷新页面后重试。", why.zh),
                            format!("The questionnaire files saved on this device cannot be read just now ({}); they are still saved. Reload the page to try again.", why.get(Lang::En)),
                        ).into()))
                        }
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
                    Err(why) => {
                        let why = why.text();
                        state.notice.set(Some(
                            Text::new(
                                format!("问卷文件 {name} 未加载：{}。", why.zh),
                                format!(
                                    "The questionnaire file {name} was not loaded: {}.",
                                    why.get(Lang::En)
                                ),
                            )
                            .into(),
                        ))
                    }
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
                    ).into()));
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
                    self.notice.set(Some(Text::new("问卷文件已加载，但浏览器不允许保存，刷新页面后需重新加载。", "The file is loaded, but the browser does not allow saving it; load it again after a reload.").into()));
                } else {
                    self.notice.set(None);
                }
                self.choose_questionnaire(id);
            }
        }
    }
}
