//! The printed roll-up worked out by hand: the four quick-check firms of
//! tests/support (A 8/10 CNC, 4/8 management, 9/10 R&D tools; B 20/40, 6/8, no R&D
//! staff; C 35/50, none of 8, 17/20; D no key processes, R&D staff 5, the rest
//! unanswered) against Taizhou 2025 (CNC 65 %, management 80 %, R&D tools 90 %), with
//! one firm on the SME questionnaire and one on an earlier quick-check version left out.

mod support;

use shuzhuan::builtin::catalogue;
use shuzhuan::domain::model::firm::FirmProfile;
use shuzhuan::domain::model::questionnaire::Questionnaire;
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::read::answers_file::AnswersFile;
use shuzhuan::domain::report::rollup_printed::{
    printed_rollup, roll_up_selection, PrintedBy, PrintedRollup, RolledUp, SelectedFirm,
};
use shuzhuan::domain::report::rollup_report;
use support::{answers, builtin, QUICK_A, QUICK_B, QUICK_C, QUICK_D};

fn file(q: &Questionnaire, name: &str, round: &str, on: &str, spec: &str) -> AnswersFile {
    let firm = FirmProfile {
        name: name.into(),
        ..Default::default()
    };
    let mut f = AnswersFile::new(
        q,
        firm,
        Some("national-2025".into()),
        answers(q, spec),
        String::new(),
        String::new(),
    );
    f.round = round.into();
    f.assessed_on = on.into();
    f
}

struct Fixture {
    quick: Questionnaire,
    sme: Questionnaire,
    files: Vec<AnswersFile>,
}

fn fixture() -> Fixture {
    let quick = builtin("headline-quick");
    let sme = builtin("sme-digital-level");
    let mut old = file(&quick, "己纺织", "T0", "2025-01-05", QUICK_A);
    old.questionnaire.version = "1.0.0".into();
    let files = vec![
        file(&quick, "甲精密", "T1", "2026-03-01", QUICK_A),
        file(&quick, "乙铸造", "", "2026-02-10", QUICK_B),
        file(&sme, "戊五金", "T1", "", ""),
        file(&quick, "丙电子", "T1", "2026-01-20", QUICK_C),
        file(&quick, "  ", "T0", "2026-02-01", QUICK_D),
        old,
    ];
    Fixture { quick, sme, files }
}

fn print(fx: &Fixture, lang: Lang) -> (RolledUp, PrintedRollup) {
    let c = catalogue().unwrap();
    let profile = c.profile("taizhou-2025").unwrap();
    let selected: Vec<SelectedFirm> = fx
        .files
        .iter()
        .map(|f| SelectedFirm {
            file: f,
            questionnaire: if f.questionnaire.id == fx.sme.id {
                &fx.sme
            } else {
                &fx.quick
            },
        })
        .collect();
    let rolled = roll_up_selection(&fx.quick, profile, &selected, lang);
    let report = rollup_report(&fx.quick, profile, &rolled.result, lang);
    let printed = printed_rollup(
        &fx.quick,
        profile,
        &rolled,
        &report,
        &PrintedBy {
            date: "2026-12-02",
            consultant: "王工（泰州数字化服务中心）",
            logo: Some("data:image/png;base64,TWFu"),
        },
        lang,
    );
    (rolled, printed)
}

