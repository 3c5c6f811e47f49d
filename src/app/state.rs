//! The app's state: the answers and choices the user makes, and the results derived
//! from them. Results are memos, so they recompute only when their inputs change.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::storage::{self, CustomFile, Draft, Restored};
use crate::builtin::Catalogue;
use crate::charts::gap_chart::gap_chart_svg;
use crate::domain::answers::Answers;
use crate::domain::assessment::{assess, Assessment};
use crate::domain::firm::FirmProfile;
use crate::domain::load::load_questionnaire;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::report::{indicator_rows, IndicatorRow};
use crate::domain::source_pos::LoadError;
use crate::domain::targets::TargetProfile;
use crate::domain::text::{Lang, Text};

/// A questionnaire compared by identity: memos holding it change only when it is swapped.
#[derive(Clone, Debug)]
pub struct QRef(pub Arc<Questionnaire>);

impl PartialEq for QRef {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A questionnaire a consultant loaded from a file, kept with its source text so that
/// it survives a reload.
#[derive(Clone, Debug)]
pub struct LoadedFile {
    pub file: CustomFile,
    pub questionnaire: Arc<Questionnaire>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub catalogue: StoredValue<Arc<Catalogue>>,
    pub builtin: StoredValue<Vec<Arc<Questionnaire>>>,
    pub custom: RwSignal<Vec<LoadedFile>>,
    pub questionnaire_id: RwSignal<String>,
    pub questionnaire: Memo<QRef>,
    pub lang: RwSignal<Lang>,
    /// Answers per questionnaire id, so switching questionnaires loses nothing.
    pub all_answers: RwSignal<BTreeMap<String, Answers>>,
    pub answers: Memo<Answers>,
    pub firm_name: RwSignal<String>,
    pub profile_id: RwSignal<String>,
    /// The section shown, by index.
    pub section: RwSignal<usize>,
    /// A message about saving or restoring, shown under the app bar.
    pub notice: RwSignal<Option<Text>>,
    /// Errors of the last questionnaire file the user tried to load.
    pub load_errors: RwSignal<Vec<LoadError>>,
    pub assessment: Memo<Assessment>,
    pub rows: Memo<Vec<IndicatorRow>>,
    pub chart_svg: Memo<String>,
}

impl AppState {
    pub fn new(catalogue: Catalogue) -> Self {
        let catalogue = Arc::new(catalogue);
        let builtin: Vec<Arc<Questionnaire>> = catalogue.questionnaires.iter().cloned().map(Arc::new).collect();
        let lang = RwSignal::new(Lang::Zh);
        let all_answers = RwSignal::new(BTreeMap::new());
        let firm_name = RwSignal::new(String::new());
        let profile_id = RwSignal::new(catalogue.profiles[0].id.clone());
        let questionnaire_id = RwSignal::new(builtin[0].id.clone());
        let section = RwSignal::new(0);
        let notice = RwSignal::new(None);
        let custom = RwSignal::new(Vec::new());

        match storage::restore() {
            Restored::Draft(d) => {
                let loaded: Vec<LoadedFile> = d
                    .custom_files
                    .iter()
                    .filter_map(|f| {
                        load_questionnaire(&f.name, &f.source)
                            .ok()
                            .map(|q| LoadedFile { file: f.clone(), questionnaire: Arc::new(q) })
                    })
                    .collect();
                let known = builtin.iter().any(|q| q.id == d.questionnaire_id)
                    || loaded.iter().any(|l| l.questionnaire.id == d.questionnaire_id);
                custom.set(loaded);
                if known {
                    questionnaire_id.set(d.questionnaire_id);
                }
                lang.set(d.lang);
                all_answers.set(d.answers);
                firm_name.set(d.firm_name);
                section.set(d.section);
                if catalogue.profile(&d.profile_id).is_some() {
                    profile_id.set(d.profile_id);
                }
            }
            Restored::SetAside => notice.set(Some(Text::new(
                "上次保存的数据无法读取，已另存备查；现在从空白问卷开始。",
                "The previously saved data could not be read and was set aside; starting from an empty questionnaire.",
            ))),
            Restored::Nothing => {}
        }

        let builtin_for_memo = builtin.clone();
        let questionnaire = Memo::new(move |_| {
            let id = questionnaire_id.get();
            let found = builtin_for_memo
                .iter()
                .find(|q| q.id == id)
                .cloned()
                .or_else(|| custom.with(|c| c.iter().find(|l| l.questionnaire.id == id).map(|l| l.questionnaire.clone())));
            QRef(found.unwrap_or_else(|| builtin_for_memo[0].clone()))
        });
        let answers = Memo::new(move |_| {
            let id = questionnaire.with(|q| q.0.id.clone());
            all_answers.with(|m| m.get(&id).cloned().unwrap_or_default())
        });
        let cat = catalogue.clone();
        let assessment = Memo::new(move |_| {
            let profile = cat.profile(&profile_id.get()).unwrap_or(&cat.profiles[0]);
            let firm = FirmProfile { name: firm_name.get(), ..FirmProfile::default() };
            questionnaire.with(|q| answers.with(|a| assess(&q.0, a, profile, &cat.benchmark, &firm)))
        });
        let rows = Memo::new(move |_| questionnaire.with(|q| assessment.with(|a| indicator_rows(&q.0, a, lang.get()))));
        let chart_svg = Memo::new(move |_| rows.with(|r| gap_chart_svg(r, lang.get())));

        // Autosave every change; if the browser refuses, keep working in memory and say so.
        Effect::new(move |_| {
            let draft = Draft {
                format_version: storage::FORMAT_VERSION,
                questionnaire_id: questionnaire_id.get(),
                firm_name: firm_name.get(),
                profile_id: profile_id.get(),
                lang: lang.get(),
                section: section.get(),
                answers: all_answers.get(),
                custom_files: custom.with(|c| c.iter().map(|l| l.file.clone()).collect()),
            };
            if storage::save(&draft).is_err() {
                notice.set(Some(Text::new(
                    "浏览器不允许保存数据（可能是隐私模式或存储已满）：可以继续填写，但关闭页面后答案会丢失。",
                    "The browser does not allow saving (private mode or storage full): you can keep working, but answers are lost when the page closes.",
                )));
            }
        });

        AppState {
            catalogue: StoredValue::new(catalogue),
            builtin: StoredValue::new(builtin),
            custom,
            questionnaire_id,
            questionnaire,
            lang,
            all_answers,
            answers,
            firm_name,
            profile_id,
            section,
            notice,
            load_errors: RwSignal::new(Vec::new()),
            assessment,
            rows,
            chart_svg,
        }
    }

