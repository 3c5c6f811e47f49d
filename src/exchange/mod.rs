//! What the XLSX worker runs (`src/bin/shuzhuan-xlsx.rs`): the XLSX writer
//! (rust_xlsxwriter), kept out of `domain` (which build.rs compiles, and whose
//! dependencies stay serde, serde_json, postcard, toml and plotters), out of the app's
//! wasm and out of the files worker, so that only a consultant's first XLSX export
//! downloads it. Every other job is `domain::wire::formats::run`'s, in the files worker.

pub mod xlsx;

use crate::domain::model::text::Text;
use crate::domain::report::table::Table;
use crate::domain::wire::compiled::encode;
use crate::domain::wire::formats::{self, Done, Job};
use crate::domain::wire::workbench::{self, WorkbenchDone, WorkbenchJob};

/// Every job, the XLSX one included, as the two workers between them run it (the CLI
/// and the native tests).
pub fn run(job: Job) -> Done {
    match job {
        Job::Workbench(bytes) => match postcard::from_bytes::<WorkbenchJob>(&bytes) {
            Ok(WorkbenchJob::WriteXlsx { tables }) => workbench_done(&write_xlsx(&tables)),
            Ok(_) | Err(_) => formats::run(Job::Workbench(bytes)),
        },
        other => formats::run(other),
    }
}

/// What the XLSX worker runs: `WorkbenchJob::WriteXlsx`, any other job refused (it has
/// none of their code).
pub fn run_xlsx(job: Job) -> Done {
    let done = match job {
        Job::Workbench(bytes) => match postcard::from_bytes::<WorkbenchJob>(&bytes) {
            Ok(WorkbenchJob::WriteXlsx { tables }) => write_xlsx(&tables),
            _ => workbench::undecodable(),
        },
        _ => workbench::undecodable(),
    };
    workbench_done(&done)
}

fn workbench_done(done: &WorkbenchDone) -> Done {
    Done::Workbench(encode(done))
}

fn write_xlsx(tables: &[Table]) -> WorkbenchDone {
    WorkbenchDone::File(xlsx::tables_xlsx(tables).map_err(|why| {
        Text::new(
            format!("XLSX 文件无法写出（{why}）"),
            format!("the XLSX file could not be written ({why})"),
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::table::Cell;

    fn reply(done: Done) -> WorkbenchDone {
        let Done::Workbench(bytes) = done else {
            panic!("a workbench reply")
        };
        workbench::decode_done(&bytes).expect("decodes")
    }

    /// The XLSX worker writes workbooks and nothing else; the files worker, the
    /// reverse.
    #[test]
    fn each_worker_runs_its_own_jobs() {
        let table = Table {
            name: "t".into(),
            headings: vec!["a".into()],
            rows: vec![vec![Cell::Count(3)]],
        };
        let xlsx = Job::Workbench(workbench::encode_job(&WorkbenchJob::WriteXlsx {
            tables: vec![table.clone()],
        }));
        let csv = Job::Workbench(workbench::encode_job(&WorkbenchJob::WriteCsv { table }));
        let WorkbenchDone::File(Ok(book)) = reply(run_xlsx(xlsx.clone())) else {
            panic!("written")
        };
        assert_eq!(&book[..2], b"PK");
        assert_eq!(reply(run_xlsx(csv.clone())), workbench::undecodable());
        assert!(
            matches!(reply(formats::run(xlsx)), WorkbenchDone::File(Err(_))),
            "no XLSX in the files worker"
        );
        let WorkbenchDone::File(Ok(text)) = reply(formats::run(csv)) else {
            panic!("csv")
        };
        assert!(text.starts_with("\u{FEFF}".as_bytes()));
    }
}