/// The cells of the printed table's row `key` (its heading first), tags taken off.
fn row(html: &str, key: &str) -> Vec<String> {
    let start = html
        .find(&format!("<tr data-row=\"{key}\">"))
        .unwrap_or_else(|| panic!("no row {key} in {html}"));
    let rest = &html[start..];
    let end = rest.find("</tr>").unwrap();
    rest[..end]
        .split("</t")
        .filter_map(|c| c.rsplit_once('>').map(|(_, t)| t.to_string()))
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn the_firms_counted_and_left_out_are_named_in_the_selections_order() {
    let fx = fixture();
    let (rolled, printed) = print(&fx, Lang::Zh);
    let r = &rolled.result;
    assert_eq!((r.firms, r.incomplete, r.left_out.total()), (4, 1, 2));
    let names: Vec<&str> = rolled.included.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["甲精密", "乙铸造", "丙电子", "未命名企业"]);
    // No round or date given: a dash, not an empty cell.
    assert_eq!(
        (
            rolled.included[1].round.as_str(),
            rolled.included[1].date.as_str()
        ),
        ("—", "2026-02-10")
    );
    // D was asked 4 questions (key processes, management functions, R&D staff and those
    // with tools: its 0 key processes hide the CNC count) and answered 2: 50 %.
    assert_eq!(
        rolled.included[3].status,
        "未答完，完成度 50.0%（结果为暂定）"
    );
    assert_eq!(rolled.included[0].status, "已答完");
    assert_eq!(rolled.incomplete, ["未命名企业（T0）"]);
    assert_eq!(
        rolled.left_out,
        [
            "戊五金（T1）：其他问卷（制造业中小企业数字化水平自评 2024.3），未计入",
            "己纺织（T0）：问卷的其他版本（制造业数字化核心指标速测 1.0.0），未计入",
        ]
    );
    let firms = &printed.firms;
    assert!(
        firms.starts_with("<h2>计入汇总的企业（4 家企业）</h2>"),
        "{firms}"
    );
    assert!(firms.contains("<tr class=\"incomplete\"><th scope=\"row\">未命名企业</th><td>T0</td><td>2026-02-01</td><td>未答完，完成度 50.0%（结果为暂定）</td></tr>"), "{firms}");
    assert!(
        firms.contains("<p class=\"rollup-incomplete\">未答完（结果为暂定）：未命名企业（T0）</p>")
    );
    assert!(
        firms.contains("<h3>未计入的评估（2 份）</h3><ul><li>戊五金（T1）：其他问卷"),
        "{firms}"
    );
}

#[test]
fn the_summary_has_each_indicators_mean_weighted_value_and_share_meeting_taizhous_target() {
    let fx = fixture();
    let (_, printed) = print(&fx, Lang::Zh);
    let s = &printed.summary;
    assert!(s.starts_with("<h2>汇总结果</h2><p class=\"rollup-lead\">4 家企业，其中 1 家未答完（结果为暂定）；未计入 2 份：其他问卷 1 份、问卷其他版本 1 份。</p>"), "{s}");
    // CNC: A 80 %, B 50 %, C 70 %, D has no key processes (not applicable). Mean
    // 200/3 = 66.7 %; weighted (8 + 20 + 35) ÷ (10 + 40 + 50) = 63.0 %; A and C reach 65 %.
    assert_eq!(
        row(s, "cnc_rate"),
        [
            "关键工序数控化率",
            "65%",
            "66.7%",
            "63.0%",
            "2/3（66.7%）",
            "3/4"
        ]
    );
    // Management: 4/8, 6/8, 0/8, D unanswered: mean 125/3 = 41.7 %, weighted 10/24 =
    // 41.7 %; none reaches 80 %.
    assert_eq!(
        row(s, "mgmt_digital_rate"),
        [
            "经营管理数字化普及率",
            "80%",
            "41.7%",
            "41.7%",
            "0/3（0.0%）",
            "3/4"
        ]
    );
    // R&D tools: A 9/10 = 90 %, C 17/20 = 85 %, B has no R&D staff, D's count is
    // missing. Mean 87.5 %, weighted 26/30 = 86.7 %; only A reaches 90 %: 1 of 2.
    assert_eq!(
        row(s, "rd_tool_rate"),
        [
            "数字化研发设计工具普及率",
            "90%",
            "87.5%",
            "86.7%",
            "1/2（50.0%）",
            "2/4"
        ]
    );
    assert!(
        s.contains("<p class=\"caption\">目标来源：泰州市关于加快发展数字经济的指导意见（任务四）"),
        "{s}"
    );
    // The quick check has no levels.
    assert_eq!(printed.levels, "");
}

#[test]
fn the_cover_names_the_profile_its_document_the_counts_and_who_printed_it() {
    let fx = fixture();
    let (_, printed) = print(&fx, Lang::Zh);
    let c = &printed.cover;
    assert!(
        c.contains("<img class=\"report-logo\" src=\"data:image/png;base64,TWFu\""),
        "{c}"
    );
    assert!(c.contains("<p class=\"report-kicker\">江苏省泰州市</p><h1 class=\"report-title\">区域汇总报告</h1><p class=\"report-questionnaire\">制造业数字化核心指标速测 · v1.1.0</p>"), "{c}");
    for (term, value) in [
        ("对照目标方案", "泰州市 2025 年目标"),
        (
            "目标适用范围",
            "泰州市重点企业（关键工序数控化率）；其余指标未限定企业范围",
        ),
        ("目标依据", "泰州市关于加快发展数字经济的指导意见（任务四）"),
        ("计入汇总", "4 家企业"),
        ("其中未答完", "1 家企业"),
        ("未计入", "2 份"),
        ("打印日期", "2026-12-02"),
        ("咨询顾问", "王工（泰州数字化服务中心）"),
    ] {
        let at = c
            .find(&format!("<dt>{term}</dt>"))
            .unwrap_or_else(|| panic!("{term}: {c}"));
        let dd = &c[at..];
        let dd = &dd[dd.find("\">").unwrap() + 2..dd.find("</dd>").unwrap()];
        assert_eq!(dd, value, "{term}");
    }
    assert_eq!(printed.titles.running, "泰州市 2025 年目标 · 2026-12-02");
    let (_, en) = print(&fx, Lang::En);
    assert!(en
        .cover
        .contains("<h1 class=\"report-title\">Roll-up report</h1>"));
    assert!(
        en.cover
            .contains("<dt>Firms included</dt><dd class=\"rollup-included\">4 firms</dd>"),
        "{}",
        en.cover
    );
    assert_eq!(
        en.titles.document,
        "Roll-up report · Taizhou targets 2025 · 2026-12-02"
    );
}

