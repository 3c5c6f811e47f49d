//! `[questionnaire]`: id, version, title, scoring and the sources it follows.

use std::collections::BTreeSet;

use super::{CheckError, Checker};
use crate::domain::model::questionnaire::Scoring;
use crate::domain::model::text::Text;
use crate::domain::read::raw::RawMeta;
use crate::domain::read::toml_reader::At;

/// The checked `[questionnaire]` table (defaults where it is missing, already reported).
pub(super) struct Header {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub description: Option<Text>,
    pub method: Option<Text>,
    pub scoring: Scoring,
    /// Checked against the sections' points once they are known.
    pub total_points: Option<At<f64>>,
    pub follows: Vec<String>,
}

impl Checker<'_, '_> {
    pub(super) fn header(&mut self, meta: Option<&RawMeta>, sources: &BTreeSet<String>) -> Header {
        let mut header = Header {
            id: String::new(),
            version: String::new(),
            title: Text::default(),
            description: None,
            method: None,
            scoring: Scoring::Points,
            total_points: None,
            follows: Vec::new(),
        };
        let Some(meta) = meta else { return header };
        header.id = self.id(&meta.id, "questionnaire.id");
        header.version = meta.version.value.trim().to_string();
        if header.version.is_empty() {
            let e = CheckError::EmptyVersion;
            self.error(meta.version.offset, "questionnaire.version", e);
        }
        header.title = self.text(&meta.title, "questionnaire.title");
        header.description = meta
            .description
            .as_ref()
            .map(|d| self.text(d, "questionnaire.description"));
        header.method = meta
            .method
            .as_ref()
            .map(|d| self.text(d, "questionnaire.method"));
        header.scoring = match meta.scoring.as_ref().map(|s| s.value.as_str()) {
            None | Some("points") => Scoring::Points,
            Some("maturity") => Scoring::Maturity,
            Some(other) => {
                let at = meta.scoring.as_ref().map_or(meta.offset, |s| s.offset);
                let e = CheckError::UnknownScoring {
                    scoring: other.to_string(),
                };
                self.error(at, "questionnaire.scoring", e);
                Scoring::Points
            }
        };
        header.total_points = meta.total_points.clone();
        for (n, s) in meta.sources.iter().enumerate() {
            self.source_ref(s, &format!("questionnaire.sources[{n}]"), sources);
            header.follows.push(s.value.trim().to_string());
        }
        header
    }
}
