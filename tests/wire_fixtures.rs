//! The binary formats, frozen: `tests/fixtures/wire/` holds bytes written by the code of
//! the commit that added them (see its README.md), and these tests decode them forever,
//! field by field. Postcard is positional, so a field added, removed or moved in a
//! stored type would make every user's saved entries unreadable while every round-trip
//! test stays green; these fixtures fail instead. A new format gets a new tag, a
//! conversion and a new fixture beside the old ones (ARCHITECTURE.md, invariant 7).
//!
//! `write_fixtures` (ignored) wrote them; it never overwrites a file that exists.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use shuzhuan::builtin;
use shuzhuan::domain::model::answers::{Answer, Answers};
use shuzhuan::domain::model::firm::FirmProfile;
use shuzhuan::domain::model::questionnaire::{Band, Formula, ItemKind, Questionnaire, Scoring};
use shuzhuan::domain::model::text::{Lang, Text};
use shuzhuan::domain::read::answers_file::{AnswersFile, QuestionnaireRef};
use shuzhuan::domain::read::check::load_questionnaire;
use shuzhuan::domain::util::fast_map::Fnv;
use shuzhuan::domain::wire::compiled::{decode_catalogue, decode_questionnaire, Catalogue};
use shuzhuan::domain::wire::logo::Logo;
use shuzhuan::domain::wire::stored::{
    decode_entry, encode_entry, Consultant, CustomFile, Saved, Settings,
};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = fixture_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A storage entry exactly as localStorage holds it (`pc1:` or `pc2:` and base64, no
/// newline).
fn entry(name: &str) -> String {
    String::from_utf8(fixture(name)).expect("an entry is ASCII")
}

// ---------------------------------------------------------------------------------
// What the fixtures hold, written out. The saved assessment answers
// tests/fixtures/every-kind.toml with one answer of every kind the app stores.

const ASSESSMENT_ID: &str = "1764640000000-000007";

fn saved_assessment() -> Saved {
    let mut answers = Answers::default();
    // Counts and amounts keep the text as typed: full-width digits, separators.
    answers.set_typed("machines", "１２０");
    answers.set_typed("networked", "45");
    answers.set_typed("revenue", "1,200.5");
    answers.toggle("networks", "wired", true);
    answers.toggle("networks", "5g", true);
    // Not applicable and don't know set the earlier answer aside.
    answers.set("erp", Answer::Choice("some".into()));
    answers.set_special("erp", Answer::NotApplicable);
    answers.set("mes", Answer::Choice("yes".into()));
    answers.set("data_level", Answer::Level(3));
    answers.set("scrap", Answer::Choice("flat".into()));
    answers.set_special("scrap", Answer::Unknown);
    answers.set("output", Answer::Choice("up".into()));
    answers.set(
        "notes",
        Answer::Text("二期：设备联网\n\"MES\" 明年上线".into()),
    );
    Saved {
        format_version: 1,
        id: ASSESSMENT_ID.into(),
        section: 1,
        scroll_y: 812.5,
        file: AnswersFile {
            format: "shuzhuan-answers".into(),
            format_version: 1,
            questionnaire: QuestionnaireRef {
                id: "every-kind".into(),
                version: "1.0".into(),
            },
            firm: FirmProfile {
                name: "泰州示例机械有限公司".into(),
                sector: "machinery".into(),
                size: "small".into(),
                region: "江苏省泰州市".into(),
                respondent_role: "信息化主管".into(),
            },
            target_profile: Some("taizhou-2025".into()),
            answers,
            created_at: "2026-12-01T08:30:00.000Z".into(),
            updated_at: "2026-12-02T03:30:00.000Z".into(),
            // A pc1 entry has no round, and gets the day of its last save (updated_at).
            round: String::new(),
            assessed_on: "2026-12-02".into(),
        },
    }
}

/// The pc2 fixture: the same assessment as a re-assessment, with its round and date.
fn saved_assessment_pc2() -> Saved {
    let mut s = saved_assessment();
    s.file.round = "2026 复评 T1".into();
    s.file.assessed_on = "2026-11-30".into();
    s
}

/// A quick check saved by the release of quick check 1.0.0 (management functions a list
/// to tick): 4 of its 8 ticked.
fn saved_quick_check_1_0() -> Saved {
    let mut answers = Answers::default();
    answers.set_typed("key_processes", "10");
    answers.set_typed("cnc_key_processes", "8");
    for f in ["finance", "purchasing", "sales", "inventory"] {
        answers.toggle("mgmt_functions_on_system", f, true);
    }
    let mut s = saved_assessment_pc2();
    s.id = "1764640000000-000008".into();
    s.section = 1;
    s.file.questionnaire = QuestionnaireRef {
        id: "headline-quick".into(),
        version: "1.0.0".into(),
    };
    s.file.answers = answers;
    s
}

fn settings() -> Settings {
    Settings {
        format_version: 1,
        lang: Lang::En,
        current: Some(ASSESSMENT_ID.into()),
    }
}

fn custom_files() -> Vec<CustomFile> {
    vec![
        CustomFile {
            name: "my-check.toml".into(),
            source: "[questionnaire]\nid = \"my-check\"\ntitle.zh = \"自定义问卷\"\n".into(),
        },
        CustomFile {
            name: "空.toml".into(),
            source: String::new(),
        },
    ]
}

fn consultant() -> Consultant {
    Consultant {
        name: "王工".into(),
        organisation: "某数字化咨询有限公司".into(),
    }
}

/// The built-in files the compiled fixtures were written from, and their FNV-1a hash
/// when they were (printed by `write_fixtures`).
const CATALOGUE_SOURCES: &[&str] = &[
    "questionnaires/headline-quick.toml",
    "questionnaires/targets/national-2025.toml",
    "questionnaires/targets/national-2027.toml",
    "questionnaires/targets/national-2027-industry.toml",
    "questionnaires/targets/taizhou-2025.toml",
    "questionnaires/targets/gansu-2027.toml",
    "questionnaires/targets/chongqing-2027.toml",
    "questionnaires/targets/jiangxi-2027.toml",
    "questionnaires/benchmarks/national-actual.toml",
];
const CATALOGUE_SOURCES_FNV: u64 = 0x5db0_5171_7a18_3b87;
const SME_SOURCES: &[&str] = &["questionnaires/sme-digital-level.toml"];
const SME_SOURCES_FNV: u64 = 0xc490_3b45_e5c1_b60a;

fn sources_fnv(files: &[&str]) -> u64 {
    let mut h = Fnv::default();
    for f in files {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(f);
        h.write(&std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())));
    }
    h.finish()
}

