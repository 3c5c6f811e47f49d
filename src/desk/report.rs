//! The report the app asks for (`ToDesk::Report`): the snapshot of the assessment in the
//! form (`desk::snapshot`), drawn into the app's `#report-root` once its questionnaire is
//! here, and printed when asked.

use leptos::prelude::*;

use super::snapshot::Snapshot;
use super::state::DeskState;
use crate::app::platform::storage::Saved;
use crate::app::results::{Inputs, QRef, Results};

#[derive(Clone, Copy)]
pub struct ReportState {
    /// Whether a report is asked for.
    shown: RwSignal<bool>,
    snapshot: Snapshot,
    /// Print once the report is drawn.
    print_pending: StoredValue<bool>,
    /// The assessments whose reports are printed as one document (a consultant's
    /// selection), until printed; empty: none.
    batch: RwSignal<Vec<Saved>>,
    desk: DeskState,
}

impl ReportState {
    pub fn new(desk: DeskState) -> Self {
        ReportState {
            shown: RwSignal::new(false),
            snapshot: Snapshot::new(desk),
            print_pending: StoredValue::new(false),
            batch: RwSignal::new(Vec::new()),
            desk,
        }
    }

    pub fn results(&self) -> Results {
        self.snapshot.results()
    }

    /// Shows the report of `assessment`, or none; prints it once drawn if `print` (a
    /// request to print is kept until then, whatever is asked in between but "none").
    pub fn show(&self, assessment: Option<Box<Saved>>, print: bool) {
        let Some(saved) = assessment else {
            self.print_pending.set_value(false);
            return self.shown.set(false);
        };
        // The browser's print (`beforeprint`) while one of the desk's views is printed
        // prints that view: the firm's report is not drawn behind it (its running header
        // and the page's title would replace the view's).
        if !print && super::print_view::printing_view() {
            return;
        }
        let f = saved.file;
        let drawn =
            untrack(|| self.ready()) && self.snapshot.questionnaire_id() == f.questionnaire.id;
        self.snapshot.set(f);
        self.shown.set(true);
        if print {
            self.print_pending.set_value(true);
            if drawn {
                // Redrawn in place with these answers before the next frame.
                self.drawn();
            }
        }
    }

    /// Whether a report is asked for and its questionnaire is here (tracked).
    pub fn ready(&self) -> bool {
        self.shown.get() && self.snapshot.has_questionnaire()
    }

    /// Whether a report is asked for whose questionnaire is still on its way (tracked).
    pub fn waiting(&self) -> bool {
        self.shown.get() && !self.ready()
    }

    /// Prints the reports of `assessments` as one document, each from a page of its own,
    /// once their questionnaires are here; they are taken away after printing.
    pub fn print_batch(&self, assessments: Vec<Saved>) {
        self.desk.load(
            assessments
                .iter()
                .map(|s| s.file.questionnaire.id.clone())
                .collect(),
        );
        self.batch.set(assessments);
        let batch = self.batch;
        // The listener goes once it has run.
        gloo_events::EventListener::once(&window(), "afterprint", move |_| batch.set(Vec::new()))
            .forget();
    }

    /// Whether a batch is asked for and every questionnaire of it is here (tracked).
    pub fn batch_ready(&self) -> bool {
        self.batch.with(|list| {
            !list.is_empty()
                && list
                    .iter()
                    .all(|s| self.desk.questionnaire(&s.file.questionnaire.id).is_some())
        })
    }

    /// The results of each assessment of the batch, as its report reads them (untracked:
    /// drawn once for the print).
    pub fn batch_results(&self) -> Vec<Results> {
        let (desk, lang) = (self.desk, self.desk.lang());
        self.batch.with_untracked(|list| {
            list.iter()
                .filter_map(|s| {
                    let q = QRef(desk.questionnaire(&s.file.questionnaire.id)?);
                    let f = s.file.clone();
                    Some(Results::new(Inputs {
                        questionnaire: Memo::new(move |_| q.clone()),
                        catalogue: desk.catalogue(),
                        profile_id: RwSignal::new(f.target_profile.unwrap_or_default()),
                        answers: RwSignal::new(f.answers),
                        firm: RwSignal::new(f.firm),
                        lang,
                    }))
                })
                .collect()
        })
    }

    /// Called once the batch has been drawn: prints it after the frame that lays it out.
    pub fn batch_drawn(&self) {
        request_animation_frame(|| {
            let _ = window().print();
        });
    }

    /// Called once the report has been drawn: prints it if that was asked.
    pub fn drawn(&self) {
        if self.print_pending.get_value() {
            self.print_pending.set_value(false);
            // After the frame that lays the report out.
            request_animation_frame(|| {
                let _ = window().print();
            });
        }
    }
}
