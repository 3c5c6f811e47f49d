//! The result the firm sees, computed in one call (`assess`): the indicators against the
//! selected target, scores and level, ranked recommendations; and how far the answers
//! have got (progress, the next question to answer).

use crate::domain::compute::evaluation::{evaluate, Evaluation, ItemState};
use crate::domain::compute::indicators::{indicator_value, IndicatorResult};
use crate::domain::compute::recommend::{recommend, Advice, Context};
use crate::domain::compute::scoring::{score, Score};
use crate::domain::model::answers::Answers;
use crate::domain::model::benchmark::Benchmark;
use crate::domain::model::firm::FirmProfile;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub evaluation: Evaluation,
    pub indicators: Vec<IndicatorResult>,
    pub score: Score,
    /// Recommendations that apply, the one that gains most first.
    pub advice: Vec<Advice>,
}

impl Assessment {
    pub fn indicator(&self, id: &str) -> Option<&IndicatorResult> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

/// Everything the firm sees, computed from its answers: indicators against the profile
/// and the nation, scores and level, completeness, ranked recommendations.
pub fn assess(
    q: &Questionnaire,
    answers: &Answers,
    profile: &TargetProfile,
    benchmark: &Benchmark,
    firm: &FirmProfile,
) -> Assessment {
    let evaluation = evaluate(q, answers);
    let indicators: Vec<IndicatorResult> = q
        .indicators
        .iter()
        .map(|ind| {
            let (value, parts) = indicator_value(q, answers, &evaluation, ind);
            IndicatorResult {
                id: ind.id.clone(),
                value,
                parts,
                target: profile.target(&ind.id),
                national: benchmark.latest(&ind.id).cloned(),
            }
        })
        .collect();
    let score = score(q, answers, &evaluation);
    let advice = recommend(&Context {
        q,
        answers,
        ev: &evaluation,
        score: &score,
        indicators: &indicators,
        benchmark,
        firm,
    });
    Assessment {
        evaluation,
        indicators,
        score,
        advice,
    }
}

/// Answered and total visible questions of one section.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

impl Progress {
    pub fn is_complete(self) -> bool {
        self.answered == self.total
    }
}

/// Progress of each section, in order.
pub fn section_progress(q: &Questionnaire, ev: &Evaluation) -> Vec<Progress> {
    q.sections
        .iter()
        .map(|s| {
            let states: Vec<ItemState> = s
                .dimensions
                .iter()
                .flat_map(|d| &d.items)
                .filter(|i| i.kind.is_answered_directly())
                .map(|i| ev.state(&i.id))
                .filter(|st| *st != ItemState::Hidden)
                .collect();
            Progress {
                answered: states.iter().filter(|st| st.counts_as_answered()).count(),
                total: states.len(),
            }
        })
        .collect()
}

/// The first visible unanswered (or invalid) question after `from_section`'s start,
/// wrapping round: (section index, item id).
pub fn next_unanswered(
    q: &Questionnaire,
    ev: &Evaluation,
    from_section: usize,
) -> Option<(usize, String)> {
    let n = q.sections.len();
    (0..n).map(|k| (from_section + k) % n).find_map(|s| {
        q.sections[s]
            .dimensions
            .iter()
            .flat_map(|d| &d.items)
            .filter(|i| i.kind.is_answered_directly())
            .find(|i| matches!(ev.state(&i.id), ItemState::Unanswered | ItemState::Invalid))
            .map(|i| (s, i.id.clone()))
    })
}

/// The first visible question of a section whose input is invalid.
pub fn first_invalid(q: &Questionnaire, ev: &Evaluation, section: usize) -> Option<String> {
    q.sections
        .get(section)?
        .dimensions
        .iter()
        .flat_map(|d| &d.items)
        .find(|i| ev.state(&i.id) == ItemState::Invalid)
        .map(|i| i.id.clone())
}
