//! Reading questionnaire files the user opens: in a Web Worker (`src/reader_worker.rs`),
//! started the first time it is needed. The first visit so downloads neither the TOML
//! reader nor the checker, and a large file is read without blocking the page.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::domain::compiled::{decode_read_result, ReadResult};

/// What the caller gets: the file read (its questionnaire or its errors), or why it
/// could not be read at all (the reader could not be downloaded).
pub type Reply = Result<ReadResult, String>;
type Waiting = Box<dyn FnOnce(Reply)>;

struct Reader {
    worker: web_sys::Worker,
    ready: bool,
    /// Requests made before the worker listens.
    queued: Vec<js_sys::Array>,
    waiting: HashMap<u32, Waiting>,
    next_id: u32,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static READER: RefCell<Option<Reader>> = const { RefCell::new(None) };
}

/// Reads `source` (the TOML text of the file `name`) and calls `then` with the result.
pub fn read_questionnaire(name: String, source: String, then: impl FnOnce(Reply) + 'static) {
    let then: Waiting = Box::new(then);
    let started = READER.with_borrow_mut(|reader| {
        if reader.is_none() {
            match start() {
                Ok(started) => *reader = Some(started),
                Err(why) => return Err((why, then)),
            }
        }
        let reader = reader.as_mut().expect("started above");
        let id = reader.next_id;
        reader.next_id += 1;
        reader.waiting.insert(id, then);
        let request = js_sys::Array::of3(
            &JsValue::from(id),
            &JsValue::from_str(&name),
            &JsValue::from_str(&source),
        );
        if reader.ready {
            let _ = reader.worker.post_message(&request);
        } else {
            reader.queued.push(request);
        }
        Ok::<_, (String, Waiting)>(())
    });
    if let Err((why, then)) = started {
        then(Err(why));
    }
}

fn start() -> Result<Reader, String> {
    let url = format!("reader-worker.js?v={}", crate::builtin::COMPILED_VERSION);
    let worker = web_sys::Worker::new(&url).map_err(|e| format!("{e:?}"))?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(on_message);
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|_| {
        fail_all("the reader could not start".to_string())
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Reader {
        worker,
        ready: false,
        queued: Vec::new(),
        waiting: HashMap::new(),
        next_id: 0,
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn on_message(event: web_sys::MessageEvent) {
    let data = event.data();
    if data.as_string().as_deref() == Some("ready") {
        READER.with_borrow_mut(|reader| {
            if let Some(reader) = reader {
                reader.ready = true;
                for request in reader.queued.drain(..) {
                    let _ = reader.worker.post_message(&request);
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
    let then = READER.with_borrow_mut(|reader| reader.as_mut().and_then(|r| r.waiting.remove(&id)));
    if let Some(then) = then {
        then(decode_read_result(
            &js_sys::Uint8Array::new(&reply.get(1)).to_vec(),
        ));
    }
}

/// The worker could not be downloaded or started: every request waiting gets the reason,
/// and the next request starts a new worker.
fn fail_all(why: String) {
    let reader = READER.with_borrow_mut(Option::take);
    if let Some(reader) = reader {
        reader.worker.terminate();
        for (_, then) in reader.waiting {
            then(Err(why.clone()));
        }
    }
}
