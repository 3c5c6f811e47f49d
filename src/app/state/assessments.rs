//! The assessments kept on this device: the list, the current one, and opening,
//! starting, duplicating (a re-assessment: the same firm, the next round), renaming,
//! deleting them, and saving what the desk imported; the section shown; the current one's round and date;
//! the answers a switch of questionnaire can carry over.

use leptos::prelude::*;

use super::{AppState, Notice, Reader};
use crate::app::platform::clock::{new_id, now_iso, today};
use crate::app::platform::files::upgrade_answers;
use crate::app::platform::storage::{self, Saved};
use crate::domain::compute::carry_over::{add_missing, carry_over};
use crate::domain::model::answers::Answers;
use crate::domain::model::firm::FirmProfile;
use crate::domain::model::record::next_round;
use crate::domain::model::targets::default_profile;
use crate::domain::model::text::{Lang, Text};

impl AppState {
    /// Every assessment kept on this device, the most recent first.
    pub fn saved(&self) -> Reader<Vec<Saved>> {
        Reader(self.saved)
    }

    /// The id of the assessment being filled in.
    pub fn current_id(&self) -> Reader<String> {
        Reader(self.current_id)
    }

    /// The current assessment's answers.
    pub fn answers(&self) -> Reader<Answers> {
        Reader(self.answers)
    }

    /// The section shown, by index.
    pub fn section(&self) -> Reader<usize> {
        Reader(self.section)
    }

    pub fn go_to_section(&self, index: usize) {
        self.section.set(index);
    }

    /// The current assessment's round ("2025 基线", "T1"), or empty; it and the day
    /// assessed are set as fields of the firm section (`set_firm_field`).
    pub fn round(&self) -> Reader<String> {
        Reader(self.round)
    }

    /// The answers a switch of questionnaire left behind that the new one shares,
    /// offered to carry over (none: no offer).
    pub fn carry_offer(&self) -> Reader<Answers> {
        Reader(self.carry_offer)
    }

    /// Carries over the shared answers the switch left behind, where the new assessment
    /// has no answer yet.
    pub fn carry_over_answers(&self) {
        let carried = self.carry_offer.get_untracked();
        self.answers.update(|a| add_missing(a, &carried));
        self.carry_offer.set(Answers::default());
    }

    /// Keeps the section index valid when the questionnaire changes.
    pub(super) fn keep_section_in_range(&self) {
        let state = *self;
        Effect::new(move |_| {
            let n = state.derived.questionnaire.with(|q| q.0.sections.len());
            if state.section.get() >= n {
                state.section.set(0);
            }
        });
    }

