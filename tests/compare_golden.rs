//! Comparisons computed by hand: firms side by side on the quick check (national 2025
//! targets: CNC 68 %, management 80 %, R&D tools 85 %), a firm on another questionnaire
//! or version named and left out; one firm's two rounds on the quick check and on the
//! SME questionnaire (its level).

mod support;

use shuzhuan::charts::compare_chart::{firms_chart_svg, rounds_chart_svg};
use shuzhuan::domain::compute::assessment::Assessment;
use shuzhuan::domain::model::firm::FirmProfile;
use shuzhuan::domain::model::questionnaire::Questionnaire;
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::read::answers_file::AnswersFile;
use shuzhuan::domain::report::compare::{compare_firms, compare_rounds, CompareRow, MAX_COMPARED};
use shuzhuan::domain::report::portfolio::PortfolioEntry;
use support::{assessed_file, builtin, sme_at_40, QUICK_A, QUICK_C, SME_ALL_BEST};

struct Firm {
    file: AnswersFile,
    assessment: Assessment,
}

fn firm(q: &Questionnaire, name: &str, size: &str, round: &'static str, spec: &str) -> Firm {
    let profile = FirmProfile {
        name: name.into(),
        size: size.into(),
        ..Default::default()
    };
    let (mut file, assessment) = assessed_file(q, "national-2025", profile, spec);
    file.round = round.into();
    Firm { file, assessment }
}

fn entry<'a>(q: &'a Questionnaire, f: &'a Firm) -> PortfolioEntry<'a> {
    PortfolioEntry {
        id: &f.file.firm.name,
        file: &f.file,
        questionnaire: q,
        assessment: &f.assessment,
    }
}

/// The words of a drawing's `<text>` elements, in order.
fn drawn(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once(">\n")?.1.split_once("\n</text>"))
        .map(|(text, _)| text)
        .collect()
}

fn count(svg: &str, text: &str) -> usize {
    drawn(svg).iter().filter(|t| **t == text).count()
}

fn texts(row: &CompareRow) -> Vec<&str> {
    row.cells.iter().map(|c| c.text.as_str()).collect()
}

