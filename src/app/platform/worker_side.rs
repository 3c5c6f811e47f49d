//! A worker's side of the job protocol `app::platform::files` speaks, shared by the
//! files worker and the XLSX worker: it posts `"ready"` once it listens; each request
//! `[id, Job]` gets `[id, Done]`, both in postcard (bytes); a job it cannot decode gets
//! empty bytes, which the app reports as an error.

use leptos::wasm_bindgen::{JsCast, JsValue};

use crate::domain::wire::compiled::encode;
use crate::domain::wire::formats::{Done, Job};

/// Answers every job with `run`, as long as the worker lives.
pub fn serve(run: fn(Job) -> Done) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
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
