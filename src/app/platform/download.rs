//! Offering text the app wrote as a file for the browser to download (the answers file
//! export; the desk's bundle, CSV and XLSX).

use gloo_file::{Blob, ObjectUrl};
use leptos::wasm_bindgen::JsCast;

/// Offers `text` as a download named `name`, of media type `mime`; the error says why
/// the browser did not allow it.
pub fn offer_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    offer(
        name,
        ObjectUrl::from(Blob::new_with_options(text, Some(mime))),
    )
}

/// Offers `bytes` as a download named `name`, of media type `mime` (a workbook, say).
pub fn offer_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    offer(
        name,
        ObjectUrl::from(Blob::new_with_options(bytes, Some(mime))),
    )
}

fn offer(name: &str, url: ObjectUrl) -> Result<(), String> {
    let link = leptos::prelude::document()
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "anchor".to_string())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // `url` is revoked when it is dropped here: the click has started the download.
    Ok(())
}
