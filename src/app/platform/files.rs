//! The files worker (`src/bin/shuzhuan-files.rs`): questionnaire files the user opens, answers
//! files exported, storage entries of earlier releases, and the desk's imports, bundles and
//! CSV are read and written there (`domain::wire::formats`, `workbench`), in a Web Worker
//! started the first time one is needed; the XLSX worker (`src/bin/shuzhuan-xlsx.rs`), the
//! same way, for the desk's XLSX exports (`Worker`). The first visit so downloads neither the TOML reader, the checker nor any
//! JSON code, and a large file is read without blocking the page.
//!
//! The worker is supervised: it runs one job at a time, in order, and the job it runs
//! has `JOB_LIMIT` to answer. A worker that crashes on a job (an error event once it
//! listens) or runs over is terminated; that job fails with "this file could not be
//! read" (an export: "the file could not be written"), and the jobs behind it go to a
//! new worker. Only a worker whose scripts did
//! not load fails its jobs with "could not be downloaded". So no file can keep export,
//! import or a questionnaire from loading for longer than the limit.

use std::cell::RefCell;
use std::time::Duration;

use gloo_events::EventListener;
use leptos::wasm_bindgen::{JsCast, JsValue};

use crate::domain::model::answers::Answers;
use crate::domain::model::text::Text;
use crate::domain::read::answers_file::AnswersFile;
use crate::domain::wire::compiled::encode;
use crate::domain::wire::compiled::ReadResult;
use crate::domain::wire::formats::{decode_done, Done, Job, LegacyEntry, QuestionnaireSource};

/// How long the job being run may take: reading the largest questionnaire a firm
/// writes takes well under a second.
const JOB_LIMIT: Duration = Duration::from_secs(20);
/// How long the worker's scripts may take to download and start, on a slow network.
const START_LIMIT: Duration = Duration::from_secs(60);

/// What a job does with its file, for the wording of its failure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Work {
    /// Reads a file the user chose (or an entry an earlier release wrote).
    Read,
    /// Writes a file for the user (the export).
    Write,
}

impl Work {
    fn of(job: &Job) -> Work {
        match job {
            Job::WriteAnswers { .. } => Work::Write,
            _ => Work::Read,
        }
    }
}

/// Which worker runs a job: each is its own wasm, started the first time one of its jobs
/// comes, and supervised the same way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Worker {
    /// `src/bin/shuzhuan-files.rs`: every format but XLSX.
    Files,
    /// `src/bin/shuzhuan-xlsx.rs`: XLSX only (the desk's first XLSX export starts it).
    Xlsx,
}

impl Worker {
    fn script(self) -> &'static str {
        match self {
            Worker::Files => "files-worker.js",
            Worker::Xlsx => "xlsx-worker.js",
        }
    }

    fn with<R>(self, f: impl FnOnce(&mut Option<Running>) -> R) -> R {
        match self {
            Worker::Files => WORKER.with_borrow_mut(f),
            Worker::Xlsx => XLSX_WORKER.with_borrow_mut(f),
        }
    }
}

/// Why a job has no result.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The worker's scripts could not be downloaded (or started): the network.
    NotDownloaded(String),
    /// The worker stopped on this job (an error it could not recover from).
    Crashed(Work, String),
    /// The job ran over `JOB_LIMIT`.
    TimedOut(Work),
    /// A reply of the wrong kind: only a worker from another build could send one.
    Unexpected,
}

impl Failure {
    /// The reason, worded to follow "import failed:" and the like.
    pub fn text(&self) -> Text {
        let limit = JOB_LIMIT.as_secs();
        match self {
            Failure::NotDownloaded(why) => Text::new(
                format!("文件读取程序下载失败（{why}），请检查网络后重试"),
                format!("the file reader could not be downloaded ({why}); check the connection and try again"),
            ),
            Failure::Crashed(Work::Read, why) => Text::new(
                format!("此文件无法读取：读取程序出错（{why}）"),
                format!("this file could not be read: the reader stopped on it ({why})"),
            ),
            Failure::Crashed(Work::Write, why) => Text::new(
                format!("文件未能写出：文件程序出错（{why}）"),
                format!("the file could not be written: the writer stopped on it ({why})"),
            ),
            Failure::TimedOut(Work::Read) => Text::new(
                format!("此文件无法读取：{limit} 秒内未读完"),
                format!("this file could not be read: reading it took longer than {limit} s"),
            ),
            Failure::TimedOut(Work::Write) => Text::new(
                format!("文件未能写出：{limit} 秒内未写完"),
                format!("the file could not be written: writing it took longer than {limit} s"),
            ),
            Failure::Unexpected => Text::new(
                "此文件无法读取：文件读取程序的版本与本页面不符，请刷新页面",
                "this file could not be read: the file reader is from another version of the app; reload the page",
            ),
        }
    }
}

/// What the caller gets: the job's result, or why there is none.
pub type Reply = Result<Done, Failure>;
type Waiting = Box<dyn FnOnce(Reply)>;

