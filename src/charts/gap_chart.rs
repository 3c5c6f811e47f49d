//! The gap chart: each headline indicator against the selected profile's target (a line)
//! and the latest national value (a ring), with the gap in percentage points.

use plotters::style::RGBColor;

use super::bars::{
    bar_chart_svg, BarChart, BarRow, Swatch, MET_COLOR, MUTED, NEUTRAL_COLOR, SHORT_COLOR,
};
use crate::domain::model::text::Lang;
use crate::domain::report::{IndicatorRow, RowStatus};

/// The colour of a row's value bar; tests and the legend rely on these being distinct.
pub fn bar_color(status: RowStatus) -> RGBColor {
    match status {
        RowStatus::Met => MET_COLOR,
        RowStatus::Short => SHORT_COLOR,
        _ => NEUTRAL_COLOR,
    }
}

/// The chart's text alternative: one sentence per indicator.
pub fn describe(rows: &[IndicatorRow], lang: Lang) -> String {
    rows.iter()
        .map(|r| match lang {
            Lang::Zh => format!(
                "{}：{}，目标 {}，{}。",
                r.name, r.value_text, r.target_text, r.gap_text
            ),
            Lang::En => format!(
                "{}: {}, target {}, {}.",
                r.name, r.value_text, r.target_text, r.gap_text
            ),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Draws the chart as an SVG document; the firm's name (if any) heads its title.
pub fn gap_chart_svg(rows: &[IndicatorRow], firm: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let bar_rows = rows
        .iter()
        .map(|r| BarRow {
            name: r.name.clone(),
            value: r.value,
            value_text: r.value_text.clone(),
            color: bar_color(r.status),
            marker: r.target.map(|t| {
                (
                    t,
                    format!("{} {}", if zh { "目标" } else { "Target" }, r.target_text),
                )
            }),
            ring: r.national.map(|n| {
                (
                    n,
                    format!(
                        "{} {}",
                        if zh { "全国" } else { "National" },
                        r.national_value_text
                    ),
                )
            }),
            // "—" says nothing a missing value does not already say.
            note: if r.gap_text == "—" {
                String::new()
            } else {
                r.gap_text.clone()
            },
            note_color: match r.status {
                RowStatus::Met => MET_COLOR,
                RowStatus::Short => SHORT_COLOR,
                _ => MUTED,
            },
        })
        .collect();
    let (met, short, target, national) = if zh {
        ("已达标", "未达标", "目标值", "全国实际值")
    } else {
        ("Target met", "Below target", "Target", "National actual")
    };
    let base = if zh {
        "核心指标与目标的差距"
    } else {
        "Headline indicators against targets"
    };
    let title = match (firm.trim().is_empty(), zh) {
        (true, _) => base.to_string(),
        (false, true) => format!("{}：{base}", firm.trim()),
        (false, false) => format!("{}: {base}", firm.trim()),
    };
    bar_chart_svg(&BarChart {
        class: "gap-chart",
        title: &title,
        description: describe(rows, lang),
        rows: bar_rows,
        legend: vec![
            (Swatch::Dot(MET_COLOR), met.to_string()),
            (Swatch::Dot(SHORT_COLOR), short.to_string()),
            (Swatch::Line, target.to_string()),
            (Swatch::Ring, national.to_string()),
        ],
    })
}
