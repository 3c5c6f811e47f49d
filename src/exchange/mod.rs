//! What the files worker runs beyond the domain's formats: the XLSX writer
//! (rust_xlsxwriter), kept out of `domain` (which build.rs compiles, and whose
//! dependencies stay serde, serde_json, postcard, toml and plotters) and so out of the
//! app's wasm. Every other job is `domain::wire::formats::run`'s.

pub mod xlsx;

use crate::domain::model::text::Text;
use crate::domain::wire::compiled::encode;
use crate::domain::wire::formats::{self, Done, Job};
use crate::domain::wire::workbench::{self, WorkbenchDone, WorkbenchJob};

pub fn run(job: Job) -> Done {
    match job {
        Job::Workbench(bytes) => Done::Workbench(encode(
            &match postcard::from_bytes::<WorkbenchJob>(&bytes) {
                Ok(WorkbenchJob::WriteXlsx { tables }) => write_xlsx(&tables),
                Ok(other) => workbench::run(other),
                Err(_) => workbench::undecodable(),
            },
        )),
        other => formats::run(other),
    }
}

fn write_xlsx(tables: &[crate::domain::report::table::Table]) -> WorkbenchDone {
    WorkbenchDone::File(xlsx::tables_xlsx(tables).map_err(|why| {
        Text::new(
            format!("XLSX 文件无法写出（{why}）"),
            format!("the XLSX file could not be written ({why})"),
        )
    }))
}