    /// Opens the assessment that was current when the page was last left, once its
    /// questionnaire is loaded, scrolled back to where the user was.
    pub(super) fn reopen(&self, saved: Saved) {
        self.with_questionnaire(
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

    /// Makes a saved assessment the current one, once its questionnaire is loaded.
    pub fn open(&self, saved: &Saved) {
        let saved = saved.clone();
        self.with_questionnaire(
            saved.file.questionnaire.id.clone(),
            false,
            Box::new(move |state| state.open_loaded(&saved)),
        );
    }

    /// Opens the saved assessment `id` (asked for by the desk), if it is in the list.
    pub fn open_saved(&self, id: &str) {
        if let Some(saved) = self
            .saved
            .with_untracked(|l| l.iter().find(|s| s.id == id).cloned())
        {
            self.open(&saved);
        }
    }

    fn open_loaded(&self, saved: &Saved) {
        let f = &saved.file;
        let known = self.find_questionnaire(&f.questionnaire.id).is_some();
        if !known {
            self.notice.set(Some(
                Text::new(
                    format!(
                        "评估“{}”所用的问卷“{}”不在本机，无法打开。",
                        f.firm.name, f.questionnaire.id
                    ),
                    format!(
                        "Assessment \"{}\" uses questionnaire \"{}\", which is not on this device.",
                        f.firm.name, f.questionnaire.id
                    ),
                )
                .into(),
            ));
            return;
        }
        // Answers of an earlier version of the questionnaire are converted (in the files
        // worker, which has the conversion tables), and the notice says what that changed.
        let outdated = self
            .find_questionnaire(&f.questionnaire.id)
            .is_some_and(|q| q.version != f.questionnaire.version);
        let source = self.questionnaire_source(&f.questionnaire.id);
        if let (true, Some(source)) = (outdated, source) {
            let (state, saved) = (*self, saved.clone());
            let f = &saved.file;
            return upgrade_answers(
                f.answers.clone(),
                f.questionnaire.version.clone(),
                source,
                move |done| match done {
                    Ok(Ok(upgraded)) => state.show_loaded(&saved, upgraded),
                    Ok(Err(why)) => state.notice.set(Some(not_converted(&saved, &why).into())),
                    Err(failure) => state
                        .notice
                        .set(Some(not_converted(&saved, &failure.text()).into())),
                },
            );
        }
        self.show_loaded(saved, None);
    }

    /// Makes `saved` the current assessment, with its answers converted from an earlier
    /// version and the notice saying what that changed, if it was.
    fn show_loaded(&self, saved: &Saved, upgraded: Option<(Answers, Text)>) {
        let f = &saved.file;
        self.stash_current();
        self.carry_offer.set(Answers::default());
        self.current_id.set(saved.id.clone());
        self.created_at.set(f.created_at.clone());
        self.round.set(f.round.clone());
        self.assessed_on.set(f.assessed_on.clone());
        self.questionnaire_id.set(f.questionnaire.id.clone());
        match upgraded {
            Some((answers, notice)) => {
                self.answers.set(answers);
                self.notice.set(Some(notice.into()));
            }
            None => self.answers.set(f.answers.clone()),
        }
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

    /// Starts an empty assessment on the questionnaire in use; the current one stays saved.
    pub fn new_assessment(&self) {
        let q = self.questionnaire_id.get_untracked();
        self.start_new(q);
    }

    /// Starts an empty assessment with the given questionnaire; the current one stays saved.
    pub(super) fn start_new(&self, questionnaire_id: String) {
        self.stash_current();
        self.blank_current(questionnaire_id);
    }

    /// Makes an empty assessment the current one, without keeping the one it replaces
    /// (`start_new` keeps it; `delete` must not).
    /// It starts from the default target profile (no region yet: national), dated today.
    fn blank_current(&self, questionnaire_id: String) {
        self.carry_offer.set(Answers::default());
        self.current_id.set(new_id());
        self.created_at.set(now_iso());
        self.round.set(String::new());
        self.assessed_on.set(today());
        self.questionnaire_id.set(questionnaire_id);
        self.answers.set(Answers::default());
        self.firm.set(FirmProfile::default());
        if let Some(p) = self
            .catalogue
            .with_value(|c| default_profile(&c.profiles, "").map(|p| p.id.clone()))
        {
            self.profile_id.set(p);
        }
        self.section.set(0);
    }

    /// Switching questionnaire keeps what was entered: with answers, it starts a new
    /// assessment (for the same firm, round, date and target profile) and the old one
    /// stays in the list; the answers the two questionnaires share are offered to carry
    /// over, not carried unasked.
    pub(super) fn switch_questionnaire(&self, id: String) {
        if self.answers.with_untracked(|a| a.values.is_empty()) {
            self.section.set(0);
            self.questionnaire_id.set(id);
            return;
        }
        let from = untrack(|| self.q());
        let shared = self.find_questionnaire(&id).map(|to| {
            self.answers
                .with_untracked(|a| carry_over(&from, &to, a).answers)
        });
        let kept = (
            self.firm.get_untracked(),
            self.round.get_untracked(),
            self.assessed_on.get_untracked(),
            self.profile_id.get_untracked(),
        );
        self.start_new(id);
        self.firm.set(kept.0);
        self.round.set(kept.1);
        self.assessed_on.set(kept.2);
        self.profile_id.set(kept.3);
        self.carry_offer.set(shared.unwrap_or_default());
    }

    /// Starts a re-assessment of assessment `id`: the same firm, questionnaire, target
    /// profile and answers (to be updated), the next round (editable), dated today.
    pub fn duplicate(&self, id: &str) {
        // The current assessment's list entry may lag behind: copy what is on screen.
        let current = (id == self.current_id.get_untracked()).then(|| self.snapshot_untracked());
        let Some(mut copy) = current.or_else(|| {
            self.saved
                .with_untracked(|l| l.iter().find(|s| s.id == id).cloned())
        }) else {
            return;
        };
        // A re-assessment: the same firm, the next round, today.
        copy.id = new_id();
        copy.file.round = next_round(&copy.file.round);
        copy.file.assessed_on = today();
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

    /// Deletes a saved assessment, from storage and from the list. Deleting the current
    /// one opens the most recent of the others, or an empty one if there is none.
    pub fn delete(&self, id: &str) {
        // A pending save of the current assessment must not bring it back.
        self.save_now();
        storage::delete(id);
        self.saved.update(|l| l.retain(|s| s.id != id));
        if id == self.current_id.get_untracked() {
            // Not stashed (as `new_assessment` would): its answers must not return to the
            // list, where "open" would bring back what was deleted.
            self.blank_current(self.questionnaire_id.get_untracked());
            if let Some(next) = self.saved.with_untracked(|l| l.first().cloned()) {
                self.open(&next);
            }
        }
    }

    /// Saves what an import brought (read and checked by the desk in the files worker):
    /// each entry under its id, added or replacing the saved one (the user confirmed);
    /// the assessment in the form, if replaced, is reopened with the new answers, and
    /// `open` (one file imported) is opened. Then says how it went.
    pub fn store_imported(&self, entries: Vec<Saved>, open: Option<String>, notice: Notice) {
        // A pending save of the current assessment must not overwrite what replaces it.
        self.save_now();
        let current = self.current_id.get_untracked();
        let mut failed = false;
        for s in &entries {
            failed |= storage::save(s).is_err();
        }
        self.saved.update(|list| {
            for s in entries.iter().rev() {
                list.retain(|x| x.id != s.id);
                list.insert(0, s.clone());
            }
        });
        // The form's assessment, untouched (as a fresh page has it), is not listed beside
        // what was imported: as when another is opened, an empty one is not kept (the
        // next keystroke saves it).
        let untouched = {
            let f = self.snapshot_untracked().file;
            f.answers.values.is_empty() && f.firm == FirmProfile::default() && f.round.is_empty()
        };
        if untouched && !entries.iter().any(|s| s.id == current) {
            storage::delete(&current);
            self.saved.update(|list| list.retain(|s| s.id != current));
        }
        let reopen = open
            .or_else(|| {
                entries
                    .iter()
                    .any(|s| s.id == current)
                    .then_some(current.clone())
            })
            .and_then(|id| entries.into_iter().find(|s| s.id == id));
        if let Some(saved) = reopen {
            if saved.id == current {
                // Replaced: nothing of the old answers is stashed back over it.
                self.blank_current(saved.file.questionnaire.id.clone());
            }
            self.open(&saved);
        }
        self.notice.set(Some(if failed {
            Text::new(
                "导入的评估未能全部保存：浏览器存储已满或被禁用。",
                "Not every imported assessment could be saved: the browser's storage is full or disabled.",
            )
            .into()
        } else {
            notice
        }));
    }
}

/// Why `saved` was not opened: its answers of an earlier version could not be converted
/// now (it stays saved as it was).
fn not_converted(saved: &Saved, why: &Text) -> Text {
    let f = &saved.file;
    Text::new(
        format!(
            "评估“{}”来自问卷的较早版本（{}），现在无法转换（{}），暂未打开；它仍原样保存，稍后再试。",
            f.firm.name, f.questionnaire.version, why.zh
        ),
        format!(
            "Assessment \"{}\" is of an earlier version of its questionnaire ({}) and cannot be converted just now ({}), so it was not opened; it stays saved as it was. Try again later.",
            f.firm.name,
            f.questionnaire.version,
            why.get(Lang::En)
        ),
    )
}
