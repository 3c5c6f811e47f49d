//! Golden roll-ups computed by hand: four firms on the quick check and four on the SME
//! questionnaire, against the national 2025 targets (CNC 68 %, management 80 %, R&D
//! tools 85 %, platform 45 %; no target for the two equipment rates) and, for the quick
//! check, Taizhou 2025 (65 %, 80 %, 90 %).

mod support;

use shuzhuan::builtin::catalogue;
use shuzhuan::domain::compute::rollup::{
    IndicatorRollup, LeftOut, LeftOutCounts, LevelCount, LevelShare, Rollup, RollupResult,
};
use shuzhuan::domain::model::questionnaire::Questionnaire;
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::read::answers_file::AnswersFile;
use shuzhuan::domain::report::rollup_report;
use support::{answers, builtin, SME_ALL_BEST, SME_ALL_WORST};

fn file(q: &Questionnaire, spec: &str) -> AnswersFile {
    AnswersFile::new(
        q,
        Default::default(),
        None,
        answers(q, spec),
        String::new(),
        String::new(),
    )
}

fn roll_up(q: &Questionnaire, profile: &str, specs: &[&str]) -> RollupResult {
    let c = catalogue().unwrap();
    let profile = c.profile(profile).unwrap();
    let mut rollup = Rollup::new(q, profile);
    for spec in specs {
        rollup.add_file(&file(q, spec)).unwrap();
    }
    rollup.finish()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

fn indicator<'a>(r: &'a RollupResult, id: &str) -> &'a IndicatorRollup {
    r.indicators.iter().find(|i| i.id == id).unwrap()
}

// The quick check: every firm answers all five questions except D.
const QUICK_A: &str = "
    key_processes = 10
    cnc_key_processes = 8
    mgmt_functions = 8
    mgmt_functions_digital = 4
    rd_staff = 10
    rd_staff_with_tools = 9
";
const QUICK_B: &str = "
    key_processes = 40
    cnc_key_processes = 20
    mgmt_functions = 8
    mgmt_functions_digital = 6
    rd_staff = 0
    rd_staff_with_tools = 0
";
const QUICK_C: &str = "
    key_processes = 50
    cnc_key_processes = 35
    mgmt_functions = 8
    mgmt_functions_digital = 0
    rd_staff = 20
    rd_staff_with_tools = 17
";
const QUICK_D: &str = "
    key_processes = 0
    cnc_key_processes = 0
    rd_staff = 5
";

