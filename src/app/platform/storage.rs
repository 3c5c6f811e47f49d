//! Autosave to localStorage. Each assessment is its own entry, so one that cannot be
//! read (damaged, empty, or of another format or version) is set aside without touching
//! the others: copied under another key, the copy checked, and only then removed; if
//! storage is too full for the copy, it stays where it is. Either way it is listed,
//! for its text to be exported. Entries are written in the compact form of `domain::wire::stored`; entries of
//! earlier releases (JSON) are converted by the files worker before the app starts
//! (`migrate`), and are never overwritten before that.
//!
//! Keys (`domain::wire::formats::keys`): `shuzhuan.settings` (language, current assessment),
//! `shuzhuan.custom-files` (questionnaire files a consultant loaded),
//! `shuzhuan.consultant`, `shuzhuan.logo` (the report cover's), `shuzhuan.assessment.<id>` (one each), and
//! `shuzhuan.unreadable.<rest of key>` for entries set aside.

use std::cell::RefCell;

use serde::Serialize;

use crate::domain::model::text::Text;
use crate::domain::read::answers_file;
use crate::domain::wire::formats::keys::{
    ASSESSMENT_PREFIX, CONSULTANT, CUSTOM_FILES, LOGO, SETTINGS, UNREADABLE_PREFIX,
};
use crate::domain::wire::formats::LegacyEntry;
use crate::domain::wire::logo::Logo;
use crate::domain::wire::stored::{decode_entry, encode_entry, is_legacy, Stored};
pub use crate::domain::wire::stored::{Consultant, CustomFile, Saved, Settings, FORMAT_VERSION};

/// What loading found: the readable assessments, and the entries that are not.
pub struct Loaded {
    pub settings: Option<Settings>,
    pub custom_files: Vec<CustomFile>,
    pub assessments: Vec<Saved>,
    /// Entries found unreadable this time, by key: set aside, or left where they are.
    pub found_unreadable: Vec<(String, SetAside)>,
}

/// What became of an unreadable entry.
#[derive(Clone, Debug, PartialEq)]
pub enum SetAside {
    /// Copied under the unreadable prefix (the copy read back and compared), then removed.
    Moved,
    /// The copy could not be made (storage full): the entry stays where it is.
    Kept,
}

/// An entry that cannot be read, listed for its raw text to be exported.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// Where it is now (under the unreadable prefix, or where it was if it could not
    /// be moved).
    pub key: String,
    /// Its length in characters (0 for an empty entry).
    pub length: usize,
}

/// Why an entry was not written.
#[derive(Debug)]
pub enum NotSaved {
    /// The browser refused (private mode, storage full).
    Refused,
    /// An earlier release's entry is there, not yet converted: it is kept as it is.
    Unconverted,
}

fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

