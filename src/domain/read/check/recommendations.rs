//! `[[recommendations]]`: unique ids, a `when` condition, what they improve, their
//! texts and source.

use std::collections::{BTreeMap, BTreeSet};

use super::conditions::MetricIds;
use super::{CheckError, Checker};
use crate::domain::model::questionnaire::{Item, Recommendation};
use crate::domain::read::raw::RawRecommendation;

impl Checker<'_, '_> {
    /// The recommendations whose `when` parses (the others are reported).
    pub(super) fn recommendations(
        &mut self,
        raw: &[RawRecommendation],
        items: &BTreeMap<String, Item>,
        metric_ids: &MetricIds,
        sources: &BTreeSet<String>,
    ) -> Vec<Recommendation> {
        let mut ids = BTreeSet::new();
        raw.iter()
            .enumerate()
            .filter_map(|(n, rec)| {
                let field = format!("recommendations[{n}]");
                let id = self.id(&rec.id, &format!("{field}.id"));
                if !ids.insert(id.clone()) {
                    let e = CheckError::DuplicateRecommendationId { id: id.clone() };
                    self.error(rec.id.offset, &format!("{field}.id"), e);
                }
                if let Some(s) = &rec.source {
                    self.source_ref(s, &format!("{field}.source"), sources);
                }
                let when =
                    self.condition(&rec.when, &format!("{field}.when"), items, Some(metric_ids));
                let improves = rec
                    .improves
                    .as_ref()
                    .and_then(|imp| self.improves(imp, &format!("{field}.improves"), metric_ids));
                let action = self.text(&rec.action, &format!("{field}.action"));
                let rationale = self.text(&rec.rationale, &format!("{field}.rationale"));
                let measure = rec
                    .measure
                    .as_ref()
                    .map(|m| self.text(m, &format!("{field}.measure")));
                Some(Recommendation {
                    id,
                    when: when?,
                    improves,
                    action,
                    rationale,
                    measure,
                    source: rec.source.as_ref().map(|s| s.value.trim().to_string()),
                })
            })
            .collect()
    }
}