#[test]
fn the_method_note_says_how_the_figures_are_computed_and_where_they_come_from() {
    let fx = fixture();
    let (_, zh) = print(&fx, Lang::Zh);
    let m = &zh.method;
    for words in [
        "<h2>方法与来源</h2>",
        "企业均值：该指标有值的企业，其指标值的算术平均",
        "加权值：各企业该指标的分子之和 ÷ 分母之和 × 100%",
        "达到目标：企业的指标值不低于目标值（恰好等于目标也算达到）",
        "未答完的企业照样计入汇总，它缺少的指标按此不计入",
        "填写“制造业数字化核心指标速测”1.1.0 版的计入汇总",
        "按“泰州市 2025 年目标”的目标重新对照",
        // The indicators' definitions, the questionnaire's own note, the sources.
        "<h3>指标口径</h3>",
        "关键工序数控化率：实现数控化的关键工序数 ÷ 关键工序总数",
        "所有计算均在本机浏览器内完成，答案不会上传。",
        "<h3>问卷依据</h3>",
        "<h3>目标值</h3><ul class=\"sources\"><li>泰州市关于加快发展数字经济的指导意见（任务四）",
    ] {
        assert!(m.contains(words), "{words}: {m}");
    }
    // No level scheme: nothing said about levels.
    assert!(!m.contains("等级分布"), "{m}");
    let (_, en) = print(&fx, Lang::En);
    // Escaped for HTML, the apostrophe reads as one in the browser.
    assert!(
        en.method.contains("Weighted value: the sum of the firms"),
        "{}",
        en.method
    );
    assert!(en
        .method
        .contains("numerators ÷ the sum of their denominators × 100%"));
}

#[test]
fn levels_and_the_share_at_level_2_or_above_are_printed_for_a_questionnaire_with_levels() {
    let sme = builtin("sme-digital-level");
    let c = catalogue().unwrap();
    let profile = c.profile("national-2025").unwrap();
    // Every answer at its best: 100 points, 四级, one firm of one.
    let best = file(&sme, "甲", "T1", "2026-03-01", support::SME_ALL_BEST);
    let worst = file(&sme, "乙", "T1", "2026-03-01", support::SME_ALL_WORST);
    let selected = [
        SelectedFirm {
            file: &best,
            questionnaire: &sme,
        },
        SelectedFirm {
            file: &worst,
            questionnaire: &sme,
        },
    ];
    let rolled = roll_up_selection(&sme, profile, &selected, Lang::Zh);
    let report = rollup_report(&sme, profile, &rolled.result, Lang::Zh);
    let printed = printed_rollup(
        &sme,
        profile,
        &rolled,
        &report,
        &PrintedBy {
            date: "2026-12-02",
            consultant: "",
            logo: None,
        },
        Lang::Zh,
    );
    // One at 四级, one below 一级: 1 of 2 at 二级 or above.
    assert!(
        printed.levels.contains(
            "<p class=\"rollup-at-or-above\"><strong>二级及以上：1/2（50.0%）</strong></p>"
        ),
        "{}",
        printed.levels
    );
    assert_eq!(
        row(&printed.levels, "level-0"),
        ["未达一级", "1/2（50.0%）"]
    );
    assert!(printed
        .method
        .contains("“二级及以上”是达到二级或更高等级的企业所占的比例"));
    // No consultant or logo: a dash, no image.
    assert!(printed
        .cover
        .contains("<dd class=\"report-consultant\">—</dd>"));
    assert!(!printed.cover.contains("<img"));
}
