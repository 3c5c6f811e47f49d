//! Golden firms computed by hand from the official MIIT 2024 SME form (its points and its
//! right-closed bands `[0–10 %]`, `(10 %, 20 %]`, `(20 %, 40 %]`, `(40 %, 60 %]`,
//! `(60 %, 100 %]`), not from our code: a firm at every band edge, firms whose yearly
//! figures make each trend go up, stay flat and go down. The same firms are scored through
//! `shuzhuan score` from their answers files (tests/answers/form-*.json).

mod support;

use shuzhuan::domain::compute::evaluation::{evaluate, ItemState};
use shuzhuan::domain::compute::scoring::{score, Score};
use support::{answers, builtin};

fn sme(spec: &str) -> Score {
    let q = builtin("sme-digital-level");
    let a = answers(&q, spec);
    score(&q, &a, &evaluate(&q, &a))
}

fn points(s: &Score, dimension: &str) -> f64 {
    s.dimension(dimension).expect("a dimension").earned
}

/// Everything answered with its 0-point option: whatever a test adds is all the firm earns.
const NOTHING: &str = "
    network = none
    auto_data_capture = none
    system_coverage = none
    network_security = none
    data_security = none
    digital_plan = none
    governance = none
    talent_measures = none
    has_yearly_figures = no
    energy_per_revenue = up
    pass_rate = down
    revenue_per_employee = down
    cost_per_revenue = up
";

#[test]
fn equipment_shares_at_every_band_edge() {
    // (digitalised or networked of 100 machines, the form's points): an edge is in the
    // band below it; just above it, the next band.
    let form = [
        (0, 0.0),
        (10, 0.0),
        (11, 1.5),
        (20, 1.5),
        (21, 3.0),
        (40, 3.0),
        (41, 4.5),
        (60, 4.5),
        (61, 6.0),
        (100, 6.0),
    ];
    for (n, expected) in form {
        let digital = sme(&format!(
            "{NOTHING}\nequip_total = 100\nequip_digital = {n}\nequip_networked = 0\ndigital_invest_avg = 0\nrevenue = 1000"
        ));
        assert_eq!(digital.total, expected, "{n} of 100 digitalised");
        let networked = sme(&format!(
            "{NOTHING}\nequip_total = 100\nequip_digital = 0\nequip_networked = {n}\ndigital_invest_avg = 0\nrevenue = 1000"
        ));
        assert_eq!(networked.total, expected, "{n} of 100 networked");
    }
    // The case: exactly 60 % digitalised and networked is 4.5 + 4.5 = 9, not 12.
    let s = sme(&format!(
        "{NOTHING}\nequip_total = 200\nequip_digital = 120\nequip_networked = 120\ndigital_invest_avg = 0\nrevenue = 1000"
    ));
    assert_eq!(points(&s, "equipment_systems"), 9.0);
}

#[test]
fn investment_intensity_at_every_band_edge() {
    // Average yearly digital investment ÷ revenue of 1000 (万元): 100 is exactly 10 % → 0;
    // 101 is 10.1 % → 1.875; … the form's own bands, high as they are for an SME. An
    // investment above the revenue (200 %) is in the last band.
    let form = [
        (0, 0.0),
        (100, 0.0),
        (101, 1.875),
        (200, 1.875),
        (201, 3.75),
        (400, 3.75),
        (401, 5.625),
        (600, 5.625),
        (601, 7.5),
        (1000, 7.5),
        (2000, 7.5),
    ];
    for (invest, expected) in form {
        let s = sme(&format!(
            "{NOTHING}\nequip_total = 0\ndigital_invest_avg = {invest}\nrevenue = 1000"
        ));
        assert_eq!(points(&s, "funding"), expected, "{invest} of 1000");
        assert_eq!(s.total, expected, "{invest} of 1000");
    }
}

#[test]
fn data_capture_adds_to_exactly_ten_without_a_cap() {
    // 13 areas × 0.7 = 9.1, human resources 0.9: 10. Human resources alone: 0.9; the
    // other 13 alone: 9.1.
    let all13 = "product_design, process_design, marketing, after_sales, planning, production_control, quality, equipment, safety, energy, purchasing, warehouse_logistics, finance";
    let s = sme(&format!("auto_data_capture = {all13}, hr"));
    assert_eq!(points(&s, "data_capture"), 10.0);
    let s = sme(&format!("auto_data_capture = {all13}"));
    assert_eq!(points(&s, "data_capture"), 9.1);
    let s = sme("auto_data_capture = hr");
    assert_eq!(points(&s, "data_capture"), 0.9);
}

