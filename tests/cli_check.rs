//! `shuzhuan check`: every built-in file is clean; broken files yield each error with
//! its file, line, column and field.

mod support;

use support::run_cli;

fn check(files: &[&str]) -> (i32, String) {
    let (code, out, _) = run_cli(&[&["check", "--lang", "en"], files].concat());
    (code, out)
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
fn messages_are_chinese_by_default() {
    let (_, text, _) = run_cli(&["check", "tests/broken/missing-chinese.toml"]);
    assert!(
        text.contains("questionnaire.title: 缺少中文文本（zh）"),
        "{text}"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run_cli(&["check"]).0, 2);
    assert_eq!(run_cli(&["frobnicate"]).0, 2);
}