// ---------------------------------------------------------------------------------
// Stored entries: decoded field by field, and today's code writes the same bytes.

#[test]
fn a_saved_assessment_decodes_field_by_field() {
    let raw = entry("saved-assessment.pc1");
    let s: Saved = decode_entry(&raw).expect("the saved assessment decodes");
    check_saved_assessment(&s);
    assert_eq!(s.file.round, "", "pc1 had no round");
    assert_eq!(
        s.file.assessed_on, "2026-12-02",
        "the day of its last save, 2026-12-02T03:30:00.000Z"
    );
    assert_eq!(s, saved_assessment());
    // Written again, it is a pc2 entry that reads back the same.
    let again = encode_entry(&s);
    assert!(again.starts_with("pc2:"), "{again}");
    assert_eq!(decode_entry::<Saved>(&again), Some(s));
}

#[test]
fn a_pc2_saved_assessment_decodes_field_by_field() {
    let raw = entry("saved-assessment.pc2");
    let s: Saved = decode_entry(&raw).expect("the saved assessment decodes");
    check_saved_assessment(&s);
    assert_eq!(s.file.round, "2026 复评 T1");
    assert_eq!(s.file.assessed_on, "2026-11-30");
    assert_eq!(s, saved_assessment_pc2());
    assert_eq!(encode_entry(&s), raw, "today's code writes the same entry");
}

