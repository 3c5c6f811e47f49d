//! The comparison charts: firms side by side (each headline indicator a group, one bar
//! a firm, the profile's target across the group), and one firm's two rounds (each
//! indicator and dimension a pair of bars, T0 then T1, with the change written beside),
//! and a portfolio's roll-up (each indicator the firms' mean and the weighted value, the
//! target across).

use plotters::style::RGBColor;

use super::grouped_bars::{grouped_chart_svg, Group, GroupedChart, Series, SERIES_COLORS};
use crate::domain::compute::rollup::RollupResult;
use crate::domain::model::text::Lang;
use crate::domain::report::compare::{ChangeRow, FirmComparison, RoundsComparison};
use crate::domain::report::RollupReport;

fn target_label(text: &str, lang: Lang) -> String {
    format!("{} {text}", lang.pick("目标", "Target"))
}

/// The text alternative: each indicator with every firm's value.
fn describe_firms(c: &FirmComparison, lang: Lang) -> String {
    c.indicators
        .iter()
        .map(|row| {
            let cells: Vec<String> = c
                .firms
                .iter()
                .zip(&row.cells)
                .map(|(firm, cell)| match lang {
                    Lang::Zh => format!("{firm} {}", cell.text),
                    Lang::En => format!("{firm} {}", cell.text),
                })
                .collect();
            match lang {
                Lang::Zh => format!(
                    "{}（目标 {}）：{}。",
                    row.name,
                    row.target_text,
                    cells.join("，")
                ),
                Lang::En => format!(
                    "{} (target {}): {}.",
                    row.name,
                    row.target_text,
                    cells.join(", ")
                ),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One series a firm, one group a headline indicator.
pub fn firms_chart_svg(c: &FirmComparison, lang: Lang) -> String {
    let series = c
        .firms
        .iter()
        .zip(SERIES_COLORS.iter().cycle())
        .map(|(label, &color)| Series {
            label: label.clone(),
            color,
        })
        .collect();
    let groups = c
        .indicators
        .iter()
        .map(|row| Group {
            name: row.name.clone(),
            note: String::new(),
            marker: row
                .target
                .map(|t| (t, target_label(&row.target_text, lang))),
            bars: row
                .cells
                .iter()
                .map(|c| (c.value, c.text.clone()))
                .collect(),
        })
        .collect();
    grouped_chart_svg(&GroupedChart {
        lang,
        class: "compare-chart",
        title: lang.pick(
            "核心指标：企业并排比较",
            "Headline indicators, firms side by side",
        ),
        description: describe_firms(c, lang),
        series,
        groups,
    })
}

/// The earlier round in a lighter blue, the later in the dark one.
const BEFORE_COLOR: RGBColor = RGBColor(0x5b, 0x7d, 0xb1);
const AFTER_COLOR: RGBColor = RGBColor(0x1e, 0x3a, 0x6b);

fn describe_rounds(c: &RoundsComparison, rows: &[&ChangeRow], lang: Lang) -> String {
    rows.iter()
        .map(|r| match lang {
            Lang::Zh => format!(
                "{}：{} {} → {} {}，{}。",
                r.name, c.before_label, r.before_text, c.after_label, r.after_text, r.change_text
            ),
            Lang::En => format!(
                "{}: {} {} → {} {}, {}.",
                r.name, c.before_label, r.before_text, c.after_label, r.after_text, r.change_text
            ),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// T0 → T1: a pair of bars a figure (the indicators, then the dimensions), the change
/// as the group's note.
pub fn rounds_chart_svg(c: &RoundsComparison, lang: Lang) -> String {
    let rows: Vec<&ChangeRow> = c.indicators.iter().chain(&c.dimensions).collect();
    let groups = rows
        .iter()
        .map(|r| Group {
            name: r.name.clone(),
            note: r.change_text.clone(),
            marker: None,
            bars: vec![
                (r.before, r.before_text.clone()),
                (r.after, r.after_text.clone()),
            ],
        })
        .collect();
    let title = match lang {
        Lang::Zh => format!("{}：{} → {}", c.firm, c.before_label, c.after_label),
        Lang::En => format!("{}: {} → {}", c.firm, c.before_label, c.after_label),
    };
    grouped_chart_svg(&GroupedChart {
        lang,
        class: "rounds-chart",
        title: &title,
        description: describe_rounds(c, &rows, lang),
        series: vec![
            Series {
                label: c.before_label.clone(),
                color: BEFORE_COLOR,
            },
            Series {
                label: c.after_label.clone(),
                color: AFTER_COLOR,
            },
        ],
        groups,
    })
}

/// The roll-up: a group an indicator, the firms' mean and the weighted value (Σ ÷ Σ) as
/// its two bars, the profile's target across it.
pub fn rollup_chart_svg(report: &RollupReport, result: &RollupResult, lang: Lang) -> String {
    let (mean, weighted) = (
        lang.pick("企业均值", "Mean of firms"),
        lang.pick("加权值", "Weighted"),
    );
    let groups = report
        .indicators
        .iter()
        .zip(&result.indicators)
        .map(|(row, i)| Group {
            name: row.name.clone(),
            note: String::new(),
            marker: i.target.map(|t| (t, target_label(&row.target_text, lang))),
            bars: vec![
                (i.mean, row.mean_text.clone()),
                (i.weighted, row.weighted_text.clone()),
            ],
        })
        .collect();
    let description = report
        .indicators
        .iter()
        .map(|r| match lang {
            Lang::Zh => format!(
                "{}（目标 {}）：{mean} {}，{weighted} {}，达标 {}。",
                r.name, r.target_text, r.mean_text, r.weighted_text, r.meeting_text
            ),
            Lang::En => format!(
                "{} (target {}): {mean} {}, {weighted} {}, meeting the target {}.",
                r.name, r.target_text, r.mean_text, r.weighted_text, r.meeting_text
            ),
        })
        .collect::<Vec<_>>()
        .join(" ");
    let title = match lang {
        Lang::Zh => format!("核心指标汇总：{}", report.title),
        Lang::En => format!("Headline indicators rolled up: {}", report.title),
    };
    grouped_chart_svg(&GroupedChart {
        lang,
        class: "rollup-chart",
        title: &title,
        description,
        series: vec![
            Series {
                label: mean.to_string(),
                color: SERIES_COLORS[0],
            },
            Series {
                label: weighted.to_string(),
                color: SERIES_COLORS[1],
            },
        ],
        groups,
    })
}
