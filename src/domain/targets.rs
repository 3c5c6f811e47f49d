//! Target profiles: indicator id → target value for a region and year, with its source.

use serde::{Deserialize, Serialize};

use super::fast_map::IdMap;
use super::questionnaire::Questionnaire;
use super::raw::{checked_text, req_text, text};
use super::source_pos::{LoadError, SourceMap};
use super::text::Text;
use super::toml_reader::{msg, At, Obj, Reader};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetProfile {
    pub id: String,
    pub name: Text,
    pub region: Text,
    pub year: u16,
    /// The policy document the targets are taken from.
    pub source: String,
    pub note: Option<Text>,
    /// Indicator id → target in percent.
    pub targets: IdMap<f64>,
}

impl TargetProfile {
    pub fn target(&self, indicator: &str) -> Option<f64> {
        self.targets.get(indicator).copied()
    }
}

/// Parse and validate a target profile. Every indicator it names must exist in at least
/// one of `questionnaires`, and every value must be a percentage (0–100).
pub fn load_target_profile(
    file: &str,
    src: &str,
    questionnaires: &[&Questionnaire],
) -> Result<TargetProfile, Vec<LoadError>> {
    let map = SourceMap::new(file, src);
    let mut r = Reader::new(&map);
    let doc = r.parse(src);
    if r.has_syntax_errors() {
        return Err(r.finish(()).err().unwrap_or_default());
    }
    let mut root = Obj::root(&doc);
    let profile = root.req_table(&mut r, "profile", |r, o| {
        let id = o.req_str(r, "id");
        let name = req_text(r, o, "name");
        let region = req_text(r, o, "region");
        let year = o.req_num(r, "year");
        let source = o.req_str(r, "source");
        let note = text(r, o, "note");
        (id, name, region, year, source, note)
    });
    let entries: Vec<(At<String>, At<f64>)> = root
        .req_table(&mut r, "targets", |r, o| o.number_entries(r))
        .unwrap_or_default();
    let targets_at = root.offset_of("targets");
    root.done(&mut r);

    let Some((id, name, region, year, source, note)) = profile else {
        return r.finish(TargetProfile::default_for_errors());
    };
    if !super::load::is_valid_id(id.value.trim()) {
        r.error(
            id.offset,
            "profile.id",
            msg(
                "id 只能由字母、数字、_ 和 - 组成，且不能为空",
                "id must be non-empty letters, digits, _ or -",
            ),
        );
    }
    let name = checked_text(&mut r, &name, "profile.name");
    let region = checked_text(&mut r, &region, "profile.region");
    let note = note.map(|n| checked_text(&mut r, &n, "profile.note"));
    let year = match year {
        Some(y) if (2000.0..=2100.0).contains(&y.value) && y.value.fract() == 0.0 => y.value as u16,
        Some(y) => {
            r.error(
                y.offset,
                "profile.year",
                msg(
                    "年份应为 2000–2100 之间的整数",
                    "year must be a whole number from 2000 to 2100",
                ),
            );
            0
        }
        None => 0,
    };
    if source.value.trim().is_empty() {
        r.error(
            source.offset,
            "profile.source",
            msg(
                "必须注明目标值的来源文件",
                "the source document of the targets is required",
            ),
        );
    }
    if entries.is_empty() && doc.get_ref().contains_key("targets") {
        r.error(
            targets_at,
            "targets",
            msg("至少需要一个目标值", "at least one target is needed"),
        );
    }
    let mut targets = IdMap::default();
    for (indicator, value) in entries {
        let field = format!("targets.{}", indicator.value);
        check_indicator_known(&mut r, &indicator, &field, questionnaires);
        let v = value.value;
        if !(0.0..=100.0).contains(&v) {
            r.error(
                value.offset,
                &field,
                msg(
                    format!("目标值 {v} 超出百分比范围 0–100"),
                    format!("target {v} is outside the percentage range 0–100"),
                ),
            );
        }
        targets.insert(indicator.value, v);
    }
    r.finish(TargetProfile {
        id: id.value.trim().to_string(),
        name,
        region,
        year,
        source: source.value,
        note,
        targets,
    })
}

/// Reports an indicator id that none of `questionnaires` defines (profiles and benchmarks name them).
pub(crate) fn check_indicator_known(
    r: &mut Reader,
    indicator: &At<String>,
    field: &str,
    questionnaires: &[&Questionnaire],
) {
    if !questionnaires
        .iter()
        .any(|q| q.indicator(&indicator.value).is_some())
    {
        let i = &indicator.value;
        r.error(
            indicator.offset,
            field,
            msg(
                format!("没有任何问卷定义指标“{i}”"),
                format!("no questionnaire has an indicator \"{i}\""),
            ),
        );
    }
}

impl TargetProfile {
    fn default_for_errors() -> Self {
        TargetProfile {
            id: String::new(),
            name: Text::default(),
            region: Text::default(),
            year: 0,
            source: String::new(),
            note: None,
            targets: IdMap::default(),
        }
    }
}

/// The profile whose region the firm's region names ("江苏省泰州市高港区" → 泰州), the
/// most specific match first; None when no regional profile fits.
pub fn suggest_profile<'a>(
    profiles: &'a [TargetProfile],
    firm_region: &str,
) -> Option<&'a TargetProfile> {
    let key = |p: &TargetProfile| -> String {
        let r = p.region.zh.trim_end_matches('市').trim_end_matches('省');
        r.rsplit('省')
            .next()
            .unwrap_or(r)
            .trim_end_matches('市')
            .to_string()
    };
    let region = firm_region.trim();
    if region.is_empty() {
        return None;
    }
    profiles
        .iter()
        .filter(|p| p.region.zh != "全国")
        .map(|p| (key(p), p))
        .filter(|(k, _)| !k.is_empty() && region.contains(k.as_str()))
        .max_by_key(|(k, _)| k.chars().count())
        .map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(id: &str, region: &str) -> TargetProfile {
        TargetProfile {
            id: id.into(),
            name: Text::default(),
            region: Text {
                zh: region.into(),
                en: None,
            },
            year: 2025,
            source: String::new(),
            note: None,
            targets: IdMap::default(),
        }
    }

    #[test]
    fn a_firm_region_picks_its_regional_profile() {
        let ps = vec![
            profile("national", "全国"),
            profile("taizhou", "江苏省泰州市"),
            profile("gansu", "甘肃省"),
            profile("chongqing", "重庆市"),
        ];
        let pick = |r: &str| suggest_profile(&ps, r).map(|p| p.id.as_str());
        assert_eq!(pick("江苏省泰州市高港区"), Some("taizhou"));
        assert_eq!(pick("泰州"), Some("taizhou"));
        assert_eq!(pick("甘肃省兰州市"), Some("gansu"));
        assert_eq!(pick("重庆市渝北区"), Some("chongqing"));
        assert_eq!(pick("江苏省常州市"), None);
        assert_eq!(pick(""), None);
    }
}
