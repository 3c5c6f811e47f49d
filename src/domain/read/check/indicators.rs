//! `[[indicators]]`: a percentage computed from items of the right kinds, with a source.

use std::collections::{BTreeMap, BTreeSet};

use super::{CheckError, Checker};
use crate::domain::model::questionnaire::{Formula, Indicator, Item};
use crate::domain::read::raw::RawIndicator;

impl Checker<'_, '_> {
    pub(super) fn indicators(
        &mut self,
        raw: &[RawIndicator],
        items: &BTreeMap<String, Item>,
        sources: &BTreeSet<String>,
    ) -> Vec<Indicator> {
        raw.iter()
            .enumerate()
            .map(|(n, ind)| self.indicator(ind, &format!("indicators[{n}]"), items, sources))
            .collect()
    }

    fn indicator(
        &mut self,
        ind: &RawIndicator,
        field: &str,
        items: &BTreeMap<String, Item>,
        sources: &BTreeSet<String>,
    ) -> Indicator {
        let id = self.unique_id(&ind.id, &format!("{field}.id"));
        if ind.unit.value != "%" {
            let e = CheckError::IndicatorUnitNotPercent;
            self.error(ind.unit.offset, &format!("{field}.unit"), e);
        }
        self.source_ref(&ind.source, &format!("{field}.source"), sources);
        let formula = match (
            &ind.numerator,
            &ind.denominator,
            &ind.selected_of,
            &ind.yes_no,
        ) {
            (Some(num), Some(den), None, None) => {
                self.item_ref(num, &format!("{field}.numerator"), items, &["count"]);
                self.item_ref(den, &format!("{field}.denominator"), items, &["count"]);
                Formula::Ratio {
                    numerator: num.value.clone(),
                    denominator: den.value.clone(),
                }
            }
            (None, None, Some(item), None) => {
                let f = format!("{field}.selected_of");
                self.item_ref(item, &f, items, &["multi_select"]);
                Formula::SelectedShare {
                    item: item.value.clone(),
                }
            }
            (None, None, None, Some(item)) => {
                self.item_ref(item, &format!("{field}.yes_no"), items, &["yes_no"]);
                Formula::YesNo {
                    item: item.value.clone(),
                }
            }
            _ => {
                self.error(ind.offset, field, CheckError::IndicatorFormula);
                Formula::SelectedShare {
                    item: String::new(),
                }
            }
        };
        Indicator {
            id,
            name: self.text(&ind.name, &format!("{field}.name")),
            unit: ind.unit.value.clone(),
            formula,
            definition: self.text(&ind.definition, &format!("{field}.definition")),
            source: ind.source.value.trim().to_string(),
            unverified: ind.unverified,
        }
    }
}
