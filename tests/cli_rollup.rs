//! `shuzhuan rollup` over the answers files of tests/answers/: the SME firms are rolled
//! up as the golden cases say, the others are left out with their reason; the same from
//! a folder; the JSON and CSV carry the unrounded figures.

mod support;

use support::{run_cli, ANSWERS_FILES};

fn rollup(args: &[&str]) -> (i32, String, String) {
    run_cli(&[&["rollup"], args].concat())
}

#[test]
fn the_sme_firms_are_rolled_up_and_the_others_left_out_by_reason() {
    let mut args = vec!["--lang", "en"];
    args.extend(ANSWERS_FILES);
    let (code, out, err) = rollup(&args);
    assert_eq!(code, 1, "some files were left out");
    // The first readable file (empty-firm.json) names the SME questionnaire. The mixed
    // firm's CNC 22/40 = 55 % is the only value; it is 二级 and the empty firm below 一级.
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0], "Manufacturing SME digital level self-assessment · National targets 2025",
        "{out}"
    );
    assert_eq!(
        lines[1],
        "2 firms, 2 of them incomplete (provisional figures)"
    );
    assert_eq!(
        lines[2],
        "Left out 3 files: 1 file for another questionnaire, 1 file for another version, 1 file unreadable"
    );
    let cnc = lines
        .iter()
        .find(|l| l.starts_with("CNC ratio of key processes"))
        .unwrap();
    assert!(
        cnc.contains("68%")
            && cnc.contains("55.0%")
            && cnc.contains("0 of 1 (0.0%)")
            && cnc.ends_with("1 of 2"),
        "{cnc}"
    );
    assert!(out.contains("Level 2 or above: 1 of 2 (50.0%)"), "{out}");
    assert!(
        err.contains("tests/answers/damaged.json: The file is damaged"),
        "{err}"
    );
    assert!(
        err.contains("tests/answers/other-questionnaire.json: These answers are for questionnaire \"cmmm-self-diagnosis\""),
        "{err}"
    );
    assert!(err.ends_with(
        "2 rolled up (2 incomplete), 3 left out (1 other questionnaire, 1 other version, 1 unreadable)\n"
    ), "{err}");
}

