//! `shuzhuan check`: every built-in file is clean; broken files yield each error with
//! its file, line, column and field.

use std::process::Command;

fn check(files: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_shuzhuan"))
        .arg("check")
        .args(["--lang", "en"])
        .args(files)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run shuzhuan");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn every_built_in_file_passes() {
    let files: Vec<&str> = shuzhuan::builtin::QUESTIONNAIRES
        .iter()
        .chain(shuzhuan::builtin::TARGET_PROFILES)
        .chain([&shuzhuan::builtin::BENCHMARK])
        .map(|(f, _)| *f)
        .collect();
    assert_eq!(check(&files), (0, String::new()));
}

#[test]
fn reference_duplicate_and_missing_chinese_errors_name_their_place() {
    let (code, out) = check(&["tests/broken/bad-references.toml"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        vec![
            "tests/broken/bad-references.toml:14:13: indicators[0].numerator: refers to unknown item \"no_such_item\"",
            "tests/broken/bad-references.toml:25:1: sections[0].dimensions[0].title: Chinese text (zh) is missing",
            "tests/broken/bad-references.toml:34:6: sections[0].dimensions[0].items[1].id: duplicate id \"total\", already used at sections[0].dimensions[0].items[0].id",
        ]
    );
}

#[test]
fn a_toml_syntax_error_names_its_line() {
    let (code, out) = check(&["tests/broken/syntax.toml"]);
    assert_eq!(code, 1);
    assert!(out.contains("tests/broken/syntax.toml:4:16: (file): TOML syntax error: invalid basic string"), "{out}");
}

#[test]
fn a_target_outside_0_100_or_for_an_unknown_indicator_is_an_error() {
    let (code, out) = check(&["tests/broken/target-out-of-range.toml"]);
    assert_eq!(code, 1);
    assert!(out.contains("target-out-of-range.toml:9:12: targets.cnc_rate: target 168 is outside the percentage range 0–100"), "{out}");
    assert!(out.contains("target-out-of-range.toml:10:1: targets.no_such_indicator: no questionnaire has an indicator \"no_such_indicator\""), "{out}");
}
