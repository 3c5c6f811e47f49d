//! Whatever they are given, the readers answer with a value or an error, never a panic:
//! random bytes and random mutations of the built-in files to the TOML reader and the
//! checker (questionnaires, target profiles, the benchmark), random bytes to the decoder
//! of stored entries and to the decoder of compiled files (and mutations of real
//! ones), and a compiled condition nested far deeper than any file can write.
//! Hand-made broken files, one per error, are tests/broken/.

// A native test: std is right here.
#![allow(clippy::disallowed_methods)]

use proptest::prelude::*;

use shuzhuan::builtin;
use shuzhuan::domain::model::condition::{Condition, MAX_DECODED_DEPTH};
use shuzhuan::domain::model::questionnaire::Questionnaire;
use shuzhuan::domain::read::check::benchmark::load_benchmark;
use shuzhuan::domain::read::check::load_questionnaire;
use shuzhuan::domain::read::check::targets::load_target_profile;
use shuzhuan::domain::wire::compiled::{decode_catalogue, decode_questionnaire, encode};
use shuzhuan::domain::wire::stored::{
    decode_entry, entry_of_bytes, Consultant, CustomFile, Saved, Settings,
};

/// What a mutation may put into a file: the pieces of TOML and of the condition language
/// that are most likely to reach an unusual path.
const SNIPPETS: &[&str] = &[
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    "\"",
    "'",
    ",",
    ".",
    "\n",
    "#",
    "\\",
    "\"\"\"",
    "nan",
    "inf",
    "-inf",
    "1e400",
    "-0",
    "0x",
    "0xffff_ffff_ffff_ffff",
    "99999999999999999999",
    "true",
    "1979-05-27",
    "[[sections]]",
    "[[sections.dimensions]]",
    "[[sections.dimensions.items]]",
    "kind = \"ratio\"",
    "kind = \"level\"",
    "id = \"a\"",
    "visible_if = \"",
    "((((((((((((((((((((((((((((((((((",
    "not not not ",
    " and ",
    " or ",
    "answered(",
    "selected(",
    "indicator(",
    ") > ",
    " == ",
    "a.b.c.d.e.f.g",
    "\u{202e}",
    "\u{0}",
    "题",
    "\u{feff}",
];

#[derive(Clone, Debug)]
enum Mutation {
    /// Removes `len` characters at a place (a fraction of the text).
    Delete { at: f64, len: usize },
    /// Inserts a snippet.
    Insert { at: f64, snippet: usize },
    /// Repeats a line.
    DuplicateLine { at: f64 },
    /// Swaps two lines.
    SwapLines { a: f64, b: f64 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        (at.clone(), 1..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (at.clone(), 0..SNIPPETS.len()).prop_map(|(at, snippet)| Mutation::Insert { at, snippet }),
        at.clone().prop_map(|at| Mutation::DuplicateLine { at }),
        (at.clone(), at).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
    ]
}

fn index(fraction: f64, len: usize) -> usize {
    ((fraction * len as f64) as usize).min(len.saturating_sub(1))
}

fn mutate(src: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = src.chars().collect();
    for m in mutations {
        match *m {
            Mutation::Delete { at, len } => {
                let start = index(at, chars.len());
                let end = (start + len).min(chars.len());
                chars.drain(start..end);
            }
            Mutation::Insert { at, snippet } => {
                let at = index(at, chars.len() + 1);
                chars.splice(at..at, SNIPPETS[snippet].chars());
            }
            Mutation::DuplicateLine { at } | Mutation::SwapLines { a: at, .. } => {
                let text: String = chars.iter().collect();
                let mut lines: Vec<&str> = text.split('\n').collect();
                let n = index(at, lines.len());
                match *m {
                    Mutation::SwapLines { b, .. } => {
                        let k = index(b, lines.len());
                        lines.swap(n, k);
                    }
                    _ => lines.insert(n, lines[n]),
                }
                chars = lines.join("\n").chars().collect();
            }
        }
    }
    chars.into_iter().collect()
}

/// The built-in questionnaires, loaded once for every case.
fn questionnaires() -> &'static [Questionnaire] {
    static LOADED: std::sync::OnceLock<Vec<Questionnaire>> = std::sync::OnceLock::new();
    LOADED.get_or_init(|| {
        builtin::QUESTIONNAIRES
            .iter()
            .map(|(f, src)| load_questionnaire(f, src).expect("built-in files load"))
            .collect()
    })
}

