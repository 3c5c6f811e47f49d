//! Importing many files at once (answers files and bundles, in any mix): each file read
//! and checked against its questionnaire as a single import is, then each assessment
//! compared with those already on the device. An assessment already there with the same
//! content is skipped and counted; one there with other content is a conflict the app
//! asks about before replacing; a file that cannot be used is refused with its name and
//! why. A bundle is imported whole or not at all: never half of it.
//!
//! An assessment is "already there" when a saved one has its id (a bundle carries the
//! ids), or — an answers file carries none — was started at the same moment
//! (`created_at`, set once when an assessment is started; a duplicate gets its own) on
//! the same questionnaire for a firm of the same name.

use serde::{Deserialize, Serialize};

use super::bundle::{is_bundle, read_bundle};
use crate::domain::compute::upgrade::check_and_upgrade;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::{Lang, Text};
use crate::domain::read::answers_file::{read_answers_file, AnswersFile, AnswersRead, QuestionnaireRef};
use crate::domain::report::upgrade_notice;

/// A file as the user chose it: its name and bytes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A saved assessment, as the import compares it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Present {
    pub id: String,
    pub file: AnswersFile,
}

/// An assessment that can be imported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incoming {
    /// "a.json", or "portfolio.json · 甲机械" for one of a bundle's.
    pub source: String,
    /// The id a bundle gave it (kept, so that a second import recognises it); None for
    /// an answers file, which the app saves under a new id.
    pub id: Option<String>,
    pub file: AnswersFile,
    /// Answers that could not be used, worded.
    pub problems: Vec<Text>,
    /// What converting answers of an earlier version changed, worded.
    pub upgraded: Option<Text>,
}

/// An assessment already on the device with other content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub incoming: Incoming,
    /// The saved assessment it would replace.
    pub present_id: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchImported {
    pub added: Vec<Incoming>,
    /// Already there with the same content: skipped (their sources).
    pub unchanged: Vec<String>,
    pub conflicts: Vec<Conflict>,
    /// "b.json：……，未导入", one a file refused.
    pub refused: Vec<Text>,
}

/// The questionnaires a file's assessments are on, or why it cannot be read: what the
/// app loads (fetching an on-demand one) before `import_batch`.
pub fn questionnaires_named(bytes: &[u8]) -> Result<Vec<QuestionnaireRef>, Text> {
    let mut out: Vec<QuestionnaireRef> = Vec::new();
    if is_bundle(bytes) {
        for (_, read) in read_bundle(bytes).map_err(|e| e.text())? {
            if !out.contains(&read.file.questionnaire) {
                out.push(read.file.questionnaire);
            }
        }
    } else {
        out.push(read_answers_file(bytes).map_err(|e| e.text())?.file.questionnaire);
    }
    Ok(out)
}

fn refused(name: &str, why: &Text) -> Text {
    Text::new(
        format!("{name}：{}，未导入", why.zh),
        format!("{name}: {}; not imported", why.get(Lang::En)),
    )
}

fn not_on_device(id: &str) -> Text {
    Text::new(
        format!("答卷所用的问卷“{id}”不在本机"),
        format!("the answers are for questionnaire \"{id}\", which is not on this device"),
    )
}

/// Whether `p` is the assessment `id` (from a bundle) or `file` (either way) stands for.
fn same_assessment(p: &Present, id: Option<&str>, file: &AnswersFile) -> bool {
    id.is_some_and(|id| !id.is_empty() && id == p.id)
        || (!file.created_at.is_empty()
            && file.created_at == p.file.created_at
            && file.questionnaire.id == p.file.questionnaire.id
            && file.firm.name == p.file.firm.name)
}

/// The same answers, firm, profile and everything else; only when it was last saved may
/// differ (opening a file and saving it again changes nothing that was entered).
fn same_content(a: &AnswersFile, b: &AnswersFile) -> bool {
    let mut b = b.clone();
    b.updated_at = a.updated_at.clone();
    *a == b
}

/// Checks one read file against its questionnaire (converting an earlier version).
fn checked(
    read: AnswersRead,
    questionnaires: &[Questionnaire],
) -> Result<(AnswersRead, Option<Text>), Text> {
    let wanted = read.file.questionnaire.id.clone();
    let q = questionnaires
        .iter()
        .find(|q| q.id == wanted)
        .ok_or_else(|| not_on_device(&wanted))?;
    let (read, upgraded) = check_and_upgrade(read, q).map_err(|e| e.text())?;
    Ok((read, upgraded.map(|u| upgrade_notice(q, &u))))
}

fn incoming(source: String, id: Option<String>, read: AnswersRead, upgraded: Option<Text>) -> Incoming {
    Incoming {
        source,
        id,
        problems: read
            .problems
            .iter()
            .map(|p| Text::new(p.render(Lang::Zh), p.render(Lang::En)))
            .collect(),
        file: read.file,
        upgraded,
    }
}

/// The assessments of one file, all checked, or why the file is refused, worded with
/// its name (for a bundle, the first assessment that cannot be used: none of it is).
fn read_one(f: &NamedFile, questionnaires: &[Questionnaire]) -> Result<Vec<Incoming>, Text> {
    let name = f.name.as_str();
    if !is_bundle(&f.bytes) {
        let read = read_answers_file(&f.bytes).map_err(|e| refused(name, &e.text()))?;
        let (read, upgraded) = checked(read, questionnaires).map_err(|why| refused(name, &why))?;
        return Ok(vec![incoming(name.to_string(), None, read, upgraded)]);
    }
    let entries = read_bundle(&f.bytes).map_err(|e| refused(name, &e.text()))?;
    let mut out = Vec::with_capacity(entries.len());
    for (i, (id, read)) in entries.into_iter().enumerate() {
        let firm = read.file.firm.name.clone();
        let shown = if firm.is_empty() { id.clone() } else { firm };
        let (read, upgraded) = checked(read, questionnaires).map_err(|why| {
            Text::new(
                format!("{name}：第 {} 份评估（{shown}）：{}，整个文件未导入", i + 1, why.zh),
                format!(
                    "{name}: assessment {} ({shown}): {}; nothing of the file was imported",
                    i + 1,
                    why.get(Lang::En)
                ),
            )
        })?;
        out.push(incoming(format!("{name} · {shown}"), Some(id), read, upgraded));
    }
    Ok(out)
}

/// Imports `files` against the questionnaires on the device, compared with the
/// assessments already saved (`present`) and with each other.
pub fn import_batch(
    files: &[NamedFile],
    questionnaires: &[Questionnaire],
    present: &[Present],
) -> BatchImported {
    let mut out = BatchImported::default();
    // What is already there, and what this import adds, in order.
    let mut known: Vec<Present> = present.to_vec();
    for f in files {
        let assessments = match read_one(f, questionnaires) {
            Ok(a) => a,
            Err(why) => {
                out.refused.push(why);
                continue;
            }
        };
        for a in assessments {
            match known
                .iter()
                .find(|p| same_assessment(p, a.id.as_deref(), &a.file))
            {
                Some(p) if same_content(&p.file, &a.file) => out.unchanged.push(a.source),
                Some(p) => out.conflicts.push(Conflict {
                    present_id: p.id.clone(),
                    incoming: a,
                }),
                None => {
                    // Compared with later files by its bundle id, or its start time.
                    known.push(Present {
                        id: a.id.clone().unwrap_or_default(),
                        file: a.file.clone(),
                    });
                    out.added.push(a);
                }
            }
        }
    }
    out
}
