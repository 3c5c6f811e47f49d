//! The dimensions of a scored assessment as the dashboard shows them (rows, the bar chart
//! with the next level's line, the radar), derived from its `app::results::Results`. Only
//! the desk draws the scored dashboard, so this is not in the first visit.

use leptos::prelude::*;

use crate::app::results::Results;
use crate::charts::dimension_chart::dimension_chart_svg;
use crate::charts::radar::radar_svg;
use crate::domain::report::{dimension_rows, next_level_name, DimensionRow};

#[derive(Clone, Copy)]
pub struct Dimensions {
    pub rows: Memo<Vec<DimensionRow>>,
    pub bars_svg: Memo<String>,
    pub radar_svg: Memo<String>,
}

impl Dimensions {
    pub fn new(results: Results) -> Self {
        let (questionnaire, assessment, lang) =
            (results.questionnaire, results.assessment, results.lang);
        let rows = Memo::new(move |_| {
            questionnaire.with(|q| assessment.with(|a| dimension_rows(&q.0, a, lang.get())))
        });
        let next_level = Memo::new(move |_| {
            questionnaire.with(|q| assessment.with(|a| next_level_name(&q.0, a, lang.get())))
        });
        let bars_svg = Memo::new(move |_| {
            rows.with(|d| next_level.with(|n| dimension_chart_svg(d, n, lang.get())))
        });
        let radar_svg = Memo::new(move |_| rows.with(|d| radar_svg(d, lang.get())));
        Dimensions {
            rows,
            bars_svg,
            radar_svg,
        }
    }
}
