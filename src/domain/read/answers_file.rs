//! The answers file: one assessment as the app exports it and the CLI scores it (JSON).
//!
//! ```json
//! { "format": "shuzhuan-answers", "format_version": 1,
//!   "questionnaire": { "id": "sme-digital-level", "version": "2024.2" },
//!   "firm": { "name": "…", "sector": "…", "size": "small", "region": "…", "respondent_role": "…" },
//!   "target_profile": "national-2025",
//!   "answers": { "values": { "equip_total": { "typed": "120" }, "network": { "selected": ["5g"] } } },
//!   "created_at": "2026-11-21T09:30:00Z", "updated_at": "2026-11-21T10:05:00Z" }
//! ```

use serde::{Deserialize, Serialize};

use crate::domain::model::answers::Answers;
use crate::domain::model::firm::FirmProfile;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::Text;

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
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Parses an answers file for `q`, refusing one for another questionnaire or version,
/// a damaged one, or one that answers items `q` does not have.
pub fn parse_answers_file(src: &str, q: &Questionnaire) -> Result<AnswersFile, Text> {
    read_answers_json(src).and_then(|file| check_answers_file(file, q))
}

/// Reads the JSON of an answers file, before it is checked against its questionnaire
/// (which the app may have to fetch first: it is named inside).
pub fn read_answers_json(src: &str) -> Result<AnswersFile, Text> {
    serde_json::from_str(src).map_err(|e| {
        Text::new(
            format!(
                "文件已损坏或不是答卷文件（第 {} 行第 {} 列：{e}）",
                e.line(),
                e.column()
            ),
            format!(
                "The file is damaged or not an answers file (line {}, column {}: {e})",
                e.line(),
                e.column()
            ),
        )
    })
}

/// Checks an answers file read by `read_answers_json` against `q`: the format, the
/// questionnaire and its version, and that every answered item exists.
pub fn check_answers_file(file: AnswersFile, q: &Questionnaire) -> Result<AnswersFile, Text> {
    if file.format != FORMAT {
        return Err(Text::new(
            format!("不是数转答卷文件（format 为“{}”）", file.format),
            format!(
                "Not a Shuzhuan answers file (format is \"{}\")",
                file.format
            ),
        ));
    }
    if file.format_version != FORMAT_VERSION {
        let v = file.format_version;
        return Err(Text::new(format!("答卷文件格式版本 {v} 不受支持（支持 {FORMAT_VERSION}）"), format!("Answers file format version {v} is not supported (this release reads {FORMAT_VERSION})")));
    }
    let QuestionnaireRef { id, version } = &file.questionnaire;
    if id != &q.id {
        return Err(Text::new(
            format!("这份答卷属于问卷“{id}”，而不是“{}”", q.id),
            format!(
                "These answers are for questionnaire \"{id}\", not \"{}\"",
                q.id
            ),
        ));
    }
    if version != &q.version {
        return Err(Text::new(
            format!("这份答卷属于问卷版本 {version}，当前问卷版本为 {}", q.version),
            format!("These answers are for version {version} of the questionnaire; this one is version {}", q.version),
        ));
    }
    let unknown: Vec<&str> = file
        .answers
        .values
        .keys()
        .filter(|k| q.item(k).is_none())
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        let list = unknown.join(", ");
        return Err(Text::new(
            format!("答卷中有问卷里不存在的题目：{list}"),
            format!("The answers name items the questionnaire does not have: {list}"),
        ));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    fn quick() -> Questionnaire {
        builtin::catalogue()
            .expect("built-in files load")
            .questionnaires
            .remove(0)
    }

    #[test]
    fn export_reads_back_unchanged() {
        let q = quick();
        let mut answers = Answers::default();
        answers.set(
            &q.items().next().expect("an item").id,
            crate::domain::model::answers::Answer::Typed("12".into()),
        );
        let file = AnswersFile::new(
            &q,
            FirmProfile::default(),
            Some("national-2025".into()),
            answers,
            "a".into(),
            "b".into(),
        );
        assert_eq!(parse_answers_file(&file.to_json(), &q), Ok(file));
    }

    #[test]
    fn reading_reports_where_the_json_breaks_and_checking_names_the_mismatch() {
        let q = quick();
        let broken = read_answers_json("{\n  \"format\": }").expect_err("not JSON");
        assert!(
            broken.zh.contains("第 2 行")
                && broken
                    .get(crate::domain::model::text::Lang::En)
                    .contains("line 2"),
            "{broken:?}"
        );
        let other = r#"{ "format": "shuzhuan-answers", "format_version": 1, "questionnaire": { "id": "other", "version": "1" }, "answers": { "values": {} } }"#;
        let file = read_answers_json(other).expect("well-formed");
        let refused = check_answers_file(file, &q).expect_err("another questionnaire");
        assert!(refused.zh.contains("“other”"), "{refused:?}");
    }
}
