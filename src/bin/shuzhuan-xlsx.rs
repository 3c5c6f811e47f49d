//! The XLSX worker, run in a Web Worker (`assets/xlsx-worker.js` starts it): it writes a
//! consultant's tables as an XLSX workbook (`exchange::run_xlsx`, rust_xlsxwriter). It
//! is its own wasm, apart from the files worker, so that neither the first visit nor a
//! file imported downloads the XLSX writer: the desk starts it on the first XLSX
//! export (`desk::jobs`).
//!
//! Protocol: `app::platform::worker_side`.

#[cfg(target_arch = "wasm32")]
fn main() {
    shuzhuan::app::platform::worker_side::serve(shuzhuan::exchange::run_xlsx);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "shuzhuan-xlsx is the browser app's XLSX worker: `trunk build` builds it (see README.md)."
    );
    std::process::exit(2);
}
