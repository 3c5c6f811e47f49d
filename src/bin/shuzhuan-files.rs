//! The files worker, run in a Web Worker (`assets/files-worker.js` starts it): it runs
//! `domain::wire::formats` jobs (reading questionnaire TOML, reading and writing answers JSON
//! and bundles, many files imported at once, converting earlier releases' storage entries, CSV;
//! XLSX is the XLSX worker's, `src/bin/shuzhuan-xlsx.rs`). The TOML reader, the checker and the
//! JSON code live only here, so the app's first visit does not download them; the
//! worker is fetched the first time one of those jobs comes.
//!
//! Protocol: `app::platform::worker_side`.

#[cfg(target_arch = "wasm32")]
fn main() {
    shuzhuan::app::platform::worker_side::serve(shuzhuan::domain::wire::formats::run);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "shuzhuan-files is the browser app's worker: `trunk build` builds it (see README.md)."
    );
    std::process::exit(2);
}
