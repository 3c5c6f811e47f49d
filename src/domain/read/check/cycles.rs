//! `visible_if` may not depend on itself, directly or through other items.

use std::collections::{BTreeMap, BTreeSet};

use super::{CheckError, Checker};
use crate::domain::model::condition::Condition;

/// Each item's parsed `visible_if` with its offset and field.
pub(super) type Parsed = BTreeMap<String, (Condition, usize, String)>;

impl Checker<'_, '_> {
    /// Reports each cycle once, at the first item (in id order) on it.
    pub(super) fn report_cycles(&mut self, parsed: &Parsed) {
        let mut reported = BTreeSet::new();
        for start in parsed.keys() {
            let mut path = vec![start.clone()];
            if let Some(chain) = find_cycle(start, parsed, &mut path) {
                let key: BTreeSet<String> = chain.iter().cloned().collect();
                if reported.insert(key.into_iter().collect::<Vec<_>>()) {
                    let (_, offset, field) = &parsed[start];
                    self.error(*offset, field, CheckError::ConditionCycle { chain });
                }
            }
        }
    }
}

/// Depth-first search for a path of `visible_if` references back to `path[0]`.
fn find_cycle(current: &str, parsed: &Parsed, path: &mut Vec<String>) -> Option<Vec<String>> {
    let (cond, _, _) = parsed.get(current)?;
    for next in cond.items() {
        if next == path[0] {
            let mut cycle = path.clone();
            cycle.push(next.to_string());
            return Some(cycle);
        }
        if path.iter().any(|p| p == next) {
            continue; // a cycle not through the start; found when starting from it
        }
        path.push(next.to_string());
        if let Some(c) = find_cycle(next, parsed, path) {
            return Some(c);
        }
        path.pop();
    }
    None
}
