//! An assessment the app hands the desk (`ToDesk::Report`, `ToDesk::Live`: a snapshot of
//! the one in the form) as the inputs of its `app::results::Results`, derived as the app
//! derives its own, once its questionnaire is here (built in, fetched or read by the desk).

use leptos::prelude::*;

use super::state::DeskState;
use crate::app::results::{Inputs, QRef, Results};
use crate::domain::model::answers::Answers;
use crate::domain::model::firm::FirmProfile;
use crate::domain::read::answers_file::AnswersFile;

#[derive(Clone, Copy)]
pub struct Snapshot {
    questionnaire_id: RwSignal<String>,
    profile_id: RwSignal<String>,
    answers: RwSignal<Answers>,
    firm: RwSignal<FirmProfile>,
    results: Results,
    desk: DeskState,
}

impl Snapshot {
    pub fn new(desk: DeskState) -> Self {
        let questionnaire_id = RwSignal::new(String::new());
        let catalogue = desk.catalogue();
        let questionnaire = Memo::new(move |_| {
            let id = questionnaire_id.get();
            QRef(desk.questionnaire(&id).unwrap_or_else(|| {
                catalogue.with_value(|c| std::sync::Arc::new(c.questionnaires[0].clone()))
            }))
        });
        let profile_id = RwSignal::new(String::new());
        let answers = RwSignal::new(Answers::default());
        let firm = RwSignal::new(FirmProfile::default());
        let results = Results::new(Inputs {
            questionnaire,
            catalogue,
            profile_id,
            answers,
            firm,
            lang: desk.lang(),
        });
        Snapshot {
            questionnaire_id,
            profile_id,
            answers,
            firm,
            results,
            desk,
        }
    }

    pub fn results(&self) -> Results {
        self.results
    }

    /// Takes `file` as the assessment shown, asking for its questionnaire if it is not here.
    pub fn set(&self, file: AnswersFile) {
        self.desk.load(vec![file.questionnaire.id.clone()]);
        self.profile_id.set(file.target_profile.unwrap_or_default());
        self.answers.set(file.answers);
        self.firm.set(file.firm);
        self.questionnaire_id.set(file.questionnaire.id);
    }

    /// The id of the questionnaire of the assessment shown (untracked).
    pub fn questionnaire_id(&self) -> String {
        self.questionnaire_id.get_untracked()
    }

    /// Whether the questionnaire of the assessment shown is here (tracked).
    pub fn has_questionnaire(&self) -> bool {
        self.desk
            .questionnaire(&self.questionnaire_id.get())
            .is_some()
    }
}
