//! The answers file: one assessment as the app exports it and the CLI scores it (JSON).
//! One reading for both: bytes (`encoding`), JSON (`json`), then each answer against
//! the questionnaire (`check`); what is wrong is data worded in one place (`problems`).
//!
//! ```json
//! { "format": "shuzhuan-answers", "format_version": 1,
//!   "questionnaire": { "id": "sme-digital-level", "version": "2024.3" },
//!   "firm": { "name": "…", "sector": "…", "size": "small", "region": "…", "respondent_role": "…" },
//!   "target_profile": "national-2025",
//!   "answers": { "values": { "equip_total": { "typed": "120" }, "network": { "selected": ["5g"] } } },
//!   "created_at": "2026-11-21T09:30:00Z", "updated_at": "2026-11-21T10:05:00Z",
//!   "round": "2025 基线", "assessed_on": "2026-11-21" }
//! ```
//!
//! `round` and `assessed_on` may be left out (files written before they existed): they
//! read as empty. An `assessed_on` that is given must be a date (`YYYY-MM-DD`).

mod check;
mod encoding;
mod json;
mod problems;

use serde::{Deserialize, Serialize};

use crate::domain::model::answers::Answers;
use crate::domain::model::firm::FirmProfile;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::record::is_iso_date;

pub use check::{check_answers, fits_as_checked};
pub use encoding::utf8_text;
pub use problems::{AnswerProblem, FileError, Unusable};

pub const FORMAT: &str = "shuzhuan-answers";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    pub format: String,
    pub format_version: u32,
    pub questionnaire: QuestionnaireRef,
    #[serde(default)]
    pub firm: FirmProfile,
    // Always written (null when absent): the stored form (`stored`, postcard) is positional.
    #[serde(default)]
    pub target_profile: Option<String>,
    pub answers: Answers,
    #[serde(default)]
    pub created_at: String,
    #[serde(default)]
    pub updated_at: String,
    /// The round of assessments this one belongs to ("2025 基线", "T1"), or empty.
    /// Last, with `assessed_on`: the stored form is positional, and `stored` reads
    /// entries written before the two by their place at the end.
    #[serde(default)]
    pub round: String,
    /// The day the firm was assessed (`YYYY-MM-DD`), or empty when not known.
    #[serde(default)]
    pub assessed_on: String,
}

