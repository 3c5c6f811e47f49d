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
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
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
    let out = Command::new(env!("CARGO_BIN_EXE_shuzhuan"))
        .args(["check", "tests/broken/missing-chinese.toml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("questionnaire.title: 缺少中文文本（zh）"),
        "{text}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_shuzhuan"))
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_shuzhuan"))
        .arg("frobnicate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
