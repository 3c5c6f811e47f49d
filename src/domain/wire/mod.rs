//! Binary formats that cross a boundary: the compiled form of checked files (build.rs →
//! browser), what localStorage holds, and the files worker's jobs and replies.

pub mod compiled;
pub mod formats;
pub mod logo;
pub mod stored;