#[test]
fn firms_side_by_side_and_those_of_another_questionnaire_or_version_named() {
    let quick = builtin("headline-quick");
    let mut older = quick.clone();
    older.version = "0.9.0".into();
    let sme = builtin("sme-digital-level");
    let a = firm(&quick, "甲机械", "", "T0", QUICK_A);
    let c = firm(&quick, "丙电子", "", "", QUICK_C);
    let s = firm(&sme, "丁制造", "", "", "");
    let old = firm(&older, "戊五金", "", "", QUICK_A);
    let cmp = compare_firms(
        &[
            entry(&quick, &a),
            entry(&quick, &c),
            entry(&sme, &s),
            entry(&older, &old),
        ],
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(cmp.firms, ["甲机械（T0）", "丙电子"]);
    assert_eq!(cmp.ids, ["甲机械", "丙电子"]);
    assert_eq!(
        cmp.left_out,
        [
            "丁制造：其他问卷（制造业中小企业数字化水平自评 2024.3），未比较".to_string(),
            "戊五金：同一问卷的其他版本（0.9.0，此处为 1.1.0），未比较".to_string(),
        ]
    );
    // CNC: A 8/10 = 80 %, C 35/50 = 70 %; management 4/8 = 50 %, 0/8 = 0 %; R&D 9/10 =
    // 90 %, 17/20 = 85 %.
    let ind: Vec<(&str, &str, Vec<&str>)> = cmp
        .indicators
        .iter()
        .map(|r| (r.name.as_str(), r.target_text.as_str(), texts(r)))
        .collect();
    assert_eq!(
        ind,
        [
            ("关键工序数控化率", "68%", vec!["80.0%", "70.0%"]),
            ("经营管理数字化普及率", "80%", vec!["50.0%", "0.0%"]),
            ("数字化研发设计工具普及率", "85%", vec!["90.0%", "85.0%"]),
        ]
    );
    assert_eq!(cmp.indicators[0].cells[1].value, Some(70.0));
    // The quick check carries no points and no levels.
    assert!(cmp.dimensions.is_empty());
    assert_eq!(texts(&cmp.level), ["—", "—"]);

    let svg = firms_chart_svg(&cmp, Lang::Zh);
    // One group of two bars an indicator, each bar labelled with its firm's number.
    let words = drawn(&svg);
    assert_eq!(
        words.iter().filter(|t| t.starts_with("1：")).count(),
        3 + 1,
        "three bars and the legend: {words:?}"
    );
    assert_eq!(words.iter().filter(|t| t.starts_with("2：")).count(), 3 + 1);
    for text in [
        "1：甲机械（T0）",
        "2：丙电子",
        "目标 68%",
        "目标 80%",
        "1：80.0%",
        "2：85.0%",
        "关键工序数控化率",
    ] {
        assert_eq!(count(&svg, text), 1, "{text} in {words:?}");
    }
    assert!(svg.contains("<desc>关键工序数控化率（目标 68%）：甲机械（T0） 80.0%，丙电子 70.0%。"));
}

#[test]
fn at_most_five_firms_are_compared() {
    let q = builtin("headline-quick");
    let names = ["一", "二", "三", "四", "五", "六"];
    let firms: Vec<Firm> = names.iter().map(|n| firm(&q, n, "", "", QUICK_A)).collect();
    let entries: Vec<PortfolioEntry> = firms.iter().map(|f| entry(&q, f)).collect();
    let cmp = compare_firms(&entries, Lang::En).unwrap();
    assert_eq!(cmp.firms.len(), MAX_COMPARED);
    assert_eq!(
        cmp.left_out,
        ["六: at most 5 are compared side by side; not compared"]
    );
    assert!(compare_firms(&[], Lang::Zh).is_none());
}

// A medium-sized firm (so the management advice is the one for larger firms) whose CNC
// goes from 20/40 = 50 % to 30/40 = 75 % and R&D tools from 5/10 = 50 % to 9/10 = 90 %,
// while management stays at 4/8 = 50 %.
const T0: &str = "
    key_processes = 40
    cnc_key_processes = 20
    mgmt_functions = 8
    mgmt_functions_digital = 4
    rd_staff = 10
    rd_staff_with_tools = 5
";
const T1: &str = "
    key_processes = 40
    cnc_key_processes = 30
    mgmt_functions = 8
    mgmt_functions_digital = 4
    rd_staff = 10
    rd_staff_with_tools = 9
";

#[test]
fn one_firms_rounds_with_the_recommendations_acted_on() {
    let q = builtin("headline-quick");
    let mut before = firm(&q, "甲机械", "medium", "2025", T0);
    before.file.assessed_on = "2025-03-01".into();
    let after = firm(&q, "甲机械", "medium", "2026", T1);
    let t0 = entry(&q, &before);
    let r = compare_rounds(&t0, &entry(&q, &after), Lang::Zh).unwrap();
    assert_eq!(r.firm, "甲机械");
    assert_eq!(
        (r.before_label.as_str(), r.after_label.as_str()),
        ("2025（2025-03-01）", "2026")
    );
    let changes: Vec<(&str, &str, &str)> = r
        .indicators
        .iter()
        .map(|c| {
            (
                c.before_text.as_str(),
                c.after_text.as_str(),
                c.change_text.as_str(),
            )
        })
        .collect();
    // 75 − 50 = +25.0; 50 − 50: unchanged; 90 − 50 = +40.0.
    assert_eq!(
        changes,
        [
            ("50.0%", "75.0%", "+25.0 个百分点"),
            ("50.0%", "50.0%", "不变"),
            ("50.0%", "90.0%", "+40.0 个百分点"),
        ]
    );
    assert_eq!(r.indicators[0].change, Some(25.0));
    // At T0 all three are below target (gaps 18, 30, 35 pp: ranked R&D, management,
    // CNC); at T1 CNC (75 ≥ 68) and R&D (90 ≥ 85) are met, so their advice no longer
    // applies: acted on, in T0's order. Management's still does.
    assert_eq!(r.acted_on.len(), 2);
    assert!(
        r.acted_on[0].starts_with("给还在手工绘图"),
        "{:?}",
        r.acted_on
    );
    assert!(r.acted_on[1].starts_with("把还靠人工"), "{:?}", r.acted_on);
    assert_eq!(r.still_open.len(), 1);
    assert!(
        r.still_open[0].starts_with("对照企业的核心职能"),
        "{:?}",
        r.still_open
    );
    assert_eq!(r.level.change_text, "—", "no level scheme");

    let svg = rounds_chart_svg(&r, Lang::Zh);
    assert!(
        svg.contains("<title>甲机械：2025（2025-03-01） → 2026</title>"),
        "{svg}"
    );
    // A pair of bars an indicator: T0's then T1's, and the change as the note.
    assert_eq!(count(&svg, "1：50.0%"), 3, "{:?}", drawn(&svg));
    assert_eq!(count(&svg, "2：50.0%"), 1);
    for text in [
        "2：75.0%",
        "2：90.0%",
        "+25.0 个百分点",
        "+40.0 个百分点",
        "不变",
        "1：2025（2025-03-01）",
        "2：2026",
    ] {
        assert_eq!(count(&svg, text), 1, "{text}");
    }

    let en = compare_rounds(&t0, &entry(&q, &after), Lang::En).unwrap();
    assert_eq!(en.indicators[2].change_text, "+40.0 pp");
    assert_eq!(en.indicators[1].change_text, "unchanged");
}

#[test]
fn a_level_change_and_rounds_on_other_versions_refused() {
    let q = builtin("sme-digital-level");
    // T0 40 points, 二级; T1 the best answers, 100 points, 四级: +60 points, up 2 levels.
    let before = firm(&q, "乙", "", "T0", &sme_at_40());
    let after = firm(&q, "乙", "", "T1", SME_ALL_BEST);
    let r = compare_rounds(&entry(&q, &before), &entry(&q, &after), Lang::Zh).unwrap();
    assert_eq!(
        (r.score.before_text.as_str(), r.score.after_text.as_str()),
        ("40", "100")
    );
    assert_eq!(r.score.change_text, "+60 分");
    assert_eq!(
        (
            r.level.before_text.as_str(),
            r.level.after_text.as_str(),
            r.level.change_text.as_str()
        ),
        ("二级", "四级", "提升 2 级")
    );
    assert_eq!(r.level.change, Some(2.0));
    let back = compare_rounds(&entry(&q, &after), &entry(&q, &before), Lang::En).unwrap();
    assert_eq!(back.level.change_text, "down 2 levels");
    assert_eq!(back.score.change_text, "−60 points");
    // Every scored dimension is a row; the information systems dimension goes up.
    assert!(!r.dimensions.is_empty());
    assert!(r
        .dimensions
        .iter()
        .any(|d| d.change.is_some_and(|c| c > 0.0)));

    let mut older = q.clone();
    older.version = "2024.1".into();
    let old = firm(&older, "乙", "", "T1", &sme_at_40());
    let why = compare_rounds(&entry(&q, &before), &entry(&older, &old), Lang::Zh).unwrap_err();
    assert_eq!(
        why.zh,
        "两轮评估不能比较：后一轮用的是同一问卷的其他版本（2024.1，此处为 2024.3）"
    );
}
