//! The radar chart: one spoke per scored dimension, 0 % at the centre and 100 % at the
//! rim, the firm's scores as a filled polygon.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::{FONT_STACK, INK, MUTED, NEUTRAL_COLOR};
use super::svg_text::{make_accessible, wrap_label};
use crate::domain::model::text::Lang;
use crate::domain::report::{format_target, DimensionRow};

/// Wide enough for a label of two 9-em lines on each side of the rim, so that names in
/// English fit whole at a size that prints at 7 pt or more on a chart 110 mm wide.
pub const SIZE: (u32, u32) = (580, 440);
const CENTRE: (f64, f64) = (290.0, 220.0);
pub const RADIUS: f64 = 140.0;
/// A label line's room (at 17 px, which plotters writes as 13.7), two lines a spoke:
/// the built-in dimensions' names fit, a name of any length from a file is cut.
const LABEL_EM: f64 = 9.0;
const LABEL_SIZE: f64 = 17.0;
const LABEL_LINE: i32 = 18;
const RING: RGBColor = RGBColor(0xd5, 0xd9, 0xe0);

/// The point of spoke `i` of `n` at `percent`; spoke 0 points straight up.
pub fn point(i: usize, n: usize, percent: f64) -> (i32, i32) {
    let angle = std::f64::consts::TAU * i as f64 / n.max(1) as f64 - std::f64::consts::FRAC_PI_2;
    let r = RADIUS * percent.clamp(0.0, 100.0) / 100.0;
    let (sin, cos) = sin_cos(angle);
    (
        (CENTRE.0 + r * cos).round() as i32,
        (CENTRE.1 + r * sin).round() as i32,
    )
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

fn label_style(x: i32) -> TextStyle<'static> {
    let h = if x < CENTRE.0 as i32 - 10 {
        HPos::Right
    } else if x > CENTRE.0 as i32 + 10 {
        HPos::Left
    } else {
        HPos::Center
    };
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
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let _ = (|| -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
            root.fill(&WHITE)?;
            if n < 3 {
                return Ok(()); // a radar needs three spokes; the bars show the same figures
            }
            for ring in [25.0, 50.0, 75.0, 100.0] {
                let mut pts: Vec<(i32, i32)> = (0..n).map(|i| point(i, n, ring)).collect();
                pts.push(pts[0]);
                root.draw(&PathElement::new(pts, RING.stroke_width(1)))?;
            }
            for (i, row) in rows.iter().enumerate() {
                root.draw(&PathElement::new(
                    vec![point(i, n, 0.0), point(i, n, 100.0)],
                    RING.stroke_width(1),
                ))?;
                let (x, y) = point(i, n, 112.0);
                // The whole name is in the chart's description.
                let lines = wrap_label(&row.name, LABEL_EM);
                let top = y - LABEL_LINE * (lines.len() as i32 - 1) / 2;
                for (k, line) in lines.into_iter().enumerate() {
                    root.draw(&Text::new(
                        line,
                        (x, top + LABEL_LINE * k as i32),
                        label_style(x),
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
