//! The XLSX worker, run in a Web Worker (`assets/xlsx-worker.js` starts it): it writes a
//! consultant's tables as an XLSX workbook (`exchange::run_xlsx`, rust_xlsxwriter). It
//! is its own wasm, apart from the files worker, so that neither the first visit nor a
//! file imported downloads the XLSX writer: the desk starts it on the first XLSX
//! export (`desk::jobs`).
//!
//! Protocol, as the files worker's: it posts `"ready"` once it listens; each request
//! `[id, Job]` gets `[id, Done]`, both in postcard (bytes).

#[cfg(target_arch = "wasm32")]
fn main() {
    use shuzhuan::domain::wire::compiled::encode;
    use shuzhuan::domain::wire::formats::Job;
    use shuzhuan::exchange::run_xlsx;
    use wasm_bindgen::{JsCast, JsValue};

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    // It listens as long as the worker lives.
    gloo_events::EventListener::new(&scope, "message", move |event| {
        let event: &web_sys::MessageEvent = event.unchecked_ref();
        let request: js_sys::Array = event.data().unchecked_into();
        let job = postcard::from_bytes::<Job>(&js_sys::Uint8Array::new(&request.get(1)).to_vec());
        let done = job.map(|job| encode(&run_xlsx(job))).unwrap_or_default();
        let reply = js_sys::Array::of2(&request.get(0), &js_sys::Uint8Array::from(&done[..]));
        let _ = replies.post_message(&reply);
    })
    .forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("shuzhuan-xlsx is the browser app's XLSX worker: `trunk build` builds it (see README.md).");
    std::process::exit(2);
}
