//! Each scored dimension: its share of the scale, its points or level, and how far it is
//! from the line of the firm's next level.

use super::format::{format_percent, format_pp, format_score, level_name, not_applicable, DASH};
use crate::domain::compute::assessment::Assessment;
use crate::domain::model::questionnaire::{Questionnaire, Scoring};
use crate::domain::model::text::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct DimensionRow {
    pub id: String,
    pub name: String,
    pub section: String,
    /// 0–100, None when nothing in it applies: for the charts' geometry.
    pub percent: Option<f64>,
    /// "66.7%", or "—" when nothing applies: what the table, the bars and the radar say.
    pub percent_text: String,
    /// "10 / 20 分", "3 级", or "不适用".
    pub value_text: String,
    /// The next level's threshold as a share of the scale, 0–100.
    pub threshold: Option<f64>,
    /// "距三级还差 8.5 个百分点" or empty.
    pub gap_text: String,
}

impl DimensionRow {
    /// What a chart writes for the dimension: its share, or why it has none.
    pub fn chart_text(&self) -> &str {
        if self.percent.is_some() {
            &self.percent_text
        } else {
            &self.value_text
        }
    }
}

pub fn dimension_rows(q: &Questionnaire, a: &Assessment, lang: Lang) -> Vec<DimensionRow> {
    let zh = lang == Lang::Zh;
    let s = &a.score;
    let maturity = q.scoring == Scoring::Maturity;
    // The threshold of the firm's next level, as a share of the scale.
    let next = s.next_level.and_then(|(l, _)| {
        let d = q.levels.get(usize::from(l).checked_sub(1)?)?;
        let (from, _) = d.range?;
        Some((level_name(q, l, lang)?, from / s.total_max * 100.0))
    });
    let mut rows = Vec::new();
    let mut i = 0;
    for section in &q.sections {
        for d in &section.dimensions {
            let ds = &s.dimensions[i];
            i += 1;
            if ds.max == 0.0 {
                continue;
            }
            let value_text = match (ds.percent, maturity) {
                (None, _) => not_applicable(lang).to_string(),
                (Some(_), true) => {
                    let l = format_score(ds.earned);
                    if zh {
                        format!("{l} 级")
                    } else {
                        format!("level {l}")
                    }
                }
                (Some(_), false) => {
                    let (e, m) = (format_score(ds.earned), format_score(ds.max));
                    if zh {
                        format!("{e} / {m} 分")
                    } else {
                        format!("{e} / {m} points")
                    }
                }
            };
            let gap_text = match (ds.percent, next) {
                (Some(p), Some((name, threshold))) if p < threshold => {
                    let gap = format_pp(threshold - p);
                    if zh {
                        format!("距{name}还差 {gap} 个百分点")
                    } else {
                        format!("{gap} pp to {name}")
                    }
                }
                _ => String::new(),
            };
            rows.push(DimensionRow {
                id: d.id.clone(),
                name: d.title.get(lang).to_string(),
                section: section.title.get(lang).to_string(),
                percent: ds.percent,
                percent_text: ds.percent.map_or_else(|| DASH.to_string(), format_percent),
                value_text,
                threshold: next.map(|(_, t)| t),
                gap_text,
            });
        }
    }
    rows
}
