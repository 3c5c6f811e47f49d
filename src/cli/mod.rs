//! The CLI's logic, separate from `main` so that tests can drive it with any arguments
//! and read what it prints. It does file IO, so it is not part of the pure domain.
//!
//! `args` parses the command line once; `check`, `score` and `rollup` run the commands,
//! `answers_input` reads an answers file for both of the last two; `output` writes scored
//! rows as a table or JSON, `score_data` as CSV or JSON Lines (docs/data.md),
//! `rollup_output` the roll-up; `terminal` escapes what a terminal would act on.

// Native only, never in the wasm: std's collections, sorts and parsing are right here.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod answers_input;
mod args;
mod check;
mod output;
mod rollup;
mod rollup_output;
mod score;
mod score_data;
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

  shuzhuan score --questionnaire Q --targets T [--format table|json|jsonl|csv] [--lang zh|en] [--lenient] ANSWERS.json...
      Scores answers files (the app's export, format in docs/scoring.md). Q is a built-in
      questionnaire id or a .toml file; T a built-in target profile id or a .toml file.
      The csv and jsonl columns are described in docs/data.md.
      A file that cannot be read or scored is reported by name on stderr and the rest are
      scored; the exit code is 1 if any failed. Every answer that cannot be used (an
      invalid number, an option or level the item does not have, an answer to a computed
      or unknown item) is reported as file: item: value: why, and its file is not scored;
      with --lenient such a file is scored on the answers that can be used (the problems
      are still reported, and do not make the exit code 1).

  shuzhuan rollup [--profile P] [--questionnaire Q] [--format table|json|csv] [--lang zh|en] [--lenient] FILE|FOLDER...
      Rolls many firms' answers files up into a portfolio's figures: per indicator the
      firms' mean, the value weighted by the underlying counts (sum of numerators over
      sum of denominators) and the share of firms meeting P's target; the distribution of
      levels and the share at level 2 or above. A folder stands for its .json files. P is
      a target profile id or .toml file (default national-2025); Q, when not given, is the
      built-in questionnaire the first readable file names. Files are read and checked as
      score reads them. Files for another questionnaire or version, or that cannot be
      read, are left out and named on stderr. A file with answers that cannot be used is
      rolled up on the others, and each answer left out is reported as
      file: item: value: why; the last line counts what was left out. The exit code is 1
      if any file or answer was left out (with --lenient, answers left out do not make
      it 1). Files are streamed: memory does not grow with their number. Columns of json
      and csv: docs/data.md.";

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
        Ok(Command::Rollup(args)) => rollup::rollup(&args, out, err),
        Err(UsageError(problem)) => {
            let _ = match problem {
                Some(problem) => writeln!(err, "{problem}\n{USAGE}"),
                None => writeln!(err, "{USAGE}"),
            };
            ExitCode::from(2)
        }
    }
}
