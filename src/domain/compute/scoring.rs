//! Scores, levels and completeness, as docs/scoring.md describes them.
//!
//! Points questionnaires: item points → dimension points (renormalised over the items
//! that apply) → section and total points → the level whose range holds the total.
//! Maturity questionnaires: sub-domain (dimension) level → element (section) score,
//! the weighted mean of its sub-domains → overall score, the mean of the elements →
//! the level whose band holds the overall score.

use crate::domain::compute::evaluation::{trend_direction, Evaluation, ItemState};
use crate::domain::model::answers::Answers;
use crate::domain::model::questionnaire::{
    Band, BandEnd, Direction, Item, ItemKind, LevelDef, Questionnaire, ScenarioRule, Scoring,
};

/// The points (or, in a maturity questionnaire, the level) one item earns.
pub(crate) fn item_points(item: &Item, answers: &Answers, ev: &Evaluation) -> f64 {
    match &item.kind {
        ItemKind::SingleChoice { options } => answers
            .choice(&item.id)
            .and_then(|c| options.iter().find(|o| o.id == c))
            .map_or(0.0, |o| o.points),
        ItemKind::MultiSelect { options, cap } => {
            let sum: f64 = options
                .iter()
                .filter(|o| answers.is_selected(&item.id, &o.id))
                .map(|o| o.points)
                .sum();
            cap.map_or(sum, |c| sum.min(c))
        }
        ItemKind::Ratio { bands, closed, .. } => ev
            .number(&item.id)
            .map_or(0.0, |ratio| band_points(bands, *closed, ratio)),
        ItemKind::Trend { points, .. } => {
            // Computed from the figures where the firm gave them, else its answer.
            let direction = ev
                .number(&item.id)
                .map(trend_direction)
                .or_else(|| answers.choice(&item.id).and_then(Direction::from_id));
            match direction {
                Some(Direction::Up) => points[0],
                Some(Direction::Flat) => points[1],
                Some(Direction::Down) => points[2],
                None => 0.0,
            }
        }
        ItemKind::YesNo { points } => {
            if answers.choice(&item.id) == Some("yes") {
                *points
            } else {
                0.0
            }
        }
        ItemKind::Level {
            points: Some(p), ..
        } => answers
            .level(&item.id)
            .and_then(|l| p.get(usize::from(l).checked_sub(1)?))
            .copied()
            .unwrap_or(0.0),
        ItemKind::Level { points: None, .. }
        | ItemKind::Count { .. }
        | ItemKind::Amount { .. }
        | ItemKind::FreeText => 0.0,
    }
}

/// The band holding `ratio` (percent). Left-closed: `from ≤ ratio < to`, the last band
/// including its `to`. Right-closed (the MIIT form): `from < ratio ≤ to`, the first band
/// including its `from`, so an edge (10, 20, 40, 60 %) falls into the lower band. A ratio
/// above the last band (an amount ratio over 100 %) falls into the last.
pub(crate) fn band_points(bands: &[Band], closed: BandEnd, ratio: f64) -> f64 {
    let holds = |(n, b): &(usize, &Band)| match closed {
        BandEnd::Left => ratio >= b.from && ratio < b.to,
        BandEnd::Right => (ratio > b.from || (*n == 0 && ratio >= b.from)) && ratio <= b.to,
    };
    bands
        .iter()
        .enumerate()
        .find(holds)
        .map(|(_, b)| b)
        .or_else(|| bands.last().filter(|b| ratio >= b.from))
        .map_or(0.0, |b| b.points)
}

