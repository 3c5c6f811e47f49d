//! The roll-up of a portfolio as display rows: per indicator the firms' mean, the value
//! weighted by the underlying counts and the share of firms meeting the target; the
//! distribution of levels; how many firms were counted, incomplete and left out.

use super::format::{
    answered_of, count_share, file_count, firm_count, format_percent, format_target, level_label,
    overall_level_name, DASH,
};
use crate::domain::compute::rollup::{LeftOut, RollupResult, POLICY_LEVEL};
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
use crate::domain::model::text::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct RollupReport {
    /// "制造业中小企业数字化水平自评 · 全国 2025 年目标".
    pub title: String,
    /// "4 家企业，其中 1 家未答完（结果为暂定）".
    pub firms_text: String,
    /// "未计入 2 份：其他问卷 1 份、无法读取 1 份", or empty when none was left out.
    pub left_out_text: String,
    pub indicators: Vec<RollupIndicatorRow>,
    /// Below the first level, then each level; empty without a level scheme.
    pub levels: Vec<RollupLevelRow>,
    /// "二级及以上：3/4（75.0%）", or empty without that level.
    pub at_or_above_text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RollupIndicatorRow {
    pub id: String,
    pub name: String,
    /// "68%" or "—".
    pub target_text: String,
    /// The firms' mean, "52.5%", or "—" when no firm has a value.
    pub mean_text: String,
    /// Σ numerators ÷ Σ denominators, "50.8%", or "—".
    pub weighted_text: String,
    /// "2/4（50.0%）" of the firms with a value, "本目标方案未设目标", or "—".
    pub meeting_text: String,
    /// "4/5": the firms with a value out of all counted.
    pub with_value_text: String,
    pub unverified: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RollupLevelRow {
    /// "二级", or "未达一级".
    pub name: String,
    /// "2/4（50.0%）".
    pub firms_text: String,
}

pub fn rollup_report(
    q: &Questionnaire,
    profile: &TargetProfile,
    r: &RollupResult,
    lang: Lang,
) -> RollupReport {
    let zh = lang == Lang::Zh;
    let firms = firm_count(r.firms, lang);
    let firms_text = match (r.incomplete, zh) {
        (0, _) => firms,
        (n, true) => format!("{firms}，其中 {n} 家未答完（结果为暂定）"),
        (n, false) => format!("{firms}, {n} of them incomplete (provisional figures)"),
    };
    let reasons: Vec<String> = [
        (
            r.left_out.other_questionnaire,
            "其他问卷",
            "for another questionnaire",
        ),
        (
            r.left_out.other_version,
            "问卷其他版本",
            "for another version",
        ),
        (r.left_out.unreadable, "无法读取", "unreadable"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, reason_zh, reason_en)| {
        if zh {
            format!("{reason_zh} {}", file_count(n, lang))
        } else {
            format!("{} {reason_en}", file_count(n, lang))
        }
    })
    .collect();
    let left_out_text = match (r.left_out.total(), zh) {
        (0, _) => String::new(),
        (n, true) => format!("未计入 {}：{}", file_count(n, lang), reasons.join("、")),
        (n, false) => format!("Left out {}: {}", file_count(n, lang), reasons.join(", ")),
    };
    let indicators = r
        .indicators
        .iter()
        .map(|i| {
            let ind = q.indicator(&i.id);
            let percent = |v: Option<f64>| v.map_or_else(|| DASH.to_string(), format_percent);
            RollupIndicatorRow {
                id: i.id.clone(),
                name: ind.map_or_else(|| i.id.clone(), |d| d.name.get(lang).to_string()),
                target_text: i.target.map_or_else(|| DASH.to_string(), format_target),
                mean_text: percent(i.mean),
                weighted_text: percent(i.weighted),
                meeting_text: match i.meeting_target {
                    None => lang
                        .pick("本目标方案未设目标", "No target in this profile")
                        .to_string(),
                    Some(n) => count_share(n, i.with_value, i.share_meeting_target, lang),
                },
                with_value_text: answered_of(i.with_value, r.firms, lang),
                unverified: ind.is_some_and(|d| d.unverified),
            }
        })
        .collect();
    let share = |n: usize| {
        let share = (r.firms > 0).then(|| n as f64 * 100.0 / r.firms as f64);
        count_share(n, r.firms, share, lang)
    };
    let mut levels = Vec::new();
    if !r.levels.is_empty() {
        levels.push(RollupLevelRow {
            name: overall_level_name(q, None, lang),
            firms_text: share(r.below_first_level),
        });
        levels.extend(r.levels.iter().map(|l| RollupLevelRow {
            name: level_label(q, l.level, lang),
            firms_text: count_share(l.firms, r.firms, l.share, lang),
        }));
    }
    let at_or_above_text = r.at_or_above.map_or_else(String::new, |l| {
        let name = level_label(q, POLICY_LEVEL, lang);
        let figure = count_share(l.firms, r.firms, l.share, lang);
        if zh {
            format!("{name}及以上：{figure}")
        } else {
            format!("{name} or above: {figure}")
        }
    });
    RollupReport {
        title: format!("{} · {}", q.title.get(lang), profile.name.get(lang)),
        firms_text,
        left_out_text,
        indicators,
        levels,
        at_or_above_text,
    }
}

/// One firm a roll-up leaves out, and why: "乙厂（T1）：其他问卷（…），未计入".
/// `other` is the questionnaire it is on, as "title version".
pub fn left_out_line(firm: &str, reason: LeftOut, other: &str, lang: Lang) -> String {
    let why = match (reason, lang) {
        (LeftOut::OtherQuestionnaire, Lang::Zh) => format!("其他问卷（{other}）"),
        (LeftOut::OtherQuestionnaire, Lang::En) => format!("another questionnaire ({other})"),
        (LeftOut::OtherVersion, Lang::Zh) => format!("问卷的其他版本（{other}）"),
        (LeftOut::OtherVersion, Lang::En) => {
            format!("another version of the questionnaire ({other})")
        }
        (LeftOut::Unreadable, Lang::Zh) => "无法读取".to_string(),
        (LeftOut::Unreadable, Lang::En) => "cannot be read".to_string(),
    };
    match lang {
        Lang::Zh => format!("{firm}：{why}，未计入"),
        Lang::En => format!("{firm}: {why}; left out"),
    }
}

/// The firms counted with unanswered questions: "未答完（结果为暂定）：甲厂、乙厂", or
/// empty when there is none.
pub fn incomplete_line(firms: &[String], lang: Lang) -> String {
    if firms.is_empty() {
        return String::new();
    }
    match lang {
        Lang::Zh => format!("未答完（结果为暂定）：{}", firms.join("、")),
        Lang::En => format!("Incomplete (provisional figures): {}", firms.join(", ")),
    }
}

#[cfg(test)]
mod line_tests {
    use super::*;

    #[test]
    fn each_firm_left_out_is_named_with_its_reason() {
        assert_eq!(
            left_out_line(
                "乙厂（T1）",
                LeftOut::OtherQuestionnaire,
                "速测 1.0.0",
                Lang::Zh
            ),
            "乙厂（T1）：其他问卷（速测 1.0.0），未计入"
        );
        assert_eq!(
            left_out_line("B", LeftOut::OtherVersion, "SME 2024.1", Lang::En),
            "B: another version of the questionnaire (SME 2024.1); left out"
        );
        assert_eq!(
            incomplete_line(&["甲".into(), "乙".into()], Lang::Zh),
            "未答完（结果为暂定）：甲、乙"
        );
        assert_eq!(incomplete_line(&[], Lang::En), "");
    }
}
