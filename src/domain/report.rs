//! The report model: what the results panel, the chart and the printed report show,
//! as display-ready rows in one language. Keeping the wording here means the screen,
//! the chart and the PDF can never disagree on a figure.

use super::assessment::{Assessment, Gap};
use super::indicators::IndicatorValue;
use super::questionnaire::Questionnaire;
use super::text::Lang;

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
    pub value: Option<f64>,
    pub target: Option<f64>,
    pub status: RowStatus,
    /// "55.0%", or a word such as "不适用" when there is no value.
    pub value_text: String,
    /// "68%" or "—".
    pub target_text: String,
    /// "低于目标 13.0 个百分点", "达到目标（高出 2.0 个百分点）", …
    pub gap_text: String,
    /// Signed value − target, rounded for display; None where there is no gap.
    pub gap_pp: Option<f64>,
    pub unverified: bool,
}

/// One decimal, with the half-way case rounded away from zero.
pub fn format_percent(v: f64) -> String {
    format!("{:.1}%", round1(v))
}

/// A target as policy documents write it: "68%", or "67.5%" where it has a fraction.
pub fn format_target(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}%")
    } else {
        format!("{v}%")
    }
}

pub fn round1(v: f64) -> f64 {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0 // never print "-0.0"
    } else {
        r
    }
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
                (None, RowStatus::NotApplicable) => if zh { "不适用" } else { "Not applicable" }.to_string(),
                (None, RowStatus::Invalid) => if zh { "输入有误" } else { "Check input" }.to_string(),
                _ => if zh { "待填写" } else { "Not yet answered" }.to_string(),
            };
            let gap_text = match result.gap() {
                Some(Gap::Met { above_pp }) if round1(above_pp) == 0.0 => {
                    if zh { "恰好达到目标".to_string() } else { "Exactly on target".to_string() }
                }
                Some(Gap::Met { above_pp }) => {
                    let pp = round1(above_pp);
                    if zh { format!("达到目标（高出 {pp:.1} 个百分点）") } else { format!("Target met (+{pp:.1} pp)") }
                }
                Some(Gap::Short { below_pp }) => {
                    // A shortfall that rounds to 0.0 still reads as a shortfall.
                    let pp = round1(below_pp).max(0.1);
                    if zh { format!("低于目标 {pp:.1} 个百分点") } else { format!("{pp:.1} pp below target") }
                }
                None if result.target.is_none() => if zh { "本目标方案未设目标" } else { "No target in this profile" }.to_string(),
                None => "—".to_string(),
            };
            let gap_pp = match result.gap() {
                Some(Gap::Met { above_pp }) => Some(round1(above_pp)),
                Some(Gap::Short { below_pp }) => Some(-round1(below_pp).max(0.1)),
                None => None,
            };
            Some(IndicatorRow {
                id: ind.id.clone(),
                name: ind.name.get(lang).to_string(),
                value,
                target: result.target,
                status,
                value_text,
                target_text: result.target.map_or_else(|| "—".to_string(), format_target),
                gap_text,
                gap_pp,
                unverified: ind.unverified,
            })
        })
        .collect()
}

/// How an answer reads in the report's appendix ("40 道", "财务管理、采购管理", "3 级：…").
pub fn answer_text(
    q: &super::questionnaire::Questionnaire,
    item: &super::questionnaire::Item,
    answers: &super::answers::Answers,
    ev: &super::evaluation::Evaluation,
    lang: Lang,
) -> String {
    use super::answers::Answer;
    use super::evaluation::ItemState;
    use super::questionnaire::{Direction, ItemKind};
    let zh = lang == Lang::Zh;
    match ev.state(&item.id) {
        ItemState::Hidden => return if zh { "（不适用：未显示）" } else { "(not asked)" }.to_string(),
        ItemState::NotApplicable if item.kind.is_answered_directly() => return if zh { "不适用" } else { "Not applicable" }.to_string(),
        ItemState::Unknown => return if zh { "不清楚" } else { "Don't know" }.to_string(),
        _ => {}
    }
    let none = "—".to_string();
    match &item.kind {
        ItemKind::Count { unit, .. } | ItemKind::Amount { unit, .. } => {
            let raw = answers.typed(&item.id).trim();
            if raw.is_empty() {
                none
            } else {
                format!("{raw} {}", unit.get(lang))
            }
        }
        ItemKind::Ratio { .. } => ev.number(&item.id).map_or(none, format_percent),
        ItemKind::MultiSelect { options, .. } => match answers.selected(&item.id) {
            None => none,
            Some(set) if set.is_empty() => if zh { "以上都没有" } else { "None of these" }.to_string(),
            Some(set) => options
                .iter()
                .filter(|o| set.contains(&o.id))
                .map(|o| o.text.get(lang).to_string())
                .collect::<Vec<_>>()
                .join(if zh { "、" } else { ", " }),
        },
        ItemKind::SingleChoice { options } => answers
            .choice(&item.id)
            .and_then(|c| options.iter().find(|o| o.id == c))
            .map_or(none, |o| o.text.get(lang).to_string()),
        ItemKind::YesNo { .. } => match answers.choice(&item.id) {
            Some("yes") => if zh { "是" } else { "Yes" }.to_string(),
            Some("no") => if zh { "否" } else { "No" }.to_string(),
            _ => none,
        },
        ItemKind::Trend { .. } => match answers.choice(&item.id).and_then(Direction::from_id) {
            Some(Direction::Up) => if zh { "上升" } else { "Went up" }.to_string(),
            Some(Direction::Flat) => if zh { "基本持平" } else { "About the same" }.to_string(),
            Some(Direction::Down) => if zh { "下降" } else { "Went down" }.to_string(),
            None => none,
        },
        ItemKind::Level { levels, .. } => match answers.level(&item.id) {
            Some(l) => {
                let name = q.levels.get(usize::from(l).saturating_sub(1)).map(|d| d.name.get(lang).to_string());
                let name = name.unwrap_or_else(|| if zh { format!("{l} 级") } else { format!("Level {l}") });
                let desc = levels.get(usize::from(l).saturating_sub(1)).map(|o| o.text.get(lang).to_string()).unwrap_or_default();
                format!("{name}：{desc}")
            }
            None => none,
        },
        ItemKind::FreeText => match answers.get(&item.id) {
            Some(Answer::Text(t)) => t.clone(),
            _ => none,
        },
    }
}
