//! Golden firms, scored by hand from the official MIIT 2024 SME form's points and band
//! edges (docs/scoring.md), and CMMM cases. The arithmetic is in the
//! comments; docs/scoring.md explains the rules.

mod support;

use shuzhuan::domain::compute::evaluation::evaluate;
use shuzhuan::domain::compute::scoring::{score, Score};
use support::{answers, builtin, sme_best_except as best_except, SME_ALL_WORST};

fn sme(spec: &str) -> Score {
    let q = builtin("sme-digital-level");
    let a = answers(&q, spec);
    score(&q, &a, &evaluate(&q, &a))
}

fn dims(s: &Score) -> Vec<(&str, f64)> {
    s.dimensions
        .iter()
        .filter(|d| d.percent.is_some())
        .map(|d| (d.id.as_str(), (d.earned * 1000.0).round() / 1000.0))
        .collect()
}

// The best answer to every scored question (in tests/support: the roll-up's golden firms
// start from it too; all_best below shows its arithmetic).
use support::SME_ALL_BEST as ALL_BEST;

#[test]
fn empty() {
    let s = sme("");
    assert_eq!(s.total, 0.0);
    assert_eq!(s.level, None);
    assert_eq!(s.next_level, Some((1, 20.0)));
    // Every dimension with points scores 0; the two equipment counts (asked only when
    // equip_total > 0), the CNC key processes and the R&D staff with tools (each asked only
    // when its total is above 0) and the seven yearly figures (only when the firm says it
    // has them) are hidden: 47 - 2 - 2 - 7 = 36 questions are asked and all are missing.
    assert!(dims(&s).iter().all(|(_, p)| *p == 0.0));
    assert_eq!(dims(&s).len(), 9);
    assert_eq!(s.missing.len(), 36);
    assert_eq!(s.completeness, 0.0);
    assert!(s.is_provisional());
}

#[test]
fn all_best() {
    // Networks 4 × 2 = 8; 80 % and 70 % are in (60 %, 100 %] → 6 + 6: equipment 20.
    // Data capture 13 × 0.7 + 0.9 (human resources) = 10, the form's exact total, no cap.
    // Systems "every area" 10; security 4 × 1.25 + 4 × 1.25 = 10. Plan: the sixth grade,
    // peer visits, 7.5; rules 4 × 1.875 = 7.5; talent 5 × 1.5 = 7.5; investment 700 ÷ 1000
    // = 70 % → (60 %, 100 %] → 7.5. Trends 7 + 7 + 3 + 3 = 20. Total 100 → 四级.
    let s = sme(ALL_BEST);
    assert_eq!(
        dims(&s),
        vec![
            ("equipment_systems", 20.0),
            ("data_capture", 10.0),
            ("information_systems", 10.0),
            ("information_security", 10.0),
            ("planning_implementation", 7.5),
            ("management_mechanism", 7.5),
            ("talent", 7.5),
            ("funding", 7.5),
            ("results_trends", 20.0),
        ]
    );
    assert_eq!(s.total, 100.0);
    assert_eq!(s.level, Some(4));
    assert_eq!(s.next_level, None);
    assert!(s
        .dimensions
        .iter()
        .filter_map(|d| d.percent)
        .all(|p| p == 100.0));
}

#[test]
fn all_worst() {
    // 5 of 100 machines digital (5 % → 0), none networked; every trend the wrong way.
    let s = sme(SME_ALL_WORST);
    assert!(dims(&s).iter().all(|(_, p)| *p == 0.0));
    assert_eq!(s.total, 0.0);
    assert_eq!(s.level, None);
    assert_eq!(
        s.missing.len(),
        20,
        "the 16 scenarios and 4 headline questions (the two follow-ups wait for their totals)"
    );
}

