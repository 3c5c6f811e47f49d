//! `shuzhuan score` on a folder mixing good and broken answers files: the good ones are
//! scored as the golden cases say, each broken one is named with its reason, and the
//! exit code says that some failed; the CSV and JSON Lines records of docs/data.md.

// Native test code: std's parsing and sorts are right here.
#![allow(clippy::disallowed_methods)]

mod support;

use support::{run_cli, ANSWERS_FILES};

fn score(args: &[&str]) -> (i32, String, String) {
    run_cli(&[&["score"], args].concat())
}

#[test]
fn good_files_are_scored_and_bad_ones_named() {
    let mut args = vec![
        "--questionnaire",
        "sme-digital-level",
        "--targets",
        "national-2025",
        "--lang",
        "en",
    ];
    args.extend(ANSWERS_FILES);
    let (code, out, err) = score(&args);
    assert_eq!(code, 1, "some files failed");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("file"), "{out}");
    assert!(
        lines[1].starts_with("tests/answers/empty-firm.json") && lines[1].contains("0.00*"),
        "{out}"
    );
    // The mixed golden firm: 46.5 points, 二级 ("Level 2"), CNC 22/40 = 55 %.
    assert!(
        lines[2].starts_with("tests/answers/mixed-firm.json"),
        "{out}"
    );
    assert!(
        lines[2].contains("46.50*") && lines[2].contains("Level 2") && lines[2].contains("55.0"),
        "{out}"
    );
    // Names, not ids: the indicators in the header, the first recommendation's action.
    assert!(lines[0].contains("CNC ratio of key processes%"), "{out}");
    assert!(!lines[0].contains("cnc_rate"), "{out}");
    assert!(
        lines[2].contains("Extend system coverage to all main business areas"),
        "{out}"
    );
    assert!(!lines[2].contains("level-2-integrate"), "{out}");
    assert!(
        err.contains(
            "tests/answers/damaged.json: The file is damaged or not an answers file (line 6"
        ),
        "{err}"
    );
    assert!(err.contains("tests/answers/other-questionnaire.json: These answers are for questionnaire \"cmmm-self-diagnosis\""), "{err}");
    assert!(
        err.contains("tests/answers/other-version.json: These answers are for version 2022.1"),
        "{err}"
    );
    assert!(err.ends_with("2 scored, 3 failed\n"), "{err}");
}

#[test]
fn json_output_carries_every_figure() {
    let (code, out, _) = score(&[
        "--questionnaire",
        "sme-digital-level",
        "--targets",
        "national-2025",
        "--format",
        "json",
        "tests/answers/mixed-firm.json",
    ]);
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let r = &rows[0];
    assert_eq!(r["total"], 46.5);
    assert_eq!(r["level"], 2);
    assert_eq!(r["level_name"], "二级");
    assert_eq!(r["provisional"], true);
    assert_eq!(
        r["dimensions"][0],
        serde_json::json!(["equipment_systems", 50.0])
    );
    assert_eq!(
        r["indicators"][0],
        serde_json::json!({"id": "cnc_rate", "value": 55.0, "target": 68.0, "gap_pp": -13.0})
    );
}

