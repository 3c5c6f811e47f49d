//! The pure domain, laid out as the pipeline runs: files are **read** into raw structs
//! and **check**ed into the **model**; answers are **compute**d into an assessment; the
//! **report** turns it into display rows (the charts draw those). **wire** holds the
//! binary formats (compiled files, saved entries, the files worker's jobs); **util** the
//! small collections and sort the rest share. Nothing here does IO or depends on the web.

pub mod compute;
pub mod model;
pub mod read;
pub mod report;
pub mod util;
pub mod wire;
