//! Each item kind's own fields: choice options, count and amount bounds and units, a
//! ratio's parts, a trend's direction and points, a yes/no's points, a level item's
//! levels. A ratio's bands are in `bands`.

use std::collections::BTreeSet;

use super::{CheckError, Checker};
use crate::domain::model::questionnaire::{
    ChoiceOption, Direction, ItemKind, LevelOption, TrendFigures,
};
use crate::domain::model::text::Text;
use crate::domain::read::raw::{RawItem, RawPoints};
use crate::domain::read::toml_reader::At;

impl Checker<'_, '_> {
    pub(super) fn single_choice(&mut self, raw: &RawItem, field: &str) -> ItemKind {
        let options = self.options(raw, field);
        if options.len() < 2 {
            let e = CheckError::SingleChoiceTooFewOptions;
            self.error(raw.offset, &format!("{field}.options"), e);
        }
        ItemKind::SingleChoice { options }
    }

    pub(super) fn multi_select(&mut self, raw: &RawItem, field: &str) -> ItemKind {
        let options = self.options(raw, field);
        if options.is_empty() {
            let e = CheckError::MultiSelectWithoutOptions;
            self.error(raw.offset, &format!("{field}.options"), e);
        }
        let cap = raw
            .cap
            .as_ref()
            .map(|c| self.non_negative(c, &format!("{field}.cap")));
        ItemKind::MultiSelect { options, cap }
    }

    pub(super) fn count(&mut self, raw: &RawItem, field: &str) -> ItemKind {
        let unit = self.unit(raw, field);
        let whole = |c: &mut Self, v: &Option<At<f64>>, name: &str| -> Option<u64> {
            let v = v.as_ref()?;
            if v.value < 0.0 || v.value.fract() != 0.0 {
                let e = CheckError::CountBoundNotWhole;
                c.error(v.offset, &format!("{field}.{name}"), e);
                return None;
            }
            Some(v.value as u64)
        };
        let min = whole(self, &raw.min, "min").unwrap_or(0);
        let max = whole(self, &raw.max, "max");
        if let (Some(max), Some(at)) = (max, &raw.max) {
            if max < min {
                let e = CheckError::CountMaxBelowMin { max, min };
                self.error(at.offset, &format!("{field}.max"), e);
            }
        }
        ItemKind::Count { unit, min, max }
    }

    pub(super) fn amount(&mut self, raw: &RawItem, field: &str) -> ItemKind {
        let unit = self.unit(raw, field);
        let min = raw.min.as_ref().map_or(0.0, |m| m.value);
        let max = raw.max.as_ref().map(|m| m.value);
        if let (Some(max), Some(at)) = (max, &raw.max) {
            if max < min {
                let e = CheckError::AmountMaxBelowMin { max, min };
                self.error(at.offset, &format!("{field}.max"), e);
            }
        }
        ItemKind::Amount { unit, min, max }
    }

