//! Headline indicators computed from the firm's raw counts and ticks, and the
//! per-field input errors found on the way.

use std::collections::BTreeMap;

use super::answers::Answers;
use super::count_input::parse_bounded_count;
use super::questionnaire::{Formula, Indicator, ItemKind, Questionnaire};
use super::text::Text;

/// What an indicator comes to for this firm.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IndicatorValue {
    /// A percentage in 0–100.
    Percent(f64),
    /// The whole is 0 (e.g. no key processes): the ratio has no meaning.
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

/// Field id → the error to show next to that field.
pub type FieldErrors = BTreeMap<String, Text>;

/// Every count field's error, whether or not an indicator uses it.
pub fn field_errors(q: &Questionnaire, answers: &Answers) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for item in q.items() {
        if let ItemKind::Count { min, max, .. } = item.kind {
            if let Err(e) = parse_bounded_count(answers.typed(&item.id), min, max) {
                errors.insert(item.id.clone(), e.message());
            }
        }
    }
    for indicator in &q.indicators {
        if let Formula::Ratio { numerator, denominator } = &indicator.formula {
            if let (Some(part), Some(whole)) = (count(q, answers, numerator), count(q, answers, denominator)) {
                if part > whole && !errors.contains_key(numerator) {
                    errors.insert(numerator.clone(), part_exceeds_whole(q, denominator, part, whole));
                }
            }
        }
    }
    errors
}

fn part_exceeds_whole(q: &Questionnaire, whole_item: &str, part: u64, whole: u64) -> Text {
    let whole_name = q.item(whole_item).map(|i| i.text.clone()).unwrap_or_default();
    Text::new(
        format!("{part} 不能大于“{}”（{whole}）", whole_name.zh),
        format!("{part} cannot be more than \"{}\" ({whole})", whole_name.get(super::text::Lang::En)),
    )
}

/// A valid count answer, or None when empty or invalid.
fn count(q: &Questionnaire, answers: &Answers, item: &str) -> Option<u64> {
    match q.item(item)?.kind {
        ItemKind::Count { min, max, .. } => parse_bounded_count(answers.typed(item), min, max).ok().flatten(),
        ItemKind::MultiSelect { .. } => None,
    }
}

/// The indicator's value for these answers. Multiplying before dividing keeps
/// exact cases exact (17 of 25 is 68 %, not 68.00000000000001 %).
pub fn indicator_value(q: &Questionnaire, answers: &Answers, indicator: &Indicator, errors: &FieldErrors) -> IndicatorValue {
    match &indicator.formula {
        Formula::Ratio { numerator, denominator } => {
            if errors.contains_key(numerator) || errors.contains_key(denominator) {
                return IndicatorValue::Invalid;
            }
            match (count(q, answers, numerator), count(q, answers, denominator)) {
                (_, Some(0)) => IndicatorValue::NotApplicable,
                (Some(part), Some(whole)) => IndicatorValue::Percent(part as f64 * 100.0 / whole as f64),
                _ => IndicatorValue::Missing,
            }
        }
        Formula::SelectedShare { item } => {
            let all = match q.item(item).map(|i| &i.kind) {
                Some(ItemKind::MultiSelect { options }) => options.len(),
                _ => 0,
            };
            match answers.selected(item) {
                _ if all == 0 => IndicatorValue::NotApplicable,
                Some(ticked) => IndicatorValue::Percent(ticked.len() as f64 * 100.0 / all as f64),
                None => IndicatorValue::Missing,
            }
        }
    }
}
