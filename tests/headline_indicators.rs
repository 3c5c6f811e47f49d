//! Golden cases for the headline indicators, computed by hand from the formulas in
//! questionnaires/headline-quick.toml and the targets of the built-in profiles
//! (national 2025: CNC 68 %, management 80 %, R&D tools 85 %; Taizhou 2025: 65 %, 80 %, 90 %).

use shuzhuan::builtin::{catalogue, Catalogue};
use shuzhuan::domain::compute::assessment::assess;
use shuzhuan::domain::compute::evaluation::ItemState;
use shuzhuan::domain::compute::indicators::Gap;
use shuzhuan::domain::compute::indicators::IndicatorValue;
use shuzhuan::domain::model::answers::Answers;
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::report::{advice_rows, indicator_rows, RowStatus};

fn cat() -> Catalogue {
    catalogue().expect("built-in files load")
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    let mut a = Answers::default();
    for (item, raw) in pairs {
        a.set_typed(item, *raw);
    }
    a
}

#[test]
fn a_typical_firm_against_the_national_2025_targets() {
    let c = cat();
    let q = &c.questionnaires[0];
    let national = c.profile("national-2025").unwrap();
    // 17 of 25 key processes → 68 % (exactly the target); 6 of 8 functions → 75 %
    // (5 pp short of 80 %); 27 of 30 designers → 90 % (5 pp above 85 %).
    let a = answers(&[
        ("key_processes", "25"),
        ("cnc_key_processes", "17"),
        ("mgmt_functions", "8"),
        ("mgmt_functions_digital", "6"),
        ("rd_staff", "30"),
        ("rd_staff_with_tools", "27"),
    ]);
    let result = assess(q, &a, national, &c.benchmark, &Default::default());
    assert!(
        result.evaluation.field_errors.is_empty(),
        "{:?}",
        result.evaluation.field_errors
    );
    assert_eq!(
        result.indicator("cnc_rate").unwrap().value,
        IndicatorValue::Percent(68.0)
    );
    assert_eq!(
        result.indicator("cnc_rate").unwrap().gap(),
        Some(Gap::Met { above_pp: 0.0 })
    );
    assert_eq!(
        result.indicator("mgmt_digital_rate").unwrap().value,
        IndicatorValue::Percent(75.0)
    );
    assert_eq!(
        result.indicator("mgmt_digital_rate").unwrap().gap(),
        Some(Gap::Short { below_pp: 5.0 })
    );
    assert_eq!(
        result.indicator("rd_tool_rate").unwrap().value,
        IndicatorValue::Percent(90.0)
    );
    assert_eq!(
        result.indicator("rd_tool_rate").unwrap().gap(),
        Some(Gap::Met { above_pp: 5.0 })
    );
    assert_eq!((result.score.answered, result.score.asked), (6, 6));

    let rows = indicator_rows(q, &result, Lang::Zh);
    let texts: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r.value_text.as_str(),
                r.target_text.as_str(),
                r.gap_text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        texts,
        vec![
            ("68.0%", "68%", "恰好达到目标"),
            ("75.0%", "80%", "低于目标 5.0 个百分点"),
            ("90.0%", "85%", "达到目标（高出 5.0 个百分点）"),
        ]
    );
    let en = indicator_rows(q, &result, Lang::En);
    assert_eq!(en[1].gap_text, "5.0 pp below target");
    assert_eq!(en[2].gap_text, "Target met (+5.0 pp)");
}

#[test]
fn the_same_firm_against_taizhou_2025() {
    let c = cat();
    let q = &c.questionnaires[0];
    let taizhou = c.profile("taizhou-2025").unwrap();
    // 22 of 40 → 55 %, 10 pp short of 65 %; 27 of 30 → 90 %, exactly Taizhou's 90 %.
    let a = answers(&[
        ("key_processes", "40"),
        ("cnc_key_processes", "22"),
        ("rd_staff", "30"),
        ("rd_staff_with_tools", "27"),
    ]);
    let result = assess(q, &a, taizhou, &c.benchmark, &Default::default());
    let rows = indicator_rows(q, &result, Lang::Zh);
    assert_eq!(rows[0].value_text, "55.0%");
    assert_eq!(rows[0].target_text, "65%");
    assert_eq!(rows[0].gap_pp, Some(-10.0));
    assert_eq!(rows[0].status, RowStatus::Short);
    assert_eq!(rows[1].status, RowStatus::Missing);
    assert_eq!(rows[1].value_text, "待填写");
    assert_eq!(rows[2].status, RowStatus::Met);
    assert_eq!(rows[2].gap_text, "恰好达到目标");
}