#[test]
fn planning_has_the_forms_six_grades() {
    for (grade, expected) in [
        ("none", 0.0),
        ("learning", 1.5),
        ("plan_set", 3.0),
        ("retrofit_started", 4.5),
        ("results", 6.0),
        ("peer_learning", 7.5),
    ] {
        let s = sme(&format!("digital_plan = {grade}"));
        assert_eq!(points(&s, "planning_implementation"), expected, "{grade}");
    }
}

/// Last year's revenue 12 000 and the year before's 10 000 (万元); the rest per firm.
fn with_figures(figures: &str, choices: &str) -> String {
    format!(
        "{NOTHING}\nequip_total = 0\ndigital_invest_avg = 0\nrevenue = 12000\nhas_yearly_figures = yes\nrevenue_previous = 10000\nstaff_previous = 100\nenergy_previous = 1000\ncost_previous = 8000\n{figures}\n{choices}"
    )
}

#[test]
fn trends_computed_from_the_yearly_figures_go_up_stay_flat_and_go_down() {
    // Firm A. Energy per revenue 1200 ÷ 12000 = 0.1 against 1000 ÷ 10000 = 0.1: flat, 3.5.
    // Revenue per employee 12000 ÷ 100 = 120 against 10000 ÷ 100 = 100: up, 3. Cost per
    // revenue 9000 ÷ 12000 = 0.75 against 8000 ÷ 10000 = 0.8: down, 3. Pass rate (no
    // figures in the form) chosen flat, 3.5. The chosen "down" for energy and "down" for
    // revenue per employee do not count: the figures do. Results 3.5 + 3.5 + 3 + 3 = 13.
    let a = sme(&with_figures(
        "staff_last = 100\nenergy_last = 1200\ncost_last = 9000",
        "energy_per_revenue = down\nrevenue_per_employee = down\npass_rate = flat",
    ));
    assert_eq!(points(&a, "results_trends"), 13.0);
    assert_eq!(a.total, 13.0);

    // Firm B. Energy 1100 ÷ 12000 = 0.0917 < 0.1: down, 7. Revenue per employee
    // 12000 ÷ 120 = 100 = 100: flat, 1.5. Cost 10000 ÷ 12000 = 0.833 > 0.8: up, 0. Pass
    // rate up, 7. Results 7 + 7 + 1.5 + 0 = 15.5.
    let b = sme(&with_figures(
        "staff_last = 120\nenergy_last = 1100\ncost_last = 10000",
        "pass_rate = up",
    ));
    assert_eq!(points(&b, "results_trends"), 15.5);

    // Firm C. Energy 1300 ÷ 12000 = 0.108 > 0.1: up, 0 (its "don't know" does not count
    // and is not flagged: the figures answer it). Revenue per employee 12000 ÷ 130 = 92.3
    // < 100: down, 0. Cost 9600 ÷ 12000 = 0.8 = 0.8: flat, 1.5. Pass rate down, 0.
    // Results 1.5.
    let c = sme(&with_figures(
        "staff_last = 130\nenergy_last = 1300\ncost_last = 9600",
        "energy_per_revenue = ?",
    ));
    assert_eq!(points(&c, "results_trends"), 1.5);
    assert!(c.unknown.is_empty(), "{:?}", c.unknown);
}

#[test]
fn a_trend_missing_a_figure_is_scored_by_the_firms_choice() {
    // Firm D has the figures but not last year's energy ("don't know"): energy per revenue
    // falls back to its choice, down, 7; the other two are computed as for firm A (3 + 3).
    // Pass rate down 0. Results 7 + 0 + 3 + 3 = 13.
    let q = builtin("sme-digital-level");
    let spec = with_figures(
        "staff_last = 100\nenergy_last = ?\ncost_last = 9000",
        "energy_per_revenue = down\nrevenue_per_employee = down",
    );
    let a = answers(&q, &spec);
    let ev = evaluate(&q, &a);
    assert_eq!(ev.state("energy_per_revenue"), ItemState::Answered);
    assert_eq!(ev.number("energy_per_revenue"), None, "not computed");
    let s = score(&q, &a, &ev);
    assert_eq!(points(&s, "results_trends"), 13.0);
    // Without the yearly figures (the firm said no), the figures it typed earlier are
    // kept but hidden, and every trend is its choice: down 7, down 0, up 0 → 7.
    let hidden = format!("{spec}\nhas_yearly_figures = no");
    let s = sme(&hidden);
    assert_eq!(points(&s, "results_trends"), 7.0);
}

/// The mixed firm (46.5 points, 二级 by the published points rule) with nine scenarios
/// rated: six unmarked ones at level 2, two of the form's marked (sceneType 1) scenarios
/// at level 2 (质量管理, 财务管理) and one at level 1 (营销管理).
fn mixed_with_scenarios() -> String {
    format!(
        "{}\nscn_process_design = 2\nscn_after_sales = 2\nscn_planning = 2\nscn_hr = 2\nscn_collaboration = 2\nscn_decision = 2\nscn_quality = 2\nscn_finance = 2\nscn_marketing = 1",
        include_str!("answers/mixed-firm.spec")
    )
}

