//! Raw → checked: read a questionnaire file and validate it, collecting every error
//! with its file, line, column and field path. Each file checks one concern; the
//! errors are data (`messages::CheckError`), worded in one place.

// Runs in the files worker, the CLI and build.rs, never in the app's wasm: std is right here.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

pub mod benchmark;
pub mod targets;

mod bands;
mod conditions;
mod cycles;
mod header;
mod ids;
mod indicators;
mod items;
mod kinds;
mod levels;
pub mod limits;
mod messages;
mod points;
mod recommendations;
mod references;
mod scenario_rule;
mod sections;
mod sources;

use std::collections::BTreeMap;

use crate::domain::model::questionnaire::{Item, Questionnaire};
use crate::domain::model::text::Text;
use crate::domain::read::raw::{
    checked_text, read_questionnaire_file, RawItem, RawQuestionnaireFile, RawText,
};
use crate::domain::read::source_pos::{LoadError, SourceMap};
use crate::domain::read::toml_reader::{Obj, Reader};

use ids::is_valid_id;
use messages::CheckError;

/// Parse and validate a questionnaire. `file` is the name used in error messages.
pub fn load_questionnaire(file: &str, src: &str) -> Result<Questionnaire, Vec<LoadError>> {
    let map = SourceMap::new(file, src);
    let mut r = Reader::new(&map);
    let doc = r.parse(src);
    if r.has_syntax_errors() {
        return r.finish(Questionnaire::empty());
    }
    let mut root = Obj::root(&doc);
    if !limits::within_size_limits(&mut r, &root) {
        return r.finish(Questionnaire::empty());
    }
    let raw = read_questionnaire_file(&mut r, &mut root);
    root.done(&mut r);
    let q = Checker {
        r: &mut r,
        ids: BTreeMap::new(),
    }
    .questionnaire(raw);
    r.finish(q)
}

/// Checks one questionnaire, reporting into its reader.
struct Checker<'r, 'a> {
    r: &'r mut Reader<'a>,
    /// Every id of sections, dimensions, items and indicators → the field that declared it.
    ids: BTreeMap<String, String>,
}

impl Checker<'_, '_> {
    fn error(&mut self, offset: usize, field: &str, error: CheckError) {
        self.r.error(offset, field, error.text());
    }

    /// A bilingual text; Chinese is required.
    fn text(&mut self, raw: &RawText, field: &str) -> Text {
        checked_text(self.r, raw, field)
    }

    /// The whole file, in the order its parts depend on one another: sources (cited by
    /// everything), the header, sections with their items, then what refers to items
    /// (ratios, conditions, indicators), the level scheme and the recommendations.
    fn questionnaire(mut self, raw: RawQuestionnaireFile) -> Questionnaire {
        let (sources, source_ids) = self.sources(&raw.sources);
        let header = self.header(raw.meta.as_ref(), &source_ids);
        let mut sections = self.sections(&raw, header.scoring, &source_ids);
        let total_points = self.total_points(header.total_points.as_ref(), &sections);

        // References between items are checked once every item exists.
        let items: BTreeMap<String, Item> = sections
            .iter()
            .flat_map(|s| &s.dimensions)
            .flat_map(|d| &d.items)
            .map(|i| (i.id.clone(), i.clone()))
            .collect();
        let raw_items = raw_items(&raw);
        for (field, raw_item) in &raw_items {
            self.ratio_refs(raw_item, field, &items);
            self.trend_refs(raw_item, field, &items);
        }
        let mut conditions = self.visible_if(&raw_items, &items);
        for item in sections
            .iter_mut()
            .flat_map(|s| &mut s.dimensions)
            .flat_map(|d| &mut d.items)
        {
            item.visible_if = conditions.remove(&item.id);
        }

        let indicators = self.indicators(&raw.indicators, &items, &source_ids);
        let levels = self.levels(&raw.levels, header.scoring, &source_ids);
        let scenario_rule = raw
            .scenario_rule
            .as_ref()
            .map(|r| self.scenario_rule(r, &items, &source_ids));
        let recommendations = self.recommendations(
            &raw.recommendations,
            &items,
            &conditions::MetricIds::of(&indicators, &sections),
            &source_ids,
        );

        Questionnaire {
            id: header.id,
            version: header.version,
            title: header.title,
            description: header.description,
            method: header.method,
            scoring: header.scoring,
            total_points,
            follows: header.follows,
            sources,
            indicators,
            levels,
            scenario_rule,
            sections,
            recommendations,
            item_index: Default::default(),
        }
        .indexed()
    }
}

/// Every raw item with its field path.
fn raw_items(raw: &RawQuestionnaireFile) -> Vec<(String, &RawItem)> {
    raw.sections
        .iter()
        .enumerate()
        .flat_map(|(n, s)| {
            s.dimensions.iter().enumerate().flat_map(move |(m, d)| {
                d.items
                    .iter()
                    .enumerate()
                    .map(move |(k, i)| (format!("sections[{n}].dimensions[{m}].items[{k}]"), i))
            })
        })
        .collect()
}