/// What the pc1 and pc2 saved assessments share: everything but the round and date.
fn check_saved_assessment(s: &Saved) {
    assert_eq!(
        (s.format_version, s.id.as_str(), s.section, s.scroll_y),
        (1, ASSESSMENT_ID, 1, 812.5)
    );
    let f = &s.file;
    assert_eq!(
        (f.format.as_str(), f.format_version),
        ("shuzhuan-answers", 1)
    );
    assert_eq!(
        (
            f.questionnaire.id.as_str(),
            f.questionnaire.version.as_str()
        ),
        ("every-kind", "1.0")
    );
    assert_eq!(f.firm.name, "泰州示例机械有限公司");
    assert_eq!(f.firm.sector, "machinery");
    assert_eq!(f.firm.size, "small");
    assert_eq!(f.firm.region, "江苏省泰州市");
    assert_eq!(f.firm.respondent_role, "信息化主管");
    assert_eq!(f.target_profile.as_deref(), Some("taizhou-2025"));
    assert_eq!(f.created_at, "2026-12-01T08:30:00.000Z");
    assert_eq!(f.updated_at, "2026-12-02T03:30:00.000Z");

    let a = &f.answers;
    assert_eq!(
        a.typed("machines"),
        "１２０",
        "full-width digits kept as typed"
    );
    assert_eq!(a.typed("networked"), "45");
    assert_eq!(a.typed("revenue"), "1,200.5");
    let ticked: Vec<&String> = a
        .selected("networks")
        .expect("a multi-select")
        .iter()
        .collect();
    assert_eq!(ticked, ["5g", "wired"], "in key order");
    assert_eq!(a.get("erp"), Some(&Answer::NotApplicable));
    assert_eq!(a.choice("mes"), Some("yes"));
    assert_eq!(a.level("data_level"), Some(3));
    assert_eq!(a.get("scrap"), Some(&Answer::Unknown));
    assert_eq!(a.choice("output"), Some("up"));
    assert_eq!(
        a.get("notes"),
        Some(&Answer::Text("二期：设备联网\n\"MES\" 明年上线".into()))
    );
    assert_eq!(a.values.len(), 10);
    let set_aside: Vec<(&String, &Answer)> = a.set_aside.iter().collect();
    assert_eq!(
        set_aside,
        [
            (&"erp".to_string(), &Answer::Choice("some".into())),
            (&"scrap".to_string(), &Answer::Choice("flat".into())),
        ],
        "what not applicable and don't know set aside"
    );
}

/// Saved before the management functions were counted: opened, the 4 ticked of the 8
/// listed are 4 of 8 functions, 4 × 100 ÷ 8 = 50.0 %, as the old version computed.
#[test]
fn a_quick_check_saved_with_ticked_functions_opens_as_4_of_8() {
    use shuzhuan::domain::compute::assessment::assess;
    use shuzhuan::domain::compute::indicators::{IndicatorValue, RatioParts};
    use shuzhuan::domain::compute::upgrade::upgrade;
    use shuzhuan::domain::report::{indicator_rows, upgrade_notice};

    let raw = entry("saved-quick-check-1.0.0.pc2");
    let s: Saved = decode_entry(&raw).expect("the saved quick check decodes");
    assert_eq!(s, saved_quick_check_1_0());
    assert_eq!(encode_entry(&s), raw, "today's code writes the same entry");
    let cat = builtin::catalogue().expect("built-in files load");
    let q = &cat.questionnaires[0];
    assert_eq!(
        (q.id.as_str(), q.version.as_str()),
        ("headline-quick", "1.1.0")
    );
    // What opening it does (app::state::assessments::open_loaded).
    let u = upgrade(q, &s.file.questionnaire.version, &s.file.answers).expect("converted");
    assert_eq!(u.answers.typed("mgmt_functions"), "8");
    assert_eq!(u.answers.typed("mgmt_functions_digital"), "4");
    assert_eq!(
        u.answers.get("mgmt_functions_on_system"),
        None,
        "the old item is gone"
    );
    assert_eq!(u.answers.typed("key_processes"), "10", "the rest as it was");
    let r = assess(
        q,
        &u.answers,
        cat.profile("national-2025").unwrap(),
        &cat.benchmark,
        &s.file.firm,
    );
    let mgmt = r.indicator("mgmt_digital_rate").unwrap();
    assert_eq!(mgmt.value, IndicatorValue::Percent(50.0));
    assert_eq!(
        mgmt.parts,
        Some(RatioParts {
            numerator: 4.0,
            denominator: 8.0
        })
    );
    assert_eq!(indicator_rows(q, &r, Lang::Zh)[1].value_text, "50.0%");
    let notice = upgrade_notice(q, &u);
    assert!(
        notice
            .zh
            .contains("原来勾选的 4 项记为 4/8（50.0%），比例不变"),
        "{}",
        notice.zh
    );
    assert!(
        notice
            .get(Lang::En)
            .contains("The 4 functions ticked become 4 of 8 (50.0%)"),
        "{}",
        notice.get(Lang::En)
    );
}

