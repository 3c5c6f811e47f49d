//! The desk's jobs for the workers, one typed function a kind (as `app::platform::files`
//! has for the app's): each encodes its `WorkbenchJob`, runs it in the files worker (or,
//! for XLSX, the XLSX worker, started on the first export) and hands back the reply's
//! own type, or why there is none, worded (`Failure::text`). No view sees bytes of a job.

use crate::app::platform::files::{run_workbench, Failure, Work, Worker};
use crate::domain::model::text::Text;
use crate::domain::read::answers_file::QuestionnaireRef;
use crate::domain::report::table::Table;
use crate::domain::wire::batch::{BatchImported, NamedFile, Present};
use crate::domain::wire::bundle::BundleEntry;
use crate::domain::wire::formats::QuestionnaireSource;
use crate::domain::wire::workbench::{decode_done, encode_job, WorkbenchDone, WorkbenchJob};

/// Why a job has no result (the worker could not be downloaded, stopped, ran over).
pub type JobFailure = Failure;

/// For each file, the questionnaires its assessments are on, or why it cannot be read.
pub type Named = Vec<Result<Vec<QuestionnaireRef>, Text>>;

fn run<T: 'static>(
    worker: Worker,
    work: Work,
    job: &WorkbenchJob,
    expected: fn(WorkbenchDone) -> Option<T>,
    then: impl FnOnce(Result<T, Failure>) + 'static,
) {
    run_workbench(worker, work, encode_job(job), move |reply| {
        then(reply.and_then(|bytes| {
            decode_done(&bytes)
                .ok()
                .and_then(expected)
                .ok_or(Failure::Unexpected)
        }))
    });
}

fn file(done: WorkbenchDone) -> Option<Result<Vec<u8>, Text>> {
    match done {
        WorkbenchDone::File(bytes) => Some(bytes),
        _ => None,
    }
}

/// The questionnaires each file is on (what must be loaded before `import_many`).
pub fn read_many(files: Vec<NamedFile>, then: impl FnOnce(Result<Named, Failure>) + 'static) {
    run(
        Worker::Files,
        Work::Read,
        &WorkbenchJob::ReadMany { files },
        |done| match done {
            WorkbenchDone::NamedMany(named) => Some(named),
            _ => None,
        },
        then,
    );
}

/// Reads and checks many files against `questionnaires`, compared with what is saved.
pub fn import_many(
    files: Vec<NamedFile>,
    questionnaires: Vec<QuestionnaireSource>,
    present: Vec<Present>,
    then: impl FnOnce(Result<BatchImported, Failure>) + 'static,
) {
    run(
        Worker::Files,
        Work::Read,
        &WorkbenchJob::ImportMany {
            files,
            questionnaires,
            present,
        },
        |done| match done {
            WorkbenchDone::ImportedMany(batch) => Some(*batch),
            _ => None,
        },
        then,
    );
}

/// Writes assessments as one bundle file.
pub fn write_bundle(
    assessments: Vec<BundleEntry>,
    exported_at: String,
    then: impl FnOnce(Result<Result<Vec<u8>, Text>, Failure>) + 'static,
) {
    let job = WorkbenchJob::WriteBundle {
        assessments,
        exported_at,
    };
    run(Worker::Files, Work::Write, &job, file, then);
}

/// Writes a table as CSV (UTF-8 with a byte-order mark).
pub fn write_csv(
    table: Table,
    then: impl FnOnce(Result<Result<Vec<u8>, Text>, Failure>) + 'static,
) {
    run(
        Worker::Files,
        Work::Write,
        &WorkbenchJob::WriteCsv { table },
        file,
        then,
    );
}

/// Writes tables as one XLSX workbook, in the XLSX worker.
pub fn write_xlsx(
    tables: Vec<Table>,
    then: impl FnOnce(Result<Result<Vec<u8>, Text>, Failure>) + 'static,
) {
    run(
        Worker::Xlsx,
        Work::Write,
        &WorkbenchJob::WriteXlsx { tables },
        file,
        then,
    );
}
