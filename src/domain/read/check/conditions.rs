//! Conditions: an item's `visible_if` (answers only) and a recommendation's `when` and
//! `improves` (answers and result figures). Each is parsed, and what it names must exist
//! and be compared with a value that fits.

use std::collections::{BTreeMap, BTreeSet};

use super::messages::MetricKind;
use super::{CheckError, Checker};
use crate::domain::model::condition::{Condition, Metric, Rhs, Value};
use crate::domain::model::questionnaire::{Direction, Indicator, Item, ItemKind, Section};
use crate::domain::read::condition_parser::{parse_condition, ConditionError};
use crate::domain::read::raw::RawItem;
use crate::domain::read::toml_reader::At;

/// The ids result figures in a recommendation may name.
pub(super) struct MetricIds {
    indicators: BTreeSet<String>,
    dimensions: BTreeSet<String>,
    sections: BTreeSet<String>,
}

impl MetricIds {
    pub(super) fn of(indicators: &[Indicator], sections: &[Section]) -> Self {
        MetricIds {
            indicators: indicators.iter().map(|i| i.id.clone()).collect(),
            dimensions: sections
                .iter()
                .flat_map(|s| &s.dimensions)
                .map(|d| d.id.clone())
                .collect(),
            sections: sections.iter().map(|s| s.id.clone()).collect(),
        }
    }
}

impl Checker<'_, '_> {
    /// Parses every `visible_if`, checks its references, and refuses cycles.
    pub(super) fn visible_if(
        &mut self,
        raw_items: &[(String, &RawItem)],
        items: &BTreeMap<String, Item>,
    ) -> BTreeMap<String, Condition> {
        let mut parsed: BTreeMap<String, (Condition, usize, String)> = BTreeMap::new();
        for (field, raw) in raw_items {
            let Some(src) = &raw.visible_if else { continue };
            let f = format!("{field}.visible_if");
            if let Some(cond) = self.condition(src, &f, items, None) {
                parsed.insert(raw.id.value.clone(), (cond, src.offset, f));
            }
        }
        self.report_cycles(&parsed);
        parsed.into_iter().map(|(id, (c, _, _))| (id, c)).collect()
    }

    /// A condition parsed and its references checked; None after a syntax error.
    /// `metrics` holds the ids result figures may name; None where they are not allowed
    /// (`visible_if`).
    pub(super) fn condition(
        &mut self,
        src: &At<String>,
        field: &str,
        items: &BTreeMap<String, Item>,
        metrics: Option<&MetricIds>,
    ) -> Option<Condition> {
        match parse_condition(&src.value) {
            Err(problem) => {
                // The string's content starts one byte after its opening quote.
                let at = src.offset + 1 + problem.offset();
                let e = match problem {
                    ConditionError::Syntax(reason) => CheckError::InvalidCondition { reason },
                    ConditionError::TooLong { bytes } => CheckError::ConditionTooLong { bytes },
                    ConditionError::TooDeep { .. } => CheckError::ConditionTooDeep,
                    ConditionError::TooManyTerms { .. } => CheckError::ConditionTooManyTerms,
                };
                self.error(at, field, e);
                None
            }
            Ok(cond) => {
                self.condition_refs(&cond, src, field, items, metrics);
                Some(cond)
            }
        }
    }

    /// `improves = "dimension(x)"`, `"section(x)"` or `"indicator(x)"`.
    pub(super) fn improves(
        &mut self,
        src: &At<String>,
        field: &str,
        ids: &MetricIds,
    ) -> Option<Metric> {
        // Parsed as the left side of a comparison, the grammar's only place for a metric.
        let parsed = parse_condition(&format!("{} > 0", src.value));
        let metric = match parsed {
            Ok(Condition::Metric {
                left: m @ (Metric::Dimension(_) | Metric::Section(_) | Metric::Indicator(_)),
                ..
            }) => m,
            _ => {
                self.error(src.offset, field, CheckError::ImprovesNotMetric);
                return None;
            }
        };
        let (known, id) = match &metric {
            Metric::Dimension(x) => (ids.dimensions.contains(x), x),
            Metric::Section(x) => (ids.sections.contains(x), x),
            Metric::Indicator(x) => (ids.indicators.contains(x), x),
            _ => return None,
        };
        if !known {
            let at = src.offset + 1 + src.value.find(id.as_str()).unwrap_or(0);
            self.error(at, field, CheckError::ImprovesUnknownId { id: id.clone() });
        }
        Some(metric)
    }

