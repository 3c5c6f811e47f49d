//! The browser's services behind small typed functions: fetching files served beside
//! the app, the files worker, localStorage.

pub mod fetch;
pub mod files;
pub mod storage;
