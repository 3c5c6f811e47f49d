//! What `shuzhuan rollup` prints: the report's rows as a table (words from
//! `domain::report`), or the figures unrounded as JSON or CSV (columns in docs/data.md).

use std::io::Write;

use serde::Serialize;

use super::args::Format;
use super::output::display_width;
use super::terminal::terminal_safe;
use crate::domain::compute::rollup::{RollupResult, POLICY_LEVEL};
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
use crate::domain::model::text::Lang;
use crate::domain::report::format::{level_label, overall_level_name};
use crate::domain::report::rollup_report;
use crate::domain::wire::csv::{csv_field, csv_number};

pub fn write(
    w: &mut impl Write,
    format: Format,
    q: &Questionnaire,
    profile: &TargetProfile,
    r: &RollupResult,
    lang: Lang,
) -> std::io::Result<()> {
    match format {
        Format::Table => write_table(w, q, profile, r, lang),
        Format::Json | Format::Jsonl => {
            let json = serde_json::to_string_pretty(&json_of(q, r, lang)).unwrap_or_default();
            writeln!(w, "{json}")
        }
        Format::Csv => write_csv(w, q, r, lang),
    }
}

/// Lines of cells, each column as wide as its widest cell (CJK counts two); names from a
/// questionnaire file escaped first, so the terminal shows them and the columns line up.
fn aligned(w: &mut impl Write, lines: &[Vec<String>]) -> std::io::Result<()> {
    let lines: Vec<Vec<String>> = lines
        .iter()
        .map(|l| l.iter().map(|c| terminal_safe(c).into_owned()).collect())
        .collect();
    let columns = lines.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            lines
                .iter()
                .filter_map(|l| l.get(c))
                .map(|s| display_width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for line in &lines {
        let cells: Vec<String> = line
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - display_width(c))))
            .collect();
        writeln!(w, "{}", cells.join("  ").trim_end())?;
    }
    Ok(())
}

