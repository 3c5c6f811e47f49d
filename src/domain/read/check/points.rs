//! Points: none negative, and each declared sum equal to what it sums (a dimension's to
//! its items' maxima, a section's to its dimensions', the total to the sections').

use super::{CheckError, Checker};
use crate::domain::model::questionnaire::Section;
use crate::domain::read::toml_reader::At;

/// Points are compared with this tolerance (0.7 × 15 is not exactly 10.5 in binary).
pub(super) const POINTS_EPSILON: f64 = 1e-6;

impl Checker<'_, '_> {
    /// The points, reported and taken as 0 when negative.
    pub(super) fn non_negative(&mut self, v: &At<f64>, field: &str) -> f64 {
        if v.value < 0.0 {
            let e = CheckError::NegativePoints { points: v.value };
            self.error(v.offset, field, e);
        }
        v.value.max(0.0)
    }

    /// Declared points where given (checked against `sum` when `check_sum`), else the sum.
    /// `mismatch` words the error from the declared points and the sum.
    pub(super) fn declared_points(
        &mut self,
        declared: Option<&At<f64>>,
        field: &str,
        sum: f64,
        check_sum: bool,
        mismatch: fn(f64, f64) -> CheckError,
    ) -> f64 {
        let Some(p) = declared else { return sum };
        let declared = self.non_negative(p, field);
        if check_sum && (declared - sum).abs() > POINTS_EPSILON {
            self.error(p.offset, field, mismatch(declared, sum));
        }
        declared
    }

    /// `total_points` where given (always checked against the sections), else their sum.
    pub(super) fn total_points(&mut self, declared: Option<&At<f64>>, sections: &[Section]) -> f64 {
        let section_points: f64 = sections.iter().map(|s| s.points).sum();
        let Some(t) = declared else {
            return section_points;
        };
        if (t.value - section_points).abs() > POINTS_EPSILON {
            let e = CheckError::TotalPointsMismatch {
                declared: t.value,
                section_points,
            };
            self.error(t.offset, "questionnaire.total_points", e);
        }
        t.value
    }
}
