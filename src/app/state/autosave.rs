//! Autosave: every change to the current assessment is saved once the page has been
//! redrawn, and at once before leaving the page or opening another assessment.

use gloo_events::EventListener;
use leptos::prelude::*;

use super::AppState;
use crate::app::platform::clock::now_iso;
use crate::app::platform::storage::{self, Saved, Settings};
use crate::domain::model::firm::FirmProfile;
use crate::domain::model::text::{Lang, Text};
use crate::domain::read::answers_file::AnswersFile;

impl AppState {
    /// A change to the current assessment is saved after the next frame, so that
    /// serialising and storing it never delays showing the new results; several changes
    /// within a frame are saved once.
    pub(super) fn autosave(&self) {
        let state = *self;
        Effect::new(move |_| {
            state.track_saved();
            if !state.save_pending.get_value() {
                state.save_pending.set_value(true);
                request_animation_frame(move || {
                    set_timeout(move || state.save_now(), std::time::Duration::ZERO)
                });
            }
        });
    }

    /// Leaving the page saves what is pending and records where it was scrolled to;
    /// hiding it (another tab or app, a phone's lock screen) saves what is pending.
    pub(super) fn save_on_leaving(&self) {
        let state = *self;
        // Both listen as long as the page lives.
        EventListener::new(&window(), "pagehide", move |_| {
            state.save_now();
            let y = window().scroll_y().unwrap_or(0.0);
            storage::save_scroll(&state.current_id.get_untracked(), y);
        })
        .forget();
        EventListener::new(&document(), "visibilitychange", move |_| state.save_now()).forget();
    }

    /// Writes what is waiting at once: the desk reads storage right after.
    pub fn save_pending(&self) {
        self.save_now();
    }

    /// Writes the current assessment and the settings if a change is waiting; if the
    /// browser refuses, keeps working in memory and says so.
    pub(super) fn save_now(&self) {
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
        // The list shows firm, questionnaire, round, days and answer count: refresh it
        // only when one of those changed, not on every keystroke.
        let shown = |s: &Saved| {
            (
                s.file.firm.name.clone(),
                s.file.questionnaire.id.clone(),
                (s.file.round.clone(), s.file.assessed_on.clone()),
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
            let refused = Text::new(
                "浏览器不允许保存数据（可能是隐私模式或存储已满）：可以继续填写，但关闭页面后答案会丢失，请及时导出。",
                "The browser does not allow saving (private mode or storage full): you can keep working, but answers are lost when the page closes; export them.",
            );
            // Said after what the notice already says (why storage is full, say), once.
            self.notice.update(|notice| match notice {
                Some(n) if !n.text.zh.contains(&refused.zh) => {
                    n.text = Text::new(
                        format!("{} {}", n.text.zh, refused.zh),
                        format!("{} {}", n.text.get(Lang::En), refused.get(Lang::En)),
                    )
                }
                Some(_) => {}
                None => *notice = Some(refused.into()),
            });
        }
    }

    /// Subscribes to everything the saved entry and the settings hold (what `snapshot`
    /// reads, and the language): the autosave runs when any of it changes.
    fn track_saved(&self) {
        use leptos::reactive::graph::ToAnySource;
        for source in [
            self.current_id.to_any_source(),
            self.created_at.to_any_source(),
            self.round.to_any_source(),
            self.assessed_on.to_any_source(),
            self.answers.to_any_source(),
            self.firm.to_any_source(),
            self.profile_id.to_any_source(),
            self.section.to_any_source(),
            self.lang.to_any_source(),
        ] {
            source.track();
        }
        self.derived.questionnaire.track();
    }

    /// The current assessment as it is saved and exported (`track_saved` lists what it reads).
    pub fn snapshot(&self) -> Saved {
        let q = self.q();
        Saved {
            format_version: storage::FORMAT_VERSION,
            id: self.current_id.get(),
            section: self.section.get(),
            scroll_y: 0.0,
            file: AnswersFile {
                round: self.round.get(),
                assessed_on: self.assessed_on.get(),
                ..AnswersFile::new(
                    &q,
                    self.firm.get(),
                    Some(self.profile_id.get()),
                    self.answers.get(),
                    self.created_at.get(),
                    now_iso(),
                )
            },
        }
    }

    pub(super) fn snapshot_untracked(&self) -> Saved {
        untrack(|| self.snapshot())
    }

    /// Brings the list's entry of the current assessment up to date before leaving it
    /// (the autosave refreshes the list only when what it shows changes).
    pub(super) fn stash_current(&self) {
        self.save_now();
        let current = self.snapshot_untracked();
        let f = &current.file;
        if f.answers.values.is_empty() && f.firm == FirmProfile::default() && f.round.is_empty() {
            // Nothing was entered (its date is today's by default): an empty assessment
            // is not worth keeping.
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
}
