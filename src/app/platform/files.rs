//! The files worker (`src/bin/shuzhuan-files.rs`): questionnaire files the user opens, answers
//! files imported and exported, and storage entries of earlier releases are read and
//! written there (`domain::wire::formats`), in a Web Worker started the first time one is
//! needed. The first visit so downloads neither the TOML reader, the checker nor any
//! JSON code, and a large file is read without blocking the page.

use std::cell::RefCell;

use gloo_events::EventListener;
use leptos::wasm_bindgen::{JsCast, JsValue};

use crate::domain::model::text::Text;
use crate::domain::read::answers_file::AnswersFile;
use crate::domain::wire::compiled::encode;
use crate::domain::wire::compiled::ReadResult;
use crate::domain::wire::formats::{decode_done, Done, Job, LegacyEntry};

/// What the caller gets: the job's result, or why there is none (the worker could not
/// be downloaded).
type Reply = Result<Done, String>;
type Waiting = Box<dyn FnOnce(Reply)>;

struct Running {
    worker: web_sys::Worker,
    ready: bool,
    /// Requests made before the worker listens.
    queued: Vec<js_sys::Array>,
    /// Jobs sent and not answered yet, by id (a few at a time: a list will do).
    waiting: Vec<(u32, Waiting)>,
    next_id: u32,
    /// The worker's listeners, removed when it is dropped.
    _listeners: [EventListener; 2],
}

thread_local! {
    static WORKER: RefCell<Option<Running>> = const { RefCell::new(None) };
}

/// Reads and checks a questionnaire file (TOML).
pub fn read_questionnaire(
    name: String,
    source: String,
    then: impl FnOnce(Result<ReadResult, String>) + 'static,
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

/// Reads an answers file (JSON), not yet checked against its questionnaire.
pub fn read_answers(
    source: String,
    then: impl FnOnce(Result<Result<AnswersFile, Text>, String>) + 'static,
) {
    run_for(
        Job::ReadAnswers { source },
        |done| match done {
            Done::Answers(read) => Some(read),
            _ => None,
        },
        then,
    );
}

/// Writes an answers file (JSON).
pub fn write_answers(file: AnswersFile, then: impl FnOnce(Result<String, String>) + 'static) {
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
    then: impl FnOnce(Result<Option<LegacyEntry>, String>) + 'static,
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

/// Runs `job` and gives `then` the result `expected` takes out of the reply; a reply of
/// another kind is an error.
fn run_for<T: 'static>(
    job: Job,
    expected: fn(Done) -> Option<T>,
    then: impl FnOnce(Result<T, String>) + 'static,
) {
    run(&job, move |reply| {
        then(reply.and_then(|done| expected(done).ok_or_else(|| UNEXPECTED.to_string())))
    });
}

/// A reply of the wrong kind: only a worker from another build could send one.
const UNEXPECTED: &str = "the files worker sent an unexpected reply";

/// Runs `job` in the worker and calls `then` with its result.
fn run(job: &Job, then: impl FnOnce(Reply) + 'static) {
    let then: Waiting = Box::new(then);
    let started = WORKER.with_borrow_mut(|slot| {
        if slot.is_none() {
            match start() {
                Ok(started) => *slot = Some(started),
                Err(why) => return Err((why, then)),
            }
        }
        let worker = slot.as_mut().expect("started above");
        let id = worker.next_id;
        worker.next_id += 1;
        worker.waiting.push((id, then));
        let request = js_sys::Array::of2(
            &JsValue::from(id),
            &js_sys::Uint8Array::from(&encode(job)[..]),
        );
        if worker.ready {
            let _ = worker.worker.post_message(&request);
        } else {
            worker.queued.push(request);
        }
        Ok::<_, (String, Waiting)>(())
    });
    if let Err((why, then)) = started {
        then(Err(why));
    }
}

fn start() -> Result<Running, String> {
    let url = format!("files-worker.js?v={}", crate::builtin::COMPILED_VERSION);
    let worker = web_sys::Worker::new(&url).map_err(|e| format!("{e:?}"))?;
    let listeners = [
        EventListener::new(&worker, "message", |event| {
            on_message(event.unchecked_ref::<web_sys::MessageEvent>())
        }),
        EventListener::new(&worker, "error", |_| {
            fail_all("the files worker could not start".to_string())
        }),
    ];
    Ok(Running {
        worker,
        ready: false,
        queued: Vec::new(),
        waiting: Vec::new(),
        next_id: 0,
        _listeners: listeners,
    })
}

fn on_message(event: &web_sys::MessageEvent) {
    let data = event.data();
    if data.as_string().as_deref() == Some("ready") {
        WORKER.with_borrow_mut(|slot| {
            if let Some(worker) = slot {
                worker.ready = true;
                for request in worker.queued.drain(..) {
                    let _ = worker.worker.post_message(&request);
                }
            }
        });
        return;
    }
    let reply: js_sys::Array = data.unchecked_into();
    if reply.get(0).as_string().as_deref() == Some("failed") {
        fail_all(reply.get(1).as_string().unwrap_or_default());
        return;
    }
    let id = reply.get(0).as_f64().unwrap_or(-1.0) as u32;
    let then = WORKER.with_borrow_mut(|slot| {
        slot.as_mut().and_then(|w| {
            w.waiting
                .iter()
                .position(|(i, _)| *i == id)
                .map(|at| w.waiting.swap_remove(at).1)
        })
    });
    if let Some(then) = then {
        then(decode_done(
            &js_sys::Uint8Array::new(&reply.get(1)).to_vec(),
        ));
    }
}

/// The worker could not be downloaded or started: every request waiting gets the reason,
/// and the next request starts a new worker.
fn fail_all(why: String) {
    let worker = WORKER.with_borrow_mut(Option::take);
    if let Some(worker) = worker {
        worker.worker.terminate();
        for (_, then) in worker.waiting {
            then(Err(why.clone()));
        }
    }
}