    pub(super) fn ratio(&mut self, raw: &RawItem, field: &str) -> ItemKind {
        let part = |c: &mut Self, v: &Option<At<String>>, key: &'static str| -> String {
            match v {
                Some(v) => v.value.clone(),
                None => {
                    let e = CheckError::RatioMissingPart { key };
                    c.error(raw.offset, &format!("{field}.{key}"), e);
                    String::new()
                }
            }
        };
        let numerator = part(self, &raw.numerator, "numerator");
        let denominator = part(self, &raw.denominator, "denominator");
        let closed = self.band_end(raw, field);
        let bands = self.bands(raw, field);
        ItemKind::Ratio {
            numerator,
            denominator,
            part_of_whole: raw.part_of_whole.as_ref().is_none_or(|b| b.value),
            closed,
            bands,
        }
    }

    pub(super) fn trend(&mut self, raw: &RawItem, field: &str) -> ItemKind {
        let better = match raw.better.as_ref().map(|b| (b.offset, b.value.as_str())) {
            Some((_, "up")) => Direction::Up,
            Some((_, "down")) => Direction::Down,
            Some((at, other)) => {
                let e = CheckError::TrendBetterInvalid {
                    better: other.to_string(),
                };
                self.error(at, &format!("{field}.better"), e);
                Direction::Up
            }
            None => {
                let e = CheckError::TrendBetterMissing;
                self.error(raw.offset, &format!("{field}.better"), e);
                Direction::Up
            }
        };
        let points = match &raw.points {
            Some(RawPoints::Trend { up, flat, down }) => {
                let mut p = [0.0; 3];
                for (slot, v, name) in [(0, up, "up"), (1, flat, "flat"), (2, down, "down")] {
                    if let Some(v) = v {
                        p[slot] = self.non_negative(v, &format!("{field}.points.{name}"));
                    }
                }
                p
            }
            _ => {
                let e = CheckError::TrendPointsMissing;
                self.error(raw.offset, &format!("{field}.points"), e);
                [0.0; 3]
            }
        };
        let from_figures = raw.from_figures.as_ref().and_then(|f| {
            let per = match (&f.per_last, &f.per_previous) {
                (Some(a), Some(b)) => Some((a.value.clone(), b.value.clone())),
                (None, None) => None,
                _ => {
                    let e = CheckError::TrendFiguresPerUnpaired;
                    self.error(f.offset, &format!("{field}.from_figures"), e);
                    return None;
                }
            };
            Some(TrendFigures {
                last: f.last.value.clone(),
                previous: f.previous.value.clone(),
                per,
            })
        });
        ItemKind::Trend {
            better,
            points,
            from_figures,
        }
    }

    pub(super) fn yes_no(&mut self, raw: &RawItem, field: &str) -> ItemKind {
        let points = match &raw.points {
            Some(RawPoints::Number(v)) => self.non_negative(v, &format!("{field}.points")),
            None => 0.0,
            Some(_) => {
                let e = CheckError::YesNoPointsNotNumber;
                self.error(raw.offset, &format!("{field}.points"), e);
                0.0
            }
        };
        ItemKind::YesNo { points }
    }

    pub(super) fn level_item(&mut self, raw: &RawItem, field: &str) -> ItemKind {
        let Some((at, raw_levels)) = &raw.levels else {
            let e = CheckError::LevelItemWithoutLevels;
            self.error(raw.offset, &format!("{field}.levels"), e);
            return ItemKind::Level {
                levels: Vec::new(),
                points: None,
                below_first: None,
            };
        };
        if raw_levels.len() != 4 && raw_levels.len() != 5 {
            let e = CheckError::LevelItemLevelCount {
                count: raw_levels.len(),
            };
            self.error(*at, &format!("{field}.levels"), e);
        }
        let mut levels = Vec::new();
        for (n, l) in raw_levels.iter().enumerate() {
            let f = format!("{field}.levels[{n}]");
            if let Some(v) = &l.level {
                if v.value != (n + 1) as f64 {
                    let e = CheckError::LevelItemOutOfOrder { expected: n + 1 };
                    self.error(v.offset, &format!("{f}.level"), e);
                }
            }
            levels.push(LevelOption {
                level: (n + 1) as u8,
                text: self.text(&l.text, &format!("{f}.text")),
            });
        }
        let points = match &raw.points {
            None => None,
            Some(RawPoints::List(list)) => {
                if list.value.len() != levels.len() {
                    let e = CheckError::LevelItemPointsCount {
                        levels: levels.len(),
                    };
                    self.error(list.offset, &format!("{field}.points"), e);
                }
                if list.value.iter().any(|p| *p < 0.0) {
                    let e = CheckError::LevelItemPointsNegative;
                    self.error(list.offset, &format!("{field}.points"), e);
                }
                Some(list.value.clone())
            }
            Some(_) => {
                let e = CheckError::LevelItemPointsNotList;
                self.error(raw.offset, &format!("{field}.points"), e);
                None
            }
        };
        let below_first = raw
            .below_first
            .as_ref()
            .map(|t| self.text(t, &format!("{field}.below_first")));
        ItemKind::Level {
            levels,
            points,
            below_first,
        }
    }

    /// A count's or an amount's unit, which is required.
    fn unit(&mut self, raw: &RawItem, field: &str) -> Text {
        match &raw.unit {
            Some(u) => self.text(u, &format!("{field}.unit")),
            None => {
                self.error(
                    raw.offset,
                    &format!("{field}.unit"),
                    CheckError::MissingUnit,
                );
                Text::default()
            }
        }
    }

    /// A choice item's options: ids unique within the item, levels 1–5, points ≥ 0.
    fn options(&mut self, raw: &RawItem, field: &str) -> Vec<ChoiceOption> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (n, o) in raw.options.iter().flatten().enumerate() {
            let f = format!("{field}.options[{n}]");
            let id = self.id(&o.id, &format!("{f}.id"));
            if !seen.insert(id.clone()) {
                let e = CheckError::DuplicateOptionId { id: id.clone() };
                self.error(o.id.offset, &format!("{f}.id"), e);
            }
            let level = o.level.as_ref().and_then(|l| {
                if (1.0..=5.0).contains(&l.value) && l.value.fract() == 0.0 {
                    Some(l.value as u8)
                } else {
                    let e = CheckError::OptionLevelInvalid;
                    self.error(l.offset, &format!("{f}.level"), e);
                    None
                }
            });
            out.push(ChoiceOption {
                id,
                text: self.text(&o.text, &format!("{f}.text")),
                points: o
                    .points
                    .as_ref()
                    .map_or(0.0, |p| self.non_negative(p, &format!("{f}.points"))),
                level,
            });
        }
        out
    }
}