#[test]
fn targets_carry_their_scope_and_advice_quotes_the_selected_profile() {
    let c = cat();
    let q = &c.questionnaires[0];
    // 22 of 40 → 55 %: below every CNC target, so the CNC advice applies.
    let a = answers(&[("key_processes", "40"), ("cnc_key_processes", "22")]);
    let cnc_advice = |profile: &str| {
        let p = c.profile(profile).unwrap();
        let result = assess(q, &a, p, &c.benchmark, &Default::default());
        let rows = indicator_rows(q, &result, Lang::Zh);
        let advice = advice_rows(q, &result, Lang::Zh)
            .into_iter()
            .find(|r| r.id == "cnc-key-process-retrofit")
            .expect("55 % is below the target");
        (
            rows[0].target_text.clone(),
            rows[0].target_scope.clone(),
            advice.rationale,
        )
    };
    // 2027 for firms above designated size: 75 %; for all industrial firms: 70 %. The
    // latest national CNC value is 66.2 % at the end of March 2025, for industrial firms.
    let (target, scope, rationale) = cnc_advice("national-2027");
    assert_eq!(
        (target.as_str(), scope.as_str()),
        ("75%", "规模以上工业企业")
    );
    assert!(
        rationale.contains("所选目标 75%（全国 2027 年目标，规模以上工业企业）；全国实际 66.2%（2025-03，工业企业（截至 2025 年 3 月底））"),
        "{rationale}"
    );
    let (target, scope, rationale) = cnc_advice("national-2027-industry");
    assert_eq!((target.as_str(), scope.as_str()), ("70%", "工业企业"));
    assert!(
        rationale.contains("70%（全国工业企业 2027 年目标，工业企业）"),
        "{rationale}"
    );
    assert!(
        !rationale.contains("75%"),
        "never the other profile's figure"
    );
    let (target, _, rationale) = cnc_advice("chongqing-2027");
    assert_eq!(target, "65%");
    assert!(
        rationale.contains("65%（重庆市 2027 年目标，规模以上制造业企业）"),
        "{rationale}"
    );
    assert!(!rationale.contains('{'), "every placeholder is filled");
}

#[test]
fn thirds_round_to_one_decimal() {
    let c = cat();
    let q = &c.questionnaires[0];
    // 1 of 3 = 33.333… %; 68 − 33.333… = 34.666… → 34.7 pp.
    let a = answers(&[("key_processes", "3"), ("cnc_key_processes", "1")]);
    let rows = indicator_rows(
        q,
        &assess(
            q,
            &a,
            c.profile("national-2025").unwrap(),
            &c.benchmark,
            &Default::default(),
        ),
        Lang::Zh,
    );
    assert_eq!(rows[0].value_text, "33.3%");
    assert_eq!(rows[0].gap_text, "低于目标 34.7 个百分点");
}

#[test]
fn a_whole_of_zero_is_not_applicable() {
    let c = cat();
    let q = &c.questionnaires[0];
    let a = answers(&[
        ("key_processes", "0"),
        ("cnc_key_processes", "0"),
        ("rd_staff", "0"),
        ("rd_staff_with_tools", ""),
    ]);
    let result = assess(
        q,
        &a,
        c.profile("national-2025").unwrap(),
        &c.benchmark,
        &Default::default(),
    );
    assert!(result.evaluation.field_errors.is_empty());
    assert_eq!(
        result.indicator("cnc_rate").unwrap().value,
        IndicatorValue::NotApplicable
    );
    assert_eq!(
        result.indicator("rd_tool_rate").unwrap().value,
        IndicatorValue::NotApplicable
    );
    assert_eq!(result.indicator("cnc_rate").unwrap().gap(), None);
    assert_eq!(indicator_rows(q, &result, Lang::Zh)[0].value_text, "不适用");
}

#[test]
fn a_part_larger_than_its_whole_is_an_error_on_the_part_and_keeps_the_text() {
    let c = cat();
    let q = &c.questionnaires[0];
    let a = answers(&[("key_processes", "10"), ("cnc_key_processes", "12")]);
    let result = assess(
        q,
        &a,
        c.profile("national-2025").unwrap(),
        &c.benchmark,
        &Default::default(),
    );
    assert_eq!(
        result.indicator("cnc_rate").unwrap().value,
        IndicatorValue::Invalid
    );
    let err = result
        .evaluation
        .field_errors
        .get("cnc_key_processes")
        .expect("error on the part");
    assert_eq!(err.zh, "12 不能大于“关键工序总数”（10）");
    assert!(!result.evaluation.field_errors.contains_key("key_processes"));
    // What was typed stays in the answers.
    assert_eq!(a.typed("cnc_key_processes"), "12");
    assert_eq!(
        indicator_rows(q, &result, Lang::Zh)[0].value_text,
        "输入有误"
    );
}

