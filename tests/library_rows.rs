//! "My assessments" rows: what each saved assessment shows in the desk's table.

mod support;

use shuzhuan::domain::model::answers::Answers;
use shuzhuan::domain::model::firm::FirmProfile;
use shuzhuan::domain::model::questionnaire::Questionnaire;
use shuzhuan::domain::model::text::{Lang, Text};
use shuzhuan::domain::read::answers_file::AnswersFile;
use shuzhuan::domain::report::library_row;
use shuzhuan::domain::wire::stored::{Saved, FORMAT_VERSION};
use support::{answers, builtin, SME_ALL_BEST};

fn saved(q: &Questionnaire, firm: &str, a: Answers) -> Saved {
    let firm = FirmProfile {
        name: firm.to_string(),
        ..FirmProfile::default()
    };
    Saved {
        format_version: FORMAT_VERSION,
        id: "1700000000000-000042".into(),
        section: 0,
        scroll_y: 0.0,
        file: AnswersFile::new(
            q,
            firm,
            None,
            a,
            "2026-11-30T08:00:00.000Z".into(),
            "2026-12-01T09:30:00.000Z".into(),
        ),
    }
}

#[test]
fn the_sme_answered_best_on_every_scored_question_has_100_points_at_level_four() {
    let q = builtin("sme-digital-level");
    let s = saved(&q, "甲厂", answers(&q, SME_ALL_BEST));
    let row = library_row(&s, Some(&q), None, Lang::Zh);
    assert_eq!(row.id, "1700000000000-000042");
    assert_eq!(row.firm, "甲厂");
    assert_eq!(row.questionnaire, "制造业中小企业数字化水平自评");
    assert_eq!(row.date, "2026-12-01", "the day it was last saved");
    // With a round and the day assessed, those.
    let mut t1 = s.clone();
    t1.file.round = "T1".into();
    t1.file.assessed_on = "2026-11-28".into();
    assert_eq!(
        library_row(&t1, Some(&q), None, Lang::Zh).date,
        "T1 · 2026-11-28"
    );
    // Its 18 answers are the scored questions only; 38 are asked (the scenario and headline
    // questions too): 18 ÷ 38 = 47.4 %. They add up to 100 points → 四级
    // (tests/scoring_golden.rs::all_best).
    assert_eq!(row.completeness, "47.4%");
    assert_eq!(row.score, "100");
    assert_eq!(row.level, "四级");
    let en = library_row(&s, Some(&q), None, Lang::En);
    assert_eq!(
        en.questionnaire,
        "Manufacturing SME digital level self-assessment"
    );
    assert_eq!(en.level, "Level 4");
}

#[test]
fn nothing_answered_is_0_points_below_level_one() {
    let q = builtin("sme-digital-level");
    let row = library_row(
        &saved(&q, "  ", Answers::default()),
        Some(&q),
        None,
        Lang::Zh,
    );
    assert_eq!(row.firm, "（未命名企业）", "a blank name");
    assert_eq!(row.completeness, "0.0%");
    assert_eq!(row.score, "0");
    assert_eq!(row.level, "未达一级");
    let en = library_row(&saved(&q, "", Answers::default()), Some(&q), None, Lang::En);
    assert_eq!(
        (en.firm.as_str(), en.level.as_str()),
        ("(unnamed firm)", "Below Level 1")
    );
}

#[test]
fn an_unscored_questionnaire_has_no_score_nor_level() {
    let q = builtin("headline-quick");
    let row = library_row(
        &saved(&q, "乙厂", Answers::default()),
        Some(&q),
        None,
        Lang::Zh,
    );
    assert_eq!(row.questionnaire, "制造业数字化核心指标速测");
    assert_eq!((row.score.as_str(), row.level.as_str()), ("—", "—"));
    assert_eq!(row.completeness, "0.0%");
}

#[test]
fn a_questionnaire_not_loaded_yet_shows_its_title_or_id_and_dashes() {
    let q = builtin("cmmm-self-diagnosis");
    let s = saved(&q, "丙厂", Answers::default());
    let title = Text::new(
        "智能制造能力成熟度自诊断",
        "Smart manufacturing capability maturity self-diagnosis",
    );
    let row = library_row(&s, None, Some(&title), Lang::En);
    assert_eq!(
        row.questionnaire,
        "Smart manufacturing capability maturity self-diagnosis"
    );
    assert_eq!(
        (
            row.completeness.as_str(),
            row.score.as_str(),
            row.level.as_str()
        ),
        ("—", "—", "—")
    );
    let row = library_row(&s, None, None, Lang::Zh);
    assert_eq!(
        row.questionnaire, "cmmm-self-diagnosis",
        "its id, where nothing else is known"
    );
}

/// A quick check saved on version 1.0.0 (management functions ticked of a list of 8)
/// shows what opening it shows: 4 ticked become 4 of 8, so both management questions
/// count as answered. Key processes 10 of 8, management 8 and 4: 4 answered of the 5
/// asked (R&D staff unanswered, its follow-up not asked) = 80.0 %; read unconverted it
/// would be 2 of 4 (50.0 %).
#[test]
fn an_earlier_versions_assessment_is_shown_converted() {
    let q = builtin("headline-quick");
    let mut a = Answers::default();
    a.set_typed("key_processes", "10");
    a.set_typed("cnc_key_processes", "8");
    for f in ["finance", "purchasing", "sales", "inventory"] {
        a.toggle("mgmt_functions_on_system", f, true);
    }
    let mut s = saved(&q, "丁厂", a);
    s.file.questionnaire.version = "1.0.0".into();
    let row = library_row(&s, Some(&q), None, Lang::Zh);
    assert_eq!(row.completeness, "80.0%");
}
