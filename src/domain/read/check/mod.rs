//! Raw → checked: read a questionnaire file and validate it, collecting every error
//! with its file, line, column and field path.

pub mod benchmark;
pub mod targets;

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::model::condition::{Condition, Metric, Rhs, Value};
use crate::domain::model::questionnaire::{
    Band, ChoiceOption, Dimension, Direction, Formula, Indicator, Item, ItemKind, LevelDef,
    LevelOption, Questionnaire, Recommendation, Scoring, Section, Source,
};
use crate::domain::model::text::Text;
use crate::domain::read::condition_parser::parse_condition;
use crate::domain::read::raw::{
    checked_text, read_questionnaire_file, RawItem, RawPoints, RawQuestionnaireFile, RawText,
};
use crate::domain::read::source_pos::{LoadError, SourceMap};
use crate::domain::read::toml_reader::{msg, At, Obj, Reader};

/// Points are compared with this tolerance (0.7 × 15 is not exactly 10.5 in binary).
const POINTS_EPSILON: f64 = 1e-6;

/// Parse and validate a questionnaire. `file` is the name used in error messages.
pub fn load_questionnaire(file: &str, src: &str) -> Result<Questionnaire, Vec<LoadError>> {
    let map = SourceMap::new(file, src);
    let mut r = Reader::new(&map);
    let doc = r.parse(src);
    if r.has_syntax_errors() {
        return r.finish(Questionnaire::empty());
    }
    let mut root = Obj::root(&doc);
    let raw = read_questionnaire_file(&mut r, &mut root);
    root.done(&mut r);
    let q = Checker {
        r: &mut r,
        ids: BTreeMap::new(),
    }
    .questionnaire(raw);
    r.finish(q)
}

struct Checker<'r, 'a> {
    r: &'r mut Reader<'a>,
    /// Every id of sections, dimensions, items and indicators → the field that declared it.
    ids: BTreeMap<String, String>,
}

pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl Checker<'_, '_> {
    fn error(&mut self, offset: usize, field: &str, zh: impl Into<String>, en: impl Into<String>) {
        self.r.error(offset, field, msg(zh, en));
    }

    /// A bilingual text; Chinese is required.
    fn text(&mut self, raw: &RawText, field: &str) -> Text {
        checked_text(self.r, raw, field)
    }

    fn id(&mut self, raw: &At<String>, field: &str) -> String {
        let id = raw.value.trim().to_string();
        if !is_valid_id(&id) {
            self.error(
                raw.offset,
                field,
                format!("id “{id}”只能由字母、数字、_ 和 - 组成，且不能为空"),
                format!("id \"{id}\" must be non-empty letters, digits, _ or -"),
            );
        }
        id
    }

    /// An id in the shared name space, reporting a duplicate with the first place.
    fn unique_id(&mut self, raw: &At<String>, field: &str) -> String {
        let id = self.id(raw, field);
        if let Some(first) = self.ids.get(&id) {
            let first = first.clone();
            self.error(
                raw.offset,
                field,
                format!("id “{id}”重复，已在 {first} 使用"),
                format!("duplicate id \"{id}\", already used at {first}"),
            );
        } else if !id.is_empty() {
            self.ids.insert(id.clone(), field.to_string());
        }
        id
    }

    fn non_negative(&mut self, v: &At<f64>, field: &str) -> f64 {
        if v.value < 0.0 {
            self.error(
                v.offset,
                field,
                format!("分值 {} 不能为负数", v.value),
                format!("points {} cannot be negative", v.value),
            );
        }
        v.value.max(0.0)
    }

    fn source_ref(&mut self, raw: &At<String>, field: &str, sources: &BTreeSet<String>) {
        if !sources.contains(raw.value.trim()) {
            let s = &raw.value;
            self.error(
                raw.offset,
                field,
                format!("来源“{s}”未在 [[sources]] 中定义"),
                format!("source \"{s}\" is not defined in [[sources]]"),
            );
        }
    }

    fn questionnaire(mut self, raw: RawQuestionnaireFile) -> Questionnaire {
        // Sources come first: everything else may cite them.
        let mut source_ids = BTreeSet::new();
        let mut sources = Vec::new();
        for (n, s) in raw.sources.iter().enumerate() {
            let field = format!("sources[{n}]");
            let id = self.id(&s.id, &format!("{field}.id"));
            if !source_ids.insert(id.clone()) {
                self.error(
                    s.id.offset,
                    &format!("{field}.id"),
                    format!("来源 id “{id}”重复"),
                    format!("duplicate source id \"{id}\""),
                );
            }
            if s.title.value.trim().is_empty() {
                self.error(
                    s.title.offset,
                    &format!("{field}.title"),
                    "来源标题不能为空",
                    "source title must not be empty",
                );
            }
            sources.push(Source {
                id,
                title: s.title.value.clone(),
                publisher: s.publisher.clone(),
                date: s.date.clone(),
                note: s.note.clone(),
            });
        }

        let (mut id, mut version, mut title, mut description, mut scoring, mut total, mut follows) = (
            String::new(),
            String::new(),
            Text::default(),
            None,
            Scoring::Points,
            None,
            Vec::new(),
        );
        if let Some(meta) = &raw.meta {
            id = self.id(&meta.id, "questionnaire.id");
            version = meta.version.value.trim().to_string();
            if version.is_empty() {
                self.error(
                    meta.version.offset,
                    "questionnaire.version",
                    "版本不能为空",
                    "version must not be empty",
                );
            }
            title = self.text(&meta.title, "questionnaire.title");
            description = meta
                .description
                .as_ref()
                .map(|d| self.text(d, "questionnaire.description"));
            scoring = match meta.scoring.as_ref().map(|s| s.value.as_str()) {
                None | Some("points") => Scoring::Points,
                Some("maturity") => Scoring::Maturity,
                Some(other) => {
                    let at = meta.scoring.as_ref().map_or(meta.offset, |s| s.offset);
                    self.error(
                        at,
                        "questionnaire.scoring",
                        format!("未知计分方式“{other}”，可用：points、maturity"),
                        format!("unknown scoring \"{other}\"; expected points or maturity"),
                    );
                    Scoring::Points
                }
            };
            total = meta.total_points.clone();
            for (n, s) in meta.sources.iter().enumerate() {
                self.source_ref(s, &format!("questionnaire.sources[{n}]"), &source_ids);
                follows.push(s.value.trim().to_string());
            }
        }

        let mut sections = Vec::new();
        for (n, s) in raw.sections.iter().enumerate() {
            let field = format!("sections[{n}]");
            let id = self.unique_id(&s.id, &format!("{field}.id"));
            let title = self.text(&s.title, &format!("{field}.title"));
            let mut dimensions = Vec::new();
            for (m, d) in s.dimensions.iter().enumerate() {
                let field = format!("{field}.dimensions[{m}]");
                let id = self.unique_id(&d.id, &format!("{field}.id"));
                let title = self.text(&d.title, &format!("{field}.title"));
                let items: Vec<Item> = d
                    .items
                    .iter()
                    .enumerate()
                    .map(|(k, item)| self.item(item, &format!("{field}.items[{k}]"), &source_ids))
                    .collect();
                let item_sum: f64 = items.iter().map(|i| i.kind.max_points()).sum();
                let points = match &d.points {
                    Some(p) => {
                        let declared = self.non_negative(p, &format!("{field}.points"));
                        if scoring == Scoring::Points
                            && (declared - item_sum).abs() > POINTS_EPSILON
                        {
                            self.error(
                                p.offset,
                                &format!("{field}.points"),
                                format!(
                                    "维度分值 {declared} 与各题最高分之和 {} 不一致",
                                    round(item_sum)
                                ),
                                format!(
                                    "dimension points {declared} ≠ sum of item maxima {}",
                                    round(item_sum)
                                ),
                            );
                        }
                        declared
                    }
                    None => item_sum,
                };
                let weight = match &d.weight {
                    Some(w) if w.value <= 0.0 => {
                        self.error(
                            w.offset,
                            &format!("{field}.weight"),
                            "权重必须大于 0",
                            "weight must be greater than 0",
                        );
                        1.0
                    }
                    Some(w) => w.value,
                    None => 1.0,
                };
                if d.items.is_empty() {
                    self.error(
                        d.offset,
                        &format!("{field}.items"),
                        "维度至少需要一道题",
                        "a dimension needs at least one item",
                    );
                }
                dimensions.push(Dimension {
                    id,
                    title,
                    points,
                    weight,
                    items,
                });
            }
            let dim_sum: f64 = dimensions.iter().map(|d| d.points).sum();
            let points = match &s.points {
                Some(p) => {
                    let declared = self.non_negative(p, &format!("{field}.points"));
                    if scoring == Scoring::Points && (declared - dim_sum).abs() > POINTS_EPSILON {
                        self.error(
                            p.offset,
                            &format!("{field}.points"),
                            format!(
                                "部分分值 {declared} 与各维度分值之和 {} 不一致",
                                round(dim_sum)
                            ),
                            format!(
                                "section points {declared} ≠ sum of dimension points {}",
                                round(dim_sum)
                            ),
                        );
                    }
                    declared
                }
                None => dim_sum,
            };
            if s.dimensions.is_empty() {
                self.error(
                    s.offset,
                    &format!("{field}.dimensions"),
                    "部分至少需要一个维度",
                    "a section needs at least one dimension",
                );
            }
            sections.push(Section {
                id,
                title,
                points,
                dimensions,
            });
        }
        if raw.sections.is_empty() {
            let at = raw.meta.as_ref().map_or(raw.offset, |m| m.offset);
            self.error(
                at,
                "sections",
                "问卷至少需要一个部分（[[sections]]）",
                "a questionnaire needs at least one section ([[sections]])",
            );
        }
        let section_sum: f64 = sections.iter().map(|s| s.points).sum();
        let total_points = match &total {
            Some(t) => {
                if (t.value - section_sum).abs() > POINTS_EPSILON {
                    self.error(
                        t.offset,
                        "questionnaire.total_points",
                        format!(
                            "总分 {} 与各部分分值之和 {} 不一致",
                            t.value,
                            round(section_sum)
                        ),
                        format!(
                            "total_points {} ≠ sum of section points {}",
                            t.value,
                            round(section_sum)
                        ),
                    );
                }
                t.value
            }
            None => section_sum,
        };

        // References between items are checked once every item exists.
        let items: BTreeMap<String, Item> = sections
            .iter()
            .flat_map(|s| &s.dimensions)
            .flat_map(|d| &d.items)
            .map(|i| (i.id.clone(), i.clone()))
            .collect();
        let raw_items: Vec<(String, &RawItem)> =
            raw.sections
                .iter()
                .enumerate()
                .flat_map(|(n, s)| {
                    s.dimensions.iter().enumerate().flat_map(move |(m, d)| {
                        d.items.iter().enumerate().map(move |(k, i)| {
                            (format!("sections[{n}].dimensions[{m}].items[{k}]"), i)
                        })
                    })
                })
                .collect();
        for (field, raw_item) in &raw_items {
            self.ratio_refs(raw_item, field, &items);
        }
        let mut conditions = self.conditions(&raw_items, &items);
        for item in sections
            .iter_mut()
            .flat_map(|s| &mut s.dimensions)
            .flat_map(|d| &mut d.items)
        {
            item.visible_if = conditions.remove(&item.id);
        }

        let indicators: Vec<Indicator> = raw
            .indicators
            .iter()
            .enumerate()
            .map(|(n, ind)| {
                let field = format!("indicators[{n}]");
                let id = self.unique_id(&ind.id, &format!("{field}.id"));
                if ind.unit.value != "%" {
                    self.error(ind.unit.offset, &format!("{field}.unit"), "指标单位目前只能是“%”", "an indicator's unit must be \"%\"");
                }
                self.source_ref(&ind.source, &format!("{field}.source"), &source_ids);
                let formula = match (&ind.numerator, &ind.denominator, &ind.selected_of, &ind.yes_no) {
                    (Some(num), Some(den), None, None) => {
                        self.item_ref(num, &format!("{field}.numerator"), &items, &["count"]);
                        self.item_ref(den, &format!("{field}.denominator"), &items, &["count"]);
                        Formula::Ratio { numerator: num.value.clone(), denominator: den.value.clone() }
                    }
                    (None, None, Some(item), None) => {
                        self.item_ref(item, &format!("{field}.selected_of"), &items, &["multi_select"]);
                        Formula::SelectedShare { item: item.value.clone() }
                    }
                    (None, None, None, Some(item)) => {
                        self.item_ref(item, &format!("{field}.yes_no"), &items, &["yes_no"]);
                        Formula::YesNo { item: item.value.clone() }
                    }
                    _ => {
                        self.error(ind.offset, &field, "指标须给出 numerator 与 denominator，或只给出 selected_of 或 yes_no 之一", "an indicator needs numerator and denominator, or exactly one of selected_of and yes_no");
                        Formula::SelectedShare { item: String::new() }
                    }
                };
                Indicator {
                    id,
                    name: self.text(&ind.name, &format!("{field}.name")),
                    unit: ind.unit.value.clone(),
                    formula,
                    definition: self.text(&ind.definition, &format!("{field}.definition")),
                    source: ind.source.value.trim().to_string(),
                    unverified: ind.unverified,
                }
            })
            .collect();

        let levels = self.levels(&raw, scoring, &source_ids);

        let metric_ids = MetricIds {
            indicators: indicators
                .iter()
                .map(|i: &Indicator| i.id.clone())
                .collect(),
            dimensions: sections
                .iter()
                .flat_map(|s| &s.dimensions)
                .map(|d| d.id.clone())
                .collect(),
            sections: sections.iter().map(|s| s.id.clone()).collect(),
        };
        let mut rec_ids = BTreeSet::new();
        let recommendations = raw
            .recommendations
            .iter()
            .enumerate()
            .filter_map(|(n, rec)| {
                let field = format!("recommendations[{n}]");
                let id = self.id(&rec.id, &format!("{field}.id"));
                if !rec_ids.insert(id.clone()) {
                    self.error(
                        rec.id.offset,
                        &format!("{field}.id"),
                        format!("建议 id “{id}”重复"),
                        format!("duplicate recommendation id \"{id}\""),
                    );
                }
                if let Some(s) = &rec.source {
                    self.source_ref(s, &format!("{field}.source"), &source_ids);
                }
                let when =
                    self.rule_condition(&rec.when, &format!("{field}.when"), &items, &metric_ids);
                let improves = rec
                    .improves
                    .as_ref()
                    .and_then(|imp| self.improves(imp, &format!("{field}.improves"), &metric_ids));
                let action = self.text(&rec.action, &format!("{field}.action"));
                let rationale = self.text(&rec.rationale, &format!("{field}.rationale"));
                let measure = rec
                    .measure
                    .as_ref()
                    .map(|m| self.text(m, &format!("{field}.measure")));
                Some(Recommendation {
                    id,
                    when: when?,
                    improves,
                    action,
                    rationale,
                    measure,
                    source: rec.source.as_ref().map(|s| s.value.trim().to_string()),
                })
            })
            .collect();

        Questionnaire {
            id,
            version,
            title,
            description,
            scoring,
            total_points,
            follows,
            sources,
            indicators,
            levels,
            sections,
            recommendations,
            item_index: Default::default(),
        }
        .indexed()
    }

    fn levels(
        &mut self,
        raw: &RawQuestionnaireFile,
        scoring: Scoring,
        sources: &BTreeSet<String>,
    ) -> Vec<LevelDef> {
        let mut out: Vec<LevelDef> = Vec::new();
        for (n, l) in raw.levels.iter().enumerate() {
            let field = format!("levels[{n}]");
            let level = match &l.level {
                Some(v) if v.value == (n + 1) as f64 => (n + 1) as u8,
                Some(v) => {
                    self.error(
                        v.offset,
                        &format!("{field}.level"),
                        format!("等级应按顺序编号，此处应为 {}", n + 1),
                        format!("levels must be numbered in order; expected {}", n + 1),
                    );
                    (n + 1) as u8
                }
                None => (n + 1) as u8,
            };
            let range = match (&l.from, &l.to, scoring) {
                (Some(from), Some(to), _) => {
                    if from.value >= to.value {
                        self.error(
                            to.offset,
                            &format!("{field}.to"),
                            format!("to（{}）必须大于 from（{}）", to.value, from.value),
                            format!(
                                "to ({}) must be greater than from ({})",
                                to.value, from.value
                            ),
                        );
                    }
                    if let Some((_, prev_to)) = out.last().and_then(|p| p.range) {
                        if (from.value - prev_to).abs() > POINTS_EPSILON {
                            let (zh, en) = if from.value > prev_to {
                                (
                                    format!(
                                        "等级之间有空档：{prev_to}–{} 不属于任何等级",
                                        from.value
                                    ),
                                    format!("levels leave {prev_to}–{} uncovered", from.value),
                                )
                            } else {
                                (format!("等级区间重叠：从 {} 开始，但上一等级到 {prev_to}", from.value), format!("levels overlap: starts at {} but the previous level ends at {prev_to}", from.value))
                            };
                            self.error(from.offset, &format!("{field}.from"), zh, en);
                        }
                    }
                    Some((from.value, to.value))
                }
                (None, None, Scoring::Maturity) => None,
                _ => {
                    self.error(
                        l.offset,
                        &field,
                        "计分型问卷的等级需要 from 和 to",
                        "a level of a points questionnaire needs from and to",
                    );
                    None
                }
            };
            if let Some(s) = &l.source {
                self.source_ref(s, &format!("{field}.source"), sources);
            }
            out.push(LevelDef {
                level,
                name: self.text(&l.name, &format!("{field}.name")),
                range,
                descriptor: self.text(&l.descriptor, &format!("{field}.descriptor")),
                source: l.source.as_ref().map(|s| s.value.trim().to_string()),
                unverified: l.unverified,
            });
        }
        out
    }

    fn item(&mut self, raw: &RawItem, field: &str, sources: &BTreeSet<String>) -> Item {
        let id = self.unique_id(&raw.id, &format!("{field}.id"));
        let text = self.text(&raw.text, &format!("{field}.text"));
        let help = raw
            .help
            .as_ref()
            .map(|h| self.text(h, &format!("{field}.help")));
        if let Some(s) = &raw.source {
            self.source_ref(s, &format!("{field}.source"), sources);
        }
        let kind_name = raw.kind.value.as_str();
        self.fields_fit_kind(raw, field, kind_name);
        let kind = match kind_name {
            "single_choice" => {
                let options = self.options(raw, field);
                if options.len() < 2 {
                    self.error(
                        raw.offset,
                        &format!("{field}.options"),
                        "单选题至少需要两个选项",
                        "a single_choice item needs at least two options",
                    );
                }
                ItemKind::SingleChoice { options }
            }
            "multi_select" => {
                let options = self.options(raw, field);
                if options.is_empty() {
                    self.error(
                        raw.offset,
                        &format!("{field}.options"),
                        "多选题至少需要一个选项",
                        "a multi_select item needs at least one option",
                    );
                }
                let cap = raw
                    .cap
                    .as_ref()
                    .map(|c| self.non_negative(c, &format!("{field}.cap")));
                ItemKind::MultiSelect { options, cap }
            }
            "count" => {
                let unit = self.unit(raw, field);
                let whole = |c: &mut Self, v: &Option<At<f64>>, name: &str| -> Option<u64> {
                    let v = v.as_ref()?;
                    if v.value < 0.0 || v.value.fract() != 0.0 {
                        c.error(
                            v.offset,
                            &format!("{field}.{name}"),
                            "计数的界限必须是非负整数",
                            "a count bound must be a whole number ≥ 0",
                        );
                        return None;
                    }
                    Some(v.value as u64)
                };
                let min = whole(self, &raw.min, "min").unwrap_or(0);
                let max = whole(self, &raw.max, "max");
                if let (Some(m), Some(at)) = (max, &raw.max) {
                    if m < min {
                        self.error(
                            at.offset,
                            &format!("{field}.max"),
                            format!("最大值 {m} 小于最小值 {min}"),
                            format!("max {m} is below min {min}"),
                        );
                    }
                }
                ItemKind::Count { unit, min, max }
            }
            "amount" => {
                let unit = self.unit(raw, field);
                let min = raw.min.as_ref().map_or(0.0, |m| m.value);
                let max = raw.max.as_ref().map(|m| m.value);
                if let (Some(m), Some(at)) = (max, &raw.max) {
                    if m < min {
                        self.error(
                            at.offset,
                            &format!("{field}.max"),
                            format!("最大值 {m} 小于最小值 {min}"),
                            format!("max {m} is below min {min}"),
                        );
                    }
                }
                ItemKind::Amount { unit, min, max }
            }
            "ratio" => {
                let name = |c: &mut Self, v: &Option<At<String>>, key: &str| -> String {
                    match v {
                        Some(v) => v.value.clone(),
                        None => {
                            c.error(
                                raw.offset,
                                &format!("{field}.{key}"),
                                format!("比率题缺少 {key}"),
                                format!("a ratio item needs `{key}`"),
                            );
                            String::new()
                        }
                    }
                };
                let numerator = name(self, &raw.numerator, "numerator");
                let denominator = name(self, &raw.denominator, "denominator");
                let bands = self.bands(raw, field);
                ItemKind::Ratio {
                    numerator,
                    denominator,
                    part_of_whole: raw.part_of_whole.as_ref().is_none_or(|b| b.value),
                    bands,
                }
            }
            "trend" => {
                let better = match raw.better.as_ref().map(|b| (b.offset, b.value.as_str())) {
                    Some((_, "up")) => Direction::Up,
                    Some((_, "down")) => Direction::Down,
                    Some((at, other)) => {
                        self.error(
                            at,
                            &format!("{field}.better"),
                            format!("better 只能是 up 或 down，而不是“{other}”"),
                            format!("better must be up or down, not \"{other}\""),
                        );
                        Direction::Up
                    }
                    None => {
                        self.error(
                            raw.offset,
                            &format!("{field}.better"),
                            "趋势题需要 better（up 或 down）",
                            "a trend item needs `better` (up or down)",
                        );
                        Direction::Up
                    }
                };
                let points = match &raw.points {
                    Some(RawPoints::Trend { up, flat, down, .. }) => {
                        let mut p = [0.0; 3];
                        for (slot, v, name) in [(0, up, "up"), (1, flat, "flat"), (2, down, "down")]
                        {
                            if let Some(v) = v {
                                p[slot] = self.non_negative(v, &format!("{field}.points.{name}"));
                            }
                        }
                        p
                    }
                    _ => {
                        self.error(
                            raw.offset,
                            &format!("{field}.points"),
                            "趋势题需要 points = { up = …, flat = …, down = … }",
                            "a trend item needs points = { up = …, flat = …, down = … }",
                        );
                        [0.0; 3]
                    }
                };
                ItemKind::Trend { better, points }
            }
            "yes_no" => {
                let points = match &raw.points {
                    Some(RawPoints::Number(v)) => self.non_negative(v, &format!("{field}.points")),
                    None => 0.0,
                    Some(_) => {
                        self.error(
                            raw.offset,
                            &format!("{field}.points"),
                            "是非题的 points 应为一个数字",
                            "a yes_no item's points must be one number",
                        );
                        0.0
                    }
                };
                ItemKind::YesNo { points }
            }
            "text" => ItemKind::FreeText,
            "level" => self.level_item(raw, field),
            "" => ItemKind::FreeText, // a missing kind is already reported
            other => {
                self.error(
                    raw.kind.offset,
                    &format!("{field}.kind"),
                    format!("未知题型“{other}”，可用：single_choice、multi_select、count、amount、ratio、trend、yes_no、text、level"),
                    format!("unknown kind \"{other}\"; expected single_choice, multi_select, count, amount, ratio, trend, yes_no, text or level"),
                );
                ItemKind::FreeText
            }
        };
        Item {
            id,
            text,
            help,
            kind,
            allow_na: raw.allow_na,
            allow_unknown: raw.allow_unknown,
            visible_if: None, // parsed in `conditions`, once every item exists
            source: raw.source.as_ref().map(|s| s.value.trim().to_string()),
            unverified: raw.unverified,
        }
    }

    /// Reports fields that have no meaning for the item's kind (a typo or a wrong kind).
    fn fields_fit_kind(&mut self, raw: &RawItem, field: &str, kind: &str) {
        let present: [(&str, Option<usize>, &[&str]); 9] = [
            (
                "options",
                raw.options.as_ref().map(|_| raw.offset),
                &["single_choice", "multi_select"],
            ),
            ("cap", raw.cap.as_ref().map(|v| v.offset), &["multi_select"]),
            (
                "unit",
                raw.unit.as_ref().map(|v| v.offset),
                &["count", "amount"],
            ),
            (
                "min",
                raw.min.as_ref().map(|v| v.offset),
                &["count", "amount"],
            ),
            (
                "max",
                raw.max.as_ref().map(|v| v.offset),
                &["count", "amount"],
            ),
            (
                "numerator",
                raw.numerator.as_ref().map(|v| v.offset),
                &["ratio"],
            ),
            ("bands", raw.bands.as_ref().map(|b| b.0), &["ratio"]),
            ("better", raw.better.as_ref().map(|v| v.offset), &["trend"]),
            ("levels", raw.levels.as_ref().map(|l| l.0), &["level"]),
        ];
        const KINDS: [&str; 9] = [
            "single_choice",
            "multi_select",
            "count",
            "amount",
            "ratio",
            "trend",
            "yes_no",
            "text",
            "level",
        ];
        if !KINDS.contains(&kind) {
            return; // the unknown kind is reported once, by `item`
        }
        for (name, at, kinds) in present {
            if let Some(at) = at {
                if !kinds.contains(&kind) {
                    self.error(
                        at,
                        &format!("{field}.{name}"),
                        format!("字段 {name} 不适用于题型 {kind}"),
                        format!("field `{name}` does not apply to kind {kind}"),
                    );
                }
            }
        }
    }

    fn unit(&mut self, raw: &RawItem, field: &str) -> Text {
        match &raw.unit {
            Some(u) => self.text(u, &format!("{field}.unit")),
            None => {
                self.error(
                    raw.offset,
                    &format!("{field}.unit"),
                    "数值题必须给出单位（unit）",
                    "a count or amount item needs a unit",
                );
                Text::default()
            }
        }
    }

    fn options(&mut self, raw: &RawItem, field: &str) -> Vec<ChoiceOption> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (n, o) in raw.options.iter().flatten().enumerate() {
            let f = format!("{field}.options[{n}]");
            let id = self.id(&o.id, &format!("{f}.id"));
            if !seen.insert(id.clone()) {
                self.error(
                    o.id.offset,
                    &format!("{f}.id"),
                    format!("选项 id “{id}”在本题中重复"),
                    format!("duplicate option id \"{id}\" in this item"),
                );
            }
            let level = o.level.as_ref().and_then(|l| {
                if (1.0..=5.0).contains(&l.value) && l.value.fract() == 0.0 {
                    Some(l.value as u8)
                } else {
                    self.error(
                        l.offset,
                        &format!("{f}.level"),
                        "等级应为 1–5 的整数",
                        "level must be a whole number from 1 to 5",
                    );
                    None
                }
            });
            out.push(ChoiceOption {
                id,
                text: self.text(&o.text, &format!("{f}.text")),
                points: o
                    .points
                    .as_ref()
                    .map_or(0.0, |p| self.non_negative(p, &format!("{f}.points"))),
                level,
            });
        }
        out
    }

    fn bands(&mut self, raw: &RawItem, field: &str) -> Vec<Band> {
        let Some((at, raw_bands)) = &raw.bands else {
            self.error(
                raw.offset,
                &format!("{field}.bands"),
                "比率题需要分段（bands）",
                "a ratio item needs bands",
            );
            return Vec::new();
        };
        let f = format!("{field}.bands");
        if raw_bands.is_empty() {
            self.error(*at, &f, "分段不能为空", "bands must not be empty");
            return Vec::new();
        }
        let mut out: Vec<Band> = Vec::new();
        for (n, b) in raw_bands.iter().enumerate() {
            let (Some(from), Some(to), Some(points)) = (&b.from, &b.to, &b.points) else {
                continue;
            };
            let bf = format!("{f}[{n}]");
            if !(0.0..=100.0).contains(&from.value) || !(0.0..=100.0).contains(&to.value) {
                self.error(
                    b.offset,
                    &bf,
                    "分段界限必须在 0–100（%）之间",
                    "band limits must be within 0–100 (%)",
                );
            }
            if to.value <= from.value {
                self.error(
                    to.offset,
                    &format!("{bf}.to"),
                    format!("to（{}）必须大于 from（{}）", to.value, from.value),
                    format!(
                        "to ({}) must be greater than from ({})",
                        to.value, from.value
                    ),
                );
            }
            let expected_from = out.last().map_or(0.0, |p| p.to);
            if (from.value - expected_from).abs() > POINTS_EPSILON {
                let (zh, en) = if from.value > expected_from {
                    (
                        format!(
                            "分段有空档：{expected_from}–{} % 不属于任何分段",
                            from.value
                        ),
                        format!("bands leave {expected_from}–{} % uncovered", from.value),
                    )
                } else if out.is_empty() {
                    (
                        format!("分段必须从 0 开始，而不是 {}", from.value),
                        format!("bands must start at 0, not {}", from.value),
                    )
                } else {
                    (format!("分段重叠：从 {} 开始，但上一段到 {expected_from}", from.value), format!("bands overlap: starts at {} but the previous band ends at {expected_from}", from.value))
                };
                self.error(from.offset, &format!("{bf}.from"), zh, en);
            }
            let points = self.non_negative(points, &format!("{bf}.points"));
            out.push(Band {
                from: from.value,
                to: to.value,
                points,
            });
        }
        if let Some(last) = out.last() {
            if (last.to - 100.0).abs() > POINTS_EPSILON {
                let off = raw_bands
                    .last()
                    .and_then(|b| b.to.as_ref())
                    .map_or(*at, |t| t.offset);
                self.error(
                    off,
                    &format!("{f}[{}].to", raw_bands.len() - 1),
                    format!("分段必须覆盖到 100%，最后一段止于 {}", last.to),
                    format!("bands must cover up to 100 %; the last ends at {}", last.to),
                );
            }
        }
        out
    }

    fn level_item(&mut self, raw: &RawItem, field: &str) -> ItemKind {
        let Some((at, raw_levels)) = &raw.levels else {
            self.error(
                raw.offset,
                &format!("{field}.levels"),
                "等级题需要 levels",
                "a level item needs levels",
            );
            return ItemKind::Level {
                levels: Vec::new(),
                points: None,
            };
        };
        if raw_levels.len() != 4 && raw_levels.len() != 5 {
            self.error(
                *at,
                &format!("{field}.levels"),
                format!("等级题应有 4 或 5 个等级，实际 {} 个", raw_levels.len()),
                format!("a level item has 4 or 5 levels, not {}", raw_levels.len()),
            );
        }
        let mut levels = Vec::new();
        for (n, l) in raw_levels.iter().enumerate() {
            let f = format!("{field}.levels[{n}]");
            if let Some(v) = &l.level {
                if v.value != (n + 1) as f64 {
                    self.error(
                        v.offset,
                        &format!("{f}.level"),
                        format!("等级应按 1、2、3… 顺序给出，此处应为 {}", n + 1),
                        format!("levels go 1, 2, 3… in order; expected {}", n + 1),
                    );
                }
            }
            levels.push(LevelOption {
                level: (n + 1) as u8,
                text: self.text(&l.text, &format!("{f}.text")),
            });
        }
        let points = match &raw.points {
            None => None,
            Some(RawPoints::List(list)) => {
                if list.value.len() != levels.len() {
                    self.error(
                        list.offset,
                        &format!("{field}.points"),
                        format!("points 应有 {} 个数（每个等级一个）", levels.len()),
                        format!("points needs {} numbers, one per level", levels.len()),
                    );
                }
                if list.value.iter().any(|p| *p < 0.0) {
                    self.error(
                        list.offset,
                        &format!("{field}.points"),
                        "分值不能为负数",
                        "points cannot be negative",
                    );
                }
                Some(list.value.clone())
            }
            Some(_) => {
                self.error(
                    raw.offset,
                    &format!("{field}.points"),
                    "等级题的 points 应为数组，如 [0, 1, 2, 3]",
                    "a level item's points must be a list like [0, 1, 2, 3]",
                );
                None
            }
        };
        ItemKind::Level { levels, points }
    }

    /// `want` lists the acceptable kinds of the referenced item.
    fn item_ref(
        &mut self,
        raw: &At<String>,
        field: &str,
        items: &BTreeMap<String, Item>,
        want: &[&str],
    ) {
        let id = &raw.value;
        match items.get(id) {
            None => self.error(
                raw.offset,
                field,
                format!("引用了不存在的题目“{id}”"),
                format!("refers to unknown item \"{id}\""),
            ),
            Some(item) if !want.contains(&item.kind.name()) => {
                let (kind, wanted) = (item.kind.name(), want.join(" or "));
                self.error(
                    raw.offset,
                    field,
                    format!("题目“{id}”是 {kind}，此处需要 {wanted}"),
                    format!("item \"{id}\" is a {kind}, {wanted} is needed here"),
                );
            }
            Some(_) => {}
        }
    }

    fn ratio_refs(&mut self, raw: &RawItem, field: &str, items: &BTreeMap<String, Item>) {
        if raw.kind.value != "ratio" {
            return;
        }
        for (key, v) in [
            ("numerator", &raw.numerator),
            ("denominator", &raw.denominator),
        ] {
            if let Some(v) = v {
                self.item_ref(v, &format!("{field}.{key}"), items, &["count", "amount"]);
            }
        }
    }

    /// Parses every `visible_if`, checks its references, and refuses cycles.
    fn conditions(
        &mut self,
        raw_items: &[(String, &RawItem)],
        items: &BTreeMap<String, Item>,
    ) -> BTreeMap<String, Condition> {
        let mut parsed: BTreeMap<String, (Condition, usize, String)> = BTreeMap::new();
        for (field, raw) in raw_items {
            let Some(src) = &raw.visible_if else { continue };
            let f = format!("{field}.visible_if");
            // The string's content starts one byte after its opening quote.
            let content_start = src.offset + 1;
            match parse_condition(&src.value) {
                Err(e) => self.r.error(
                    content_start + e.offset,
                    &f,
                    Text {
                        zh: format!("条件有误：{}", e.zh),
                        en: Some(format!("invalid condition: {}", e.en)),
                    },
                ),
                Ok(cond) => {
                    self.condition_refs(&cond, src, &f, items, None);
                    parsed.insert(raw.id.value.clone(), (cond, src.offset, f));
                }
            }
        }
        // Depth-first search for a cycle through visible_if references.
        let mut reported = BTreeSet::new();
        for start in parsed.keys() {
            let mut path = vec![start.clone()];
            if let Some(cycle) = find_cycle(start, &parsed, &mut path) {
                let key: BTreeSet<String> = cycle.iter().cloned().collect();
                if reported.insert(key.into_iter().collect::<Vec<_>>()) {
                    let (_, offset, field) = &parsed[start];
                    let chain = cycle.join(" → ");
                    self.error(
                        *offset,
                        field,
                        format!("显示条件依赖自身：{chain}"),
                        format!("visible_if depends on itself: {chain}"),
                    );
                }
            }
        }
        parsed.into_iter().map(|(id, (c, _, _))| (id, c)).collect()
    }

    fn rule_condition(
        &mut self,
        src: &At<String>,
        field: &str,
        items: &BTreeMap<String, Item>,
        ids: &MetricIds,
    ) -> Option<Condition> {
        match parse_condition(&src.value) {
            Err(e) => {
                self.r.error(
                    src.offset + 1 + e.offset,
                    field,
                    Text {
                        zh: format!("条件有误：{}", e.zh),
                        en: Some(format!("invalid condition: {}", e.en)),
                    },
                );
                None
            }
            Ok(cond) => {
                self.condition_refs(&cond, src, field, items, Some(ids));
                Some(cond)
            }
        }
    }

    /// `improves = "dimension(x)"`, `"section(x)"` or `"indicator(x)"`.
    fn improves(&mut self, src: &At<String>, field: &str, ids: &MetricIds) -> Option<Metric> {
        // Parsed as the left side of a comparison, the grammar's only place for a metric.
        let parsed = parse_condition(&format!("{} > 0", src.value));
        let metric = match parsed {
            Ok(Condition::Metric {
                left: m @ (Metric::Dimension(_) | Metric::Section(_) | Metric::Indicator(_)),
                ..
            }) => m,
            _ => {
                self.error(
                    src.offset,
                    field,
                    "improves 应为 dimension(id)、section(id) 或 indicator(id)",
                    "improves must be dimension(id), section(id) or indicator(id)",
                );
                return None;
            }
        };
        let (known, id) = match &metric {
            Metric::Dimension(x) => (ids.dimensions.contains(x), x),
            Metric::Section(x) => (ids.sections.contains(x), x),
            Metric::Indicator(x) => (ids.indicators.contains(x), x),
            _ => return None,
        };
        if !known {
            self.error(
                src.offset + 1 + src.value.find(id.as_str()).unwrap_or(0),
                field,
                format!("没有“{id}”"),
                format!("no such id \"{id}\""),
            );
        }
        Some(metric)
    }

    /// Checks what a condition refers to. `metrics` holds the ids result figures may
    /// name; None where they are not allowed (`visible_if`).
    fn condition_refs(
        &mut self,
        cond: &Condition,
        src: &At<String>,
        field: &str,
        items: &BTreeMap<String, Item>,
        metrics: Option<&MetricIds>,
    ) {
        // Point at the reference inside the string where it can be found.
        let at = |name: &str| src.offset + 1 + src.value.find(name).unwrap_or(0);
        match cond {
            Condition::Metric { left, right, .. } => {
                let Some(ids) = metrics else {
                    let m = left.to_string();
                    self.error(
                        at(&m),
                        field,
                        format!("显示条件中不能使用结果数据 {m}（只能用于建议的 when）"),
                        format!("{m} is a result figure, usable only in a recommendation's `when`"),
                    );
                    return;
                };
                let right_metric = match right {
                    Rhs::Metric(m) => Some(m),
                    _ => None,
                };
                for m in std::iter::once(left).chain(right_metric) {
                    let (known, what_zh, what_en, id) = match m {
                        Metric::Indicator(x) | Metric::Target(x) | Metric::National(x) => {
                            (ids.indicators.contains(x), "指标", "indicator", x.as_str())
                        }
                        Metric::Dimension(x) => {
                            (ids.dimensions.contains(x), "维度", "dimension", x.as_str())
                        }
                        Metric::Section(x) => {
                            (ids.sections.contains(x), "部分", "section", x.as_str())
                        }
                        Metric::Firm(x) => (
                            x == "size" || x == "sector",
                            "企业信息字段（size、sector）",
                            "firm field (size or sector)",
                            x.as_str(),
                        ),
                        Metric::Score | Metric::Level => (true, "", "", ""),
                    };
                    if !known {
                        self.error(
                            at(id),
                            field,
                            format!("没有{what_zh}“{id}”"),
                            format!("no {what_en} \"{id}\""),
                        );
                    }
                }
                let firm_left = matches!(left, Metric::Firm(_));
                let name_right = matches!(right, Rhs::Name(_));
                if firm_left != name_right {
                    self.error(at(&left.to_string()), field, "firm(…) 只能与名称比较，其他结果数据只能与数字或结果数据比较", "firm(…) compares with a name; other figures compare with numbers or figures");
                }
            }
            Condition::Answered(id) => {
                if !items.contains_key(id) {
                    self.error(
                        at(id),
                        field,
                        format!("引用了不存在的题目“{id}”"),
                        format!("refers to unknown item \"{id}\""),
                    );
                }
            }
            Condition::Selected { item, option } => match items.get(item).map(|i| &i.kind) {
                None => self.error(
                    at(item),
                    field,
                    format!("引用了不存在的题目“{item}”"),
                    format!("refers to unknown item \"{item}\""),
                ),
                Some(
                    ItemKind::SingleChoice { options } | ItemKind::MultiSelect { options, .. },
                ) => {
                    if !options.iter().any(|o| &o.id == option) {
                        self.error(
                            at(option),
                            field,
                            format!("题目“{item}”没有选项“{option}”"),
                            format!("item \"{item}\" has no option \"{option}\""),
                        );
                    }
                }
                Some(k) => self.error(
                    at(item),
                    field,
                    format!("selected() 需要选择题，而“{item}”是 {}", k.name()),
                    format!(
                        "selected() needs a choice item, \"{item}\" is a {}",
                        k.name()
                    ),
                ),
            },
            Condition::Compare { item, value, .. } => {
                let Some(kind) = items.get(item).map(|i| &i.kind) else {
                    self.error(
                        at(item),
                        field,
                        format!("引用了不存在的题目“{item}”"),
                        format!("refers to unknown item \"{item}\""),
                    );
                    return;
                };
                let ok = match (kind, value) {
                    (
                        ItemKind::Count { .. }
                        | ItemKind::Amount { .. }
                        | ItemKind::Ratio { .. }
                        | ItemKind::Level { .. },
                        Value::Number(_),
                    ) => true,
                    (ItemKind::SingleChoice { options }, Value::Name(n)) => {
                        options.iter().any(|o| &o.id == n)
                    }
                    (ItemKind::YesNo { .. }, Value::Name(n)) => n == "yes" || n == "no",
                    (ItemKind::Trend { .. }, Value::Name(n)) => Direction::from_id(n).is_some(),
                    _ => false,
                };
                if !ok {
                    self.error(
                        at(item),
                        field,
                        format!("无法这样比较题目“{item}”（{}）", kind.name()),
                        format!(
                            "item \"{item}\" ({}) cannot be compared with that value",
                            kind.name()
                        ),
                    );
                }
            }
            Condition::Not(c) => self.condition_refs(c, src, field, items, metrics),
            Condition::And(a, b) | Condition::Or(a, b) => {
                self.condition_refs(a, src, field, items, metrics);
                self.condition_refs(b, src, field, items, metrics);
            }
        }
    }
}

/// The ids result figures in a recommendation may name.
struct MetricIds {
    indicators: BTreeSet<String>,
    dimensions: BTreeSet<String>,
    sections: BTreeSet<String>,
}

fn find_cycle(
    current: &str,
    parsed: &BTreeMap<String, (Condition, usize, String)>,
    path: &mut Vec<String>,
) -> Option<Vec<String>> {
    let (cond, _, _) = parsed.get(current)?;
    for next in cond.items() {
        if next == path[0] {
            let mut cycle = path.clone();
            cycle.push(next.to_string());
            return Some(cycle);
        }
        if path.iter().any(|p| p == next) {
            continue; // a cycle not through the start; found when starting from it
        }
        path.push(next.to_string());
        if let Some(c) = find_cycle(next, parsed, path) {
            return Some(c);
        }
        path.pop();
    }
    None
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}
