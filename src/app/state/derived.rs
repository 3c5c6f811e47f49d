//! The questionnaire in use and the results, derived from the state's signals: each
//! memo recomputes only when what it reads changes.

use std::sync::Arc;

use leptos::prelude::*;

use super::questionnaires::{LoadedFile, QRef};
use super::AppState;
use crate::builtin::Catalogue;
use crate::charts::dimension_chart::dimension_chart_svg;
use crate::charts::gap_chart::gap_chart_svg;
use crate::charts::radar::radar_svg;
use crate::domain::compute::assessment::{assess, Assessment};
use crate::domain::model::answers::Answers;
use crate::domain::model::firm::FirmProfile;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::Lang;
use crate::domain::report::{
    dimension_rows, indicator_rows, next_level_name, DimensionRow, IndicatorRow,
};

/// What the memos read.
pub(super) struct Inputs {
    pub builtin: RwSignal<Vec<Arc<Questionnaire>>>,
    pub custom: RwSignal<Vec<LoadedFile>>,
    pub catalogue: StoredValue<Arc<Catalogue>>,
    pub questionnaire_id: RwSignal<String>,
    pub profile_id: RwSignal<String>,
    pub answers: RwSignal<Answers>,
    pub firm: RwSignal<FirmProfile>,
    pub lang: RwSignal<Lang>,
}

#[derive(Clone, Copy)]
pub(super) struct Derived {
    pub questionnaire: Memo<QRef>,
    pub assessment: Memo<Assessment>,
    pub rows: Memo<Vec<IndicatorRow>>,
    pub chart_svg: Memo<String>,
    /// Dimension rows and their two charts, shared by the results panel and the report.
    pub dims: Memo<Vec<DimensionRow>>,
    pub dimension_svg: Memo<String>,
    pub radar_svg: Memo<String>,
}

pub(super) fn derive(inputs: Inputs) -> Derived {
    let Inputs {
        builtin,
        custom,
        catalogue,
        questionnaire_id,
        profile_id,
        answers,
        firm,
        lang,
    } = inputs;
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
    let dims = Memo::new(move |_| {
        questionnaire.with(|q| assessment.with(|a| dimension_rows(&q.0, a, lang.get())))
    });
    let next_level = Memo::new(move |_| {
        questionnaire.with(|q| assessment.with(|a| next_level_name(&q.0, a, lang.get())))
    });
    let dimension_svg = Memo::new(move |_| {
        dims.with(|d| next_level.with(|n| dimension_chart_svg(d, n, lang.get())))
    });
    let radar_svg = Memo::new(move |_| dims.with(|d| radar_svg(d, lang.get())));
    Derived {
        questionnaire,
        assessment,
        rows,
        chart_svg,
        dims,
        dimension_svg,
        radar_svg,
    }
}

impl AppState {
    /// The questionnaire in use, compared by identity.
    pub fn questionnaire(&self) -> Memo<QRef> {
        self.derived.questionnaire
    }

    /// The questionnaire in use (cheap: an `Arc`).
    pub fn q(&self) -> Arc<Questionnaire> {
        self.derived.questionnaire.with(|q| q.0.clone())
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

    /// The dimensions as displayed.
    pub fn dims(&self) -> Memo<Vec<DimensionRow>> {
        self.derived.dims
    }

    /// The dimension bars (SVG).
    pub fn dimension_svg(&self) -> Memo<String> {
        self.derived.dimension_svg
    }

    /// The dimension radar (SVG).
    pub fn radar_svg(&self) -> Memo<String> {
        self.derived.radar_svg
    }
}
