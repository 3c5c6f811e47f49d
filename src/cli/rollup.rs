//! `shuzhuan rollup`: a portfolio's figures over any number of answers files, streamed:
//! each file is read, folded into the roll-up and dropped, so memory stays bounded
//! however many there are. The files are shared out over the cores, each thread folding
//! its own partial roll-up; the parts are merged at the end (the order does not matter).

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::{mpsc, Mutex};

use super::answers_input::{check_answers, read_answers};
use super::args::RollupArgs;
use super::rollup_output;
use super::score::{profile, questionnaire};
use crate::builtin::{self, Catalogue};
use crate::domain::compute::rollup::{LeftOut, LeftOutCounts, Rollup};
use crate::domain::compute::upgrade::conversion;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::Lang;
use crate::domain::read::answers_file::{AnswersRead, QuestionnaireRef};

/// The profile a roll-up is measured against when `--profile` is not given.
pub const DEFAULT_PROFILE: &str = "national-2025";

/// The paths named on the command line, a folder standing for the `.json` files in it
/// (read as the folder lists them, never all held at once). An `Err` is a folder that
/// cannot be listed.
struct Paths<'a> {
    args: std::slice::Iter<'a, String>,
    folder: Option<(String, std::fs::ReadDir)>,
}

impl Iterator for Paths<'_> {
    type Item = Result<String, String>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((name, entries)) = &mut self.folder {
                match entries.next() {
                    Some(Ok(entry)) => {
                        let path = entry.path();
                        if path.extension().is_some_and(|e| e == "json") && path.is_file() {
                            return Some(Ok(path.to_string_lossy().into_owned()));
                        }
                        continue;
                    }
                    Some(Err(e)) => {
                        return Some(Err(format!("{name}: cannot list the folder: {e}")))
                    }
                    None => self.folder = None,
                }
            }
            let arg = self.args.next()?;
            if Path::new(arg).is_dir() {
                match std::fs::read_dir(arg) {
                    Ok(entries) => self.folder = Some((arg.clone(), entries)),
                    Err(e) => return Some(Err(format!("{arg}: cannot list the folder: {e}"))),
                }
                continue;
            }
            return Some(Ok(arg.clone()));
        }
    }
}

/// Why answers for `named` are not for `q`, if they are not.
fn mismatch(named: &QuestionnaireRef, q: &Questionnaire) -> Option<LeftOut> {
    if named.id != q.id {
        Some(LeftOut::OtherQuestionnaire)
    } else if named.version != q.version {
        Some(LeftOut::OtherVersion)
    } else {
        None
    }
}

/// Reads, checks and folds one file; the message for one that is left out.
fn fold(rollup: &mut Rollup<'_>, path: &str, q: &Questionnaire, lang: Lang) -> Result<(), String> {
    let read = read_answers(path, lang).inspect_err(|_| rollup.leave_out(LeftOut::Unreadable))?;
    let reason = mismatch(&read.file.questionnaire, q).unwrap_or(LeftOut::Unreadable);
    // An earlier version of `q` is converted by the check; what that changed is not
    // printed here (one line a firm would drown the roll-up's own messages).
    let (read, _) = check_answers(path, read, q, lang).inspect_err(|_| rollup.leave_out(reason))?;
    // Checked against `q` just above, so it is added (the answers that can be used).
    let _ = rollup.add_file(&read.file);
    Ok(())
}

/// What was met before the questionnaire was known: files left out, to be counted once
/// it is (the few questionnaires they name, each with its number of files).
#[derive(Default)]
struct BeforeKnown {
    unreadable: usize,
    named: Vec<(QuestionnaireRef, usize)>,
}