#[derive(Clone, Debug, PartialEq)]
pub struct DimensionScore {
    pub id: String,
    /// Points earned, on the dimension's own scale (points questionnaires) — or the
    /// sub-domain's level 0–5 (maturity questionnaires).
    pub earned: f64,
    /// The dimension's points (or 5 levels).
    pub max: f64,
    /// 0–100; None when nothing in it applies or it carries no points.
    pub percent: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SectionScore {
    pub id: String,
    pub earned: f64,
    pub max: f64,
    pub percent: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub scoring: Scoring,
    pub dimensions: Vec<DimensionScore>,
    pub sections: Vec<SectionScore>,
    /// Total points out of `total_max` (points), or the overall score 0–5 (maturity).
    pub total: f64,
    pub total_max: f64,
    /// 0–100.
    pub percent: f64,
    /// The level reached, 1-based; None below the first level.
    pub level: Option<u8>,
    /// The next level and how far the total is from its threshold.
    pub next_level: Option<(u8, f64)>,
    /// Visible questions the firm answers directly (ratios are computed, not asked)…
    pub asked: usize,
    /// …and of those, the ones answered (not applicable and don't know count).
    pub answered: usize,
    /// Share of the visible questions answered, 0–100.
    pub completeness: f64,
    /// Unanswered (or invalid) visible questions: the result is provisional.
    pub missing: Vec<String>,
    /// Answered "don't know": scored 0, flagged.
    pub unknown: Vec<String>,
    /// Unscored level items (the SME scenarios): item id → level chosen.
    pub scenario_levels: Vec<(String, Option<u8>)>,
    /// The level the questionnaire's `[scenario_rule]` gives, beside `level` (an
    /// estimate, never the level itself); None without a rule.
    pub scenario_estimate: Option<ScenarioEstimate>,
}

/// The scenario rule applied: the highest level whose points and scenario counts are met.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioEstimate {
    pub level: Option<u8>,
    /// Each level of the rule with what the firm has against what it needs.
    pub levels: Vec<ScenarioCheck>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScenarioCheck {
    pub level: u8,
    pub points_needed: f64,
    /// Scenarios rated this level or higher, and how many the level needs.
    pub scenarios: usize,
    pub scenarios_needed: usize,
    /// Of those, key scenarios, and how many the level needs.
    pub key: usize,
    pub key_needed: usize,
    pub met: bool,
}

/// The scenario rule on a total and the scenarios' levels.
pub fn scenario_estimate(
    rule: &ScenarioRule,
    total: f64,
    scenario_levels: &[(String, Option<u8>)],
) -> ScenarioEstimate {
    let levels: Vec<ScenarioCheck> = rule
        .levels
        .iter()
        .map(|l| {
            let at: Vec<&str> = scenario_levels
                .iter()
                .filter(|(_, r)| r.is_some_and(|r| r >= l.level))
                .map(|(id, _)| id.as_str())
                .collect();
            let key = at
                .iter()
                .filter(|id| rule.key_scenarios.iter().any(|k| k == *id))
                .count();
            ScenarioCheck {
                level: l.level,
                points_needed: l.points,
                scenarios: at.len(),
                scenarios_needed: l.scenarios,
                key,
                key_needed: l.key,
                met: total >= l.points && at.len() >= l.scenarios && key >= l.key,
            }
        })
        .collect();
    ScenarioEstimate {
        level: levels.iter().rev().find(|c| c.met).map(|c| c.level),
        levels,
    }
}

impl Score {
    pub fn is_provisional(&self) -> bool {
        !self.missing.is_empty()
    }

