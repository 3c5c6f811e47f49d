//! The radar's labels, measured in the drawing itself: each `<text>` of the SVG given
//! the box its characters take (a Chinese character one font size wide, a Latin letter,
//! digit or space 0.55, as `charts::svg_text::label_width` counts; one font size tall
//! from 0.8 above the baseline to 0.2 below, the baseline where `dy` puts it). No two
//! labels may overlap, none may cross the rim, and all stay inside the picture: the CMMM
//! radar has 20 sub-domains, and in English its bottom labels once ran into each other.

// Native test code: std's parsing is right here.
#![allow(clippy::disallowed_methods)]

mod support;

use shuzhuan::charts::radar::{radar_svg, RADIUS};
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::report::{dimension_rows, DimensionRow};
use support::assessed_national;

#[derive(Debug, Clone)]
struct TextBox {
    text: String,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl TextBox {
    fn overlaps(&self, o: &TextBox) -> bool {
        self.left < o.right && o.left < self.right && self.top < o.bottom && o.top < self.bottom
    }

    /// The distance from `(cx, cy)` to the nearest point of the box.
    fn distance_from(&self, (cx, cy): (f64, f64)) -> f64 {
        let dx = (self.left - cx).max(0.0).max(cx - self.right);
        let dy = (self.top - cy).max(0.0).max(cy - self.bottom);
        (dx * dx + dy * dy).sqrt()
    }
}

/// The value of attribute `name` in the element text `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

fn number(tag: &str, name: &str) -> f64 {
    attr(tag, name)
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
        .parse()
        .unwrap_or_else(|e| panic!("{name} in {tag}: {e}"))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every `<text>` of `svg` with its box.
fn text_boxes(svg: &str) -> Vec<TextBox> {
    svg.split("<text")
        .skip(1)
        .map(|chunk| {
            let open_end = chunk.find('>').expect("a text element's tag ends");
            let tag = &chunk[..open_end];
            let body = &chunk[open_end + 1..chunk.find("</text>").expect("closed")];
            let text = unescape(body.trim());
            let (x, y, size) = (number(tag, "x"), number(tag, "y"), number(tag, "font-size"));
            let shift = match attr(tag, "dy").expect("plotters writes dy") {
                "0.76em" => 0.76 * size,
                "0.5ex" => 0.25 * size,
                "-0.5ex" => -0.25 * size,
                other => panic!("dy {other}"),
            };
            let baseline = y + shift;
            let width = text
                .chars()
                .map(|c| if c.is_ascii() { 0.55 } else { 1.0 })
                .sum::<f64>()
                * size;
            let left = match attr(tag, "text-anchor") {
                Some("start") => x,
                Some("end") => x - width,
                Some("middle") => x - width / 2.0,
                other => panic!("text-anchor {other:?}"),
            };
            TextBox {
                text,
                left,
                right: left + width,
                top: baseline - 0.8 * size,
                bottom: baseline + 0.2 * size,
            }
        })
        .collect()
}

/// The picture's width and height, from the root element's viewBox.
fn view_box(svg: &str) -> (f64, f64) {
    let root = &svg[..svg.find('>').unwrap()];
    let v: Vec<f64> = attr(root, "viewBox")
        .expect("a viewBox")
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    (v[2], v[3])
}

/// The radar's centre: the vertices of a firm with nothing answered all sit there.
fn centre(svg: &str) -> (f64, f64) {
    let circle = svg.split("<circle").nth(1).expect("the vertices");
    let tag = &circle[..circle.find("/>").unwrap()];
    (number(tag, "cx"), number(tag, "cy"))
}

fn cmmm_rows(lang: Lang) -> Vec<DimensionRow> {
    let (q, r) = assessed_national("cmmm-self-diagnosis", "");
    dimension_rows(&q, &r, lang)
}

/// What is wrong with the labels of `svg`, one line a fault.
fn faults(svg: &str) -> Vec<String> {
    let boxes = text_boxes(svg);
    let (width, height) = view_box(svg);
    let c = centre(svg);
    let mut faults = Vec::new();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            if a.overlaps(b) {
                faults.push(format!("“{}” overlaps “{}”: {a:?} {b:?}", a.text, b.text));
            }
        }
        if a.left < 0.0 || a.top < 0.0 || a.right > width || a.bottom > height {
            faults.push(format!(
                "“{}” leaves the {width}×{height} picture: {a:?}",
                a.text
            ));
        }
        // The 50 % mark sits on the first spoke, inside the rim; the names outside it.
        if a.text != "50%" && a.distance_from(c) < RADIUS {
            faults.push(format!("“{}” crosses the rim: {a:?}", a.text));
        }
    }
    faults
}

#[test]
fn no_two_labels_of_the_cmmm_radar_overlap_in_either_language() {
    for lang in [Lang::Zh, Lang::En] {
        let rows = cmmm_rows(lang);
        assert_eq!(rows.len(), 20, "the CMMM's 20 sub-domains");
        let svg = radar_svg(&rows, lang);
        let boxes = text_boxes(&svg);
        // Every name is drawn (on one line or two), and the 50 % mark.
        for row in &rows {
            let drawn: String = boxes
                .iter()
                .filter(|b| row.name.contains(b.text.trim_end_matches('…')))
                .map(|b| b.text.as_str())
                .collect();
            assert!(!drawn.is_empty(), "{lang:?}: “{}” is drawn", row.name);
        }
        let faults = faults(&svg);
        assert!(faults.is_empty(), "{lang:?}:\n{}", faults.join("\n"));
    }
}

#[test]
fn the_measure_finds_labels_that_overlap() {
    // Two labels of one spot are one over the other: the measure must say so.
    let mut rows = cmmm_rows(Lang::En);
    let svg = radar_svg(&rows, Lang::En);
    let boxes = text_boxes(&svg);
    let mut doubled = boxes[0].clone();
    doubled.left += 3.0;
    doubled.right += 3.0;
    assert!(boxes[0].overlaps(&doubled));
    // Long names on every spoke of the other radars too (the SME's 9 dimensions, 6
    // spokes): never overlapping, each cut to its two lines.
    rows.truncate(6);
    for row in &mut rows {
        row.name = "Planning and implementation of the whole programme".into();
    }
    let svg = radar_svg(&rows, Lang::En);
    let faults = faults(&svg);
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_sme_radar_labels_do_not_overlap_either() {
    for lang in [Lang::Zh, Lang::En] {
        let (q, r) = assessed_national("sme-digital-level", "");
        let rows = dimension_rows(&q, &r, lang);
        let faults = faults(&radar_svg(&rows, lang));
        assert!(faults.is_empty(), "{lang:?}:\n{}", faults.join("\n"));
    }
}