/// A job sent (or to be sent) to the worker.
struct Pending {
    id: u32,
    work: Work,
    request: js_sys::Array,
    then: Waiting,
}

struct Running {
    worker: web_sys::Worker,
    /// Which worker this is: a timer set for one ignores the next.
    generation: u32,
    ready: bool,
    /// Jobs not answered yet, oldest first: the first is the one the worker runs.
    pending: Vec<Pending>,
    /// The worker's listeners, removed when it is dropped.
    _listeners: [EventListener; 2],
}

thread_local! {
    static WORKER: RefCell<Option<Running>> = const { RefCell::new(None) };
    static XLSX_WORKER: RefCell<Option<Running>> = const { RefCell::new(None) };
    /// Ids for jobs, and for workers (a timer set for one worker ignores the next).
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn next_id() -> u32 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    })
}

/// Reads and checks a questionnaire file (TOML).
pub fn read_questionnaire(
    name: String,
    source: String,
    then: impl FnOnce(Result<ReadResult, Failure>) + 'static,
) {
    run_for(
        Job::ReadQuestionnaire { name, source },
        |done| match done {
            Done::Questionnaire(read) => Some(read),
            _ => None,
        },
        then,
    );
}

/// Converts the answers of a saved assessment of an earlier questionnaire version: the
/// converted answers and the notice, or None when there is nothing to convert.
pub fn upgrade_answers(
    answers: Answers,
    from_version: String,
    questionnaire: QuestionnaireSource,
    then: impl FnOnce(Result<Result<Option<(Answers, Text)>, Text>, Failure>) + 'static,
) {
    run_for(
        Job::Upgrade {
            answers,
            from_version,
            questionnaire,
        },
        |done| match done {
            Done::Upgraded(upgraded) => Some(upgraded),
            _ => None,
        },
        then,
    );
}

/// Writes an answers file (JSON).
pub fn write_answers(file: AnswersFile, then: impl FnOnce(Result<String, Failure>) + 'static) {
    run_for(
        Job::WriteAnswers {
            file: Box::new(file),
        },
        |done| match done {
            Done::AnswersJson(json) => Some(json),
            _ => None,
        },
        then,
    );
}

/// Converts a storage entry an earlier release wrote (None: it cannot be read).
pub fn read_legacy_entry(
    key: String,
    json: String,
    then: impl FnOnce(Result<Option<LegacyEntry>, Failure>) + 'static,
) {
    run_for(
        Job::ReadLegacyEntry { key, json },
        |done| match done {
            Done::LegacyEntry(entry) => Some(entry),
            _ => None,
        },
        then,
    );
}

/// Runs a consultant's job (`domain::wire::workbench`, encoded by its caller, the desk)
/// in `worker`, and gives `then` the encoded reply; `work` words a failure.
pub fn run_workbench(
    worker: Worker,
    work: Work,
    job: Vec<u8>,
    then: impl FnOnce(Result<Vec<u8>, Failure>) + 'static,
) {
    run(worker, work, &Job::Workbench(job), move |reply| {
        then(reply.and_then(|done| match done {
            Done::Workbench(bytes) => Ok(bytes),
            _ => Err(Failure::Unexpected),
        }))
    });
}

/// Runs `job` and gives `then` the result `expected` takes out of the reply; a reply of
/// another kind is an error.
fn run_for<T: 'static>(
    job: Job,
    expected: fn(Done) -> Option<T>,
    then: impl FnOnce(Result<T, Failure>) + 'static,
) {
    run(Worker::Files, Work::of(&job), &job, move |reply| {
        then(reply.and_then(|done| expected(done).ok_or(Failure::Unexpected)))
    });
}

/// Runs `job` in `worker` (started if need be) and calls `then` with its result.
fn run(worker: Worker, work: Work, job: &Job, then: impl FnOnce(Reply) + 'static) {
    let id = next_id();
    let request = js_sys::Array::of2(
        &JsValue::from(id),
        &js_sys::Uint8Array::from(&encode(job)[..]),
    );
    let pending = Pending {
        id,
        work,
        request,
        then: Box::new(then),
    };
    if let Err((failure, pending)) = enqueue(worker, vec![pending]) {
        (pending.then)(Err(failure));
    }
}

/// Adds jobs to the worker's queue, starting a worker if there is none, and sends them
/// if it listens; a worker that cannot even be made gives the first job back.
fn enqueue(worker: Worker, jobs: Vec<Pending>) -> Result<(), (Failure, Pending)> {
    let mut jobs = jobs.into_iter();
    let result = worker.with(|slot| {
        if slot.is_none() {
            match start(worker) {
                Ok(started) => *slot = Some(started),
                Err(why) => return Err(why),
            }
        }
        let running = slot.as_mut().expect("started above");
        let was_idle = running.pending.is_empty();
        for job in jobs.by_ref() {
            if running.ready {
                let _ = running.worker.post_message(&job.request);
            }
            running.pending.push(job);
        }
        Ok(was_idle && running.ready)
    });
    match result {
        Ok(true) => {
            watch_head(worker);
            Ok(())
        }
        Ok(false) => Ok(()),
        Err(why) => {
            let mut jobs: Vec<Pending> = jobs.collect();
            // Nothing was queued: every job fails, the first through the caller.
            let first = jobs.remove(0);
            for job in jobs {
                (job.then)(Err(why.clone()));
            }
            Err((why, first))
        }
    }
}

