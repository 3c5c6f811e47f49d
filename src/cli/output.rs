//! What `shuzhuan score` prints as a table (names in the chosen language, not ids) or
//! JSON (one line a file in an array); the CSV and JSON Lines records are `score_data`'s.

use std::io::Write;

use serde::Serialize;

use crate::domain::compute::assessment::Assessment;
use crate::domain::model::questionnaire::{Questionnaire, Scoring};
use crate::domain::model::text::Lang;
use crate::domain::report::format::{format_maturity, level_name};
use crate::domain::report::round1;

use super::terminal::terminal_safe;

/// One scored file, as every output format prints it.
#[derive(Serialize)]
pub struct Row {
    file: String,
    firm: String,
    total: f64,
    total_max: f64,
    level: Option<u8>,
    level_name: String,
    completeness: f64,
    provisional: bool,
    dimensions: Vec<(String, Option<f64>)>,
    indicators: Vec<IndicatorCell>,
    recommendations: Vec<String>,
    /// The first recommendation's action, in the table's language.
    #[serde(skip)]
    first_advice: Option<String>,
    /// The questionnaire's scenario rule applied: an unofficial estimate beside `level`.
    #[serde(skip_serializing_if = "Option::is_none")]
    scenario_rule: Option<ScenarioRuleCell>,
}

#[derive(Serialize)]
struct ScenarioRuleCell {
    level: Option<u8>,
    level_name: String,
    unofficial: bool,
    source: String,
}

#[derive(Serialize)]
struct IndicatorCell {
    id: String,
    value: Option<f64>,
    target: Option<f64>,
    gap_pp: Option<f64>,
}

pub fn row(file: &str, q: &Questionnaire, a: &Assessment, firm: &str, lang: Lang) -> Row {
    let s = &a.score;
    Row {
        file: file.to_string(),
        firm: firm.to_string(),
        // A maturity score is cut, not rounded, so that it never reads as the next
        // level's threshold (1.7996 is 1.799, below 1.8).
        total: if q.scoring == Scoring::Maturity {
            ((s.total * 1e9).round() / 1e6).floor() / 1000.0
        } else {
            round1(s.total * 100.0) / 100.0
        },
        total_max: s.total_max,
        level: s.level,
        level_name: s
            .level
            .and_then(|l| level_name(q, l, lang))
            .unwrap_or_default()
            .to_string(),
        completeness: round1(s.completeness),
        provisional: s.is_provisional(),
        dimensions: s
            .dimensions
            .iter()
            .filter(|d| d.max > 0.0)
            .map(|d| (d.id.clone(), d.percent.map(round1)))
            .collect(),
        indicators: a
            .indicators
            .iter()
            .map(|i| {
                let value = i.value.percent();
                IndicatorCell {
                    id: i.id.clone(),
                    value: value.map(round1),
                    target: i.target,
                    gap_pp: value.zip(i.target).map(|(v, t)| round1(v - t)),
                }
            })
            .collect(),
        recommendations: a.advice.iter().map(|r| r.id.clone()).collect(),
        first_advice: a.advice.first().and_then(|first| {
            q.recommendations
                .iter()
                .find(|r| r.id == first.id)
                .map(|r| r.action.get(lang).to_string())
        }),
        scenario_rule: q
            .scenario_rule
            .as_ref()
            .zip(s.scenario_estimate.as_ref())
            .map(|(rule, est)| ScenarioRuleCell {
                level: est.level,
                level_name: est
                    .level
                    .and_then(|l| level_name(q, l, lang))
                    .unwrap_or_default()
                    .to_string(),
                unofficial: rule.unverified,
                source: q
                    .source(&rule.source)
                    .map(|s| s.citation(lang))
                    .unwrap_or_default(),
            }),
    }
}

fn fmt_opt(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |v| format!("{v:.1}"))
}

/// Columns wide enough for CJK text, which takes two cells a character.
pub(super) fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if ('\u{1100}'..='\u{115F}').contains(&c)
                || ('\u{2E80}'..='\u{A4CF}').contains(&c)
                || ('\u{AC00}'..='\u{D7A3}').contains(&c)
                || ('\u{F900}'..='\u{FAFF}').contains(&c)
                || ('\u{FF00}'..='\u{FF60}').contains(&c)
            {
                2
            } else {
                1
            }
        })
        .sum()
}

pub fn write_table(
    w: &mut impl Write,
    rows: &[&Row],
    q: &Questionnaire,
    lang: Lang,
) -> std::io::Result<()> {
    let zh = lang == Lang::Zh;
    let mut header: Vec<String> = if zh {
        vec!["文件", "企业", "总分", "等级", "完成度%"]
    } else {
        vec!["file", "firm", "score", "level", "complete%"]
    }
    .into_iter()
    .map(String::from)
    .collect();
    header.extend(
        q.indicators
            .iter()
            .map(|i| format!("{}%", terminal_safe(i.name.get(lang)))),
    );
    header.push(if zh { "首要建议" } else { "first advice" }.to_string());
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut cells = vec![
                terminal_safe(&r.file).into_owned(),
                terminal_safe(&r.firm).into_owned(),
                format!(
                    "{}{}",
                    if q.scoring == Scoring::Maturity {
                        format_maturity(r.total)
                    } else {
                        format!("{:.2}", r.total)
                    },
                    if r.provisional { "*" } else { "" }
                ),
                if r.level_name.is_empty() {
                    "—".to_string()
                } else {
                    terminal_safe(&r.level_name).into_owned()
                },
                format!("{:.1}", r.completeness),
            ];
            cells.extend(r.indicators.iter().map(|i| fmt_opt(i.value)));
            cells.push(
                r.first_advice
                    .as_deref()
                    .map_or_else(|| "—".to_string(), |a| terminal_safe(a).into_owned()),
            );
            cells
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            std::iter::once(&header)
                .chain(&body)
                .map(|r| display_width(&r[c]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for line in std::iter::once(&header).chain(&body) {
        let cells: Vec<String> = line
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - display_width(c))))
            .collect();
        writeln!(w, "{}", cells.join("  ").trim_end())?;
    }
    if rows.iter().any(|r| r.provisional) {
        writeln!(
            w,
            "{}",
            if zh {
                "* 有未答题目，结果为暂定"
            } else {
                "* unanswered questions: provisional result"
            }
        )?;
    }
    Ok(())
}

pub fn write_json(w: &mut impl Write, rows: &[&Row]) -> std::io::Result<()> {
    writeln!(w, "[")?;
    for (n, r) in rows.iter().enumerate() {
        let sep = if n + 1 < rows.len() { "," } else { "" };
        writeln!(w, "  {}{sep}", serde_json::to_string(r).unwrap_or_default())?;
    }
    writeln!(w, "]")
}
