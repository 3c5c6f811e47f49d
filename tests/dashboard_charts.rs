//! The dashboard's rows and charts for the golden mixed firm: summary, dimension bars
//! with the next-level line, radar and recommendation gains.

mod support;

use shuzhuan::charts::bars::{svg_fill, x_of, BAR_X0, MET_COLOR, SHORT_COLOR};
use shuzhuan::charts::dimension_chart::dimension_chart_svg;
use shuzhuan::charts::radar::{point, radar_svg};
use shuzhuan::domain::compute::assessment::Assessment;
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::report::{advice_rows, dimension_rows, score_summary};
use support::assessed_national;

fn mixed() -> (
    shuzhuan::domain::model::questionnaire::Questionnaire,
    Assessment,
) {
    assessed_national("sme-digital-level", include_str!("answers/mixed-firm.spec"))
}

#[test]
fn summary_reads_score_level_and_what_is_missing() {
    let (q, r) = mixed();
    let s = score_summary(&q, &r, Lang::Zh);
    assert_eq!(
        (s.total_text.as_str(), s.scale_text.as_str()),
        ("46.5", "/ 100 分")
    );
    assert_eq!(s.level_name, "二级");
    assert_eq!(s.next_text, "距三级还差 13.5 分");
    assert_eq!(s.completeness_text, "已完成 51.3%（20/39 题），结果为暂定");
    let en = score_summary(&q, &r, Lang::En);
    assert_eq!(en.next_text, "13.5 points to Level 3");
}

#[test]
fn dimension_rows_and_bars_show_the_next_level_line() {
    let (q, r) = mixed();
    let rows = dimension_rows(&q, &r, Lang::Zh);
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[0].name, "设备系统");
    assert_eq!(rows[0].value_text, "10 / 20 分");
    assert_eq!(rows[0].threshold, Some(60.0));
    assert_eq!(rows[0].gap_text, "距三级还差 10.0 个百分点");
    assert_eq!(rows[4].gap_text, "", "规划实施 at 60 % is on the 三级 line");
    let svg = dimension_chart_svg(&rows, "三级", Lang::Zh);
    let short = svg_fill(SHORT_COLOR);
    let met = svg_fill(MET_COLOR);
    let bars: Vec<&str> = svg
        .split("<rect")
        .skip(1)
        .map(|t| &t[..t.find("/>").unwrap()])
        .filter(|t| {
            t.contains(&format!("x=\"{BAR_X0}\"")) && (t.contains(&short) || t.contains(&met))
        })
        .collect();
    assert_eq!(bars.len(), 9);
    assert!(
        bars[0].contains(&format!("width=\"{}\"", x_of(50.0) - BAR_X0)) && bars[0].contains(&short)
    );
    assert!(bars[4].contains(&met));
    assert_eq!(
        svg.matches(">\n三级\n</text>").count(),
        9 + 1,
        "a line label per bar and the legend: {svg}"
    );
}

#[test]
fn radar_has_a_vertex_per_dimension() {
    let (q, r) = mixed();
    let rows = dimension_rows(&q, &r, Lang::Zh);
    let svg = radar_svg(&rows, Lang::Zh);
    assert!(svg.contains("<polygon"));
    let (x, y) = point(0, 9, 50.0);
    assert!(
        svg.contains(&format!("{x},{y}")),
        "the first vertex at 50 % straight up"
    );
    assert_eq!(svg.matches("<circle").count(), 9);
    assert!(svg.contains("<desc>设备系统 50.0%；数据采集 35.0%"));
}

#[test]
fn advice_says_what_it_gains() {
    let (q, r) = mixed();
    let rows = advice_rows(&q, &r, Lang::Zh);
    assert_eq!(rows[0].id, "level-2-integrate");
    assert_eq!(rows[0].gain_text, "最多可提升 27.75 分（数字化基础）");
    let cnc = rows
        .iter()
        .find(|a| a.id == "cnc-key-process-retrofit")
        .unwrap();
    assert_eq!(cnc.gain_text, "关键工序数控化率距目标 13.0 个百分点");
}

/// A dimension's share reads the same in its table row, its bar and the radar's text.
/// 规划实施 earns 4.5 of 7.5 points = 60 % and 成效变化 11.5 of 20 = 57.5 %, a half-way
/// case: the bars once read "57%" where the table read "57.5%".
#[test]
fn a_dimension_reads_the_same_in_its_row_its_bar_and_the_radar() {
    let (q, r) = mixed();
    let rows = dimension_rows(&q, &r, Lang::Zh);
    assert_eq!(
        (rows[4].name.as_str(), rows[4].percent_text.as_str()),
        ("规划实施", "60.0%")
    );
    assert_eq!(
        (rows[8].name.as_str(), rows[8].percent_text.as_str()),
        ("成效变化", "57.5%")
    );
    let bars = dimension_chart_svg(&rows, "三级", Lang::Zh);
    let radar = radar_svg(&rows, Lang::Zh);
    for row in &rows {
        assert!(
            bars.contains(&format!(">\n{}\n</text>", row.percent_text)),
            "the bar of {} is labelled {}",
            row.name,
            row.percent_text
        );
        assert!(bars.contains(&format!(
            "{}：{}，{}。",
            row.name, row.percent_text, row.value_text
        )));
        assert!(radar.contains(&format!("{} {}", row.name, row.percent_text)));
    }
    assert!(!bars.contains(">\n60%\n</text>") && !bars.contains(">\n57%\n</text>"));
}

/// A dimension named at any length (a questionnaire file may) is cut in the drawing and
/// given whole in the chart's description.
#[test]
fn a_very_long_name_is_cut_in_the_drawing_and_whole_in_the_description() {
    let (q, r) = mixed();
    let mut rows = dimension_rows(&q, &r, Lang::Zh);
    let long = "很长的维度名称".repeat(1500);
    rows[0].name = long.clone();
    // The bars give a name 30 em: 29 characters and the ellipsis; the radar two lines of
    // 9 em, each 8 characters and the ellipsis.
    for (svg, kept) in [
        (dimension_chart_svg(&rows, "三级", Lang::Zh), 29),
        (radar_svg(&rows, Lang::Zh), 8),
    ] {
        let desc = &svg[svg.find("<desc>").unwrap()..svg.find("</desc>").unwrap()];
        assert!(desc.contains(&long), "the description has the whole name");
        let drawn = &svg[svg.find("</desc>").unwrap()..];
        assert!(!drawn.contains(&long[..300]), "the drawing does not");
        let cut: String = long.chars().take(kept).chain(['…']).collect();
        assert!(drawn.contains(&cut), "it is cut with an ellipsis");
    }
}
