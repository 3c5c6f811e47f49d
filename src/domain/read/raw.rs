//! Raw structs that mirror the questionnaire TOML file one to one, and their reading.
//! Nothing is checked here beyond shape (fields, types); `check` checks meaning and
//! builds the model in `questionnaire`. Every value keeps its position (`At`).

use crate::domain::model::text::Text;
use crate::domain::read::shape_errors::ShapeError;
use crate::domain::read::toml_reader::{At, Obj, Reader};

#[derive(Debug, Default)]
pub struct RawText {
    pub offset: usize,
    pub zh: Option<String>,
    pub en: Option<String>,
    /// False when the table was missing or not a table (already reported).
    pub present: bool,
}

#[derive(Debug)]
pub struct RawQuestionnaireFile {
    pub meta: Option<RawMeta>,
    pub sources: Vec<RawSource>,
    pub indicators: Vec<RawIndicator>,
    pub levels: Vec<RawLevel>,
    pub scenario_rule: Option<RawScenarioRule>,
    pub sections: Vec<RawSection>,
    pub recommendations: Vec<RawRecommendation>,
    pub offset: usize,
}

/// `[scenario_rule]`: an estimate of the level from points and scenario levels.
#[derive(Debug)]
pub struct RawScenarioRule {
    pub key_scenarios: Vec<At<String>>,
    pub levels: Vec<RawScenarioLevel>,
    pub source: At<String>,
    pub unverified: bool,
}

#[derive(Debug)]
pub struct RawScenarioLevel {
    pub level: Option<At<f64>>,
    pub points: Option<At<f64>>,
    pub scenarios: Option<At<f64>>,
    pub key: Option<At<f64>>,
}

#[derive(Debug)]
pub struct RawMeta {
    pub offset: usize,
    pub id: At<String>,
    pub version: At<String>,
    pub title: RawText,
    pub description: Option<RawText>,
    pub method: Option<RawText>,
    pub scoring: Option<At<String>>,
    pub total_points: Option<At<f64>>,
    pub sources: Vec<At<String>>,
}

#[derive(Debug)]
pub struct RawSource {
    pub id: At<String>,
    pub title: At<String>,
    pub title_en: Option<String>,
    pub publisher: Option<String>,
    pub publisher_en: Option<String>,
    pub date: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug)]
pub struct RawIndicator {
    pub offset: usize,
    pub id: At<String>,
    pub name: RawText,
    pub unit: At<String>,
    pub numerator: Option<At<String>>,
    pub denominator: Option<At<String>>,
    pub selected_of: Option<At<String>>,
    pub yes_no: Option<At<String>>,
    pub definition: RawText,
    pub source: At<String>,
    pub unverified: bool,
}

#[derive(Debug)]
pub struct RawLevel {
    pub offset: usize,
    pub level: Option<At<f64>>,
    pub name: RawText,
    pub from: Option<At<f64>>,
    pub to: Option<At<f64>>,
    pub descriptor: RawText,
    pub source: Option<At<String>>,
    pub unverified: bool,
}

#[derive(Debug)]
pub struct RawSection {
    pub offset: usize,
    pub id: At<String>,
    pub title: RawText,
    pub points: Option<At<f64>>,
    pub dimensions: Vec<RawDimension>,
}

#[derive(Debug)]
pub struct RawDimension {
    pub offset: usize,
    pub id: At<String>,
    pub title: RawText,
    pub points: Option<At<f64>>,
    pub weight: Option<At<f64>>,
    pub items: Vec<RawItem>,
}

#[derive(Debug)]
pub struct RawItem {
    pub offset: usize,
    pub id: At<String>,
    pub kind: At<String>,
    pub text: RawText,
    pub help: Option<RawText>,
    pub unit: Option<RawText>,
    pub min: Option<At<f64>>,
    pub max: Option<At<f64>>,
    pub cap: Option<At<f64>>,
    pub options: Option<Vec<RawOption>>,
    pub numerator: Option<At<String>>,
    pub denominator: Option<At<String>>,
    pub part_of_whole: Option<At<bool>>,
    pub bands: Option<(usize, Vec<RawBand>)>,
    /// Which end of each band is closed: "left" (default) or "right".
    pub closed: Option<At<String>>,
    pub better: Option<At<String>>,
    /// A trend's figures: `{ last, previous, per_last, per_previous }`.
    pub from_figures: Option<RawFigures>,
    /// A number (yes_no), a list (level) or a table up/flat/down (trend).
    pub points: Option<RawPoints>,
    pub levels: Option<(usize, Vec<RawLevelOption>)>,
    /// A level item's "not yet level 1" answer.
    pub below_first: Option<RawText>,
    pub allow_na: bool,
    pub allow_unknown: bool,
    pub visible_if: Option<At<String>>,
    pub source: Option<At<String>>,
    pub unverified: bool,
}

