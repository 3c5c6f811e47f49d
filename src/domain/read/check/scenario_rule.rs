//! `[scenario_rule]`: the key scenarios are level items; its levels are numbered 1, 2, 3…
//! in order, each with points ≥ 0 and scenario counts that are whole numbers no larger
//! than the scenarios there are.

use std::collections::{BTreeMap, BTreeSet};

use super::{CheckError, Checker};
use crate::domain::model::questionnaire::{Item, ItemKind, ScenarioLevel, ScenarioRule};
use crate::domain::read::raw::RawScenarioRule;
use crate::domain::read::toml_reader::At;

impl Checker<'_, '_> {
    pub(super) fn scenario_rule(
        &mut self,
        raw: &RawScenarioRule,
        items: &BTreeMap<String, Item>,
        sources: &BTreeSet<String>,
    ) -> ScenarioRule {
        for (n, id) in raw.key_scenarios.iter().enumerate() {
            let field = format!("scenario_rule.key_scenarios[{n}]");
            self.item_ref(id, &field, items, &["level"]);
        }
        self.source_ref(&raw.source, "scenario_rule.source", sources);
        let all = items
            .values()
            .filter(|i| matches!(i.kind, ItemKind::Level { points: None, .. }))
            .count();
        let key_all = raw.key_scenarios.len();
        let mut levels = Vec::new();
        for (n, l) in raw.levels.iter().enumerate() {
            let field = format!("scenario_rule.levels[{n}]");
            if let Some(v) = l.level.as_ref().filter(|v| v.value != (n + 1) as f64) {
                let e = CheckError::LevelNumberOutOfOrder { expected: n + 1 };
                self.error(v.offset, &format!("{field}.level"), e);
            }
            let points = l
                .points
                .as_ref()
                .map_or(0.0, |p| self.non_negative(p, &format!("{field}.points")));
            let count = |c: &mut Self, v: &Option<At<f64>>, key: &str, most: usize| {
                let Some(v) = v else { return 0 };
                let ok = v.value >= 0.0 && v.value.fract() == 0.0 && v.value <= most as f64;
                if !ok {
                    let e = CheckError::ScenarioCountOutOfRange {
                        count: v.value,
                        most,
                    };
                    c.error(v.offset, &format!("{field}.{key}"), e);
                    return 0;
                }
                v.value as usize
            };
            let scenarios = count(self, &l.scenarios, "scenarios", all);
            let key = count(self, &l.key, "key", key_all);
            levels.push(ScenarioLevel {
                level: (n + 1) as u8,
                points,
                scenarios,
                key,
            });
        }
        ScenarioRule {
            key_scenarios: raw.key_scenarios.iter().map(|k| k.value.clone()).collect(),
            levels,
            source: raw.source.value.clone(),
            unverified: raw.unverified,
        }
    }
}
