//! Bilingual user-facing text: Chinese is required, English optional (falls back to Chinese).

use serde::{Deserialize, Serialize};

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The one of two fixed texts that is in this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A text in Chinese and, optionally, English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub zh: String,
    // Always written, as null when absent: the compiled form (postcard) is positional.
    #[serde(default)]
    pub en: Option<String>,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            zh: zh.into(),
            en: Some(en.into()),
        }
    }

    /// The text in `lang`, falling back to Chinese where no English is given.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &self.zh,
        }
    }

    /// The language `get(lang)` actually returns, for the `lang` attribute.
    pub fn lang_of(&self, lang: Lang) -> Lang {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => Lang::En,
            _ => Lang::Zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_falls_back_to_chinese() {
        let t = Text {
            zh: "关键工序".into(),
            en: None,
        };
        assert_eq!(t.get(Lang::En), "关键工序");
        assert_eq!(t.lang_of(Lang::En), Lang::Zh);
        let t = Text::new("关键工序", "Key processes");
        assert_eq!(t.get(Lang::En), "Key processes");
        assert_eq!(t.get(Lang::Zh), "关键工序");
    }
}
