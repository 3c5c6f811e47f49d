//! Many files imported at once through the files worker's jobs (postcard both ways, as
//! the browser sends them): answers files and bundles mixed, an assessment already on
//! the device skipped or reported as a conflict, a file of another questionnaire or an
//! unknown version refused by name, a bundle never half-imported.

mod support;

use shuzhuan::domain::model::firm::FirmProfile;
use shuzhuan::domain::model::questionnaire::Questionnaire;
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::read::answers_file::AnswersFile;
use shuzhuan::domain::wire::batch::{BatchImported, NamedFile, Present};
use shuzhuan::domain::wire::bundle::{write_bundle, BundleEntry};
use shuzhuan::domain::wire::compiled::encode;
use shuzhuan::domain::wire::formats::QuestionnaireSource;
use shuzhuan::domain::wire::workbench::{WorkbenchDone, WorkbenchJob};
use support::{assessed_file, builtin, run_workbench_job, QUICK_A, QUICK_B, QUICK_C};

fn file(q: &Questionnaire, name: &str, created: &str, spec: &str) -> AnswersFile {
    let firm = FirmProfile {
        name: name.into(),
        ..Default::default()
    };
    let (mut file, _) = assessed_file(q, "national-2025", firm, spec);
    file.created_at = created.into();
    file.updated_at = created.into();
    file
}

fn named(name: &str, text: String) -> NamedFile {
    NamedFile {
        name: name.into(),
        bytes: text.into_bytes(),
    }
}

fn import(files: Vec<NamedFile>, present: Vec<Present>) -> BatchImported {
    let quick = builtin("headline-quick");
    let WorkbenchDone::ImportedMany(batch) = run_workbench_job(WorkbenchJob::ImportMany {
        files,
        questionnaires: vec![QuestionnaireSource::Compiled(encode(&quick))],
        present,
    }) else {
        panic!("imported")
    };
    *batch
}

fn en(texts: &[shuzhuan::domain::model::text::Text]) -> Vec<String> {
    texts.iter().map(|t| t.get(Lang::En).to_string()).collect()
}

#[test]
fn a_mix_of_files_is_sorted_into_added_unchanged_conflicts_and_refused() {
    let q = builtin("headline-quick");
    let sme = builtin("sme-digital-level");
    let a = file(&q, "甲机械", "2026-01-05T08:00:00.000Z", QUICK_A);
    let b = file(&q, "乙铸造", "2026-01-06T08:00:00.000Z", QUICK_B);
    let c = file(&q, "丙电子", "2026-01-07T08:00:00.000Z", QUICK_C);
    // On the device already: A as it is (saved again later: only `updated_at` differs),
    // and B with other answers.
    let mut a_saved = a.clone();
    a_saved.updated_at = "2026-02-01T00:00:00.000Z".into();
    let b_saved = file(&q, "乙铸造", "2026-01-06T08:00:00.000Z", QUICK_C);
    let present = vec![
        Present {
            id: "p-a".into(),
            file: a_saved,
        },
        Present {
            id: "p-b".into(),
            file: b_saved,
        },
    ];
    let mut unknown_version = c.clone();
    unknown_version.questionnaire.version = "0.1".into();
    let other = file(&sme, "丁制造", "2026-01-08T08:00:00.000Z", "");
    let batch = import(
        vec![
            named("a.json", a.to_json()),
            named("b.json", b.to_json()),
            named("c.json", c.to_json()),
            // The same file chosen twice: the second is recognised as the first.
            named("c-copy.json", c.to_json()),
            named("old.json", unknown_version.to_json()),
            named("sme.json", other.to_json()),
            named("notes.txt", "not json".into()),
        ],
        present,
    );
    assert_eq!(batch.added.len(), 1);
    assert_eq!(
        (batch.added[0].source.as_str(), batch.added[0].id.as_ref()),
        ("c.json", None)
    );
    assert_eq!(batch.added[0].file, c);
    assert_eq!(batch.unchanged, ["a.json", "c-copy.json"]);
    assert_eq!(batch.conflicts.len(), 1);
    assert_eq!(batch.conflicts[0].present_id, "p-b");
    assert_eq!(batch.conflicts[0].incoming.file, b);
    let refused = en(&batch.refused);
    assert_eq!(refused.len(), 3, "{refused:?}");
    assert!(
        refused[0].starts_with("old.json: ") && refused[0].contains("0.1"),
        "{refused:?}"
    );
    assert!(refused[0].ends_with("; not imported"));
    assert!(
        refused[1].starts_with("sme.json: ") && refused[1].contains("sme-digital-level"),
        "{refused:?}"
    );
    assert!(refused[2].starts_with("notes.txt: "), "{refused:?}");
    assert!(batch.refused[0].zh.ends_with("，未导入"));
}

