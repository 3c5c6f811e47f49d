//! The report model: what the results panel, the chart and the printed report show,
//! as display-ready rows in one language. Keeping the wording here means the screen,
//! the chart and the PDF can never disagree on a figure.

use crate::domain::compute::assessment::{Assessment, Gap};
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
    /// The latest national actual value.
    pub national: Option<f64>,
    /// "66.2%（2025-03，全国）" or "—".
    pub national_text: String,
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
                (None, RowStatus::NotApplicable) => {
                    if zh { "不适用" } else { "Not applicable" }.to_string()
                }
                (None, RowStatus::Invalid) => {
                    if zh { "输入有误" } else { "Check input" }.to_string()
                }
                _ => if zh { "待填写" } else { "Not yet answered" }.to_string(),
            };
            let gap_text = match result.gap() {
                Some(Gap::Met { above_pp }) if round1(above_pp) == 0.0 => {
                    if zh {
                        "恰好达到目标".to_string()
                    } else {
                        "Exactly on target".to_string()
                    }
                }
                Some(Gap::Met { above_pp }) => {
                    let pp = round1(above_pp);
                    if zh {
                        format!("达到目标（高出 {pp:.1} 个百分点）")
                    } else {
                        format!("Target met (+{pp:.1} pp)")
                    }
                }
                Some(Gap::Short { below_pp }) => {
                    // A shortfall that rounds to 0.0 still reads as a shortfall.
                    let pp = round1(below_pp).max(0.1);
                    if zh {
                        format!("低于目标 {pp:.1} 个百分点")
                    } else {
                        format!("{pp:.1} pp below target")
                    }
                }
                None if result.target.is_none() => if zh {
                    "本目标方案未设目标"
                } else {
                    "No target in this profile"
                }
                .to_string(),
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
                national: result.national.as_ref().map(|n| n.value),
                national_text: result.national.as_ref().map_or_else(
                    || "—".to_string(),
                    |n| {
                        format!(
                            "{}（{}，{}）",
                            format_target(n.value),
                            n.period,
                            n.series.get(lang)
                        )
                    },
                ),
                unverified: ind.unverified,
            })
        })
        .collect()
}

