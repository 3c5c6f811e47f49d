//! The gap chart: one horizontal bar per headline indicator on a 0–100 % scale, the
//! target as a vertical marker, and the gap in percentage points as text beside it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::svg_text::make_accessible;
use crate::domain::report::{IndicatorRow, RowStatus};
use crate::domain::text::Lang;

/// System fonts only: users' machines have a CJK font, and downloading one would cost
/// megabytes. Noto Sans CJK is what Debian's `fonts-noto-cjk` provides.
pub const FONT_STACK: &str =
    "PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, Source Han Sans SC, sans-serif";

/// Stacked rows (the name, the bar, then the gap and the target label below it) keep the
/// chart legible when it is scaled down to a 360 px phone. Targets sit at 65–90 %, so the
/// target label stays clear of the gap text on the left.
pub const WIDTH: u32 = 440;
pub const ROW_HEIGHT: u32 = 96;
const TOP: i32 = 8;
const AXIS_AND_LEGEND: u32 = 56;
/// Left and right edge of the 0–100 % bar area.
pub const BAR_X0: i32 = 12;
pub const BAR_X1: i32 = 428;
const BAR_TOP: i32 = 32;
const BAR_BOTTOM: i32 = 58;

pub const MET_COLOR: RGBColor = RGBColor(0x15, 0x6b, 0x3f);
pub const SHORT_COLOR: RGBColor = RGBColor(0xb4, 0x3c, 0x0a);
const NEUTRAL_COLOR: RGBColor = RGBColor(0x2f, 0x5d, 0x9e);
const TRACK_COLOR: RGBColor = RGBColor(0xe7, 0xea, 0xee);
const GRID_COLOR: RGBColor = RGBColor(0xc9, 0xce, 0xd6);
const INK: RGBColor = RGBColor(0x1f, 0x29, 0x37);
const MUTED: RGBColor = RGBColor(0x4b, 0x55, 0x63);

/// The colour of a row's value bar; tests and the legend rely on these being distinct.
pub fn bar_color(status: RowStatus) -> RGBColor {
    match status {
        RowStatus::Met => MET_COLOR,
        RowStatus::Short => SHORT_COLOR,
        _ => NEUTRAL_COLOR,
    }
}

/// SVG `fill` value of a colour, as plotters writes it.
pub fn svg_fill(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// x position of a percentage on the bar area.
pub fn x_of(percent: f64) -> i32 {
    let p = percent.clamp(0.0, 100.0);
    BAR_X0 + ((BAR_X1 - BAR_X0) as f64 * p / 100.0).round() as i32
}

fn text_style(size: f64, weight: FontStyle, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: FontDesc::new(FontFamily::Name(FONT_STACK), size, weight),
        color: color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

fn style(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    text_style(size, FontStyle::Normal, color, h, v)
}

fn bold(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    text_style(size, FontStyle::Bold, color, h, v)
}

pub struct GapChartText<'a> {
    pub title: &'a str,
    pub target_word: &'a str,
    pub legend_met: &'a str,
    pub legend_short: &'a str,
    pub legend_target: &'a str,
}

impl GapChartText<'static> {
    pub fn for_lang(lang: Lang) -> Self {
        match lang {
            Lang::Zh => GapChartText {
                title: "核心指标与目标的差距",
                target_word: "目标",
                legend_met: "已达标",
                legend_short: "未达标",
                legend_target: "目标值",
            },
            Lang::En => GapChartText {
                title: "Headline indicators against targets",
                target_word: "Target",
                legend_met: "Target met",
                legend_short: "Below target",
                legend_target: "Target value",
            },
        }
    }
}

