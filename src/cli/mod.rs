//! The CLI's logic, separate from `main` so that tests can drive it with any arguments
//! and read what it prints. It does file IO, so it is not part of the pure domain.
//!
//! `args` parses the command line once; `check` and `score` run the commands; `output`
//! writes scored rows as a table, JSON or CSV.

// Native only, never in the wasm: std's collections, sorts and parsing are right here.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod args;
mod check;
mod output;
mod score;

use std::io::Write;
use std::process::ExitCode;

use args::{Command, UsageError};

const USAGE: &str = "usage:
  shuzhuan check [--lang zh|en] FILE...
      Validates questionnaire files, target profiles (first table [profile]) and benchmark
      files (first table [benchmark]). Profiles and benchmarks are checked against the
      questionnaires named on the command line and the built-in ones. Prints every error as
      file:line:col: field: message; exits 1 on any error, 0 when clean.

  shuzhuan score --questionnaire Q --targets T [--format table|json|csv] [--lang zh|en] [--lenient] ANSWERS.json...
      Scores answers files (the app's export, format in docs/scoring.md). Q is a built-in
      questionnaire id or a .toml file; T a built-in target profile id or a .toml file.
      A file that cannot be read or scored is reported by name on stderr and the rest are
      scored; the exit code is 1 if any failed. Every answer that cannot be used (an
      invalid number, an option or level the item does not have, an answer to a computed
      or unknown item) is reported as file: item: value: why, and its file is not scored;
      with --lenient such a file is scored on the answers that can be used (the problems
      are still reported, and do not make the exit code 1).";

pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> ExitCode {
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