fn get_raw(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn keys() -> Vec<String> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

thread_local! {
    /// The keys of an earlier release's entries not converted (yet): `migrate` lists
    /// them and strikes off each one it converts or sets aside.
    static UNCONVERTED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn set<T: Serialize>(key: &str, value: &T) -> Result<(), NotSaved> {
    if UNCONVERTED.with_borrow(|keys| keys.iter().any(|k| k == key)) {
        return Err(NotSaved::Unconverted);
    }
    storage()
        .ok_or(NotSaved::Refused)?
        .set_item(key, &encode_entry(value))
        .map_err(|_| NotSaved::Refused)
}

/// What is stored under `key`, if it is readable and `usable` (of this release's format
/// and version); an unreadable entry, an empty one included, is set aside (what became
/// of it is added to `found`).
fn get<T: Stored>(
    key: &str,
    usable: fn(&T) -> bool,
    found: &mut Vec<(String, SetAside)>,
) -> Option<T> {
    let raw = get_raw(key)?;
    if is_legacy(&raw) {
        // Kept for the files worker to convert (it could not be reached this time).
        return None;
    }
    let value = decode_entry(&raw).filter(usable);
    if value.is_none() {
        found.push((key.to_string(), set_aside(key)));
    }
    value
}

fn any<T>(_: &T) -> bool {
    true
}

fn saved_usable(s: &Saved) -> bool {
    s.format_version == FORMAT_VERSION
        && s.file.format == answers_file::FORMAT
        && s.file.format_version == answers_file::FORMAT_VERSION
}

fn settings_usable(s: &Settings) -> bool {
    s.format_version == FORMAT_VERSION
}

/// Moves an unreadable entry under `shuzhuan.unreadable.`: the copy is written, read
/// back and compared before the original is removed, so that nothing is lost when
/// storage is full (the entry then stays where it is). A copy set aside earlier under
/// the same name is kept: the new one gets a number.
fn set_aside(key: &str) -> SetAside {
    let Some(storage) = storage() else {
        return SetAside::Kept;
    };
    let Ok(Some(raw)) = storage.get_item(key) else {
        return SetAside::Kept;
    };
    let rest = key.strip_prefix("shuzhuan.").unwrap_or(key);
    let base = format!("{UNREADABLE_PREFIX}{rest}");
    let mut target = base.clone();
    let mut n = 1;
    while let Ok(Some(there)) = storage.get_item(&target) {
        if there == raw {
            break;
        }
        n += 1;
        target = format!("{base}.{n}");
    }
    let copied = storage.set_item(&target, &raw).is_ok()
        && storage.get_item(&target).ok().flatten().as_deref() == Some(raw.as_str());
    if copied && storage.remove_item(key).is_ok() {
        SetAside::Moved
    } else {
        SetAside::Kept
    }
}

/// The entries set aside, and `kept` (unreadable ones that could not be moved), with
/// their lengths, for "my assessments".
fn unreadable(kept: &[String]) -> Vec<Unreadable> {
    let mut keys: Vec<String> = keys()
        .into_iter()
        .filter(|k| k.starts_with(UNREADABLE_PREFIX))
        .collect();
    keys.extend(kept.iter().cloned());
    crate::domain::util::sorting::sort_by(&mut keys, |a, b| a.cmp(b));
    keys.dedup();
    keys.into_iter()
        .filter_map(|key| {
            let length = get_raw(&key)?.chars().count();
            Some(Unreadable { key, length })
        })
        .collect()
}

/// The text stored under `key`, as it is (to export an unreadable entry).
pub fn raw(key: &str) -> Option<String> {
    get_raw(key)
}

pub fn load() -> Loaded {
    let mut found = Vec::new();
    let settings = get::<Settings>(SETTINGS, settings_usable, &mut found);
    let custom_files = get::<Vec<CustomFile>>(CUSTOM_FILES, any, &mut found).unwrap_or_default();
    let mut assessments = Vec::new();
    for key in keys()
        .into_iter()
        .filter(|k| k.starts_with(ASSESSMENT_PREFIX))
    {
        if let Some(s) = get::<Saved>(&key, saved_usable, &mut found) {
            assessments.push(s);
        }
    }
    most_recent_first(&mut assessments);
    Loaded {
        settings,
        custom_files,
        assessments,
        found_unreadable: found,
    }
}

fn most_recent_first(assessments: &mut Vec<Saved>) {
    crate::domain::util::sorting::sort_by(assessments, |a, b| {
        b.file.updated_at.cmp(&a.file.updated_at)
    });
}

/// What the desk lists, read without changing anything (the app sets unreadable entries
/// aside when it starts, and converts an earlier release's).
pub struct Listed {
    pub custom_files: Vec<CustomFile>,
    /// The readable assessments, the most recent first.
    pub assessments: Vec<Saved>,
    /// Every entry that cannot be read: set aside, or still where it was.
    pub unreadable: Vec<Unreadable>,
}

/// The assessments and the unreadable entries, as `load` reads them.
pub fn list() -> Listed {
    let mut assessments = Vec::new();
    let mut kept = Vec::new();
    for key in keys()
        .into_iter()
        .filter(|k| k.starts_with(ASSESSMENT_PREFIX))
    {
        let Some(raw) = get_raw(&key) else { continue };
        if is_legacy(&raw) {
            continue;
        }
        match decode_entry::<Saved>(&raw).filter(saved_usable) {
            Some(saved) => assessments.push(saved),
            None => kept.push(key),
        }
    }
    most_recent_first(&mut assessments);
    let custom_files = get_raw(CUSTOM_FILES)
        .and_then(|raw| decode_entry(&raw))
        .unwrap_or_default();
    Listed {
        custom_files,
        assessments,
        unreadable: unreadable(&kept),
    }
}

/// Saves one assessment.
pub fn save(saved: &Saved) -> Result<(), NotSaved> {
    set(&format!("{ASSESSMENT_PREFIX}{}", saved.id), saved)
}

/// Settings an earlier release wrote and that are not converted yet are kept instead:
/// the language and the current assessment can wait until they are.
pub fn save_settings(settings: &Settings) -> Result<(), NotSaved> {
    match set(SETTINGS, settings) {
        Err(NotSaved::Unconverted) => Ok(()),
        other => other,
    }
}

/// Written only when a file is loaded: the sources can be large.
pub fn save_custom_files(files: &[CustomFile]) -> Result<(), NotSaved> {
    set(CUSTOM_FILES, &files)
}

pub fn load_consultant() -> Consultant {
    get(CONSULTANT, any, &mut Vec::new()).unwrap_or_default()
}

pub fn save_consultant(consultant: &Consultant) -> Result<(), NotSaved> {
    set(CONSULTANT, consultant)
}

/// The consultant's logo, kept apart from any assessment.
pub fn load_logo() -> Option<Logo> {
    get(LOGO, any, &mut Vec::new())
}

pub fn save_logo(logo: &Logo) -> Result<(), NotSaved> {
    set(LOGO, logo)
}

pub fn remove_logo() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(LOGO);
    }
}