#[test]
fn csv_output_has_a_header_and_one_row_per_file() {
    let (code, out, _) = score(&[
        "--questionnaire",
        "sme-digital-level",
        "--targets",
        "taizhou-2025",
        "--format",
        "csv",
        "tests/answers/mixed-firm.json",
        "tests/answers/empty-firm.json",
    ]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines[0].starts_with(
            "file,questionnaire,questionnaire_version,profile,firm,region,sector,size,round,assessed_on,total,total_max,level,level_name,completeness,answered,asked,provisional,equipment_systems_percent,"
        ),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains(",cnc_rate_value,cnc_rate_numerator,cnc_rate_denominator,cnc_rate_status,cnc_rate_target,cnc_rate_gap_pp,cnc_rate_meets_target,"));
    // The scenario rule's estimate comes last (the SME questionnaire has one).
    assert!(lines[0].ends_with(",recommendations,scenario_rule_level,scenario_rule_level_name"));
    let header: Vec<&str> = lines[0].split(',').collect();
    let cells: Vec<&str> = lines[1].split(',').collect();
    let cell = |name: &str| cells[header.iter().position(|h| *h == name).unwrap()];
    // Taizhou's CNC target is 65 %: 22 of 40 = 55 %, 55 − 65 = −10, not met.
    assert_eq!(
        [
            "cnc_rate_value",
            "cnc_rate_numerator",
            "cnc_rate_denominator",
            "cnc_rate_status",
            "cnc_rate_target",
            "cnc_rate_gap_pp",
            "cnc_rate_meets_target"
        ]
        .map(cell),
        ["55", "22", "40", "value", "65", "-10", "false"]
    );
    assert_eq!(cell("total"), "46.5");
    assert_eq!(cell("level"), "2");
    assert_eq!(cell("level_name"), "二级");
    assert_eq!(cell("profile"), "taizhou-2025");
    // Written before rounds and dates: empty cells, not made-up ones.
    assert_eq!([cell("round"), cell("assessed_on")], ["", ""]);
    // 20 of 39 answered (docs/scoring.md, the mixed firm: the R&D staff with design tools
    // are not asked until their total is given), unrounded: 51.282051282051285.
    assert_eq!(
        cell("completeness").parse::<f64>().unwrap(),
        20.0 * 100.0 / 39.0
    );
    assert_eq!([cell("answered"), cell("asked")], ["20", "39"]);
    // No scenario is rated, so the scenario rule reaches no level: empty cells.
    assert_eq!(
        [
            cell("scenario_rule_level"),
            cell("scenario_rule_level_name")
        ],
        ["", ""]
    );
    // No value is an empty cell: the management rate is unanswered, so is its target gap.
    assert_eq!(
        [
            "mgmt_digital_rate_value",
            "mgmt_digital_rate_status",
            "mgmt_digital_rate_target",
            "mgmt_digital_rate_gap_pp",
            "mgmt_digital_rate_meets_target"
        ]
        .map(cell),
        ["", "missing", "80", "", ""]
    );
    // Every row has a cell for every column.
    assert_eq!(lines[2].split(',').count(), header.len());
}

