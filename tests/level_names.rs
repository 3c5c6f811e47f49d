//! A level reads by the same name wherever it is shown: the score card, a level answer
//! in the report's appendix, the scenario strip and the CLI all name it through
//! `domain::report::format`.

mod support;

use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::report::format::{level_label, level_name, overall_level_name};
use shuzhuan::domain::report::{answer_text, score_summary};
use support::{answers, assessed_national, builtin};

#[test]
fn a_level_answer_reads_by_the_questionnaires_level_name() {
    let (q, r) = assessed_national("sme-digital-level", "scn_quality = 3");
    let a = answers(&q, "scn_quality = 3");
    let item = q.item("scn_quality").unwrap();
    assert_eq!(level_name(&q, 3, Lang::Zh), Some("三级"));
    assert_eq!(
        answer_text(&q, item, &a, &r.evaluation, Lang::Zh),
        "三级：用数字化检测设备和信息系统检测关键工序质量、自动判定和报警；或原材料、半成品、成品的质量可在系统中追溯"
    );
    assert_eq!(
        answer_text(&q, item, &a, &r.evaluation, Lang::En),
        "Level 3: Digital test equipment and information systems inspect key processes and judge and alarm automatically; or raw materials, work in progress and finished goods can be traced in the system"
    );
    // The scenario strip names the level as the appendix does.
    assert_eq!(
        r.score
            .scenario_levels
            .iter()
            .find(|(id, _)| id == "scn_quality")
            .unwrap()
            .1,
        Some(3)
    );
    assert_eq!(level_label(&q, 3, Lang::Zh), "三级");
}

#[test]
fn a_level_the_questionnaire_does_not_name_reads_by_its_number() {
    let q = builtin("sme-digital-level");
    assert_eq!(q.levels.len(), 4);
    assert_eq!(level_name(&q, 5, Lang::Zh), None);
    assert_eq!(level_label(&q, 5, Lang::Zh), "5 级");
    assert_eq!(level_label(&q, 5, Lang::En), "Level 5");
    assert_eq!(
        level_name(&q, 0, Lang::Zh),
        None,
        "no level 0, and no panic"
    );
}

#[test]
fn the_overall_level_reads_the_same_on_the_card_and_through_the_cli_lookup() {
    // The golden mixed firm: 50.75 points, in 二级 (40–60).
    let (q, r) = assessed_national("sme-digital-level", include_str!("answers/mixed-firm.spec"));
    let level = r.score.level.unwrap();
    assert_eq!(score_summary(&q, &r, Lang::Zh).level_name, "二级");
    assert_eq!(level_name(&q, level, Lang::Zh), Some("二级"));
    assert_eq!(score_summary(&q, &r, Lang::En).level_name, "Level 2");
    // CMMM names its levels with a word after the number.
    let cmmm = builtin("cmmm-self-diagnosis");
    assert_eq!(level_label(&cmmm, 3, Lang::Zh), "三级 集成级");
}

#[test]
fn below_the_first_level_and_without_levels() {
    // Nothing answered: 0 points, under 一级's 20.
    let (q, r) = assessed_national("sme-digital-level", "");
    assert_eq!(r.score.level, None);
    assert_eq!(score_summary(&q, &r, Lang::Zh).level_name, "未达一级");
    assert_eq!(overall_level_name(&q, None, Lang::En), "Below Level 1");
    let quick = builtin("headline-quick");
    assert!(quick.levels.is_empty());
    assert_eq!(overall_level_name(&quick, None, Lang::Zh), "");
}