#[test]
fn mixed_with_dont_know() {
    // Equipment: 2 networks = 4; 90/200 = 45 % → (40 %, 60 %] → 4.5; 30/200 = 15 % →
    // (10 %, 20 %] → 1.5; = 10 of 20. Data capture 5 × 0.7 = 3.5. Systems "two or more" = 5.
    // Security: network 2 × 1.25 + data 1 × 1.25 = 3.75. Plan "retrofits under way" = 4.5;
    // rules 2 × 1.875 = 3.75; talent 3 × 1.5 = 4.5; investment 15 ÷ 1000 = 1.5 % →
    // [0, 10 %] → 0 (the form's bands start at 10 %).
    // Trends: energy "don't know" = 0 (flagged), pass rate up 7, revenue/employee flat 1.5,
    // cost down 3 = 11.5. Total 10 + 3.5 + 5 + 3.75 + 4.5 + 3.75 + 4.5 + 0 + 11.5 = 46.5
    // → 二级; 13.5 short of 三级 (60).
    let s = sme(MIXED);
    assert_eq!(
        dims(&s),
        vec![
            ("equipment_systems", 10.0),
            ("data_capture", 3.5),
            ("information_systems", 5.0),
            ("information_security", 3.75),
            ("planning_implementation", 4.5),
            ("management_mechanism", 3.75),
            ("talent", 4.5),
            ("funding", 0.0),
            ("results_trends", 11.5),
        ]
    );
    assert_eq!(s.total, 46.5);
    assert_eq!(s.level, Some(2));
    assert_eq!(
        s.next_level
            .map(|(l, gap)| (l, (gap * 100.0).round() / 100.0)),
        Some((3, 13.5))
    );
    assert_eq!(s.unknown, vec!["energy_per_revenue".to_string()]);
    // 39 asked (equip_total > 0 shows two more; key_processes > 0 shows the CNC count; the
    // R&D staff with tools waits for the R&D total; "no yearly figures" hides seven), 20
    // answered (18 scored or gating + the 2 CNC counts): the 16 scenarios and 3 headline
    // questions are missing.
    assert_eq!(s.missing.len(), 19);
    assert!((s.completeness - 20.0 * 100.0 / 39.0).abs() < 1e-9);
}

#[test]
fn exactly_on_each_level_threshold() {
    let worst_management = "
        digital_plan = none
        governance = none
        talent_measures = none
        digital_invest_avg = 0
    ";
    let worst_trends = "
        energy_per_revenue = up
        pass_rate = down
        revenue_per_employee = down
        cost_per_revenue = up
    ";
    // 50 (foundation) + 30 (management) + 0 = 80 → 四级, exactly on its threshold.
    let s = sme(&best_except(worst_trends));
    assert_eq!((s.total, s.level), (80.0, Some(4)));
    // 50 + 0 + energy down 7 + cost down 3 = 60 → 三级.
    let s = sme(&best_except(&format!(
        "{worst_management}\npass_rate = down\nrevenue_per_employee = down"
    )));
    assert_eq!((s.total, s.level), (60.0, Some(3)));
    // 50 − 10 (no information system) + 0 + 0 = 40 → 二级.
    let s = sme(&best_except(&format!(
        "{worst_management}{worst_trends}\nsystem_coverage = none"
    )));
    assert_eq!((s.total, s.level), (40.0, Some(2)));
    // Only networks 8 and the two equipment ratios 6 + 6 = 20 → 一级.
    let s = sme(&best_except(&format!(
        "{worst_management}{worst_trends}\nsystem_coverage = none\nauto_data_capture = none\nnetwork_security = none\ndata_security = none"
    )));
    assert_eq!((s.total, s.level), (20.0, Some(1)));
    // Exactly 60 of 100 networked: 60 % is in the form's (40 %, 60 %] band → 4.5, not 6,
    // so the total is 18.5 → below 一级, 1.5 short.
    let s = sme(&best_except(&format!(
        "{worst_management}{worst_trends}\nsystem_coverage = none\nauto_data_capture = none\nnetwork_security = none\ndata_security = none\nequip_networked = 60"
    )));
    assert_eq!(
        (s.total, s.level, s.next_level),
        (18.5, None, Some((1, 1.5)))
    );
}

#[test]
fn scenario_levels_are_counted_not_scored() {
    let s = sme(&format!(
        "{ALL_BEST}\nscn_quality = 3\nscn_finance = 2\nscn_hr = 2\nscn_product_design = NA"
    ));
    assert_eq!(s.total, 100.0);
    let (counts, unrated) = s.scenario_distribution(4);
    assert_eq!(counts, vec![0, 2, 1, 0]);
    assert_eq!(unrated, 12, "16 scenarios, 3 rated, 1 not applicable");
}

