//! `shuzhuan score --format csv|jsonl`: one record a firm with stable, documented columns
//! (docs/data.md) that DuckDB, pandas and Spark read as they are. The columns follow from
//! the questionnaire alone, so every file scored on it has the same ones, in the same
//! order, whether or not any file could be scored. Names are plain identifiers (ids are
//! lower case, digits and `_`), so SQL needs no quoting; figures are unrounded, with the
//! counts behind each indicator, so a roll-up in SQL gives what `shuzhuan rollup` gives.

use std::io::Write;

use crate::domain::compute::assessment::Assessment;
use crate::domain::compute::indicators::{Gap, IndicatorValue};
use crate::domain::model::questionnaire::{Questionnaire, Scoring};
use crate::domain::model::text::Lang;
use crate::domain::read::answers_file::AnswersFile;
use crate::domain::report::format::level_name;

use crate::domain::wire::csv::{csv_field, csv_number};

/// One cell; `None` is an empty CSV cell and a JSON `null`.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(Option<f64>),
    Count(Option<usize>),
    Flag(Option<bool>),
}

/// The dimensions that carry a score: every one under maturity scoring (levels 0–5),
/// those with points otherwise.
fn scored_dimensions(q: &Questionnaire) -> impl Iterator<Item = &str> {
    q.sections
        .iter()
        .flat_map(|s| &s.dimensions)
        .filter(move |d| q.scoring == Scoring::Maturity || d.points > 0.0)
        .map(|d| d.id.as_str())
}

/// Per indicator, in this order.
const INDICATOR_COLUMNS: [&str; 7] = [
    "value",
    "numerator",
    "denominator",
    "status",
    "target",
    "gap_pp",
    "meets_target",
];

/// The header: the same for every file scored on `q`.
pub fn columns(q: &Questionnaire) -> Vec<String> {
    let mut names: Vec<String> = [
        "file",
        "questionnaire",
        "questionnaire_version",
        "profile",
        "firm",
        "region",
        "sector",
        "size",
        "round",
        "assessed_on",
        "total",
        "total_max",
        "level",
        "level_name",
        "completeness",
        "answered",
        "asked",
        "provisional",
    ]
    .map(String::from)
    .to_vec();
    names.extend(scored_dimensions(q).map(|d| format!("{d}_percent")));
    for i in &q.indicators {
        names.extend(INDICATOR_COLUMNS.map(|c| format!("{}_{c}", i.id)));
    }
    names.push("recommendations".into());
    // The scenario rule's level: an unofficial estimate beside `level` (docs/scoring.md).
    if q.scenario_rule.is_some() {
        names.extend(["scenario_rule_level", "scenario_rule_level_name"].map(String::from));
    }
    names
}

/// One firm's cells, in the order of `columns`.
pub fn record(
    path: &str,
    q: &Questionnaire,
    profile: &str,
    file: &AnswersFile,
    a: &Assessment,
    lang: Lang,
) -> Vec<Cell> {
    let s = &a.score;
    let text = |s: &str| Cell::Text(s.to_string());
    let firm = &file.firm;
    let mut cells = vec![
        text(path),
        text(&q.id),
        text(&q.version),
        text(profile),
        text(&firm.name),
        text(&firm.region),
        text(&firm.sector),
        text(&firm.size),
        text(&file.round),
        text(&file.assessed_on),
        Cell::Number(Some(denoise(s.total))),
        Cell::Number(Some(denoise(s.total_max))),
        Cell::Count(s.level.map(usize::from)),
        text(
            s.level
                .and_then(|l| level_name(q, l, lang))
                .unwrap_or_default(),
        ),
        Cell::Number(Some(s.completeness)),
        Cell::Count(Some(s.answered)),
        Cell::Count(Some(s.asked)),
        Cell::Flag(Some(s.is_provisional())),
    ];
    cells.extend(
        scored_dimensions(q)
            .map(|id| Cell::Number(s.dimension(id).and_then(|d| d.percent).map(denoise))),
    );
    for ind in &q.indicators {
        let result = a.indicator(&ind.id);
        let value = result.and_then(|r| r.value.percent());
        let parts = result.and_then(|r| r.parts);
        let target = result.and_then(|r| r.target);
        let status = match result.map(|r| r.value) {
            Some(IndicatorValue::Percent(_)) => "value",
            Some(IndicatorValue::NotApplicable) => "not_applicable",
            Some(IndicatorValue::Invalid) => "invalid",
            Some(IndicatorValue::Missing) | None => "missing",
        };
        cells.extend([
            Cell::Number(value),
            Cell::Number(parts.map(|p| p.numerator)),
            Cell::Number(parts.map(|p| p.denominator)),
            text(status),
            Cell::Number(target),
            Cell::Number(value.zip(target).map(|(v, t)| v - t)),
            Cell::Flag(
                result
                    .and_then(|r| r.gap())
                    .map(|g| matches!(g, Gap::Met { .. })),
            ),
        ]);
    }
    let ids: Vec<&str> = a.advice.iter().map(|r| r.id.as_str()).collect();
    cells.push(Cell::Text(ids.join(" ")));
    if q.scenario_rule.is_some() {
        let level = s.scenario_estimate.as_ref().and_then(|e| e.level);
        cells.push(Cell::Count(level.map(usize::from)));
        cells.push(text(
            level
                .and_then(|l| level_name(q, l, lang))
                .unwrap_or_default(),
        ));
    }
    cells
}

/// A sum of points to 9 decimals: the points are authored with at most 3, so this drops
/// only the noise of adding binary fractions (50.74999999999999 is the 50.75 it means).
fn denoise(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

pub fn write_csv(
    w: &mut impl Write,
    q: &Questionnaire,
    records: &[&[Cell]],
) -> std::io::Result<()> {
    writeln!(w, "{}", columns(q).join(","))?;
    for cells in records {
        let line: Vec<String> = cells
            .iter()
            .map(|c| match c {
                Cell::Text(s) => csv_field(s),
                Cell::Number(v) => v.map(csv_number).unwrap_or_default(),
                Cell::Count(n) => n.map(|n| n.to_string()).unwrap_or_default(),
                Cell::Flag(b) => b.map(|b| b.to_string()).unwrap_or_default(),
            })
            .collect();
        writeln!(w, "{}", line.join(","))?;
    }
    Ok(())
}

/// JSON Lines: one object a firm, its keys the CSV's columns in the same order.
pub fn write_jsonl(
    w: &mut impl Write,
    q: &Questionnaire,
    records: &[&[Cell]],
) -> std::io::Result<()> {
    let names = columns(q);
    for cells in records {
        let fields: Vec<String> = names
            .iter()
            .zip(cells.iter())
            .map(|(name, c)| {
                let value = match c {
                    Cell::Text(s) => serde_json::Value::from(s.as_str()),
                    Cell::Number(v) => v.map_or(serde_json::Value::Null, serde_json::Value::from),
                    Cell::Count(n) => n.map_or(serde_json::Value::Null, serde_json::Value::from),
                    Cell::Flag(b) => b.map_or(serde_json::Value::Null, serde_json::Value::from),
                };
                format!("{}:{value}", serde_json::Value::from(name.as_str()))
            })
            .collect();
        writeln!(w, "{{{}}}", fields.join(","))?;
    }
    Ok(())
}
