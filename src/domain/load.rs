//! Raw → checked: parse a questionnaire file and validate it, collecting every error
//! with its file, line, column and field path.

use std::collections::BTreeMap;

use toml::Spanned;

use super::questionnaire::{
    ChoiceOption, Dimension, Formula, Indicator, Item, ItemKind, Questionnaire, Section, Source,
};
use super::raw::{RawIndicator, RawItem, RawQuestionnaireFile, RawText};
use super::source_pos::{LoadError, SourceMap};
use super::text::Text;

/// Parse and validate a questionnaire. `file` is the name used in error messages.
pub fn load_questionnaire(file: &str, src: &str) -> Result<Questionnaire, Vec<LoadError>> {
    let map = SourceMap::new(file, src);
    let raw: RawQuestionnaireFile = parse_toml(&map, src)?;
    let mut checker = Checker { map: &map, errors: Vec::new() };
    let questionnaire = checker.questionnaire(raw);
    checker.finish(questionnaire)
}

/// Deserialize TOML into a raw struct; a syntax or shape error becomes one `LoadError`.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    map: &SourceMap,
    src: &str,
) -> Result<T, Vec<LoadError>> {
    toml::from_str(src).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = e.message().trim().to_string();
        vec![map.error(
            offset,
            "(file)",
            Text::new(format!("TOML 格式错误：{message}"), format!("TOML error: {message}")),
        )]
    })
}

pub(crate) fn msg(zh: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(zh, en)
}

pub(crate) struct Checker<'a> {
    pub map: &'a SourceMap<'a>,
    pub errors: Vec<LoadError>,
}

