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
use crate::domain::read::answers_file::{
    read_answers_file, AnswersFile, AnswersRead, QuestionnaireRef,
};
use crate::domain::report::format::{assessment_count, file_count};
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
        out.push(
            read_answers_file(bytes)
                .map_err(|e| e.text())?
                .file
                .questionnaire,
        );
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

fn incoming(
    source: String,
    id: Option<String>,
    read: AnswersRead,
    upgraded: Option<Text>,
) -> Incoming {
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
                format!(
                    "{name}：第 {} 份评估（{shown}）：{}，整个文件未导入",
                    i + 1,
                    why.zh
                ),
                format!(
                    "{name}: assessment {} ({shown}): {}; nothing of the file was imported",
                    i + 1,
                    why.get(Lang::En)
                ),
            )
        })?;
        out.push(incoming(
            format!("{name} · {shown}"),
            Some(id),
            read,
            upgraded,
        ));
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

/// Every file of an import refused for one reason (the files worker could not run it).
pub fn refuse_all(files: &[NamedFile], why: &Text) -> BatchImported {
    BatchImported {
        refused: files.iter().map(|f| refused(&f.name, why)).collect(),
        ..Default::default()
    }
}

/// What an import did, as the notice says it: a sentence, and the list it introduces
/// (each file refused with why, each answer that could not be used, what converting
/// an earlier version changed). One file imported, or one refused, reads as a single
/// import always has.
pub fn import_summary(b: &BatchImported) -> (Text, Vec<Text>) {
    let nothing_else = b.unchanged.is_empty() && b.conflicts.is_empty();
    if nothing_else && b.refused.is_empty() && b.added.len() == 1 {
        return one_imported(&b.added[0]);
    }
    if nothing_else && b.added.is_empty() && b.refused.len() == 1 {
        let r = &b.refused[0];
        return (
            Text::new(format!("{}。", r.zh), format!("{}.", r.get(Lang::En))),
            Vec::new(),
        );
    }
    let mut list: Vec<Text> = b.refused.clone();
    for a in &b.added {
        list.extend(a.problems.iter().map(|p| prefixed(&a.source, p)));
        list.extend(a.upgraded.iter().map(|u| prefixed(&a.source, u)));
    }
    let mut zh: Vec<String> = Vec::new();
    let mut en: Vec<String> = Vec::new();
    let n = b.added.len();
    if n > 0 || (b.unchanged.is_empty() && b.conflicts.is_empty()) {
        zh.push(format!("已导入 {}", assessment_count(n, Lang::Zh)));
        en.push(format!("{} imported", assessment_count(n, Lang::En)));
    }
    if !b.unchanged.is_empty() {
        let n = b.unchanged.len();
        zh.push(format!(
            "{}已在本机（内容相同），未重复导入",
            assessment_count(n, Lang::Zh)
        ));
        en.push(format!(
            "{} already there with the same content, not imported again",
            assessment_count(n, Lang::En)
        ));
    }
    if !b.conflicts.is_empty() {
        let n = b.conflicts.len();
        zh.push(format!(
            "{}与本机已有的不同，请在下方选择替换或保留",
            assessment_count(n, Lang::Zh)
        ));
        en.push(format!(
            "{} differ from the ones on this device: choose below to replace or keep each",
            assessment_count(n, Lang::En)
        ));
    }
    if !b.refused.is_empty() {
        let n = b.refused.len();
        zh.push(format!("{}文件未导入", file_count(n, Lang::Zh)));
        en.push(format!("{} not imported", file_count(n, Lang::En)));
    }
    let (end_zh, end_en) = if list.is_empty() {
        ("。", ".")
    } else {
        ("：", ":")
    };
    let en_text = en.join("; ");
    let mut en_chars = en_text.chars();
    let en_text: String = en_chars
        .next()
        .map(|c| c.to_uppercase().chain(en_chars).collect())
        .unwrap_or_default();
    (
        Text::new(
            format!("{}{end_zh}", zh.join("；")),
            format!("{en_text}{end_en}"),
        ),
        list,
    )
}

fn prefixed(source: &str, t: &Text) -> Text {
    Text::new(
        format!("{source}：{}", t.zh),
        format!("{source}: {}", t.get(Lang::En)),
    )
}

/// A single file imported: its name, and each answer that could not be used.
fn one_imported(a: &Incoming) -> (Text, Vec<Text>) {
    let name = &a.source;
    let text = if a.problems.is_empty() {
        Text::new(
            format!("已将 {name} 导入为一份新的评估。"),
            format!("{name} was imported as a new assessment."),
        )
    } else {
        let n = a.problems.len();
        Text::new(
            format!("已将 {name} 导入为一份新的评估，但其中 {n} 个答案无法使用（无效的数字保留原文，其余未导入）："),
            format!("{name} was imported as a new assessment, but {n} of its answers cannot be used (invalid numbers are kept as typed, the others were left out):"),
        )
    };
    // Answers of an earlier version were converted: what that changed in the score.
    let text = match &a.upgraded {
        Some(u) => Text::new(
            format!("{}{}", text.zh, u.zh),
            format!("{} {}", text.get(Lang::En), u.get(Lang::En)),
        ),
        None => text,
    };
    (text, a.problems.clone())
}

/// What replacing saved assessments with imported ones did, as the notice says it.
pub fn replaced_summary(replaced: &[Conflict]) -> Text {
    match replaced {
        [one] => Text::new(
            format!("已用 {} 替换本机原有的评估。", one.incoming.source),
            format!(
                "The assessment on this device was replaced with {}.",
                one.incoming.source
            ),
        ),
        many => Text::new(
            format!("已替换 {}。", assessment_count(many.len(), Lang::Zh)),
            format!("{} replaced.", assessment_count(many.len(), Lang::En)),
        ),
    }
}

