//! The text formats people and earlier releases exchange with the app (questionnaire
//! TOML, answers JSON written, earlier releases' JSON storage entries; answers files and
//! bundles read: `workbench`), turned into and out of
//! the compiled form. This is what the browser's files worker runs (`src/bin/shuzhuan-files.rs`):
//! the TOML reader, the checker and the JSON code live only there, so the app's first
//! visit downloads none of them. Jobs and their results cross to and from the worker
//! in postcard (`compiled::encode`).

use serde::{Deserialize, Serialize};

use crate::domain::compute::upgrade::upgrade;
use crate::domain::model::answers::Answers;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::record::date_of;
use crate::domain::model::text::{Lang, Text};
use crate::domain::read::answers_file::AnswersFile;
use crate::domain::read::check::load_questionnaire;
use crate::domain::report::upgrade_notice;
use crate::domain::wire::compiled::decode_questionnaire;
use crate::domain::wire::compiled::ReadResult;
use crate::domain::wire::stored::{Consultant, CustomFile, Saved, Settings};
use crate::domain::wire::workbench;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Read and check a questionnaire file (TOML).
    ReadQuestionnaire { name: String, source: String },
    /// Write an answers file (JSON) for export.
    WriteAnswers { file: Box<AnswersFile> },
    /// Convert a storage entry an earlier release wrote (JSON) under `key`.
    ReadLegacyEntry { key: String, json: String },
    /// A consultant's job (`workbench::WorkbenchJob`, in postcard): many files imported,
    /// a bundle, CSV or XLSX written. Its types are encoded by the code that asks for them,
    /// so the app's own wasm carries no codec of theirs (docs/performance.md).
    Workbench(Vec<u8>),
    /// Convert the answers of a saved assessment of an earlier version of its questionnaire
    /// to the current one, as opening it does (the conversion tables and their notice are
    /// not in the app's own wasm).
    Upgrade {
        answers: Answers,
        from_version: String,
        questionnaire: QuestionnaireSource,
    },
}

// One reply at a time, moved once: a box for the questionnaire would only add code.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Done {
    Questionnaire(ReadResult),
    AnswersJson(String),
    /// None: the entry could not be read (the app sets it aside).
    LegacyEntry(Option<LegacyEntry>),
    /// A `workbench::WorkbenchDone`, in postcard.
    Workbench(Vec<u8>),
    /// The converted answers and what the conversion changed, worded; None: there is no
    /// conversion from that version (the answers are used as they are).
    Upgraded(Result<Option<(Answers, Text)>, Text>),
}

/// Where the files worker gets the questionnaire an answers file is checked against.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum QuestionnaireSource {
    /// The built-in one the worker holds too (the default).
    Builtin(String),
    /// A built-in one fetched on demand, as fetched (compiled).
    Compiled(Vec<u8>),
    /// A questionnaire file the user loaded.
    Toml { name: String, source: String },
}

/// A storage entry of an earlier release, by what its key holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LegacyEntry {
    Settings(Settings),
    CustomFiles(Vec<CustomFile>),
    Assessment(Box<Saved>),
    Consultant(Consultant),
}

/// The storage keys (`app::storage` writes them).
pub mod keys {
    pub const SETTINGS: &str = "shuzhuan.settings";
    pub const CUSTOM_FILES: &str = "shuzhuan.custom-files";
    pub const CONSULTANT: &str = "shuzhuan.consultant";
    /// The consultant's logo for the report cover (`wire::logo::Logo`), apart from any assessment.
    pub const LOGO: &str = "shuzhuan.logo";
    pub const ASSESSMENT_PREFIX: &str = "shuzhuan.assessment.";
    pub const UNREADABLE_PREFIX: &str = "shuzhuan.unreadable.";
}

pub fn run(job: Job) -> Done {
    match job {
        Job::ReadQuestionnaire { name, source } => {
            Done::Questionnaire(load_questionnaire(&name, &source))
        }
        Job::WriteAnswers { file } => Done::AnswersJson(file.to_json()),
        Job::ReadLegacyEntry { key, json } => Done::LegacyEntry(read_legacy(&key, &json)),
        Job::Workbench(bytes) => Done::Workbench(workbench::run_encoded(&bytes)),
        Job::Upgrade {
            answers,
            from_version,
            questionnaire,
        } => Done::Upgraded(questionnaire_of(questionnaire).map(|q| {
            upgrade(&q, &from_version, &answers).map(|u| {
                let notice = upgrade_notice(&q, &u);
                (u.answers, notice)
            })
        })),
    }
}