/// The questionnaire the first readable file names among the built-in ones (its version or
/// one converted from it), and that file; what came before it is noted in `before`, each message written to `err`.
fn first_known(
    paths: &mut Paths<'_>,
    cat: &Catalogue,
    lang: Lang,
    before: &mut BeforeKnown,
    err: &mut impl Write,
) -> Option<(Questionnaire, String, AnswersRead)> {
    for next in paths {
        let read = next.and_then(|path| read_answers(&path, lang).map(|file| (path, file)));
        let (path, file) = match read {
            Ok(read) => read,
            Err(message) => {
                let _ = writeln!(err, "{message}");
                before.unreadable += 1;
                continue;
            }
        };
        let named = &file.file.questionnaire;
        // This version, or an earlier one the check converts (as `score` does).
        if let Some(q) = cat.questionnaires.iter().find(|q| {
            q.id == named.id
                && (q.version == named.version || conversion(q, &named.version).is_some())
        }) {
            return Some((q.clone(), path, file));
        }
        let _ = writeln!(
            err,
            "{path}: {}",
            match lang {
                Lang::Zh => format!(
                    "问卷“{}”（版本 {}）不是内置问卷，请用 --questionnaire 指定问卷文件",
                    named.id, named.version
                ),
                Lang::En => format!(
                    "questionnaire \"{}\" (version {}) is not built in: name its file with --questionnaire",
                    named.id, named.version
                ),
            }
        );
        match before.named.iter_mut().find(|(r, _)| r == named) {
            Some((_, n)) => *n += 1,
            None => before.named.push((named.clone(), 1)),
        }
    }
    None
}

pub fn rollup(args: &RollupArgs, out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let lang = args.lang;
    let cat = match builtin::catalogue() {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(err, "built-in files failed to load: {e:?}");
            return ExitCode::FAILURE;
        }
    };
    let mut paths = Paths {
        args: args.files.iter(),
        folder: None,
    };
    let mut before = BeforeKnown::default();
    let (q, first) = match &args.questionnaire {
        Some(arg) => match questionnaire(arg, &cat) {
            Ok(q) => (q, None),
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return ExitCode::from(2);
            }
        },
        None => match first_known(&mut paths, &cat, lang, &mut before, err) {
            Some((q, path, file)) => (q, Some((path, file))),
            None => {
                let _ = writeln!(
                    err,
                    "no answers file names a built-in questionnaire: nothing to roll up"
                );
                return ExitCode::FAILURE;
            }
        },
    };
    let p = match profile(args.profile.as_deref().unwrap_or(DEFAULT_PROFILE), &cat, &q) {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return ExitCode::from(2);
        }
    };

    let mut total = Rollup::new(&q, &p);
    for _ in 0..before.unreadable {
        total.leave_out(LeftOut::Unreadable);
    }
    for (named, n) in &before.named {
        let reason = mismatch(named, &q).unwrap_or(LeftOut::Unreadable);
        for _ in 0..*n {
            total.leave_out(reason);
        }
    }
    if let Some((path, file)) = first {
        if let Err(message) = check_answers(&path, file, &q, lang)
            .map(|(read, _)| total.add_file(&read.file))
            .inspect_err(|_| total.leave_out(LeftOut::Unreadable))
        {
            let _ = writeln!(err, "{message}");
        }
    }

    // The rest on every core; the messages of files left out come back to this thread.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let paths = Mutex::new(paths);
    let (q_ref, p_ref) = (&q, &p);
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<String>();
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let (tx, paths) = (tx.clone(), &paths);
                scope.spawn(move || {
                    let mut part = Rollup::new(q_ref, p_ref);
                    loop {
                        let next = paths.lock().map(|mut p| p.next()).unwrap_or(None);
                        let result = match next {
                            None => break,
                            Some(Err(message)) => {
                                part.leave_out(LeftOut::Unreadable);
                                Err(message)
                            }
                            Some(Ok(path)) => fold(&mut part, &path, q_ref, lang),
                        };
                        if let Err(message) = result {
                            let _ = tx.send(message);
                        }
                    }
                    part
                })
            })
            .collect();
        drop(tx);
        for message in rx {
            let _ = writeln!(err, "{message}");
        }
        for worker in workers {
            if let Ok(part) = worker.join() {
                total.merge(&part);
            }
        }
    });

    let result = total.finish();
    let mut w = BufWriter::new(out);
    let _ = rollup_output::write(&mut w, args.format, &q, &p, &result, lang);
    let _ = w.flush();
    let LeftOutCounts {
        other_questionnaire,
        other_version,
        unreadable,
    } = result.left_out;
    let _ = writeln!(
        err,
        "{} rolled up ({} incomplete), {} left out ({other_questionnaire} other questionnaire, {other_version} other version, {unreadable} unreadable)",
        result.firms,
        result.incomplete,
        result.left_out.total()
    );
    if result.left_out.total() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
