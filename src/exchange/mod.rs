//! What the files worker runs beyond the domain's formats: the XLSX writer
//! (rust_xlsxwriter), kept out of `domain` (which build.rs compiles, and whose
//! dependencies stay serde, serde_json, postcard, toml and plotters) and so out of the
//! app's wasm. Every other job is `domain::wire::formats::run`'s.

pub mod xlsx;

use crate::domain::model::text::Text;
use crate::domain::wire::formats::{self, Done, Job};

pub fn run(job: Job) -> Done {
    match job {
        Job::WriteXlsx { tables } => Done::File(xlsx::tables_xlsx(&tables).map_err(|why| {
            Text::new(
                format!("XLSX 文件无法写出（{why}）"),
                format!("the XLSX file could not be written ({why})"),
            )
        })),
        other => formats::run(other),
    }
}