/// Every reader of text files on `src`; each returns, whatever it says.
fn read_everything(src: &str, known: &[&Questionnaire]) {
    let _ = load_questionnaire("fuzz.toml", src);
    let _ = load_target_profile("fuzz.toml", src, known);
    let _ = load_benchmark("fuzz.toml", src, known);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_text_is_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let known: Vec<&Questionnaire> = questionnaires().iter().collect();
        read_everything(&String::from_utf8_lossy(&bytes), &known);
    }

    #[test]
    fn random_snippets_are_read_or_refused(
        pieces in proptest::collection::vec(0..SNIPPETS.len(), 0..80)
    ) {
        let src: String = pieces.iter().map(|&p| SNIPPETS[p]).collect();
        read_everything(&src, &[]);
    }

    #[test]
    fn mutated_questionnaires_are_read_or_refused(
        file in 0..builtin::QUESTIONNAIRES.len(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let (name, src) = builtin::QUESTIONNAIRES[file];
        let _ = load_questionnaire(name, &mutate(src, &mutations));
    }

    #[test]
    fn mutated_profiles_and_benchmarks_are_read_or_refused(
        file in 0..=builtin::TARGET_PROFILES.len(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let known: Vec<&Questionnaire> = questionnaires().iter().collect();
        let (name, src) = builtin::TARGET_PROFILES
            .get(file)
            .copied()
            .unwrap_or(builtin::BENCHMARK);
        let mutated = mutate(src, &mutations);
        let _ = load_target_profile(name, &mutated, &known);
        let _ = load_benchmark(name, &mutated, &known);
    }

    #[test]
    fn random_stored_entries_are_decoded_or_refused(
        bytes in proptest::collection::vec(any::<u8>(), 0..300),
        text in ".{0,80}",
    ) {
        let pc2 = entry_of_bytes(&bytes);
        let pc1 = format!("pc1:{}", pc2.strip_prefix("pc2:").unwrap_or(&pc2));
        for raw in [pc1, pc2, format!("pc1:{text}"), text.clone()] {
            let _ = decode_entry::<Saved>(&raw);
            let _ = decode_entry::<Settings>(&raw);
            let _ = decode_entry::<Vec<CustomFile>>(&raw);
            let _ = decode_entry::<Consultant>(&raw);
        }
    }

    #[test]
    fn random_compiled_files_are_decoded_or_refused(
        bytes in proptest::collection::vec(any::<u8>(), 0..600)
    ) {
        let _ = decode_catalogue(&bytes);
        let _ = decode_questionnaire(&bytes);
    }

    #[test]
    fn damaged_compiled_questionnaires_are_decoded_or_refused(
        file in 0..builtin::QUESTIONNAIRES.len(),
        damage in proptest::collection::vec((0.0..1.0f64, any::<u8>()), 1..8),
        cut in 0.0..1.0f64,
    ) {
        let q = &questionnaires()[file];
        let mut bytes = encode(q);
        for (at, byte) in damage {
            let i = index(at, bytes.len());
            bytes[i] = byte;
        }
        bytes.truncate(index(cut, bytes.len()) + 1);
        let _ = decode_questionnaire(&bytes);
    }
}

/// A compiled questionnaire whose first item shows if a condition `depth` levels deep
/// holds: `wrapper` (the postcard variant tag of `not`, `and` or `or`) `depth` times around
/// `answered(a)`. Written by hand, because encoding such a tree would itself recurse down it.
fn compiled_with_condition_nested(depth: usize, wrapper: u8) -> Vec<u8> {
    const MARK: &str = "NESTED-CONDITION-GOES-HERE";
    let mut q = questionnaires()[0].clone();
    q.sections[0].dimensions[0].items[0].visible_if = Some(Condition::Answered(MARK.into()));
    let bytes = encode(&q);
    // `Answered` is the enum's second variant (tag 1), then the id's length and bytes.
    let mut placeholder = vec![1, MARK.len() as u8];
    placeholder.extend_from_slice(MARK.as_bytes());
    let at = bytes
        .windows(placeholder.len())
        .position(|w| w == placeholder)
        .expect("the placeholder is in the encoding");
    let mut nested = vec![wrapper; depth];
    nested.extend_from_slice(&[1, 1, b'a']);
    [&bytes[..at], &nested[..], &bytes[at + placeholder.len()..]].concat()
}

/// A crafted compiled file (or worker reply) with a condition nested far deeper than the
/// parser allows is refused with an error; decoding it used to recurse until the stack
/// overflowed. The tree the limit allows still decodes.
#[test]
fn a_compiled_condition_nested_thousands_deep_is_refused_not_overflowed() {
    // Postcard's tags for `Not`, `And` and `Or`: the variants after the four leaves.
    for wrapper in [4u8, 5, 6] {
        let deep = compiled_with_condition_nested(100_000, wrapper);
        assert!(
            decode_questionnaire(&deep).is_err(),
            "variant {wrapper}: 100,000 deep is refused"
        );
    }
    // `not` nested as deep as the decoder allows decodes to that tree, printed in full.
    let q = decode_questionnaire(&compiled_with_condition_nested(MAX_DECODED_DEPTH, 4))
        .expect("within the limit");
    let shown = q.sections[0].dimensions[0].items[0]
        .visible_if
        .as_ref()
        .expect("the condition is there")
        .to_string();
    assert_eq!(shown.matches("not (").count(), MAX_DECODED_DEPTH);
    assert!(
        decode_questionnaire(&compiled_with_condition_nested(MAX_DECODED_DEPTH + 1, 4)).is_err()
    );
    // The refusal leaves the decoder's count as it was: the same file decodes again.
    assert!(decode_questionnaire(&compiled_with_condition_nested(MAX_DECODED_DEPTH, 4)).is_ok());
}
