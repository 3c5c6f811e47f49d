//! The command-line tool. `shuzhuan check FILE...` validates questionnaires and target
//! profiles and prints every error as `file:line:col: field: message`.

use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    shuzhuan::cli::run(&args, &mut out, &mut err)
}

#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    ExitCode::FAILURE
}
