//! The corpus of broken files: each file in tests/broken/ lists, in `# expect:` lines at
//! its top, every error `shuzhuan check` must print for it (line:col: field: message),
//! and nothing else may be printed. Every error the checker words (`CheckError`,
//! `ShapeError`) is produced by at least one of them; a file is named by its error.

// A native test: std's sort is right here.
#![allow(clippy::disallowed_methods)]

mod support;

use support::run_cli;

#[test]
fn every_broken_file_yields_exactly_its_expected_errors() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/broken");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 81, "the corpus covers every error class");
    for path in files {
        let src = std::fs::read_to_string(&path).unwrap();
        let name = format!(
            "tests/broken/{}",
            path.file_name().unwrap().to_str().unwrap()
        );
        let expected: Vec<String> = src
            .lines()
            .filter_map(|l| l.strip_prefix("# expect:"))
            .map(|e| format!("{name}:{e}"))
            .collect();
        assert!(!expected.is_empty(), "{name} lists no expected error");
        let (code, out, _) = run_cli(&["check", "--lang", "en", &name]);
        assert_eq!(code, 1, "{name} must fail the check");
        let printed: Vec<String> = out.lines().map(str::to_string).collect();
        assert_eq!(printed, expected, "{name}");
    }
}