#[test]
fn a_bundle_round_trips_through_the_worker_and_is_recognised_when_imported_again() {
    let q = builtin("headline-quick");
    let entries = vec![
        BundleEntry {
            id: "1-a".into(),
            file: file(&q, "甲机械", "t1", QUICK_A),
        },
        BundleEntry {
            id: "1-b".into(),
            file: file(&q, "", "t2", QUICK_B),
        },
    ];
    let WorkbenchDone::File(Ok(bytes)) = run_workbench_job(WorkbenchJob::WriteBundle {
        assessments: entries.clone(),
        exported_at: "2026-12-02T10:00:00Z".into(),
    }) else {
        panic!("written")
    };
    let bundle = NamedFile {
        name: "全部评估.json".into(),
        bytes,
    };
    let WorkbenchDone::NamedMany(on) = run_workbench_job(WorkbenchJob::ReadMany {
        files: vec![bundle.clone()],
    }) else {
        panic!("named")
    };
    assert_eq!(on, [Ok(vec![entries[0].file.questionnaire.clone()])]);

    let first = import(vec![bundle.clone()], Vec::new());
    assert_eq!(
        first
            .added
            .iter()
            .map(|a| (a.source.as_str(), a.id.as_deref()))
            .collect::<Vec<_>>(),
        [
            ("全部评估.json · 甲机械", Some("1-a")),
            ("全部评估.json · 1-b", Some("1-b"))
        ]
    );
    assert_eq!(
        first.added[1].file, entries[1].file,
        "imported back exactly"
    );

    // Imported again onto the device that has them: nothing added, both counted.
    let present: Vec<Present> = entries
        .iter()
        .map(|e| Present {
            id: e.id.clone(),
            file: e.file.clone(),
        })
        .collect();
    let again = import(vec![bundle], present.clone());
    assert!(again.added.is_empty() && again.conflicts.is_empty());
    assert_eq!(again.unchanged.len(), 2);

    // One of them changed since on another device: a conflict for that one only.
    let mut changed = entries.clone();
    changed[1].file.firm.region = "江苏省泰州市".into();
    let newer = named("newer.json", write_bundle(&changed, "t"));
    let third = import(vec![newer], present);
    assert_eq!(third.unchanged, ["newer.json · 甲机械"]);
    assert_eq!(third.conflicts.len(), 1);
    assert_eq!(third.conflicts[0].present_id, "1-b");
}

#[test]
fn a_bundle_with_one_unusable_assessment_is_refused_whole() {
    let q = builtin("headline-quick");
    let sme = builtin("sme-digital-level");
    let entries = vec![
        BundleEntry {
            id: "1".into(),
            file: file(&q, "甲机械", "t1", QUICK_A),
        },
        // Not loaded for this import: the questionnaire is not on the device.
        BundleEntry {
            id: "2".into(),
            file: file(&sme, "丁制造", "t2", ""),
        },
    ];
    let batch = import(
        vec![named("mixed.json", write_bundle(&entries, "t"))],
        Vec::new(),
    );
    assert!(batch.added.is_empty(), "never half of a bundle");
    assert_eq!(
        en(&batch.refused),
        ["mixed.json: assessment 2 (丁制造): the answers are for questionnaire \"sme-digital-level\", which is not on this device; nothing of the file was imported"]
    );
    assert_eq!(
        batch.refused[0].zh,
        "mixed.json：第 2 份评估（丁制造）：答卷所用的问卷“sme-digital-level”不在本机，整个文件未导入"
    );
}
