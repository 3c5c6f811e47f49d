//! The firm being assessed, as the answers file and the app record it.

use serde::{Deserialize, Serialize};

use crate::domain::model::text::Lang;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirmProfile {
    #[serde(default)]
    pub name: String,
    /// e.g. `machinery`, `electronics` (free text is accepted).
    #[serde(default)]
    pub sector: String,
    /// `micro`, `small`, `medium` or `large` (工信部 size classes), or empty.
    #[serde(default)]
    pub size: String,
    /// Province and city, e.g. `江苏省泰州市`.
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub respondent_role: String,
}

/// One of the fixed choices the app offers for a firm's sector or size: the value
/// saved in the answers and its name in each language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirmChoice {
    pub value: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

impl FirmChoice {
    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

const fn choice(value: &'static str, zh: &'static str, en: &'static str) -> FirmChoice {
    FirmChoice { value, zh, en }
}

/// Size classes as the MIIT classifies firms.
pub const SIZES: [FirmChoice; 4] = [
    choice("micro", "微型", "Micro"),
    choice("small", "小型", "Small"),
    choice("medium", "中型", "Medium"),
    choice("large", "大型", "Large"),
];

pub const SECTORS: [FirmChoice; 12] = [
    choice("machinery", "通用及专用设备制造", "Machinery"),
    choice("automotive", "汽车及零部件", "Automotive and parts"),
    choice("electronics", "电子信息", "Electronics"),
    choice("electrical", "电气机械和器材", "Electrical equipment"),
    choice("metals", "金属制品与冶金", "Metals"),
    choice("chemicals", "石化化工", "Chemicals"),
    choice("pharma", "医药", "Pharmaceuticals"),
    choice("textiles", "纺织服装", "Textiles and apparel"),
    choice("food", "食品饮料", "Food and drink"),
    choice("building_materials", "建材", "Building materials"),
    choice("light", "轻工家居", "Light industry"),
    choice("other", "其他制造业", "Other manufacturing"),
];

/// The name of a saved value among `choices`; a value that is none of them (an answers
/// file may give any text) reads as it is.
fn name_among(choices: &[FirmChoice], value: &str, lang: Lang) -> String {
    choices
        .iter()
        .find(|c| c.value == value)
        .map_or(value, |c| c.name(lang))
        .to_string()
}

impl FirmProfile {
    /// "通用及专用设备制造" for `machinery`.
    pub fn sector_name(&self, lang: Lang) -> String {
        name_among(&SECTORS, &self.sector, lang)
    }

    /// "小型" for `small`.
    pub fn size_name(&self, lang: Lang) -> String {
        name_among(&SIZES, &self.size, lang)
    }

    /// "通用及专用设备制造 / 小型", leaving out what is not given; empty if neither is.
    pub fn sector_and_size(&self, lang: Lang) -> String {
        [self.sector_name(lang), self.size_name(lang)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sector_and_size_read_in_either_language() {
        let firm = FirmProfile {
            sector: "machinery".into(),
            size: "small".into(),
            ..Default::default()
        };
        assert_eq!(firm.sector_and_size(Lang::Zh), "通用及专用设备制造 / 小型");
        assert_eq!(firm.sector_and_size(Lang::En), "Machinery / Small");
    }

    #[test]
    fn a_value_outside_the_choices_reads_as_given_and_a_missing_one_is_left_out() {
        let firm = FirmProfile {
            sector: "精密铸造".into(),
            ..Default::default()
        };
        assert_eq!(firm.sector_name(Lang::En), "精密铸造");
        assert_eq!(firm.sector_and_size(Lang::Zh), "精密铸造");
        assert_eq!(FirmProfile::default().sector_and_size(Lang::Zh), "");
    }

    #[test]
    fn every_choice_has_a_distinct_value_and_both_names() {
        for choices in [&SECTORS[..], &SIZES[..]] {
            for (i, c) in choices.iter().enumerate() {
                assert!(!c.zh.is_empty() && !c.en.is_empty(), "{c:?}");
                assert!(choices[..i].iter().all(|o| o.value != c.value), "{c:?}");
            }
        }
    }
}