#[test]
fn four_firms_on_the_quick_check_against_the_national_targets() {
    let q = builtin("headline-quick");
    let r = roll_up(&q, "national-2025", &[QUICK_A, QUICK_B, QUICK_C, QUICK_D]);
    // D leaves the management question and R&D staff with tools unanswered.
    assert_eq!((r.firms, r.incomplete), (4, 1));
    assert_eq!(r.left_out, LeftOutCounts::default());

    // CNC: A 8/10 = 80 %, B 20/40 = 50 %, C 35/50 = 70 %, D 0 key processes (not applicable).
    // Mean (80 + 50 + 70) / 3 = 66.67 %; weighted (8 + 20 + 35) / (10 + 40 + 50) = 63/100
    // = 63 %: the large firm B at 50 % pulls it down. A and C reach 68 %: 2 of 3.
    let cnc = indicator(&r, "cnc_rate");
    assert_eq!(
        (cnc.with_value, cnc.not_applicable, cnc.missing, cnc.invalid),
        (3, 1, 0, 0)
    );
    assert!(close(cnc.mean, 200.0 / 3.0), "{cnc:?}");
    assert_eq!(cnc.weighted, Some(63.0));
    assert_eq!((cnc.numerator_sum, cnc.denominator_sum), (63.0, 100.0));
    assert_eq!((cnc.min, cnc.max), (Some(50.0), Some(80.0)));
    assert_eq!(cnc.target, Some(68.0));
    assert_eq!(cnc.meeting_target, Some(2));
    assert!(close(cnc.share_meeting_target, 200.0 / 3.0));

    // Management: A 4/8 = 50 %, B 6/8 = 75 %, C none of 8 = 0 %, D unanswered.
    // Mean 125/3 = 41.67 %; weighted 10/24 = 41.67 % (every firm has the same 8
    // functions, so the weights are equal). None reaches 80 %.
    let mgmt = indicator(&r, "mgmt_digital_rate");
    assert_eq!((mgmt.with_value, mgmt.missing), (3, 1));
    assert!(close(mgmt.mean, 125.0 / 3.0));
    assert!(close(mgmt.weighted, 1000.0 / 24.0));
    assert_eq!((mgmt.numerator_sum, mgmt.denominator_sum), (10.0, 24.0));
    assert_eq!(mgmt.meeting_target, Some(0));
    assert_eq!(mgmt.share_meeting_target, Some(0.0));

    // R&D tools: A 9/10 = 90 %, C 17/20 = 85 % (exactly on target: met), B has no R&D
    // staff (not applicable), D's count with tools is missing. Mean 87.5 %; weighted
    // 26/30 = 86.67 %; 2 of 2 meet 85 %.
    let rd = indicator(&r, "rd_tool_rate");
    assert_eq!((rd.with_value, rd.not_applicable, rd.missing), (2, 1, 1));
    assert_eq!(rd.mean, Some(87.5));
    assert!(close(rd.weighted, 2600.0 / 30.0));
    assert_eq!(rd.meeting_target, Some(2));
    assert_eq!(rd.share_meeting_target, Some(100.0));

    // The quick check has no level scheme.
    assert!(r.levels.is_empty());
    assert_eq!((r.below_first_level, r.at_or_above), (0, None));

    let report = rollup_report(
        &q,
        catalogue().unwrap().profile("national-2025").unwrap(),
        &r,
        Lang::Zh,
    );
    assert_eq!(report.title, "制造业数字化核心指标速测 · 全国 2025 年目标");
    assert_eq!(report.firms_text, "4 家企业，其中 1 家未答完（结果为暂定）");
    assert_eq!(report.left_out_text, "");
    let cnc_row = &report.indicators[0];
    assert_eq!(cnc_row.name, "关键工序数控化率");
    assert_eq!(
        (
            cnc_row.target_text.as_str(),
            cnc_row.mean_text.as_str(),
            cnc_row.weighted_text.as_str(),
            cnc_row.meeting_text.as_str(),
            cnc_row.with_value_text.as_str()
        ),
        ("68%", "66.7%", "63.0%", "2/3（66.7%）", "3/4")
    );
    assert!(report.levels.is_empty() && report.at_or_above_text.is_empty());
}

#[test]
fn the_same_firms_against_taizhou() {
    // Taizhou 2025 asks 65 % CNC (A 80, C 70 meet; B 50 does not) and 90 % R&D tools:
    // only A's 90 % meets it, 1 of 2; C's 85 % is 5 pp short.
    let q = builtin("headline-quick");
    let r = roll_up(&q, "taizhou-2025", &[QUICK_A, QUICK_B, QUICK_C, QUICK_D]);
    assert_eq!(r.profile, "taizhou-2025");
    let cnc = indicator(&r, "cnc_rate");
    assert_eq!((cnc.target, cnc.meeting_target), (Some(65.0), Some(2)));
    let rd = indicator(&r, "rd_tool_rate");
    assert_eq!((rd.target, rd.meeting_target), (Some(90.0), Some(1)));
    assert_eq!(rd.share_meeting_target, Some(50.0));
    // The values themselves do not depend on the profile.
    assert_eq!(cnc.weighted, Some(63.0));
    assert_eq!(rd.mean, Some(87.5));
}

/// What makes the best answers (support::SME_ALL_BEST: 100 points, 四级) a complete firm:
/// every scenario rated and the headline questions answered.
const SCENARIOS_AND_HEADLINE: &str = "
    scn_product_design = 3
    scn_process_design = 3
    scn_marketing = 3
    scn_after_sales = 3
    scn_planning = 3
    scn_production_control = 3
    scn_quality = 3
    scn_equipment = 3
    scn_safety = 3
    scn_energy = 3
    scn_purchasing = 3
    scn_warehouse_logistics = 3
    scn_finance = 3
    scn_hr = 3
    scn_collaboration = 3
    scn_decision = 3
    key_processes = 20
    cnc_key_processes = 15
    mgmt_functions = 8
    mgmt_functions_digital = 6
    rd_staff = 10
    rd_staff_with_tools = 9
    uses_platform = yes
";

/// The best answers of a complete firm.
fn sme_best_complete() -> String {
    format!("{SME_ALL_BEST}{SCENARIOS_AND_HEADLINE}")
}

/// The worst answers (support::SME_ALL_WORST: 0 points, below 一级), with 30 of 60 key
/// processes under numerical control and no platform.
fn sme_worst() -> String {
    format!("{SME_ALL_WORST}\nkey_processes = 60\ncnc_key_processes = 30\nuses_platform = no")
}