#[test]
fn a_settings_entry_decodes_field_by_field() {
    let raw = entry("settings.pc1");
    let s: Settings = decode_entry(&raw).expect("the settings decode");
    assert_eq!(s.format_version, 1);
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.current.as_deref(), Some(ASSESSMENT_ID));
    assert_eq!(s, settings());
    assert_eq!(encode_entry(&s), entry("settings.pc2"));
    assert_eq!(
        entry("settings.pc2"),
        pc2_of(&raw),
        "the layout did not change"
    );
}

#[test]
fn a_custom_files_entry_decodes_field_by_field() {
    let raw = entry("custom-files.pc1");
    let files: Vec<CustomFile> = decode_entry(&raw).expect("the custom files decode");
    assert_eq!(files.len(), 2);
    assert_eq!(files[0].name, "my-check.toml");
    assert_eq!(
        files[0].source,
        "[questionnaire]\nid = \"my-check\"\ntitle.zh = \"自定义问卷\"\n"
    );
    assert_eq!(
        (files[1].name.as_str(), files[1].source.as_str()),
        ("空.toml", "")
    );
    assert_eq!(files, custom_files());
    // The app writes a slice (`storage::save_custom_files`): the same bytes as a Vec.
    assert_eq!(encode_entry(&files.as_slice()), entry("custom-files.pc2"));
    assert_eq!(
        entry("custom-files.pc2"),
        pc2_of(&raw),
        "the layout did not change"
    );
}

fn logo() -> Logo {
    Logo {
        media_type: "image/png".into(),
        data: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
    }
}

#[test]
fn a_logo_entry_decodes_field_by_field() {
    let raw = entry("logo.pc2");
    let l: Logo = decode_entry(&raw).expect("the logo decodes");
    assert_eq!(l.media_type, "image/png");
    assert_eq!(l.data.len(), 16);
    assert_eq!(l, logo());
    assert_eq!(encode_entry(&l), raw);
}

#[test]
fn a_consultant_entry_decodes_field_by_field() {
    let raw = entry("consultant.pc1");
    let c: Consultant = decode_entry(&raw).expect("the consultant decodes");
    assert_eq!(c.name, "王工");
    assert_eq!(c.organisation, "某数字化咨询有限公司");
    assert_eq!(c, consultant());
    assert_eq!(encode_entry(&c), entry("consultant.pc2"));
    assert_eq!(
        entry("consultant.pc2"),
        pc2_of(&raw),
        "the layout did not change"
    );
    assert_eq!(
        decode_entry::<Consultant>(&entry("consultant.pc2")),
        Some(c)
    );
}

/// A pc1 entry of a type whose layout pc2 kept: the same bytes under the new tag.
fn pc2_of(pc1: &str) -> String {
    format!("pc2:{}", pc1.strip_prefix("pc1:").expect("a pc1 entry"))
}

