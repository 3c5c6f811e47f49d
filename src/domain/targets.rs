//! Target profiles: indicator id → target value for a region and year, with its source.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::load::{msg, parse_toml, Checker};
use super::questionnaire::Questionnaire;
use super::raw::RawText;
use super::source_pos::{LoadError, SourceMap};
use super::text::Text;

#[derive(Clone, Debug, PartialEq)]
pub struct TargetProfile {
    pub id: String,
    pub name: Text,
    pub region: Text,
    pub year: u16,
    /// The policy document the targets are taken from.
    pub source: String,
    pub note: Option<Text>,
    /// Indicator id → target in percent.
    pub targets: BTreeMap<String, f64>,
}

impl TargetProfile {
    pub fn target(&self, indicator: &str) -> Option<f64> {
        self.targets.get(indicator).copied()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfileFile {
    profile: Spanned<RawProfile>,
    targets: Spanned<BTreeMap<String, Spanned<f64>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    id: Spanned<String>,
    name: Spanned<RawText>,
    region: Spanned<RawText>,
    year: Spanned<i64>,
    source: Spanned<String>,
    note: Option<Spanned<RawText>>,
}

/// Parse and validate a target profile. Every indicator it names must exist in at least
/// one of `questionnaires`, and every value must be a percentage (0–100).
pub fn load_target_profile(
    file: &str,
    src: &str,
    questionnaires: &[&Questionnaire],
) -> Result<TargetProfile, Vec<LoadError>> {
    let map = SourceMap::new(file, src);
    let raw: RawProfileFile = parse_toml(&map, src)?;
    let mut c = Checker { map: &map, errors: Vec::new() };
    let p = raw.profile.get_ref();
    let id = c.non_empty_id(&p.id, "profile.id");
    let name = c.text(&p.name, "profile.name");
    let region = c.text(&p.region, "profile.region");
    let year = match u16::try_from(*p.year.get_ref()) {
        Ok(y) if (2000..=2100).contains(&y) => y,
        _ => {
            c.error(&p.year, "profile.year", msg("年份应在 2000–2100 之间", "year must be between 2000 and 2100"));
            0
        }
    };
    if p.source.get_ref().trim().is_empty() {
        c.error(&p.source, "profile.source", msg("必须注明目标值的来源文件", "the source document of the targets is required"));
    }
    let note = p.note.as_ref().map(|n| c.text(n, "profile.note"));
    if raw.targets.get_ref().is_empty() {
        c.error(&raw.targets, "targets", msg("至少需要一个目标值", "at least one target is needed"));
    }
    let mut targets = BTreeMap::new();
    for (indicator, value) in raw.targets.get_ref() {
        let field = format!("targets.{indicator}");
        if !questionnaires.iter().any(|q| q.indicator(indicator).is_some()) {
            c.error(value, &field, msg(format!("没有任何问卷定义指标“{indicator}”"), format!("no questionnaire has an indicator \"{indicator}\"")));
        }
        let v = *value.get_ref();
        if !(0.0..=100.0).contains(&v) {
            c.error(value, &field, msg(format!("目标值 {v} 超出百分比范围 0–100"), format!("target {v} is outside the percentage range 0–100")));
        }
        targets.insert(indicator.clone(), v);
    }
    c.finish(TargetProfile { id, name, region, year, source: p.source.get_ref().clone(), note, targets })
}
