//! `shuzhuan score`: scores many answers files with the same rules as the app.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use serde::Serialize;

use super::USAGE;
use crate::builtin::{self, Catalogue};
use crate::domain::compute::assessment::{assess, Assessment};
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
use crate::domain::model::text::Lang;
use crate::domain::read::answers_file::parse_answers_file;
use crate::domain::read::check::load_questionnaire;
use crate::domain::read::check::targets::load_target_profile;
use crate::domain::report::format::level_name;
use crate::domain::report::round1;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Table,
    Json,
    Csv,
}

/// One scored file, as every output format prints it.
#[derive(Serialize)]
struct Row {
    file: String,
    firm: String,
    total: f64,
    total_max: f64,
    level: Option<u8>,
    level_name: String,
    completeness: f64,
    provisional: bool,
    dimensions: Vec<(String, Option<f64>)>,
    indicators: Vec<IndicatorCell>,
    recommendations: Vec<String>,
}

#[derive(Serialize)]
struct IndicatorCell {
    id: String,
    value: Option<f64>,
    target: Option<f64>,
    gap_pp: Option<f64>,
}

fn row(file: &str, q: &Questionnaire, a: &Assessment, firm: &str, lang: Lang) -> Row {
    let s = &a.score;
    Row {
        file: file.to_string(),
        firm: firm.to_string(),
        total: round1(s.total * 100.0) / 100.0,
        total_max: s.total_max,
        level: s.level,
        level_name: s
            .level
            .and_then(|l| level_name(q, l, lang))
            .unwrap_or_default()
            .to_string(),
        completeness: round1(s.completeness),
        provisional: s.is_provisional(),
        dimensions: s
            .dimensions
            .iter()
            .filter(|d| d.max > 0.0)
            .map(|d| (d.id.clone(), d.percent.map(round1)))
            .collect(),
        indicators: a
            .indicators
            .iter()
            .map(|i| {
                let value = i.value.percent();
                IndicatorCell {
                    id: i.id.clone(),
                    value: value.map(round1),
                    target: i.target,
                    gap_pp: value.zip(i.target).map(|(v, t)| round1(v - t)),
                }
            })
            .collect(),
        recommendations: a.advice.iter().map(|r| r.id.clone()).collect(),
    }
}

/// A built-in id, or else a file path.
fn questionnaire(arg: &str, cat: &Catalogue) -> Result<Questionnaire, String> {
    if let Some(q) = cat.questionnaires.iter().find(|q| q.id == arg) {
        return Ok(q.clone());
    }
    let src = std::fs::read_to_string(arg)
        .map_err(|e| format!("{arg}: not a built-in questionnaire id and cannot be read: {e}"))?;
    load_questionnaire(arg, &src).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.render(Lang::En))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn profile(arg: &str, cat: &Catalogue, q: &Questionnaire) -> Result<TargetProfile, String> {
    if let Some(p) = cat.profile(arg) {
        return Ok(p.clone());
    }
    let src = std::fs::read_to_string(arg)
        .map_err(|e| format!("{arg}: not a built-in target profile id and cannot be read: {e}"))?;
    let mut known: Vec<&Questionnaire> = cat.questionnaires.iter().collect();
    known.push(q);
    load_target_profile(arg, &src, &known).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.render(Lang::En))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

