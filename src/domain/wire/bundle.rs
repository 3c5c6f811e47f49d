//! The bundle: many assessments in one file (JSON), what "export all" writes and an
//! import reads back exactly. Each assessment is its id and its answers file, written
//! and read as a file of its own would be (`read_answers_file`: duplicate keys refused,
//! each answer read on its own), so a bundle holds nothing an answers file could not.
//!
//! ```json
//! { "format": "shuzhuan-bundle", "format_version": 1, "exported_at": "2026-12-02T10:00:00Z",
//!   "assessments": [ { "id": "1764669600000-000042", "file": { "format": "shuzhuan-answers", … } } ] }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::domain::model::text::{Lang, Text};
use crate::domain::read::answers_file::utf8_text;
use crate::domain::read::answers_file::{read_answers_file, AnswersFile, AnswersRead, FileError};

pub const BUNDLE_FORMAT: &str = "shuzhuan-bundle";
pub const BUNDLE_VERSION: u32 = 1;

/// One assessment of a bundle: the id it is saved under, and its answers file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BundleEntry {
    pub id: String,
    pub file: AnswersFile,
}

#[derive(Serialize)]
struct BundleOut<'a> {
    format: &'a str,
    format_version: u32,
    exported_at: &'a str,
    assessments: &'a [BundleEntry],
}

/// The bundle's JSON (pretty, like an answers file: a person may read it).
pub fn write_bundle(entries: &[BundleEntry], exported_at: &str) -> String {
    serde_json::to_string_pretty(&BundleOut {
        format: BUNDLE_FORMAT,
        format_version: BUNDLE_VERSION,
        exported_at,
        assessments: entries,
    })
    .unwrap_or_default()
}

/// Why a bundle cannot be read. Nothing of such a bundle is imported.
#[derive(Clone, Debug, PartialEq)]
pub enum BundleError {
    /// Not UTF-8 text, not JSON, or JSON of another shape.
    File(FileError),
    FormatVersion {
        version: u32,
        supported: u32,
    },
    /// The `index`th assessment (from 1), saved as `id`, cannot be read.
    Entry {
        index: usize,
        id: String,
        error: FileError,
    },
    /// Two assessments under one id: which one is meant is unknown.
    DuplicateId {
        id: String,
    },
}

impl BundleError {
    pub fn text(&self) -> Text {
        match self {
            BundleError::File(e) => e.text(),
            BundleError::FormatVersion { version, supported } => Text::new(
                format!("评估包格式版本为 {version}，本版本只能读取版本 {supported}"),
                format!("the bundle is of format version {version}; this release reads version {supported}"),
            ),
            BundleError::Entry { index, id, error } => {
                let why = error.text();
                Text::new(
                    format!("第 {index} 份评估（{id}）：{}", why.zh),
                    format!("assessment {index} ({id}): {}", why.get(Lang::En)),
                )
            }
            BundleError::DuplicateId { id } => Text::new(
                format!("评估 {id} 出现了两次，无法确定以哪一份为准"),
                format!("assessment {id} is in it twice; which one is meant is unknown"),
            ),
        }
    }
}

#[derive(Deserialize)]
struct Head {
    format: String,
}

