//! The browser's services behind small typed functions: fetching files served beside
//! the app, the files worker, localStorage, offering a file for download.

pub mod download;
pub mod fetch;
pub mod files;
pub mod storage;