/// The best answers with the worst management and trends and no information system:
/// 50 − 10 = 40 points, exactly 二级 (tests/scoring_golden.rs); no key processes; a platform.
fn sme_at_40() -> String {
    format!(
        "{}\nkey_processes = 0\ncnc_key_processes = 0\nuses_platform = yes",
        support::sme_at_40()
    )
}

#[test]
fn four_firms_on_the_sme_questionnaire() {
    let q = builtin("sme-digital-level");
    // The mixed golden firm (tests/answers/mixed-firm.spec): 46.5 points, 二级, CNC 22/40.
    let mixed = include_str!("answers/mixed-firm.spec");
    let r = roll_up(
        &q,
        "national-2025",
        &[&sme_best_complete(), mixed, &sme_worst(), &sme_at_40()],
    );
    // Only the first firm answered everything.
    assert_eq!((r.firms, r.incomplete), (4, 3));

    // Levels: best 四级, mixed 二级, worst below 一级, the 40-point firm 二级.
    assert_eq!(r.below_first_level, 1);
    let level = |level, firms, share| LevelCount {
        level,
        firms,
        share: Some(share),
    };
    assert_eq!(
        r.levels,
        vec![
            level(1, 0, 0.0),
            level(2, 2, 50.0),
            level(3, 0, 0.0),
            level(4, 1, 25.0)
        ]
    );
    // 二级 or above: 2 + 0 + 1 = 3 of 4 = 75 %.
    assert_eq!(
        r.at_or_above,
        Some(LevelShare {
            level: 2,
            firms: 3,
            share: Some(75.0)
        })
    );

    // CNC: best 15/20 = 75 %, mixed 22/40 = 55 %, worst 30/60 = 50 %, the 40-point firm
    // has none (not applicable). Mean 180/3 = 60 %; weighted 67/120 = 55.83 %; only the
    // best firm reaches 68 %: 1 of 3.
    let cnc = indicator(&r, "cnc_rate");
    assert_eq!((cnc.with_value, cnc.not_applicable), (3, 1));
    assert!(close(cnc.mean, 60.0));
    assert!(close(cnc.weighted, 6700.0 / 120.0));
    assert_eq!(cnc.meeting_target, Some(1));
    assert!(close(cnc.share_meeting_target, 100.0 / 3.0));

    // Platform: yes, unanswered, no, yes → 1/1, —, 0/1, 1/1. Mean and weighted 2/3 =
    // 66.67 % (the share of firms using one, as the indicator defines the region's rate);
    // 45 % is met by the two that use one.
    let platform = indicator(&r, "platform_rate");
    assert_eq!((platform.with_value, platform.missing), (3, 1));
    assert!(close(platform.mean, 200.0 / 3.0));
    assert!(close(platform.weighted, 200.0 / 3.0));
    assert_eq!(platform.meeting_target, Some(2));

    // Equipment digitalised: 80/100, 90/200, 5/100, 80/100 → 80, 45, 5, 80 %. Mean
    // 210/4 = 52.5 %; weighted 255/500 = 51 %. The profile sets no target.
    let digital = indicator(&r, "equip_digital_rate");
    assert_eq!(digital.with_value, 4);
    assert_eq!(digital.mean, Some(52.5));
    assert_eq!(digital.weighted, Some(51.0));
    assert_eq!(
        (
            digital.target,
            digital.meeting_target,
            digital.share_meeting_target
        ),
        (None, None, None)
    );
    // Networked: 70/100, 30/200, 0/100, 70/100 → mean 155/4 = 38.75 %, weighted 170/500 = 34 %.
    let networked = indicator(&r, "equip_network_rate");
    assert_eq!(networked.mean, Some(38.75));
    assert_eq!(networked.weighted, Some(34.0));
    // Management and R&D tools: only the best firm answered (6/8 = 75 %, 9/10 = 90 %).
    let mgmt = indicator(&r, "mgmt_digital_rate");
    assert_eq!(
        (mgmt.with_value, mgmt.mean, mgmt.meeting_target),
        (1, Some(75.0), Some(0))
    );
    let rd = indicator(&r, "rd_tool_rate");
    assert_eq!(
        (rd.with_value, rd.weighted, rd.meeting_target),
        (1, Some(90.0), Some(1))
    );

    let profile = catalogue().unwrap();
    let profile = profile.profile("national-2025").unwrap();
    let zh = rollup_report(&q, profile, &r, Lang::Zh);
    assert_eq!(zh.at_or_above_text, "二级及以上：3/4（75.0%）");
    let names: Vec<(&str, &str)> = zh
        .levels
        .iter()
        .map(|l| (l.name.as_str(), l.firms_text.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("未达一级", "1/4（25.0%）"),
            ("一级", "0/4（0.0%）"),
            ("二级", "2/4（50.0%）"),
            ("三级", "0/4（0.0%）"),
            ("四级", "1/4（25.0%）"),
        ]
    );
    let equip_row = zh
        .indicators
        .iter()
        .find(|i| i.id == "equip_digital_rate")
        .unwrap();
    assert_eq!(equip_row.meeting_text, "本目标方案未设目标");
    assert_eq!(equip_row.weighted_text, "51.0%");
    let en = rollup_report(&q, profile, &r, Lang::En);
    assert_eq!(en.at_or_above_text, "Level 2 or above: 3 of 4 (75.0%)");
    assert_eq!(
        en.firms_text,
        "4 firms, 3 of them incomplete (provisional figures)"
    );
}

