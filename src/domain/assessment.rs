//! The result the firm sees: each indicator's value against the selected target, the gap
//! in percentage points, and how complete the answers are.

use super::answers::Answers;
use super::indicators::{field_errors, indicator_value, FieldErrors, IndicatorValue};
use super::questionnaire::{ItemKind, Questionnaire};
use super::targets::TargetProfile;

/// Values this close count as equal, so a firm exactly on target is "met".
const EPSILON: f64 = 1e-9;

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorResult {
    pub id: String,
    pub value: IndicatorValue,
    /// The selected profile's target, where it sets one for this indicator.
    pub target: Option<f64>,
}

/// Where the firm stands against a target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Gap {
    /// At or above target, by this many percentage points (≥ 0).
    Met { above_pp: f64 },
    /// Below target, by this many percentage points (> 0).
    Short { below_pp: f64 },
}

impl IndicatorResult {
    pub fn gap(&self) -> Option<Gap> {
        let (value, target) = (self.value.percent()?, self.target?);
        let diff = value - target;
        Some(if diff > -EPSILON { Gap::Met { above_pp: diff.max(0.0) } } else { Gap::Short { below_pp: -diff } })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub indicators: Vec<IndicatorResult>,
    pub field_errors: FieldErrors,
    /// Items with a valid answer.
    pub answered: usize,
    pub total_items: usize,
}

impl Assessment {
    pub fn indicator(&self, id: &str) -> Option<&IndicatorResult> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

pub fn assess(q: &Questionnaire, answers: &Answers, profile: &TargetProfile) -> Assessment {
    let errors = field_errors(q, answers);
    let indicators = q
        .indicators
        .iter()
        .map(|ind| IndicatorResult {
            id: ind.id.clone(),
            value: indicator_value(q, answers, ind, &errors),
            target: profile.target(&ind.id),
        })
        .collect();
    let answered = q
        .items()
        .filter(|item| !errors.contains_key(&item.id))
        .filter(|item| match item.kind {
            ItemKind::Count { .. } => !answers.typed(&item.id).trim().is_empty(),
            ItemKind::MultiSelect { .. } => answers.selected(&item.id).is_some(),
        })
        .count();
    Assessment { indicators, field_errors: errors, answered, total_items: q.items().count() }
}
