//! The radar chart: one spoke per scored dimension, 0 % at the centre and 100 % at the
//! rim, the firm's scores as a filled polygon.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::{FONT_STACK, INK, MUTED, NEUTRAL_COLOR};
use super::svg_text::{label_width, make_accessible, wrap_label};
use crate::domain::model::text::Lang;
use crate::domain::report::{format_target, DimensionRow};

/// Wide enough for a label of two 9-em lines on each side of the rim, so that names in
/// English fit whole at a size that prints at 7 pt or more on a chart 110 mm wide. The
/// height grows where labels pushed apart need it (`radar_svg`); the width never does,
/// so the print size of the text stays.
pub const SIZE: (u32, u32) = (580, 440);
const CENTRE: (f64, f64) = (290.0, 220.0);
pub const RADIUS: f64 = 140.0;
/// A label line's room (at 17 px, which plotters writes as 13.7), two lines a spoke:
/// the built-in dimensions' names fit, a name of any length from a file is cut.
const LABEL_EM: f64 = 9.0;
const LABEL_SIZE: f64 = 17.0;
/// The font size plotters writes for `LABEL_SIZE`, what a line's width is counted in.
const LABEL_PX: f64 = LABEL_SIZE / 1.24;
const LABEL_LINE: i32 = 18;
/// From the rim to the nearest edge of a label, and between two labels.
const LABEL_GAP: f64 = 8.0;
const LABEL_SPACE: f64 = 3.0;
/// Room kept at the picture's top and bottom edges.
const EDGE: f64 = 4.0;
const RING: RGBColor = RGBColor(0xd5, 0xd9, 0xe0);

/// A spoke's name placed: its lines, the x they are anchored at (left, right or centre,
/// by the side of the chart the spoke points to) and each line's middle, and the box
/// they take (left, top, right, bottom) as `svg_text::label_width` counts.
struct Label {
    lines: Vec<String>,
    x: f64,
    h: HPos,
    top: f64,
    width: f64,
    height: f64,
}

impl Label {
    fn left(&self) -> f64 {
        match self.h {
            HPos::Left => self.x,
            HPos::Right => self.x - self.width,
            HPos::Center => self.x - self.width / 2.0,
        }
    }

    fn overlaps(&self, o: &Label) -> bool {
        let (l, ol) = (self.left(), o.left());
        l < ol + o.width + LABEL_SPACE
            && ol < l + self.width + LABEL_SPACE
            && self.top < o.top + o.height + LABEL_SPACE
            && o.top < self.top + self.height + LABEL_SPACE
    }
}

/// Each spoke's name placed outside the rim: anchored by the side its spoke points to
/// (a spoke to the right starts its label there, one to the left ends it there, one
/// straight up or down centres it), and below the spoke's end in the lower half, above
/// it in the upper half, centred on it at the sides, so no label covers the rim. Near
/// the bottom and the top the spokes' ends are closer than a label is wide: there,
/// from the sides inwards, a label that would touch one placed before moves down (or
/// up) until it clears it.
fn label_layout(rows: &[DimensionRow]) -> Vec<Label> {
    let n = rows.len();
    let mut labels: Vec<(f64, Label)> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let (sin, cos) = spoke_sin_cos(i, n);
            let r = RADIUS + LABEL_GAP;
            let (x, y) = (CENTRE.0 + r * cos, CENTRE.1 + r * sin);
            let lines = wrap_label(&row.name, LABEL_EM);
            let width = lines.iter().map(|l| label_width(l)).fold(0.0, f64::max) * LABEL_PX;
            let height = f64::from(LABEL_LINE) * (lines.len() as f64 - 1.0) + LABEL_PX;
            let h = if cos > 0.07 {
                HPos::Left
            } else if cos < -0.07 {
                HPos::Right
            } else {
                HPos::Center
            };
            // sin 1 (down): the box hangs from the point; −1: it stands on it.
            let top = y - height / 2.0 + sin * height / 2.0;
            (
                sin,
                Label {
                    lines,
                    x,
                    h,
                    top,
                    width,
                    height,
                },
            )
        })
        .collect();
    // From the sides inwards: the labels nearest the horizontal first.
    let mut order: Vec<usize> = (0..n).collect();
    crate::domain::util::sorting::sort_by(&mut order, |&a, &b| {
        labels[a].0.abs().total_cmp(&labels[b].0.abs())
    });
    let mut placed: Vec<usize> = Vec::new();
    for i in order {
        let down = labels[i].0 >= 0.0;
        // Each move clears one label placed before; n moves clear them all.
        for _ in 0..=n {
            let Some(&o) = placed.iter().find(|&&o| labels[i].1.overlaps(&labels[o].1)) else {
                break;
            };
            let (other, this) = (&labels[o].1, &labels[i].1);
            labels[i].1.top = if down {
                other.top + other.height + LABEL_SPACE
            } else {
                other.top - this.height - LABEL_SPACE
            };
        }
        placed.push(i);
    }
    labels.into_iter().map(|(_, l)| l).collect()
}