/// How an answer reads in the report's appendix ("40 道", "财务管理、采购管理", "3 级：…").
pub fn answer_text(
    q: &crate::domain::model::questionnaire::Questionnaire,
    item: &crate::domain::model::questionnaire::Item,
    answers: &crate::domain::model::answers::Answers,
    ev: &crate::domain::compute::evaluation::Evaluation,
    lang: Lang,
) -> String {
    use crate::domain::compute::evaluation::ItemState;
    use crate::domain::model::answers::Answer;
    use crate::domain::model::questionnaire::{Direction, ItemKind};
    let zh = lang == Lang::Zh;
    match ev.state(&item.id) {
        ItemState::Hidden => {
            return if zh {
                "（不适用：未显示）"
            } else {
                "(not asked)"
            }
            .to_string()
        }
        ItemState::NotApplicable if item.kind.is_answered_directly() => {
            return if zh { "不适用" } else { "Not applicable" }.to_string()
        }
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
            Some(set) if set.is_empty() => if zh {
                "以上都没有"
            } else {
                "None of these"
            }
            .to_string(),
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
                let name = q
                    .levels
                    .get(usize::from(l).saturating_sub(1))
                    .map(|d| d.name.get(lang).to_string());
                let name = name.unwrap_or_else(|| {
                    if zh {
                        format!("{l} 级")
                    } else {
                        format!("Level {l}")
                    }
                });
                let desc = levels
                    .get(usize::from(l).saturating_sub(1))
                    .map(|o| o.text.get(lang).to_string())
                    .unwrap_or_default();
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

/// The headline of the result: score, level and what is missing.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreSummary {
    /// "50.75" (points) or "2.75" (maturity).
    pub total_text: String,
    /// "/ 100 分" or "/ 5".
    pub scale_text: String,
    /// "二级", or "未达一级".
    pub level_name: String,
    pub level_descriptor: String,
    /// "距三级还差 9.25 分", or empty at the top level.
    pub next_text: String,
    /// "已完成 43.6%（17/39），结果为暂定", or "全部题目已回答".
    pub completeness_text: String,
    pub provisional: bool,
}

fn trim_number(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

pub fn score_summary(
    q: &crate::domain::model::questionnaire::Questionnaire,
    a: &Assessment,
    lang: Lang,
) -> ScoreSummary {
    use crate::domain::model::questionnaire::Scoring;
    let zh = lang == Lang::Zh;
    let s = &a.score;
    let maturity = q.scoring == Scoring::Maturity;
    let decimals = 2;
    let level = s.level.and_then(|l| q.levels.get(usize::from(l) - 1));
    let level_name = match level {
        Some(l) => l.name.get(lang).to_string(),
        None if q.levels.is_empty() => String::new(),
        None => {
            let first = q
                .levels
                .first()
                .map(|l| l.name.get(lang).to_string())
                .unwrap_or_default();
            if zh {
                format!("未达{first}")
            } else {
                format!("Below {first}")
            }
        }
    };
    let next_text = match s
        .next_level
        .and_then(|(l, gap)| q.levels.get(usize::from(l) - 1).map(|d| (d, gap)))
    {
        Some((d, gap)) => {
            let gap = trim_number(gap, decimals);
            let name = d.name.get(lang);
            match (zh, maturity) {
                (true, false) => format!("距{name}还差 {gap} 分"),
                (true, true) => format!("距{name}还差 {gap}"),
                (false, false) => format!("{gap} points to {name}"),
                (false, true) => format!("{gap} to {name}"),
            }
        }
        None => String::new(),
    };
    let answered = s.answered;
    let total = s.asked;
    let completeness_text = if s.is_provisional() {
        let pct = format!("{:.1}", round1(s.completeness));
        if zh {
            format!("已完成 {pct}%（{answered}/{total} 题），结果为暂定")
        } else {
            format!("{pct}% complete ({answered} of {total}): provisional result")
        }
    } else if zh {
        "全部题目已回答".to_string()
    } else {
        "All questions answered".to_string()
    };
    ScoreSummary {
        total_text: trim_number(s.total, decimals),
        scale_text: if maturity {
            "/ 5".to_string()
        } else if zh {
            format!("/ {} 分", trim_number(s.total_max, 2))
        } else {
            format!("/ {} points", trim_number(s.total_max, 2))
        },
        level_name,
        level_descriptor: level
            .map(|l| l.descriptor.get(lang).to_string())
            .unwrap_or_default(),
        next_text,
        completeness_text,
        provisional: s.is_provisional(),
    }
}

/// One scored dimension as the dashboard and report show it.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionRow {
    pub id: String,
    pub name: String,
    pub section: String,
    /// 0–100, None when nothing in it applies.
    pub percent: Option<f64>,
    /// "10 / 20 分", "3 级", or "不适用".
    pub value_text: String,
    /// The next level's threshold as a share of the scale, 0–100.
    pub threshold: Option<f64>,
    /// "距三级还差 8.5 个百分点" or empty.
    pub gap_text: String,
}

pub fn dimension_rows(
    q: &crate::domain::model::questionnaire::Questionnaire,
    a: &Assessment,
    lang: Lang,
) -> Vec<DimensionRow> {
    use crate::domain::model::questionnaire::Scoring;
    let zh = lang == Lang::Zh;
    let s = &a.score;
    let maturity = q.scoring == Scoring::Maturity;
    // The threshold of the firm's next level, as a share of the scale.
    let next = s
        .next_level
        .and_then(|(l, _)| q.levels.get(usize::from(l) - 1))
        .and_then(|d| d.range.map(|(from, _)| (d, from / s.total_max * 100.0)));
    let mut rows = Vec::new();
    let mut i = 0;
    for section in &q.sections {
        for d in &section.dimensions {
            let ds = &s.dimensions[i];
            i += 1;
            if ds.max == 0.0 {
                continue;
            }
            let value_text = match (ds.percent, maturity) {
                (None, _) => if zh { "不适用" } else { "Not applicable" }.to_string(),
                (Some(_), true) => {
                    if zh {
                        format!("{} 级", trim_number(ds.earned, 2))
                    } else {
                        format!("level {}", trim_number(ds.earned, 2))
                    }
                }
                (Some(_), false) => {
                    let (e, m) = (trim_number(ds.earned, 2), trim_number(ds.max, 2));
                    if zh {
                        format!("{e} / {m} 分")
                    } else {
                        format!("{e} / {m} points")
                    }
                }
            };
            let gap_text = match (ds.percent, next) {
                (Some(p), Some((level, threshold))) if p < threshold => {
                    let gap = format!("{:.1}", round1(threshold - p));
                    let name = level.name.get(lang);
                    if zh {
                        format!("距{name}还差 {gap} 个百分点")
                    } else {
                        format!("{gap} pp to {name}")
                    }
                }
                _ => String::new(),
            };
            rows.push(DimensionRow {
                id: d.id.clone(),
                name: d.title.get(lang).to_string(),
                section: section.title.get(lang).to_string(),
                percent: ds.percent,
                value_text,
                threshold: next.map(|(_, t)| t),
                gap_text,
            });
        }
    }
    rows
}

/// A recommendation as the dashboard and report show it.
#[derive(Clone, Debug, PartialEq)]
pub struct AdviceRow {
    pub id: String,
    pub action: String,
    pub rationale: String,
    pub measure: String,
    /// "可提升 27.75 分（数字化基础）", "缩小 13.0 个百分点的差距（关键工序数控化率）".
    pub gain_text: String,
}

pub fn advice_rows(
    q: &crate::domain::model::questionnaire::Questionnaire,
    a: &Assessment,
    lang: Lang,
) -> Vec<AdviceRow> {
    use crate::domain::compute::recommend::Gain;
    let zh = lang == Lang::Zh;
    let name_of = |id: &str| -> String {
        q.sections
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.title.get(lang).to_string())
            .or_else(|| {
                q.sections
                    .iter()
                    .flat_map(|s| &s.dimensions)
                    .find(|d| d.id == id)
                    .map(|d| d.title.get(lang).to_string())
            })
            .or_else(|| q.indicator(id).map(|i| i.name.get(lang).to_string()))
            .unwrap_or_else(|| id.to_string())
    };
    a.advice
        .iter()
        .map(|r| {
            let gain_text = match &r.gain {
                Gain::Points { of, points } => {
                    let p = trim_number(*points, 2);
                    if zh {
                        format!("最多可提升 {p} 分（{}）", name_of(of))
                    } else {
                        format!("Up to {p} points ({})", name_of(of))
                    }
                }
                Gain::Levels { of, levels, .. } => {
                    let l = trim_number(*levels, 2);
                    if zh {
                        format!("{}还可提升 {l} 级", name_of(of))
                    } else {
                        format!("{}: {l} levels to go", name_of(of))
                    }
                }
                Gain::TargetGap { indicator, pp } => {
                    let p = format!("{:.1}", round1(*pp));
                    if zh {
                        format!("{}距目标 {p} 个百分点", name_of(indicator))
                    } else {
                        format!("{}: {p} pp below target", name_of(indicator))
                    }
                }
                Gain::None => String::new(),
            };
            AdviceRow {
                id: r.id.clone(),
                action: r.action.get(lang).to_string(),
                rationale: r.rationale.get(lang).to_string(),
                measure: r
                    .measure
                    .as_ref()
                    .map(|m| m.get(lang).to_string())
                    .unwrap_or_default(),
                gain_text,
            }
        })
        .collect()
}