/// The questionnaire a source holds, or why it cannot be read.
pub(super) fn questionnaire_of(source: QuestionnaireSource) -> Result<Questionnaire, Text> {
    let unavailable = |why: String| {
        Text::new(
            format!("答卷所用的问卷无法读取（{why}）"),
            format!("the questionnaire of these answers cannot be read ({why})"),
        )
    };
    Ok(match source {
        QuestionnaireSource::Builtin(id) => crate::builtin::catalogue()
            .ok()
            .and_then(|c| c.questionnaires.into_iter().find(|q| q.id == id))
            .ok_or_else(|| unavailable(id))?,
        QuestionnaireSource::Compiled(bytes) => {
            decode_questionnaire(&bytes).map_err(unavailable)?
        }
        QuestionnaireSource::Toml { name, source } => {
            load_questionnaire(&name, &source).map_err(|errors| {
                unavailable(errors.first().map(|e| e.render(Lang::En)).unwrap_or(name))
            })?
        }
    })
}

fn read_legacy(key: &str, json: &str) -> Option<LegacyEntry> {
    match key {
        keys::SETTINGS => serde_json::from_str(json).ok().map(LegacyEntry::Settings),
        keys::CUSTOM_FILES => serde_json::from_str(json)
            .ok()
            .map(LegacyEntry::CustomFiles),
        // Earlier releases kept the consultant as a pair.
        keys::CONSULTANT => serde_json::from_str::<(String, String)>(json)
            .ok()
            .map(|(name, organisation)| LegacyEntry::Consultant(Consultant { name, organisation })),
        // Written before assessments had a date: the day of their last save, if known.
        _ if key.starts_with(keys::ASSESSMENT_PREFIX) => {
            serde_json::from_str::<Saved>(json).ok().map(|mut s| {
                s.file.assessed_on = date_of(&s.file.updated_at);
                LegacyEntry::Assessment(Box::new(s))
            })
        }
        _ => None,
    }
}

