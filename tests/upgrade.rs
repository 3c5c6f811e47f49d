//! Answers of earlier versions converted: the SME 2024.1 (our first reading) to the
//! official form's options (2024.2), the conversion table applied to the old golden
//! mixed firm and what it changes in the score (the old total computed by the old rules
//! is the old golden 50.75); the management functions ticked of a list (SME 2024.2,
//! quick check 1.0.0) to a count of a count (2024.3, 1.1.0); and the CLI.

mod support;

use shuzhuan::domain::compute::assessment::assess;
use shuzhuan::domain::compute::indicators::IndicatorValue;
use shuzhuan::domain::compute::upgrade::{upgrade, ItemChange, SME_2024_1_TO_2};
use shuzhuan::domain::model::answers::{Answer, Answers};
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::read::answers_file::read_answers_file;
use shuzhuan::domain::report::upgrade_notice;
use support::builtin;

#[test]
fn the_old_mixed_firm_is_converted_option_by_option() {
    let q = builtin("sme-digital-level");
    let old = read_answers_file(include_bytes!("answers/mixed-firm-2024.1.json"))
        .unwrap()
        .file;
    assert_eq!(old.questionnaire.version, "2024.1");
    let u = upgrade(&q, "2024.1", &old.answers).expect("a conversion from 2024.1");
    let a = &u.answers;
    let ticks = |item: &str| -> Vec<String> {
        a.selected(item)
            .map(|s| s.iter().cloned().collect())
            .unwrap_or_default()
    };
    // design → product_design, production → production_control, warehouse →
    // warehouse_logistics; planning and energy keep their ids.
    assert_eq!(
        ticks("auto_data_capture"),
        [
            "energy",
            "planning",
            "product_design",
            "production_control",
            "warehouse_logistics"
        ]
    );
    // perimeter and endpoint are both security products now: one tick.
    assert_eq!(ticks("network_security"), ["products"]);
    assert_eq!(ticks("data_security"), ["products"]);
    assert_eq!(a.choice("digital_plan"), Some("retrofit_started"));
    // leadership has no counterpart in the form; project_rules → systems_rules.
    assert_eq!(ticks("governance"), ["systems_rules"]);
    assert_eq!(
        u.dropped,
        [("governance".to_string(), "leadership".to_string())]
    );
    assert_eq!(
        ticks("talent_measures"),
        ["digital_staff", "performance_pay", "training"]
    );
    assert_eq!(
        a.get("energy_per_revenue"),
        Some(&Answer::Unknown),
        "kept as it was"
    );
    assert_eq!(a.typed("equip_total"), "200");

    // The old rules give the old golden total, 50.75 (docs/scoring.md of 2024.1). What
    // changed, by the form: security 2 × 1.25 → products 1.25 (network) — the data tick
    // stays 1.25; plan "partly" 5 → "retrofits under way" 4.5; rules 2 × 1.875 → 1 × 1.875;
    // investment 1.5 % was 3.75 under our old bands, 0 in the form's [0, 10 %].
    // 50.75 − 1.25 − 0.5 − 1.875 − 3.75 = 43.375.
    assert_eq!(u.old_total, 50.75);
    assert_eq!(u.new_total, 43.375);
    let change = |item: &str, old_points: f64, new_points: f64| ItemChange {
        item: item.into(),
        old_points,
        new_points,
    };
    assert_eq!(
        u.changes,
        [
            change("network_security", 2.5, 1.25),
            change("digital_plan", 5.0, 4.5),
            change("governance", 3.75, 1.875),
            change("digital_invest_intensity", 3.75, 0.0),
        ]
    );
    let notice = upgrade_notice(&q, &u);
    assert!(
        notice.zh.contains("总分由 50.75 变为 43.38"),
        "{}",
        notice.zh
    );
    assert!(notice.get(Lang::En).contains("from 50.75 to 43.38"));
}