fn write_table(
    w: &mut impl Write,
    q: &Questionnaire,
    profile: &TargetProfile,
    r: &RollupResult,
    lang: Lang,
) -> std::io::Result<()> {
    let report = rollup_report(q, profile, r, lang);
    writeln!(w, "{}", terminal_safe(&report.title))?;
    writeln!(w, "{}", report.firms_text)?;
    if !report.left_out_text.is_empty() {
        writeln!(w, "{}", report.left_out_text)?;
    }
    writeln!(w)?;
    let header = match lang {
        Lang::Zh => ["指标", "目标", "企业均值", "加权值", "达标企业", "有数值"],
        Lang::En => [
            "indicator",
            "target",
            "mean",
            "weighted",
            "meeting target",
            "with value",
        ],
    };
    let mut lines = vec![header.map(String::from).to_vec()];
    lines.extend(report.indicators.iter().map(|i| {
        vec![
            format!("{}{}", i.name, if i.unverified { "†" } else { "" }),
            i.target_text.clone(),
            i.mean_text.clone(),
            i.weighted_text.clone(),
            i.meeting_text.clone(),
            i.with_value_text.clone(),
        ]
    }));
    aligned(w, &lines)?;
    if !report.levels.is_empty() {
        writeln!(w)?;
        let header = match lang {
            Lang::Zh => ["等级", "企业"],
            Lang::En => ["level", "firms"],
        };
        let mut lines = vec![header.map(String::from).to_vec()];
        lines.extend(
            report
                .levels
                .iter()
                .map(|l| vec![l.name.clone(), l.firms_text.clone()]),
        );
        aligned(w, &lines)?;
    }
    if !report.at_or_above_text.is_empty() {
        writeln!(w, "{}", terminal_safe(&report.at_or_above_text))?;
    }
    if report.indicators.iter().any(|i| i.unverified) {
        writeln!(w)?;
        writeln!(
            w,
            "{}",
            lang.pick(
                "† 工作定义：企业层面的算法为本工具的假设，未经官方核实",
                "† working definition: the firm-level formula is our assumption, not an official one"
            )
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct RollupJson {
    questionnaire: String,
    version: String,
    profile: String,
    firms: usize,
    incomplete: usize,
    left_out: LeftOutJson,
    indicators: Vec<IndicatorJson>,
    levels: Vec<LevelJson>,
    below_first_level: Option<usize>,
    at_or_above: Option<LevelJson>,
}

#[derive(Serialize)]
struct LeftOutJson {
    other_questionnaire: usize,
    other_version: usize,
    unreadable: usize,
}

#[derive(Serialize)]
struct IndicatorJson {
    id: String,
    name: String,
    target: Option<f64>,
    with_value: usize,
    not_applicable: usize,
    missing: usize,
    invalid: usize,
    mean: Option<f64>,
    weighted: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    numerator_sum: f64,
    denominator_sum: f64,
    meeting_target: Option<usize>,
    share_meeting_target: Option<f64>,
}

#[derive(Serialize)]
struct LevelJson {
    level: u8,
    name: String,
    firms: usize,
    share: Option<f64>,
}

fn json_of(q: &Questionnaire, r: &RollupResult, lang: Lang) -> RollupJson {
    let has_levels = !r.levels.is_empty();
    RollupJson {
        questionnaire: r.questionnaire.clone(),
        version: r.version.clone(),
        profile: r.profile.clone(),
        firms: r.firms,
        incomplete: r.incomplete,
        left_out: LeftOutJson {
            other_questionnaire: r.left_out.other_questionnaire,
            other_version: r.left_out.other_version,
            unreadable: r.left_out.unreadable,
        },
        indicators: r
            .indicators
            .iter()
            .map(|i| IndicatorJson {
                id: i.id.clone(),
                name: q
                    .indicator(&i.id)
                    .map_or_else(|| i.id.clone(), |d| d.name.get(lang).to_string()),
                target: i.target,
                with_value: i.with_value,
                not_applicable: i.not_applicable,
                missing: i.missing,
                invalid: i.invalid,
                mean: i.mean,
                weighted: i.weighted,
                min: i.min,
                max: i.max,
                numerator_sum: i.numerator_sum,
                denominator_sum: i.denominator_sum,
                meeting_target: i.meeting_target,
                share_meeting_target: i.share_meeting_target,
            })
            .collect(),
        levels: r
            .levels
            .iter()
            .map(|l| LevelJson {
                level: l.level,
                name: level_label(q, l.level, lang),
                firms: l.firms,
                share: l.share,
            })
            .collect(),
        below_first_level: has_levels.then_some(r.below_first_level),
        at_or_above: r.at_or_above.map(|l| LevelJson {
            level: l.level,
            name: level_label(q, POLICY_LEVEL, lang),
            firms: l.firms,
            share: l.share,
        }),
    }
}

/// A number as CSV writes it (`csv_number`); empty for none.
fn number(v: Option<f64>) -> String {
    v.map_or_else(String::new, csv_number)
}

/// Long form, one figure a line: `measure,indicator,level,name,value` (docs/data.md).
fn write_csv(
    w: &mut impl Write,
    q: &Questionnaire,
    r: &RollupResult,
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(w, "measure,indicator,level,name,value")?;
    let mut line =
        |measure: &str, indicator: &str, level: Option<u8>, name: &str, value: String| {
            writeln!(
                w,
                "{measure},{indicator},{},{},{value}",
                level.map_or_else(String::new, |l| l.to_string()),
                csv_field(name)
            )
        };
    let count = |n: usize| n.to_string();
    line("firms", "", None, "", count(r.firms))?;
    line("incomplete", "", None, "", count(r.incomplete))?;
    line(
        "left_out_other_questionnaire",
        "",
        None,
        "",
        count(r.left_out.other_questionnaire),
    )?;
    line(
        "left_out_other_version",
        "",
        None,
        "",
        count(r.left_out.other_version),
    )?;
    line(
        "left_out_unreadable",
        "",
        None,
        "",
        count(r.left_out.unreadable),
    )?;
    for i in &r.indicators {
        let name = q
            .indicator(&i.id)
            .map_or_else(|| i.id.clone(), |d| d.name.get(lang).to_string());
        let id = i.id.as_str();
        for (measure, value) in [
            ("target", number(i.target)),
            ("with_value", count(i.with_value)),
            ("not_applicable", count(i.not_applicable)),
            ("missing", count(i.missing)),
            ("invalid", count(i.invalid)),
            ("mean", number(i.mean)),
            ("weighted", number(i.weighted)),
            ("min", number(i.min)),
            ("max", number(i.max)),
            ("numerator_sum", number(Some(i.numerator_sum))),
            ("denominator_sum", number(Some(i.denominator_sum))),
            (
                "meeting_target",
                i.meeting_target.map_or_else(String::new, count),
            ),
            ("share_meeting_target", number(i.share_meeting_target)),
        ] {
            line(measure, id, None, &name, value)?;
        }
    }
    if !r.levels.is_empty() {
        // Level 0: below the first level.
        let below = overall_level_name(q, None, lang);
        let share = (r.firms > 0).then(|| r.below_first_level as f64 * 100.0 / r.firms as f64);
        line(
            "level_firms",
            "",
            Some(0),
            &below,
            count(r.below_first_level),
        )?;
        line("level_share", "", Some(0), &below, number(share))?;
        for l in &r.levels {
            let name = level_label(q, l.level, lang);
            line("level_firms", "", Some(l.level), &name, count(l.firms))?;
            line("level_share", "", Some(l.level), &name, number(l.share))?;
        }
    }
    if let Some(l) = r.at_or_above {
        let name = level_label(q, l.level, lang);
        line(
            "at_or_above_firms",
            "",
            Some(l.level),
            &name,
            count(l.firms),
        )?;
        line(
            "at_or_above_share",
            "",
            Some(l.level),
            &name,
            number(l.share),
        )?;
    }
    Ok(())
}
