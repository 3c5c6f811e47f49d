//! `shuzhuan check FILE...`: validates questionnaires, target profiles and benchmarks.

use std::io::Write;
use std::process::ExitCode;

use crate::builtin;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::read::check::benchmark::load_benchmark;
use crate::domain::read::check::load_questionnaire;
use crate::domain::read::check::targets::load_target_profile;
use crate::domain::read::source_pos::LoadError;

use super::args::CheckArgs;
use super::terminal::terminal_safe;

#[derive(PartialEq)]
enum FileKind {
    Questionnaire,
    TargetProfile,
    Benchmark,
}

/// What a file is, by its first table header.
fn file_kind(src: &str) -> FileKind {
    match src.lines().map(str::trim).find(|l| l.starts_with('[')) {
        Some("[profile]") => FileKind::TargetProfile,
        Some("[benchmark]") => FileKind::Benchmark,
        _ => FileKind::Questionnaire,
    }
}

pub fn check(args: &CheckArgs, out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let CheckArgs { lang, files } = args;
    let mut errors: Vec<LoadError> = Vec::new();
    let mut sources = Vec::new();
    // A file that cannot be read is named, and the others are still checked.
    let mut unreadable = 0;
    for f in files {
        match std::fs::read_to_string(f) {
            Ok(src) => sources.push((f.clone(), src)),
            Err(e) => {
                let _ = writeln!(err, "{f}: cannot read: {e}");
                unreadable += 1;
            }
        }
    }
    // Questionnaires first: target profiles are checked against them.
    let mut questionnaires: Vec<Questionnaire> = Vec::new();
    for (f, src) in sources
        .iter()
        .filter(|(_, s)| file_kind(s) == FileKind::Questionnaire)
    {
        match load_questionnaire(f, src) {
            Ok(q) => questionnaires.push(q),
            Err(e) => errors.extend(e),
        }
    }
    for (f, src) in builtin::QUESTIONNAIRES {
        if let Ok(q) = load_questionnaire(f, src) {
            if !questionnaires.iter().any(|known| known.id == q.id) {
                questionnaires.push(q);
            }
        }
    }
    let refs: Vec<&Questionnaire> = questionnaires.iter().collect();
    for (f, src) in &sources {
        let result = match file_kind(src) {
            FileKind::TargetProfile => load_target_profile(f, src, &refs).err(),
            FileKind::Benchmark => load_benchmark(f, src, &refs).err(),
            FileKind::Questionnaire => None,
        };
        errors.extend(result.into_iter().flatten());
    }

    // Errors quote the files (ids, keys, values): a terminal must not act on them.
    for e in &errors {
        let _ = writeln!(out, "{}", terminal_safe(&e.render(*lang)));
    }
    let checked = sources.len();
    let _ = match (errors.len(), unreadable) {
        (0, 0) => writeln!(err, "{checked} file(s) checked, no errors"),
        (n, 0) => writeln!(err, "{n} error(s) in {checked} file(s) checked"),
        (n, u) => writeln!(
            err,
            "{n} error(s) in {checked} file(s) checked, {u} file(s) could not be read"
        ),
    };
    if errors.is_empty() && unreadable == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
