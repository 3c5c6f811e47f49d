//! Ids: their form, and one name space for sections, dimensions, items and indicators.

use super::{CheckError, Checker};
use crate::domain::read::toml_reader::At;

pub(super) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl Checker<'_, '_> {
    /// The trimmed id, reported when it is not letters, digits, `_` or `-`.
    pub(super) fn id(&mut self, raw: &At<String>, field: &str) -> String {
        let id = raw.value.trim().to_string();
        if !is_valid_id(&id) {
            self.error(raw.offset, field, CheckError::InvalidId { id: id.clone() });
        }
        id
    }

    /// An id in the shared name space, reporting a duplicate with the first place.
    pub(super) fn unique_id(&mut self, raw: &At<String>, field: &str) -> String {
        let id = self.id(raw, field);
        if let Some(first) = self.ids.get(&id) {
            let first = first.clone();
            let e = CheckError::DuplicateId {
                id: id.clone(),
                first,
            };
            self.error(raw.offset, field, e);
        } else if !id.is_empty() {
            self.ids.insert(id.clone(), field.to_string());
        }
        id
    }
}
