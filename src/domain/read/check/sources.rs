//! `[[sources]]`, and the references to them that indicators, items, levels and
//! recommendations make.

use std::collections::BTreeSet;

use super::{CheckError, Checker};
use crate::domain::model::questionnaire::Source;
use crate::domain::model::text::Text;
use crate::domain::read::raw::RawSource;
use crate::domain::read::toml_reader::At;

impl Checker<'_, '_> {
    /// The sources and the set of their ids.
    pub(super) fn sources(&mut self, raw: &[RawSource]) -> (Vec<Source>, BTreeSet<String>) {
        let mut ids = BTreeSet::new();
        let mut sources = Vec::new();
        for (n, s) in raw.iter().enumerate() {
            let field = format!("sources[{n}]");
            let id = self.id(&s.id, &format!("{field}.id"));
            if !ids.insert(id.clone()) {
                let e = CheckError::DuplicateSourceId { id: id.clone() };
                self.error(s.id.offset, &format!("{field}.id"), e);
            }
            if s.title.value.trim().is_empty() {
                let e = CheckError::EmptySourceTitle;
                self.error(s.title.offset, &format!("{field}.title"), e);
            }
            sources.push(Source {
                id,
                title: Text {
                    zh: s.title.value.clone(),
                    en: s.title_en.clone(),
                },
                publisher: s.publisher.as_ref().map(|p| Text {
                    zh: p.clone(),
                    en: s.publisher_en.clone(),
                }),
                date: s.date.clone(),
                note: s.note.clone(),
            });
        }
        (sources, ids)
    }

    /// Reports a source id that `[[sources]]` does not define.
    pub(super) fn source_ref(&mut self, raw: &At<String>, field: &str, sources: &BTreeSet<String>) {
        if !sources.contains(raw.value.trim()) {
            let e = CheckError::UnknownSource {
                source: raw.value.clone(),
            };
            self.error(raw.offset, field, e);
        }
    }
}
