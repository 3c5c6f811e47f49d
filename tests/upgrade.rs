//! Answers of the previous SME version (2024.1) converted to the official form's (2024.2):
//! the conversion table applied to the old golden mixed firm, what it changes in the
//! score (the old total computed by the old rules is the old golden 50.75), and the CLI.

mod support;

use shuzhuan::domain::compute::upgrade::{upgrade, ItemChange, SME_2024_1_TO_2};
use shuzhuan::domain::model::answers::Answer;
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
