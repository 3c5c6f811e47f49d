//! `shuzhuan score`: scores many answers files with the same rules as the app.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use super::answers_input::{check_answers_noting, read_answers};
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

/// One file scored: its table/JSON row, its CSV/JSON Lines record, and what converting an
/// earlier version changed, if it was converted.
type Scored = (Row, Vec<Cell>, Option<String>);

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

pub fn score(args: &ScoreArgs, out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let ScoreArgs {
        questionnaire: q_arg,
        targets: t_arg,
        format,
        lang,
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
    let results: Vec<Result<Scored, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                let (q, p, cat) = (&q, &p, &cat);
                scope.spawn(move || {
                    part.iter()
                        .map(|f| {
                            let (file, upgraded) = read_answers(f, lang)
                                .and_then(|file| check_answers(f, file, q, lang))?;
                            // Answers of an earlier version are converted, and stderr
                            // says what that changed in the score.
                            let notice = upgraded
                                .map(|u| format!("{f}: {}", upgrade_notice(q, &u).get(lang)));
                            let a = assess(q, &file.answers, p, &cat.benchmark, &file.firm);
                            Ok((
                                row(f, q, &a, &file.firm.name, lang),
                                score_data::record(f, q, &p.id, &file, &a, lang),
                                notice,
                            ))
                        })
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
    let scored: Vec<&Scored> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    let rows: Vec<&Row> = scored.iter().map(|(row, _, _)| row).collect();
    let records: Vec<&[Cell]> = scored
        .iter()
        .map(|(_, cells, _)| cells.as_slice())
        .collect();
    let _ = match format {
        Format::Table => output::write_table(&mut w, &rows, &q, lang),
        Format::Json => output::write_json(&mut w, &rows),
        Format::Csv => score_data::write_csv(&mut w, &q, &records),
        Format::Jsonl => score_data::write_jsonl(&mut w, &q, &records),
    };
    let _ = w.flush();
    for notice in scored.iter().filter_map(|(_, _, notice)| notice.as_ref()) {
        let _ = writeln!(err, "{notice}");
    }
    let failed: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    for f in &failed {
        let _ = writeln!(err, "{f}");
    }
    let _ = writeln!(err, "{} scored, {} failed", rows.len(), failed.len());
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
