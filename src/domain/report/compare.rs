//! Comparisons, as display rows: two to five firms side by side (each indicator,
//! dimension, the score and the level, one column a firm), and one firm's two rounds
//! (T0 → T1: the change of each indicator, dimension, the score and the level, and the
//! recommendations acted on — those that applied at T0 and no longer apply at T1).
//!
//! Only assessments on one questionnaire and version are compared: the first one given
//! sets it, and any other is named with the reason it was left out, never mixed in.

use super::advice::advice_rows;
use super::dimensions::dimension_rows;
use super::format::{format_score, round1, DASH};
use super::indicators::indicator_rows;
use super::portfolio::{portfolio_row, signed_pp, PortfolioEntry};
use crate::domain::model::questionnaire::{Questionnaire, Scoring};
use crate::domain::model::text::{Lang, Text};

/// The most firms a comparison sets side by side: beyond five the columns no longer fit
/// a printed A4 page or a phone held sideways.
pub const MAX_COMPARED: usize = 5;

/// One figure across the firms compared.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    pub id: String,
    pub name: String,
    /// The profile's target ("68%"), or "—"; empty for rows that have none (levels).
    pub target_text: String,
    pub target: Option<f64>,
    /// One a firm, in the order of `FirmComparison::firms`.
    pub cells: Vec<CompareCell>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompareCell {
    /// 0–100 for indicators and dimensions (the charts' geometry), the score or the
    /// level number otherwise; None where there is no figure.
    pub value: Option<f64>,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FirmComparison {
    /// "制造业中小企业数字化水平评测 2024.3".
    pub questionnaire_text: String,
    /// The column headings: the firm's name, with its round where it has one.
    pub firms: Vec<String>,
    /// The assessment ids of those columns.
    pub ids: Vec<String>,
    /// "乙公司：其他问卷（…），未比较": one sentence a firm left out.
    pub left_out: Vec<String>,
    pub indicators: Vec<CompareRow>,
    pub dimensions: Vec<CompareRow>,
    pub score: CompareRow,
    /// Empty cells' texts where the questionnaire has no level scheme.
    pub level: CompareRow,
}

/// A firm's heading: "甲公司（T1）", or the name alone without a round.
pub fn firm_label(name: &str, round: &str, lang: Lang) -> String {
    match (round.trim(), lang) {
        ("", _) => name.to_string(),
        (r, Lang::Zh) => format!("{name}（{r}）"),
        (r, Lang::En) => format!("{name} ({r})"),
    }
}

/// Why `e` cannot be compared with assessments on `q`, if it cannot.
fn mismatch(q: &Questionnaire, e: &PortfolioEntry, lang: Lang) -> Option<String> {
    let other = e.questionnaire;
    if other.id != q.id {
        Some(match lang {
            Lang::Zh => format!("其他问卷（{} {}）", other.title.get(lang), other.version),
            Lang::En => format!(
                "another questionnaire ({} {})",
                other.title.get(lang),
                other.version
            ),
        })
    } else if other.version != q.version {
        Some(match lang {
            Lang::Zh => format!(
                "同一问卷的其他版本（{}，此处为 {}）",
                other.version, q.version
            ),
            Lang::En => format!(
                "another version of the questionnaire ({}, here {})",
                other.version, q.version
            ),
        })
    } else {
        None
    }
}

fn left_out_sentence(label: &str, why: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{label}：{why}，未比较"),
        Lang::En => format!("{label}: {why}; not compared"),
    }
}

fn score_text(q: &Questionnaire, v: f64) -> String {
    if q.scoring == Scoring::Maturity {
        super::format::format_maturity(v)
    } else {
        format_score(v)
    }
}

