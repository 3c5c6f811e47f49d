//! The CLI's logic, separate from `main` so that tests can drive it with any arguments
//! and read what it prints. It does file IO, so it is not part of the pure domain.

mod check;
mod score;

use std::io::Write;
use std::process::ExitCode;

pub const USAGE: &str = "usage:
  shuzhuan check [--lang zh|en] FILE...
      Validates questionnaire files, target profiles (first table [profile]) and benchmark
      files (first table [benchmark]). Profiles and benchmarks are checked against the
      questionnaires named on the command line and the built-in ones. Prints every error as
      file:line:col: field: message; exits 1 on any error, 0 when clean.

  shuzhuan score --questionnaire Q --targets T [--format table|json|csv] [--lang zh|en] ANSWERS.json...
      Scores answers files (the app's export, format in docs/scoring.md). Q is a built-in
      questionnaire id or a .toml file; T a built-in target profile id or a .toml file.
      A file that cannot be read or scored is reported by name on stderr and the rest are
      scored; the exit code is 1 if any failed.";

pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    match args.first().map(String::as_str) {
        Some("check") => check::check(&args[1..], out, err),
        Some("score") => score::score(&args[1..], out, err),
        Some("-h" | "--help" | "help") => {
            let _ = writeln!(out, "{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            let _ = writeln!(err, "{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `--lang zh|en`; None for anything else.
pub(crate) fn parse_lang(arg: Option<&String>) -> Option<crate::domain::model::text::Lang> {
    match arg.map(String::as_str) {
        Some("zh") => Some(crate::domain::model::text::Lang::Zh),
        Some("en") => Some(crate::domain::model::text::Lang::En),
        _ => None,
    }
}
