//! Reading an answers file from disk: the one place the CLI does, for `score` and
//! `rollup` alike, so that both read files the same way. Every message names the file.

use crate::domain::compute::upgrade::check_and_upgrade;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::Lang;
use crate::domain::read::answers_file::{read_answers_json, AnswersFile};
use crate::domain::report::upgrade_notice;

/// The answers file at `path`, read but not yet checked against a questionnaire (it
/// names its own: `rollup` learns from it which one to use).
pub fn read_answers(path: &str, lang: Lang) -> Result<AnswersFile, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    read_answers_json(&src).map_err(|m| format!("{path}: {}", m.get(lang)))
}

/// The file checked against `q`: its format, questionnaire and version, its items.
/// Answers of an earlier version a conversion knows are converted.
pub fn check_answers(
    path: &str,
    file: AnswersFile,
    q: &Questionnaire,
    lang: Lang,
) -> Result<AnswersFile, String> {
    check_answers_noting(path, file, q, lang).map(|(file, _)| file)
}

/// As `check_answers`, with the notice of what a conversion from an earlier version
/// changed in the score (for stderr), where there was one.
pub fn check_answers_noting(
    path: &str,
    file: AnswersFile,
    q: &Questionnaire,
    lang: Lang,
) -> Result<(AnswersFile, Option<String>), String> {
    check_and_upgrade(file, q)
        .map(|(file, upgraded)| {
            let notice = upgraded.map(|u| format!("{path}: {}", upgrade_notice(q, &u).get(lang)));
            (file, notice)
        })
        .map_err(|m| format!("{path}: {}", m.get(lang)))
}