#[test]
fn cmmm_levels_combine_into_elements_and_overall() {
    let q = builtin("cmmm-self-diagnosis");
    let mut spec = String::new();
    // 人员 3, 3 → 3; 技术 2, 3, 4 → 3; 资源 2, 2 → 2; 制造: product design not applicable,
    // the other 12 at 3 → 3. Overall (3 + 3 + 2 + 3) ÷ 4 = 2.75 → 二级 (1.8–2.8), 0.05 short of 三级.
    let levels = [3, 3, 2, 3, 4, 2, 2];
    let items: Vec<&str> = q
        .sections
        .iter()
        .flat_map(|s| &s.dimensions)
        .flat_map(|d| &d.items)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(items.len(), 20);
    for (n, id) in items.iter().enumerate() {
        let line = match n {
            0..=6 => format!("{id} = {}\n", levels[n]),
            7 => format!("{id} = NA\n"),
            _ => format!("{id} = 3\n"),
        };
        spec.push_str(&line);
    }
    let a = answers(&q, &spec);
    let s = score(&q, &a, &evaluate(&q, &a));
    let elements: Vec<f64> = s.sections.iter().map(|e| e.earned).collect();
    assert_eq!(elements, vec![3.0, 3.0, 2.0, 3.0]);
    assert!((s.total - 2.75).abs() < 1e-9);
    assert_eq!(s.level, Some(2));
    assert_eq!(
        s.next_level.map(|(l, g)| (l, (g * 100.0).round() / 100.0)),
        Some((3, 0.05))
    );
    assert!(s.missing.is_empty());
    assert_eq!(
        s.dimensions[7].percent, None,
        "product design is not applicable"
    );
    assert_eq!(s.dimensions[4].percent, Some(80.0), "level 4 of 5");
}

#[test]
fn not_applicable_renormalises_its_dimension_only() {
    let src = include_str!("fixtures/every-kind.toml");
    let q = shuzhuan::domain::read::check::load_questionnaire("every-kind.toml", src).unwrap();
    let base = "
        machines = 10
        networked = 6
        networks = wired
        erp = some
        data_level = 3
        scrap = down
        output = flat
    ";
    // 信息系统: ERP some 3 + MES no 0 + data level 3 → 2 = 5 of 14 = 35.7 %.
    let a = answers(&q, &format!("{base}\nmes = no"));
    let s = score(&q, &a, &evaluate(&q, &a));
    let systems = s.dimension("systems").unwrap();
    assert!((systems.percent.unwrap() - 500.0 / 14.0).abs() < 1e-9);
    assert!((systems.earned - 5.0).abs() < 1e-9);
    // MES not applicable: 5 of 10 = 50 % → 7 of the dimension's 14 points.
    let b = answers(&q, &format!("{base}\nmes = NA"));
    let t = score(&q, &b, &evaluate(&q, &b));
    assert_eq!(t.dimension("systems").unwrap().percent, Some(50.0));
    assert_eq!(t.dimension("systems").unwrap().earned, 7.0);
    assert_eq!(s.dimension("equipment"), t.dimension("equipment"));
    assert_eq!(s.dimension("trends"), t.dimension("trends"));
    // Equipment: 60 % networked → 6, one network 2 = 8 of 10; trends 8 + 4 = 12 of 16.
    // Total with MES not applicable: 8 + 7 + 12 = 27 of 40 → 二级 (20–40).
    assert_eq!(t.total, 27.0);
    assert_eq!(t.level, Some(2));
}

/// The advice ids for an SME firm against the national 2025 targets, best first.
fn sme_advice(spec: &str, size: &str) -> Vec<String> {
    let c = shuzhuan::builtin::catalogue().unwrap();
    let q = builtin("sme-digital-level");
    let a = answers(&q, spec);
    let firm = shuzhuan::domain::model::firm::FirmProfile {
        size: size.into(),
        ..Default::default()
    };
    let r = shuzhuan::domain::compute::assessment::assess(
        &q,
        &a,
        c.profile("national-2025").unwrap(),
        &c.benchmark,
        &firm,
    );
    r.advice.iter().map(|x| x.id.clone()).collect()
}