impl AnswersFile {
    pub fn new(
        q: &Questionnaire,
        firm: FirmProfile,
        target_profile: Option<String>,
        answers: Answers,
        created_at: String,
        updated_at: String,
    ) -> Self {
        AnswersFile {
            format: FORMAT.to_string(),
            format_version: FORMAT_VERSION,
            questionnaire: QuestionnaireRef {
                id: q.id.clone(),
                version: q.version.clone(),
            },
            firm,
            target_profile,
            answers,
            created_at,
            updated_at,
            round: String::new(),
            assessed_on: String::new(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// An answers file as read: the file with the answers that can be used, and what was
/// wrong with the others (each left out, or for a typed number kept as typed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswersRead {
    pub file: AnswersFile,
    pub problems: Vec<AnswerProblem>,
}

/// Reads and checks an answers file for `q`: what the CLI scores, and the app imports
/// (in two steps there: `read_answers_file` in the files worker, `check_answers` once
/// the questionnaire it names is loaded).
pub fn parse_answers_file(bytes: &[u8], q: &Questionnaire) -> Result<AnswersRead, FileError> {
    read_answers_file(bytes).and_then(|read| check_answers(read, q))
}

/// Reads an answers file's bytes, before it is checked against its questionnaire
/// (which the app may have to fetch first: it is named inside): UTF-8 (a byte-order
/// mark skipped), JSON without a key given twice, of this format and version.
pub fn read_answers_file(bytes: &[u8]) -> Result<AnswersRead, FileError> {
    let text = encoding::utf8_text(bytes)?;
    let (file, problems) = json::read_json(text)?;
    if file.format != FORMAT {
        return Err(FileError::NotAnswersFile {
            format: shown(&file.format),
        });
    }
    if file.format_version != FORMAT_VERSION {
        return Err(FileError::FormatVersion {
            version: file.format_version,
            supported: FORMAT_VERSION,
        });
    }
    if !file.assessed_on.is_empty() && !is_iso_date(&file.assessed_on) {
        return Err(FileError::NotADate {
            field: "assessed_on".into(),
            value: shown(&file.assessed_on),
        });
    }
    Ok(AnswersRead { file, problems })
}

/// Text from a file, fit to show in a message: at most 60 characters (an ellipsis for
/// the rest), control and bidirectional-override characters written as `\u{…}`.
pub(crate) fn shown(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == 60 {
            out.push('…');
            break;
        }
        let bidi = matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.push_str(&format!("\\u{{{:04X}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// `shown` in double quotes, a quote inside escaped.
pub(crate) fn quoted(text: &str) -> String {
    format!("\"{}\"", shown(text).replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use crate::domain::model::answers::Answer;
    use crate::domain::model::text::Lang;

    fn quick() -> Questionnaire {
        builtin::catalogue()
            .expect("built-in files load")
            .questionnaires
            .remove(0)
    }

    /// Every form an answer takes, written by the export and read back as it was.
    #[test]
    fn export_reads_back_unchanged() {
        let q = quick();
        let mut answers = Answers::default();
        answers.set("t", Answer::Typed("12".into()));
        answers.set(
            "s",
            Answer::Selected(["a".to_string(), "b".to_string()].into()),
        );
        answers.set("n", Answer::Selected(Default::default()));
        answers.set("c", Answer::Choice("up".into()));
        answers.set("l", Answer::Level(255));
        answers.set("x", Answer::Text("“引号” \"and\" \\".into()));
        answers.set("u", Answer::Unknown);
        answers.set("a", Answer::Typed("3".into()));
        answers.set_special("a", Answer::NotApplicable);
        let file = AnswersFile {
            round: "2025 基线".into(),
            assessed_on: "2025-03-31".into(),
            ..AnswersFile::new(
                &q,
                FirmProfile::default(),
                Some("national-2025".into()),
                answers,
                "a".into(),
                "b".into(),
            )
        };
        assert!(file.to_json().contains("\"assessed_on\": \"2025-03-31\""));
        let read = read_answers_file(file.to_json().as_bytes()).expect("reads");
        assert_eq!(
            read,
            AnswersRead {
                file: file.clone(),
                problems: Vec::new()
            }
        );
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(file.to_json().as_bytes());
        assert_eq!(read_answers_file(&bom).map(|r| r.file), Ok(file));
    }

    #[test]
    fn reading_reports_where_the_json_breaks_and_checking_names_the_mismatch() {
        let q = quick();
        let broken = read_answers_file(b"{\n  \"format\": }").expect_err("not JSON");
        assert!(
            broken.text().zh.contains("第 2 行") && broken.text().get(Lang::En).contains("line 2"),
            "{broken:?}"
        );
        let other = br#"{ "format": "shuzhuan-answers", "format_version": 1, "questionnaire": { "id": "other", "version": "1" }, "answers": { "values": {} } }"#;
        let read = read_answers_file(other).expect("well-formed");
        assert_eq!(
            (read.file.round.as_str(), read.file.assessed_on.as_str()),
            ("", ""),
            "a file written before rounds and dates reads without them"
        );
        assert_eq!(
            check_answers(read, &q),
            Err(FileError::OtherQuestionnaire {
                id: "other".into(),
                expected: q.id.clone()
            })
        );
        let foreign = br#"{ "format": "other", "format_version": 1, "questionnaire": { "id": "q", "version": "1" }, "answers": { "values": {} } }"#;
        assert_eq!(
            read_answers_file(foreign),
            Err(FileError::NotAnswersFile {
                format: "other".into()
            })
        );
    }

    #[test]
    fn text_from_a_file_is_shortened_and_its_controls_written_out() {
        assert_eq!(shown("a\u{202E}b\n"), "a\\u{202E}b\\u{000A}");
        assert_eq!(shown(&"长".repeat(100)), format!("{}…", "长".repeat(60)));
        assert_eq!(quoted("say \"hi\""), "\"say \\\"hi\\\"\"");
    }
}
