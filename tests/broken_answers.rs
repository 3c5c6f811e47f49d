//! The corpus of broken answers files: each `tests/broken_answers/NAME.json` has a
//! `NAME.expect` beside it, whose first line says whether `shuzhuan score --lenient`
//! scores it (`lenient: scored` or `lenient: failed`) and whose other lines are exactly
//! what `shuzhuan score` prints on stderr for it (before the "N scored, M failed" line).
//! A file is named by its problem; `cmmm-*` files are for the CMMM questionnaire. Then
//! what the app and the CLI keep of a file with problems, and random input: an error
//! or a value, never a panic.

// A native test: std's sort and parsing are right here.
#![allow(clippy::disallowed_methods)]

mod support;

use proptest::prelude::*;
use shuzhuan::domain::model::questionnaire::Questionnaire;
use shuzhuan::domain::read::answers_file::{
    check_answers, parse_answers_file, read_answers_file, AnswersRead,
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/broken_answers");

fn score(file: &str, lenient: bool) -> (i32, String, Vec<String>) {
    let q = if file.contains("/cmmm-") {
        "cmmm-self-diagnosis"
    } else {
        "sme-digital-level"
    };
    let mut args = vec![
        "score",
        "--lang",
        "en",
        "--format",
        "csv",
        "--questionnaire",
        q,
        "--targets",
        "national-2025",
    ];
    if lenient {
        args.push("--lenient");
    }
    args.push(file);
    let (code, out, err) = support::run_cli(&args);
    (code, out, err.lines().map(str::to_string).collect())
}

#[test]
fn every_broken_answers_file_yields_exactly_its_expected_messages() {
    let mut files: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    assert!(files.len() >= 27, "the corpus covers every problem");
    for file in files {
        let name = format!("tests/broken_answers/{file}");
        let expect = std::fs::read_to_string(format!("{DIR}/{}", file.replace(".json", ".expect")))
            .unwrap_or_else(|_| panic!("{name} has no .expect"));
        let mut lines = expect.lines();
        let lenient_scores = match lines.next() {
            Some("lenient: scored") => true,
            Some("lenient: failed") => false,
            other => panic!("{name}: first line {other:?}"),
        };
        let expected: Vec<String> = lines.map(str::to_string).collect();

        let (code, out, mut printed) = score(&name, false);
        let summary = printed.pop().unwrap_or_default();
        assert_eq!(printed, expected, "{name}");
        let clean = expected.is_empty();
        assert_eq!(code, if clean { 0 } else { 1 }, "{name}");
        assert_eq!(
            summary,
            if clean {
                "1 scored, 0 failed"
            } else {
                "0 scored, 1 failed"
            },
            "{name}"
        );
        assert_eq!(
            out.lines().count(),
            if clean { 2 } else { 1 },
            "{name}: {out}"
        );

        let (code, out, mut printed) = score(&name, true);
        let summary = printed.pop().unwrap_or_default();
        assert_eq!(printed, expected, "{name} (lenient)");
        assert_eq!(code, if lenient_scores { 0 } else { 1 }, "{name} (lenient)");
        let scored = if lenient_scores {
            "1 scored, 0 failed"
        } else {
            "0 scored, 1 failed"
        };
        assert_eq!(summary, scored, "{name} (lenient)");
        assert_eq!(
            out.lines().count(),
            if lenient_scores { 2 } else { 1 },
            "{name} (lenient)"
        );
    }
}

fn sme() -> &'static Questionnaire {
    static SME: std::sync::OnceLock<Questionnaire> = std::sync::OnceLock::new();
    SME.get_or_init(|| {
        shuzhuan::builtin::catalogue()
            .unwrap()
            .questionnaires
            .into_iter()
            .find(|q| q.id == "sme-digital-level")
            .unwrap()
    })
}

fn read(file: &str) -> AnswersRead {
    let bytes = std::fs::read(format!("{DIR}/{file}")).unwrap();
    parse_answers_file(&bytes, sme()).unwrap()
}

/// What can be used is kept: the known option of a multi-select, and a number typed
/// wrong as its text (the form shows it with its error); the rest is left out.
#[test]
fn what_can_be_used_is_kept() {
    let ticked = read("unknown-ticked-option.json");
    let network = ticked.file.answers.selected("network").unwrap();
    assert_eq!(network.iter().collect::<Vec<_>>(), ["shopfloor"]);
    assert_eq!(
        read("number-negative.json")
            .file
            .answers
            .typed("equip_total"),
        "-3"
    );
    assert_eq!(
        read("unknown-option.json")
            .file
            .answers
            .get("system_coverage"),
        None
    );
    assert_eq!(
        read("computed-item.json")
            .file
            .answers
            .get("equip_digital_ratio"),
        None
    );
    // Only unknown options ticked: unanswered, not "none of these".
    let only_unknown = br#"{ "format": "shuzhuan-answers", "format_version": 1,
        "questionnaire": { "id": "sme-digital-level", "version": "2024.3" },
        "answers": { "values": { "network": { "selected": ["6g"] } } } }"#;
    let read = parse_answers_file(only_unknown, sme()).unwrap();
    assert_eq!(read.file.answers.get("network"), None);
    assert_eq!(read.problems.len(), 1);
}

/// A valid file the mutations start from: every form of answer.
fn valid() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/answers/mixed-firm.json"
    ))
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Random bytes: an error or a value, never a panic.
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(read) = read_answers_file(&bytes) {
            let _ = check_answers(read, sme());
        }
    }

    /// A valid file with bytes replaced, inserted or removed at random places.
    #[test]
    fn mutated_files_never_panic(edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<u8>()), 1..8)) {
        let mut bytes = valid().into_bytes();
        for (at, how, byte) in edits {
            let i = at.index(bytes.len() + 1);
            match how {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ if i < bytes.len() => { bytes.remove(i); }
                _ => {}
            }
        }
        let _ = parse_answers_file(&bytes, sme());
    }

    /// Answer values swapped for random JSON-ish text: reported per item or as a
    /// damaged file, never a panic; what is kept fits its item.
    #[test]
    fn random_answer_values_are_reported_not_fatal(value in "[\\[\\]{}\":,a-z0-9 .\\-٣１]{0,24}") {
        let file = valid().replace("{ \"typed\": \"200\" }", &value);
        if let Ok(read) = parse_answers_file(file.as_bytes(), sme()) {
            for (id, _) in read.file.answers.values.iter() {
                prop_assert!(sme().item(id).is_some(), "{} kept", id);
            }
        }
    }
}
