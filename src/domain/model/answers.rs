//! A firm's answers, keyed by item id. Numeric fields keep exactly what was typed, so an
//! invalid entry is shown back with its error and never thrown away.

use serde::{Deserialize, Serialize};

use crate::domain::util::sorted_map::{SortedMap, SortedSet};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The raw text of a count or amount field, as typed.
    Typed(String),
    /// The ticked options of a multi-select item (empty: "none of these").
    Selected(SortedSet),
    /// A single choice's option id; `yes`/`no`; or `up`/`flat`/`down`.
    Choice(String),
    /// A level item's level, 1-based.
    Level(u8),
    /// Free text.
    Text(String),
    /// 不适用: the item does not apply to this firm.
    NotApplicable,
    /// 不清楚: the firm does not know.
    Unknown,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    pub values: SortedMap<Answer>,
    /// Answers replaced by "not applicable" or "don't know", kept so that unticking
    /// either brings back what the firm had entered. Always written: the stored form
    /// (`stored`, postcard) is positional.
    #[serde(default)]
    pub set_aside: SortedMap<Answer>,
}

impl Answers {
    pub fn get(&self, item: &str) -> Option<&Answer> {
        self.values.get(item)
    }

    pub fn set(&mut self, item: &str, answer: Answer) {
        self.set_aside.remove(item);
        self.values.insert(item.to_string(), answer);
    }

    /// Answers "not applicable" or "don't know", setting aside what was there.
    pub fn set_special(&mut self, item: &str, special: Answer) {
        if let Some(old) = self.values.insert(item.to_string(), special) {
            if !matches!(old, Answer::NotApplicable | Answer::Unknown) {
                self.set_aside.insert(item.to_string(), old);
            }
        }
    }

    /// Withdraws "not applicable" or "don't know", restoring the answer set aside.
    pub fn clear_special(&mut self, item: &str) {
        self.values.remove(item);
        if let Some(old) = self.set_aside.remove(item) {
            self.values.insert(item.to_string(), old);
        }
    }

    pub fn is_special(&self, item: &str, special: &Answer) -> bool {
        self.values.get(item) == Some(special)
    }

    /// Forgets the answer to one item.
    pub fn clear(&mut self, item: &str) {
        self.values.remove(item);
    }

    pub fn typed(&self, item: &str) -> &str {
        match self.values.get(item) {
            Some(Answer::Typed(s)) => s,
            _ => "",
        }
    }

    pub fn set_typed(&mut self, item: &str, raw: impl Into<String>) {
        self.set(item, Answer::Typed(raw.into()));
    }

    pub fn choice(&self, item: &str) -> Option<&str> {
        match self.values.get(item) {
            Some(Answer::Choice(c)) => Some(c),
            _ => None,
        }
    }

    pub fn level(&self, item: &str) -> Option<u8> {
        match self.values.get(item) {
            Some(Answer::Level(l)) => Some(*l),
            _ => None,
        }
    }

    pub fn selected(&self, item: &str) -> Option<&SortedSet> {
        match self.values.get(item) {
            Some(Answer::Selected(set)) => Some(set),
            _ => None,
        }
    }

    pub fn is_selected(&self, item: &str, option: &str) -> bool {
        self.selected(item).is_some_and(|s| s.contains(option))
    }

    /// Answers a multi-select with "none of these": answered, nothing ticked.
    pub fn select_none(&mut self, item: &str) {
        self.set(item, Answer::Selected(SortedSet::default()));
    }

    /// Whether a multi-select was answered with nothing ticked.
    pub fn is_none_selected(&self, item: &str) -> bool {
        self.selected(item).is_some_and(|s| s.is_empty())
    }

    /// Ticks or unticks one option. Unticking the last option leaves the item
    /// unanswered; "none of these" is said with `select_none`.
    pub fn toggle(&mut self, item: &str, option: &str, on: bool) {
        let mut set = self.selected(item).cloned().unwrap_or_default();
        if on {
            set.insert(option.to_string());
        } else {
            set.remove(option);
        }
        if set.is_empty() && !on {
            self.clear(item);
        } else {
            self.set(item, Answer::Selected(set));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_applicable_sets_the_typed_text_aside_and_gives_it_back() {
        let mut a = Answers::default();
        a.set_typed("x", "12");
        a.set_special("x", Answer::NotApplicable);
        assert_eq!(a.get("x"), Some(&Answer::NotApplicable));
        a.set_special("x", Answer::Unknown);
        a.clear_special("x");
        assert_eq!(a.typed("x"), "12");
        assert!(a.set_aside.is_empty());
    }

    #[test]
    fn a_multi_select_can_be_none_ticked_or_unanswered() {
        let mut a = Answers::default();
        a.toggle("m", "o1", true);
        a.toggle("m", "o2", true);
        a.toggle("m", "o1", false);
        assert!(a.is_selected("m", "o2") && !a.is_selected("m", "o1"));
        a.toggle("m", "o2", false);
        assert_eq!(a.get("m"), None);
        a.select_none("m");
        assert!(a.is_none_selected("m"));
    }
}
