//! A ratio item's bands: within 0–100 %, each above the last without gap or overlap,
//! from 0 up to 100, and which end of each band is closed (`closed`). Coverage is the
//! same check for either end: adjacent bands share their edge, which belongs to the
//! lower band (right-closed) or the upper one (left-closed); 0 and 100 always belong to
//! the first and last band.

use super::points::POINTS_EPSILON;
use super::{CheckError, Checker};
use crate::domain::model::questionnaire::{Band, BandEnd};
use crate::domain::read::raw::RawItem;

impl Checker<'_, '_> {
    /// `closed = "left"` (the default) or `"right"`.
    pub(super) fn band_end(&mut self, raw: &RawItem, field: &str) -> BandEnd {
        let Some(closed) = &raw.closed else {
            return BandEnd::Left;
        };
        BandEnd::from_id(&closed.value).unwrap_or_else(|| {
            let e = CheckError::BandsClosedInvalid {
                closed: closed.value.clone(),
            };
            self.error(closed.offset, &format!("{field}.closed"), e);
            BandEnd::Left
        })
    }

    pub(super) fn bands(&mut self, raw: &RawItem, field: &str) -> Vec<Band> {
        let Some((at, raw_bands)) = &raw.bands else {
            self.error(
                raw.offset,
                &format!("{field}.bands"),
                CheckError::BandsMissing,
            );
            return Vec::new();
        };
        let f = format!("{field}.bands");
        if raw_bands.is_empty() {
            self.error(*at, &f, CheckError::BandsEmpty);
            return Vec::new();
        }
        let mut out: Vec<Band> = Vec::new();
        for (n, b) in raw_bands.iter().enumerate() {
            let (Some(from), Some(to), Some(points)) = (&b.from, &b.to, &b.points) else {
                continue;
            };
            let bf = format!("{f}[{n}]");
            if !(0.0..=100.0).contains(&from.value) || !(0.0..=100.0).contains(&to.value) {
                self.error(b.offset, &bf, CheckError::BandLimitsOutOfRange);
            }
            if to.value <= from.value {
                let e = CheckError::ToNotAboveFrom {
                    from: from.value,
                    to: to.value,
                };
                self.error(to.offset, &format!("{bf}.to"), e);
            }
            let expected_from = out.last().map_or(0.0, |p| p.to);
            if (from.value - expected_from).abs() > POINTS_EPSILON {
                let e = if from.value > expected_from {
                    CheckError::BandsGap {
                        from: expected_from,
                        to: from.value,
                    }
                } else if out.is_empty() {
                    CheckError::BandsNotFromZero { from: from.value }
                } else {
                    CheckError::BandsOverlap {
                        starts: from.value,
                        previous_ends: expected_from,
                    }
                };
                self.error(from.offset, &format!("{bf}.from"), e);
            }
            let points = self.non_negative(points, &format!("{bf}.points"));
            out.push(Band {
                from: from.value,
                to: to.value,
                points,
            });
        }
        if let Some(last) = out.last() {
            if (last.to - 100.0).abs() > POINTS_EPSILON {
                let off = raw_bands
                    .last()
                    .and_then(|b| b.to.as_ref())
                    .map_or(*at, |t| t.offset);
                let e = CheckError::BandsShortOf100 { last_to: last.to };
                self.error(off, &format!("{f}[{}].to", raw_bands.len() - 1), e);
            }
        }
        out
    }
}
