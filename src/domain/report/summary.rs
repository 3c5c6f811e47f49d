//! The headline of the result: score, level, what the next level needs, completeness.

use super::format::{format_percent, format_score, level_name, overall_level_name};
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
    /// "不清楚" and "不适用" answers with their effect, and the questions (`notes`).
    pub special: Vec<SpecialNote>,
    /// "“核心指标”不计入总分。", or empty.
    pub unscored_text: String,
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
            let gap = format_score(gap);
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
    ScoreSummary {
        total_text: format_score(s.total),
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
