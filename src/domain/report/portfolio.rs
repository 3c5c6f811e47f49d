//! The portfolio: every assessment a consultant holds as one row (firm, round, date,
//! questionnaire, completeness, score, level, each headline indicator with its gap),
//! and the table's sorting and filtering as pure functions of those rows. The rows
//! carry each figure twice: the number (to sort by, and for a spreadsheet) and its
//! words (from `format`, so the table reads as the firm's own report does).

use std::cmp::Ordering;

use super::format::{
    format_maturity, format_percent, format_pp, format_score, overall_level_name, round1, DASH,
};
use super::indicators::{indicator_rows, RowStatus};
use crate::domain::compute::assessment::{assess, Assessment};
use crate::domain::compute::scoring::is_scored;
use crate::domain::model::benchmark::Benchmark;
use crate::domain::model::questionnaire::{Questionnaire, Scoring};
use crate::domain::model::targets::{default_profile, TargetProfile};
use crate::domain::model::text::Lang;
use crate::domain::read::answers_file::AnswersFile;
use crate::domain::util::sorting::sort_by;

/// One assessment, as the caller holds it: its saved id, its file (firm, questionnaire,
/// round and date), and its result against the profile the portfolio shows.
#[derive(Clone, Copy, Debug)]
pub struct PortfolioEntry<'a> {
    pub id: &'a str,
    pub file: &'a AnswersFile,
    pub questionnaire: &'a Questionnaire,
    pub assessment: &'a Assessment,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioRow {
    pub id: String,
    /// The firm's name, or "未命名企业" when it has none.
    pub firm: String,
    pub region: String,
    /// The sector as saved (`machinery`), for filtering…
    pub sector: String,
    /// …and its name ("通用及专用设备制造").
    pub sector_text: String,
    pub size_text: String,
    pub round: String,
    pub assessed_on: String,
    pub questionnaire: String,
    pub questionnaire_version: String,
    /// "制造业中小企业数字化水平评测 2024.3".
    pub questionnaire_text: String,
    /// 0–100.
    pub completeness: f64,
    /// "43.6%".
    pub completeness_text: String,
    pub provisional: bool,
    /// Whether the questionnaire has points: without them (the quick check) there is
    /// no score, and sorting by it puts the row last.
    pub scored: bool,
    pub score: f64,
    /// "50.75" (points) or "2.75" (maturity), as the firm's summary writes it; "—" for a
    /// questionnaire without points.
    pub score_text: String,
    /// The level reached, None below the first (or without a level scheme).
    pub level: Option<u8>,
    /// Whether the questionnaire has levels at all (a firm below the first is then
    /// "未达一级", where one without levels has no level to show).
    pub has_levels: bool,
    /// "二级", "未达一级", or "—" without a level scheme.
    pub level_text: String,
    /// In the questionnaire's order.
    pub indicators: Vec<PortfolioIndicator>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioIndicator {
    pub id: String,
    pub name: String,
    pub value: Option<f64>,
    /// "55.0%", or "不适用", "待填写", "输入有误".
    pub value_text: String,
    /// Signed value − target, as the firm's report rounds it; None without a gap.
    pub gap_pp: Option<f64>,
    /// "−13.0", "+2.0", "0.0", or "—": short, for a table cell.
    pub gap_text: String,
    /// At or above the target; None where there is no gap.
    pub met: Option<bool>,
}

impl PortfolioRow {
    pub fn indicator(&self, id: &str) -> Option<&PortfolioIndicator> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

/// A gap in percentage points with its sign, for a table cell: "+2.0", "−13.0" (a true
/// minus sign), "0.0".
pub fn signed_pp(pp: f64) -> String {
    let r = round1(pp);
    if r > 0.0 {
        format!("+{}", format_pp(r))
    } else if r < 0.0 {
        format!("−{}", format_pp(-r))
    } else {
        format_pp(0.0)
    }
}

pub fn unnamed_firm(lang: Lang) -> &'static str {
    lang.pick("未命名企业", "Unnamed firm")
}

/// A firm's name as the desk's views and reports show it: trimmed, or "未命名企业".
pub fn firm_display_name(name: &str, lang: Lang) -> String {
    match name.trim() {
        "" => unnamed_firm(lang).to_string(),
        name => name.to_string(),
    }
}