    /// The current questionnaire (cheap: an `Arc`).
    pub fn q(&self) -> Arc<Questionnaire> {
        self.questionnaire.with(|q| q.0.clone())
    }

    /// Changes the current questionnaire's answers.
    pub fn update_answers(&self, f: impl FnOnce(&mut Answers)) {
        let id = self.questionnaire.with_untracked(|q| q.0.id.clone());
        self.all_answers.update(|m| f(m.entry(id).or_default()));
    }

    pub fn profiles(&self) -> Vec<TargetProfile> {
        self.catalogue.with_value(|c| c.profiles.clone())
    }

    pub fn profile(&self) -> TargetProfile {
        let id = self.profile_id.get();
        self.catalogue.with_value(|c| c.profile(&id).unwrap_or(&c.profiles[0]).clone())
    }

    /// Every questionnaire the user can pick: built-in first, then loaded files.
    pub fn choices(&self) -> Vec<Arc<Questionnaire>> {
        let mut all = self.builtin.get_value();
        self.custom.with(|c| all.extend(c.iter().map(|l| l.questionnaire.clone())));
        all
    }

    /// Validates a questionnaire file; only a clean one is added and selected.
    pub fn load_file(&self, name: String, source: String) {
        match load_questionnaire(&name, &source) {
            Err(errors) => self.load_errors.set(errors),
            Ok(q) => {
                self.load_errors.set(Vec::new());
                let id = q.id.clone();
                let builtin_clash = self.builtin.with_value(|b| b.iter().any(|b| b.id == id));
                if builtin_clash {
                    self.notice.set(Some(Text::new(
                        format!("文件中的问卷 id “{id}”与内置问卷相同，未加载；请在文件中改用另一个 id。"),
                        format!("The file's questionnaire id \"{id}\" is that of a built-in questionnaire, so it was not loaded; give it another id."),
                    )));
                    return;
                }
                let loaded = LoadedFile { file: CustomFile { name, source }, questionnaire: Arc::new(q) };
                self.custom.update(|c| {
                    c.retain(|l| l.questionnaire.id != id);
                    c.push(loaded);
                });
                self.section.set(0);
                self.questionnaire_id.set(id);
                self.notice.set(None);
            }
        }
    }
}
