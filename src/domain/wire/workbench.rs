//! The consultant's jobs for the files worker: many files imported at once, a bundle
//! written, a table as CSV or tables as XLSX. They cross inside `formats::Job::Workbench`
//! and `formats::Done::Workbench` as postcard bytes of their own, so that only the code
//! asking for them (the consultant's views) carries their codecs, never the app's wasm.

use serde::{Deserialize, Serialize};

use super::batch::{import_batch, questionnaires_named, BatchImported, NamedFile, Present};
use super::bundle::{write_bundle, BundleEntry};
use super::compiled::encode;
use super::csv::table_csv;
use super::formats::{questionnaire_of, QuestionnaireSource};
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::Text;
use crate::domain::read::answers_file::QuestionnaireRef;
use crate::domain::report::table::Table;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WorkbenchJob {
    /// The questionnaires each of many files (answers files, bundles) is on, which the
    /// app then loads for `ImportMany`.
    ReadMany { files: Vec<NamedFile> },
    /// Import many files against those questionnaires, compared with the assessments
    /// saved (`batch`).
    ImportMany {
        files: Vec<NamedFile>,
        questionnaires: Vec<QuestionnaireSource>,
        present: Vec<Present>,
    },
    /// Write assessments as one bundle file (JSON).
    WriteBundle {
        assessments: Vec<BundleEntry>,
        exported_at: String,
    },
    /// Write a table as CSV (UTF-8 with a byte-order mark).
    WriteCsv { table: Table },
    /// Write tables as one XLSX workbook, a sheet each: run by the XLSX worker
    /// (`exchange::run_xlsx`), where the XLSX writer is (the domain has no XLSX code).
    WriteXlsx { tables: Vec<Table> },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WorkbenchDone {
    /// For each file of `ReadMany`, in order.
    NamedMany(Vec<Result<Vec<QuestionnaireRef>, Text>>),
    ImportedMany(Box<BatchImported>),
    /// A file to download (a bundle, CSV, XLSX), or why it could not be written.
    File(Result<Vec<u8>, Text>),
}

/// A job the worker could not decode (from another release of the app).
pub fn undecodable() -> WorkbenchDone {
    WorkbenchDone::File(Err(Text::new(
        "文件处理请求无法识别",
        "the request to the files worker was not understood",
    )))
}

pub fn run(job: WorkbenchJob) -> WorkbenchDone {
    match job {
        WorkbenchJob::ReadMany { files } => WorkbenchDone::NamedMany(
            files
                .iter()
                .map(|f| questionnaires_named(&f.bytes))
                .collect(),
        ),
        WorkbenchJob::ImportMany {
            files,
            questionnaires,
            present,
        } => {
            // A questionnaire that cannot be read leaves its files "not on this device".
            let questionnaires: Vec<Questionnaire> = questionnaires
                .into_iter()
                .filter_map(|source| questionnaire_of(source).ok())
                .collect();
            WorkbenchDone::ImportedMany(Box::new(import_batch(&files, &questionnaires, &present)))
        }
        WorkbenchJob::WriteBundle {
            assessments,
            exported_at,
        } => WorkbenchDone::File(Ok(write_bundle(&assessments, &exported_at).into_bytes())),
        WorkbenchJob::WriteCsv { table } => WorkbenchDone::File(Ok(table_csv(&table).into_bytes())),
        WorkbenchJob::WriteXlsx { .. } => WorkbenchDone::File(Err(Text::new(
            "此处不能写 XLSX 文件",
            "XLSX files are not written here",
        ))),
    }
}

/// `run` on an encoded job, its reply encoded.
pub fn run_encoded(bytes: &[u8]) -> Vec<u8> {
    encode(&postcard::from_bytes(bytes).map_or_else(|_| undecodable(), run))
}

/// The job as `formats::Job::Workbench` carries it.
pub fn encode_job(job: &WorkbenchJob) -> Vec<u8> {
    encode(job)
}

/// The reply inside `formats::Done::Workbench`.
pub fn decode_done(bytes: &[u8]) -> Result<WorkbenchDone, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("{e}"))
}
