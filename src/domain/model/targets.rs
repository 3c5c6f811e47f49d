//! Target profiles: indicator id → target value for a region and year, with its source.

use serde::{Deserialize, Serialize};

use crate::domain::model::text::Text;
use crate::domain::util::fast_map::IdMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetProfile {
    pub id: String,
    pub name: Text,
    pub region: Text,
    pub year: u16,
    /// The firms the targets are set for ("规模以上工业企业", "工业企业", …): a target for
    /// firms above designated size is not one for all firms.
    pub scope: Text,
    /// The policy document the targets are taken from (`source`, and `source_en` for
    /// the English report).
    pub source: Text,
    /// When the document was issued ("2024-04-09"), where known.
    pub date: Option<String>,
    pub note: Option<Text>,
    /// Indicator id → target in percent.
    pub targets: IdMap<f64>,
}

impl TargetProfile {
    pub fn target(&self, indicator: &str) -> Option<f64> {
        self.targets.get(indicator).copied()
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

/// The profile a new assessment starts from: its region's (`suggest_profile`), else the
/// first national one (the first of `profiles` if none is national). Never the previous
/// firm's choice.
pub fn default_profile<'a>(
    profiles: &'a [TargetProfile],
    firm_region: &str,
) -> Option<&'a TargetProfile> {
    suggest_profile(profiles, firm_region)
        .or_else(|| profiles.iter().find(|p| p.region.zh == "全国"))
        .or(profiles.first())
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
            scope: Text::default(),
            source: Text::default(),
            date: None,
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

    #[test]
    fn a_new_assessment_starts_from_its_region_or_the_national_profile() {
        let ps = vec![
            profile("taizhou", "江苏省泰州市"),
            profile("national-2025", "全国"),
            profile("national-2027", "全国"),
        ];
        let pick = |r: &str| default_profile(&ps, r).map(|p| p.id.as_str());
        assert_eq!(
            pick(""),
            Some("national-2025"),
            "no region: the first national"
        );
        assert_eq!(
            pick("江苏省常州市"),
            Some("national-2025"),
            "no regional profile"
        );
        assert_eq!(pick("江苏省泰州市"), Some("taizhou"));
        let regional_only = &ps[..1];
        assert_eq!(
            default_profile(regional_only, "").map(|p| p.id.as_str()),
            Some("taizhou")
        );
        assert_eq!(default_profile(&[], ""), None);
    }
}
