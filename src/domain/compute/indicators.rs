//! Headline indicators computed from the firm's raw counts and ticks, and where each
//! stands against its target.

use crate::domain::compute::evaluation::{Evaluation, ItemState};
use crate::domain::model::answers::Answers;
use crate::domain::model::benchmark::ActualValue;
use crate::domain::model::questionnaire::{Formula, Indicator, ItemKind, Questionnaire};

/// What an indicator comes to for this firm.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IndicatorValue {
    /// A percentage in 0–100.
    Percent(f64),
    /// The whole is 0 (e.g. no key processes), or the firm said it does not apply.
    NotApplicable,
    /// An input it needs is still empty.
    Missing,
    /// An input it needs has an error (see the field errors).
    Invalid,
}

impl IndicatorValue {
    pub fn percent(self) -> Option<f64> {
        match self {
            IndicatorValue::Percent(p) => Some(p),
            _ => None,
        }
    }
}

/// The two counts a percentage is made of: its value is `numerator × 100 ÷ denominator`.
/// A roll-up over firms adds them up (Σ CNC key processes ÷ Σ key processes), which
/// weights each firm by its size where a mean of the percentages would not.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RatioParts {
    /// The counted part: CNC key processes, functions ticked, 1 for "yes" (0 for "no").
    pub numerator: f64,
    /// The whole, > 0: key processes, the options offered, 1 for a yes/no question.
    pub denominator: f64,
}

impl RatioParts {
    /// Multiplying before dividing keeps exact cases exact (17 of 25 is 68 %, not
    /// 68.00000000000001 %).
    pub fn percent(self) -> f64 {
        self.numerator * 100.0 / self.denominator
    }
}

/// The indicator's value, with the parts it is made of exactly when it is a percentage.
pub fn indicator_value(
    q: &Questionnaire,
    answers: &Answers,
    ev: &Evaluation,
    indicator: &Indicator,
) -> (IndicatorValue, Option<RatioParts>) {
    let percent = |numerator: f64, denominator: f64| {
        let parts = RatioParts {
            numerator,
            denominator,
        };
        (IndicatorValue::Percent(parts.percent()), Some(parts))
    };
    match &indicator.formula {
        Formula::Ratio {
            numerator,
            denominator,
        } => {
            if ev.field_errors.contains_key(numerator) || ev.field_errors.contains_key(denominator)
            {
                return (IndicatorValue::Invalid, None);
            }
            match (ev.number(numerator), ev.number(denominator)) {
                (_, Some(0.0)) => (IndicatorValue::NotApplicable, None),
                (Some(part), Some(whole)) => percent(part, whole),
                _ => (IndicatorValue::Missing, None),
            }
        }
        Formula::SelectedShare { item } => {
            let all = match q.item(item).map(|i| &i.kind) {
                Some(ItemKind::MultiSelect { options, .. }) => options.len(),
                _ => 0,
            };
            match (ev.state(item), answers.selected(item)) {
                (ItemState::NotApplicable, _) => (IndicatorValue::NotApplicable, None),
                (ItemState::Answered, Some(ticked)) if all > 0 => {
                    percent(ticked.len() as f64, all as f64)
                }
                _ => (IndicatorValue::Missing, None),
            }
        }
        Formula::YesNo { item } => match (ev.state(item), answers.choice(item)) {
            (ItemState::NotApplicable, _) => (IndicatorValue::NotApplicable, None),
            (ItemState::Answered, Some("yes")) => percent(1.0, 1.0),
            (ItemState::Answered, Some("no")) => percent(0.0, 1.0),
            _ => (IndicatorValue::Missing, None),
        },
    }
}

/// Values this close count as equal, so a firm exactly on target is "met".
const EPSILON: f64 = 1e-9;

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorResult {
    pub id: String,
    pub value: IndicatorValue,
    /// What the percentage is made of: `Some` exactly when `value` is a percentage.
    pub parts: Option<RatioParts>,
    /// The selected profile's target, where it sets one for this indicator.
    pub target: Option<f64>,
    /// The latest national actual value.
    pub national: Option<ActualValue>,
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
        Some(if diff > -EPSILON {
            Gap::Met {
                above_pp: diff.max(0.0),
            }
        } else {
            Gap::Short { below_pp: -diff }
        })
    }
}
