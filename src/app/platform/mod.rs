//! The browser's services behind small typed functions: fetching files served beside
//! the app, the files worker, localStorage, offering a file for download, the clock.

pub mod clock;
pub mod download;
pub mod fetch;
pub mod files;
pub mod storage;
