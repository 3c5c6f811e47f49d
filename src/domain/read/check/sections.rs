//! `[[sections]]` and their dimensions: each has an id, a title, at least one child,
//! and points that add up (in a points questionnaire).

use std::collections::BTreeSet;

use super::{CheckError, Checker};
use crate::domain::model::questionnaire::{Dimension, Item, Scoring, Section};
use crate::domain::read::raw::{RawDimension, RawQuestionnaireFile};

impl Checker<'_, '_> {
    pub(super) fn sections(
        &mut self,
        raw: &RawQuestionnaireFile,
        scoring: Scoring,
        sources: &BTreeSet<String>,
    ) -> Vec<Section> {
        let mut sections = Vec::new();
        for (n, s) in raw.sections.iter().enumerate() {
            let field = format!("sections[{n}]");
            let id = self.unique_id(&s.id, &format!("{field}.id"));
            let title = self.text(&s.title, &format!("{field}.title"));
            let dimensions: Vec<Dimension> = s
                .dimensions
                .iter()
                .enumerate()
                .map(|(m, d)| {
                    let field = format!("{field}.dimensions[{m}]");
                    self.dimension(d, &field, scoring, sources)
                })
                .collect();
            let points = self.declared_points(
                s.points.as_ref(),
                &format!("{field}.points"),
                dimensions.iter().map(|d| d.points).sum(),
                scoring == Scoring::Points,
                |declared, dimension_points| CheckError::SectionPointsMismatch {
                    declared,
                    dimension_points,
                },
            );
            if s.dimensions.is_empty() {
                let e = CheckError::SectionWithoutDimensions;
                self.error(s.offset, &format!("{field}.dimensions"), e);
            }
            sections.push(Section {
                id,
                title,
                points,
                dimensions,
            });
        }
        if raw.sections.is_empty() {
            let at = raw.meta.as_ref().map_or(raw.offset, |m| m.offset);
            self.error(at, "sections", CheckError::NoSections);
        }
        sections
    }

    fn dimension(
        &mut self,
        d: &RawDimension,
        field: &str,
        scoring: Scoring,
        sources: &BTreeSet<String>,
    ) -> Dimension {
        let id = self.unique_id(&d.id, &format!("{field}.id"));
        let title = self.text(&d.title, &format!("{field}.title"));
        let items: Vec<Item> = d
            .items
            .iter()
            .enumerate()
            .map(|(k, item)| self.item(item, &format!("{field}.items[{k}]"), sources))
            .collect();
        let points = self.declared_points(
            d.points.as_ref(),
            &format!("{field}.points"),
            items.iter().map(|i| i.kind.max_points()).sum(),
            scoring == Scoring::Points,
            |declared, item_maxima| CheckError::DimensionPointsMismatch {
                declared,
                item_maxima,
            },
        );
        let weight = match &d.weight {
            Some(w) if w.value <= 0.0 => {
                let e = CheckError::NonPositiveWeight;
                self.error(w.offset, &format!("{field}.weight"), e);
                1.0
            }
            Some(w) => w.value,
            None => 1.0,
        };
        if d.items.is_empty() {
            let e = CheckError::DimensionWithoutItems;
            self.error(d.offset, &format!("{field}.items"), e);
        }
        Dimension {
            id,
            title,
            points,
            weight,
            items,
        }
    }
}
