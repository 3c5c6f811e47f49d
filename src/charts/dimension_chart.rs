//! Per-dimension bars (0–100 %) with the threshold of the firm's next level as a line.
//! The words are the rows' (`domain::report`), so a bar reads as the table does.

use super::bars::{
    bar_chart_svg, BarChart, BarRow, Swatch, MET_COLOR, MUTED, NEUTRAL_COLOR, SHORT_COLOR,
};
use super::svg_text::label_width;
use crate::domain::model::text::Lang;
use crate::domain::report::DimensionRow;

/// The room of a note above a bar, in font sizes (the bar's width at the note's size).
const NOTE_EM: f64 = 22.0;

pub fn dimension_chart_svg(rows: &[DimensionRow], next_level_name: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let bar_rows = rows
        .iter()
        .map(|r| {
            let below = matches!((r.percent, r.threshold), (Some(p), Some(t)) if p < t);
            BarRow {
                name: r.name.clone(),
                value: r.percent,
                value_text: r.chart_text().to_string(),
                color: if r.threshold.is_none() {
                    NEUTRAL_COLOR
                } else if below {
                    SHORT_COLOR
                } else {
                    MET_COLOR
                },
                marker: r.threshold.map(|t| (t, next_level_name.to_string())),
                ring: None,
                // What the next level needs can be a sentence (a maturity level's
                // descriptor): the table has it, the bar the level reached.
                note: if r.gap_text.is_empty() || label_width(&r.gap_text) > NOTE_EM {
                    r.value_text.clone()
                } else {
                    r.gap_text.clone()
                },
                note_color: if below { SHORT_COLOR } else { MUTED },
            }
        })
        .collect();
    let description = rows
        .iter()
        .map(|r| {
            let pct = r.chart_text();
            if zh {
                format!("{}：{}，{}。", r.name, pct, r.value_text)
            } else {
                format!("{}: {}, {}.", r.name, pct, r.value_text)
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut legend = vec![(
        Swatch::Dot(NEUTRAL_COLOR),
        if zh { "得分率" } else { "Score" }.to_string(),
    )];
    if !next_level_name.is_empty() {
        legend = vec![
            (
                Swatch::Dot(MET_COLOR),
                if zh {
                    "已达下一等级线"
                } else {
                    "At next level"
                }
                .to_string(),
            ),
            (
                Swatch::Dot(SHORT_COLOR),
                if zh {
                    "低于下一等级线"
                } else {
                    "Below next level"
                }
                .to_string(),
            ),
            (Swatch::Line, next_level_name.to_string()),
        ];
    }
    bar_chart_svg(&BarChart {
        class: "dimension-chart",
        title: if zh {
            "各维度得分率"
        } else {
            "Score by dimension"
        },
        description,
        rows: bar_rows,
        legend,
    })
}
