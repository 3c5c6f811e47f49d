//! What a first-time user reads beside the result: follow-up questions that a total of
//! 0 makes pointless are not asked, numbers in the report read as numbers whatever
//! digits were typed, and answers and sections the score leaves out say so.

mod support;

use shuzhuan::domain::compute::evaluation::ItemState;
use shuzhuan::domain::compute::indicators::IndicatorValue;
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::report::{answer_text, section_note, special_notes, unscored_sections_text};
use support::{answers, assessed_national};

#[test]
fn a_total_of_zero_skips_its_follow_up_and_progress_reaches_the_end() {
    for qid in ["headline-quick", "sme-digital-level"] {
        // No R&D staff, no key processes, no management functions: the follow-ups leave
        // the questions asked, as the SME equipment counts do when there is no equipment.
        let (_, r) = assessed_national(qid, "rd_staff = 0\nkey_processes = 0\nmgmt_functions = 0");
        for (follow_up, indicator) in [
            ("rd_staff_with_tools", "rd_tool_rate"),
            ("cnc_key_processes", "cnc_rate"),
            ("mgmt_functions_digital", "mgmt_digital_rate"),
        ] {
            assert_eq!(
                r.evaluation.state(follow_up),
                ItemState::Hidden,
                "{qid} {follow_up}"
            );
            assert!(
                !r.score.missing.iter().any(|m| m == follow_up),
                "{qid} {follow_up}"
            );
            assert_eq!(
                r.indicator(indicator).unwrap().value,
                IndicatorValue::NotApplicable,
                "{qid} {indicator}"
            );
        }
    }
    // The quick check: R&D 0, key processes 0 and management functions 0 are all 3
    // questions asked, so it is complete.
    let (_, r) = assessed_national(
        "headline-quick",
        "rd_staff = 0\nkey_processes = 0\nmgmt_functions = 0",
    );
    assert_eq!((r.score.answered, r.score.asked), (3, 3));
    assert_eq!(r.score.completeness, 100.0);
    // A total above 0 asks the follow-up again, and its answer counts.
    let (_, r) = assessed_national("headline-quick", "rd_staff = 10\nrd_staff_with_tools = 4");
    assert_eq!(
        r.evaluation.state("rd_staff_with_tools"),
        ItemState::Answered
    );
    assert_eq!(
        r.indicator("rd_tool_rate").unwrap().value,
        IndicatorValue::Percent(40.0)
    );
}

#[test]
fn the_report_shows_full_width_numbers_in_ascii_digits_and_stores_them_as_typed() {
    let spec = "key_processes = １２０\ncnc_key_processes = ６０\nrevenue = １，２００．５";
    let (q, r) = assessed_national("sme-digital-level", spec);
    let a = answers(&q, spec);
    let shown = |id: &str, lang| answer_text(&q, q.item(id).unwrap(), &a, &r.evaluation, lang);
    assert_eq!(shown("key_processes", Lang::Zh), "120 道");
    assert_eq!(shown("cnc_key_processes", Lang::En), "60 processes");
    assert_eq!(shown("revenue", Lang::Zh), "1,200.5 万元");
    // What is stored is what was typed.
    assert_eq!(a.typed("key_processes"), "１２０");
    assert_eq!(a.typed("revenue"), "１，２００．５");
}

#[test]
fn dont_know_and_not_applicable_answers_are_named_with_their_effect() {
    let spec = "energy_per_revenue = ?\npass_rate = ?\nscn_product_design = NA";
    let (q, r) = assessed_national("sme-digital-level", spec);
    let zh = special_notes(&q, &r, Lang::Zh);
    assert_eq!(zh.len(), 2);
    assert_eq!(zh[0].kind, "unknown");
    assert_eq!(zh[0].text, "2 题回答“不清楚”：按 0 分计");
    assert_eq!(zh[0].items.len(), 2);
    assert_eq!(zh[1].kind, "not-applicable");
    assert_eq!(zh[1].text, "1 题不适用：不计入得分，所在维度按其余题目折算");
    assert_eq!(
        zh[1].items,
        [q.item("scn_product_design").unwrap().text.zh.clone()]
    );
    let en = special_notes(&q, &r, Lang::En);
    assert_eq!(en[0].text, "2 questions answered “don't know”: scored 0");
    assert_eq!(
        en[1].text,
        "1 question not applicable: not counted; its dimension is scored on the others"
    );
    // Nothing of the kind, nothing said.
    let (q, r) = assessed_national("sme-digital-level", "pass_rate = up");
    assert!(special_notes(&q, &r, Lang::Zh).is_empty());
}

#[test]
fn sections_without_points_say_they_do_not_count() {
    let (q, _) = assessed_national("sme-digital-level", "");
    let note =
        |id: &str, lang| section_note(&q, q.sections.iter().find(|s| s.id == id).unwrap(), lang);
    assert_eq!(
        note("headline", Lang::Zh).as_deref(),
        Some("本部分不计入总分：答案用于计算核心指标，与目标对比。")
    );
    assert_eq!(
        note("scenarios", Lang::En).as_deref(),
        Some("This section does not count towards the score: each scenario's level is shown on its own.")
    );
    assert_eq!(note("foundation", Lang::Zh), None);
    assert_eq!(
        unscored_sections_text(&q, Lang::Zh),
        "“数字化经营”“核心指标”不计入总分。"
    );
    assert_eq!(
        unscored_sections_text(&q, Lang::En),
        "“Digital operations” and “Headline indicators” do not count towards the score."
    );
    // The quick check has no score: no section is singled out.
    let (quick, _) = assessed_national("headline-quick", "");
    assert!(quick
        .sections
        .iter()
        .all(|s| section_note(&quick, s, Lang::Zh).is_none()));
    assert_eq!(unscored_sections_text(&quick, Lang::Zh), "");
}