/// Decodes a worker's reply, rebuilding what the encoding leaves out (a questionnaire's
/// item index).
pub fn decode_done(bytes: &[u8]) -> Result<Done, String> {
    let done: Done = postcard::from_bytes(bytes).map_err(|e| format!("{e}"))?;
    Ok(match done {
        Done::Questionnaire(read) => Done::Questionnaire(read.map(Questionnaire::indexed)),
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use crate::domain::wire::batch::{BatchImported, NamedFile};
    use crate::domain::wire::compiled::encode;
    use crate::domain::wire::stored::FORMAT_VERSION;
    use crate::domain::wire::workbench::{WorkbenchDone, WorkbenchJob};

    fn round_trip(job: Job) -> Done {
        let job: Job = postcard::from_bytes(&encode(&job)).expect("a job decodes");
        decode_done(&encode(&run(job))).expect("a result decodes")
    }

    #[test]
    fn a_questionnaire_file_comes_back_checked_and_indexed() {
        let (file, src) = builtin::QUESTIONNAIRES[0];
        let Done::Questionnaire(Ok(q)) = round_trip(Job::ReadQuestionnaire {
            name: file.into(),
            source: src.into(),
        }) else {
            panic!("read")
        };
        assert_eq!(Ok(&q), load_questionnaire(file, src).as_ref());
        let first = q.items().next().expect("an item").id.clone();
        assert!(q.item(&first).is_some(), "item index rebuilt");
        let Done::Questionnaire(Err(errors)) = round_trip(Job::ReadQuestionnaire {
            name: "bad.toml".into(),
            source: "[questionnaire]\nid = 1\n".into(),
        }) else {
            panic!("errors")
        };
        assert!(errors.iter().all(|e| e.file == "bad.toml"), "{errors:?}");
    }

    #[test]
    fn answers_files_are_written_and_read_back() {
        let q = builtin::catalogue()
            .expect("built-in files load")
            .questionnaires
            .remove(0);
        let file = AnswersFile::new(
            &q,
            Default::default(),
            None,
            Default::default(),
            "a".into(),
            "b".into(),
        );
        let Done::AnswersJson(json) = round_trip(Job::WriteAnswers {
            file: Box::new(file.clone()),
        }) else {
            panic!("json")
        };
        assert!(json.contains("\"format\": \"shuzhuan-answers\""), "{json}");
        let named = |bytes: Vec<u8>| {
            let WorkbenchDone::NamedMany(mut on) = bench(WorkbenchJob::ReadMany {
                files: vec![NamedFile {
                    name: "a.json".into(),
                    bytes,
                }],
            }) else {
                panic!("named")
            };
            on.remove(0)
        };
        assert_eq!(
            named(json.clone().into_bytes()),
            Ok(vec![file.questionnaire.clone()])
        );
        let imported = import(&json, QuestionnaireSource::Builtin(q.id.clone()));
        assert_eq!(imported.added[0].file, file);
        assert!(imported.added[0].problems.is_empty() && imported.added[0].upgraded.is_none());
        let why = named(b"not json".to_vec()).expect_err("refused");
        assert!(why.get(Lang::En).contains("line 1"), "{why:?}");
    }

    fn bench(job: WorkbenchJob) -> WorkbenchDone {
        let Done::Workbench(bytes) = round_trip(Job::Workbench(workbench::encode_job(&job))) else {
            panic!("a workbench reply")
        };
        workbench::decode_done(&bytes).expect("decodes")
    }

    fn import(json: &str, source: QuestionnaireSource) -> BatchImported {
        let WorkbenchDone::ImportedMany(batch) = bench(WorkbenchJob::ImportMany {
            files: vec![NamedFile {
                name: "a.json".into(),
                bytes: json.as_bytes().to_vec(),
            }],
            questionnaires: vec![source],
            present: Vec::new(),
        }) else {
            panic!("imported")
        };
        *batch
    }

    /// The questionnaire comes compiled (fetched on demand) or as a file's TOML; each
    /// answer that cannot be used comes back worded.
    #[test]
    fn answers_are_imported_against_a_questionnaire_from_any_source() {
        let (file, src) = builtin::QUESTIONNAIRES[0];
        let q = load_questionnaire(file, src).expect("built in");
        let id = q.items().next().expect("an item").id.clone();
        let json = format!(
            r#"{{ "format": "shuzhuan-answers", "format_version": 1, "questionnaire": {{ "id": "{}", "version": "{}" }}, "answers": {{ "values": {{ "{id}": "maybe", "ghost": {{ "typed": "1" }} }} }} }}"#,
            q.id, q.version
        );
        for source in [
            QuestionnaireSource::Compiled(encode(&q)),
            QuestionnaireSource::Toml {
                name: file.into(),
                source: src.into(),
            },
        ] {
            let imported = import(&json, source).added.remove(0);
            assert!(imported.file.answers.values.is_empty());
            let en: Vec<&str> = imported.problems.iter().map(|p| p.get(Lang::En)).collect();
            assert_eq!(
                en,
                [
                    format!("{id}: \"maybe\": not an answer of a known form").as_str(),
                    "ghost: \"1\": the questionnaire has no such item"
                ]
            );
        }
        // A questionnaire that cannot be read leaves the file's "not on this device".
        let refused = import(&json, QuestionnaireSource::Compiled(vec![1, 2, 3])).refused;
        assert!(refused[0].zh.contains("不在本机"), "{refused:?}");
    }

    /// A read result crosses back errors included, and a questionnaire comes back
    /// exactly as checked.
    #[test]
    fn a_read_result_round_trips_errors_too() {
        let reply = |read: ReadResult| decode_done(&encode(&Done::Questionnaire(read)));
        let errors =
            load_questionnaire("bad.toml", "[questionnaire]\nid = 1\n").expect_err("invalid");
        assert_eq!(
            reply(Err(errors.clone())),
            Ok(Done::Questionnaire(Err(errors)))
        );
        let (file, src) = builtin::QUESTIONNAIRES[0];
        let ok: ReadResult = load_questionnaire(file, src);
        assert_eq!(reply(ok.clone()), Ok(Done::Questionnaire(ok)));
    }

    /// Entries exactly as the JSON release wrote them.
    #[test]
    fn earlier_releases_entries_are_converted_by_key() {
        let settings = r#"{"format_version":1,"lang":"en","current":"17-1"}"#;
        assert_eq!(
            read_legacy(keys::SETTINGS, settings),
            Some(LegacyEntry::Settings(Settings {
                format_version: FORMAT_VERSION,
                lang: Lang::En,
                current: Some("17-1".into())
            }))
        );
        let files = r#"[{"name":"a.toml","source":"x"}]"#;
        assert_eq!(
            read_legacy(keys::CUSTOM_FILES, files),
            Some(LegacyEntry::CustomFiles(vec![CustomFile {
                name: "a.toml".into(),
                source: "x".into()
            }]))
        );
        assert_eq!(
            read_legacy(keys::CONSULTANT, r#"["王工","某咨询"]"#),
            Some(LegacyEntry::Consultant(Consultant {
                name: "王工".into(),
                organisation: "某咨询".into()
            }))
        );
        let saved = r#"{"format_version":1,"id":"17-1","section":1,"scroll_y":12.0,"file":{"format":"shuzhuan-answers","format_version":1,"questionnaire":{"id":"headline-quick","version":"1"},"firm":{"name":"甲"},"answers":{"values":{"a":{"typed":"3"}}},"created_at":"c","updated_at":"u"}}"#;
        let Some(LegacyEntry::Assessment(s)) = read_legacy("shuzhuan.assessment.17-1", saved)
        else {
            panic!("assessment")
        };
        assert_eq!(
            (s.file.round.as_str(), s.file.assessed_on.as_str()),
            ("", ""),
            "no round, and no date where the last save's is not known"
        );
        let dated = saved.replace(
            "\"updated_at\":\"u\"",
            "\"updated_at\":\"2025-06-30T23:10:00.000Z\"",
        );
        let Some(LegacyEntry::Assessment(d)) = read_legacy("shuzhuan.assessment.17-1", &dated)
        else {
            panic!("assessment")
        };
        assert_eq!(d.file.assessed_on, "2025-06-30", "the day of the last save");
        assert_eq!(
            (
                s.id.as_str(),
                s.section,
                s.file.firm.name.as_str(),
                s.file.answers.values.len()
            ),
            ("17-1", 1, "甲", 1)
        );
        assert_eq!(read_legacy("shuzhuan.assessment.x", "{not json"), None);
        assert_eq!(read_legacy("shuzhuan.other", "{}"), None);
    }

    #[test]
    fn answers_of_an_earlier_version_come_back_converted_with_the_notice() {
        // Quick check 1.0.0 ticked 4 of its 8 listed functions: 4 of 8 since 1.1.0.
        let mut old = Answers::default();
        for f in ["finance", "sales", "hr", "quality"] {
            old.toggle("mgmt_functions_on_system", f, true);
        }
        let id = builtin::catalogue().unwrap().questionnaires[0].id.clone();
        let Done::Upgraded(Ok(Some((answers, notice)))) = round_trip(Job::Upgrade {
            answers: old.clone(),
            from_version: "1.0.0".into(),
            questionnaire: QuestionnaireSource::Builtin(id.clone()),
        }) else {
            panic!("not converted");
        };
        assert_eq!(answers.typed("mgmt_functions"), "8");
        assert_eq!(answers.typed("mgmt_functions_digital"), "4");
        assert!(notice.zh.contains("4/8"), "{}", notice.zh);
        // The current version has nothing to convert.
        let current = builtin::catalogue().unwrap().questionnaires[0]
            .version
            .clone();
        assert_eq!(
            round_trip(Job::Upgrade {
                answers: old.clone(),
                from_version: current,
                questionnaire: QuestionnaireSource::Builtin(id),
            }),
            Done::Upgraded(Ok(None))
        );
        let Done::Upgraded(Err(_)) = round_trip(Job::Upgrade {
            answers: old,
            from_version: "1.0.0".into(),
            questionnaire: QuestionnaireSource::Compiled(vec![1, 2, 3]),
        }) else {
            panic!("a questionnaire that cannot be read is said so");
        };
    }
}