#[test]
fn full_width_digits_and_spaces_are_read() {
    let c = cat();
    let q = &c.questionnaires[0];
    let a = answers(&[
        ("key_processes", " ２５ "),
        ("cnc_key_processes", "\u{3000}１７"),
    ]);
    let result = assess(
        q,
        &a,
        c.profile("national-2025").unwrap(),
        &c.benchmark,
        &Default::default(),
    );
    assert_eq!(
        result.indicator("cnc_rate").unwrap().value,
        IndicatorValue::Percent(68.0)
    );
}

#[test]
fn invalid_counts_are_field_errors_not_values() {
    let c = cat();
    let q = &c.questionnaires[0];
    let a = answers(&[
        ("key_processes", "-4"),
        // Asked only when a valid total above 0 is given: with "-4" above, it is
        // not asked, and its "2.5" is kept without an error.
        ("cnc_key_processes", "2.5"),
        ("rd_staff", "abc"),
    ]);
    let result = assess(
        q,
        &a,
        c.profile("national-2025").unwrap(),
        &c.benchmark,
        &Default::default(),
    );
    assert_eq!(
        result
            .evaluation
            .field_errors
            .get("key_processes")
            .unwrap()
            .zh,
        "数量不能为负数"
    );
    assert_eq!(
        result.evaluation.field_errors.get("cnc_key_processes"),
        None
    );
    assert_eq!(
        result.evaluation.field_errors.get("rd_staff").unwrap().zh,
        "请输入整数，例如 12"
    );
    assert_eq!(
        result.indicator("cnc_rate").unwrap().value,
        IndicatorValue::Invalid
    );
    assert_eq!(result.score.answered, 0);
    // With a valid total, the follow-up is asked and its fraction is an error.
    let a = answers(&[("key_processes", "4"), ("cnc_key_processes", "2.5")]);
    let result = assess(
        q,
        &a,
        c.profile("national-2025").unwrap(),
        &c.benchmark,
        &Default::default(),
    );
    assert_eq!(
        result
            .evaluation
            .field_errors
            .get("cnc_key_processes")
            .unwrap()
            .zh,
        "请输入整数，不能有小数"
    );
    assert_eq!(
        result.indicator("cnc_rate").unwrap().value,
        IndicatorValue::Invalid
    );
}

#[test]
fn the_firm_counts_its_own_management_functions() {
    use shuzhuan::domain::compute::indicators::RatioParts;
    let c = cat();
    let q = &c.questionnaires[0];
    let national = c.profile("national-2025").unwrap();
    let mgmt = |pairs: &[(&str, &str)]| {
        let a = answers(pairs);
        let r = assess(q, &a, national, &c.benchmark, &Default::default());
        let row = indicator_rows(q, &r, Lang::Zh).remove(1);
        (r, row)
    };
    // Untouched: missing.
    let (r, row) = mgmt(&[]);
    assert_eq!(
        r.indicator("mgmt_digital_rate").unwrap().value,
        IndicatorValue::Missing
    );
    assert_eq!(row.value_text, "待填写");
    // 8 of the firm's 10 functions on a system: 8 × 100 ÷ 10 = 80.0 %, exactly the
    // national 80 % (the old fixed list of 8 could not say this).
    let (r, row) = mgmt(&[("mgmt_functions", "10"), ("mgmt_functions_digital", "8")]);
    let ind = r.indicator("mgmt_digital_rate").unwrap();
    assert_eq!(ind.value, IndicatorValue::Percent(80.0));
    assert_eq!(
        ind.parts,
        Some(RatioParts {
            numerator: 8.0,
            denominator: 10.0
        })
    );
    assert_eq!(ind.gap(), Some(Gap::Met { above_pp: 0.0 }));
    assert_eq!(
        (row.value_text.as_str(), row.gap_text.as_str()),
        ("80.0%", "恰好达到目标")
    );
    // None of 8 on a system: 0 %, 80 pp short.
    let (r, row) = mgmt(&[("mgmt_functions", "8"), ("mgmt_functions_digital", "0")]);
    assert_eq!(
        r.indicator("mgmt_digital_rate").unwrap().value,
        IndicatorValue::Percent(0.0)
    );
    assert_eq!(row.gap_text, "低于目标 80.0 个百分点");
    // The total alone: the follow-up is asked and still unanswered.
    let (r, _) = mgmt(&[("mgmt_functions", "8")]);
    assert_eq!(
        r.evaluation.state("mgmt_functions_digital"),
        ItemState::Unanswered
    );
    assert_eq!(
        r.indicator("mgmt_digital_rate").unwrap().value,
        IndicatorValue::Missing
    );
    // A total of 0: the follow-up is not asked, the indicator does not apply, and a
    // roll-up adds nothing for it.
    let (r, row) = mgmt(&[("mgmt_functions", "0"), ("mgmt_functions_digital", "3")]);
    assert_eq!(
        r.evaluation.state("mgmt_functions_digital"),
        ItemState::Hidden
    );
    let ind = r.indicator("mgmt_digital_rate").unwrap();
    assert_eq!(ind.value, IndicatorValue::NotApplicable);
    assert_eq!(ind.parts, None);
    assert_eq!(row.value_text, "不适用");
    // More on a system than there are: an error on the part, in both languages, and the
    // text kept.
    let (r, row) = mgmt(&[("mgmt_functions", "10"), ("mgmt_functions_digital", "12")]);
    let err = r
        .evaluation
        .field_errors
        .get("mgmt_functions_digital")
        .expect("error on the part");
    assert_eq!(
        err.zh,
        "12 不能大于“贵企业的核心经营管理职能共有几项？”（10）"
    );
    assert_eq!(
        err.get(Lang::En),
        "12 cannot be more than \"How many core management functions does the firm have?\" (10)"
    );
    assert!(!r.evaluation.field_errors.contains_key("mgmt_functions"));
    assert_eq!(
        r.indicator("mgmt_digital_rate").unwrap().value,
        IndicatorValue::Invalid
    );
    assert_eq!(row.value_text, "输入有误");
}