#[test]
fn firms_of_another_questionnaire_or_version_are_left_out_with_their_reason() {
    let c = catalogue().unwrap();
    let q = builtin("sme-digital-level");
    let quick = builtin("headline-quick");
    let mut rollup = Rollup::new(&q, c.profile("national-2025").unwrap());
    // Same questionnaire and version: counted (whether complete is beside the point here).
    assert!(rollup.add_file(&file(&q, &sme_worst())).is_ok());
    assert_eq!(
        rollup.add_file(&file(&quick, QUICK_A)),
        Err(LeftOut::OtherQuestionnaire)
    );
    let mut old = file(&q, &sme_worst());
    old.questionnaire.version = "2022.1".into();
    assert_eq!(rollup.add_file(&old), Err(LeftOut::OtherVersion));
    rollup.leave_out(LeftOut::Unreadable);
    let r = rollup.finish();
    assert_eq!(r.firms, 1);
    assert_eq!(
        r.left_out,
        LeftOutCounts {
            other_questionnaire: 1,
            other_version: 1,
            unreadable: 1
        }
    );
    let report = rollup_report(&q, c.profile("national-2025").unwrap(), &r, Lang::Zh);
    assert_eq!(
        report.left_out_text,
        "未计入 3 份：其他问卷 1 份、问卷其他版本 1 份、无法读取 1 份"
    );
    let report = rollup_report(&q, c.profile("national-2025").unwrap(), &r, Lang::En);
    assert_eq!(
        report.left_out_text,
        "Left out 3 files: 1 file for another questionnaire, 1 file for another version, 1 file unreadable"
    );
}

#[test]
fn no_firm_at_all_gives_no_figure_rather_than_a_division_by_zero() {
    let c = catalogue().unwrap();
    let q = builtin("sme-digital-level");
    let r = Rollup::new(&q, c.profile("national-2025").unwrap()).finish();
    assert_eq!(r.firms, 0);
    assert!(r
        .indicators
        .iter()
        .all(|i| i.mean.is_none() && i.weighted.is_none() && i.share_meeting_target.is_none()));
    assert!(r.levels.iter().all(|l| l.share.is_none()));
    assert_eq!(r.at_or_above.and_then(|l| l.share), None);
    let report = rollup_report(&q, c.profile("national-2025").unwrap(), &r, Lang::Zh);
    assert_eq!(report.indicators[0].mean_text, "—");
    assert_eq!(report.at_or_above_text, "二级及以上：—");
}

#[test]
fn another_level_scheme_is_named_as_it_names_its_levels() {
    // One CMMM firm with nothing answered: below 一级 规划级, so none at 二级 规范级 or above.
    let q = builtin("cmmm-self-diagnosis");
    let r = roll_up(&q, "national-2025", &[""]);
    assert_eq!((r.firms, r.incomplete, r.below_first_level), (1, 1, 1));
    assert_eq!(r.levels.len(), 5);
    let c = catalogue().unwrap();
    let report = rollup_report(&q, c.profile("national-2025").unwrap(), &r, Lang::Zh);
    assert_eq!(report.at_or_above_text, "二级 规范级及以上：0/1（0.0%）");
    assert_eq!(report.levels[0].name, "未达一级 规划级");
    let report = rollup_report(&q, c.profile("national-2025").unwrap(), &r, Lang::En);
    assert_eq!(
        report.at_or_above_text,
        "Level 2 Standardised or above: 0 of 1 (0.0%)"
    );
}