    /// Checks what a condition refers to.
    fn condition_refs(
        &mut self,
        cond: &Condition,
        src: &At<String>,
        field: &str,
        items: &BTreeMap<String, Item>,
        metrics: Option<&MetricIds>,
    ) {
        // Point at the reference inside the string where it can be found.
        let at = |name: &str| src.offset + 1 + src.value.find(name).unwrap_or(0);
        match cond {
            Condition::Metric { left, right, .. } => {
                let Some(ids) = metrics else {
                    let metric = left.to_string();
                    let offset = at(&metric);
                    self.error(
                        offset,
                        field,
                        CheckError::ResultFigureInVisibleIf { metric },
                    );
                    return;
                };
                let right_metric = match right {
                    Rhs::Metric(m) => Some(m),
                    _ => None,
                };
                for m in std::iter::once(left).chain(right_metric) {
                    let (known, what, id) = match m {
                        Metric::Indicator(x) | Metric::Target(x) | Metric::National(x) => {
                            (ids.indicators.contains(x), MetricKind::Indicator, x)
                        }
                        Metric::Dimension(x) => {
                            (ids.dimensions.contains(x), MetricKind::Dimension, x)
                        }
                        Metric::Section(x) => (ids.sections.contains(x), MetricKind::Section, x),
                        Metric::Firm(x) => (x == "size" || x == "sector", MetricKind::FirmField, x),
                        Metric::Score | Metric::Level => continue,
                    };
                    if !known {
                        let e = CheckError::UnknownMetricId {
                            what,
                            id: id.clone(),
                        };
                        self.error(at(id), field, e);
                    }
                }
                let firm_left = matches!(left, Metric::Firm(_));
                let name_right = matches!(right, Rhs::Name(_));
                if firm_left != name_right {
                    self.error(at(&left.to_string()), field, CheckError::FirmComparison);
                }
            }
            Condition::Answered(id) => {
                if !items.contains_key(id) {
                    self.error(at(id), field, CheckError::UnknownItem { id: id.clone() });
                }
            }
            Condition::Selected { item, option } => match items.get(item).map(|i| &i.kind) {
                None => {
                    let e = CheckError::UnknownItem { id: item.clone() };
                    self.error(at(item), field, e);
                }
                Some(
                    ItemKind::SingleChoice { options } | ItemKind::MultiSelect { options, .. },
                ) => {
                    if !options.iter().any(|o| &o.id == option) {
                        let e = CheckError::NoSuchOption {
                            item: item.clone(),
                            option: option.clone(),
                        };
                        self.error(at(option), field, e);
                    }
                }
                Some(k) => {
                    let e = CheckError::SelectedNeedsChoice {
                        item: item.clone(),
                        kind: k.name(),
                    };
                    self.error(at(item), field, e);
                }
            },
            Condition::Compare { item, value, .. } => {
                let Some(kind) = items.get(item).map(|i| &i.kind) else {
                    let e = CheckError::UnknownItem { id: item.clone() };
                    self.error(at(item), field, e);
                    return;
                };
                let ok = match (kind, value) {
                    (
                        ItemKind::Count { .. }
                        | ItemKind::Amount { .. }
                        | ItemKind::Ratio { .. }
                        | ItemKind::Level { .. },
                        Value::Number(_),
                    ) => true,
                    (ItemKind::SingleChoice { options }, Value::Name(n)) => {
                        options.iter().any(|o| &o.id == n)
                    }
                    (ItemKind::YesNo { .. }, Value::Name(n)) => n == "yes" || n == "no",
                    (ItemKind::Trend { .. }, Value::Name(n)) => Direction::from_id(n).is_some(),
                    _ => false,
                };
                if !ok {
                    let e = CheckError::CannotCompare {
                        item: item.clone(),
                        kind: kind.name(),
                    };
                    self.error(at(item), field, e);
                }
            }
            Condition::Not(c) => self.condition_refs(c, src, field, items, metrics),
            Condition::And(a, b) | Condition::Or(a, b) => {
                self.condition_refs(a, src, field, items, metrics);
                self.condition_refs(b, src, field, items, metrics);
            }
        }
    }
}