/// The chart's text alternative: one sentence per indicator.
pub fn describe(rows: &[IndicatorRow], lang: Lang) -> String {
    rows.iter()
        .map(|r| match lang {
            Lang::Zh => format!("{}：{}，目标 {}，{}。", r.name, r.value_text, r.target_text, r.gap_text),
            Lang::En => format!("{}: {}, target {}, {}.", r.name, r.value_text, r.target_text, r.gap_text),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn height_for(rows: usize) -> u32 {
    TOP as u32 + ROW_HEIGHT * rows.max(1) as u32 + AXIS_AND_LEGEND
}

/// Draws the chart as an SVG document.
pub fn gap_chart_svg(rows: &[IndicatorRow], lang: Lang) -> String {
    let text = GapChartText::for_lang(lang);
    let height = height_for(rows.len());
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        // Drawing into a String cannot fail; an error would only lose the chart, not data.
        let _ = draw(&root, rows, &text, height);
        let _ = root.present();
    }
    make_accessible(svg, "gap-chart", text.title, &describe(rows, lang))
}

fn draw(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    rows: &[IndicatorRow],
    text: &GapChartText,
    height: u32,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    root.fill(&WHITE)?;
    let rows_bottom = TOP + ROW_HEIGHT as i32 * (rows.len().max(1) as i32 - 1) + BAR_BOTTOM + 34;

    // The scale under the last bar: 0, 25, 50, 75 and 100 %.
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = x_of(tick);
        root.draw(&Rectangle::new([(x, rows_bottom - 4), (x + 1, rows_bottom + 1)], GRID_COLOR.filled()))?;
        let anchor = if tick == 0.0 { HPos::Left } else if tick == 100.0 { HPos::Right } else { HPos::Center };
        root.draw(&Text::new(format!("{tick:.0}%"), (x, rows_bottom + 2), style(13.0, MUTED, anchor, VPos::Top)))?;
    }

    for (i, row) in rows.iter().enumerate() {
        let y = TOP + ROW_HEIGHT as i32 * i as i32;
        root.draw(&Text::new(row.name.clone(), (BAR_X0, y + 4), bold(18.0, INK, HPos::Left, VPos::Top)))?;
        let gap_color = match row.status {
            RowStatus::Met => MET_COLOR,
            RowStatus::Short => SHORT_COLOR,
            _ => MUTED,
        };
        root.draw(&Text::new(row.gap_text.clone(), (BAR_X0, y + BAR_BOTTOM + 7), bold(15.0, gap_color, HPos::Left, VPos::Top)))?;

        root.draw(&Rectangle::new([(BAR_X0, y + BAR_TOP), (BAR_X1, y + BAR_BOTTOM)], TRACK_COLOR.filled()))?;
        let mid = y + (BAR_TOP + BAR_BOTTOM) / 2;
        match row.value {
            Some(v) => {
                let end = x_of(v);
                root.draw(&Rectangle::new([(BAR_X0, y + BAR_TOP), (end, y + BAR_BOTTOM)], bar_color(row.status).filled()))?;
                // The value label sits inside the bar's start when the bar is long enough,
                // else after its end: never where the target marker usually is.
                if end - BAR_X0 >= 64 {
                    root.draw(&Text::new(row.value_text.clone(), (BAR_X0 + 8, mid), bold(15.0, WHITE, HPos::Left, VPos::Center)))?;
                } else {
                    root.draw(&Text::new(row.value_text.clone(), (end + 6, mid), bold(15.0, INK, HPos::Left, VPos::Center)))?;
                }
            }
            None => {
                root.draw(&Text::new(row.value_text.clone(), (BAR_X0 + 8, mid), style(15.0, MUTED, HPos::Left, VPos::Center)))?;
            }
        }
        if let Some(t) = row.target {
            let x = x_of(t);
            root.draw(&Rectangle::new([(x - 1, y + BAR_TOP - 5), (x + 1, y + BAR_BOTTOM + 5)], INK.filled()))?;
            let label = format!("{} {}", text.target_word, row.target_text);
            let anchor = if x > BAR_X1 - 45 { HPos::Right } else if x < BAR_X0 + 45 { HPos::Left } else { HPos::Center };
            root.draw(&Text::new(label, (x, y + BAR_BOTTOM + 7), style(13.0, INK, anchor, VPos::Top)))?;
        }
    }

    // Legend: colour is never the only carrier, the gap text says the same.
    // Swatches are circles so that no legend shape can be mistaken for a bar.
    let ly = height as i32 - 18;
    let mut x = BAR_X0;
    for (color, label) in [(MET_COLOR, text.legend_met), (SHORT_COLOR, text.legend_short)] {
        root.draw(&Circle::new((x + 6, ly), 6, color.filled()))?;
        root.draw(&Text::new(label.to_string(), (x + 18, ly), style(13.0, INK, HPos::Left, VPos::Center)))?;
        x += 130;
    }
    root.draw(&Rectangle::new([(x + 5, ly - 9), (x + 7, ly + 9)], INK.filled()))?;
    root.draw(&Text::new(text.legend_target.to_string(), (x + 18, ly), style(13.0, INK, HPos::Left, VPos::Center)))?;
    Ok(())
}