#[test]
fn each_percentage_carries_the_counts_it_is_made_of() {
    use shuzhuan::domain::compute::indicators::RatioParts;
    let c = cat();
    let q = &c.questionnaires[0];
    let national = c.profile("national-2025").unwrap();
    // 17 of 25 key processes; 3 of the firm's 8 management functions on a system; R&D
    // staff not yet answered, so that indicator has neither a value nor parts.
    let a = answers(&[
        ("key_processes", "25"),
        ("cnc_key_processes", "17"),
        ("mgmt_functions", "8"),
        ("mgmt_functions_digital", "3"),
    ]);
    let result = assess(q, &a, national, &c.benchmark, &Default::default());
    let parts = |id: &str| result.indicator(id).unwrap().parts;
    assert_eq!(
        parts("cnc_rate"),
        Some(RatioParts {
            numerator: 17.0,
            denominator: 25.0
        })
    );
    assert_eq!(
        parts("mgmt_digital_rate"),
        Some(RatioParts {
            numerator: 3.0,
            denominator: 8.0
        })
    );
    // 3 × 100 ÷ 8 = 37.5 %, the value shown.
    assert_eq!(
        result.indicator("mgmt_digital_rate").unwrap().value,
        IndicatorValue::Percent(37.5)
    );
    assert_eq!(parts("rd_tool_rate"), None);
    assert_eq!(
        result.indicator("rd_tool_rate").unwrap().value,
        IndicatorValue::Missing
    );
    // A whole of 0 is not applicable: no parts either, so a roll-up adds nothing.
    let none = answers(&[("key_processes", "0"), ("cnc_key_processes", "0")]);
    let result = assess(q, &none, national, &c.benchmark, &Default::default());
    assert_eq!(result.indicator("cnc_rate").unwrap().parts, None);
}

#[test]
fn a_yes_no_indicator_is_one_of_one_or_none_of_one() {
    use shuzhuan::domain::compute::indicators::RatioParts;
    let c = cat();
    let q = c
        .questionnaires
        .iter()
        .find(|q| q.id == "sme-digital-level")
        .unwrap();
    let national = c.profile("national-2025").unwrap();
    for (answer, numerator, percent) in [("yes", 1.0, 100.0), ("no", 0.0, 0.0)] {
        let mut a = Answers::default();
        a.set(
            "uses_platform",
            shuzhuan::domain::model::answers::Answer::Choice(answer.into()),
        );
        let result = assess(q, &a, national, &c.benchmark, &Default::default());
        let platform = result.indicator("platform_rate").unwrap();
        assert_eq!(platform.value, IndicatorValue::Percent(percent));
        assert_eq!(
            platform.parts,
            Some(RatioParts {
                numerator,
                denominator: 1.0
            })
        );
    }
}
