//! The tables a consultant exports to a spreadsheet (the portfolio, a comparison, a
//! roll-up): headings worded in one language and cells that keep their figures as
//! numbers, so that CSV and XLSX (`domain::wire::{csv, xlsx}`, in the files worker)
//! write real numbers, a share as a percentage, and the words where there is no figure
//! ("不适用", "待填写") as the on-screen table shows them.

use serde::{Deserialize, Serialize};

use super::compare::{ChangeRow, CompareRow, FirmComparison, RoundsComparison};
use super::format::{level_label, overall_level_name};
use super::portfolio::{indicator_columns, PortfolioRow};
use crate::domain::compute::rollup::{RollupResult, POLICY_LEVEL};
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::Lang;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Text(String),
    /// A share, 0–100: a spreadsheet's percentage (XLSX: the fraction, formatted 0.0%).
    Percent(f64),
    /// A score, points, percentage points.
    Number(f64),
    Count(u64),
    Empty,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// The sheet's name (and the file's, for CSV).
    pub name: String,
    pub headings: Vec<String>,
    /// Each as long as `headings`.
    pub rows: Vec<Vec<Cell>>,
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn percent_or(value: Option<f64>, words: &str) -> Cell {
    value.map_or_else(|| text(words), Cell::Percent)
}

fn percent(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, Cell::Percent)
}

fn count(n: usize) -> Cell {
    Cell::Count(n as u64)
}

/// One row an assessment: firm, region, sector, size, round, date, questionnaire,
/// completeness, score, level, then each indicator's value and its gap in percentage
/// points (signed, as the report rounds it).
pub fn portfolio_table(rows: &[PortfolioRow], lang: Lang) -> Table {
    let zh = lang == Lang::Zh;
    let mut headings: Vec<String> = if zh {
        [
            "企业",
            "地区",
            "行业",
            "规模",
            "轮次",
            "评估日期",
            "问卷",
            "完成度（%）",
            "总分",
            "等级",
        ]
    } else {
        [
            "Firm",
            "Region",
            "Sector",
            "Size",
            "Round",
            "Assessed on",
            "Questionnaire",
            "Completeness (%)",
            "Score",
            "Level",
        ]
    }
    .map(String::from)
    .to_vec();
    let columns = indicator_columns(rows);
    for (_, name) in &columns {
        if zh {
            headings.push(format!("{name}（%）"));
            headings.push(format!("{name}与目标差距（百分点）"));
        } else {
            headings.push(format!("{name} (%)"));
            headings.push(format!("{name}: gap to target (pp)"));
        }
    }
    let rows = rows
        .iter()
        .map(|r| {
            let mut cells = vec![
                text(&r.firm),
                text(&r.region),
                text(&r.sector_text),
                text(&r.size_text),
                text(&r.round),
                text(&r.assessed_on),
                text(&r.questionnaire_text),
                Cell::Percent(r.completeness),
                if r.scored {
                    Cell::Number(r.score)
                } else {
                    Cell::Empty
                },
                text(&r.level_text),
            ];
            for (id, _) in &columns {
                match r.indicator(id) {
                    Some(i) => {
                        cells.push(percent_or(i.value, &i.value_text));
                        cells.push(i.gap_pp.map_or(Cell::Empty, Cell::Number));
                    }
                    None => cells.extend([Cell::Empty, Cell::Empty]),
                }
            }
            cells
        })
        .collect();
    Table {
        name: lang.pick("评估一览", "Portfolio").to_string(),
        headings,
        rows,
    }
}

fn compare_line(row: &CompareRow, percent_cells: bool) -> Vec<Cell> {
    let mut cells = vec![text(&row.name), percent(row.target)];
    cells.extend(row.cells.iter().map(|c| match c.value {
        Some(v) if percent_cells => Cell::Percent(v),
        _ => text(&c.text),
    }));
    cells
}

/// Firms side by side: a row a figure (indicators, dimensions, the score, the level), a
/// column a firm, after the figure's name and target.
pub fn comparison_table(c: &FirmComparison, lang: Lang) -> Table {
    let mut headings = vec![
        lang.pick("项目", "Figure").to_string(),
        lang.pick("目标（%）", "Target (%)").to_string(),
    ];
    headings.extend(c.firms.iter().cloned());
    let mut rows: Vec<Vec<Cell>> = c.indicators.iter().map(|r| compare_line(r, true)).collect();
    rows.extend(c.dimensions.iter().map(|r| compare_line(r, true)));
    let mut score = vec![text(&c.score.name), Cell::Empty];
    score.extend(
        c.score
            .cells
            .iter()
            .map(|s| s.value.map_or_else(|| text(&s.text), Cell::Number)),
    );
    rows.push(score);
    rows.push(compare_line(&c.level, false));
    Table {
        name: lang.pick("企业比较", "Comparison").to_string(),
        headings,
        rows,
    }
}

