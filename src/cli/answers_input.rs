//! Reading an answers file from disk: the one place the CLI does, for `score` and
//! `rollup` alike, so that both read files the same way. Every message names the file.

use crate::domain::compute::upgrade::{check_and_upgrade, Upgraded};
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::Lang;
use crate::domain::read::answers_file::{read_answers_json, AnswersFile};

/// The answers file at `path`, read but not yet checked against a questionnaire (it
/// names its own: `rollup` learns from it which one to use).
pub fn read_answers(path: &str, lang: Lang) -> Result<AnswersFile, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    read_answers_json(&src).map_err(|m| format!("{path}: {}", m.get(lang)))
}

/// The file checked against `q`: its format, questionnaire and version, its items. A file
/// of an earlier version of `q` is converted first; what changed comes with it.
pub fn check_answers(
    path: &str,
    file: AnswersFile,
    q: &Questionnaire,
    lang: Lang,
) -> Result<(AnswersFile, Option<Upgraded>), String> {
    check_and_upgrade(file, q).map_err(|m| format!("{path}: {}", m.get(lang)))
}
