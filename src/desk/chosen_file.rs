//! A file a user chose, read whole as bytes (`file_bytes`, for one chosen or dropped);
//! `read_chosen` clears its input, so that the same file can be chosen again.

use leptos::wasm_bindgen::JsCast;

/// Reads the first chosen file; `then` gets its name and its bytes (None: the browser
/// could not read it). Nothing happens when no file was chosen.
pub fn read_chosen(ev: leptos::ev::Event, then: impl FnOnce(String, Option<Vec<u8>>) + 'static) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    let name = file.name();
    leptos::task::spawn_local(async move {
        let bytes = file_bytes(&file).await;
        then(name, bytes);
    });
}

/// A file's bytes, read whole; None: the browser could not read it.
pub async fn file_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()
        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
}