#[test]
fn a_folder_stands_for_its_json_files() {
    let dir = std::env::temp_dir().join(format!("shuzhuan-rollup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["mixed-firm.json", "empty-firm.json", "other-version.json"] {
        std::fs::copy(format!("tests/answers/{f}"), dir.join(f)).unwrap();
    }
    // Not an answers file by its name: not read.
    std::fs::write(dir.join("notes.txt"), "not json").unwrap();
    let (code, out, err) = rollup(&["--format", "json", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 1, "{err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["questionnaire"], "sme-digital-level");
    assert_eq!(r["profile"], "national-2025");
    assert_eq!(
        (r["firms"].as_u64(), r["incomplete"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(r["left_out"]["other_version"], 1);
    assert_eq!(r["left_out"]["unreadable"], 0);
}

#[test]
fn json_and_csv_carry_the_figures_unrounded() {
    let (code, out, _) = rollup(&[
        "--format",
        "json",
        "--profile",
        "taizhou-2025",
        "tests/answers/mixed-firm.json",
        "tests/answers/empty-firm.json",
    ]);
    assert_eq!(code, 0);
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["profile"], "taizhou-2025");
    let cnc = &r["indicators"][0];
    assert_eq!(cnc["id"], "cnc_rate");
    assert_eq!(cnc["name"], "关键工序数控化率");
    // Taizhou's 65 %: 55 % is short of it.
    assert_eq!(
        (
            &cnc["target"],
            &cnc["mean"],
            &cnc["weighted"],
            &cnc["meeting_target"]
        ),
        (
            &serde_json::json!(65.0),
            &serde_json::json!(55.0),
            &serde_json::json!(55.0),
            &serde_json::json!(0)
        )
    );
    assert_eq!(
        (&cnc["numerator_sum"], &cnc["denominator_sum"]),
        (&serde_json::json!(22.0), &serde_json::json!(40.0))
    );
    assert_eq!(
        r["levels"][1],
        serde_json::json!({"level": 2, "name": "二级", "firms": 1, "share": 50.0})
    );
    assert_eq!(r["below_first_level"], 1);
    assert_eq!(r["at_or_above"]["firms"], 1);

    let (code, out, _) = rollup(&["--format", "csv", "tests/answers/mixed-firm.json"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "measure,indicator,level,name,value");
    assert!(lines.contains(&"firms,,,,1"), "{out}");
    assert!(
        lines.contains(&"weighted,cnc_rate,,关键工序数控化率,55"),
        "{out}"
    );
    assert!(lines.contains(&"level_firms,,2,二级,1"), "{out}");
    assert!(lines.contains(&"at_or_above_share,,2,二级,100"), "{out}");
    // No value: an empty cell, never a word.
    assert!(
        lines.contains(&"mean,rd_tool_rate,,数字化研发设计工具普及率,"),
        "{out}"
    );
}

#[test]
fn nothing_to_roll_up_or_an_unknown_profile_is_an_error() {
    let (code, _, err) = rollup(&["tests/answers/damaged.json"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no answers file names a built-in questionnaire"),
        "{err}"
    );
    let (code, _, err) = rollup(&["--profile", "nope", "tests/answers/mixed-firm.json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("nope: not a built-in target profile id"),
        "{err}"
    );
    let (code, _, _) = rollup(&[]);
    assert_eq!(code, 2);
}

#[test]
fn files_before_the_first_known_questionnaire_are_counted_once_it_is_known() {
    // other-version.json names sme-digital-level 2022.1, which is not built in: until
    // mixed-firm.json names 2024.3 it cannot be told apart from a file of an unknown
    // questionnaire; then it counts as another version. The cmmm file is another questionnaire.
    let (code, out, err) = rollup(&[
        "--format",
        "json",
        "tests/answers/other-version.json",
        "tests/answers/damaged.json",
        "tests/answers/mixed-firm.json",
        "tests/answers/other-questionnaire.json",
    ]);
    assert_eq!(code, 1);
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["version"], "2024.3");
    assert_eq!(r["firms"], 1);
    assert_eq!(
        r["left_out"],
        serde_json::json!({"other_questionnaire": 1, "other_version": 1, "unreadable": 1})
    );
    assert!(
        err.contains(
            "tests/answers/other-version.json: 问卷“sme-digital-level”（版本 2022.1）不是内置问卷"
        ),
        "{err}"
    );
}

#[test]
fn a_questionnaire_file_named_with_questionnaire_is_used_for_every_file() {
    let (code, out, err) = rollup(&[
        "--questionnaire",
        "questionnaires/sme-digital-level.toml",
        "--format",
        "json",
        "tests/answers/other-questionnaire.json",
        "tests/answers/mixed-firm.json",
    ]);
    assert_eq!(code, 1, "{err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (r["questionnaire"].as_str(), r["firms"].as_u64()),
        (Some("sme-digital-level"), Some(1))
    );
    assert_eq!(r["left_out"]["other_questionnaire"], 1);
}

#[test]
fn names_from_a_questionnaire_file_are_escaped_on_the_terminal() {
    // A questionnaire whose title and first indicator name carry an escape sequence and a
    // right-to-left override: the table shows them as \u{..}, the JSON keeps them exact.
    let dir = std::env::temp_dir().join(format!("shuzhuan-rollup-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let toml = std::fs::read_to_string("questionnaires/headline-quick.toml")
        .unwrap()
        .replace(
            "title.zh = \"制造业数字化核心指标速测\"",
            "title.zh = \"速测\\u001b[2J\"",
        )
        .replace(
            "name.zh = \"关键工序数控化率\"",
            "name.zh = \"数控\\u202e率\"",
        );
    let q = dir.join("q.toml");
    std::fs::write(&q, toml).unwrap();
    let answers = r#"{ "format": "shuzhuan-answers", "format_version": 1,
        "questionnaire": { "id": "headline-quick", "version": "1.1.0" },
        "answers": { "values": { "key_processes": { "typed": "10" }, "cnc_key_processes": { "typed": "5" } } } }"#;
    let a = dir.join("a.json");
    std::fs::write(&a, answers).unwrap();
    let (q, a) = (q.to_str().unwrap(), a.to_str().unwrap());
    let (code, table, err) = rollup(&["--questionnaire", q, a]);
    let (_, json, _) = rollup(&["--questionnaire", q, "--format", "json", a]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 0, "{err}");
    assert!(
        !table.contains('\u{1b}') && !table.contains('\u{202e}'),
        "{table:?}"
    );
    assert!(table.starts_with("速测\\u{1b}[2J · "), "{table}");
    assert!(table.contains("数控\\u{202e}率"), "{table}");
    let r: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(r["indicators"][0]["name"], "数控\u{202e}率");
}

/// Each answer a file has that cannot be used is printed as `score` prints it (the
/// corpus's `.expect` lines, escaped for the terminal alike) and left out of its firm,
/// which is rolled up on the others; the last line counts them. They make the exit code
/// 1 unless `--lenient`.
#[test]
fn answers_that_cannot_be_used_are_reported_and_left_out_of_their_firms() {
    // The first file is read before the others (it names the questionnaire); the rest
    // are read on the other threads: both report.
    let files = [
        "tests/broken_answers/unknown-option.json",
        "tests/answers/mixed-firm.json",
        "tests/broken_answers/bidi-in-item-id.json",
        "tests/broken_answers/number-negative.json",
    ];
    let expected: Vec<String> = files
        .iter()
        .filter_map(|f| f.strip_suffix(".json"))
        .filter(|f| f.starts_with("tests/broken_answers/"))
        .flat_map(|f| {
            let expect = std::fs::read_to_string(format!("{f}.expect")).unwrap();
            expect
                .lines()
                .skip(1)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(expected.len(), 3);
    for lenient in [false, true] {
        let mut args = vec!["--lang", "en", "--format", "json"];
        if lenient {
            args.push("--lenient");
        }
        args.extend(files);
        let (code, out, err) = rollup(&args);
        assert_eq!(
            code,
            if lenient { 0 } else { 1 },
            "lenient {lenient}: {err}"
        );
        let r: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(r["firms"], 4, "every file is rolled up on what can be used");
        let lines: Vec<&str> = err.lines().collect();
        for line in &expected {
            assert!(lines.contains(&line.as_str()), "{line} in {err}");
        }
        assert!(!err.contains('\u{202e}'), "{err:?}");
        assert_eq!(
            lines[lines.len() - 2..],
            [
                "4 rolled up (4 incomplete), 0 left out (0 other questionnaire, 0 other version, 0 unreadable)",
                "3 answers in 3 files could not be used and were left out of their firms",
            ],
            "{err}"
        );
    }
}