#[test]
fn a_firm_that_passes_the_points_rule_but_not_the_scenario_rule() {
    // Points rule: 46.5 → 二级. Scenario rule (unofficial): 二级 needs ≥ 40 points (46.5 ✓),
    // ≥ 6 scenarios at level 2 or above (8 ✓) and ≥ 3 of them marked (质量管理, 财务管理:
    // 2 ✗). 一级 needs ≥ 20 points ✓, ≥ 6 at level 1 or above (9 ✓), ≥ 3 marked (质量管理,
    // 财务管理, 营销管理: 3 ✓). Estimate: 一级.
    let s = sme(&mixed_with_scenarios());
    assert_eq!(s.total, 46.5);
    assert_eq!(s.level, Some(2), "the published rule stays the level");
    let est = s
        .scenario_estimate
        .as_ref()
        .expect("the SME file has the rule");
    assert_eq!(est.level, Some(1));
    let two = est.levels[1];
    assert_eq!(
        (
            two.scenarios,
            two.scenarios_needed,
            two.key,
            two.key_needed,
            two.met
        ),
        (8, 6, 2, 3, false)
    );
    let one = est.levels[0];
    assert_eq!((one.scenarios, one.key, one.met), (9, 3, true));

    let (q, r) = support::assessed_national("sme-digital-level", &mixed_with_scenarios());
    let summary =
        shuzhuan::domain::report::score_summary(&q, &r, shuzhuan::domain::model::text::Lang::Zh);
    assert_eq!(summary.level_name, "二级");
    assert_eq!(
        summary.scenario_estimate_text,
        "按场景规则估算（非官方）：一级"
    );
    assert_eq!(
        summary.scenario_next_text,
        "二级还需：其中 3 个为重点场景（现有 2 个）"
    );
    assert!(
        summary
            .scenario_source_text
            .starts_with("规则来源：第三方评测工具采用的 2024 年版等级规则（非官方）"),
        "{}",
        summary.scenario_source_text
    );
}

#[test]
fn the_scenario_rule_at_its_edges() {
    // No scenario rated: no level by the scenario rule.
    let s = sme("digital_plan = none");
    assert_eq!(s.scenario_estimate.as_ref().unwrap().level, None);
    // 四级 needs 80 points, 10 scenarios at level 4, 6 of them marked. Ten at level 4 with
    // exactly six marked (产品设计, 营销管理, 生产管控, 质量管理, 设备管理, 安全生产) and
    // four unmarked (工艺设计, 售后服务, 计划排程, 人力资源), on 80 points exactly
    // (the all-best firm with every trend the wrong way: 50 + 30 + 0): 四级 both ways.
    let tens = "scn_product_design = 4\nscn_marketing = 4\nscn_production_control = 4\nscn_quality = 4\nscn_equipment = 4\nscn_safety = 4\nscn_process_design = 4\nscn_after_sales = 4\nscn_planning = 4\nscn_hr = 4";
    let best80 = "network = shopfloor, enterprise, 5g, full_coverage\nequip_total = 100\nequip_digital = 80\nequip_networked = 70\nauto_data_capture = product_design, process_design, marketing, after_sales, planning, production_control, quality, equipment, safety, energy, purchasing, warehouse_logistics, finance, hr\nsystem_coverage = all\nnetwork_security = policy, products, risk_assessment, boundary_detection\ndata_security = policy, products, risk_assessment, inventory\ndigital_plan = peer_learning\ngovernance = workflow, systems_rules, data_rules, innovation_incentives\ntalent_measures = digital_staff, digital_post, training, performance_pay, talent_ladder\ndigital_invest_avg = 700\nrevenue = 1000\nhas_yearly_figures = no\nenergy_per_revenue = up\npass_rate = down\nrevenue_per_employee = down\ncost_per_revenue = up";
    let s = sme(&format!("{best80}\n{tens}"));
    assert_eq!((s.total, s.level), (80.0, Some(4)));
    assert_eq!(s.scenario_estimate.as_ref().unwrap().level, Some(4));
    // One marked scenario a level lower (安全生产 3): five marked at level 4 < 6, so not
    // 四级; 三级 needs 60 points, 8 at level 3 or above (10 ✓), 5 marked (6 ✓): 三级.
    let s = sme(&format!("{best80}\n{tens}\nscn_safety = 3"));
    assert_eq!(s.level, Some(4));
    assert_eq!(s.scenario_estimate.as_ref().unwrap().level, Some(3));
}