pub fn portfolio_row(e: &PortfolioEntry, lang: Lang) -> PortfolioRow {
    let (q, a, firm) = (e.questionnaire, e.assessment, &e.file.firm);
    let s = &a.score;
    let indicators = indicator_rows(q, a, lang)
        .into_iter()
        .map(|r| PortfolioIndicator {
            met: match r.status {
                RowStatus::Met => Some(true),
                RowStatus::Short => Some(false),
                _ => None,
            },
            gap_text: r.gap_pp.map_or_else(|| DASH.to_string(), signed_pp),
            gap_pp: r.gap_pp,
            id: r.id,
            name: r.name,
            value: r.value,
            value_text: r.value_text,
        })
        .collect();
    let has_levels = !q.levels.is_empty();
    PortfolioRow {
        id: e.id.to_string(),
        firm: firm_display_name(&firm.name, lang),
        region: firm.region.clone(),
        sector: firm.sector.clone(),
        sector_text: firm.sector_name(lang),
        size_text: firm.size_name(lang),
        round: e.file.round.trim().to_string(),
        assessed_on: e.file.assessed_on.clone(),
        questionnaire: q.id.clone(),
        questionnaire_version: q.version.clone(),
        questionnaire_text: format!("{} {}", q.title.get(lang), q.version),
        completeness: s.completeness,
        completeness_text: format_percent(s.completeness),
        provisional: s.is_provisional(),
        scored: is_scored(q),
        score: s.total,
        // A questionnaire without points (the quick check) has no score to show.
        score_text: if !is_scored(q) {
            DASH.to_string()
        } else if q.scoring == Scoring::Maturity {
            format_maturity(s.total)
        } else {
            format_score(s.total)
        },
        level: s.level,
        has_levels,
        level_text: if has_levels {
            overall_level_name(q, s.level, lang)
        } else {
            DASH.to_string()
        },
        indicators,
    }
}

pub fn portfolio_rows(entries: &[PortfolioEntry], lang: Lang) -> Vec<PortfolioRow> {
    entries.iter().map(|e| portfolio_row(e, lang)).collect()
}

/// The rows of saved assessments (id and file), each assessed against the target
/// profile it was saved with (else its region's, else the national one), in order;
/// one whose questionnaire is not among `questionnaires` is left out.
pub fn saved_portfolio_rows(
    saved: &[(&str, &AnswersFile)],
    questionnaires: &[&Questionnaire],
    profiles: &[TargetProfile],
    benchmark: &Benchmark,
    lang: Lang,
) -> Vec<PortfolioRow> {
    saved
        .iter()
        .filter_map(|(id, file)| {
            let q = questionnaires
                .iter()
                .find(|q| q.id == file.questionnaire.id)?;
            let profile = file
                .target_profile
                .as_ref()
                .and_then(|p| profiles.iter().find(|x| x.id == *p))
                .or_else(|| default_profile(profiles, &file.firm.region))?;
            let assessment = assess(q, &file.answers, profile, benchmark, &file.firm);
            Some(portfolio_row(
                &PortfolioEntry {
                    id,
                    file,
                    questionnaire: q,
                    assessment: &assessment,
                },
                lang,
            ))
        })
        .collect()
}

/// The indicator columns of a portfolio: every indicator any row has, in the order
/// they first appear (id, name).
pub fn indicator_columns(rows: &[PortfolioRow]) -> Vec<(String, String)> {
    let mut columns: Vec<(String, String)> = Vec::new();
    for i in rows.iter().flat_map(|r| &r.indicators) {
        if !columns.iter().any(|(id, _)| *id == i.id) {
            columns.push((i.id.clone(), i.name.clone()));
        }
    }
    columns
}

/// What the table is sorted by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SortKey {
    Firm,
    Round,
    Date,
    Questionnaire,
    Completeness,
    Score,
    Level,
    /// An indicator's value, by id.
    Indicator(String),
    /// An indicator's gap to its target, by id.
    Gap(String),
}

impl SortKey {
    /// The key as a form's value ("score", "value:cnc_rate", "gap:cnc_rate"), which
    /// `from_value` reads back.
    pub fn as_value(&self) -> String {
        match self {
            SortKey::Firm => "firm".into(),
            SortKey::Round => "round".into(),
            SortKey::Date => "date".into(),
            SortKey::Questionnaire => "questionnaire".into(),
            SortKey::Completeness => "completeness".into(),
            SortKey::Score => "score".into(),
            SortKey::Level => "level".into(),
            SortKey::Indicator(id) => format!("value:{id}"),
            SortKey::Gap(id) => format!("gap:{id}"),
        }
    }

