//! The portfolio table computed by hand: four firms on the quick check against the
//! national 2025 targets (CNC 68 %, management 80 %, R&D tools 85 %), then sorted and
//! filtered.

mod support;

use shuzhuan::domain::compute::assessment::Assessment;
use shuzhuan::domain::model::firm::FirmProfile;
use shuzhuan::domain::model::questionnaire::Questionnaire;
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::read::answers_file::AnswersFile;
use shuzhuan::domain::report::portfolio::{
    filter_choices, filter_rows, indicator_columns, portfolio_rows, saved_portfolio_rows,
    signed_pp, sort_rows, Choice, Filter, PortfolioEntry, PortfolioRow, Sort, SortKey,
};
use support::{assessed_file, builtin, QUICK_A, QUICK_B, QUICK_C, QUICK_D};

struct Firm {
    id: &'static str,
    file: AnswersFile,
    assessment: Assessment,
}

fn firm(
    q: &Questionnaire,
    id: &'static str,
    (name, region, sector): (&str, &str, &str),
    (round, date): (&'static str, &'static str),
    spec: &str,
) -> Firm {
    let profile = FirmProfile {
        name: name.into(),
        region: region.into(),
        sector: sector.into(),
        ..Default::default()
    };
    let (mut file, assessment) = assessed_file(q, "national-2025", profile, spec);
    file.round = round.into();
    file.assessed_on = date.into();
    Firm {
        id,
        file,
        assessment,
    }
}

fn four_firms(q: &Questionnaire) -> Vec<Firm> {
    vec![
        firm(
            q,
            "a",
            ("甲机械", "江苏省泰州市", "machinery"),
            ("T0", "2025-03-01"),
            QUICK_A,
        ),
        firm(
            q,
            "b",
            ("乙铸造", "浙江省宁波市", "machinery"),
            ("T1", "2026-03-01"),
            QUICK_B,
        ),
        firm(
            q,
            "c",
            ("丙电子", "江苏省泰州市", "electronics"),
            ("T1", "2026-02-10"),
            QUICK_C,
        ),
        firm(q, "d", ("", "", ""), ("", ""), QUICK_D),
    ]
}

fn entries<'a>(q: &'a Questionnaire, firms: &'a [Firm]) -> Vec<PortfolioEntry<'a>> {
    firms
        .iter()
        .map(|f| PortfolioEntry {
            id: f.id,
            file: &f.file,
            questionnaire: q,
            assessment: &f.assessment,
        })
        .collect()
}

fn cells(row: &PortfolioRow) -> Vec<(&str, &str)> {
    row.indicators
        .iter()
        .map(|i| (i.value_text.as_str(), i.gap_text.as_str()))
        .collect()
}

