//! Autosave of the assessment in progress to localStorage. A saved entry carries a
//! format version so that later releases can read it; an unreadable entry is set aside
//! under another key, never deleted, and reported.

use gloo_storage::{errors::StorageError, LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use crate::domain::answers::Answers;
use crate::domain::text::Lang;

const KEY: &str = "shuzhuan.draft";
const SET_ASIDE_KEY: &str = "shuzhuan.draft.unreadable";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub format_version: u32,
    pub questionnaire_id: String,
    pub firm_name: String,
    pub profile_id: String,
    pub lang: Lang,
    /// Index of the section on screen.
    #[serde(default)]
    pub section: usize,
    /// Questionnaire id → answers.
    pub answers: BTreeMap<String, Answers>,
    /// Questionnaire files a consultant loaded, by name and source text.
    #[serde(default)]
    pub custom_files: Vec<CustomFile>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomFile {
    pub name: String,
    pub source: String,
}

pub enum Restored {
    Nothing,
    Draft(Draft),
    /// The saved entry could not be read; it was moved aside.
    SetAside,
}

pub fn restore() -> Restored {
    match LocalStorage::get::<Draft>(KEY) {
        Ok(d) if d.format_version == FORMAT_VERSION => Restored::Draft(d),
        Err(StorageError::KeyNotFound(_)) => Restored::Nothing,
        _ => {
            if let Ok(Some(raw)) = LocalStorage::raw().get_item(KEY) {
                let _ = LocalStorage::raw().set_item(SET_ASIDE_KEY, &raw);
            }
            LocalStorage::delete(KEY);
            Restored::SetAside
        }
    }
}

/// Saves the draft; an error means the browser refused (private mode, storage full).
pub fn save(draft: &Draft) -> Result<(), String> {
    LocalStorage::set(KEY, draft).map_err(|e| e.to_string())
}
