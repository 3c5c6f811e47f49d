//! Shared by the native tests: build answers from a compact description.
// Each test binary uses a different part of this module.
#![allow(dead_code)]
// Native test code: std's parsing is right here.
#![allow(clippy::disallowed_methods)]

use shuzhuan::domain::compute::assessment::{assess, Assessment};
use shuzhuan::domain::model::answers::{Answer, Answers};
use shuzhuan::domain::model::questionnaire::{ItemKind, Questionnaire};

/// `spec` lines like `network = shopfloor, enterprise`, `equip_total = 200`,
/// `system_coverage = all`, `scn_quality = 3`, `energy_per_revenue = ?` (don't know),
/// `x = NA` (not applicable), `network = none` (multi-select: none of these).
pub fn answers(q: &Questionnaire, spec: &str) -> Answers {
    let mut a = Answers::default();
    for line in spec.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (id, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("bad spec line {line}"));
        let (id, value) = (id.trim(), value.trim());
        let item = q.item(id).unwrap_or_else(|| panic!("no item {id}"));
        match (value, &item.kind) {
            ("NA", _) => a.set_special(id, Answer::NotApplicable),
            ("?", _) => a.set_special(id, Answer::Unknown),
            ("none", ItemKind::MultiSelect { .. }) => a.select_none(id),
            (v, ItemKind::MultiSelect { options, .. }) => {
                for o in v.split(',').map(str::trim) {
                    assert!(
                        options.iter().any(|opt| opt.id == o),
                        "{id} has no option {o}"
                    );
                    a.toggle(id, o, true);
                }
            }
            (v, ItemKind::Count { .. } | ItemKind::Amount { .. }) => a.set_typed(id, v),
            (v, ItemKind::Level { .. }) => a.set(id, Answer::Level(v.parse().unwrap())),
            (v, ItemKind::FreeText) => a.set(id, Answer::Text(v.to_string())),
            (v, ItemKind::SingleChoice { options }) => {
                assert!(
                    options.iter().any(|opt| opt.id == v),
                    "{id} has no option {v}"
                );
                a.set(id, Answer::Choice(v.to_string()));
            }
            (v, _) => a.set(id, Answer::Choice(v.to_string())),
        }
    }
    a
}

pub fn builtin(id: &str) -> Questionnaire {
    shuzhuan::builtin::catalogue()
        .unwrap()
        .questionnaires
        .into_iter()
        .find(|q| q.id == id)
        .unwrap()
}

/// A built-in questionnaire answered as `spec` describes, assessed against the national
/// 2025 profile and the built-in benchmark, with no firm profile.
pub fn assessed_national(id: &str, spec: &str) -> (Questionnaire, Assessment) {
    let c = shuzhuan::builtin::catalogue().unwrap();
    let q = builtin(id);
    let a = answers(&q, spec);
    let r = assess(
        &q,
        &a,
        c.profile("national-2025").unwrap(),
        &c.benchmark,
        &Default::default(),
    );
    (q, r)
}

/// Runs the `shuzhuan` binary in the crate's folder: its exit code, stdout and stderr.
pub fn run_cli(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_shuzhuan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The SME questionnaire's best answer to every scored question: 100 points, 四级
/// (tests/scoring_golden.rs::all_best shows the arithmetic).
pub const SME_ALL_BEST: &str = "
    network = shopfloor, enterprise, 5g, full_coverage
    equip_total = 100
    equip_digital = 80
    equip_networked = 70
    auto_data_capture = product_design, process_design, marketing, after_sales, planning, production_control, quality, equipment, safety, energy, purchasing, warehouse_logistics, finance, hr
    system_coverage = all
    network_security = policy, products, risk_assessment, boundary_detection
    data_security = policy, products, risk_assessment, inventory
    digital_plan = peer_learning
    governance = workflow, systems_rules, data_rules, innovation_incentives
    talent_measures = digital_staff, digital_post, training, performance_pay, talent_ladder
    digital_invest_avg = 700
    revenue = 1000
    has_yearly_figures = no
    energy_per_revenue = down
    pass_rate = up
    revenue_per_employee = up
    cost_per_revenue = down
";

/// The SME questionnaire's worst answer to every scored question: 0 points, below 一级
/// (tests/scoring_golden.rs::all_worst shows the arithmetic).
pub const SME_ALL_WORST: &str = "
    network = none
    equip_total = 100
    equip_digital = 5
    equip_networked = 0
    auto_data_capture = none
    system_coverage = none
    network_security = none
    data_security = none
    digital_plan = none
    governance = none
    talent_measures = none
    digital_invest_avg = 0
    revenue = 1000
    has_yearly_figures = no
    energy_per_revenue = up
    pass_rate = down
    revenue_per_employee = down
    cost_per_revenue = up
";

/// `SME_ALL_BEST` with the answers `changes` gives (lines like those of `answers`) in
/// place of its own.
pub fn sme_best_except(changes: &str) -> String {
    let keys: Vec<&str> = changes
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, _)| k.trim())
        .collect();
    let kept: Vec<&str> = SME_ALL_BEST
        .lines()
        .filter(|l| {
            l.split_once('=')
                .is_none_or(|(k, _)| !keys.contains(&k.trim()))
        })
        .collect();
    format!("{}\n{changes}", kept.join("\n"))
}

