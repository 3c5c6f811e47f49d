//! Grouped horizontal bars on a 0–100 % scale: one group a figure (its name and a note
//! on top, an optional reference line across the group), one bar a series in it (a
//! firm, or a round). Each bar is labelled with its series' number and value, and the
//! legend names the series by number, so colour is never the only carrier. The
//! comparison charts draw with it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars::{
    bold, draw_percent_scale, style, x_of, BAR_X0, BAR_X1, INK, MUTED, TRACK_COLOR, WIDTH,
};
use super::svg_text::{fit_label, make_accessible};
use crate::domain::model::text::Lang;

/// Distinct at a glance and each dark enough for white text (WCAG AA on white too).
pub const SERIES_COLORS: [RGBColor; 5] = [
    RGBColor(0x2f, 0x5d, 0x9e),
    RGBColor(0xb4, 0x3c, 0x0a),
    RGBColor(0x15, 0x6b, 0x3f),
    RGBColor(0x6d, 0x28, 0xd9),
    RGBColor(0x0e, 0x5e, 0x6f),
];

const TOP: i32 = 8;
const NAME_HEIGHT: i32 = 34;
const BAR_HEIGHT: i32 = 20;
const BAR_STEP: i32 = 26;
const GROUP_GAP: i32 = 18;
const AXIS: i32 = 30;
const LEGEND_LINE: i32 = 26;
const NAME_EM: f64 = 30.0;

pub struct Series {
    /// The firm's name or the round's label, in the legend.
    pub label: String,
    pub color: RGBColor,
}

pub struct Group {
    pub name: String,
    /// Written at the group's top right ("+12.0 个百分点"), or empty.
    pub note: String,
    /// A reference across the group and its label ("目标 68%").
    pub marker: Option<(f64, String)>,
    /// One a series, in the order of `GroupedChart::series`: 0–100 and its words.
    pub bars: Vec<(Option<f64>, String)>,
}

pub struct GroupedChart<'a> {
    /// The language of its words (the series numbers' separator: "1：", "1: ").
    pub lang: Lang,
    pub class: &'a str,
    pub title: &'a str,
    pub description: String,
    pub series: Vec<Series>,
    pub groups: Vec<Group>,
}

fn group_height(series: usize) -> i32 {
    NAME_HEIGHT + BAR_STEP * series as i32 + GROUP_GAP
}

pub fn height_for(groups: usize, series: usize) -> u32 {
    (TOP + group_height(series) * groups.max(1) as i32 + AXIS + LEGEND_LINE * series as i32 + 8)
        as u32
}

pub fn grouped_chart_svg(chart: &GroupedChart) -> String {
    let height = height_for(chart.groups.len(), chart.series.len());
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        // Drawing into a String cannot fail; an error would only lose the chart, not data.
        let _ = draw(&root, chart);
        let _ = root.present();
    }
    make_accessible(svg, chart.class, chart.title, &chart.description)
}

fn draw(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    chart: &GroupedChart,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    root.fill(&WHITE)?;
    let n = chart.series.len();
    let step = group_height(n);
    for (g, group) in chart.groups.iter().enumerate() {
        let y = TOP + step * g as i32;
        root.draw(&Text::new(
            fit_label(&group.name, NAME_EM),
            (BAR_X0, y + 4),
            bold(19.0, INK, HPos::Left, VPos::Top),
        ))?;
        if !group.note.is_empty() {
            root.draw(&Text::new(
                group.note.clone(),
                (BAR_X1, y + 4),
                bold(16.0, MUTED, HPos::Right, VPos::Top),
            ))?;
        }
        for (s, (value, text)) in group.bars.iter().enumerate().take(n) {
            let top = y + NAME_HEIGHT + BAR_STEP * s as i32;
            let mid = top + BAR_HEIGHT / 2;
            let label = format!("{}{}{text}", s + 1, chart.lang.pick("：", ": "));
            root.draw(&Rectangle::new(
                [(BAR_X0, top), (BAR_X1, top + BAR_HEIGHT)],
                TRACK_COLOR.filled(),
            ))?;
            match value {
                Some(v) => {
                    let end = x_of(*v);
                    root.draw(&Rectangle::new(
                        [(BAR_X0, top), (end, top + BAR_HEIGHT)],
                        chart.series[s].color.filled(),
                    ))?;
                    if end - BAR_X0 >= 110 {
                        root.draw(&Text::new(
                            label,
                            (BAR_X0 + 6, mid),
                            bold(15.0, WHITE, HPos::Left, VPos::Center),
                        ))?;
                    } else {
                        root.draw(&Text::new(
                            label,
                            (end + 6, mid),
                            bold(15.0, INK, HPos::Left, VPos::Center),
                        ))?;
                    }
                }
                None => {
                    root.draw(&Text::new(
                        label,
                        (BAR_X0 + 6, mid),
                        style(15.0, MUTED, HPos::Left, VPos::Center),
                    ))?;
                }
            }
        }
        if let Some((v, label)) = &group.marker {
            let x = x_of(*v);
            let (top, bottom) = (y + NAME_HEIGHT - 4, y + NAME_HEIGHT + BAR_STEP * n as i32);
            root.draw(&Rectangle::new(
                [(x - 1, top), (x + 1, bottom)],
                INK.filled(),
            ))?;
            root.draw(&Text::new(
                label.clone(),
                (x.min(BAR_X1 - 4), top - 2),
                style(14.0, INK, HPos::Right, VPos::Bottom),
            ))?;
        }
    }
    let axis = TOP + step * chart.groups.len().max(1) as i32;
    draw_percent_scale(root, axis, 15.0)?;
    for (s, series) in chart.series.iter().enumerate() {
        let ly = axis + AXIS + LEGEND_LINE * s as i32 + 10;
        root.draw(&Circle::new((BAR_X0 + 6, ly), 6, series.color.filled()))?;
        root.draw(&Text::new(
            format!(
                "{}{}{}",
                s + 1,
                chart.lang.pick("：", ": "),
                fit_label(&series.label, NAME_EM - 2.0)
            ),
            (BAR_X0 + 18, ly),
            style(16.0, INK, HPos::Left, VPos::Center),
        ))?;
    }
    Ok(())
}
