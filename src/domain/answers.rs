//! A firm's answers, keyed by item id. Numeric fields keep exactly what was typed, so an
//! invalid entry is shown back with its error and never thrown away.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The raw text of a numeric field, as typed.
    Typed(String),
    /// The ticked options of a multi-select item.
    Selected(BTreeSet<String>),
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    #[serde(flatten)]
    pub values: BTreeMap<String, Answer>,
}

impl Answers {
    pub fn typed(&self, item: &str) -> &str {
        match self.values.get(item) {
            Some(Answer::Typed(s)) => s,
            _ => "",
        }
    }

    pub fn selected(&self, item: &str) -> Option<&BTreeSet<String>> {
        match self.values.get(item) {
            Some(Answer::Selected(set)) => Some(set),
            _ => None,
        }
    }

    pub fn is_selected(&self, item: &str, option: &str) -> bool {
        self.selected(item).is_some_and(|s| s.contains(option))
    }

    pub fn set_typed(&mut self, item: &str, raw: impl Into<String>) {
        self.values.insert(item.to_string(), Answer::Typed(raw.into()));
    }

    /// Answers a multi-select with "none of these": answered, nothing ticked.
    pub fn select_none(&mut self, item: &str) {
        self.values.insert(item.to_string(), Answer::Selected(BTreeSet::new()));
    }

    /// Forgets the answer to one item.
    pub fn clear(&mut self, item: &str) {
        self.values.remove(item);
    }

    /// Whether a multi-select was answered with nothing ticked.
    pub fn is_none_selected(&self, item: &str) -> bool {
        self.selected(item).is_some_and(|s| s.is_empty())
    }

    /// Ticks or unticks one option. Unticking the last option leaves the item
    /// unanswered; "none of these" is said with `select_none`.
    pub fn toggle(&mut self, item: &str, option: &str, on: bool) {
        let entry = self
            .values
            .entry(item.to_string())
            .or_insert_with(|| Answer::Selected(BTreeSet::new()));
        if let Answer::Typed(_) = entry {
            *entry = Answer::Selected(BTreeSet::new());
        }
        if let Answer::Selected(set) = entry {
            if on {
                set.insert(option.to_string());
            } else {
                set.remove(option);
                if set.is_empty() {
                    self.values.remove(item);
                }
            }
        }
    }
}
