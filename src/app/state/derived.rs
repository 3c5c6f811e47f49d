//! The questionnaire in use and the results derived from it (`app::results::Results`, the
//! memos the desk's report derives too), with the state's accessors for them.

use std::sync::Arc;

use leptos::prelude::*;

use super::questionnaires::LoadedFile;
use super::AppState;
use crate::app::results::{QRef, Results};
use crate::domain::compute::assessment::Assessment;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::report::IndicatorRow;

/// The questionnaire in use: a built-in one or a file's, by id (the default one when
/// neither has it).
pub(super) fn questionnaire_in_use(
    builtin: RwSignal<Vec<Arc<Questionnaire>>>,
    custom: RwSignal<Vec<LoadedFile>>,
    questionnaire_id: RwSignal<String>,
) -> Memo<QRef> {
    Memo::new(move |_| {
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
    })
}

impl AppState {
    /// The results of the assessment being filled in, for the components that show them.
    pub fn results(&self) -> Results {
        self.derived
    }

    /// The questionnaire in use, compared by identity.
    pub fn questionnaire(&self) -> Memo<QRef> {
        self.derived.questionnaire
    }

    /// The questionnaire in use (cheap: an `Arc`).
    pub fn q(&self) -> Arc<Questionnaire> {
        self.derived.q()
    }

    /// Everything computed from the current assessment (`domain::compute::assessment::assess`).
    pub fn assessment(&self) -> Memo<Assessment> {
        self.derived.assessment
    }

    /// The headline indicators as displayed.
    pub fn rows(&self) -> Memo<Vec<IndicatorRow>> {
        self.derived.rows
    }

    /// The gap chart of the headline indicators (SVG).
    pub fn chart_svg(&self) -> Memo<String> {
        self.derived.chart_svg
    }
}
