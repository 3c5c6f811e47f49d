//! Horizontal bars on a 0–100 % scale, one stacked row per figure: the name (left) and a
//! note such as the gap (right) on top, then the bar with a reference marker (a target
//! or a level threshold, labelled below it) and an optional ring (the national value,
//! labelled above it). Stacked rows stay legible when the chart is scaled down to a
//! 360 px phone. The gap and dimension charts draw with it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::svg_text::{fit_label, make_accessible};
use crate::domain::report::format_target;

/// System fonts only: users' machines have a CJK font, and downloading one would cost
/// megabytes. Noto Sans CJK is what Debian's `fonts-noto-cjk` provides.
pub const FONT_STACK: &str =
    "PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, Source Han Sans SC, sans-serif";

pub const WIDTH: u32 = 440;
pub const ROW_HEIGHT: u32 = 118;
const TOP: i32 = 8;
const AXIS_AND_LEGEND: u32 = 64;
/// Left and right edge of the 0–100 % bar area.
pub const BAR_X0: i32 = 12;
/// The longest row name drawn (at 21 px): the built-in names fit, a name of any length
/// from a file or a user is cut.
const ROW_NAME_EM: f64 = 30.0;
pub const BAR_X1: i32 = 428;
const BAR_TOP: i32 = 44;
const BAR_BOTTOM: i32 = 70;

pub const MET_COLOR: RGBColor = RGBColor(0x15, 0x6b, 0x3f);
pub const SHORT_COLOR: RGBColor = RGBColor(0xb4, 0x3c, 0x0a);
pub const NEUTRAL_COLOR: RGBColor = RGBColor(0x2f, 0x5d, 0x9e);
pub(super) const TRACK_COLOR: RGBColor = RGBColor(0xe7, 0xea, 0xee);
pub(super) const GRID_COLOR: RGBColor = RGBColor(0xc9, 0xce, 0xd6);
pub const INK: RGBColor = RGBColor(0x1f, 0x29, 0x37);
pub const MUTED: RGBColor = RGBColor(0x4b, 0x55, 0x63);
pub const NATIONAL_COLOR: RGBColor = RGBColor(0x6d, 0x28, 0xd9);

/// SVG `fill` value of a colour, as plotters writes it.
pub fn svg_fill(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// x position of a percentage on the bar area.
pub fn x_of(percent: f64) -> i32 {
    let p = percent.clamp(0.0, 100.0);
    BAR_X0 + ((BAR_X1 - BAR_X0) as f64 * p / 100.0).round() as i32
}

pub struct BarRow {
    pub name: String,
    /// 0–100; None draws the empty track with `value_text` in it.
    pub value: Option<f64>,
    pub value_text: String,
    pub color: RGBColor,
    /// The reference line and its label ("目标 68%").
    pub marker: Option<(f64, String)>,
    /// A second reference, drawn as a ring ("全国 66.2%").
    pub ring: Option<(f64, String)>,
    pub note: String,
    pub note_color: RGBColor,
}

pub enum Swatch {
    Dot(RGBColor),
    Line,
    Ring,
}

pub struct BarChart<'a> {
    pub class: &'a str,
    pub title: &'a str,
    pub description: String,
    pub rows: Vec<BarRow>,
    pub legend: Vec<(Swatch, String)>,
}

fn text_style(
    size: f64,
    weight: FontStyle,
    color: RGBColor,
    h: HPos,
    v: VPos,
) -> TextStyle<'static> {
    TextStyle {
        font: FontDesc::new(FontFamily::Name(FONT_STACK), size, weight),
        color: color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

pub(super) fn style(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    text_style(size, FontStyle::Normal, color, h, v)
}

pub(super) fn bold(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    text_style(size, FontStyle::Bold, color, h, v)
}

pub fn height_for(rows: usize) -> u32 {
    TOP as u32 + ROW_HEIGHT * rows.max(1) as u32 + AXIS_AND_LEGEND
}

/// Draws the chart as an accessible SVG document.
pub fn bar_chart_svg(chart: &BarChart) -> String {
    let height = height_for(chart.rows.len());
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        // Drawing into a String cannot fail; an error would only lose the chart, not data.
        let _ = draw(&root, chart, height);
        let _ = root.present();
    }
    make_accessible(svg, chart.class, chart.title, &chart.description)
}

fn marker_anchor(x: i32) -> HPos {
    if x > BAR_X1 - 45 {
        HPos::Right
    } else if x < BAR_X0 + 45 {
        HPos::Left
    } else {
        HPos::Center
    }
}

