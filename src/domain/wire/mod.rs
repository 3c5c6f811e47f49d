//! Binary formats that cross a boundary: the compiled form of checked files (build.rs →
//! browser), what localStorage holds, and the files worker's jobs and replies.

pub mod batch;
pub mod bundle;
pub mod compiled;
pub mod csv;
pub mod formats;
pub mod stored;
pub mod workbench;