// ---------------------------------------------------------------------------------
// Compiled files: their own content's stable facts, and while the built-in files are
// unchanged since the fixture was written, exactly today's checked model.

fn text(zh: &str, en: &str) -> Text {
    Text::new(zh, en)
}

fn points_of(q: &Questionnaire, item: &str) -> f64 {
    q.item(item).expect("the item is indexed").kind.max_points()
}

fn bands_of(q: &Questionnaire, item: &str) -> Vec<Band> {
    match &q.item(item).expect("the item is indexed").kind {
        ItemKind::Ratio { bands, .. } => bands.clone(),
        other => panic!("{item} is a {}", other.name()),
    }
}

#[test]
fn the_embedded_catalogue_decodes_to_what_it_was_compiled_from() {
    let cat = decode_catalogue(&fixture("catalogue.bin")).expect("the catalogue decodes");
    assert_eq!(cat.questionnaires.len(), 1, "only the default is embedded");
    let q = &cat.questionnaires[0];
    assert_eq!(
        (q.id.as_str(), q.version.as_str()),
        ("headline-quick", "1.1.0")
    );
    assert_eq!(
        q.title,
        text(
            "制造业数字化核心指标速测",
            "Manufacturing digitalisation: headline indicators quick check"
        )
    );
    assert_eq!((q.scoring, q.total_points), (Scoring::Points, 0.0));
    let sections: Vec<(&str, usize)> = q
        .sections
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.dimensions.iter().map(|d| d.items.len()).sum(),
            )
        })
        .collect();
    assert_eq!(
        sections,
        [("production", 2), ("management", 2), ("design", 2)]
    );
    assert_eq!(q.items().count(), 6);
    assert_eq!(
        q.indicators.iter().map(|i| &i.formula).collect::<Vec<_>>(),
        [
            &Formula::Ratio {
                numerator: "cnc_key_processes".into(),
                denominator: "key_processes".into()
            },
            &Formula::Ratio {
                numerator: "mgmt_functions_digital".into(),
                denominator: "mgmt_functions".into()
            },
            &Formula::Ratio {
                numerator: "rd_staff_with_tools".into(),
                denominator: "rd_staff".into()
            },
        ]
    );
    assert_eq!(q.indicators[0].id, "cnc_rate");
    assert_eq!(
        q.indicators[0].name,
        text("关键工序数控化率", "CNC ratio of key processes")
    );
    assert!(q.levels.is_empty(), "the quick check has no levels");
    assert_eq!(q.scenario_rule, None);
    assert_eq!(
        q.recommendations
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        [
            "cnc-key-process-retrofit",
            "mgmt-functions-on-system",
            "mgmt-cloud-saas-small",
            "rd-design-tools"
        ]
    );
    assert_eq!(q.sources.len(), 4);
    assert_eq!(q.sources[0].id, "miit-2021-integration-plan");

    let targets: Vec<_> = cat
        .profiles
        .iter()
        .map(|p| {
            let t = (p.target("cnc_rate"), p.target("rd_tool_rate"));
            (p.id.as_str(), p.year, t.0, t.1, p.targets.len())
        })
        .collect();
    assert_eq!(
        targets,
        [
            ("national-2025", 2025, Some(68.0), Some(85.0), 4),
            ("national-2027", 2027, Some(75.0), Some(90.0), 2),
            ("national-2027-industry", 2027, Some(70.0), Some(90.0), 2),
            ("taizhou-2025", 2025, Some(65.0), Some(90.0), 3),
            ("gansu-2027", 2027, Some(70.0), Some(80.0), 2),
            ("chongqing-2027", 2027, Some(65.0), Some(87.0), 2),
            ("jiangxi-2027", 2027, Some(75.0), Some(90.0), 2),
        ]
    );
    assert_eq!(cat.profiles[0].target("platform_rate"), Some(45.0));
    assert_eq!(cat.profiles[3].region.zh, "江苏省泰州市");
    let scopes: Vec<&str> = cat.profiles.iter().map(|p| p.scope.zh.as_str()).collect();
    assert_eq!(
        scopes[1..3],
        ["规模以上工业企业", "工业企业"],
        "2027 has a line for firms above designated size and one for all industrial firms"
    );
    assert_eq!(cat.profiles[1].date.as_deref(), Some("2024-04-09"));
    let b = &cat.benchmark;
    assert_eq!(
        (b.id.as_str(), b.name.zh.as_str(), b.values.len()),
        ("national-actual", "全国实际水平", 13)
    );
    let first = &b.values[0];
    assert_eq!(
        (first.indicator.as_str(), first.period.as_str(), first.value),
        ("cnc_rate", "2020", 52.1)
    );
    assert_eq!(
        first.series,
        text("制造业重点领域企业", "firms in key manufacturing fields")
    );
    let end_2024 = b
        .values
        .iter()
        .find(|v| v.indicator == "rd_tool_rate" && v.period == "2024-12")
        .expect("the end-2024 value for key industrial firms");
    assert_eq!(
        (
            end_2024.value,
            end_2024.series.zh.as_str(),
            end_2024.source.zh.as_str()
        ),
        (82.0, "重点工业企业（截至 2024 年底）", "人民日报")
    );
    assert_eq!(end_2024.date.as_deref(), Some("2025-01-07"));

    if sources_fnv(CATALOGUE_SOURCES) == CATALOGUE_SOURCES_FNV {
        let today = builtin::catalogue().expect("built-in files load");
        let embedded = Catalogue {
            questionnaires: today.questionnaires[..1].to_vec(),
            ..today
        };
        assert_eq!(cat, embedded, "the checked model of the same files");
    }
}

