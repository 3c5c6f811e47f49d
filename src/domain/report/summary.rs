//! The headline of the result: score, level, what the next level needs, completeness.

use super::format::{
    format_maturity, format_percent, format_score, level_name, maturity_gap, overall_level_name,
};
use super::notes::{special_notes, unscored_sections_text, SpecialNote};
use crate::domain::compute::assessment::Assessment;
use crate::domain::model::questionnaire::{Questionnaire, Scoring};
use crate::domain::model::text::Lang;

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
    /// "已完成 43.6%（17/39 题），结果为暂定", or "全部题目已回答".
    pub completeness_text: String,
    pub provisional: bool,
    /// The scenario rule's level beside the level, labelled unofficial: "按场景规则估算
    /// （非官方）：一级"; empty where the questionnaire has no such rule.
    pub scenario_estimate_text: String,
    /// What the rule's next level still needs: "二级还需：场景达到二级及以上 6 个（现有 4 个）…".
    pub scenario_next_text: String,
    /// Where the rule comes from.
    pub scenario_source_text: String,
    /// "不清楚" and "不适用" answers with their effect, and the questions (`notes`).
    pub special: Vec<SpecialNote>,
    /// "“核心指标”不计入总分。", or empty.
    pub unscored_text: String,
}

/// The scenario rule's estimate, its next level's needs and its source, worded.
fn scenario_texts(q: &Questionnaire, a: &Assessment, lang: Lang) -> (String, String, String) {
    let (Some(rule), Some(est)) = (&q.scenario_rule, &a.score.scenario_estimate) else {
        return Default::default();
    };
    let zh = lang == Lang::Zh;
    let name = overall_level_name(q, est.level, lang);
    let estimate = if zh {
        format!("按场景规则估算（非官方）：{name}")
    } else {
        format!("Scenario rule estimate (unofficial): {name}")
    };
    let next = est
        .levels
        .iter()
        .find(|c| est.level.is_none_or(|l| c.level > l))
        .map(|c| {
            let level = level_name(q, c.level, lang).unwrap_or_default();
            let mut needs = Vec::new();
            if a.score.total < c.points_needed {
                let (need, have) = (format_score(c.points_needed), format_score(a.score.total));
                needs.push(if zh {
                    format!("总分 {need}（现为 {have}）")
                } else {
                    format!("{need} points (now {have})")
                });
            }
            if c.scenarios < c.scenarios_needed {
                let (need, have) = (c.scenarios_needed, c.scenarios);
                needs.push(if zh {
                    format!("{need} 个场景达到{level}及以上（现有 {have} 个）")
                } else {
                    format!("{need} scenarios at {level} or above (now {have})")
                });
            }
            if c.key < c.key_needed {
                let (need, have) = (c.key_needed, c.key);
                needs.push(if zh {
                    format!("其中 {need} 个为重点场景（现有 {have} 个）")
                } else {
                    format!("{need} of them key scenarios (now {have})")
                });
            }
            if zh {
                format!("{level}还需：{}", needs.join("，"))
            } else {
                format!("{level} still needs: {}", needs.join(", "))
            }
        })
        .unwrap_or_default();
    let source = q
        .source(&rule.source)
        .map(|s| s.citation(lang))
        .unwrap_or_default();
    let source = if zh {
        format!("规则来源：{source}；官方等级以上面按总分的等级为准。")
    } else {
        format!("Rule from: {source}; the level above, by the total, is the published rule.")
    };
    (estimate, next, source)
}

/// The name of the level the firm reaches next ("三级"), or empty at the top: the line
/// the dimension chart draws.
pub fn next_level_name(q: &Questionnaire, a: &Assessment, lang: Lang) -> String {
    a.score
        .next_level
        .and_then(|(l, _)| level_name(q, l, lang))
        .unwrap_or_default()
        .to_string()
}

pub fn score_summary(q: &Questionnaire, a: &Assessment, lang: Lang) -> ScoreSummary {
    let zh = lang == Lang::Zh;
    let s = &a.score;
    let maturity = q.scoring == Scoring::Maturity;
    let level = s
        .level
        .and_then(|l| q.levels.get(usize::from(l).checked_sub(1)?));
    let next_text = match s
        .next_level
        .and_then(|(l, gap)| Some((level_name(q, l, lang)?, gap)))
    {
        Some((name, gap)) => {
            // A maturity gap from the same cut figure the score shows.
            let gap = if maturity {
                maturity_gap(s.total + gap, s.total)
            } else {
                format_score(gap)
            };
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
        let pct = format_percent(s.completeness);
        if zh {
            format!("已完成 {pct}（{answered}/{total} 题），结果为暂定")
        } else {
            format!("{pct} complete ({answered} of {total}): provisional result")
        }
    } else {
        lang.pick("全部题目已回答", "All questions answered")
            .to_string()
    };
    let (scenario_estimate_text, scenario_next_text, scenario_source_text) =
        scenario_texts(q, a, lang);
    ScoreSummary {
        scenario_estimate_text,
        scenario_next_text,
        scenario_source_text,
        total_text: if maturity {
            format_maturity(s.total)
        } else {
            format_score(s.total)
        },
        scale_text: if maturity {
            "/ 5".to_string()
        } else if zh {
            format!("/ {} 分", format_score(s.total_max))
        } else {
            format!("/ {} points", format_score(s.total_max))
        },
        level_name: overall_level_name(q, s.level, lang),
        level_descriptor: level
            .map(|l| l.descriptor.get(lang).to_string())
            .unwrap_or_default(),
        next_text,
        completeness_text,
        provisional: s.is_provisional(),
        special: special_notes(q, a, lang),
        unscored_text: unscored_sections_text(q, lang),
    }
}