#[derive(Debug)]
pub enum RawPoints {
    Number(At<f64>),
    List(At<Vec<f64>>),
    Trend {
        up: Option<At<f64>>,
        flat: Option<At<f64>>,
        down: Option<At<f64>>,
    },
}

#[derive(Debug)]
pub struct RawFigures {
    pub offset: usize,
    pub last: At<String>,
    pub previous: At<String>,
    pub per_last: Option<At<String>>,
    pub per_previous: Option<At<String>>,
}

#[derive(Debug)]
pub struct RawOption {
    pub id: At<String>,
    pub text: RawText,
    pub points: Option<At<f64>>,
    pub level: Option<At<f64>>,
}

#[derive(Debug)]
pub struct RawBand {
    pub offset: usize,
    pub from: Option<At<f64>>,
    pub to: Option<At<f64>>,
    pub points: Option<At<f64>>,
}

#[derive(Debug)]
pub struct RawLevelOption {
    pub level: Option<At<f64>>,
    pub text: RawText,
}

#[derive(Debug)]
pub struct RawRecommendation {
    pub id: At<String>,
    pub when: At<String>,
    pub improves: Option<At<String>>,
    pub action: RawText,
    pub rationale: RawText,
    pub measure: Option<RawText>,
    pub source: Option<At<String>>,
}

/// The checked text: Chinese is required wherever the text itself is present.
pub fn checked_text(r: &mut Reader, raw: &RawText, field: &str) -> Text {
    let zh = raw.zh.clone().unwrap_or_default();
    if raw.present && zh.trim().is_empty() {
        r.error(raw.offset, field, ShapeError::MissingChinese.text());
    }
    Text {
        zh,
        en: raw.en.clone().filter(|en| !en.trim().is_empty()),
    }
}

/// A `{ zh = …, en = … }` text.
pub fn text(r: &mut Reader, o: &mut Obj, key: &'static str) -> Option<RawText> {
    o.opt_table(r, key, |r, t| RawText {
        offset: t.offset,
        zh: t.opt_str(r, "zh").map(|s| s.value),
        en: t.opt_str(r, "en").map(|s| s.value),
        present: true,
    })
}

/// A required text; when missing, reported here and returned as not present.
pub fn req_text(r: &mut Reader, o: &mut Obj, key: &'static str) -> RawText {
    let present = o.has(key);
    let t = text(r, o, key);
    if !present {
        o.report_missing(r, key);
    }
    t.unwrap_or(RawText {
        offset: o.offset,
        ..RawText::default()
    })
}

fn flag(r: &mut Reader, o: &mut Obj, key: &'static str) -> bool {
    o.opt_bool(r, key).is_some_and(|b| b.value)
}

