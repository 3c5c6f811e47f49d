//! Reading an answers file from disk: the one place the CLI does, for `score` and
//! `rollup` alike, so that both read files as the app imports them
//! (`domain::read::answers_file`). Every message names the file.

use crate::domain::compute::upgrade::{check_and_upgrade, Upgraded};
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::Lang;
use crate::domain::read::answers_file::{read_answers_file, AnswersRead};

/// The answers file at `path`, read but not yet checked against a questionnaire (it
/// names its own: `rollup` learns from it which one to use).
pub fn read_answers(path: &str, lang: Lang) -> Result<AnswersRead, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    read_answers_file(&bytes).map_err(|e| format!("{path}: {}", e.text().get(lang)))
}

/// The file checked against `q`: its questionnaire and version, and each answer; what
/// can be used, and each answer that cannot (`problem_lines`). A file of an earlier
/// version of `q` is converted first; what changed comes with it.
pub fn check_answers(
    path: &str,
    read: AnswersRead,
    q: &Questionnaire,
    lang: Lang,
) -> Result<(AnswersRead, Option<Upgraded>), String> {
    check_and_upgrade(read, q).map_err(|e| format!("{path}: {}", e.text().get(lang)))
}

/// Each answer of `read` that cannot be used, as `file: item: value: why`.
pub fn problem_lines(path: &str, read: &AnswersRead, lang: Lang) -> Vec<String> {
    read.problems
        .iter()
        .map(|p| format!("{path}: {}", p.render(lang)))
        .collect()
}
