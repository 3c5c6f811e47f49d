//! `shuzhuan score`: scores many answers files with the same rules as the app.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use super::answers_input::{check_answers, problem_lines, read_answers};
use super::args::{Format, ScoreArgs};
use super::output::{self, row, Row};
use super::score_data::{self, Cell};
use crate::builtin::{self, Catalogue};
use crate::domain::compute::assessment::assess;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
use crate::domain::model::text::Lang;
use crate::domain::read::check::load_questionnaire;
use crate::domain::read::check::targets::load_target_profile;
use crate::domain::report::upgrade_notice;

/// A built-in id, or else a file path.
pub(super) fn questionnaire(arg: &str, cat: &Catalogue) -> Result<Questionnaire, String> {
    if let Some(q) = cat.questionnaires.iter().find(|q| q.id == arg) {
        return Ok(q.clone());
    }
    let src = std::fs::read_to_string(arg)
        .map_err(|e| format!("{arg}: not a built-in questionnaire id and cannot be read: {e}"))?;
    load_questionnaire(arg, &src).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.render(Lang::En))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

pub(super) fn profile(
    arg: &str,
    cat: &Catalogue,
    q: &Questionnaire,
) -> Result<TargetProfile, String> {
    if let Some(p) = cat.profile(arg) {
        return Ok(p.clone());
    }
    let src = std::fs::read_to_string(arg)
        .map_err(|e| format!("{arg}: not a built-in target profile id and cannot be read: {e}"))?;
    let mut known: Vec<&Questionnaire> = cat.questionnaires.iter().collect();
    known.push(q);
    load_target_profile(arg, &src, &known).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.render(Lang::En))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// One file's outcome: its row and record if it was scored, and what to say about it
/// on stderr (why it could not be read, or each answer that could not be used).
struct Scored {
    row: Option<(Row, Vec<Cell>)>,
    messages: Vec<String>,
}

/// Reads, checks and scores one answers file. A file with answers that cannot be used
/// is not scored unless `lenient` (then what can be used is); either way each one is
/// reported.
fn score_one(
    f: &str,
    q: &Questionnaire,
    p: &TargetProfile,
    cat: &Catalogue,
    lang: Lang,
    lenient: bool,
) -> Scored {
    let (read, upgraded) =
        match read_answers(f, lang).and_then(|read| check_answers(f, read, q, lang)) {
            Ok(checked) => checked,
            Err(message) => {
                return Scored {
                    row: None,
                    messages: vec![message],
                }
            }
        };
    // Answers of an earlier version were converted: stderr says what that changed in the
    // score, before the answers that cannot be used.
    let problems = problem_lines(f, &read, lang);
    let scored = lenient || problems.is_empty();
    let mut messages: Vec<String> = upgraded
        .map(|u| format!("{f}: {}", upgrade_notice(q, &u).get(lang)))
        .into_iter()
        .collect();
    messages.extend(problems);
    let file = read.file;
    let row = scored.then(|| {
        let a = assess(q, &file.answers, p, &cat.benchmark, &file.firm);
        (
            row(f, q, &a, &file.firm.name, lang),
            score_data::record(f, q, &p.id, &file, &a, lang),
        )
    });
    Scored { row, messages }
}

pub fn score(args: &ScoreArgs, out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let ScoreArgs {
        questionnaire: q_arg,
        targets: t_arg,
        format,
        lang,
        lenient,
        files,
    } = args;
    let lang = *lang;
    let cat = match builtin::catalogue() {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(err, "built-in files failed to load: {e:?}");
            return ExitCode::FAILURE;
        }
    };
    let q = match questionnaire(q_arg, &cat) {
        Ok(q) => q,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return ExitCode::from(2);
        }
    };
    let p = match profile(t_arg, &cat, &q) {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return ExitCode::from(2);
        }
    };

    // Files are independent: score them on every core, then print in the order given.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len());
    let chunk = files.len().div_ceil(threads);
    let results: Vec<Scored> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                let (q, p, cat) = (&q, &p, &cat);
                scope.spawn(move || {
                    part.iter()
                        .map(|f| score_one(f, q, p, cat, lang, *lenient))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });

    let mut w = BufWriter::new(out);
    let scored: Vec<&(Row, Vec<Cell>)> = results.iter().filter_map(|r| r.row.as_ref()).collect();
    let rows: Vec<&Row> = scored.iter().map(|(row, _)| row).collect();
    let records: Vec<&[Cell]> = scored.iter().map(|(_, cells)| cells.as_slice()).collect();
    let _ = match format {
        Format::Table => output::write_table(&mut w, &rows, &q, lang),
        Format::Json => output::write_json(&mut w, &rows),
        Format::Csv => score_data::write_csv(&mut w, &q, &records),
        Format::Jsonl => score_data::write_jsonl(&mut w, &q, &records),
    };
    let _ = w.flush();
    for message in results.iter().flat_map(|r| &r.messages) {
        let _ = writeln!(err, "{message}");
    }
    let failed = results.len() - rows.len();
    let _ = writeln!(err, "{} scored, {failed} failed", rows.len());
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