pub fn read_questionnaire_file(r: &mut Reader, root: &mut Obj) -> RawQuestionnaireFile {
    let meta = root.req_table(r, "questionnaire", |r, o| RawMeta {
        offset: o.offset,
        id: o.req_str(r, "id"),
        version: o.req_str(r, "version"),
        title: req_text(r, o, "title"),
        description: text(r, o, "description"),
        method: text(r, o, "method"),
        scoring: o.opt_str(r, "scoring"),
        total_points: o.opt_num(r, "total_points"),
        sources: o.opt_strings(r, "sources"),
    });
    let sources = root.tables(r, "sources", |r, o| RawSource {
        id: o.req_str(r, "id"),
        title: o.req_str(r, "title"),
        title_en: o.opt_str(r, "title_en").map(|s| s.value),
        publisher: o.opt_str(r, "publisher").map(|s| s.value),
        publisher_en: o.opt_str(r, "publisher_en").map(|s| s.value),
        date: o.opt_str(r, "date").map(|s| s.value),
        note: o.opt_str(r, "note").map(|s| s.value),
    });
    let indicators = root.tables(r, "indicators", |r, o| RawIndicator {
        offset: o.offset,
        id: o.req_str(r, "id"),
        name: req_text(r, o, "name"),
        unit: o.req_str(r, "unit"),
        numerator: o.opt_str(r, "numerator"),
        denominator: o.opt_str(r, "denominator"),
        selected_of: o.opt_str(r, "selected_of"),
        yes_no: o.opt_str(r, "yes_no"),
        definition: req_text(r, o, "definition"),
        source: o.req_str(r, "source"),
        unverified: flag(r, o, "unverified"),
    });
    let levels = root.tables(r, "levels", |r, o| RawLevel {
        offset: o.offset,
        level: o.req_num(r, "level"),
        name: req_text(r, o, "name"),
        from: o.opt_num(r, "from"),
        to: o.opt_num(r, "to"),
        descriptor: req_text(r, o, "descriptor"),
        source: o.opt_str(r, "source"),
        unverified: flag(r, o, "unverified"),
    });
    let scenario_rule = root.opt_table(r, "scenario_rule", |r, o| RawScenarioRule {
        key_scenarios: o.opt_strings(r, "key_scenarios"),
        levels: o.tables(r, "levels", |r, o| RawScenarioLevel {
            level: o.req_num(r, "level"),
            points: o.req_num(r, "points"),
            scenarios: o.req_num(r, "scenarios"),
            key: o.req_num(r, "key"),
        }),
        source: o.req_str(r, "source"),
        unverified: flag(r, o, "unverified"),
    });
    let sections = root.tables(r, "sections", |r, o| RawSection {
        offset: o.offset,
        id: o.req_str(r, "id"),
        title: req_text(r, o, "title"),
        points: o.opt_num(r, "points"),
        dimensions: o.tables(r, "dimensions", |r, o| RawDimension {
            offset: o.offset,
            id: o.req_str(r, "id"),
            title: req_text(r, o, "title"),
            points: o.opt_num(r, "points"),
            weight: o.opt_num(r, "weight"),
            items: o.tables(r, "items", read_item),
        }),
    });
    let recommendations = root.tables(r, "recommendations", |r, o| RawRecommendation {
        id: o.req_str(r, "id"),
        when: o.req_str(r, "when"),
        improves: o.opt_str(r, "improves"),
        action: req_text(r, o, "action"),
        rationale: req_text(r, o, "rationale"),
        measure: text(r, o, "measure"),
        source: o.opt_str(r, "source"),
    });
    RawQuestionnaireFile {
        meta,
        sources,
        indicators,
        levels,
        scenario_rule,
        sections,
        recommendations,
        offset: root.offset,
    }
}

fn read_item(r: &mut Reader, o: &mut Obj) -> RawItem {
    o.allow(&["options", "bands", "levels"]);
    let points = if o.is_table("points") {
        o.opt_table(r, "points", |r, t| RawPoints::Trend {
            up: t.req_num(r, "up"),
            flat: t.req_num(r, "flat"),
            down: t.req_num(r, "down"),
        })
    } else if o.is_array("points") {
        o.opt_numbers(r, "points").map(RawPoints::List)
    } else {
        o.opt_num(r, "points").map(RawPoints::Number)
    };
    RawItem {
        offset: o.offset,
        id: o.req_str(r, "id"),
        kind: o.req_str(r, "kind"),
        text: req_text(r, o, "text"),
        help: text(r, o, "help"),
        unit: text(r, o, "unit"),
        min: o.opt_num(r, "min"),
        max: o.opt_num(r, "max"),
        cap: o.opt_num(r, "cap"),
        options: o.has("options").then(|| {
            o.tables(r, "options", |r, o| RawOption {
                id: o.req_str(r, "id"),
                text: req_text(r, o, "text"),
                points: o.opt_num(r, "points"),
                level: o.opt_num(r, "level"),
            })
        }),
        numerator: o.opt_str(r, "numerator"),
        denominator: o.opt_str(r, "denominator"),
        part_of_whole: o.opt_bool(r, "part_of_whole"),
        bands: o.has("bands").then(|| {
            let at = o.offset_of("bands");
            let bands = o.tables(r, "bands", |r, o| RawBand {
                offset: o.offset,
                from: o.req_num(r, "from"),
                to: o.req_num(r, "to"),
                points: o.req_num(r, "points"),
            });
            (at, bands)
        }),
        closed: o.opt_str(r, "closed"),
        better: o.opt_str(r, "better"),
        from_figures: {
            let at = o.offset_of("from_figures");
            o.opt_table(r, "from_figures", |r, t| RawFigures {
                offset: at,
                last: t.req_str(r, "last"),
                previous: t.req_str(r, "previous"),
                per_last: t.opt_str(r, "per_last"),
                per_previous: t.opt_str(r, "per_previous"),
            })
        },
        points,
        levels: o.has("levels").then(|| {
            let at = o.offset_of("levels");
            let levels = o.tables(r, "levels", |r, o| RawLevelOption {
                level: o.req_num(r, "level"),
                text: req_text(r, o, "text"),
            });
            (at, levels)
        }),
        below_first: text(r, o, "below_first"),
        allow_na: flag(r, o, "allow_na"),
        allow_unknown: flag(r, o, "allow_unknown"),
        visible_if: o.opt_str(r, "visible_if"),
        source: o.opt_str(r, "source"),
        unverified: flag(r, o, "unverified"),
    }
}