#[test]
fn an_on_demand_questionnaire_decodes_to_what_it_was_compiled_from() {
    let q = decode_questionnaire(&fixture("sme-digital-level.bin")).expect("it decodes");
    assert_eq!(
        (q.id.as_str(), q.version.as_str()),
        ("sme-digital-level", "2024.3")
    );
    assert_eq!(
        q.title,
        text(
            "制造业中小企业数字化水平自评",
            "Manufacturing SME digital level self-assessment"
        )
    );
    assert_eq!((q.scoring, q.total_points), (Scoring::Points, 100.0));
    let sections: Vec<(&str, f64, usize)> = q
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.points, s.dimensions.len()))
        .collect();
    assert_eq!(
        sections,
        [
            ("foundation", 50.0, 4),
            ("management", 30.0, 4),
            ("results", 20.0, 1),
            ("scenarios", 0.0, 4),
            ("headline", 0.0, 4),
        ]
    );
    let equipment = &q.sections[0].dimensions[0];
    assert_eq!(
        (
            equipment.id.as_str(),
            equipment.points,
            equipment.items.len()
        ),
        ("equipment_systems", 20.0, 6)
    );
    assert_eq!(q.items().count(), 51);
    assert_eq!(q.indicators.len(), 6);
    assert_eq!(q.recommendations.len(), 22);
    let levels: Vec<_> = q
        .levels
        .iter()
        .map(|l| (l.level, l.name.zh.as_str(), l.range))
        .collect();
    assert_eq!(
        levels,
        [
            (1, "一级", Some((20.0, 40.0))),
            (2, "二级", Some((40.0, 60.0))),
            (3, "三级", Some((60.0, 80.0))),
            (4, "四级", Some((80.0, 100.0))),
        ]
    );
    let rule = q.scenario_rule.as_ref().expect("the scenario rule");
    assert_eq!(rule.key_scenarios.len(), 10);
    assert_eq!(
        rule.levels
            .iter()
            .map(|l| (l.level, l.points, l.scenarios, l.key))
            .collect::<Vec<_>>(),
        [
            (1, 20.0, 6, 3),
            (2, 40.0, 6, 3),
            (3, 60.0, 8, 5),
            (4, 80.0, 10, 6)
        ]
    );
    assert!(rule.unverified);
    let band = |from, to, points| Band { from, to, points };
    assert_eq!(
        bands_of(&q, "equip_digital_ratio"),
        [
            band(0.0, 10.0, 0.0),
            band(10.0, 20.0, 1.5),
            band(20.0, 40.0, 3.0),
            band(40.0, 60.0, 4.5),
            band(60.0, 100.0, 6.0),
        ]
    );
    assert_eq!(
        bands_of(&q, "digital_invest_intensity")[1],
        band(10.0, 20.0, 1.875)
    );
    assert!(matches!(
        q.item("equip_network_ratio").map(|i| &i.kind),
        Some(ItemKind::Ratio {
            closed: shuzhuan::domain::model::questionnaire::BandEnd::Right,
            ..
        })
    ));
    for (item, points) in [
        ("network", 8.0),
        ("system_coverage", 10.0),
        ("digital_plan", 7.5),
        ("auto_data_capture", 10.0),
        ("pass_rate", 7.0),
        ("cost_per_revenue", 3.0),
        ("scn_quality", 0.0),
    ] {
        assert_eq!(points_of(&q, item), points, "{item}");
    }
    assert!(matches!(
        q.item("scn_quality").map(|i| &i.kind),
        Some(ItemKind::Level { points: None, .. })
    ));
    if sources_fnv(SME_SOURCES) == SME_SOURCES_FNV {
        let (file, src) = builtin::QUESTIONNAIRES[1];
        assert_eq!(
            Ok(q),
            load_questionnaire(file, src),
            "the checked model of the same file"
        );
    }
}

