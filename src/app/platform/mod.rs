//! The browser's services behind small typed functions: fetching files served beside
//! the app, the files worker, localStorage, offering a file for download, the clock; and a worker's side of the job protocol.

pub mod clock;
pub mod download;
pub mod fetch;
pub mod files;
pub mod storage;
pub mod worker_side;