#[test]
fn first_recommendations_of_the_golden_firms() {
    // Empty: below 一级, the foundation section has all its 50 points open.
    assert_eq!(
        sme_advice("", "").first().map(String::as_str),
        Some("level-1-foundation")
    );
    // All best: nothing left to advise but what the headline counts (unanswered) imply.
    assert!(sme_advice(ALL_BEST, "medium")
        .iter()
        .all(|id| !id.starts_with("level-")));
    // Mixed (二级): the foundation still has 27.75 of 50 points open (0.2775 of the
    // scale), more than the CNC gap of 13 points (0.13) or any single dimension.
    let mixed = sme_advice(MIXED, "small");
    assert_eq!(mixed[0], "level-2-integrate");
    let pos = |id: &str| mixed.iter().position(|x| x == id).unwrap_or(usize::MAX);
    assert!(pos("cnc-key-process-retrofit") < pos("results-baseline"));
    assert!(
        mixed.contains(&"systems-cloud-saas-small".to_string()),
        "a small firm is advised cloud services"
    );
    assert!(!sme_advice(MIXED, "large").contains(&"systems-cloud-saas-small".to_string()));
}

/// The golden mixed firm, also `tests/answers/mixed-firm.json`.
const MIXED: &str = include_str!("answers/mixed-firm.spec");

#[test]
fn a_hidden_answer_does_not_count() {
    let c = shuzhuan::builtin::catalogue().unwrap();
    let q = builtin("sme-digital-level");
    // equip_digital is asked only when equip_total > 0: with 0 machines, its "5" is kept
    // but neither errs (5 > 0) nor counts.
    let a = answers(&q, "equip_total = 0\nequip_digital = 5");
    let r = shuzhuan::domain::compute::assessment::assess(
        &q,
        &a,
        c.profile("national-2025").unwrap(),
        &c.benchmark,
        &Default::default(),
    );
    assert!(
        r.evaluation.field_errors.is_empty(),
        "{:?}",
        r.evaluation.field_errors
    );
    assert_eq!(
        r.evaluation.state("equip_digital"),
        shuzhuan::domain::compute::evaluation::ItemState::Hidden
    );
    assert_eq!(
        r.indicator("equip_digital_rate").unwrap().value,
        shuzhuan::domain::compute::indicators::IndicatorValue::NotApplicable
    );
    assert_eq!(a.typed("equip_digital"), "5");
}

#[test]
fn first_recommendations_on_the_thresholds_and_for_the_cmmm_case() {
    // At 60 points (三级) the weakest open dimension is management (0 of 7.5 in each of four
    // dimensions); the level rule for 二级 no longer applies.
    let worst_management =
        "digital_plan = none\ngovernance = none\ntalent_measures = none\ndigital_invest_avg = 0";
    let at_60 = sme_advice(
        &best_except(&format!(
            "{worst_management}\npass_rate = down\nrevenue_per_employee = down"
        )),
        "medium",
    );
    assert!(
        !at_60.iter().any(|id| id.starts_with("level-")),
        "{at_60:?}"
    );
    assert_eq!(
        at_60.first().map(String::as_str),
        Some("results-baseline"),
        "{at_60:?}"
    );

    let c = shuzhuan::builtin::catalogue().unwrap();
    let q = builtin("cmmm-self-diagnosis");
    let ids: Vec<&str> = q.items().map(|i| i.id.as_str()).collect();
    // Every sub-domain at level 2 except data at 1. Each of 人员's two sub-domains is 1/8
    // of the overall score (half of one of four elements), data 1/12 (a third of 技术):
    // organisation strategy gains 3 levels × 1/8 = 0.375, data 4 × 1/12 = 0.333 levels
    // of the overall score, so organisation strategy comes first.
    let spec: String = ids
        .iter()
        .enumerate()
        .map(|(n, id)| format!("{id} = {}\n", if n == 2 { 1 } else { 2 }))
        .collect();
    let a = answers(&q, &spec);
    let r = shuzhuan::domain::compute::assessment::assess(
        &q,
        &a,
        c.profile("national-2025").unwrap(),
        &c.benchmark,
        &Default::default(),
    );
    assert_eq!(q.sections[1].dimensions[0].items[0].id, ids[2]);
    let order: Vec<&str> = r.advice.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(
        order[..2],
        ["cmmm-org-strategy", "cmmm-staff-skills"],
        "{order:?}"
    );
    let pos = |id: &str| order.iter().position(|x| *x == id).unwrap();
    assert!(
        pos("cmmm-data") < pos("cmmm-integration"),
        "data (level 1) before integration (level 2): {order:?}"
    );
    assert_eq!(
        r.advice.last().map(|x| x.id.as_str()),
        Some("cmmm-smart-factory-l3")
    );
}
