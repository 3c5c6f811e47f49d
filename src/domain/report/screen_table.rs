//! The desk's comparison, rounds and roll-up tables as the screen shows them: the rows
//! and columns of the spreadsheet tables (`table`: the same figures in the same order,
//! which the desk exports), each cell worded as the display rows word it ("68%" as the
//! target is written, "+12.0 个百分点"), where a spreadsheet's cell keeps the bare number.
//! The first cell of each row names it (a row header on screen).

use super::compare::{ChangeRow, CompareRow, FirmComparison, RoundsComparison};
use super::rollup::RollupReport;
use crate::domain::model::text::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct ScreenTable {
    /// What the table is, said before it (an HTML caption).
    pub caption: String,
    pub headings: Vec<String>,
    /// One a row: what it is of ("cnc_rate", "score", "level", "acted-on"), for a test
    /// or a stylesheet to find it by.
    pub keys: Vec<String>,
    /// Each as long as `headings`; the first cell is the row's name.
    pub rows: Vec<Vec<String>>,
}

impl ScreenTable {
    fn push(&mut self, key: &str, cells: Vec<String>) {
        self.keys.push(key.to_string());
        self.rows.push(cells);
    }
}

fn compare_cells(r: &CompareRow) -> Vec<String> {
    let mut cells = vec![r.name.clone(), r.target_text.clone()];
    cells.extend(r.cells.iter().map(|c| c.text.clone()));
    cells
}

/// Firms side by side as `table::comparison_table` lays them out: a row a figure
/// (indicators, dimensions, the score, the level), a column a firm after the target.
pub fn comparison_screen(c: &FirmComparison, lang: Lang) -> ScreenTable {
    let mut headings = vec![
        lang.pick("项目", "Figure").to_string(),
        lang.pick("目标", "Target").to_string(),
    ];
    headings.extend(c.firms.iter().cloned());
    let mut t = ScreenTable {
        caption: match lang {
            Lang::Zh => format!("企业并排比较：{}", c.questionnaire_text),
            Lang::En => format!("Firms side by side: {}", c.questionnaire_text),
        },
        headings,
        keys: Vec::new(),
        rows: Vec::new(),
    };
    for r in c.indicators.iter().chain(&c.dimensions) {
        t.push(&r.id, compare_cells(r));
    }
    t.push("score", compare_cells(&c.score));
    t.push("level", compare_cells(&c.level));
    t
}

fn change_cells(r: &ChangeRow) -> Vec<String> {
    vec![
        r.name.clone(),
        r.before_text.clone(),
        r.after_text.clone(),
        r.change_text.clone(),
    ]
}

/// One firm's rounds as `table::rounds_table` lays them out: a row a figure with T0,
/// T1 and the change, then a row a recommendation acted on.
pub fn rounds_screen(c: &RoundsComparison, lang: Lang) -> ScreenTable {
    let mut t = ScreenTable {
        caption: match lang {
            Lang::Zh => format!("{}：{} → {}", c.firm, c.before_label, c.after_label),
            Lang::En => format!("{}: {} → {}", c.firm, c.before_label, c.after_label),
        },
        headings: vec![
            lang.pick("项目", "Figure").to_string(),
            c.before_label.clone(),
            c.after_label.clone(),
            lang.pick("变化", "Change").to_string(),
        ],
        keys: Vec::new(),
        rows: Vec::new(),
    };
    for r in c.indicators.iter().chain(&c.dimensions) {
        t.push(&r.id, change_cells(r));
    }
    t.push("score", change_cells(&c.score));
    t.push("level", change_cells(&c.level));
    let acted = lang.pick("已落实的建议", "Recommendation acted on");
    for a in &c.acted_on {
        t.push(
            "acted-on",
            vec![acted.to_string(), a.clone(), String::new(), String::new()],
        );
    }
    t
}

/// The roll-up's indicators: target, the firms' mean, the weighted value, the firms
/// meeting the target and those with a value.
pub fn rollup_indicators_screen(r: &RollupReport, lang: Lang) -> ScreenTable {
    let headings = if lang == Lang::Zh {
        [
            "指标",
            "目标",
            "企业均值",
            "加权值（Σ分子 ÷ Σ分母）",
            "达标企业（占比）",
            "有值企业",
        ]
    } else {
        [
            "Indicator",
            "Target",
            "Mean of firms",
            "Weighted (Σ numerators ÷ Σ denominators)",
            "Firms meeting the target (share)",
            "Firms with a value",
        ]
    };
    let mut t = ScreenTable {
        caption: match lang {
            Lang::Zh => format!("核心指标汇总：{}", r.title),
            Lang::En => format!("Headline indicators rolled up: {}", r.title),
        },
        headings: headings.map(String::from).to_vec(),
        keys: Vec::new(),
        rows: Vec::new(),
    };
    for i in &r.indicators {
        t.push(
            &i.id,
            vec![
                i.name.clone(),
                i.target_text.clone(),
                i.mean_text.clone(),
                i.weighted_text.clone(),
                i.meeting_text.clone(),
                i.with_value_text.clone(),
            ],
        );
    }
    t
}

/// The roll-up's levels: below the first, then each level, with the firms at it and
/// their share; None without a level scheme.
pub fn rollup_levels_screen(r: &RollupReport, lang: Lang) -> Option<ScreenTable> {
    if r.levels.is_empty() {
        return None;
    }
    let mut t = ScreenTable {
        caption: lang.pick("等级分布", "Levels").to_string(),
        headings: vec![
            lang.pick("等级", "Level").to_string(),
            lang.pick("企业（占比）", "Firms (share)").to_string(),
        ],
        keys: Vec::new(),
        rows: Vec::new(),
    };
    for (n, l) in r.levels.iter().enumerate() {
        t.push(
            &format!("level-{n}"),
            vec![l.name.clone(), l.firms_text.clone()],
        );
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::compare::CompareCell;

    fn row(id: &str, target: &str, cells: &[&str]) -> CompareRow {
        CompareRow {
            id: id.into(),
            name: id.to_uppercase(),
            target_text: target.into(),
            target: None,
            cells: cells
                .iter()
                .map(|t| CompareCell {
                    value: None,
                    text: t.to_string(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_comparison_reads_as_its_rows_word_it_in_the_spreadsheets_order() {
        let c = FirmComparison {
            questionnaire_text: "速测 1.0.0".into(),
            firms: vec!["甲".into(), "乙（T1）".into()],
            ids: vec!["a".into(), "b".into()],
            left_out: Vec::new(),
            indicators: vec![row("cnc_rate", "68%", &["55.0%", "不适用"])],
            dimensions: vec![row("d1", "", &["40.0%", "60.0%"])],
            score: row("score", "", &["50.75", "10"]),
            level: row("level", "", &["二级", "未达一级"]),
        };
        let t = comparison_screen(&c, Lang::Zh);
        assert_eq!(t.headings, ["项目", "目标", "甲", "乙（T1）"]);
        assert_eq!(t.keys, ["cnc_rate", "d1", "score", "level"]);
        assert_eq!(t.rows[0], ["CNC_RATE", "68%", "55.0%", "不适用"]);
        assert_eq!(t.rows[3], ["LEVEL", "", "二级", "未达一级"]);
        assert!(t.rows.iter().all(|r| r.len() == t.headings.len()));
        let exported = crate::domain::report::table::comparison_table(&c, Lang::Zh);
        assert_eq!(exported.rows.len(), t.rows.len(), "the rows the export has");
        assert_eq!(exported.headings.len(), t.headings.len());
    }
}
