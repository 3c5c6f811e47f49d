//! Raw structs that mirror the questionnaire TOML file one to one. They are only the
//! input of `load`, which checks them and builds the model in `questionnaire`.
//! Fields that can be wrong on their own carry their position (`Spanned`).

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawText {
    pub zh: Option<String>,
    pub en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestionnaireFile {
    pub questionnaire: Spanned<RawMeta>,
    #[serde(default)]
    pub sources: Vec<Spanned<RawSource>>,
    #[serde(default)]
    pub indicators: Vec<Spanned<RawIndicator>>,
    #[serde(default)]
    pub sections: Vec<Spanned<RawSection>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub id: Spanned<String>,
    pub version: Spanned<String>,
    pub title: Spanned<RawText>,
    pub description: Option<Spanned<RawText>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub id: Spanned<String>,
    pub name: Spanned<RawText>,
    pub unit: Spanned<String>,
    /// Ratio of two count items: numerator ÷ denominator.
    pub numerator: Option<Spanned<String>>,
    pub denominator: Option<Spanned<String>>,
    /// Share of a multi-select item's options that are ticked.
    pub selected_of: Option<Spanned<String>>,
    pub definition: Spanned<RawText>,
    pub source: Spanned<String>,
    #[serde(default)]
    pub unverified: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: Spanned<String>,
    pub title: Spanned<RawText>,
    #[serde(default)]
    pub dimensions: Vec<Spanned<RawDimension>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDimension {
    pub id: Spanned<String>,
    pub title: Spanned<RawText>,
    #[serde(default)]
    pub items: Vec<Spanned<RawItem>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub text: Spanned<RawText>,
    pub help: Option<Spanned<RawText>>,
    pub unit: Option<Spanned<RawText>>,
    pub min: Option<Spanned<i64>>,
    pub max: Option<Spanned<i64>>,
    #[serde(default)]
    pub options: Vec<Spanned<RawOption>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: Spanned<String>,
    pub text: Spanned<RawText>,
}
