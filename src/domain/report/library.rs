//! One saved assessment as "my assessments" lists it: firm, questionnaire, date,
//! completeness, score and level, worded in one language (the seed of the consultant's
//! portfolio table).

use crate::domain::compute::evaluation::evaluate;
use crate::domain::compute::scoring::{is_scored, score};
use crate::domain::compute::upgrade::upgrade;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::questionnaire::Scoring;
use crate::domain::model::record::round_and_day;
use crate::domain::model::text::{Lang, Text};
use crate::domain::report::format::{
    format_maturity, format_percent, format_score, overall_level_name, DASH,
};
use crate::domain::wire::stored::Saved;

#[derive(Clone, Debug, PartialEq)]
pub struct LibraryRow {
    pub id: String,
    /// The firm's name, or "（未命名企业）" / "(unnamed firm)".
    pub firm: String,
    /// The questionnaire's title, or its id where it is not known here.
    pub questionnaire: String,
    /// Its round and day ("T1 · 2026-03-31": the day assessed, else the day last saved).
    pub date: String,
    /// "66.7%"; a dash while its questionnaire is not loaded.
    pub completeness: String,
    /// The total as the results show it ("46.5", "2.31"); a dash for an unscored
    /// questionnaire, or while it is not loaded.
    pub score: String,
    /// The level's name ("二级", "未达一级"); a dash as for the score.
    pub level: String,
}

/// The row of `saved`; `q` is its questionnaire if it is loaded, `title` its title
/// where it is known without it (a built-in one not yet fetched).
pub fn library_row(
    saved: &Saved,
    q: Option<&Questionnaire>,
    title: Option<&Text>,
    lang: Lang,
) -> LibraryRow {
    let f = &saved.file;
    let firm = if f.firm.name.trim().is_empty() {
        lang.pick("（未命名企业）", "(unnamed firm)").to_string()
    } else {
        f.firm.name.clone()
    };
    let questionnaire = q
        .map(|q| &q.title)
        .or(title)
        .map_or_else(|| f.questionnaire.id.clone(), |t| t.get(lang).to_string());
    let (completeness, score_text, level) = match q {
        None => (DASH.to_string(), DASH.to_string(), DASH.to_string()),
        Some(q) => {
            // An earlier version's answers as opening the assessment converts them.
            let upgraded = (q.version != f.questionnaire.version)
                .then(|| upgrade(q, &f.questionnaire.version, &f.answers))
                .flatten();
            let answers = upgraded.as_ref().map_or(&f.answers, |u| &u.answers);
            let s = score(q, answers, &evaluate(q, answers));
            let (total, level) = if !is_scored(q) {
                (DASH.to_string(), DASH.to_string())
            } else if q.scoring == Scoring::Maturity {
                (
                    format_maturity(s.total),
                    overall_level_name(q, s.level, lang),
                )
            } else {
                (format_score(s.total), overall_level_name(q, s.level, lang))
            };
            (format_percent(s.completeness), total, level)
        }
    };
    LibraryRow {
        id: saved.id.clone(),
        firm,
        questionnaire,
        date: round_and_day(&f.round, &f.assessed_on, &f.updated_at),
        completeness,
        score: score_text,
        level,
    }
}
