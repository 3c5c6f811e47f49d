//! `[[levels]]`, the questionnaire's level scheme: numbered 1, 2, 3… in order; in a
//! points questionnaire each has a score range, the ranges without gap or overlap.

use std::collections::BTreeSet;

use super::points::POINTS_EPSILON;
use super::{CheckError, Checker};
use crate::domain::model::questionnaire::{LevelDef, Scoring};
use crate::domain::read::raw::RawLevel;

impl Checker<'_, '_> {
    pub(super) fn levels(
        &mut self,
        raw: &[RawLevel],
        scoring: Scoring,
        sources: &BTreeSet<String>,
    ) -> Vec<LevelDef> {
        let mut out: Vec<LevelDef> = Vec::new();
        for (n, l) in raw.iter().enumerate() {
            let field = format!("levels[{n}]");
            let level = (n + 1) as u8;
            if let Some(v) = l.level.as_ref().filter(|v| v.value != (n + 1) as f64) {
                let e = CheckError::LevelNumberOutOfOrder { expected: n + 1 };
                self.error(v.offset, &format!("{field}.level"), e);
            }
            let range = match (&l.from, &l.to, scoring) {
                (Some(from), Some(to), _) => {
                    if from.value >= to.value {
                        let e = CheckError::ToNotAboveFrom {
                            from: from.value,
                            to: to.value,
                        };
                        self.error(to.offset, &format!("{field}.to"), e);
                    }
                    if let Some((_, prev_to)) = out.last().and_then(|p| p.range) {
                        if (from.value - prev_to).abs() > POINTS_EPSILON {
                            let e = if from.value > prev_to {
                                CheckError::LevelsGap {
                                    from: prev_to,
                                    to: from.value,
                                }
                            } else {
                                CheckError::LevelsOverlap {
                                    starts: from.value,
                                    previous_ends: prev_to,
                                }
                            };
                            self.error(from.offset, &format!("{field}.from"), e);
                        }
                    }
                    Some((from.value, to.value))
                }
                (None, None, Scoring::Maturity) => None,
                _ => {
                    self.error(l.offset, &field, CheckError::LevelNeedsRange);
                    None
                }
            };
            if let Some(s) = &l.source {
                self.source_ref(s, &format!("{field}.source"), sources);
            }
            out.push(LevelDef {
                level,
                name: self.text(&l.name, &format!("{field}.name")),
                range,
                descriptor: self.text(&l.descriptor, &format!("{field}.descriptor")),
                source: l.source.as_ref().map(|s| s.value.trim().to_string()),
                unverified: l.unverified,
            });
        }
        out
    }
}