// ---------------------------------------------------------------------------------

/// Writes the fixtures that are missing, from today's code: the stored entries as
/// `app::platform::storage` writes them (`encode_entry`), the compiled files as build.rs
/// wrote them for this build. Run once for a new fixture:
/// `cargo test --test wire_fixtures -- --ignored write_fixtures --nocapture`.
#[test]
#[ignore]
fn write_fixtures() {
    let dir = fixture_dir();
    std::fs::create_dir_all(&dir).expect("the fixture folder");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        if path.exists() {
            println!("kept {name} (a fixture is never rewritten)");
        } else {
            std::fs::write(&path, bytes).expect("written");
            println!("wrote {name}");
        }
    };
    // The .pc1 entries were written by pc1's code (commit 6077f8a); today's writes pc2.
    write(
        "saved-assessment.pc2",
        encode_entry(&saved_assessment_pc2()).as_bytes(),
    );
    write(
        "saved-quick-check-1.0.0.pc2",
        encode_entry(&saved_quick_check_1_0()).as_bytes(),
    );
    write("settings.pc2", encode_entry(&settings()).as_bytes());
    write(
        "custom-files.pc2",
        encode_entry(&custom_files().as_slice()).as_bytes(),
    );
    write("consultant.pc2", encode_entry(&consultant()).as_bytes());
    write("logo.pc2", encode_entry(&logo()).as_bytes());

    let embedded: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalogue.bin"));
    let today = builtin::catalogue().expect("built-in files load");
    let checked = Catalogue {
        questionnaires: today.questionnaires[..1].to_vec(),
        ..today.clone()
    };
    assert_eq!(
        decode_catalogue(embedded),
        Ok(checked),
        "build.rs wrote today's files"
    );
    write("catalogue.bin", embedded);
    let served =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("target/compiled/sme-digital-level.bin");
    let sme = std::fs::read(&served).expect("build.rs wrote the on-demand files");
    assert_eq!(
        decode_questionnaire(&sme).as_ref(),
        Ok(&today.questionnaires[1])
    );
    write("sme-digital-level.bin", &sme);
    println!(
        "CATALOGUE_SOURCES_FNV = {:#x}",
        sources_fnv(CATALOGUE_SOURCES)
    );
    println!("SME_SOURCES_FNV = {:#x}", sources_fnv(SME_SOURCES));
}
