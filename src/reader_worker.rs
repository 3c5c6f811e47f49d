//! The questionnaire reader, run in a Web Worker (`assets/reader-worker.js` starts it):
//! it turns a TOML file into its checked, compiled form (`domain::compiled`). The TOML
//! reader and the checker live only here, so the app's first visit does not download
//! them; the worker is fetched the first time a consultant opens a questionnaire file.
//!
//! Protocol: it posts `"ready"` once it listens; each request `[id, file name, text]`
//! gets `[id, Result<Questionnaire, Vec<LoadError>> compiled]` (bytes).

#[cfg(target_arch = "wasm32")]
fn main() {
    use shuzhuan::domain::{compiled::encode, load::load_questionnaire};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let request: js_sys::Array = event.data().unchecked_into();
            let name = request.get(1).as_string().unwrap_or_default();
            let source = request.get(2).as_string().unwrap_or_default();
            let result = load_questionnaire(&name, &source);
            let reply = js_sys::Array::of2(
                &request.get(0),
                &js_sys::Uint8Array::from(&encode(&result)[..]),
            );
            let _ = replies.post_message(&reply);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // It listens as long as the worker lives.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "shuzhuan-reader is the browser app's worker: `trunk build` builds it (see README.md)."
    );
    std::process::exit(2);
}
