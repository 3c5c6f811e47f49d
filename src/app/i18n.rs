//! Interface strings in both languages, chosen at the call site.

use crate::domain::text::Lang;

pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
