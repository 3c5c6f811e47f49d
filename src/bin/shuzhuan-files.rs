//! The files worker, run in a Web Worker (`assets/files-worker.js` starts it): it runs
//! `domain::wire::formats` jobs (reading questionnaire TOML, reading and writing answers JSON
//! and bundles, many files imported at once, converting earlier releases' storage entries, CSV;
//! XLSX is the XLSX worker's, `src/bin/shuzhuan-xlsx.rs`). The TOML reader, the checker and the
//! JSON code live only here, so the app's first visit does not download them; the
//! worker is fetched the first time one of those jobs comes.
//!
//! Protocol: it posts `"ready"` once it listens; each request `[id, Job]` gets
//! `[id, Done]`, both in postcard (bytes). A job it cannot decode gets empty bytes,
//! which the app reports as an error.

#[cfg(target_arch = "wasm32")]
fn main() {
    use shuzhuan::domain::wire::compiled::encode;
    use shuzhuan::domain::wire::formats::{run, Job};
    use wasm_bindgen::{JsCast, JsValue};

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    // It listens as long as the worker lives.
    gloo_events::EventListener::new(&scope, "message", move |event| {
        let event: &web_sys::MessageEvent = event.unchecked_ref();
        let request: js_sys::Array = event.data().unchecked_into();
        let job = postcard::from_bytes::<Job>(&js_sys::Uint8Array::new(&request.get(1)).to_vec());
        let done = job.map(|job| encode(&run(job))).unwrap_or_default();
        let reply = js_sys::Array::of2(&request.get(0), &js_sys::Uint8Array::from(&done[..]));
        let _ = replies.post_message(&reply);
    })
    .forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "shuzhuan-files is the browser app's worker: `trunk build` builds it (see README.md)."
    );
    std::process::exit(2);
}
