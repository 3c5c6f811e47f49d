//! The roll-up of a portfolio: many firms on one questionnaire against one target
//! profile, as a region's or a park's figures. A streaming fold — `Rollup::new`, `add`
//! each firm, `finish` — that holds sums per indicator and counts per level, never the
//! firms, so any number of answers files rolls up in bounded memory; two partial
//! roll-ups `merge` into the one a single pass would give.
//!
//! Per indicator it gives the firms' mean, the value weighted by the underlying counts
//! (Σ numerators ÷ Σ denominators: Σ CNC key processes ÷ Σ key processes, the way the
//! policy documents define the regional rate), the share of firms meeting the target
//! and how many firms have a value; then the distribution of levels and the share at
//! 二级 or above. A firm on another questionnaire or version, or a file that cannot be
//! read, is left out and counted with its reason.

use crate::domain::compute::assessment::{assess, Assessment};
use crate::domain::compute::indicators::{Gap, IndicatorValue};
use crate::domain::model::benchmark::Benchmark;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
use crate::domain::model::text::Text;
use crate::domain::read::answers_file::AnswersFile;

/// The level whose share of firms the roll-up reports ("二级 or above"): the SME action
/// plan 2025–2027 (工信部联企业〔2024〕239号) sets its pilot firms' goal as 数字化水平二级
/// or above. For another level scheme it is that scheme's level 2, named as it names it.
pub const POLICY_LEVEL: u8 = 2;

/// Why a firm is not in the roll-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// Its answers are for another questionnaire.
    OtherQuestionnaire,
    /// For this questionnaire, but another version of it.
    OtherVersion,
    /// The file cannot be read, is not an answers file, or names items the questionnaire
    /// does not have.
    Unreadable,
}

/// A firm the roll-up counted: whether its figures are provisional (questions left
/// unanswered) and how much of the questionnaire it answered (percent).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Counted {
    pub incomplete: bool,
    pub completeness: f64,
}

/// How many firms were left out, by reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeftOutCounts {
    pub other_questionnaire: usize,
    pub other_version: usize,
    pub unreadable: usize,
}