impl Checker<'_> {
    /// The value, or every error in the order of the file, like a compiler's.
    pub fn finish<T>(mut self, value: T) -> Result<T, Vec<LoadError>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            self.errors.sort_by_key(|e| (e.line, e.col));
            Err(self.errors)
        }
    }

    pub fn error<T>(&mut self, at: &Spanned<T>, field: &str, message: Text) {
        self.errors.push(self.map.error(at.span().start, field, message));
    }

    /// A bilingual text; Chinese is required.
    pub fn text(&mut self, raw: &Spanned<RawText>, field: &str) -> Text {
        let inner = raw.get_ref();
        let zh = inner.zh.clone().unwrap_or_default();
        if zh.trim().is_empty() {
            self.error(raw, field, msg("缺少中文文本（zh）", "Chinese text (zh) is missing"));
        }
        Text { zh, en: inner.en.clone().filter(|en| !en.trim().is_empty()) }
    }

    pub fn non_empty_id(&mut self, raw: &Spanned<String>, field: &str) -> String {
        let id = raw.get_ref().trim().to_string();
        if id.is_empty() {
            self.error(raw, field, msg("id 不能为空", "id must not be empty"));
        }
        id
    }

    /// Records `id` in `seen`, reporting a duplicate with the place of the first one.
    pub fn unique(
        &mut self,
        seen: &mut BTreeMap<String, String>,
        raw: &Spanned<String>,
        field: &str,
    ) {
        let id = raw.get_ref().trim().to_string();
        if let Some(first) = seen.get(&id) {
            let (zh, en) = (
                format!("id “{id}”重复，已在 {first} 使用"),
                format!("duplicate id \"{id}\", already used at {first}"),
            );
            self.error(raw, field, msg(zh, en));
        } else {
            seen.insert(id, field.to_string());
        }
    }

    fn questionnaire(&mut self, raw: RawQuestionnaireFile) -> Questionnaire {
        let meta = raw.questionnaire.get_ref();
        let id = self.non_empty_id(&meta.id, "questionnaire.id");
        let version = meta.version.get_ref().trim().to_string();
        if version.is_empty() {
            self.error(&meta.version, "questionnaire.version", msg("版本不能为空", "version must not be empty"));
        }
        let title = self.text(&meta.title, "questionnaire.title");
        let description = meta.description.as_ref().map(|d| self.text(d, "questionnaire.description"));

        let mut source_ids = BTreeMap::new();
        let sources: Vec<Source> = raw
            .sources
            .iter()
            .enumerate()
            .map(|(n, s)| {
                let s = s.get_ref();
                let field = format!("sources[{n}]");
                self.unique(&mut source_ids, &s.id, &format!("{field}.id"));
                if s.title.get_ref().trim().is_empty() {
                    self.error(&s.title, &format!("{field}.title"), msg("来源标题不能为空", "source title must not be empty"));
                }
                Source {
                    id: self.non_empty_id(&s.id, &format!("{field}.id")),
                    title: s.title.get_ref().clone(),
                    publisher: s.publisher.clone(),
                    date: s.date.clone(),
                    note: s.note.clone(),
                }
            })
            .collect();

        let mut ids = BTreeMap::new();
        let sections: Vec<Section> = raw
            .sections
            .iter()
            .enumerate()
            .map(|(n, s)| {
                let s = s.get_ref();
                let field = format!("sections[{n}]");
                self.unique(&mut ids, &s.id, &format!("{field}.id"));
                let dimensions = s
                    .dimensions
                    .iter()
                    .enumerate()
                    .map(|(m, d)| {
                        let d = d.get_ref();
                        let field = format!("{field}.dimensions[{m}]");
                        self.unique(&mut ids, &d.id, &format!("{field}.id"));
                        let items = d
                            .items
                            .iter()
                            .enumerate()
                            .map(|(k, item)| {
                                let field = format!("{field}.items[{k}]");
                                self.unique(&mut ids, &item.get_ref().id, &format!("{field}.id"));
                                self.item(item, &field)
                            })
                            .collect();
                        Dimension {
                            id: self.non_empty_id(&d.id, &format!("{field}.id")),
                            title: self.text(&d.title, &format!("{field}.title")),
                            items,
                        }
                    })
                    .collect();
                Section {
                    id: self.non_empty_id(&s.id, &format!("{field}.id")),
                    title: self.text(&s.title, &format!("{field}.title")),
                    dimensions,
                }
            })
            .collect();
        if sections.is_empty() {
            self.error(&raw.questionnaire, "sections", msg("问卷至少需要一个部分（[[sections]]）", "a questionnaire needs at least one section ([[sections]])"));
        }

        // Indicators refer to items, so they are checked against the items built above.
        let items: BTreeMap<&str, &Item> = sections
            .iter()
            .flat_map(|s| &s.dimensions)
            .flat_map(|d| &d.items)
            .map(|i| (i.id.as_str(), i))
            .collect();
        let mut indicator_ids = BTreeMap::new();
        let indicators = raw
            .indicators
            .iter()
            .enumerate()
            .map(|(n, ind)| {
                let field = format!("indicators[{n}]");
                self.unique(&mut indicator_ids, &ind.get_ref().id, &format!("{field}.id"));
                self.indicator(ind.get_ref(), &field, &items, &source_ids)
            })
            .collect();

        Questionnaire::new(id, version, title, description, sources, indicators, sections)
    }

    fn item(&mut self, raw: &Spanned<RawItem>, field: &str) -> Item {
        let r = raw.get_ref();
        let id = self.non_empty_id(&r.id, &format!("{field}.id"));
        let text = self.text(&r.text, &format!("{field}.text"));
        let help = r.help.as_ref().map(|h| self.text(h, &format!("{field}.help")));
        let kind = match r.kind.get_ref().as_str() {
            "count" => {
                let unit = match &r.unit {
                    Some(u) => self.text(u, &format!("{field}.unit")),
                    None => {
                        self.error(raw, field, msg("计数题必须给出单位（unit）", "a count item needs a unit"));
                        Text::default()
                    }
                };
                let min = self.bound(r.min.as_ref(), &format!("{field}.min")).unwrap_or(0);
                let max = self.bound(r.max.as_ref(), &format!("{field}.max"));
                if let (Some(max_value), Some(at)) = (max, &r.max) {
                    if max_value < min {
                        self.error(at, &format!("{field}.max"), msg(format!("最大值 {max_value} 小于最小值 {min}"), format!("max {max_value} is below min {min}")));
                    }
                }
                ItemKind::Count { unit, min, max }
            }
            "multi_select" => {
                if r.options.is_empty() {
                    self.error(raw, &format!("{field}.options"), msg("多选题至少需要一个选项", "a multi_select item needs at least one option"));
                }
                let mut seen = BTreeMap::new();
                let options = r
                    .options
                    .iter()
                    .enumerate()
                    .map(|(n, o)| {
                        let o = o.get_ref();
                        let field = format!("{field}.options[{n}]");
                        self.unique(&mut seen, &o.id, &format!("{field}.id"));
                        ChoiceOption {
                            id: self.non_empty_id(&o.id, &format!("{field}.id")),
                            text: self.text(&o.text, &format!("{field}.text")),
                        }
                    })
                    .collect();
                ItemKind::MultiSelect { options }
            }
            other => {
                self.error(
                    &r.kind,
                    &format!("{field}.kind"),
                    msg(format!("未知题型“{other}”，可用：count、multi_select"), format!("unknown kind \"{other}\"; expected count or multi_select")),
                );
                ItemKind::MultiSelect { options: Vec::new() }
            }
        };
        Item { id, text, help, kind }
    }

    fn bound(&mut self, raw: Option<&Spanned<i64>>, field: &str) -> Option<u64> {
        let raw = raw?;
        match u64::try_from(*raw.get_ref()) {
            Ok(v) => Some(v),
            Err(_) => {
                self.error(raw, field, msg("计数的界限不能为负数", "a count bound cannot be negative"));
                None
            }
        }
    }

    fn indicator(
        &mut self,
        r: &RawIndicator,
        field: &str,
        items: &BTreeMap<&str, &Item>,
        sources: &BTreeMap<String, String>,
    ) -> Indicator {
        let id = self.non_empty_id(&r.id, &format!("{field}.id"));
        if r.unit.get_ref() != "%" {
            self.error(&r.unit, &format!("{field}.unit"), msg("指标单位目前只能是“%”", "an indicator's unit must be \"%\""));
        }
        if !sources.contains_key(r.source.get_ref().trim()) {
            let s = r.source.get_ref();
            self.error(&r.source, &format!("{field}.source"), msg(format!("来源“{s}”未在 [[sources]] 中定义"), format!("source \"{s}\" is not defined in [[sources]]")));
        }
        let formula = match (&r.numerator, &r.denominator, &r.selected_of) {
            (Some(num), Some(den), None) => {
                self.item_ref(num, &format!("{field}.numerator"), items, "count");
                self.item_ref(den, &format!("{field}.denominator"), items, "count");
                Formula::Ratio { numerator: num.get_ref().clone(), denominator: den.get_ref().clone() }
            }
            (None, None, Some(item)) => {
                self.item_ref(item, &format!("{field}.selected_of"), items, "multi_select");
                Formula::SelectedShare { item: item.get_ref().clone() }
            }
            _ => {
                self.error(&r.id, field, msg("指标须给出 numerator 与 denominator，或只给出 selected_of", "an indicator needs numerator and denominator, or selected_of alone"));
                Formula::SelectedShare { item: String::new() }
            }
        };
        Indicator {
            id,
            name: self.text(&r.name, &format!("{field}.name")),
            unit: r.unit.get_ref().clone(),
            formula,
            definition: self.text(&r.definition, &format!("{field}.definition")),
            source: r.source.get_ref().trim().to_string(),
            unverified: r.unverified,
        }
    }

    fn item_ref(&mut self, raw: &Spanned<String>, field: &str, items: &BTreeMap<&str, &Item>, want: &str) {
        let id = raw.get_ref();
        let kind = match items.get(id.as_str()).map(|i| &i.kind) {
            None => {
                self.error(raw, field, msg(format!("引用了不存在的题目“{id}”"), format!("refers to unknown item \"{id}\"")));
                return;
            }
            Some(ItemKind::Count { .. }) => "count",
            Some(ItemKind::MultiSelect { .. }) => "multi_select",
        };
        if kind != want {
            self.error(raw, field, msg(format!("题目“{id}”是 {kind}，此处需要 {want}"), format!("item \"{id}\" is a {kind}, {want} is needed here")));
        }
    }
}
