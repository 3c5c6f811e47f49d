//! The executive summary's "largest gaps", as sentences made of the rows' own words.

use super::dimensions::DimensionRow;
use super::indicators::{IndicatorRow, RowStatus};
use crate::domain::model::text::Lang;
use crate::domain::util::sorting::sort_by;

/// Indicators furthest below target first, then dimensions furthest below the next
/// level's line; at most `n`.
pub fn largest_gaps(
    indicators: &[IndicatorRow],
    dimensions: &[DimensionRow],
    n: usize,
    lang: Lang,
) -> Vec<String> {
    let (colon, open, close) = match lang {
        Lang::Zh => ("：", "（", "）"),
        Lang::En => (": ", " (", ")"),
    };
    let mut gaps: Vec<(f64, String)> = indicators
        .iter()
        .filter(|r| r.status == RowStatus::Short)
        .filter_map(|r| {
            r.gap_pp.map(|g| {
                (
                    -g,
                    format!(
                        "{}{colon}{}{open}{} / {}{close}",
                        r.name, r.gap_text, r.value_text, r.target_text
                    ),
                )
            })
        })
        .collect();
    sort_by(&mut gaps, |a, b| b.0.total_cmp(&a.0));
    let mut dims: Vec<(f64, String)> = dimensions
        .iter()
        .filter(|d| !d.gap_text.is_empty())
        .filter_map(|d| {
            Some((
                d.threshold? - d.percent?,
                format!("{}{colon}{}", d.name, d.gap_text),
            ))
        })
        .collect();
    sort_by(&mut dims, |a, b| b.0.total_cmp(&a.0));
    gaps.into_iter()
        .chain(dims)
        .take(n)
        .map(|(_, s)| s)
        .collect()
}
