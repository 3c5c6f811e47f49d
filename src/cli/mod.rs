//! The CLI's logic, separate from `main` so that tests can drive it with any arguments
//! and read what it prints. It does file IO, so it is not part of the pure domain.
//!
//! `args` parses the command line once; `check` and `score` run the commands; `output`
//! writes scored rows as a table, JSON or CSV; `terminal` escapes what a terminal would act on.

// Native only, never in the wasm: std's collections, sorts and parsing are right here.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod args;
mod check;
mod output;
mod score;
mod terminal;

use std::io::Write;
use std::process::ExitCode;

use args::{Command, UsageError};

const USAGE: &str = "usage:
  shuzhuan check [--lang zh|en] FILE...
      Validates questionnaire files, target profiles (first table [profile]) and benchmark
      files (first table [benchmark]). Profiles and benchmarks are checked against the
      questionnaires named on the command line and the built-in ones. Prints every error as
      file:line:col: field: message; a file that cannot be read is named on stderr and
      the others are checked. Exits 1 on any error or unreadable file, 0 when clean.

  shuzhuan score --questionnaire Q --targets T [--format table|json|csv] [--lang zh|en] ANSWERS.json...
      Scores answers files (the app's export, format in docs/scoring.md). Q is a built-in
      questionnaire id or a .toml file; T a built-in target profile id or a .toml file.
      A file that cannot be read or scored is reported by name on stderr and the rest are
      scored; the exit code is 1 if any failed.";

pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    // Messages quote files and the command line: a terminal must not act on them.
    let err = &mut terminal::SafeLines::new(err);
    match args::parse(args) {
        Ok(Command::Help) => {
            let _ = writeln!(out, "{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Check(args)) => check::check(&args, out, err),
        Ok(Command::Score(args)) => score::score(&args, out, err),
        Err(UsageError(problem)) => {
            let _ = match problem {
                Some(problem) => writeln!(err, "{problem}\n{USAGE}"),
                None => writeln!(err, "{USAGE}"),
            };
            ExitCode::from(2)
        }
    }
}
