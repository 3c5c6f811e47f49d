//! What each field shows (its item's view) and how a field changes the answers.

use leptos::prelude::*;

use super::AppState;
use crate::domain::compute::evaluation::{Evaluation, ItemState};
use crate::domain::model::answers::{Answer, Answers};
use crate::domain::model::text::Text;
use crate::domain::util::sorted_map::SortedSet;

/// What one item's field shows: its answer and what the evaluation made of it.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemView {
    pub answer: Option<Answer>,
    pub state: ItemState,
    pub number: Option<f64>,
    pub error: Option<Text>,
}

impl ItemView {
    fn of(id: &str, answers: &Answers, ev: &Evaluation) -> Self {
        ItemView {
            answer: answers.get(id).cloned(),
            state: ev.state(id),
            number: ev.number(id),
            error: ev.field_errors.get(id).cloned(),
        }
    }

    pub fn typed(&self) -> &str {
        match &self.answer {
            Some(Answer::Typed(s)) => s,
            _ => "",
        }
    }

    pub fn choice(&self) -> Option<&str> {
        match &self.answer {
            Some(Answer::Choice(c)) => Some(c),
            _ => None,
        }
    }

    pub fn selected(&self) -> Option<&SortedSet> {
        match &self.answer {
            Some(Answer::Selected(set)) => Some(set),
            _ => None,
        }
    }

    /// Answered "not applicable" or "don't know".
    pub fn is_special(&self) -> bool {
        matches!(self.answer, Some(Answer::NotApplicable | Answer::Unknown))
    }
}

impl AppState {
    /// The view of one item, for its field: it changes only when the item's answer or
    /// evaluation does. It is kept up to date while the calling view lives.
    pub fn item(&self, id: &str) -> ReadSignal<ItemView> {
        let assessment = self.derived.assessment;
        let now = untrack(|| {
            self.answers
                .with(|a| assessment.with(|x| ItemView::of(id, a, &x.evaluation)))
        });
        let view = self.items.try_update_value(|items| {
            let entry = items
                .entry(id.to_string())
                .or_insert_with(|| (0, ArcRwSignal::new(now)));
            entry.0 += 1;
            entry.1.read_only()
        });
        let (items, id) = (self.items, id.to_string());
        on_cleanup(move || {
            items.try_update_value(|items| {
                if let Some(entry) = items.get_mut(&id) {
                    entry.0 -= 1;
                    if entry.0 == 0 {
                        items.remove(&id);
                    }
                }
            });
        });
        ReadSignal::from(view.expect("the app state lives as long as the page"))
    }

    /// Fields read their item's view rather than the answers and the assessment: with
    /// hundreds of fields in a section, waking all of them on every keystroke cost more
    /// than rescoring. After each change, only the views that differ are set.
    pub(super) fn keep_item_views(&self) {
        let state = *self;
        Effect::new(move |_| {
            let changed: Vec<(ArcRwSignal<ItemView>, ItemView)> = state.answers.with(|answers| {
                state.derived.assessment.with(|a| {
                    state.items.with_value(|items| {
                        items
                            .iter()
                            .filter_map(|(id, (_, view))| {
                                let now = ItemView::of(id, answers, &a.evaluation);
                                view.with_untracked(|old| *old != now)
                                    .then(|| (view.clone(), now))
                            })
                            .collect()
                    })
                })
            });
            for (view, now) in changed {
                view.set(now);
            }
        });
    }

    /// Changes the current assessment's answers (every change goes through here).
    fn update_answers(&self, f: impl FnOnce(&mut Answers)) {
        self.answers.update(f);
    }

    /// A number as typed, kept as the text (it is read when the results are derived).
    pub fn set_typed(&self, item: &str, text: String) {
        self.update_answers(|a| a.set_typed(item, text));
    }

    /// A free text; an empty one clears the answer.
    pub fn set_text(&self, item: &str, text: String) {
        self.update_answers(|a| {
            if text.is_empty() {
                a.clear(item)
            } else {
                a.set(item, Answer::Text(text))
            }
        });
    }

    /// A choice, yes/no, trend or level.
    pub fn set_answer(&self, item: &str, answer: Answer) {
        self.update_answers(|a| a.set(item, answer));
    }

    /// Ticks "not applicable" or "don't know" (the answer is set aside) or unticks it
    /// (the answer set aside comes back).
    pub fn set_special(&self, item: &str, special: Answer, on: bool) {
        self.update_answers(|a| {
            if on {
                a.set_special(item, special)
            } else {
                a.clear_special(item)
            }
        });
    }

    /// Ticks or unticks one option of a multiple choice.
    pub fn toggle_option(&self, item: &str, option: &str, on: bool) {
        self.update_answers(|a| a.toggle(item, option, on));
    }

    /// Ticks "none of these" (nothing selected, which is an answer) or unticks it.
    pub fn select_none(&self, item: &str, on: bool) {
        self.update_answers(|a| {
            if on {
                a.select_none(item)
            } else {
                a.clear(item)
            }
        });
    }
}
