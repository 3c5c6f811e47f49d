//! What the desk's views of a selection show, computed by hand on the quick check: the
//! comparison and rounds tables as the screen words them (the spreadsheet's rows and
//! columns, the rows' words), the roll-up's tables and chart against Taizhou's targets
//! (CNC 65 %, management 80 %, R&D tools 90 %), a firm on another questionnaire named
//! with its reason, and the portfolio's score column for a questionnaire without points.

mod support;

use shuzhuan::charts::compare_chart::rollup_chart_svg;
use shuzhuan::domain::compute::rollup::Rollup;
use shuzhuan::domain::model::firm::FirmProfile;
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::report::compare::{compare_firms, compare_rounds};
use shuzhuan::domain::report::portfolio::{
    portfolio_row, sort_rows, PortfolioEntry, Sort, SortKey,
};
use shuzhuan::domain::report::screen_table::{
    comparison_screen, rollup_indicators_screen, rollup_levels_screen, rounds_screen,
};
use shuzhuan::domain::report::table::{comparison_table, portfolio_table, rounds_table, Cell};
use shuzhuan::domain::report::{left_out_line, rollup_report};
use support::{assessed_file, builtin, QUICK_A, QUICK_B, QUICK_C};

fn named(name: &str) -> FirmProfile {
    FirmProfile {
        name: name.into(),
        ..Default::default()
    }
}

#[test]
fn comparison_and_rounds_read_as_their_rows_in_the_exported_layout() {
    let q = builtin("headline-quick");
    let (fa, aa) = assessed_file(&q, "national-2025", named("甲机械"), QUICK_A);
    let (fc, ac) = assessed_file(&q, "national-2025", named("丙电子"), QUICK_C);
    let e = |id, file, a| PortfolioEntry {
        id,
        file,
        questionnaire: &q,
        assessment: a,
    };
    let c = compare_firms(&[e("a", &fa, &aa), e("c", &fc, &ac)], Lang::Zh).unwrap();
    let t = comparison_screen(&c, Lang::Zh);
    assert_eq!(t.headings, ["项目", "目标", "甲机械", "丙电子"]);
    assert_eq!(t.rows[0], ["关键工序数控化率", "68%", "80.0%", "70.0%"]);
    assert_eq!(t.keys.last().map(String::as_str), Some("level"));
    assert_eq!(t.rows.len(), comparison_table(&c, Lang::Zh).rows.len());

    let r = compare_rounds(&e("c", &fc, &ac), &e("a", &fa, &aa), Lang::En).unwrap();
    let t = rounds_screen(&r, Lang::En);
    assert_eq!(t.headings, ["Figure", "T0", "T1", "Change"]);
    // CNC 70 % → 80 %, management 0 % → 50 %.
    assert_eq!(
        t.rows[0],
        ["CNC ratio of key processes", "70.0%", "80.0%", "+10.0 pp"]
    );
    assert_eq!(t.rows[1][3], "+50.0 pp");
    let exported = rounds_table(&r, Lang::En);
    assert_eq!(t.rows.len(), exported.rows.len());
    assert!(t.rows.iter().all(|row| row.len() == 4));
    assert_eq!(
        t.keys.iter().filter(|k| *k == "acted-on").count(),
        r.acted_on.len()
    );
}

#[test]
fn a_roll_up_against_taizhou_with_the_weighted_value_and_each_firm_left_out_named() {
    let q = builtin("headline-quick");
    let sme = builtin("sme-digital-level");
    let c = shuzhuan::builtin::catalogue().unwrap();
    let taizhou = c.profile("taizhou-2025").unwrap();
    let files = [
        assessed_file(&q, "taizhou-2025", named("甲"), QUICK_A).0,
        assessed_file(&q, "taizhou-2025", named("乙"), QUICK_B).0,
        assessed_file(&q, "taizhou-2025", named("丙"), QUICK_C).0,
    ];
    let other = assessed_file(&sme, "taizhou-2025", named("丁"), "").0;
    let mut rollup = Rollup::new(&q, taizhou);
    for f in &files {
        rollup.add_file(f).unwrap();
    }
    let reason = rollup.add_file(&other).unwrap_err();
    let line = left_out_line(
        "丁",
        reason,
        "制造业中小企业数字化水平自评 2024.2",
        Lang::Zh,
    );
    assert_eq!(
        line,
        "丁：其他问卷（制造业中小企业数字化水平自评 2024.2），未计入"
    );
    let result = rollup.finish();
    let report = rollup_report(&q, taizhou, &result, Lang::Zh);
    let t = rollup_indicators_screen(&report, Lang::Zh);
    // CNC: 8 + 20 + 35 of 10 + 40 + 50 = 63 %, the mean of 80, 50, 70 = 66.7 %; A and C
    // meet 65 %.
    assert_eq!(
        t.rows[0],
        [
            "关键工序数控化率",
            "65%",
            "66.7%",
            "63.0%",
            "2/3（66.7%）",
            "3/3"
        ]
    );
    // R&D: B has no R&D staff (not applicable): (9 + 17) / (10 + 20) = 86.7 %.
    assert_eq!(t.rows[2][3], "86.7%");
    assert_eq!(t.rows[2][5], "2/3");
    assert!(
        rollup_levels_screen(&report, Lang::Zh).is_none(),
        "the quick check has no levels"
    );
    assert_eq!(report.left_out_text, "未计入 1 份：其他问卷 1 份");

    let svg = rollup_chart_svg(&report, &result, Lang::Zh);
    assert!(svg.contains("rollup-chart"));
    for words in [
        "1：企业均值",
        "2：加权值",
        "目标 65%",
        "2：63.0%",
        "1：66.7%",
    ] {
        assert!(svg.contains(words), "{words}");
    }
    assert!(svg.contains(
        "关键工序数控化率（目标 65%）：企业均值 66.7%，加权值 63.0%，达标 2/3（66.7%）。"
    ));
}

#[test]
fn a_questionnaire_without_points_shows_no_score() {
    let q = builtin("headline-quick");
    let (f, a) = assessed_file(&q, "national-2025", named("甲"), QUICK_A);
    let row = portfolio_row(
        &PortfolioEntry {
            id: "a",
            file: &f,
            questionnaire: &q,
            assessment: &a,
        },
        Lang::Zh,
    );
    assert_eq!(row.score_text, "—");
    assert!(!row.scored);
    let quick = row.clone();
    let sme = builtin("sme-digital-level");
    let (f, a) = assessed_file(&sme, "national-2025", named("乙"), support::SME_ALL_BEST);
    let row = portfolio_row(
        &PortfolioEntry {
            id: "b",
            file: &f,
            questionnaire: &sme,
            assessment: &a,
        },
        Lang::Zh,
    );
    assert_eq!(row.score_text, "100");
    // Sorted by score, the firm without one comes last either way.
    for ascending in [true, false] {
        let mut rows = vec![quick.clone(), row.clone()];
        sort_rows(
            &mut rows,
            &Sort {
                key: SortKey::Score,
                ascending,
            },
        );
        assert_eq!(rows[1].id, "a");
    }
    let exported = portfolio_table(&[quick], Lang::Zh);
    assert_eq!(exported.rows[0][8], Cell::Empty, "no score, not 0");
}