/// Two to five firms side by side on the first entry's questionnaire and version. An
/// entry on another one, or beyond the fifth, is named in `left_out`; None when no
/// entry is given.
pub fn compare_firms(entries: &[PortfolioEntry], lang: Lang) -> Option<FirmComparison> {
    let q = entries.first()?.questionnaire;
    let mut kept: Vec<&PortfolioEntry> = Vec::new();
    let mut left_out = Vec::new();
    for e in entries {
        let label = firm_label(&portfolio_row(e, lang).firm, &e.file.round, lang);
        let why = mismatch(q, e, lang).or_else(|| {
            (kept.len() == MAX_COMPARED).then(|| match lang {
                Lang::Zh => format!("最多并排比较 {MAX_COMPARED} 家"),
                Lang::En => format!("at most {MAX_COMPARED} are compared side by side"),
            })
        });
        match why {
            Some(why) => left_out.push(left_out_sentence(&label, &why, lang)),
            None => kept.push(e),
        }
    }
    let per_firm_indicators: Vec<_> = kept
        .iter()
        .map(|e| indicator_rows(q, e.assessment, lang))
        .collect();
    let per_firm_dimensions: Vec<_> = kept
        .iter()
        .map(|e| dimension_rows(q, e.assessment, lang))
        .collect();
    let indicators = per_firm_indicators
        .first()
        .map(|first| {
            first
                .iter()
                .enumerate()
                .map(|(i, r)| CompareRow {
                    id: r.id.clone(),
                    name: r.name.clone(),
                    target_text: r.target_text.clone(),
                    target: r.target,
                    cells: per_firm_indicators
                        .iter()
                        .map(|rows| CompareCell {
                            value: rows[i].value,
                            text: rows[i].value_text.clone(),
                        })
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    let dimensions = per_firm_dimensions
        .first()
        .map(|first| {
            first
                .iter()
                .enumerate()
                .map(|(i, r)| CompareRow {
                    id: r.id.clone(),
                    name: r.name.clone(),
                    target_text: String::new(),
                    target: None,
                    cells: per_firm_dimensions
                        .iter()
                        .map(|rows| CompareCell {
                            value: rows[i].percent,
                            text: rows[i].chart_text().to_string(),
                        })
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    let rows: Vec<_> = kept.iter().map(|e| portfolio_row(e, lang)).collect();
    let score = CompareRow {
        id: "score".into(),
        name: lang.pick("总分", "Score").to_string(),
        target_text: String::new(),
        target: None,
        cells: rows
            .iter()
            .map(|r| CompareCell {
                value: Some(r.score),
                text: r.score_text.clone(),
            })
            .collect(),
    };
    let level = CompareRow {
        id: "level".into(),
        name: lang.pick("等级", "Level").to_string(),
        target_text: String::new(),
        target: None,
        cells: rows
            .iter()
            .map(|r| CompareCell {
                value: r.has_levels.then(|| f64::from(r.level.unwrap_or(0))),
                text: r.level_text.clone(),
            })
            .collect(),
    };
    Some(FirmComparison {
        questionnaire_text: format!("{} {}", q.title.get(lang), q.version),
        firms: rows
            .iter()
            .map(|r| firm_label(&r.firm, &r.round, lang))
            .collect(),
        ids: kept.iter().map(|e| e.id.to_string()).collect(),
        left_out,
        indicators,
        dimensions,
        score,
        level,
    })
}

/// One figure at T0 and T1.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    pub id: String,
    pub name: String,
    /// 0–100 for indicators and dimensions; the score itself for the score row.
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub before_text: String,
    pub after_text: String,
    /// after − before, rounded as shown; None unless both have a figure.
    pub change: Option<f64>,
    /// "+12.0 个百分点", "−3.5 分", "不变", or "—".
    pub change_text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RoundsComparison {
    pub firm: String,
    /// "T0" / "T1", or the round labels the assessments carry, with their dates.
    pub before_label: String,
    pub after_label: String,
    pub indicators: Vec<ChangeRow>,
    pub dimensions: Vec<ChangeRow>,
    pub score: ChangeRow,
    /// The level, its number in `before`/`after` (0 below the first); empty texts
    /// without a level scheme.
    pub level: ChangeRow,
    /// The actions of the recommendations that applied at T0 and no longer apply at T1.
    pub acted_on: Vec<String>,
    /// …and of those that still apply.
    pub still_open: Vec<String>,
}

fn unchanged(lang: Lang) -> &'static str {
    lang.pick("不变", "unchanged")
}

/// "+12.0 个百分点", "−3.0 pp", "不变".
fn pp_change(pp: f64, lang: Lang) -> String {
    if round1(pp) == 0.0 {
        return unchanged(lang).to_string();
    }
    match lang {
        Lang::Zh => format!("{} 个百分点", signed_pp(pp)),
        Lang::En => format!("{} pp", signed_pp(pp)),
    }
}

/// "+5.25 分", "−0.25" (maturity), "不变".
fn score_change(q: &Questionnaire, d: f64, lang: Lang) -> String {
    let d = (d * 100.0).round() / 100.0;
    if d == 0.0 {
        return unchanged(lang).to_string();
    }
    let sign = if d > 0.0 { "+" } else { "−" };
    let figure = if q.scoring == Scoring::Maturity {
        format!("{:.2}", d.abs())
    } else {
        format_score(d.abs())
    };
    match (q.scoring == Scoring::Maturity, lang) {
        (true, _) => format!("{sign}{figure}"),
        (false, Lang::Zh) => format!("{sign}{figure} 分"),
        (false, Lang::En) => format!("{sign}{figure} points"),
    }
}

/// "提升 1 级", "down 2 levels", "不变".
fn level_change(levels: i32, lang: Lang) -> String {
    match (levels, lang) {
        (0, _) => unchanged(lang).to_string(),
        (n, Lang::Zh) if n > 0 => format!("提升 {n} 级"),
        (n, Lang::Zh) => format!("下降 {} 级", -n),
        (1, Lang::En) => "up 1 level".to_string(),
        (-1, Lang::En) => "down 1 level".to_string(),
        (n, Lang::En) if n > 0 => format!("up {n} levels"),
        (n, Lang::En) => format!("down {} levels", -n),
    }
}

fn round_label(e: &PortfolioEntry, fallback: &str, lang: Lang) -> String {
    let round = match e.file.round.trim() {
        "" => fallback,
        round => round,
    };
    match (e.file.assessed_on.trim(), lang) {
        ("", _) => round.to_string(),
        (d, Lang::Zh) => format!("{round}（{d}）"),
        (d, Lang::En) => format!("{round} ({d})"),
    }
}

fn percent_change(
    id: &str,
    name: &str,
    before: (Option<f64>, &str),
    after: (Option<f64>, &str),
    lang: Lang,
) -> ChangeRow {
    let change = before.0.zip(after.0).map(|(b, a)| round1(a - b));
    ChangeRow {
        id: id.to_string(),
        name: name.to_string(),
        before: before.0,
        after: after.0,
        before_text: before.1.to_string(),
        after_text: after.1.to_string(),
        change,
        change_text: change.map_or_else(|| DASH.to_string(), |c| pp_change(c, lang)),
    }
}

/// One firm's two rounds, T0 → T1. Both must be on one questionnaire and version (an
/// earlier version's answers are converted before): otherwise the error says which.
pub fn compare_rounds(
    before: &PortfolioEntry,
    after: &PortfolioEntry,
    lang: Lang,
) -> Result<RoundsComparison, Text> {
    let q = before.questionnaire;
    if let Some(why) = mismatch(q, after, Lang::Zh) {
        let en = mismatch(q, after, Lang::En).unwrap_or_default();
        return Err(Text::new(
            format!("两轮评估不能比较：后一轮用的是{why}"),
            format!("the rounds cannot be compared: the later one is on {en}"),
        ));
    }
    let (b_ind, a_ind) = (
        indicator_rows(q, before.assessment, lang),
        indicator_rows(q, after.assessment, lang),
    );
    let indicators = b_ind
        .iter()
        .zip(&a_ind)
        .map(|(b, a)| {
            percent_change(
                &b.id,
                &b.name,
                (b.value, &b.value_text),
                (a.value, &a.value_text),
                lang,
            )
        })
        .collect();
    let (b_dim, a_dim) = (
        dimension_rows(q, before.assessment, lang),
        dimension_rows(q, after.assessment, lang),
    );
    let dimensions = b_dim
        .iter()
        .zip(&a_dim)
        .map(|(b, a)| {
            percent_change(
                &b.id,
                &b.name,
                (b.percent, b.chart_text()),
                (a.percent, a.chart_text()),
                lang,
            )
        })
        .collect();
    let (b_row, a_row) = (portfolio_row(before, lang), portfolio_row(after, lang));
    let score_delta = a_row.score - b_row.score;
    let score = ChangeRow {
        id: "score".into(),
        name: lang.pick("总分", "Score").to_string(),
        before: Some(b_row.score),
        after: Some(a_row.score),
        before_text: score_text(q, b_row.score),
        after_text: score_text(q, a_row.score),
        change: Some((score_delta * 100.0).round() / 100.0),
        change_text: score_change(q, score_delta, lang),
    };
    let has_levels = !q.levels.is_empty();
    let (lb, la) = (b_row.level.unwrap_or(0), a_row.level.unwrap_or(0));
    let level = ChangeRow {
        id: "level".into(),
        name: lang.pick("等级", "Level").to_string(),
        before: has_levels.then_some(f64::from(lb)),
        after: has_levels.then_some(f64::from(la)),
        before_text: b_row.level_text.clone(),
        after_text: a_row.level_text.clone(),
        change: has_levels.then(|| f64::from(la) - f64::from(lb)),
        change_text: if has_levels {
            level_change(i32::from(la) - i32::from(lb), lang)
        } else {
            DASH.to_string()
        },
    };
    let still_applies = |id: &str| after.assessment.advice.iter().any(|r| r.id == id);
    let (mut acted_on, mut still_open) = (Vec::new(), Vec::new());
    for r in advice_rows(q, before.assessment, lang) {
        if still_applies(&r.id) {
            still_open.push(r.action);
        } else {
            acted_on.push(r.action);
        }
    }
    Ok(RoundsComparison {
        firm: b_row.firm,
        before_label: round_label(before, "T0", lang),
        after_label: round_label(after, "T1", lang),
        indicators,
        dimensions,
        score,
        level,
        acted_on,
        still_open,
    })
}
