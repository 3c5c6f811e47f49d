//! The results of one assessment as memos, derived from its inputs (questionnaire, answers,
//! firm, target profile, language): what the results panel, the dashboard's components and
//! the printed report read. The app's state derives them from the assessment being filled
//! in; the desk derives its own for the report it prints, from the snapshot the app hands it
//! (`domain::wire::desk::ToDesk::Report`). Each memo recomputes only when what it reads changes.
//! The dimensions and their charts, which only the scored dashboard shows, are the desk's
//! (`desk::dimensions`), so that the first visit has none of their code.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::state::Reader;
use crate::builtin::Catalogue;
use crate::charts::gap_chart::gap_chart_svg;
use crate::domain::compute::assessment::{assess, Assessment};
use crate::domain::model::answers::Answers;
use crate::domain::model::firm::FirmProfile;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
use crate::domain::model::text::Lang;
use crate::domain::report::{indicator_rows, IndicatorRow};

/// A questionnaire compared by identity: memos holding it change only when it is swapped.
#[derive(Clone, Debug)]
pub struct QRef(pub Arc<Questionnaire>);

impl PartialEq for QRef {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What the memos read: the questionnaire chosen by its owner, the rest as signals.
pub struct Inputs {
    pub questionnaire: Memo<QRef>,
    pub catalogue: StoredValue<Arc<Catalogue>>,
    pub profile_id: RwSignal<String>,
    pub answers: RwSignal<Answers>,
    pub firm: RwSignal<FirmProfile>,
    pub lang: RwSignal<Lang>,
}

#[derive(Clone, Copy)]
pub struct Results {
    pub lang: Reader<Lang>,
    pub questionnaire: Memo<QRef>,
    catalogue: StoredValue<Arc<Catalogue>>,
    profile_id: Reader<String>,
    pub firm: Reader<FirmProfile>,
    pub answers: Reader<Answers>,
    pub assessment: Memo<Assessment>,
    /// The headline indicators as displayed, and their gap chart (SVG).
    pub rows: Memo<Vec<IndicatorRow>>,
    pub chart_svg: Memo<String>,
}

impl Results {
    pub fn new(inputs: Inputs) -> Self {
        let Inputs {
            questionnaire,
            catalogue,
            profile_id,
            answers,
            firm,
            lang,
        } = inputs;
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
        Results {
            lang: Reader::from(lang),
            questionnaire,
            catalogue,
            profile_id: Reader::from(profile_id),
            firm: Reader::from(firm),
            answers: Reader::from(answers),
            assessment,
            rows,
            chart_svg,
        }
    }

    /// The questionnaire (cheap: an `Arc`; tracked).
    pub fn q(&self) -> Arc<Questionnaire> {
        self.questionnaire.with(|q| q.0.clone())
    }

    /// The target profile compared with (tracked; the first one when its id is unknown).
    pub fn profile(&self) -> TargetProfile {
        let id = self.profile_id.get();
        self.catalogue
            .with_value(|c| c.profile(&id).unwrap_or(&c.profiles[0]).clone())
    }

    /// Whether the questionnaire has points and levels (tracked).
    pub fn is_scored(&self) -> bool {
        self.questionnaire
            .with(|q| crate::domain::compute::scoring::is_scored(&q.0))
    }
}
