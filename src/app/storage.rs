//! Autosave to localStorage. Each assessment is its own entry, so one that cannot be
//! read is set aside (moved under another key, never deleted) without touching the
//! others. Entries carry a format version so that later releases can read them.
//!
//! Keys: `shuzhuan.settings` (language, current assessment), `shuzhuan.custom-files`
//! (questionnaire files a consultant loaded), `shuzhuan.assessment.<id>` (one each),
//! and `shuzhuan.unreadable.<rest of key>` for entries set aside.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::domain::answers_file::AnswersFile;
use crate::domain::text::Lang;

pub const FORMAT_VERSION: u32 = 1;
const SETTINGS: &str = "shuzhuan.settings";
const CUSTOM_FILES: &str = "shuzhuan.custom-files";
const ASSESSMENT_PREFIX: &str = "shuzhuan.assessment.";
const UNREADABLE_PREFIX: &str = "shuzhuan.unreadable.";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub format_version: u32,
    pub lang: Lang,
    pub current: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomFile {
    pub name: String,
    pub source: String,
}

/// One assessment: the answers file the app also exports, plus where the user was.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub format_version: u32,
    pub id: String,
    #[serde(default)]
    pub section: usize,
    /// Where the page was scrolled to when it was left.
    #[serde(default)]
    pub scroll_y: f64,
    pub file: AnswersFile,
}

/// What loading found: the readable assessments, and the keys set aside.
pub struct Loaded {
    pub settings: Option<Settings>,
    pub custom_files: Vec<CustomFile>,
    pub assessments: Vec<Saved>,
    pub set_aside: Vec<String>,
}

fn keys() -> Vec<String> {
    let storage = LocalStorage::raw();
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

fn set_aside(key: &str) {
    let storage = LocalStorage::raw();
    if let Ok(Some(raw)) = storage.get_item(key) {
        let rest = key.strip_prefix("shuzhuan.").unwrap_or(key);
        let _ = storage.set_item(&format!("{UNREADABLE_PREFIX}{rest}"), &raw);
    }
    let _ = storage.remove_item(key);
}

pub fn load() -> Loaded {
    let mut set_aside_keys = Vec::new();
    let settings = match LocalStorage::get::<Settings>(SETTINGS) {
        Ok(s) if s.format_version == FORMAT_VERSION => Some(s),
        Ok(_) | Err(gloo_storage::errors::StorageError::SerdeError(_)) => {
            set_aside(SETTINGS);
            set_aside_keys.push(SETTINGS.to_string());
            None
        }
        Err(_) => None,
    };
    let custom_files = LocalStorage::get::<Vec<CustomFile>>(CUSTOM_FILES).unwrap_or_default();
    let mut assessments = Vec::new();
    for key in keys()
        .into_iter()
        .filter(|k| k.starts_with(ASSESSMENT_PREFIX))
    {
        match LocalStorage::get::<Saved>(&key) {
            Ok(s) if s.format_version == FORMAT_VERSION => assessments.push(s),
            _ => {
                set_aside(&key);
                set_aside_keys.push(key);
            }
        }
    }
    assessments.sort_by(|a, b| b.file.updated_at.cmp(&a.file.updated_at));
    Loaded {
        settings,
        custom_files,
        assessments,
        set_aside: set_aside_keys,
    }
}

/// Saves one assessment; an error means the browser refused (private mode, storage full).
pub fn save(saved: &Saved) -> Result<(), String> {
    LocalStorage::set(format!("{ASSESSMENT_PREFIX}{}", saved.id), saved).map_err(|e| e.to_string())
}

pub fn save_settings(settings: &Settings) -> Result<(), String> {
    LocalStorage::set(SETTINGS, settings).map_err(|e| e.to_string())
}

/// Written only when a file is loaded: the sources can be large.
pub fn save_custom_files(files: &[CustomFile]) -> Result<(), String> {
    LocalStorage::set(CUSTOM_FILES, files).map_err(|e| e.to_string())
}

pub fn delete(id: &str) {
    LocalStorage::delete(format!("{ASSESSMENT_PREFIX}{id}"));
}

/// Records the scroll position in the saved entry of assessment `id` (on leaving the page).
pub fn save_scroll(id: &str, scroll_y: f64) {
    let key = format!("{ASSESSMENT_PREFIX}{id}");
    if let Ok(mut saved) = LocalStorage::get::<Saved>(&key) {
        saved.scroll_y = scroll_y;
        let _ = LocalStorage::set(&key, &saved);
    }
}