fn change_line(r: &ChangeRow, percent_cells: bool) -> Vec<Cell> {
    let figure = |v: Option<f64>, words: &str| match v {
        Some(v) if percent_cells => Cell::Percent(v),
        Some(v) => Cell::Number(v),
        None => text(words),
    };
    vec![
        text(&r.name),
        figure(r.before, &r.before_text),
        figure(r.after, &r.after_text),
        r.change.map_or(Cell::Empty, Cell::Number),
    ]
}

/// One firm's rounds: a row a figure with T0, T1 and the change (percentage points,
/// points, or levels), then a row a recommendation acted on.
pub fn rounds_table(c: &RoundsComparison, lang: Lang) -> Table {
    let headings = vec![
        lang.pick("项目", "Figure").to_string(),
        c.before_label.clone(),
        c.after_label.clone(),
        lang.pick("变化", "Change").to_string(),
    ];
    let mut rows: Vec<Vec<Cell>> = c.indicators.iter().map(|r| change_line(r, true)).collect();
    rows.extend(c.dimensions.iter().map(|r| change_line(r, true)));
    rows.push(change_line(&c.score, false));
    rows.push(vec![
        text(&c.level.name),
        text(&c.level.before_text),
        text(&c.level.after_text),
        c.level.change.map_or(Cell::Empty, Cell::Number),
    ]);
    let acted = lang.pick("已落实的建议", "Recommendation acted on");
    rows.extend(
        c.acted_on
            .iter()
            .map(|a| vec![text(acted), text(a), Cell::Empty, Cell::Empty]),
    );
    Table {
        name: lang.pick("两轮比较", "Rounds").to_string(),
        headings,
        rows,
    }
}

/// The roll-up: a row an indicator (target, the firms' mean, the weighted value, firms
/// meeting the target and their share, firms with a value), then the firms counted,
/// incomplete and left out, and a row a level with its firms and share.
pub fn rollup_table(q: &Questionnaire, r: &RollupResult, lang: Lang) -> Table {
    let headings = if lang == Lang::Zh {
        [
            "项目",
            "目标（%）",
            "企业均值（%）",
            "加权值（%）",
            "达标企业数",
            "达标比例（%）",
            "有值企业数",
            "企业数",
            "占比（%）",
        ]
    } else {
        [
            "Figure",
            "Target (%)",
            "Mean of firms (%)",
            "Weighted (%)",
            "Firms meeting target",
            "Share meeting target (%)",
            "Firms with a value",
            "Firms",
            "Share (%)",
        ]
    }
    .map(String::from)
    .to_vec();
    let mut rows: Vec<Vec<Cell>> = r
        .indicators
        .iter()
        .map(|i| {
            let name = q
                .indicator(&i.id)
                .map_or(i.id.as_str(), |d| d.name.get(lang));
            vec![
                text(name),
                percent(i.target),
                percent(i.mean),
                percent(i.weighted),
                i.meeting_target.map_or(Cell::Empty, count),
                percent(i.share_meeting_target),
                count(i.with_value),
                Cell::Empty,
                Cell::Empty,
            ]
        })
        .collect();
    let total = |name: &str, n: usize| {
        let mut cells = vec![text(name)];
        cells.extend(std::iter::repeat_n(Cell::Empty, 6));
        cells.extend([count(n), Cell::Empty]);
        cells
    };
    rows.push(total(lang.pick("计入企业", "Firms counted"), r.firms));
    rows.push(total(
        lang.pick("其中未答完", "…of them incomplete"),
        r.incomplete,
    ));
    rows.push(total(lang.pick("未计入", "Left out"), r.left_out.total()));
    let share_of = |n: usize| (r.firms > 0).then(|| n as f64 * 100.0 / r.firms as f64);
    let level = |name: String, n: usize, share: Option<f64>| {
        let mut cells = vec![Cell::Text(name)];
        cells.extend(std::iter::repeat_n(Cell::Empty, 6));
        cells.extend([count(n), percent(share)]);
        cells
    };
    if !r.levels.is_empty() {
        rows.push(level(
            overall_level_name(q, None, lang),
            r.below_first_level,
            share_of(r.below_first_level),
        ));
        rows.extend(
            r.levels
                .iter()
                .map(|l| level(level_label(q, l.level, lang), l.firms, l.share)),
        );
    }
    if let Some(l) = r.at_or_above {
        let name = level_label(q, POLICY_LEVEL, lang);
        let name = match lang {
            Lang::Zh => format!("{name}及以上"),
            Lang::En => format!("{name} or above"),
        };
        rows.push(level(name, l.firms, l.share));
    }
    Table {
        name: lang.pick("汇总", "Roll-up").to_string(),
        headings,
        rows,
    }
}
