//! The desk's entry point: "my assessments", a second wasm the browser app loads when
//! it is first opened (`assets/desk-loader.js`), mounted into the element the app
//! provides (`shuzhuan::desk`, `domain::wire::desk`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    shuzhuan::desk::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("shuzhuan-desk is part of the browser app: `trunk build` builds it (see README.md).");
    std::process::exit(2);
}
