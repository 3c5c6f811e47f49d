//! CMMM as a maturity model: sub-domains read as levels (the level reached and what the
//! next one needs), never percentages; the overall score is cut to two decimals so that
//! its level reads from it; "below level 1" lets a firm with nothing score below 一级.
//! Element = mean of its sub-domains, overall = mean of the four elements, banded
//! 0.8–1.8 一级, 1.8–2.8 二级, … (docs/scoring.md).

mod support;

use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::report::{dimension_rows, score_summary};
use support::{assessed_national, builtin};

/// Every CMMM sub-domain answered: 人员 (2), 技术 (3), 资源 (2), 制造 (13), in file order.
fn cmmm(levels: [u8; 20]) -> String {
    let q = builtin("cmmm-self-diagnosis");
    q.items()
        .zip(levels)
        .map(|(i, l)| format!("{} = {l}\n", i.id))
        .collect()
}

#[test]
fn a_firm_with_nothing_is_below_level_1() {
    // Every sub-domain "below level 1" (0): elements 0, overall 0 → 未达一级, 0.80 short of
    // 一级; answered, so not provisional.
    let (q, r) = assessed_national("cmmm-self-diagnosis", &cmmm([0; 20]));
    assert_eq!((r.score.total, r.score.level), (0.0, None));
    assert!(!r.score.is_provisional());
    let s = score_summary(&q, &r, Lang::Zh);
    assert_eq!(s.total_text, "0.00");
    assert_eq!(s.level_name, "未达一级 规划级");
    assert_eq!(s.next_text, "距一级 规划级还差 0.80");
    let rows = dimension_rows(&q, &r, Lang::Zh);
    assert_eq!(rows[0].percent_text, "未达一级 规划级");
    assert_eq!(rows[0].value_text, "0 / 5 级");
    let level1 = match &q.items().next().unwrap().kind {
        shuzhuan::domain::model::questionnaire::ItemKind::Level { levels, .. } => {
            levels[0].text.zh.clone()
        }
        _ => unreachable!(),
    };
    assert_eq!(rows[0].gap_text, format!("一级 规划级需要：{level1}"));
}

#[test]
fn level_1_everywhere_is_level_1() {
    // All 20 at 1: every element 1, overall 1.00, in 0.8–1.8 → 一级, 0.80 short of 二级.
    let (q, r) = assessed_national("cmmm-self-diagnosis", &cmmm([1; 20]));
    let s = score_summary(&q, &r, Lang::Zh);
    assert_eq!(
        (s.total_text.as_str(), s.level_name.as_str()),
        ("1.00", "一级 规划级")
    );
    assert_eq!(s.next_text, "距二级 规范级还差 0.80");
}

/// 人员 2, 2 → 2; 技术 1, 1, 1 → 1; 资源 1, 2 → 1.5; 制造 nine at 3 and four at 2 →
/// 35 ÷ 13 = 2.6923. Overall (2 + 1 + 1.5 + 2.6923) ÷ 4 = 1.798077 → 一级 (below 1.8).
const JUST_BELOW_1_8: [u8; 20] = [2, 2, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2];

#[test]
fn just_below_a_threshold_reads_below_it() {
    let (q, r) = assessed_national("cmmm-self-diagnosis", &cmmm(JUST_BELOW_1_8));
    assert!((r.score.total - 1.798_076_923).abs() < 1e-6);
    assert_eq!(r.score.level, Some(1));
    let s = score_summary(&q, &r, Lang::Zh);
    // Not "1.8 … 距二级还差 0": the cut figure and its gap.
    assert_eq!(s.total_text, "1.79");
    assert_eq!(s.next_text, "距二级 规范级还差 0.01");
    let en = score_summary(&q, &r, Lang::En);
    assert_eq!(en.next_text, "0.01 to Level 2 Standardised");
}

#[test]
fn sub_domains_read_as_levels_never_percentages() {
    let (q, r) = assessed_national("cmmm-self-diagnosis", &cmmm(JUST_BELOW_1_8));
    let rows = dimension_rows(&q, &r, Lang::Zh);
    assert_eq!(rows.len(), 20);
    for row in &rows {
        assert!(!row.percent_text.contains('%'), "{row:?}");
        assert!(!row.gap_text.contains("百分点"), "{row:?}");
    }
    // 组织战略 at 2: 二级 规范级, 2 / 5, and what 三级 needs is its level-3 descriptor.
    assert_eq!(rows[0].percent_text, "二级 规范级");
    assert_eq!(rows[0].value_text, "2 / 5 级");
    assert!(
        rows[0].gap_text.starts_with("三级 集成级需要："),
        "{}",
        rows[0].gap_text
    );
    let en = dimension_rows(&q, &r, Lang::En);
    assert_eq!(en[7].percent_text, "Level 3 Integrated");
    assert_eq!(en[7].value_text, "level 3 of 5");
}

#[test]
fn the_cli_prints_the_cut_score() {
    let q = builtin("cmmm-self-diagnosis");
    let values: Vec<String> = q
        .items()
        .zip(JUST_BELOW_1_8)
        .map(|(i, l)| format!("\"{}\": {{ \"level\": {l} }}", i.id))
        .collect();
    let json = format!(
        "{{ \"format\": \"shuzhuan-answers\", \"format_version\": 1, \"questionnaire\": {{ \"id\": \"cmmm-self-diagnosis\", \"version\": \"{}\" }}, \"firm\": {{ \"name\": \"成熟度示例\" }}, \"answers\": {{ \"values\": {{ {} }} }} }}",
        q.version,
        values.join(", ")
    );
    let dir = std::env::temp_dir().join(format!("shuzhuan-cmmm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cmmm.json");
    std::fs::write(&file, json).unwrap();
    let (_, table, _) = support::run_cli(&[
        "score",
        "--questionnaire",
        "cmmm-self-diagnosis",
        "--targets",
        "national-2025",
        file.to_str().unwrap(),
    ]);
    assert!(
        table.contains(" 1.79 ") && table.contains("一级"),
        "{table}"
    );
    assert!(!table.contains("1.80"), "{table}");
    let _ = std::fs::remove_dir_all(&dir);
}
