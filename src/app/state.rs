//! The app's state: the answers and choices the user makes, and the results derived
//! from them. Results are memos, so they recompute only when their inputs change.

use std::sync::Arc;

use leptos::prelude::*;

use super::storage::{self, Draft, Restored};
use crate::builtin::Catalogue;
use crate::charts::gap_chart::gap_chart_svg;
use crate::domain::answers::Answers;
use crate::domain::assessment::{assess, Assessment};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::report::{indicator_rows, IndicatorRow};
use crate::domain::targets::TargetProfile;
use crate::domain::text::{Lang, Text};

#[derive(Clone, Copy)]
pub struct AppState {
    pub catalogue: StoredValue<Arc<Catalogue>>,
    pub lang: RwSignal<Lang>,
    pub answers: RwSignal<Answers>,
    pub firm_name: RwSignal<String>,
    pub profile_id: RwSignal<String>,
    /// A message about saving or restoring, shown under the app bar.
    pub notice: RwSignal<Option<Text>>,
    pub assessment: Memo<Assessment>,
    pub rows: Memo<Vec<IndicatorRow>>,
    pub chart_svg: Memo<String>,
}

impl AppState {
    pub fn new(catalogue: Catalogue) -> Self {
        let catalogue = Arc::new(catalogue);
        let q = catalogue.questionnaires[0].clone();
        let default_profile = catalogue.profiles[0].id.clone();
        let lang = RwSignal::new(Lang::Zh);
        let answers = RwSignal::new(Answers::default());
        let firm_name = RwSignal::new(String::new());
        let profile_id = RwSignal::new(default_profile.clone());
        let notice = RwSignal::new(None);

        match storage::restore() {
            Restored::Draft(d) if d.questionnaire_id == q.id => {
                lang.set(d.lang);
                answers.set(d.answers);
                firm_name.set(d.firm_name);
                if catalogue.profile(&d.profile_id).is_some() {
                    profile_id.set(d.profile_id);
                }
            }
            Restored::SetAside => notice.set(Some(Text::new(
                "上次保存的数据无法读取，已另存备查；现在从空白问卷开始。",
                "The previously saved data could not be read and was set aside; starting from an empty questionnaire.",
            ))),
            _ => {}
        }

        let cat = catalogue.clone();
        let assessment = Memo::new(move |_| {
            let profile = cat.profile(&profile_id.get()).unwrap_or(&cat.profiles[0]);
            answers.with(|a| assess(&cat.questionnaires[0], a, profile))
        });
        let cat = catalogue.clone();
        let rows = Memo::new(move |_| assessment.with(|a| indicator_rows(&cat.questionnaires[0], a, lang.get())));
        let chart_svg = Memo::new(move |_| rows.with(|r| gap_chart_svg(r, lang.get())));

        // Autosave every change; if the browser refuses, keep working in memory and say so.
        Effect::new(move |_| {
            let draft = Draft {
                format_version: storage::FORMAT_VERSION,
                questionnaire_id: q.id.clone(),
                questionnaire_version: q.version.clone(),
                firm_name: firm_name.get(),
                profile_id: profile_id.get(),
                lang: lang.get(),
                answers: answers.get(),
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
            lang,
            answers,
            firm_name,
            profile_id,
            notice,
            assessment,
            rows,
            chart_svg,
        }
    }

    pub fn questionnaire(&self) -> Questionnaire {
        self.catalogue.with_value(|c| c.questionnaires[0].clone())
    }

    pub fn profiles(&self) -> Vec<TargetProfile> {
        self.catalogue.with_value(|c| c.profiles.clone())
    }

    pub fn profile(&self) -> TargetProfile {
        let id = self.profile_id.get();
        self.catalogue.with_value(|c| c.profile(&id).unwrap_or(&c.profiles[0]).clone())
    }
}
