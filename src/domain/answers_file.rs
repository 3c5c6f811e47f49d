//! The answers file: one assessment as the app exports it and the CLI scores it (JSON).
//!
//! ```json
//! { "format": "shuzhuan-answers", "format_version": 1,
//!   "questionnaire": { "id": "sme-digital-level", "version": "2024.1" },
//!   "firm": { "name": "…", "sector": "…", "size": "small", "region": "…", "respondent_role": "…" },
//!   "target_profile": "national-2025",
//!   "answers": { "values": { "equip_total": { "typed": "120" }, "network": { "selected": ["5g"] } } },
//!   "created_at": "2026-11-21T09:30:00Z", "updated_at": "2026-11-21T10:05:00Z" }
//! ```

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::firm::FirmProfile;
use super::questionnaire::Questionnaire;
use super::text::Text;

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

/// The questionnaire an answers file is for, read before the file is checked against
/// it (the app may have to fetch that questionnaire first); None for a file that is
/// not JSON or names no questionnaire.
pub fn questionnaire_id_of(src: &str) -> Option<String> {
    // Only this field, so that reading it needs no general JSON value in the browser.
    #[derive(Deserialize)]
    struct Peek {
        questionnaire: Id,
    }
    #[derive(Deserialize)]
    struct Id {
        id: String,
    }
    serde_json::from_str::<Peek>(src)
        .ok()
        .map(|p| p.questionnaire.id)
}

/// Parses an answers file for `q`, refusing one for another questionnaire or version,
/// a damaged one, or one that answers items `q` does not have.
pub fn parse_answers_file(src: &str, q: &Questionnaire) -> Result<AnswersFile, Text> {
    let file: AnswersFile = serde_json::from_str(src).map_err(|e| {
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
    })?;
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
    use super::questionnaire_id_of;

    #[test]
    fn the_questionnaire_id_is_read_before_the_file_is_checked() {
        let file = r#"{ "format": "shuzhuan-answers", "format_version": 1, "questionnaire": { "id": "sme-digital-level", "version": "2024.1" }, "answers": { "values": {} } }"#;
        assert_eq!(
            questionnaire_id_of(file).as_deref(),
            Some("sme-digital-level")
        );
        // Whatever else is in it is checked later, against the questionnaire.
        assert_eq!(
            questionnaire_id_of(r#"{ "questionnaire": { "id": "x", "extra": 1 }, "other": [] }"#)
                .as_deref(),
            Some("x")
        );
        assert_eq!(questionnaire_id_of("not json"), None);
        assert_eq!(questionnaire_id_of(r#"{ "questionnaire": "sme" }"#), None);
        assert_eq!(questionnaire_id_of(r#"{ "answers": {} }"#), None);
    }
}
