//! Fetching a file served beside the app: the built-in questionnaires that the wasm
//! does not carry (`builtin::ON_DEMAND`).

use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The text of `url`, relative to the page; the error says why not (offline, 404, …).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let response = JsFuture::from(leptos::prelude::window().fetch_with_str(url)).await.map_err(describe)?;
    let response: web_sys::Response = response.dyn_into().map_err(describe)?;
    if !response.ok() {
        return Err(format!("HTTP {} {}", response.status(), response.status_text()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
    text.as_string().ok_or_else(|| "the response is not text".to_string())
}

fn describe(error: JsValue) -> String {
    error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| error.as_string()).unwrap_or_else(|| "network error".to_string())
}