/// The point of spoke `i` of `n` at `percent`; spoke 0 points straight up.
pub fn point(i: usize, n: usize, percent: f64) -> (i32, i32) {
    let r = RADIUS * percent.clamp(0.0, 100.0) / 100.0;
    let (sin, cos) = spoke_sin_cos(i, n);
    (
        (CENTRE.0 + r * cos).round() as i32,
        (CENTRE.1 + r * sin).round() as i32,
    )
}

/// The sine and cosine of spoke `i` of `n`'s angle (y grows downwards).
fn spoke_sin_cos(i: usize, n: usize) -> (f64, f64) {
    sin_cos(std::f64::consts::TAU * i as f64 / n.max(1) as f64 - std::f64::consts::FRAC_PI_2)
}

/// Sine and cosine, by their series after reducing the angle to a quarter turn's
/// neighbourhood, so that the spokes on the axes are exact: within 1e-14 of the
/// standard functions for the angles of a chart. `f64::sin` brings a general argument
/// reduction into the browser app (5 kB) that angles this small never need.
fn sin_cos(angle: f64) -> (f64, f64) {
    use std::f64::consts::FRAC_PI_2;
    let quarter = (angle / FRAC_PI_2).round();
    let x = angle - quarter * FRAC_PI_2;
    let (mut sin, mut cos) = (0.0, 0.0);
    let (mut sin_term, mut cos_term) = (x, 1.0);
    // |x| ≤ π/4: the terms after x^21/21! are below 1e-20.
    for k in 1..=11 {
        sin += sin_term;
        cos += cos_term;
        let k = f64::from(k);
        sin_term *= -x * x / ((2.0 * k) * (2.0 * k + 1.0));
        cos_term *= -x * x / ((2.0 * k - 1.0) * (2.0 * k));
    }
    match (quarter as i64).rem_euclid(4) {
        0 => (sin, cos),
        1 => (cos, -sin),
        2 => (-sin, -cos),
        _ => (-cos, sin),
    }
}

fn label_style(h: HPos) -> TextStyle<'static> {
    TextStyle {
        font: FontDesc::new(FontFamily::Name(FONT_STACK), LABEL_SIZE, FontStyle::Normal),
        color: INK.to_backend_color(),
        pos: Pos::new(h, VPos::Center),
    }
}

