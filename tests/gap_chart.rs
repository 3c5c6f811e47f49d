//! The gap chart's structure: one value bar per answered indicator, of the right colour
//! and length, a target marker, labels, and escaped text.

// A native test reading the SVG's numbers: std's parsing is right here.
#![allow(clippy::disallowed_methods)]

use shuzhuan::builtin::catalogue;
use shuzhuan::charts::bars::{svg_fill, x_of, BAR_X0, MET_COLOR, SHORT_COLOR};
use shuzhuan::charts::gap_chart::{bar_color, gap_chart_svg};
use shuzhuan::domain::compute::assessment::assess;
use shuzhuan::domain::model::answers::Answers;
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::report::{indicator_rows, IndicatorRow, RowStatus};

/// (x, width, fill) of every <rect> in the SVG.
fn rects(svg: &str) -> Vec<(i32, i32, String)> {
    let attr = |tag: &str, name: &str| -> String {
        let key = format!(" {name}=\"");
        let start = tag.find(&key).map(|i| i + key.len()).unwrap_or(0);
        tag[start..].split('"').next().unwrap_or("").to_string()
    };
    svg.split("<rect")
        .skip(1)
        .map(|t| {
            let tag = &t[..t.find("/>").unwrap()];
            (
                attr(tag, "x").parse().unwrap(),
                attr(tag, "width").parse().unwrap(),
                attr(tag, "fill"),
            )
        })
        .collect()
}

fn rows(pairs: &[(&str, &str)], lang: Lang) -> Vec<IndicatorRow> {
    let c = catalogue().unwrap();
    let q = &c.questionnaires[0];
    let mut a = Answers::default();
    for (k, v) in pairs {
        a.set_typed(k, *v);
    }
    indicator_rows(
        q,
        &assess(
            q,
            &a,
            c.profile("national-2025").unwrap(),
            &c.benchmark,
            &Default::default(),
        ),
        lang,
    )
}

#[test]
fn bars_have_the_length_and_colour_of_their_values() {
    // CNC 55 % (short of 68), R&D tools 90 % (above 85); management unanswered.
    let rows = rows(
        &[
            ("key_processes", "40"),
            ("cnc_key_processes", "22"),
            ("rd_staff", "30"),
            ("rd_staff_with_tools", "27"),
        ],
        Lang::Zh,
    );
    let svg = gap_chart_svg(&rows, "", Lang::Zh);
    let bars: Vec<_> = rects(&svg)
        .into_iter()
        .filter(|(x, _, fill)| {
            *x == BAR_X0 && (*fill == svg_fill(MET_COLOR) || *fill == svg_fill(SHORT_COLOR))
        })
        .collect();
    assert_eq!(
        bars.len(),
        2,
        "one bar per indicator with a value: {bars:?}"
    );
    assert_eq!(bars[0].2, svg_fill(SHORT_COLOR));
    assert_eq!(bars[0].1, x_of(55.0) - BAR_X0);
    assert_eq!(bars[1].2, svg_fill(MET_COLOR));
    assert_eq!(bars[1].1, x_of(90.0) - BAR_X0);
    assert!(svg.contains("关键工序数控化率"));
    assert!(svg.contains("55.0%"));
    assert!(svg.contains("目标 68%"));
    assert!(svg.contains("低于目标 13.0 个百分点"));
    assert!(svg.contains("待填写"));
    // The latest national values (2025-03: CNC 66.2 %, R&D tools 83.5 %) are rings.
    assert!(
        svg.contains("全国 66.2%") && svg.contains("全国 83.5%"),
        "{svg}"
    );
    assert_eq!(
        svg.matches("<circle").count(),
        3 + 3,
        "three rings (one per indicator with a national value) and three legend swatches"
    );
    assert!(svg.contains("<title>核心指标与目标的差距</title>"));
    assert!(svg.contains("role=\"img\""));
}

/// An indicator reads the same in its table row and in the chart: 1 of 3 key processes
/// = 33.333… % is "33.3%" in both, the target "68%", the national value "66.2%".
#[test]
fn an_indicator_reads_the_same_in_its_row_and_in_the_chart() {
    let rows = rows(
        &[("key_processes", "3"), ("cnc_key_processes", "1")],
        Lang::Zh,
    );
    let svg = gap_chart_svg(&rows, "", Lang::Zh);
    let cnc = &rows[0];
    assert_eq!(
        (
            cnc.value_text.as_str(),
            cnc.target_text.as_str(),
            cnc.national_value_text.as_str()
        ),
        ("33.3%", "68%", "66.2%")
    );
    for row in &rows {
        assert!(svg.contains(&format!(">\n{}\n</text>", row.value_text)));
        if row.target.is_some() {
            assert!(svg.contains(&format!(">\n目标 {}\n</text>", row.target_text)));
        }
        if row.national.is_some() {
            assert!(svg.contains(&format!(">\n全国 {}\n</text>", row.national_value_text)));
            assert!(row
                .national_text
                .starts_with(&format!("{}（", row.national_value_text)));
        }
    }
}

#[test]
fn english_labels_and_colour_by_status() {
    let rows = rows(
        &[("key_processes", "10"), ("cnc_key_processes", "10")],
        Lang::En,
    );
    assert_eq!(bar_color(rows[0].status), MET_COLOR);
    let svg = gap_chart_svg(&rows, "", Lang::En);
    assert!(svg.contains("CNC ratio of key processes"));
    assert!(svg.contains("100.0%"));
    assert!(svg.contains("Target 68%"));
}

#[test]
fn every_text_is_escaped() {
    let row = IndicatorRow {
        id: "x".into(),
        name: "<img src=x onerror=alert(1)>".into(),
        value: Some(50.0),
        target: Some(60.0),
        status: RowStatus::Short,
        value_text: "50.0%".into(),
        target_text: "60%".into(),
        target_scope: String::new(),
        gap_text: "a & b".into(),
        gap_pp: Some(-10.0),
        national: Some(55.0),
        national_value_text: "55%".into(),
        national_text: "55%".into(),
        unverified: true,
    };
    let svg = gap_chart_svg(&[row], "<script>x</script>", Lang::Zh);
    assert!(!svg.contains("<img"));
    assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(svg.contains("a &amp; b"));
    assert!(!svg.contains("<script>"));
    assert!(
        svg.contains("<title>&lt;script&gt;x&lt;/script&gt;：核心指标与目标的差距</title>"),
        "{svg}"
    );
}