impl LeftOutCounts {
    pub fn add(&mut self, reason: LeftOut) {
        match reason {
            LeftOut::OtherQuestionnaire => self.other_questionnaire += 1,
            LeftOut::OtherVersion => self.other_version += 1,
            LeftOut::Unreadable => self.unreadable += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.other_questionnaire + self.other_version + self.unreadable
    }

    fn merge(&mut self, other: &LeftOutCounts) {
        self.other_questionnaire += other.other_questionnaire;
        self.other_version += other.other_version;
        self.unreadable += other.unreadable;
    }
}

/// What one indicator adds up to so far.
#[derive(Clone, Debug, Default, PartialEq)]
struct IndicatorSums {
    with_value: usize,
    not_applicable: usize,
    missing: usize,
    invalid: usize,
    value_sum: f64,
    min: Option<f64>,
    max: Option<f64>,
    numerator_sum: f64,
    denominator_sum: f64,
    meeting_target: usize,
}

fn lower(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn higher(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

impl IndicatorSums {
    fn merge(&mut self, o: &IndicatorSums) {
        self.with_value += o.with_value;
        self.not_applicable += o.not_applicable;
        self.missing += o.missing;
        self.invalid += o.invalid;
        self.value_sum += o.value_sum;
        self.min = lower(self.min, o.min);
        self.max = higher(self.max, o.max);
        self.numerator_sum += o.numerator_sum;
        self.denominator_sum += o.denominator_sum;
        self.meeting_target += o.meeting_target;
    }
}

/// The fold. Borrow the questionnaire and profile; hold only sums and counts.
#[derive(Clone, Debug)]
pub struct Rollup<'a> {
    q: &'a Questionnaire,
    profile: &'a TargetProfile,
    /// `assess` wants national values; a roll-up reads none of what they feed.
    no_benchmark: Benchmark,
    firms: usize,
    incomplete: usize,
    /// In the questionnaire's indicator order.
    indicators: Vec<IndicatorSums>,
    /// Firms at level 1, 2, …, n of the questionnaire's scheme.
    levels: Vec<usize>,
    below_first_level: usize,
    left_out: LeftOutCounts,
}

impl<'a> Rollup<'a> {
    pub fn new(q: &'a Questionnaire, profile: &'a TargetProfile) -> Rollup<'a> {
        Rollup {
            q,
            profile,
            no_benchmark: Benchmark {
                id: String::new(),
                name: Text::new(String::new(), String::new()),
                source: String::new(),
                values: Vec::new(),
            },
            firms: 0,
            incomplete: 0,
            indicators: vec![IndicatorSums::default(); q.indicators.len()],
            levels: vec![0; q.levels.len()],
            below_first_level: 0,
            left_out: LeftOutCounts::default(),
        }
    }

    /// Adds one firm's answers file: assessed against the roll-up's profile if it is for
    /// this questionnaire and version (and how it counted returned), otherwise left out
    /// (and the reason returned). The file is taken as checked (`check_answers`) for
    /// everything else.
    pub fn add_file(&mut self, file: &AnswersFile) -> Result<Counted, LeftOut> {
        let reason = if file.questionnaire.id != self.q.id {
            Some(LeftOut::OtherQuestionnaire)
        } else if file.questionnaire.version != self.q.version {
            Some(LeftOut::OtherVersion)
        } else {
            None
        };
        if let Some(reason) = reason {
            self.leave_out(reason);
            return Err(reason);
        }
        let a = assess(
            self.q,
            &file.answers,
            self.profile,
            &self.no_benchmark,
            &file.firm,
        );
        self.add(&a);
        Ok(Counted {
            incomplete: a.score.is_provisional(),
            completeness: a.score.completeness,
        })
    }

    /// Adds one firm's assessment, which must be on this questionnaire and profile.
    pub fn add(&mut self, a: &Assessment) {
        self.firms += 1;
        if a.score.is_provisional() {
            self.incomplete += 1;
        }
        for (ind, sums) in self.q.indicators.iter().zip(&mut self.indicators) {
            let Some(result) = a.indicator(&ind.id) else {
                sums.missing += 1;
                continue;
            };
            match (result.value, result.parts) {
                (IndicatorValue::Percent(v), Some(parts)) => {
                    sums.with_value += 1;
                    sums.value_sum += v;
                    sums.min = lower(sums.min, Some(v));
                    sums.max = higher(sums.max, Some(v));
                    sums.numerator_sum += parts.numerator;
                    sums.denominator_sum += parts.denominator;
                    if matches!(result.gap(), Some(Gap::Met { .. })) {
                        sums.meeting_target += 1;
                    }
                }
                (IndicatorValue::NotApplicable, _) => sums.not_applicable += 1,
                (IndicatorValue::Invalid, _) => sums.invalid += 1,
                _ => sums.missing += 1,
            }
        }
        match a.score.level.and_then(|l| usize::from(l).checked_sub(1)) {
            Some(index) if index < self.levels.len() => self.levels[index] += 1,
            _ if !self.levels.is_empty() => self.below_first_level += 1,
            _ => {}
        }
    }

    /// Counts a firm that cannot be added, with its reason.
    pub fn leave_out(&mut self, reason: LeftOut) {
        self.left_out.add(reason);
    }

    /// Adds up another roll-up of the same questionnaire and profile (one per thread).
    pub fn merge(&mut self, other: &Rollup<'_>) {
        self.firms += other.firms;
        self.incomplete += other.incomplete;
        for (mine, theirs) in self.indicators.iter_mut().zip(&other.indicators) {
            mine.merge(theirs);
        }
        for (mine, theirs) in self.levels.iter_mut().zip(&other.levels) {
            *mine += theirs;
        }
        self.below_first_level += other.below_first_level;
        self.left_out.merge(&other.left_out);
    }

    pub fn finish(self) -> RollupResult {
        let share = |count: usize, of: usize| (of > 0).then(|| count as f64 * 100.0 / of as f64);
        let indicators = self
            .q
            .indicators
            .iter()
            .zip(&self.indicators)
            .map(|(ind, s)| {
                let target = self.profile.target(&ind.id);
                let has_value = s.with_value > 0;
                IndicatorRollup {
                    id: ind.id.clone(),
                    target,
                    with_value: s.with_value,
                    not_applicable: s.not_applicable,
                    missing: s.missing,
                    invalid: s.invalid,
                    mean: has_value.then(|| s.value_sum / s.with_value as f64),
                    weighted: (s.denominator_sum > 0.0)
                        .then(|| s.numerator_sum * 100.0 / s.denominator_sum),
                    min: s.min,
                    max: s.max,
                    numerator_sum: s.numerator_sum,
                    denominator_sum: s.denominator_sum,
                    meeting_target: target.map(|_| s.meeting_target),
                    share_meeting_target: target.and(share(s.meeting_target, s.with_value)),
                }
            })
            .collect();
        let levels: Vec<LevelCount> = self
            .levels
            .iter()
            .zip(&self.q.levels)
            .map(|(&firms, def)| LevelCount {
                level: def.level,
                firms,
                share: share(firms, self.firms),
            })
            .collect();
        let policy_level = (self.q.levels.len() >= usize::from(POLICY_LEVEL)).then(|| {
            let firms = levels
                .iter()
                .filter(|l| l.level >= POLICY_LEVEL)
                .map(|l| l.firms)
                .sum();
            LevelShare {
                level: POLICY_LEVEL,
                firms,
                share: share(firms, self.firms),
            }
        });
        RollupResult {
            questionnaire: self.q.id.clone(),
            version: self.q.version.clone(),
            profile: self.profile.id.clone(),
            firms: self.firms,
            incomplete: self.incomplete,
            left_out: self.left_out,
            indicators,
            levels,
            below_first_level: self.below_first_level,
            at_or_above: policy_level,
        }
    }
}

/// The portfolio's figures. Shares are percentages (0–100); `None` where nothing could
/// be counted (no firm with a value, no target, no firm at all).
#[derive(Clone, Debug, PartialEq)]
pub struct RollupResult {
    pub questionnaire: String,
    pub version: String,
    pub profile: String,
    /// Firms rolled up, complete or not.
    pub firms: usize,
    /// Of those, how many have unanswered questions (their figures are provisional).
    pub incomplete: usize,
    pub left_out: LeftOutCounts,
    /// In the questionnaire's order.
    pub indicators: Vec<IndicatorRollup>,
    /// Firms at each level of the questionnaire's scheme, lowest first; empty when the
    /// questionnaire has no levels.
    pub levels: Vec<LevelCount>,
    /// Firms below the first level (only when there are levels).
    pub below_first_level: usize,
    /// Firms at `POLICY_LEVEL` or above, when the scheme has that level.
    pub at_or_above: Option<LevelShare>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRollup {
    pub id: String,
    pub target: Option<f64>,
    /// Firms with a value (the others: not applicable, missing or invalid).
    pub with_value: usize,
    pub not_applicable: usize,
    pub missing: usize,
    pub invalid: usize,
    /// The mean of the firms' values: each firm counts once.
    pub mean: Option<f64>,
    /// Σ numerators × 100 ÷ Σ denominators: each firm counts by its size.
    pub weighted: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub numerator_sum: f64,
    pub denominator_sum: f64,
    /// Firms at or above the target, where the profile sets one.
    pub meeting_target: Option<usize>,
    /// …as a share of the firms with a value.
    pub share_meeting_target: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LevelCount {
    pub level: u8,
    pub firms: usize,
    /// Of all firms rolled up.
    pub share: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LevelShare {
    pub level: u8,
    pub firms: usize,
    /// Of all firms rolled up.
    pub share: Option<f64>,
}