/// A re-assessment's round and date come out as the file gives them, in CSV and JSON Lines.
#[test]
fn the_round_and_the_date_are_columns() {
    let dir = std::env::temp_dir().join(format!("shuzhuan-rounds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mixed = std::fs::read_to_string("tests/answers/mixed-firm.json").unwrap();
    let dated = mixed.replacen(
        '{',
        r#"{ "round": "2026 复评, T1", "assessed_on": "2026-03-31","#,
        1,
    );
    let path = dir.join("t1.json");
    std::fs::write(&path, dated).unwrap();
    let path = path.to_str().unwrap();
    let run = |format: &str| {
        let (code, out, err) = score(&[
            "--questionnaire",
            "sme-digital-level",
            "--targets",
            "taizhou-2025",
            "--format",
            format,
            path,
        ]);
        assert_eq!(code, 0, "{err}");
        out
    };
    let csv = run("csv");
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.contains(",\"2026 复评, T1\",2026-03-31,46.5,"),
        "quoted for its comma, then the date and the total: {row}"
    );
    let jsonl = run("jsonl");
    let record: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(record["round"], "2026 复评, T1");
    assert_eq!(record["assessed_on"], "2026-03-31");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn json_lines_have_the_csv_columns_as_keys() {
    let args = [
        "--questionnaire",
        "sme-digital-level",
        "--targets",
        "national-2025",
        "tests/answers/mixed-firm.json",
        "tests/answers/empty-firm.json",
    ];
    let (code, csv, _) = score(&[&["--format", "csv"][..], &args[..]].concat());
    assert_eq!(code, 0);
    let (code, jsonl, _) = score(&[&["--format", "jsonl"][..], &args[..]].concat());
    assert_eq!(code, 0);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let lines: Vec<&str> = jsonl.lines().collect();
    assert_eq!(lines.len(), 2, "one object a firm");
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    let mut keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut columns = header.clone();
    keys.sort();
    columns.sort();
    assert_eq!(keys, columns);
    assert!(
        lines[0].starts_with("{\"file\":\"tests/answers/mixed-firm.json\",\"questionnaire\":"),
        "{}",
        lines[0]
    );
    assert_eq!(first["cnc_rate_value"], 55.0);
    assert_eq!(first["cnc_rate_meets_target"], false);
    assert_eq!(first["provisional"], true);
    assert_eq!(first["rd_tool_rate_value"], serde_json::Value::Null);
    assert_eq!(first["firm"], "常州示例电机有限公司");
    let empty: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(empty["level"], serde_json::Value::Null);
    assert_eq!(empty["level_name"], "");
}

#[test]
fn unknown_questionnaire_or_profile_is_a_usage_error() {
    let (code, _, err) = score(&[
        "--questionnaire",
        "nope",
        "--targets",
        "national-2025",
        "tests/answers/mixed-firm.json",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("nope: not a built-in questionnaire id"),
        "{err}"
    );
    let (code, _, _) = score(&[
        "--questionnaire",
        "sme-digital-level",
        "tests/answers/mixed-firm.json",
    ]);
    assert_eq!(code, 2);
}

#[test]
fn the_forms_golden_firms_score_the_same_through_the_cli() {
    let (code, out, _) = score(&[
        "--questionnaire",
        "sme-digital-level",
        "--targets",
        "national-2027",
        "--format",
        "json",
        "tests/answers/form-edge-60.json",
        "tests/answers/form-trends.json",
    ]);
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    // Exactly 60 % digitalised and networked (120 of 200): the form's (40 %, 60 %] band,
    // 4.5 + 4.5 = 9 of 20 (45 %); investment 600 ÷ 1000 = exactly 60 % → 5.625 of 7.5
    // (75 %). Nothing else: 14.625, below 一级.
    assert_eq!(rows[0]["total"], 14.625);
    assert_eq!(rows[0]["level"], serde_json::Value::Null);
    assert_eq!(
        rows[0]["dimensions"][0],
        serde_json::json!(["equipment_systems", 45.0])
    );
    assert_eq!(
        rows[0]["dimensions"][7],
        serde_json::json!(["funding", 75.0])
    );
    // Firm A of tests/sme_form_golden.rs: energy flat 3.5 (computed, its "down" ignored),
    // pass rate flat 3.5, revenue per employee up 3, cost down 3 = 13 of 20 (65 %).
    assert_eq!(rows[1]["total"], 13.0);
    assert_eq!(
        rows[1]["dimensions"][8],
        serde_json::json!(["results_trends", 65.0])
    );
}

#[test]
fn the_scenario_rule_is_a_column_beside_the_level() {
    // tests/sme_form_golden.rs::a_firm_that_passes_the_points_rule_but_not_the_scenario_rule:
    // 46.5 points → 二级; only two marked scenarios at level 2 → the rule's estimate 一级.
    let (code, out, _) = score(&[
        "--questionnaire",
        "sme-digital-level",
        "--targets",
        "national-2025",
        "--format",
        "json",
        "tests/answers/form-scenarios.json",
    ]);
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (rows[0]["level"].clone(), rows[0]["total"].clone()),
        (2.into(), 46.5.into())
    );
    let rule = &rows[0]["scenario_rule"];
    assert_eq!(rule["level"], 1);
    assert_eq!(rule["level_name"], "一级");
    assert_eq!(rule["unofficial"], true);
    assert!(
        rule["source"].as_str().unwrap().contains("非官方"),
        "{rule}"
    );
    let (_, csv, _) = score(&[
        "--questionnaire",
        "sme-digital-level",
        "--targets",
        "national-2025",
        "--format",
        "csv",
        "tests/answers/form-scenarios.json",
    ]);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].ends_with(",recommendations,scenario_rule_level,scenario_rule_level_name"),
        "{}",
        lines[0]
    );
    assert!(lines[1].ends_with(",1,一级"), "{}", lines[1]);
    // A questionnaire without the rule has neither the field nor the column.
    let (code, json, _) = score(&[
        "--questionnaire",
        "cmmm-self-diagnosis",
        "--targets",
        "national-2025",
        "--format",
        "json",
        "tests/answers/other-questionnaire.json",
    ]);
    assert_eq!(code, 0, "the CMMM file is scored");
    assert!(
        json.contains("\"total_max\":5.0") && !json.contains("scenario_rule"),
        "{json}"
    );
}