fn start(kind: Worker) -> Result<Running, Failure> {
    let url = format!("{}?v={}", kind.script(), crate::builtin::COMPILED_VERSION);
    let worker =
        web_sys::Worker::new(&url).map_err(|e| Failure::NotDownloaded(format!("{e:?}")))?;
    let generation = next_id();
    let listeners = [
        EventListener::new(&worker, "message", move |event| {
            on_message(kind, event.unchecked_ref::<web_sys::MessageEvent>())
        }),
        EventListener::new(&worker, "error", move |event| on_error(kind, event)),
    ];
    // A worker whose scripts neither load nor fail (a stalled download).
    leptos::prelude::set_timeout(
        move || {
            let stalled = kind.with(|slot| {
                slot.as_ref()
                    .is_some_and(|w| !w.ready && w.generation == generation)
            });
            if stalled {
                stop(kind, |_| Failure::NotDownloaded("timed out".into()), false);
            }
        },
        START_LIMIT,
    );
    Ok(Running {
        worker,
        generation,
        ready: false,
        pending: Vec::new(),
        _listeners: listeners,
    })
}

/// Gives the job the worker runs now `JOB_LIMIT` to answer.
fn watch_head(kind: Worker) {
    let Some((generation, head)) = kind.with(|slot| {
        let running = slot.as_ref()?;
        Some((running.generation, running.pending.first()?.id))
    }) else {
        return;
    };
    leptos::prelude::set_timeout(
        move || {
            let still = kind.with(|slot| {
                slot.as_ref().is_some_and(|w| {
                    w.generation == generation && w.pending.first().is_some_and(|p| p.id == head)
                })
            });
            if still {
                stop(kind, Failure::TimedOut, true);
            }
        },
        JOB_LIMIT,
    );
}

fn on_message(kind: Worker, event: &web_sys::MessageEvent) {
    let data = event.data();
    if data.as_string().as_deref() == Some("ready") {
        let any = kind.with(|slot| {
            let running = slot.as_mut()?;
            running.ready = true;
            for job in &running.pending {
                let _ = running.worker.post_message(&job.request);
            }
            Some(!running.pending.is_empty())
        });
        if any == Some(true) {
            watch_head(kind);
        }
        return;
    }
    let reply: js_sys::Array = data.unchecked_into();
    if reply.get(0).as_string().as_deref() == Some("failed") {
        let why = reply.get(1).as_string().unwrap_or_default();
        stop(kind, move |_| Failure::NotDownloaded(why.clone()), false);
        return;
    }
    let id = reply.get(0).as_f64().unwrap_or(-1.0) as u32;
    let then = kind.with(|slot| {
        let running = slot.as_mut()?;
        let at = running.pending.iter().position(|p| p.id == id)?;
        Some(running.pending.remove(at).then)
    });
    if let Some(then) = then {
        watch_head(kind);
        let bytes = js_sys::Uint8Array::new(&reply.get(1)).to_vec();
        then(decode_done(&bytes).map_err(|_| Failure::Unexpected));
    }
}

/// An error event: before the worker listens, its scripts did not load; after, the job
/// it was running made it fail.
fn on_error(kind: Worker, event: &web_sys::Event) {
    let ready = kind.with(|slot| slot.as_ref().is_some_and(|w| w.ready));
    // An ErrorEvent for a script's error; a plain Event when the script did not load.
    let message = js_sys::Reflect::get(event, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    if ready {
        stop(
            kind,
            move |work| Failure::Crashed(work, message.clone()),
            true,
        );
    } else {
        let why = if message.is_empty() {
            "the script did not load".to_string()
        } else {
            message
        };
        stop(kind, move |_| Failure::NotDownloaded(why.clone()), false);
    }
}

/// Terminates the worker. With `blame_head`, only the job it was running fails and the
/// others go to a new worker; otherwise (the scripts did not load) every job fails, and
/// the next job tries a new worker. `failure` words it for what each job does.
fn stop(kind: Worker, failure: impl Fn(Work) -> Failure, blame_head: bool) {
    let Some(running) = kind.with(Option::take) else {
        return;
    };
    running.worker.terminate();
    let mut pending = running.pending;
    if !blame_head {
        for job in pending {
            (job.then)(Err(failure(job.work)));
        }
        return;
    }
    if pending.is_empty() {
        return;
    }
    let head = pending.remove(0);
    (head.then)(Err(failure(head.work)));
    if !pending.is_empty() {
        if let Err((why, first)) = enqueue(kind, pending) {
            (first.then)(Err(why));
        }
    }
}