pub fn score(args: &[String], out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let (mut q_arg, mut t_arg, mut format, mut lang, mut files) =
        (None, None, Format::Table, Lang::Zh, Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--questionnaire" => q_arg = it.next().cloned(),
            "--targets" => t_arg = it.next().cloned(),
            "--format" => match it.next().map(String::as_str) {
                Some("table") => format = Format::Table,
                Some("json") => format = Format::Json,
                Some("csv") => format = Format::Csv,
                _ => {
                    let _ = writeln!(err, "--format takes table, json or csv\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--lang" => match super::parse_lang(it.next()) {
                Some(l) => lang = l,
                None => {
                    let _ = writeln!(err, "--lang takes zh or en\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                let _ = writeln!(out, "{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => files.push(a.clone()),
        }
    }
    let (Some(q_arg), Some(t_arg)) = (q_arg, t_arg) else {
        let _ = writeln!(err, "score needs --questionnaire and --targets\n{USAGE}");
        return ExitCode::from(2);
    };
    if files.is_empty() {
        let _ = writeln!(err, "score needs at least one answers file\n{USAGE}");
        return ExitCode::from(2);
    }
    let cat = match builtin::catalogue() {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(err, "built-in files failed to load: {e:?}");
            return ExitCode::FAILURE;
        }
    };
    let q = match questionnaire(&q_arg, &cat) {
        Ok(q) => q,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return ExitCode::from(2);
        }
    };
    let p = match profile(&t_arg, &cat, &q) {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return ExitCode::from(2);
        }
    };

    // Files are independent: score them on every core, then print in the order given.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len());
    let chunk = files.len().div_ceil(threads);
    let results: Vec<Result<Row, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                let (q, p, cat) = (&q, &p, &cat);
                scope.spawn(move || {
                    part.iter()
                        .map(|f| {
                            let src = std::fs::read_to_string(f)
                                .map_err(|e| format!("{f}: cannot read: {e}"))?;
                            let file = parse_answers_file(&src, q)
                                .map_err(|m| format!("{f}: {}", m.get(lang)))?;
                            let a = assess(q, &file.answers, p, &cat.benchmark, &file.firm);
                            Ok(row(f, q, &a, &file.firm.name, lang))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });

    let mut w = BufWriter::new(out);
    let rows: Vec<&Row> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    let _ = match format {
        Format::Table => write_table(&mut w, &rows, &q, lang),
        Format::Csv => write_csv(&mut w, &rows, &q),
        Format::Json => write_json(&mut w, &rows),
    };
    let _ = w.flush();
    let failed: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    for f in &failed {
        let _ = writeln!(err, "{f}");
    }
    let _ = writeln!(err, "{} scored, {} failed", rows.len(), failed.len());
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn fmt_opt(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |v| format!("{v:.1}"))
}

/// Columns wide enough for CJK text, which takes two cells a character.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if ('\u{1100}'..='\u{115F}').contains(&c)
                || ('\u{2E80}'..='\u{A4CF}').contains(&c)
                || ('\u{AC00}'..='\u{D7A3}').contains(&c)
                || ('\u{F900}'..='\u{FAFF}').contains(&c)
                || ('\u{FF00}'..='\u{FF60}').contains(&c)
            {
                2
            } else {
                1
            }
        })
        .sum()
}

fn write_table(
    w: &mut impl Write,
    rows: &[&Row],
    q: &Questionnaire,
    lang: Lang,
) -> std::io::Result<()> {
    let zh = lang == Lang::Zh;
    let mut header: Vec<String> = if zh {
        vec!["文件", "企业", "总分", "等级", "完成度%"]
    } else {
        vec!["file", "firm", "score", "level", "complete%"]
    }
    .into_iter()
    .map(String::from)
    .collect();
    header.extend(q.indicators.iter().map(|i| format!("{}%", i.id)));
    header.push(if zh { "首要建议" } else { "first advice" }.to_string());
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut cells = vec![
                r.file.clone(),
                r.firm.clone(),
                format!("{:.2}{}", r.total, if r.provisional { "*" } else { "" }),
                if r.level_name.is_empty() {
                    "—".to_string()
                } else {
                    r.level_name.clone()
                },
                format!("{:.1}", r.completeness),
            ];
            cells.extend(r.indicators.iter().map(|i| fmt_opt(i.value)));
            cells.push(
                r.recommendations
                    .first()
                    .cloned()
                    .unwrap_or_else(|| "—".to_string()),
            );
            cells
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            std::iter::once(&header)
                .chain(&body)
                .map(|r| display_width(&r[c]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for line in std::iter::once(&header).chain(&body) {
        let cells: Vec<String> = line
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - display_width(c))))
            .collect();
        writeln!(w, "{}", cells.join("  ").trim_end())?;
    }
    if rows.iter().any(|r| r.provisional) {
        writeln!(
            w,
            "{}",
            if zh {
                "* 有未答题目，结果为暂定"
            } else {
                "* unanswered questions: provisional result"
            }
        )?;
    }
    Ok(())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn write_csv(w: &mut impl Write, rows: &[&Row], q: &Questionnaire) -> std::io::Result<()> {
    let mut header = vec![
        "file".to_string(),
        "firm".into(),
        "total".into(),
        "total_max".into(),
        "level".into(),
        "completeness".into(),
        "provisional".into(),
    ];
    let dims: Vec<String> = rows
        .first()
        .map(|r| r.dimensions.iter().map(|(id, _)| id.clone()).collect())
        .unwrap_or_default();
    header.extend(dims.iter().map(|d| format!("dimension:{d}")));
    for i in &q.indicators {
        header.push(format!("{}:value", i.id));
        header.push(format!("{}:target", i.id));
        header.push(format!("{}:gap_pp", i.id));
    }
    header.push("recommendations".into());
    writeln!(w, "{}", header.join(","))?;
    let num = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
    for r in rows {
        let mut cells = vec![
            csv_field(&r.file),
            csv_field(&r.firm),
            r.total.to_string(),
            r.total_max.to_string(),
            r.level.map_or_else(String::new, |l| l.to_string()),
            r.completeness.to_string(),
            r.provisional.to_string(),
        ];
        cells.extend(r.dimensions.iter().map(|(_, p)| num(*p)));
        for i in &r.indicators {
            cells.extend([num(i.value), num(i.target), num(i.gap_pp)]);
        }
        cells.push(csv_field(&r.recommendations.join(" ")));
        writeln!(w, "{}", cells.join(","))?;
    }
    Ok(())
}

fn write_json(w: &mut impl Write, rows: &[&Row]) -> std::io::Result<()> {
    writeln!(w, "[")?;
    for (n, r) in rows.iter().enumerate() {
        let sep = if n + 1 < rows.len() { "," } else { "" };
        writeln!(w, "  {}{sep}", serde_json::to_string(r).unwrap_or_default())?;
    }
    writeln!(w, "]")
}