/// Whether `bytes` is a bundle (by its `format`), as opposed to an answers file or
/// anything else, which the answers-file reader then reads and words.
pub fn is_bundle(bytes: &[u8]) -> bool {
    utf8_text(bytes)
        .ok()
        .and_then(|text| serde_json::from_str::<Head>(text).ok())
        .is_some_and(|h| h.format == BUNDLE_FORMAT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BundleIn<'a> {
    #[allow(dead_code)]
    format: String,
    format_version: u32,
    #[serde(default)]
    #[allow(dead_code)]
    exported_at: String,
    #[serde(borrow)]
    assessments: Vec<EntryIn<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryIn<'a> {
    id: String,
    #[serde(borrow)]
    file: &'a RawValue,
}

/// Where a JSON error inside an entry is in the whole bundle: `base` is the line and
/// column the entry's text starts at.
fn in_bundle(e: FileError, (line0, col0): (usize, usize)) -> FileError {
    let shift = |line: usize, column: usize| {
        if line == 1 {
            (line0, col0 + column - 1)
        } else {
            (line0 + line - 1, column)
        }
    };
    match e {
        FileError::Damaged {
            line,
            column,
            detail,
        } => {
            let (line, column) = shift(line, column);
            FileError::Damaged {
                line,
                column,
                detail,
            }
        }
        FileError::DuplicateKey { key, line, column } => {
            let (line, column) = shift(line, column);
            FileError::DuplicateKey { key, line, column }
        }
        other => other,
    }
}

/// Line and column (from 1, in characters) of byte `offset` of `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Reads a bundle: every assessment's answers file read as a file of its own (not yet
/// checked against its questionnaire). An error in any of them refuses the whole bundle.
pub fn read_bundle(bytes: &[u8]) -> Result<Vec<(String, AnswersRead)>, BundleError> {
    let text = utf8_text(bytes).map_err(BundleError::File)?;
    // The shape, with JSON errors where they are.
    let damaged = |e: serde_json::Error| {
        BundleError::File(FileError::Damaged {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })
    };
    let bundle: BundleIn = serde_json::from_str(text).map_err(damaged)?;
    if bundle.format_version != BUNDLE_VERSION {
        return Err(BundleError::FormatVersion {
            version: bundle.format_version,
            supported: BUNDLE_VERSION,
        });
    }
    let mut out: Vec<(String, AnswersRead)> = Vec::with_capacity(bundle.assessments.len());
    for (i, entry) in bundle.assessments.iter().enumerate() {
        if out.iter().any(|(id, _)| *id == entry.id) {
            return Err(BundleError::DuplicateId {
                id: entry.id.clone(),
            });
        }
        let raw = entry.file.get();
        // The raw text is a slice of the bundle's, so its place in it is known.
        let offset = raw.as_ptr() as usize - text.as_ptr() as usize;
        let read = read_answers_file(raw.as_bytes()).map_err(|e| BundleError::Entry {
            index: i + 1,
            id: entry.id.clone(),
            error: in_bundle(e, line_column(text, offset)),
        })?;
        out.push((entry.id.clone(), read));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::answers::{Answer, Answers};
    use crate::domain::model::firm::FirmProfile;
    use crate::domain::read::answers_file::{QuestionnaireRef, FORMAT, FORMAT_VERSION};
    use crate::domain::util::sorted_map::SortedSet;
    use proptest::prelude::*;

    fn answer() -> impl Strategy<Value = Answer> {
        let text = "\\PC{0,12}";
        prop_oneof![
            text.prop_map(Answer::Typed),
            proptest::collection::vec("[a-z_]{1,8}", 0..4)
                .prop_map(|o| Answer::Selected(o.into_iter().collect::<SortedSet>())),
            "[a-z_]{1,8}".prop_map(Answer::Choice),
            // Level 0 is no level: an answers file with one is refused (json.rs).
            (1..=u8::MAX).prop_map(Answer::Level),
            text.prop_map(Answer::Text),
            Just(Answer::NotApplicable),
            Just(Answer::Unknown),
        ]
    }

    fn file() -> impl Strategy<Value = AnswersFile> {
        let s = "\\PC{0,16}";
        (
            (s, s, s, s, s),
            proptest::option::of("[a-z0-9-]{1,12}"),
            proptest::collection::vec(("[a-z_]{1,10}", answer()), 0..6),
            proptest::collection::vec(("[a-z_]{1,10}", answer()), 0..2),
            (s, s, "[a-z-]{1,12}", "[0-9.]{1,6}"),
            (s, proptest::option::of((2000u32..2100, 1u32..13, 1u32..29))),
        )
            .prop_map(
                |(
                    (name, sector, size, region, role),
                    profile,
                    values,
                    aside,
                    (c, u, qid, qv),
                    (round, date),
                )| {
                    let mut answers = Answers::default();
                    for (id, a) in values {
                        answers.values.insert(id, a);
                    }
                    for (id, a) in aside {
                        answers.set_aside.insert(id, a);
                    }
                    AnswersFile {
                        format: FORMAT.into(),
                        format_version: FORMAT_VERSION,
                        questionnaire: QuestionnaireRef {
                            id: qid,
                            version: qv,
                        },
                        firm: FirmProfile {
                            name,
                            sector,
                            size,
                            region,
                            respondent_role: role,
                        },
                        target_profile: profile,
                        answers,
                        // A date given must be a day of the calendar: one, or empty.
                        created_at: c,
                        updated_at: u,
                        round,
                        assessed_on: date
                            .map_or_else(String::new, |(y, m, d)| format!("{y}-{m:02}-{d:02}")),
                    }
                },
            )
    }

    proptest! {
        /// Whatever the assessments hold, a bundle gives them back exactly, in order.
        #[test]
        fn a_bundle_reads_back_what_was_written(
            files in proptest::collection::vec(file(), 0..5),
            exported_at in "\\PC{0,10}",
        ) {
            let entries: Vec<BundleEntry> = files
                .into_iter()
                .enumerate()
                .map(|(i, file)| BundleEntry { id: format!("id-{i}"), file })
                .collect();
            let json = write_bundle(&entries, &exported_at);
            prop_assert!(is_bundle(json.as_bytes()));
            let read = read_bundle(json.as_bytes()).expect("reads back");
            let back: Vec<BundleEntry> = read
                .into_iter()
                .map(|(id, r)| {
                    assert!(r.problems.is_empty(), "{:?}", r.problems);
                    BundleEntry { id, file: r.file }
                })
                .collect();
            prop_assert_eq!(back, entries);
        }
    }

    fn one(id: &str) -> BundleEntry {
        BundleEntry {
            id: id.into(),
            file: AnswersFile {
                format: FORMAT.into(),
                format_version: FORMAT_VERSION,
                questionnaire: QuestionnaireRef {
                    id: "headline-quick".into(),
                    version: "1.0.0".into(),
                },
                firm: FirmProfile::default(),
                target_profile: None,
                answers: Answers::default(),
                created_at: String::new(),
                updated_at: String::new(),
                round: String::new(),
                assessed_on: String::new(),
            },
        }
    }

    #[test]
    fn a_broken_bundle_is_refused_whole_and_says_where() {
        let json = write_bundle(&[one("a"), one("b")], "t");
        // The second file of an unknown format version: the bundle is refused, naming it.
        let mut newer_file = one("b");
        newer_file.file.format_version = 7;
        let broken = write_bundle(&[one("a"), newer_file], "t");
        let err = read_bundle(broken.as_bytes()).unwrap_err();
        assert!(
            matches!(err, BundleError::Entry { index: 2, .. }),
            "{err:?}"
        );
        assert!(
            err.text().zh.starts_with("第 2 份评估（b）："),
            "{:?}",
            err.text()
        );

        let twice = json.replace("\"id\": \"b\"", "\"id\": \"a\"");
        assert_eq!(
            read_bundle(twice.as_bytes()),
            Err(BundleError::DuplicateId { id: "a".into() })
        );

        let newer = json.replacen("\"format_version\": 1", "\"format_version\": 2", 1);
        assert_eq!(
            read_bundle(newer.as_bytes())
                .unwrap_err()
                .text()
                .get(Lang::En),
            "the bundle is of format version 2; this release reads version 1"
        );

        // A key twice inside an entry's file: located in the bundle, not in the entry.
        let dup = json.replacen(
            "\"created_at\": \"\",",
            "\"created_at\": \"\", \"created_at\": \"\",",
            1,
        );
        let line = dup
            .lines()
            .position(|l| l.contains("\"created_at\": \"\", \"created_at\""))
            .unwrap()
            + 1;
        match read_bundle(dup.as_bytes()) {
            Err(BundleError::Entry {
                error: FileError::DuplicateKey { line: l, .. },
                ..
            }) => assert_eq!(l, line),
            other => panic!("{other:?}"),
        }
        assert!(
            !is_bundle(one("a").file.to_json().as_bytes()),
            "an answers file"
        );
        assert!(!is_bundle(b"\xff\xfe"));
    }
}
