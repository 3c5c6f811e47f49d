//! `shuzhuan rollup`: a portfolio's figures over any number of answers files, streamed:
//! each file is read, folded into the roll-up and dropped, so memory stays bounded
//! however many there are. The files are shared out over the cores, each thread folding
//! its own partial roll-up; the parts are merged at the end (the order does not matter).
//!
//! A file is read and checked as `score` reads it: one that cannot be read, or is for
//! another questionnaire or version, is left out and named on stderr; one with answers
//! that cannot be used is rolled up on the others, and each one left out is printed as
//! `file: item: value: why`. Exit 1 when a file or (without `--lenient`) an answer was
//! left out.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::{mpsc, Mutex};

use super::answers_input::{check_answers, problem_lines, read_answers};
use super::args::RollupArgs;
use super::rollup_output;
use super::score::{profile, questionnaire};
use crate::builtin::{self, Catalogue};
use crate::domain::compute::rollup::{LeftOut, LeftOutCounts, Rollup};
use crate::domain::compute::upgrade::conversion;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
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

/// Answers that could not be used, left out of the firms rolled up.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct AnswersLeftOut {
    answers: usize,
    files: usize,
}

impl AnswersLeftOut {
    fn merge(&mut self, other: AnswersLeftOut) {
        self.answers += other.answers;
        self.files += other.files;
    }
}

/// A part of the roll-up: the firms folded and the answers left out of them.
struct Part<'a> {
    rollup: Rollup<'a>,
    answers_left_out: AnswersLeftOut,
}

impl<'a> Part<'a> {
    fn new(q: &'a Questionnaire, p: &'a TargetProfile) -> Self {
        Part {
            rollup: Rollup::new(q, p),
            answers_left_out: AnswersLeftOut::default(),
        }
    }

    /// Reads, checks and folds one file; what to say about it on stderr: why it is left
    /// out, or each of its answers that is.
    fn fold(&mut self, path: &str, q: &Questionnaire, lang: Lang) -> Vec<String> {
        match read_answers(path, lang) {
            Ok(read) => self.fold_read(path, read, q, lang),
            Err(message) => {
                self.rollup.leave_out(LeftOut::Unreadable);
                vec![message]
            }
        }
    }

    /// Checks and folds a file already read.
    fn fold_read(
        &mut self,
        path: &str,
        read: AnswersRead,
        q: &Questionnaire,
        lang: Lang,
    ) -> Vec<String> {
        let reason = mismatch(&read.file.questionnaire, q).unwrap_or(LeftOut::Unreadable);
        // An earlier version of `q` is converted by the check; what that changed is not
        // printed here (one line a firm would drown the roll-up's own messages).
        let read = match check_answers(path, read, q, lang) {
            Ok((read, _)) => read,
            Err(message) => {
                self.rollup.leave_out(reason);
                return vec![message];
            }
        };
        let problems = problem_lines(path, &read, lang);
        if !problems.is_empty() {
            self.answers_left_out.merge(AnswersLeftOut {
                answers: problems.len(),
                files: 1,
            });
        }
        // Checked against `q` just above, so it is added (the answers that can be used).
        let _ = self.rollup.add_file(&read.file);
        problems
    }

    fn merge(&mut self, other: &Part<'_>) {
        self.rollup.merge(&other.rollup);
        self.answers_left_out.merge(other.answers_left_out);
    }
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

    let mut total = Part::new(&q, &p);
    for _ in 0..before.unreadable {
        total.rollup.leave_out(LeftOut::Unreadable);
    }
    for (named, n) in &before.named {
        let reason = mismatch(named, &q).unwrap_or(LeftOut::Unreadable);
        for _ in 0..*n {
            total.rollup.leave_out(reason);
        }
    }
    if let Some((path, file)) = first {
        for message in total.fold_read(&path, file, &q, lang) {
            let _ = writeln!(err, "{message}");
        }
    }

    // The rest on every core; the messages about each file come back to this thread.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let paths = Mutex::new(paths);
    let (q_ref, p_ref) = (&q, &p);
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<Vec<String>>();
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let (tx, paths) = (tx.clone(), &paths);
                scope.spawn(move || {
                    let mut part = Part::new(q_ref, p_ref);
                    loop {
                        let next = paths.lock().map(|mut p| p.next()).unwrap_or(None);
                        let messages = match next {
                            None => break,
                            Some(Err(message)) => {
                                part.rollup.leave_out(LeftOut::Unreadable);
                                vec![message]
                            }
                            Some(Ok(path)) => part.fold(&path, q_ref, lang),
                        };
                        if !messages.is_empty() {
                            let _ = tx.send(messages);
                        }
                    }
                    part
                })
            })
            .collect();
        drop(tx);
        // A file's lines together, whatever the other threads send meanwhile.
        for message in rx.iter().flatten() {
            let _ = writeln!(err, "{message}");
        }
        for worker in workers {
            if let Ok(part) = worker.join() {
                total.merge(&part);
            }
        }
    });

    let answers_left_out = total.answers_left_out;
    let result = total.rollup.finish();
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
    if answers_left_out.answers > 0 {
        let AnswersLeftOut { answers, files } = answers_left_out;
        let _ = writeln!(
            err,
            "{answers} {} in {files} {} could not be used and {} left out of {}",
            if answers == 1 { "answer" } else { "answers" },
            if files == 1 { "file" } else { "files" },
            if answers == 1 { "was" } else { "were" },
            if files == 1 {
                "its firm"
            } else {
                "their firms"
            },
        );
    }
    let answers_count = !args.lenient && answers_left_out.answers > 0;
    if result.left_out.total() == 0 && !answers_count {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