#[test]
fn the_conversion_table_names_only_what_exists() {
    // Every old option the table names is gone from 2024.2 (else it would not need
    // converting), and every new option it names exists.
    let q = builtin("sme-digital-level");
    let options = |item: &str| -> Vec<String> {
        use shuzhuan::domain::model::questionnaire::ItemKind;
        match q.item(item).map(|i| &i.kind) {
            Some(ItemKind::MultiSelect { options, .. } | ItemKind::SingleChoice { options }) => {
                options.iter().map(|o| o.id.clone()).collect()
            }
            _ => panic!("{item} is not a choice"),
        }
    };
    for ((item, old), new) in SME_2024_1_TO_2.options {
        assert!(
            !options(item).contains(&old.to_string()),
            "{item}.{old} still exists"
        );
        if let Some((to_item, to)) = new {
            assert!(options(to_item).contains(&to.to_string()), "{to_item}.{to}");
        }
    }
}

#[test]
fn the_cli_scores_an_old_answers_file_and_says_what_changed() {
    let (code, out, err) = support::run_cli(&[
        "score",
        "--questionnaire",
        "sme-digital-level",
        "--targets",
        "national-2025",
        "--format",
        "json",
        "tests/answers/mixed-firm-2024.1.json",
    ]);
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows[0]["total"], 43.375);
    assert!(
        err.contains("tests/answers/mixed-firm-2024.1.json: 这份评估按问卷 2024.1 版填写")
            && err.contains("规划实施 5 → 4.5 分")
            && err.contains("总分由 50.75 变为 43.38"),
        "{err}"
    );
}

/// The management functions as a count of a count (SME 2024.2 → 2024.3, quick check
/// 1.0.0 → 1.1.0): `k` ticked of the 8 listed become `k` of 8, the share the old
/// indicator gave; "none of these" 0 of 8; untouched stays unanswered.
#[test]
fn ticked_management_functions_become_a_count_of_a_count() {
    use shuzhuan::domain::compute::upgrade::conversion;
    let c = shuzhuan::builtin::catalogue().unwrap();
    let national = c.profile("national-2025").unwrap();
    for (qid, from) in [("sme-digital-level", "2024.2"), ("headline-quick", "1.0.0")] {
        let q = builtin(qid);
        let steps = conversion(&q, from).expect("one step");
        assert_eq!(steps.len(), 1);
        for (ticks, digital, percent) in [
            (
                &[
                    "finance",
                    "purchasing",
                    "sales",
                    "inventory",
                    "hr",
                    "quality",
                ][..],
                "6",
                75.0,
            ),
            (&[][..], "0", 0.0),
        ] {
            let mut old = Answers::default();
            old.select_none("mgmt_functions_on_system");
            for t in ticks {
                old.toggle("mgmt_functions_on_system", t, true);
            }
            old.set_typed("key_processes", "20");
            let u = upgrade(&q, from, &old).expect("converted");
            assert_eq!(u.answers.typed("mgmt_functions"), "8", "{qid}");
            assert_eq!(u.answers.typed("mgmt_functions_digital"), digital, "{qid}");
            assert_eq!(u.answers.get("mgmt_functions_on_system"), None);
            assert_eq!(u.answers.typed("key_processes"), "20");
            assert_eq!(u.counted.len(), 1);
            // 6 × 100 ÷ 8 = 75.0 %; 0 of 8 = 0.0 %.
            let r = assess(&q, &u.answers, national, &c.benchmark, &Default::default());
            assert_eq!(
                r.indicator("mgmt_digital_rate").unwrap().value,
                IndicatorValue::Percent(percent),
                "{qid} {ticks:?}"
            );
            assert!(r.evaluation.field_errors.is_empty());
            // No item's points change: the headline indicators carry none.
            assert!(u.changes.is_empty());
            assert_eq!(u.old_total, u.new_total);
        }
        // Nothing answered there: nothing invented.
        let u = upgrade(&q, from, &Answers::default()).unwrap();
        assert_eq!(u.answers, Answers::default());
        assert!(u.counted.is_empty());
    }
    // The quick check has no score: its notice says nothing of points.
    let q = builtin("headline-quick");
    let mut old = Answers::default();
    for t in ["finance", "sales", "hr"] {
        old.toggle("mgmt_functions_on_system", t, true);
    }
    let notice = upgrade_notice(&q, &upgrade(&q, "1.0.0", &old).unwrap());
    assert_eq!(
        notice.zh,
        "这份评估按问卷 1.0.0 版填写，已按 1.1.0 版换算答案。1.1.0 版的经营管理数字化普及率改问两个数量：企业的核心经营管理职能共有几项，其中几项在信息系统中运行。原来勾选的 3 项记为 3/8（37.5%），比例不变；勾选了哪几项不再保留。"
    );
    assert_eq!(
        notice.get(Lang::En),
        "These answers were given to version 1.0.0; they are converted to version 1.1.0. Version 1.1.0 asks for the management digitisation rate as two counts: how many core management functions the firm has, and how many of them run on an information system. The 3 functions ticked become 3 of 8 (37.5%), the same share; which ones were ticked is not kept."
    );
    // An unknown version, or the current one, has nothing to convert.
    assert!(conversion(&q, "0.9.0").is_none());
    assert!(conversion(&q, "1.1.0").is_none());
}

