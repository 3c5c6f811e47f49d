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
    for f in files {
        match std::fs::read_to_string(f) {
            Ok(src) => sources.push((f.clone(), src)),
            Err(e) => {
                let _ = writeln!(err, "{f}: cannot read: {e}");
                return ExitCode::FAILURE;
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

    for e in &errors {
        let _ = writeln!(out, "{}", e.render(*lang));
    }
    if errors.is_empty() {
        let _ = writeln!(err, "{} file(s) checked, no errors", files.len());
        ExitCode::SUCCESS
    } else {
        let _ = writeln!(
            err,
            "{} error(s) in {} file(s) checked",
            errors.len(),
            files.len()
        );
        ExitCode::FAILURE
    }
}
