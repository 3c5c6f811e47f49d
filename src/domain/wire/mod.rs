//! Binary formats that cross a boundary: the compiled form of checked files (build.rs →
//! browser), what localStorage holds, the files worker's jobs and replies, and the
//! messages between the app and the desk.

pub mod batch;
pub mod bundle;
pub mod compiled;
pub mod csv;
pub mod desk;
pub mod formats;
pub mod logo;
pub mod stored;
pub mod workbench;
