//! The headline indicators against the selected profile's targets and the latest
//! national values.

use super::format::{
    check_input, format_percent, format_pp, format_target, national_quoted, not_answered,
    not_applicable, round1, DASH,
};
use crate::domain::compute::assessment::Assessment;
use crate::domain::compute::indicators::Gap;
use crate::domain::compute::indicators::IndicatorValue;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::Lang;

/// How an indicator row reads against its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStatus {
    Met,
    Short,
    /// A value but no target in the selected profile.
    NoTarget,
    NotApplicable,
    Missing,
    Invalid,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRow {
    pub id: String,
    pub name: String,
    /// For the chart's geometry; the words are in the `_text` fields.
    pub value: Option<f64>,
    pub target: Option<f64>,
    pub status: RowStatus,
    /// "55.0%", or a word such as "不适用" when there is no value.
    pub value_text: String,
    /// "68%" or "—".
    pub target_text: String,
    /// The firms the target is set for ("规模以上工业企业"), shown beside it; empty
    /// where there is no target.
    pub target_scope: String,
    /// "低于目标 13.0 个百分点", "达到目标（高出 2.0 个百分点）", …
    pub gap_text: String,
    /// Signed value − target, rounded for display; None where there is no gap.
    pub gap_pp: Option<f64>,
    /// The latest national actual value.
    pub national: Option<f64>,
    /// "66.2%" or "—".
    pub national_value_text: String,
    /// "66.2%（2025-03，全国）" or "—".
    pub national_text: String,
    pub unverified: bool,
}

pub fn indicator_rows(q: &Questionnaire, a: &Assessment, lang: Lang) -> Vec<IndicatorRow> {
    let zh = lang == Lang::Zh;
    q.indicators
        .iter()
        .filter_map(|ind| {
            let result = a.indicator(&ind.id)?;
            let value = result.value.percent();
            let status = match (result.value, result.gap()) {
                (IndicatorValue::NotApplicable, _) => RowStatus::NotApplicable,
                (IndicatorValue::Missing, _) => RowStatus::Missing,
                (IndicatorValue::Invalid, _) => RowStatus::Invalid,
                (_, Some(Gap::Met { .. })) => RowStatus::Met,
                (_, Some(Gap::Short { .. })) => RowStatus::Short,
                (_, None) => RowStatus::NoTarget,
            };
            let value_text = match (value, status) {
                (Some(v), _) => format_percent(v),
                (None, RowStatus::NotApplicable) => not_applicable(lang).to_string(),
                (None, RowStatus::Invalid) => check_input(lang).to_string(),
                _ => not_answered(lang).to_string(),
            };
            // A shortfall that rounds to 0.0 still reads as a shortfall.
            let shortfall = |below_pp: f64| round1(below_pp).max(0.1);
            let gap_text = match result.gap() {
                Some(Gap::Met { above_pp }) if round1(above_pp) == 0.0 => {
                    lang.pick("恰好达到目标", "Exactly on target").to_string()
                }
                Some(Gap::Met { above_pp }) => {
                    let pp = format_pp(above_pp);
                    if zh {
                        format!("达到目标（高出 {pp} 个百分点）")
                    } else {
                        format!("Target met (+{pp} pp)")
                    }
                }
                Some(Gap::Short { below_pp }) => {
                    let pp = format_pp(shortfall(below_pp));
                    if zh {
                        format!("低于目标 {pp} 个百分点")
                    } else {
                        format!("{pp} pp below target")
                    }
                }
                None if result.target.is_none() => lang
                    .pick("本目标方案未设目标", "No target in this profile")
                    .to_string(),
                None => DASH.to_string(),
            };
            let gap_pp = match result.gap() {
                Some(Gap::Met { above_pp }) => Some(round1(above_pp)),
                Some(Gap::Short { below_pp }) => Some(-shortfall(below_pp)),
                None => None,
            };
            let national = result.national.as_ref();
            let national_value_text =
                national.map_or_else(|| DASH.to_string(), |n| format_target(n.value));
            Some(IndicatorRow {
                id: ind.id.clone(),
                name: ind.name.get(lang).to_string(),
                value,
                target: result.target,
                status,
                value_text,
                target_text: result
                    .target
                    .map_or_else(|| DASH.to_string(), format_target),
                target_scope: result
                    .target
                    .map_or_else(String::new, |_| a.target_scope.get(lang).to_string()),
                gap_text,
                gap_pp,
                national: national.map(|n| n.value),
                national_text: national
                    .map_or_else(|| DASH.to_string(), |n| national_quoted(n, lang)),
                national_value_text,
                unverified: ind.unverified,
            })
        })
        .collect()
}
