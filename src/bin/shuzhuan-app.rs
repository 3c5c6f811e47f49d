//! The browser entry point: it only starts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    shuzhuan::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("shuzhuan-app is the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