    pub fn from_value(value: &str) -> Option<SortKey> {
        Some(match value {
            "firm" => SortKey::Firm,
            "round" => SortKey::Round,
            "date" => SortKey::Date,
            "questionnaire" => SortKey::Questionnaire,
            "completeness" => SortKey::Completeness,
            "score" => SortKey::Score,
            "level" => SortKey::Level,
            other => match other.split_once(':')? {
                ("value", id) => SortKey::Indicator(id.to_string()),
                ("gap", id) => SortKey::Gap(id.to_string()),
                _ => return None,
            },
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub ascending: bool,
}

fn by_number(a: Option<f64>, b: Option<f64>, ascending: bool) -> Ordering {
    // A row without the figure goes last whichever way the column is sorted.
    match (a, b) {
        (Some(a), Some(b)) => {
            let o = a.partial_cmp(&b).unwrap_or(Ordering::Equal);
            if ascending {
                o
            } else {
                o.reverse()
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn by_text(a: &str, b: &str, ascending: bool) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (false, true) => Ordering::Less,
        (true, false) => Ordering::Greater,
        _ if ascending => a.cmp(b),
        _ => b.cmp(a),
    }
}

/// The rows in the order `sort` asks for; rows that tie keep their order (a stable
/// sort), and a row without the figure sorted by comes last either way.
pub fn sort_rows(rows: &mut Vec<PortfolioRow>, sort: &Sort) {
    let up = sort.ascending;
    sort_by(rows, |a, b| match &sort.key {
        SortKey::Firm => by_text(&a.firm, &b.firm, up),
        SortKey::Round => by_text(&a.round, &b.round, up),
        SortKey::Date => by_text(&a.assessed_on, &b.assessed_on, up),
        SortKey::Questionnaire => by_text(&a.questionnaire_text, &b.questionnaire_text, up),
        SortKey::Completeness => by_number(Some(a.completeness), Some(b.completeness), up),
        SortKey::Score => by_number(a.scored.then_some(a.score), b.scored.then_some(b.score), up),
        // Below the first level sorts as level 0; no level scheme at all goes last.
        SortKey::Level => by_number(
            a.has_levels.then(|| f64::from(a.level.unwrap_or(0))),
            b.has_levels.then(|| f64::from(b.level.unwrap_or(0))),
            up,
        ),
        SortKey::Indicator(id) => by_number(
            a.indicator(id).and_then(|i| i.value),
            b.indicator(id).and_then(|i| i.value),
            up,
        ),
        SortKey::Gap(id) => by_number(
            a.indicator(id).and_then(|i| i.gap_pp),
            b.indicator(id).and_then(|i| i.gap_pp),
            up,
        ),
    });
}

/// Which rows the table shows: each field set narrows it, all of them together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// A questionnaire id.
    pub questionnaire: Option<String>,
    pub region: Option<String>,
    /// A sector as saved (`machinery`).
    pub sector: Option<String>,
    /// A level; 0 is below the first level.
    pub level: Option<u8>,
    pub round: Option<String>,
}

impl Filter {
    pub fn keeps(&self, row: &PortfolioRow) -> bool {
        let is =
            |wanted: &Option<String>, value: &str| wanted.as_deref().is_none_or(|w| w == value);
        is(&self.questionnaire, &row.questionnaire)
            && is(&self.region, &row.region)
            && is(&self.sector, &row.sector)
            && is(&self.round, &row.round)
            && self
                .level
                .is_none_or(|l| row.has_levels && row.level.unwrap_or(0) == l)
    }
}

pub fn filter_rows(rows: &[PortfolioRow], filter: &Filter) -> Vec<PortfolioRow> {
    rows.iter().filter(|r| filter.keeps(r)).cloned().collect()
}

/// A value a filter can take and its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice<T> {
    pub value: T,
    pub text: String,
}

/// The values each filter can take in these rows, each once, sorted by its words
/// (levels by level): what the filter menus offer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterChoices {
    pub questionnaires: Vec<Choice<String>>,
    pub regions: Vec<Choice<String>>,
    pub sectors: Vec<Choice<String>>,
    pub levels: Vec<Choice<u8>>,
    pub rounds: Vec<Choice<String>>,
}

fn distinct<T: Clone + PartialEq>(
    rows: &[PortfolioRow],
    pick: impl Fn(&PortfolioRow) -> Option<(T, String)>,
    order: impl Fn(&Choice<T>, &Choice<T>) -> Ordering,
) -> Vec<Choice<T>> {
    let mut out: Vec<Choice<T>> = Vec::new();
    for (value, text) in rows.iter().filter_map(pick) {
        if !out.iter().any(|c| c.value == value) {
            out.push(Choice { value, text });
        }
    }
    sort_by(&mut out, order);
    out
}

pub fn filter_choices(rows: &[PortfolioRow]) -> FilterChoices {
    let by_text = |a: &Choice<String>, b: &Choice<String>| a.text.cmp(&b.text);
    let given = |v: &str| (!v.is_empty()).then(|| (v.to_string(), v.to_string()));
    FilterChoices {
        questionnaires: distinct(
            rows,
            |r| Some((r.questionnaire.clone(), r.questionnaire_text.clone())),
            by_text,
        ),
        regions: distinct(rows, |r| given(&r.region), by_text),
        sectors: distinct(
            rows,
            |r| (!r.sector.is_empty()).then(|| (r.sector.clone(), r.sector_text.clone())),
            by_text,
        ),
        levels: distinct(
            rows,
            |r| {
                r.has_levels
                    .then(|| (r.level.unwrap_or(0), r.level_text.clone()))
            },
            |a, b| a.value.cmp(&b.value),
        ),
        rounds: distinct(rows, |r| given(&r.round), by_text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sort_key_reads_back_from_its_value() {
        for key in [
            SortKey::Firm,
            SortKey::Round,
            SortKey::Date,
            SortKey::Questionnaire,
            SortKey::Completeness,
            SortKey::Score,
            SortKey::Level,
            SortKey::Indicator("cnc_rate".into()),
            SortKey::Gap("a:b".into()),
        ] {
            assert_eq!(SortKey::from_value(&key.as_value()), Some(key));
        }
        assert_eq!(SortKey::from_value(""), None);
        assert_eq!(SortKey::from_value("value"), None);
    }
}