pub fn delete(id: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&format!("{ASSESSMENT_PREFIX}{id}"));
    }
}

/// Records the scroll position in the saved entry of assessment `id` (on leaving the page).
pub fn save_scroll(id: &str, scroll_y: f64) {
    let key = format!("{ASSESSMENT_PREFIX}{id}");
    if let Some(mut saved) = get::<Saved>(&key, saved_usable, &mut Vec::new()) {
        saved.scroll_y = scroll_y;
        let _ = set(&key, &saved);
    }
}

/// Every entry an earlier release wrote (JSON), as (key, text), for `migrate`.
pub fn legacy_entries() -> Vec<(String, String)> {
    keys()
        .into_iter()
        .filter(|k| k.starts_with("shuzhuan.") && !k.starts_with(UNREADABLE_PREFIX))
        .filter_map(|k| get_raw(&k).filter(|raw| is_legacy(raw)).map(|raw| (k, raw)))
        .collect()
}

/// Replaces an earlier release's entry by its conversion.
fn write_converted(key: &str, entry: &LegacyEntry) -> Result<(), NotSaved> {
    let storage = storage().ok_or(NotSaved::Refused)?;
    let raw = match entry {
        LegacyEntry::Settings(s) => encode_entry(s),
        LegacyEntry::CustomFiles(f) => encode_entry(f),
        LegacyEntry::Assessment(s) => encode_entry(s),
        LegacyEntry::Consultant(c) => encode_entry(c),
    };
    storage.set_item(key, &raw).map_err(|_| NotSaved::Refused)
}

/// `key` no longer holds an earlier release's entry: it may be written again.
fn converted(key: &str) {
    UNCONVERTED.with_borrow_mut(|keys| keys.retain(|k| k != key));
}

/// How long the app waits for the earlier release's entries to be converted.
const MIGRATION_WAIT: std::time::Duration = std::time::Duration::from_secs(20);

/// What converting the earlier release's entries did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Migration {
    /// Entries that could not be read, set aside.
    pub set_aside: usize,
    /// Entries that could not be read nor set aside (storage full): left as they are.
    pub kept: usize,
    /// Why some entries are still unconverted (the files worker could not be
    /// downloaded, or the browser refused to write): they are kept, and tried again at
    /// the next start.
    pub failed: Option<Text>,
}

/// Converts `entries` (from `legacy_entries`) in the files worker and calls `done` once
/// every one has been converted, set aside or left for next time, or after
/// `MIGRATION_WAIT` at the latest: a worker that neither answers nor fails must not
/// keep the app from starting (what it converts later is there at the next start).
pub fn migrate(entries: Vec<(String, String)>, done: impl FnOnce(Migration) + 'static) {
    use std::rc::Rc;

    UNCONVERTED.set(entries.iter().map(|(key, _)| key.clone()).collect());
    struct Progress {
        left: usize,
        result: Migration,
        done: Option<Box<dyn FnOnce(Migration)>>,
    }
    let progress = Rc::new(RefCell::new(Progress {
        left: entries.len(),
        result: Migration::default(),
        done: Some(Box::new(done)),
    }));
    let waited = progress.clone();
    leptos::prelude::set_timeout(
        move || {
            let done = waited.borrow_mut().done.take();
            if let Some(done) = done {
                done(Migration {
                    failed: Some(Text::new(
                        "文件读取程序没有响应",
                        "the files worker did not answer",
                    )),
                    ..waited.borrow().result.clone()
                });
            }
        },
        MIGRATION_WAIT,
    );
    for (key, json) in entries {
        let progress = progress.clone();
        crate::app::platform::files::read_legacy_entry(key.clone(), json, move |reply| {
            let mut p = progress.borrow_mut();
            match reply {
                Ok(Some(entry)) => match write_converted(&key, &entry) {
                    Ok(()) => converted(&key),
                    Err(_) => {
                        p.result.failed =
                            Some(Text::new("浏览器不允许保存", "the browser refused to save"))
                    }
                },
                // Left unconverted (and so never overwritten) if it could not be moved.
                Ok(None) => match set_aside(&key) {
                    SetAside::Moved => {
                        converted(&key);
                        p.result.set_aside += 1;
                    }
                    SetAside::Kept => p.result.kept += 1,
                },
                Err(why) => p.result.failed = Some(why.text()),
            }
            p.left -= 1;
            if p.left == 0 {
                let (done, result) = (p.done.take(), p.result.clone());
                drop(p);
                if let Some(done) = done {
                    done(result);
                }
            }
        });
    }
}