/// The executive summary's "largest gaps": indicators furthest below target first, then
/// dimensions furthest below the next level's line, as sentences.
pub fn largest_gaps(
    indicators: &[IndicatorRow],
    dimensions: &[DimensionRow],
    n: usize,
    lang: Lang,
) -> Vec<String> {
    let mut gaps: Vec<(f64, String)> = indicators
        .iter()
        .filter(|r| r.status == RowStatus::Short)
        .filter_map(|r| {
            r.gap_pp.map(|g| {
                (
                    -g,
                    format!(
                        "{}：{}（{} / {}）",
                        r.name, r.gap_text, r.value_text, r.target_text
                    ),
                )
            })
        })
        .collect();
    crate::domain::util::sorting::sort_by(&mut gaps, |a, b| b.0.total_cmp(&a.0));
    let mut dims: Vec<(f64, String)> = dimensions
        .iter()
        .filter(|d| !d.gap_text.is_empty())
        .filter_map(|d| {
            Some((
                d.threshold? - d.percent?,
                format!("{}：{}", d.name, d.gap_text),
            ))
        })
        .collect();
    crate::domain::util::sorting::sort_by(&mut dims, |a, b| b.0.total_cmp(&a.0));
    let sep = if lang == Lang::Zh { "：" } else { ": " };
    gaps.into_iter()
        .chain(dims)
        .take(n)
        .map(|(_, s)| {
            if lang == Lang::Zh {
                s
            } else {
                s.replacen('：', sep, 1)
                    .replace('（', " (")
                    .replace('）', ")")
            }
        })
        .collect()
}