/// The best answers with the worst management and trends and no information system:
/// 50 − 10 = 40 points, exactly 二级 (tests/scoring_golden.rs).
pub fn sme_at_40() -> String {
    sme_best_except(
        "
        system_coverage = none
        digital_plan = none
        governance = none
        talent_measures = none
        digital_invest_avg = 0
        energy_per_revenue = up
        pass_rate = down
        revenue_per_employee = down
        cost_per_revenue = up
    ",
    )
}

/// A files-worker job as the browser sends it (inside `Job::Workbench`), run, and its
/// reply as the browser decodes it.
pub fn run_workbench_job(
    job: shuzhuan::domain::wire::workbench::WorkbenchJob,
) -> shuzhuan::domain::wire::workbench::WorkbenchDone {
    use shuzhuan::domain::wire::compiled::encode;
    use shuzhuan::domain::wire::formats::{decode_done, Done, Job};
    use shuzhuan::domain::wire::workbench;
    let job: Job = postcard::from_bytes(&encode(&Job::Workbench(workbench::encode_job(&job))))
        .expect("a job decodes");
    match decode_done(&encode(&shuzhuan::exchange::run(job))).expect("a reply decodes") {
        Done::Workbench(bytes) => workbench::decode_done(&bytes).expect("its reply decodes"),
        other => panic!("{other:?}"),
    }
}

/// The answers files of tests/answers/ that `score` and `rollup` are run on: two SME firms,
/// a damaged file, and files for another questionnaire and another version.
pub const ANSWERS_FILES: [&str; 5] = [
    "tests/answers/damaged.json",
    "tests/answers/empty-firm.json",
    "tests/answers/mixed-firm.json",
    "tests/answers/other-questionnaire.json",
    "tests/answers/other-version.json",
];

/// Four firms on the quick check (tests/portfolio_golden.rs works their figures out):
/// A 8/10 CNC, 4/8 management, 9/10 R&D tools; B 20/40, 6/8, no R&D staff; C 35/50,
/// none of 8, 17/20; D no key processes, the rest unanswered but R&D staff.
pub const QUICK_A: &str = "
    key_processes = 10
    cnc_key_processes = 8
    mgmt_functions = 8
    mgmt_functions_digital = 4
    rd_staff = 10
    rd_staff_with_tools = 9
";
pub const QUICK_B: &str = "
    key_processes = 40
    cnc_key_processes = 20
    mgmt_functions = 8
    mgmt_functions_digital = 6
    rd_staff = 0
";
pub const QUICK_C: &str = "
    key_processes = 50
    cnc_key_processes = 35
    mgmt_functions = 8
    mgmt_functions_digital = 0
    rd_staff = 20
    rd_staff_with_tools = 17
";
pub const QUICK_D: &str = "
    key_processes = 0
    rd_staff = 5
";

/// A built-in questionnaire's answers file for `firm`, answered as `spec` describes, and
/// its assessment against `profile` and the built-in benchmark.
pub fn assessed_file(
    q: &Questionnaire,
    profile: &str,
    firm: shuzhuan::domain::model::firm::FirmProfile,
    spec: &str,
) -> (
    shuzhuan::domain::read::answers_file::AnswersFile,
    Assessment,
) {
    let c = shuzhuan::builtin::catalogue().unwrap();
    let file = shuzhuan::domain::read::answers_file::AnswersFile::new(
        q,
        firm,
        None,
        answers(q, spec),
        String::new(),
        String::new(),
    );
    let a = assess(
        q,
        &file.answers,
        c.profile(profile).unwrap(),
        &c.benchmark,
        &file.firm,
    );
    (file, a)
}