    pub fn dimension(&self, id: &str) -> Option<&DimensionScore> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// How many scenarios sit at each level 1..=n, and how many are unrated.
    pub fn scenario_distribution(&self, levels: usize) -> (Vec<usize>, usize) {
        let mut counts = vec![0; levels];
        let mut unrated = 0;
        for (_, l) in &self.scenario_levels {
            match l {
                Some(l) if (1..=levels).contains(&usize::from(*l)) => {
                    counts[usize::from(*l) - 1] += 1
                }
                _ => unrated += 1,
            }
        }
        (counts, unrated)
    }
}

/// Whether the questionnaire scores anything: levels, and a dimension with points or a
/// level item. The quick check has neither; it only computes indicators.
pub fn is_scored(q: &Questionnaire) -> bool {
    !q.levels.is_empty()
        && q.sections.iter().flat_map(|s| &s.dimensions).any(|d| {
            d.points > 0.0
                || d.items
                    .iter()
                    .any(|i| matches!(i.kind, ItemKind::Level { .. }))
        })
}

/// The level whose range holds `total` (`from ≤ total < to`, the last including `to`).
fn level_of(levels: &[LevelDef], total: f64) -> Option<u8> {
    let last = levels
        .iter()
        .rev()
        .find_map(|l| l.range.map(|r| (l.level, r)));
    levels
        .iter()
        .filter_map(|l| l.range.map(|r| (l.level, r)))
        .find(|(_, (from, to))| total >= *from && total < *to)
        .or(last.filter(|(_, (_, to))| total >= *to))
        .map(|(level, _)| level)
}

/// The first level above `current` and the distance from `total` to its threshold.
fn next_level(levels: &[LevelDef], current: Option<u8>, total: f64) -> Option<(u8, f64)> {
    levels
        .iter()
        .filter(|l| current.is_none_or(|c| l.level > c))
        .find_map(|l| l.range.map(|(from, _)| (l.level, (from - total).max(0.0))))
}

pub fn score(q: &Questionnaire, answers: &Answers, ev: &Evaluation) -> Score {
    let maturity = q.scoring == Scoring::Maturity;
    let mut dimensions = Vec::new();
    let mut sections = Vec::new();
    for section in &q.sections {
        let mut section_dims = Vec::new();
        for d in &section.dimensions {
            let dim = if maturity {
                maturity_dimension(d, answers, ev)
            } else {
                points_dimension(d, answers, ev)
            };
            section_dims.push((dim, d.weight));
        }
        let section_score = if maturity {
            // Element score: weighted mean of the sub-domains that apply.
            let applying: Vec<_> = section_dims
                .iter()
                .filter(|(d, _)| d.percent.is_some())
                .collect();
            let weight: f64 = applying.iter().map(|(_, w)| w).sum();
            let earned = if weight > 0.0 {
                applying.iter().map(|(d, w)| d.earned * w).sum::<f64>() / weight
            } else {
                0.0
            };
            SectionScore {
                id: section.id.clone(),
                earned,
                max: 5.0,
                percent: (weight > 0.0).then(|| earned / 5.0 * 100.0),
            }
        } else {
            let earned: f64 = section_dims.iter().map(|(d, _)| d.earned).sum();
            let max: f64 = section_dims
                .iter()
                .filter(|(d, _)| d.percent.is_some())
                .map(|(d, _)| d.max)
                .sum();
            SectionScore {
                id: section.id.clone(),
                earned,
                max: section.points,
                percent: (max > 0.0).then(|| earned / max * 100.0),
            }
        };
        dimensions.extend(section_dims.into_iter().map(|(d, _)| d));
        sections.push(section_score);
    }

    let (total, total_max) = if maturity {
        // Overall score: the mean of the elements that apply.
        let applying: Vec<f64> = sections
            .iter()
            .filter(|s| s.percent.is_some())
            .map(|s| s.earned)
            .collect();
        let total = if applying.is_empty() {
            0.0
        } else {
            applying.iter().sum::<f64>() / applying.len() as f64
        };
        (total, 5.0)
    } else {
        // Wholly inapplicable dimensions leave the total; the rest scale up to it.
        let earned: f64 = dimensions.iter().map(|d| d.earned).sum();
        let applicable: f64 = dimensions
            .iter()
            .filter(|d| d.percent.is_some())
            .map(|d| d.max)
            .sum();
        let total = if applicable > 0.0 {
            earned / applicable * q.total_points
        } else {
            0.0
        };
        (total, q.total_points)
    };
    // Sums of 0.7, 0.9, 1.25 and 1.875 carry binary noise (13 × 0.7 + 0.9 is
    // 9.999999999999998): a total is tidied to 9 decimals, so that one on a threshold is on it.
    let total = tidy(total);
    let level = level_of(&q.levels, total);

    // One look at each question's state.
    let (mut asked, mut missing, mut unknown) = (0, Vec::new(), Vec::new());
    for item in q.items().filter(|i| i.kind.is_answered_directly()) {
        let state = ev.state(&item.id);
        if state == ItemState::Hidden {
            continue;
        }
        asked += 1;
        if !state.counts_as_answered() {
            missing.push(item.id.clone());
        } else if state == ItemState::Unknown {
            unknown.push(item.id.clone());
        }
    }
    let answered = asked - missing.len();
    let scenario_levels = if maturity {
        Vec::new()
    } else {
        q.items()
            .filter(|i| matches!(i.kind, ItemKind::Level { points: None, .. }))
            .filter(|i| {
                !matches!(
                    ev.state(&i.id),
                    ItemState::Hidden | ItemState::NotApplicable
                )
            })
            .map(|i| {
                (
                    i.id.clone(),
                    answers
                        .level(&i.id)
                        .filter(|_| ev.state(&i.id) == ItemState::Answered),
                )
            })
            .collect()
    };
    let scenario_estimate = q
        .scenario_rule
        .as_ref()
        .map(|rule| scenario_estimate(rule, total, &scenario_levels));
    Score {
        scoring: q.scoring,
        dimensions,
        sections,
        total,
        total_max,
        percent: if total_max > 0.0 {
            total / total_max * 100.0
        } else {
            0.0
        },
        level,
        next_level: next_level(&q.levels, level, total),
        asked,
        answered,
        completeness: if asked == 0 {
            100.0
        } else {
            answered as f64 * 100.0 / asked as f64
        },
        missing,
        unknown,
        scenario_levels,
        scenario_estimate,
    }
}

/// `v` rounded to 9 decimals: far below any figure shown, far above binary noise.
fn tidy(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

/// Points: earned ÷ the maxima of the items that apply, scaled to the dimension's points.
fn points_dimension(
    d: &crate::domain::model::questionnaire::Dimension,
    answers: &Answers,
    ev: &Evaluation,
) -> DimensionScore {
    let mut earned = 0.0;
    let mut applicable_max = 0.0;
    for item in &d.items {
        let max = item.kind.max_points();
        if max == 0.0 {
            continue;
        }
        match ev.state(&item.id) {
            ItemState::Hidden | ItemState::NotApplicable => {}
            ItemState::Answered => {
                earned += item_points(item, answers, ev);
                applicable_max += max;
            }
            // Unanswered, invalid and "don't know" score 0 but still count.
            _ => applicable_max += max,
        }
    }
    if applicable_max > 0.0 && d.points > 0.0 {
        let percent = tidy(earned / applicable_max * 100.0);
        DimensionScore {
            id: d.id.clone(),
            earned: tidy(percent / 100.0 * d.points),
            max: d.points,
            percent: Some(percent),
        }
    } else {
        DimensionScore {
            id: d.id.clone(),
            earned: 0.0,
            max: d.points,
            percent: None,
        }
    }
}

/// Maturity: the mean level of the dimension's level items that apply ("don't know" and
/// unanswered count as level 0).
fn maturity_dimension(
    d: &crate::domain::model::questionnaire::Dimension,
    answers: &Answers,
    ev: &Evaluation,
) -> DimensionScore {
    let levels: Vec<f64> = d
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Level { .. }))
        .filter_map(|i| match ev.state(&i.id) {
            ItemState::Hidden | ItemState::NotApplicable => None,
            ItemState::Answered => Some(answers.level(&i.id).map_or(0.0, f64::from)),
            _ => Some(0.0),
        })
        .collect();
    if levels.is_empty() {
        return DimensionScore {
            id: d.id.clone(),
            earned: 0.0,
            max: 5.0,
            percent: None,
        };
    }
    let level = levels.iter().sum::<f64>() / levels.len() as f64;
    DimensionScore {
        id: d.id.clone(),
        earned: level,
        max: 5.0,
        percent: Some(level / 5.0 * 100.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    /// The official form's bands: `[0–10 %]` 0, `(10 %, 20 %]` 1.5, `(20 %, 40 %]` 3,
    /// `(40 %, 60 %]` 4.5, `(60 %, 100 %]` 6.
    fn form_bands() -> Vec<Band> {
        [
            (0.0, 10.0, 0.0),
            (10.0, 20.0, 1.5),
            (20.0, 40.0, 3.0),
            (40.0, 60.0, 4.5),
            (60.0, 100.0, 6.0),
        ]
        .map(|(from, to, points)| Band { from, to, points })
        .to_vec()
    }

    #[test]
    fn right_closed_bands_put_each_edge_in_the_lower_band() {
        let b = form_bands();
        let right = |r| band_points(&b, BandEnd::Right, r);
        // 0 is in the first band; each edge in the band below it; just above, the next.
        assert_eq!(right(0.0), 0.0);
        assert_eq!(right(10.0), 0.0);
        assert_eq!(right(10.01), 1.5);
        assert_eq!(right(20.0), 1.5);
        assert_eq!(right(20.01), 3.0);
        assert_eq!(right(40.0), 3.0);
        assert_eq!(right(40.01), 4.5);
        assert_eq!(right(60.0), 4.5);
        assert_eq!(right(60.01), 6.0);
        assert_eq!(right(100.0), 6.0);
        // An amount ratio above 100 % is in the last band.
        assert_eq!(right(250.0), 6.0);
    }

    #[test]
    fn left_closed_bands_put_each_edge_in_the_upper_band() {
        let b = form_bands();
        let left = |r| band_points(&b, BandEnd::Left, r);
        assert_eq!(left(0.0), 0.0);
        assert_eq!(left(9.99), 0.0);
        assert_eq!(left(10.0), 1.5);
        assert_eq!(left(20.0), 3.0);
        assert_eq!(left(40.0), 4.5);
        assert_eq!(left(60.0), 6.0);
        assert_eq!(left(100.0), 6.0);
        assert_eq!(left(250.0), 6.0);
    }

    #[test]
    fn the_quick_check_is_not_scored_and_the_other_built_ins_are() {
        let scored: Vec<(String, bool)> = builtin::catalogue()
            .expect("built-in files load")
            .questionnaires
            .iter()
            .map(|q| (q.id.clone(), is_scored(q)))
            .collect();
        assert_eq!(
            scored,
            [
                ("headline-quick".to_string(), false),
                ("sme-digital-level".to_string(), true),
                ("cmmm-self-diagnosis".to_string(), true),
            ]
        );
    }
}