/// Dimensions that do not apply sit at the centre (0 %) and say so in the description.
pub fn radar_svg(rows: &[DimensionRow], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let n = rows.len();
    let labels = if n < 3 {
        Vec::new()
    } else {
        label_layout(rows)
    };
    // Labels moved up past the top edge move the whole chart down; the picture grows to
    // hold those moved down.
    let top = labels.iter().map(|l| l.top).fold(EDGE, f64::min);
    let shift = (EDGE - top).ceil();
    let bottom = labels.iter().map(|l| l.top + l.height).fold(0.0, f64::max);
    let height = (bottom + shift + EDGE).ceil().max(f64::from(SIZE.1));
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (SIZE.0, height as u32)).into_drawing_area();
        let _ = (|| -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
            root.fill(&WHITE)?;
            if n < 3 {
                return Ok(()); // a radar needs three spokes; the bars show the same figures
            }
            let root = root.margin(shift as i32, 0, 0, 0);
            for ring in [25.0, 50.0, 75.0, 100.0] {
                let mut pts: Vec<(i32, i32)> = (0..n).map(|i| point(i, n, ring)).collect();
                pts.push(pts[0]);
                root.draw(&PathElement::new(pts, RING.stroke_width(1)))?;
            }
            for (i, label) in labels.iter().enumerate() {
                root.draw(&PathElement::new(
                    vec![point(i, n, 0.0), point(i, n, 100.0)],
                    RING.stroke_width(1),
                ))?;
                // The whole name is in the chart's description.
                for (k, line) in label.lines.iter().enumerate() {
                    let middle = label.top + LABEL_PX / 2.0 + f64::from(LABEL_LINE) * k as f64;
                    root.draw(&Text::new(
                        line.as_str(),
                        (label.x.round() as i32, middle.round() as i32),
                        label_style(label.h),
                    ))?;
                }
            }
            let pts: Vec<(i32, i32)> = rows
                .iter()
                .enumerate()
                .map(|(i, r)| point(i, n, r.percent.unwrap_or(0.0)))
                .collect();
            root.draw(&Polygon::new(pts.clone(), NEUTRAL_COLOR.mix(0.25).filled()))?;
            let mut outline = pts.clone();
            outline.push(pts[0]);
            root.draw(&PathElement::new(outline, NEUTRAL_COLOR.stroke_width(2)))?;
            for p in pts {
                root.draw(&Circle::new(p, 3, NEUTRAL_COLOR.filled()))?;
            }
            let (x, y) = point(0, n, 50.0);
            root.draw(&Text::new(
                format_target(50.0),
                (x + 4, y),
                TextStyle {
                    font: FontDesc::new(
                        FontFamily::Name(FONT_STACK),
                        LABEL_SIZE,
                        FontStyle::Normal,
                    ),
                    color: MUTED.to_backend_color(),
                    pos: Pos::new(HPos::Left, VPos::Center),
                },
            ))?;
            Ok(())
        })();
        let _ = root.present();
    }
    let description = rows
        .iter()
        .map(|r| format!("{} {}", r.name, r.chart_text()))
        .collect::<Vec<_>>()
        .join(if zh { "；" } else { "; " });
    make_accessible(
        svg,
        "radar-chart",
        if zh {
            "各维度雷达图"
        } else {
            "Dimensions radar"
        },
        &description,
    )
}

#[cfg(test)]
// Compared against the std functions the series replaces.
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    #[test]
    fn sine_and_cosine_are_the_standard_ones() {
        for step in -2000..=6000 {
            let angle = std::f64::consts::FRAC_PI_2 * f64::from(step) / 2000.0;
            let (sin, cos) = sin_cos(angle);
            assert!(
                (sin - angle.sin()).abs() < 1e-14 && (cos - angle.cos()).abs() < 1e-14,
                "{angle}: {sin} {cos}"
            );
        }
    }

    /// Every spoke of every chart lands where the standard functions put it.
    #[test]
    fn spokes_land_where_the_standard_functions_put_them() {
        for n in 1..=40 {
            for i in 0..n {
                for percent in [0.0, 12.5, 33.3, 50.0, 87.5, 100.0] {
                    let angle =
                        std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
                    let r = RADIUS * percent / 100.0;
                    let expected = (
                        (CENTRE.0 + r * angle.cos()).round() as i32,
                        (CENTRE.1 + r * angle.sin()).round() as i32,
                    );
                    assert_eq!(
                        point(i, n, percent),
                        expected,
                        "spoke {i} of {n} at {percent}"
                    );
                }
            }
        }
    }
}