fn ids(rows: &[PortfolioRow]) -> Vec<&str> {
    rows.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn each_firm_is_one_row_with_its_indicators_and_gaps() {
    let q = builtin("headline-quick");
    let firms = four_firms(&q);
    let rows = portfolio_rows(&entries(&q, &firms), Lang::Zh);
    assert_eq!(rows.len(), 4);
    let [a, b, c, d] = &rows[..] else { panic!() };
    assert_eq!(
        (a.firm.as_str(), a.round.as_str(), a.assessed_on.as_str()),
        ("甲机械", "T0", "2025-03-01")
    );
    assert_eq!(a.sector_text, "通用及专用设备制造");
    assert_eq!(a.questionnaire_text, "制造业数字化核心指标速测 1.1.0");
    assert_eq!(d.firm, "未命名企业");
    // A: CNC 8/10 = 80 % (+12.0 on 68), management 4/8 = 50 % (−30.0 on 80), R&D 9/10 =
    // 90 % (+5.0 on 85).
    assert_eq!(
        cells(a),
        [("80.0%", "+12.0"), ("50.0%", "−30.0"), ("90.0%", "+5.0")]
    );
    // B: 20/40 = 50 % (−18.0), 6/8 = 75 % (−5.0), no R&D staff: not applicable, no gap.
    assert_eq!(
        cells(b),
        [("50.0%", "−18.0"), ("75.0%", "−5.0"), ("不适用", "—")]
    );
    // C: 35/50 = 70 % (+2.0), none of 8 = 0 % (−80.0), 17/20 = 85 %: exactly on target.
    assert_eq!(
        cells(c),
        [("70.0%", "+2.0"), ("0.0%", "−80.0"), ("85.0%", "0.0")]
    );
    assert_eq!(c.indicators[2].met, Some(true));
    assert_eq!(b.indicators[0].met, Some(false));
    // D: no key processes; management and R&D staff with tools unanswered.
    assert_eq!(
        cells(d),
        [("不适用", "—"), ("待填写", "—"), ("待填写", "—")]
    );
    // A, B, C answered every question asked (B is not asked for R&D staff with tools,
    // C … ); D answered 2 of 4 (key processes, R&D staff): 50 %, provisional.
    assert_eq!(
        rows.iter()
            .map(|r| (r.completeness_text.as_str(), r.provisional))
            .collect::<Vec<_>>(),
        [
            ("100.0%", false),
            ("100.0%", false),
            ("100.0%", false),
            ("50.0%", true)
        ]
    );
    // The quick check has no level scheme.
    assert!(rows.iter().all(|r| !r.has_levels && r.level_text == "—"));
    assert_eq!(
        indicator_columns(&rows),
        [
            ("cnc_rate".to_string(), "关键工序数控化率".to_string()),
            (
                "mgmt_digital_rate".to_string(),
                "经营管理数字化普及率".to_string()
            ),
            (
                "rd_tool_rate".to_string(),
                "数字化研发设计工具普及率".to_string()
            ),
        ]
    );
    let en = portfolio_rows(&entries(&q, &firms), Lang::En);
    assert_eq!(en[3].firm, "Unnamed firm");
    assert_eq!(cells(&en[1])[2], ("Not applicable", "—"));
}

#[test]
fn rows_sort_by_any_column_with_missing_figures_last() {
    let q = builtin("headline-quick");
    let firms = four_firms(&q);
    let rows = portfolio_rows(&entries(&q, &firms), Lang::Zh);
    let sorted = |key: SortKey, ascending: bool| {
        let mut r = rows.clone();
        sort_rows(&mut r, &Sort { key, ascending });
        r
    };
    // CNC: A 80, C 70, B 50; D has none and stays last both ways.
    assert_eq!(
        ids(&sorted(SortKey::Indicator("cnc_rate".into()), false)),
        ["a", "c", "b", "d"]
    );
    assert_eq!(
        ids(&sorted(SortKey::Indicator("cnc_rate".into()), true)),
        ["b", "c", "a", "d"]
    );
    // R&D gap: C 0.0, A +5.0; B (not applicable) and D (missing) last, in their order.
    assert_eq!(
        ids(&sorted(SortKey::Gap("rd_tool_rate".into()), true)),
        ["c", "a", "b", "d"]
    );
    // Completeness: D's 50 % first, the three at 100 % keep their order (stable).
    assert_eq!(
        ids(&sorted(SortKey::Completeness, true)),
        ["d", "a", "b", "c"]
    );
    // Dates: the empty one last either way.
    assert_eq!(ids(&sorted(SortKey::Date, false)), ["b", "c", "a", "d"]);
    assert_eq!(ids(&sorted(SortKey::Date, true)), ["a", "c", "b", "d"]);
    // Firm names by code point: 丙 U+4E19 < 乙 U+4E59 < 未 U+672A (the unnamed firm's
    // "未命名企业") < 甲 U+7532.
    assert_eq!(ids(&sorted(SortKey::Firm, true)), ["c", "b", "d", "a"]);
}

#[test]
fn filters_narrow_the_rows_and_offer_the_values_present() {
    let q = builtin("headline-quick");
    let firms = four_firms(&q);
    let rows = portfolio_rows(&entries(&q, &firms), Lang::Zh);
    let taizhou = Filter {
        region: Some("江苏省泰州市".into()),
        ..Default::default()
    };
    assert_eq!(ids(&filter_rows(&rows, &taizhou)), ["a", "c"]);
    let taizhou_machinery = Filter {
        sector: Some("machinery".into()),
        ..taizhou.clone()
    };
    assert_eq!(ids(&filter_rows(&rows, &taizhou_machinery)), ["a"]);
    let t1 = Filter {
        round: Some("T1".into()),
        ..Default::default()
    };
    assert_eq!(ids(&filter_rows(&rows, &t1)), ["b", "c"]);
    // A level filter never keeps a firm whose questionnaire has no levels.
    let below = Filter {
        level: Some(0),
        ..Default::default()
    };
    assert!(filter_rows(&rows, &below).is_empty());
    assert_eq!(
        ids(&filter_rows(&rows, &Filter::default())),
        ["a", "b", "c", "d"]
    );

    let choices = filter_choices(&rows);
    // 江 (U+6C5F) sorts before 浙 (U+6D59).
    assert_eq!(
        choices.regions,
        [
            Choice {
                value: "江苏省泰州市".to_string(),
                text: "江苏省泰州市".to_string()
            },
            Choice {
                value: "浙江省宁波市".to_string(),
                text: "浙江省宁波市".to_string()
            },
        ]
    );
    assert_eq!(
        choices
            .sectors
            .iter()
            .map(|c| c.value.as_str())
            .collect::<Vec<_>>(),
        // 电子信息 (电 U+7535) before 通用及专用设备制造 (通 U+901A).
        ["electronics", "machinery"]
    );
    assert_eq!(
        choices
            .rounds
            .iter()
            .map(|c| c.value.as_str())
            .collect::<Vec<_>>(),
        ["T0", "T1"]
    );
    assert_eq!(choices.questionnaires.len(), 1);
    assert!(choices.levels.is_empty());
}

#[test]
fn levels_are_rows_figures_on_a_questionnaire_with_a_scheme() {
    // The SME questionnaire's best answers: 100 points, 四级; the empty one: 0, 未达一级.
    let q = builtin("sme-digital-level");
    let firms = [
        firm(&q, "best", ("甲", "", ""), ("", ""), support::SME_ALL_BEST),
        firm(&q, "none", ("乙", "", ""), ("", ""), ""),
    ];
    let rows = portfolio_rows(&entries(&q, &firms), Lang::Zh);
    assert_eq!(
        rows.iter()
            .map(|r| (r.score_text.as_str(), r.level, r.level_text.as_str()))
            .collect::<Vec<_>>(),
        [("100", Some(4), "四级"), ("0", None, "未达一级")]
    );
    let mut sorted = rows.clone();
    sort_rows(
        &mut sorted,
        &Sort {
            key: SortKey::Level,
            ascending: true,
        },
    );
    assert_eq!(ids(&sorted), ["none", "best"]);
    let below = Filter {
        level: Some(0),
        ..Default::default()
    };
    assert_eq!(ids(&filter_rows(&rows, &below)), ["none"]);
    let levels = filter_choices(&rows).levels;
    assert_eq!(
        levels
            .iter()
            .map(|c| (c.value, c.text.as_str()))
            .collect::<Vec<_>>(),
        [(0, "未达一级"), (4, "四级")]
    );
}

#[test]
fn a_gap_reads_with_its_sign() {
    assert_eq!(signed_pp(12.0), "+12.0");
    assert_eq!(signed_pp(-13.04), "−13.0");
    // Rounds to nothing: no sign at all.
    assert_eq!(signed_pp(-0.04), "0.0");
    assert_eq!(signed_pp(0.05), "+0.1");
}

/// Saved assessments as the desk holds them: each assessed against the profile it was
/// saved with (here national 2025, as `four_firms` assessed them by hand; with none, the
/// region's: Taizhou's), one on a questionnaire not loaded left out.
#[test]
fn saved_assessments_are_assessed_against_their_own_profile() {
    let q = builtin("headline-quick");
    let c = shuzhuan::builtin::catalogue().unwrap();
    let mut firms = four_firms(&q);
    for f in &mut firms[..3] {
        f.file.target_profile = Some("national-2025".into());
    }
    let expected = portfolio_rows(&entries(&q, &firms), Lang::Zh);
    let mut other = firms[0].file.clone();
    other.questionnaire.id = "not-loaded".into();
    let saved: Vec<(&str, &AnswersFile)> = firms
        .iter()
        .map(|f| (f.id, &f.file))
        .chain([("x", &other)])
        .collect();
    let rows = saved_portfolio_rows(&saved, &[&q], &c.profiles, &c.benchmark, Lang::Zh);
    assert_eq!(rows[..3], expected[..3]);
    assert_eq!(ids(&rows), ["a", "b", "c", "d"]);
    // A firm in Taizhou saved without a profile: against Taizhou's 65 % for CNC.
    let mut taizhou = firms[0].file.clone();
    taizhou.target_profile = None;
    let row = &saved_portfolio_rows(
        &[("t", &taizhou)],
        &[&q],
        &c.profiles,
        &c.benchmark,
        Lang::Zh,
    )[0];
    assert_eq!(row.indicators[0].gap_text, "+15.0");
}