/// What differs between a saved assessment and the one an import would replace it
/// with, for the user to decide: "3 个答案不同；企业信息不同".
pub fn differences(present: &AnswersFile, incoming: &AnswersFile) -> Text {
    let (a, b) = (&present.answers, &incoming.answers);
    let changed = a
        .values
        .keys()
        .filter(|k| a.values.get(k) != b.values.get(k))
        .count()
        + b.values
            .keys()
            .filter(|k| a.values.get(k).is_none())
            .count();
    let mut zh: Vec<String> = Vec::new();
    let mut en: Vec<String> = Vec::new();
    if changed > 0 {
        zh.push(format!("{changed} 个答案不同"));
        en.push(if changed == 1 {
            "1 answer differs".to_string()
        } else {
            format!("{changed} answers differ")
        });
    }
    let named = [
        (
            present.firm != incoming.firm,
            "企业信息不同",
            "firm details differ",
        ),
        (
            present.round != incoming.round || present.assessed_on != incoming.assessed_on,
            "轮次或评估日期不同",
            "round or date differs",
        ),
        (
            present.target_profile != incoming.target_profile,
            "目标配置不同",
            "target profile differs",
        ),
        (
            present.questionnaire != incoming.questionnaire,
            "问卷版本不同",
            "questionnaire version differs",
        ),
    ];
    for (differs, z, e) in named {
        if differs {
            zh.push(z.to_string());
            en.push(e.to_string());
        }
    }
    if zh.is_empty() && a.set_aside != b.set_aside {
        zh.push("暂存的答案不同".into());
        en.push("answers set aside differ".into());
    }
    if zh.is_empty() {
        zh.push("开始时间不同".into());
        en.push("started at another time".into());
    }
    Text::new(zh.join("；"), en.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank() -> AnswersFile {
        let q = crate::builtin::catalogue()
            .expect("built in")
            .questionnaires
            .remove(0);
        AnswersFile::new(
            &q,
            Default::default(),
            None,
            Default::default(),
            "c".into(),
            "u".into(),
        )
    }

    fn incoming(source: &str, problems: usize) -> Incoming {
        Incoming {
            source: source.into(),
            id: None,
            file: blank(),
            problems: (0..problems)
                .map(|i| Text::new(format!("问题{i}"), format!("problem {i}")))
                .collect(),
            upgraded: None,
        }
    }

    #[test]
    fn one_file_reads_as_a_single_import_and_many_are_counted() {
        let one = BatchImported {
            added: vec![incoming("a.json", 0)],
            ..Default::default()
        };
        assert_eq!(
            import_summary(&one).0.zh,
            "已将 a.json 导入为一份新的评估。"
        );
        let refused = BatchImported {
            refused: vec![Text::new(
                "b.json：坏了，未导入",
                "b.json: broken; not imported",
            )],
            ..Default::default()
        };
        assert_eq!(
            import_summary(&refused).0.get(Lang::En),
            "b.json: broken; not imported."
        );
        let many = BatchImported {
            added: vec![incoming("a.json", 1), incoming("c.json", 0)],
            unchanged: vec!["d.json".into()],
            conflicts: Vec::new(),
            refused: refused.refused.clone(),
        };
        let (text, list) = import_summary(&many);
        assert_eq!(
            text.zh,
            "已导入 2 份评估；1 份评估已在本机（内容相同），未重复导入；1 份文件未导入："
        );
        assert_eq!(
            text.get(Lang::En),
            "2 assessments imported; 1 assessment already there with the same content, not imported again; 1 file not imported:"
        );
        let en: Vec<&str> = list.iter().map(|t| t.get(Lang::En)).collect();
        assert_eq!(en, ["b.json: broken; not imported", "a.json: problem 0"]);
        let again = BatchImported {
            unchanged: vec!["d.json".into()],
            ..Default::default()
        };
        assert_eq!(
            import_summary(&again).0.get(Lang::En),
            "1 assessment already there with the same content, not imported again."
        );
    }

    #[test]
    fn every_file_is_refused_by_name_for_one_reason() {
        let files = [
            NamedFile {
                name: "a.json".into(),
                bytes: Vec::new(),
            },
            NamedFile {
                name: "b.json".into(),
                bytes: Vec::new(),
            },
        ];
        let b = refuse_all(&files, &Text::new("读取程序出错", "the reader stopped"));
        let en: Vec<&str> = b.refused.iter().map(|t| t.get(Lang::En)).collect();
        assert_eq!(
            en,
            [
                "a.json: the reader stopped; not imported",
                "b.json: the reader stopped; not imported"
            ]
        );
    }

    #[test]
    fn replacing_is_said() {
        let conflict = |s: &str| Conflict {
            incoming: incoming(s, 0),
            present_id: "p".into(),
        };
        assert_eq!(
            replaced_summary(&[conflict("a.json")]).zh,
            "已用 a.json 替换本机原有的评估。"
        );
        assert_eq!(
            replaced_summary(&[conflict("a.json"), conflict("b.json")]).get(Lang::En),
            "2 assessments replaced."
        );
    }

    #[test]
    fn what_differs_is_named() {
        let mut a = blank();
        a.answers.set_typed("x", "1");
        a.answers.set_typed("y", "2");
        let mut b = a.clone();
        b.answers.set_typed("x", "3");
        b.answers.set_typed("z", "4");
        b.firm.name = "乙".into();
        let d = differences(&a, &b);
        assert_eq!(d.zh, "2 个答案不同；企业信息不同");
        assert_eq!(d.get(Lang::En), "2 answers differ; firm details differ");
        let mut c = a.clone();
        c.created_at = "t".into();
        assert_eq!(differences(&a, &c).get(Lang::En), "started at another time");
    }
}
