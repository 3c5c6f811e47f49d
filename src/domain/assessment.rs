//! The result the firm sees: each indicator's value against the selected target, the gap
//! in percentage points, and how complete the answers are.

use super::answers::Answers;
use super::evaluation::{evaluate, Evaluation, FieldErrors, ItemState};
use super::indicators::{indicator_value, IndicatorValue};
use super::questionnaire::Questionnaire;
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
    pub evaluation: Evaluation,
    pub indicators: Vec<IndicatorResult>,
    pub field_errors: FieldErrors,
    /// Visible questions the firm answers directly (ratios are computed, not asked)…
    pub total_items: usize,
    /// …and of those, the ones with a valid answer (not applicable and don't know count).
    pub answered: usize,
}

impl Assessment {
    pub fn indicator(&self, id: &str) -> Option<&IndicatorResult> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

pub fn assess(q: &Questionnaire, answers: &Answers, profile: &TargetProfile) -> Assessment {
    let evaluation = evaluate(q, answers);
    let indicators = q
        .indicators
        .iter()
        .map(|ind| IndicatorResult {
            id: ind.id.clone(),
            value: indicator_value(q, answers, &evaluation, ind),
            target: profile.target(&ind.id),
        })
        .collect();
    let asked: Vec<ItemState> = q
        .items()
        .filter(|i| i.kind.is_answered_directly())
        .map(|i| evaluation.state(&i.id))
        .filter(|s| *s != ItemState::Hidden)
        .collect();
    let answered = asked
        .iter()
        .filter(|s| matches!(s, ItemState::Answered | ItemState::NotApplicable | ItemState::Unknown))
        .count();
    Assessment { field_errors: evaluation.field_errors.clone(), evaluation, indicators, total_items: asked.len(), answered }
}
