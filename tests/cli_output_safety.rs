//! What the CLI prints from hostile files: control and bidi characters reach the terminal
//! escaped (check's errors, score's table and messages), CSV cells a spreadsheet would run
//! as formulas are neutralised, JSON stays exact; `check` reports every file it is given
//! even when some cannot be read.

use std::path::PathBuf;
mod support;

use support::run_cli;

/// A fresh folder for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("shuzhuan-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> (i32, String, String) {
    run_cli(args)
}

/// An answers file for the SME questionnaire with nothing answered and this firm name
/// (a JSON string literal's content).
fn answers_named(json_name: &str) -> String {
    format!(
        r#"{{
  "format": "shuzhuan-answers",
  "format_version": 1,
  "questionnaire": {{ "id": "sme-digital-level", "version": "2024.3" }},
  "firm": {{ "name": "{json_name}" }},
  "answers": {{ "values": {{}} }},
  "created_at": "2026-11-21T09:30:00Z",
  "updated_at": "2026-11-21T09:30:00Z"
}}"#
    )
}

const SCORE: [&str; 5] = [
    "score",
    "--questionnaire",
    "sme-digital-level",
    "--targets",
    "national-2025",
];

#[test]
fn a_firm_name_that_would_clear_the_screen_or_reverse_text_is_escaped_in_the_table() {
    let dir = scratch("table");
    let file = dir.join("firm.json");
    // ESC [2J clears the screen; U+202E reverses what follows; BEL rings.
    std::fs::write(&file, answers_named(r"A\u001b[2J\u202eB\u0007")).unwrap();
    let mut args = SCORE.to_vec();
    args.extend(["--lang", "en", file.to_str().unwrap()]);
    let (code, out, _) = run(&args);
    assert_eq!(code, 0);
    assert!(out.contains(r"A\u{1b}[2J\u{202e}B\u{7}"), "{out}");
    assert!(!out.contains(['\u{1b}', '\u{202e}', '\u{7}']), "{out:?}");
}

#[test]
fn a_firm_name_starting_with_a_formula_is_inert_in_csv_and_exact_in_json() {
    let dir = scratch("csv");
    let file = dir.join("firm.json");
    std::fs::write(&file, answers_named(r#"=HYPERLINK(\"http://evil\",\"x\")"#)).unwrap();
    let path = file.to_str().unwrap();
    let mut args = SCORE.to_vec();
    args.extend(["--format", "csv", path]);
    let (code, out, _) = run(&args);
    assert_eq!(code, 0);
    let row = out.lines().nth(1).unwrap();
    assert!(
        row.contains(r#","'=HYPERLINK(""http://evil"",""x"")","#),
        "{row}"
    );
    let mut args = SCORE.to_vec();
    args.extend(["--format", "json", path]);
    let (_, out, _) = run(&args);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows[0]["firm"], r#"=HYPERLINK("http://evil","x")"#);
}

#[test]
fn check_escapes_what_it_quotes_from_the_file() {
    let dir = scratch("check");
    let file = dir.join("q.toml");
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/broken/invalid-id.toml"
    ))
    .unwrap();
    // The same broken file with an escape sequence and a bidi override in a key.
    let hostile = src.replacen(
        "[questionnaire]",
        "[questionnaire]\n\"x\\u001b]0;pwned\\u0007\\u2066\" = 1",
        1,
    );
    std::fs::write(&file, hostile).unwrap();
    let (code, out, _) = run(&["check", "--lang", "en", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains(r"x\u{1b}]0;pwned\u{7}\u{2066}"), "{out}");
    assert!(!out.contains(['\u{1b}', '\u{7}', '\u{2066}']), "{out:?}");
}

#[test]
fn check_reports_every_file_even_when_some_cannot_be_read() {
    let (code, out, err) = run(&[
        "check",
        "--lang",
        "en",
        "tests/no-such-file.toml",
        "tests/broken/missing-field.toml",
        "tests/also-missing.toml",
        "questionnaires/sme-digital-level.toml",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("tests/no-such-file.toml: cannot read"),
        "{err}"
    );
    assert!(
        err.contains("tests/also-missing.toml: cannot read"),
        "{err}"
    );
    assert!(out.contains("tests/broken/missing-field.toml:"), "{out}");
    assert!(
        err.ends_with("error(s) in 2 file(s) checked, 2 file(s) could not be read\n"),
        "{err}"
    );
    // Unreadable files alone fail the check too.
    let (code, _, err) = run(&[
        "check",
        "tests/no-such-file.toml",
        "questionnaires/sme-digital-level.toml",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.ends_with("0 error(s) in 1 file(s) checked, 1 file(s) could not be read\n"),
        "{err}"
    );
}