fn draw(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    chart: &BarChart,
    height: u32,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    root.fill(&WHITE)?;
    let rows_bottom =
        TOP + ROW_HEIGHT as i32 * (chart.rows.len().max(1) as i32 - 1) + BAR_BOTTOM + 46;

    // The scale under the last bar: 0, 25, 50, 75 and 100 %.
    draw_percent_scale(root, rows_bottom, 16.0)?;

    for (i, row) in chart.rows.iter().enumerate() {
        let y = TOP + ROW_HEIGHT as i32 * i as i32;
        let mid = y + (BAR_TOP + BAR_BOTTOM) / 2;
        // The whole name is in the chart's description.
        root.draw(&Text::new(
            fit_label(&row.name, ROW_NAME_EM),
            (BAR_X0, y + 4),
            bold(21.0, INK, HPos::Left, VPos::Top),
        ))?;
        root.draw(&Text::new(
            row.note.clone(),
            (BAR_X1, y + 26),
            bold(17.0, row.note_color, HPos::Right, VPos::Top),
        ))?;
        root.draw(&Rectangle::new(
            [(BAR_X0, y + BAR_TOP), (BAR_X1, y + BAR_BOTTOM)],
            TRACK_COLOR.filled(),
        ))?;
        match row.value {
            Some(v) => {
                let end = x_of(v);
                root.draw(&Rectangle::new(
                    [(BAR_X0, y + BAR_TOP), (end, y + BAR_BOTTOM)],
                    row.color.filled(),
                ))?;
                // The value label sits inside the bar's start when the bar is long enough,
                // else after its end: never where the marker usually is.
                if end - BAR_X0 >= 64 {
                    root.draw(&Text::new(
                        row.value_text.clone(),
                        (BAR_X0 + 8, mid),
                        bold(18.0, WHITE, HPos::Left, VPos::Center),
                    ))?;
                } else {
                    root.draw(&Text::new(
                        row.value_text.clone(),
                        (end + 6, mid),
                        bold(18.0, INK, HPos::Left, VPos::Center),
                    ))?;
                }
            }
            None => {
                root.draw(&Text::new(
                    row.value_text.clone(),
                    (BAR_X0 + 8, mid),
                    style(18.0, MUTED, HPos::Left, VPos::Center),
                ))?;
            }
        }
        if let Some((v, label)) = &row.ring {
            let x = x_of(*v);
            root.draw(&Circle::new((x, mid), 7, NATIONAL_COLOR.stroke_width(3)))?;
            // On its own line under the marker's label: the two values are often close.
            root.draw(&Text::new(
                label.clone(),
                (x, y + BAR_BOTTOM + 24),
                style(16.0, NATIONAL_COLOR, marker_anchor(x), VPos::Top),
            ))?;
        }
        if let Some((v, label)) = &row.marker {
            let x = x_of(*v);
            root.draw(&Rectangle::new(
                [(x - 1, y + BAR_TOP - 5), (x + 1, y + BAR_BOTTOM + 5)],
                INK.filled(),
            ))?;
            root.draw(&Text::new(
                label.clone(),
                (x, y + BAR_BOTTOM + 6),
                style(16.0, INK, marker_anchor(x), VPos::Top),
            ))?;
        }
    }

    // Legend: colour is never the only carrier, the notes say the same in words.
    // Swatches are circles so that no legend shape can be mistaken for a bar.
    let ly = height as i32 - 18;
    let mut x = BAR_X0;
    for (swatch, label) in &chart.legend {
        match swatch {
            Swatch::Dot(color) => root.draw(&Circle::new((x + 6, ly), 6, color.filled()))?,
            Swatch::Line => root.draw(&Rectangle::new(
                [(x + 5, ly - 9), (x + 7, ly + 9)],
                INK.filled(),
            ))?,
            Swatch::Ring => {
                root.draw(&Circle::new((x + 6, ly), 6, NATIONAL_COLOR.stroke_width(3)))?
            }
        }
        root.draw(&Text::new(
            label.clone(),
            (x + 18, ly),
            style(16.0, INK, HPos::Left, VPos::Center),
        ))?;
        let wide = label.chars().filter(|c| !c.is_ascii()).count() as i32;
        let narrow = label.chars().count() as i32 - wide;
        x += 18 + 13 * wide + 7 * narrow + 16;
    }
    Ok(())
}

/// The 0–100 % scale along the bars' width at `y`: a tick and its figure at each quarter,
/// the ends' figures kept inside the drawing.
pub(super) fn draw_percent_scale(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    y: i32,
    font_size: f64,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = x_of(tick);
        root.draw(&Rectangle::new(
            [(x, y - 4), (x + 1, y + 1)],
            GRID_COLOR.filled(),
        ))?;
        let anchor = if tick == 0.0 {
            HPos::Left
        } else if tick == 100.0 {
            HPos::Right
        } else {
            HPos::Center
        };
        root.draw(&Text::new(
            format_target(tick),
            (x, y + 2),
            style(font_size, MUTED, anchor, VPos::Top),
        ))?;
    }
    Ok(())
}
