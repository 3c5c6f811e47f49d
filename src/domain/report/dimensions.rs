//! Each scored dimension: its share of the scale, its points or level, and how far it is
//! from the line of the firm's next level.

use super::format::{
    format_maturity, format_percent, format_pp, format_score, level_label, level_name,
    maturity_gap, not_applicable, DASH,
};
use crate::domain::compute::assessment::Assessment;
use crate::domain::compute::scoring::DimensionScore;
use crate::domain::model::questionnaire::{
    Dimension, Item, ItemKind, Questionnaire, Scoring, Section,
};
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

/// A capability sub-domain reads as a level, never a percentage: the level reached
/// ("三级 集成级"), and what the next level needs (its descriptor in the sub-domain's
/// question), or how far a mean of several questions is from the next whole level.
fn maturity_row(
    q: &Questionnaire,
    section: &Section,
    d: &Dimension,
    ds: &DimensionScore,
    lang: Lang,
) -> DimensionRow {
    let zh = lang == Lang::Zh;
    let (percent_text, value_text, gap_text) = match ds.percent {
        None => (
            DASH.to_string(),
            not_applicable(lang).to_string(),
            String::new(),
        ),
        Some(_) => {
            let reached = ds.earned.floor().clamp(0.0, 5.0) as u8;
            let whole = ds.earned == f64::from(reached);
            let value = if whole {
                format!("{reached}")
            } else {
                format_maturity(ds.earned)
            };
            let value_text = if zh {
                format!("{value} / 5 级")
            } else {
                format!("level {value} of 5")
            };
            let next = reached + 1;
            let descriptor = match d.items.as_slice() {
                [Item {
                    kind: ItemKind::Level { levels, .. },
                    ..
                }] => levels.get(usize::from(reached)).map(|l| l.text.get(lang)),
                _ => None,
            };
            let gap_text = match (level_name(q, next, lang), descriptor) {
                (Some(name), Some(text)) if whole => {
                    if zh {
                        format!("{name}需要：{text}")
                    } else {
                        format!("{name} needs: {text}")
                    }
                }
                (Some(name), _) => {
                    let gap = maturity_gap(f64::from(next), ds.earned);
                    if zh {
                        format!("距{name}还差 {gap} 级")
                    } else {
                        format!("{gap} of a level to {name}")
                    }
                }
                (None, _) => String::new(),
            };
            (level_label(q, reached, lang), value_text, gap_text)
        }
    };
    DimensionRow {
        id: d.id.clone(),
        name: d.title.get(lang).to_string(),
        section: section.title.get(lang).to_string(),
        percent: ds.percent,
        percent_text,
        value_text,
        // The chart's line is the next whole level of each sub-domain, not one share.
        threshold: None,
        gap_text,
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
            if maturity {
                rows.push(maturity_row(q, section, d, ds, lang));
                continue;
            }
            let value_text = match ds.percent {
                None => not_applicable(lang).to_string(),
                Some(_) => {
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