/// SME 2024.1 goes through both steps: the official form's options, then the counts.
#[test]
fn the_oldest_sme_answers_go_through_every_step() {
    use shuzhuan::domain::compute::upgrade::conversion;
    let q = builtin("sme-digital-level");
    let steps = conversion(&q, "2024.1").expect("two steps");
    assert_eq!(
        steps.iter().map(|c| (c.from, c.to)).collect::<Vec<_>>(),
        [("2024.1", "2024.2"), ("2024.2", "2024.3")]
    );
    let mut old = read_answers_file(include_bytes!("answers/mixed-firm-2024.1.json"))
        .unwrap()
        .file
        .answers;
    for t in ["finance", "purchasing"] {
        old.toggle("mgmt_functions_on_system", t, true);
    }
    let u = upgrade(&q, "2024.1", &old).unwrap();
    assert_eq!(u.answers.typed("mgmt_functions_digital"), "2");
    assert_eq!(u.old_total, 50.75, "the 2024.1 rules, as before");
    assert_eq!(u.summaries.len(), 2);
    let zh = upgrade_notice(&q, &u).zh;
    assert!(
        zh.starts_with("这份评估按问卷 2024.1 版填写，已按 2024.3 版换算答案。2024.2 版采用官方评测表的题目、选项和分值")
            && zh.contains("原来勾选的 2 项记为 2/8（25.0%）")
            && zh.contains("规划实施 5 → 4.5 分")
            && zh.contains("总分由 50.75 变为 43.38。"),
        "{zh}"
    );
}

/// An answers file of the quick check 1.0.0, scored by the CLI: converted, checked
/// without a problem (the old item is gone), and the notice on stderr.
#[test]
fn the_cli_scores_an_old_quick_check_file() {
    let dir = std::env::temp_dir().join(format!("shuzhuan-upgrade-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("quick-1.0.0.json");
    std::fs::write(
        &path,
        r#"{ "format": "shuzhuan-answers", "format_version": 1,
        "questionnaire": { "id": "headline-quick", "version": "1.0.0" },
        "answers": { "values": {
            "key_processes": { "typed": "10" }, "cnc_key_processes": { "typed": "8" },
            "mgmt_functions_on_system": { "selected": ["finance", "hr", "quality", "sales", "inventory"] } } } }"#,
    )
    .unwrap();
    let (code, out, err) = support::run_cli(&[
        "score",
        "--questionnaire",
        "headline-quick",
        "--targets",
        "national-2025",
        "--format",
        "json",
        path.to_str().unwrap(),
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 0, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mgmt = rows[0]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "mgmt_digital_rate")
        .expect("the management indicator")
        .clone();
    // 5 × 100 ÷ 8 = 62.5 %.
    assert_eq!(mgmt["value"], 62.5, "{mgmt}");
    assert!(
        err.contains("原来勾选的 5 项记为 5/8（62.5%）") && !err.contains("总分"),
        "{err}"
    );
}
