//! Reads the answers against the questionnaire once: which items are visible, each
//! item's state, the numbers the firm gave (counts, amounts, ratios, levels), and the
//! error to show beside each field. Indicators, scores and progress all start here.

use crate::domain::util::fast_map::IdMap;

use crate::domain::model::answers::{Answer, Answers};
use crate::domain::model::condition::{Condition, Metric, Op, Rhs, Value};
use crate::domain::model::questionnaire::{Direction, Item, ItemKind, Questionnaire};
use crate::domain::model::text::{Lang, Text};
use crate::domain::read::number_input::{parse_bounded_amount, parse_bounded_count};

/// Field id → the error to show next to that field.
type FieldErrors = IdMap<Text>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemState {
    /// Its `visible_if` is false: not asked, its answer (if any) does not count.
    Hidden,
    Unanswered,
    Answered,
    NotApplicable,
    /// 不清楚: answered "don't know".
    Unknown,
    /// What was typed is not valid (see the field errors).
    Invalid,
}

impl ItemState {
    /// Answered for progress and completeness: not applicable and don't know count.
    pub fn counts_as_answered(self) -> bool {
        matches!(
            self,
            ItemState::Answered | ItemState::NotApplicable | ItemState::Unknown
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Every item's state but `Unanswered`, the state of items not listed (most of a long
    /// questionnaire, while it is being filled in): read it with [`Evaluation::state`].
    pub states: IdMap<ItemState>,
    /// Count, amount and level answers, and computed ratios in percent.
    pub numbers: IdMap<f64>,
    pub field_errors: FieldErrors,
}

impl Evaluation {
    pub fn state(&self, item: &str) -> ItemState {
        self.states
            .get(item)
            .copied()
            .unwrap_or(ItemState::Unanswered)
    }

    pub fn number(&self, item: &str) -> Option<f64> {
        self.numbers.get(item).copied()
    }

    pub fn is_visible(&self, item: &str) -> bool {
        self.state(item) != ItemState::Hidden
    }
}

/// An answer the firm can give directly: is there one, in any form?
fn has_answer(item: &Item, a: Option<&Answer>) -> bool {
    match (a, &item.kind) {
        (None, _) => false,
        (Some(Answer::Typed(s)), _) => !s.trim().is_empty(),
        (Some(Answer::Text(s)), _) => !s.trim().is_empty(),
        _ => true,
    }
}

/// Runs on every keystroke over the whole questionnaire, so it does per item only what
/// the item needs: a lookup of its answer, and no allocation unless it has a number,
/// an error, a condition (or is named in one) or a state other than unanswered.
pub fn evaluate(q: &Questionnaire, answers: &Answers) -> Evaluation {
    let mut numbers = IdMap::default();
    let mut field_errors = FieldErrors::default();

    // Typed numbers and levels first: everything else may read them.
    for item in q.items() {
        let parsed = match item.kind {
            ItemKind::Count { min, max, .. } => {
                parse_bounded_count(answers.typed(&item.id), min, max).map(|v| v.map(|n| n as f64))
            }
            ItemKind::Amount { min, max, .. } => {
                parse_bounded_amount(answers.typed(&item.id), min, max)
            }
            ItemKind::Level { .. } => Ok(answers.level(&item.id).map(f64::from)),
            _ => continue,
        };
        match parsed {
            Ok(Some(v)) => {
                numbers.insert(item.id.clone(), v);
            }
            Ok(None) => {}
            Err(e) => {
                field_errors.insert(item.id.clone(), e.message());
            }
        }
    }

    // Ratios first with every number (conditions may compare ratios), then again with
    // the hidden items' numbers and errors removed: a hidden answer does not count.
    // Only items with a condition can be hidden.
    compute_ratios(q, &mut numbers, None);
    let mut visible: IdMap<bool> = IdMap::default();
    for item in q.items().filter(|i| i.visible_if.is_some()) {
        is_visible(q, answers, &numbers, &item.id, &mut visible);
    }
    let hidden = |id: &str| visible.get(id) == Some(&false);
    numbers.retain(|id, _| {
        !hidden(id) && !matches!(q.item(id).map(|i| &i.kind), Some(ItemKind::Ratio { .. }))
    });
    field_errors.retain(|id, _| !hidden(id));
    compute_ratios(q, &mut numbers, Some(&mut field_errors));

    let mut states = IdMap::default();
    for item in q.items() {
        let state = if hidden(&item.id) {
            ItemState::Hidden
        } else {
            item_state(item, answers, &numbers, &field_errors)
        };
        if state != ItemState::Unanswered {
            states.insert(item.id.clone(), state);
        }
    }
    Evaluation {
        states,
        numbers,
        field_errors,
    }
}

/// Ratio items' values and, given `field_errors`, the error on a part above its whole
/// (never a ratio above 100 %).
fn compute_ratios(
    q: &Questionnaire,
    numbers: &mut IdMap<f64>,
    mut field_errors: Option<&mut FieldErrors>,
) {
    let ratio_inputs = q.items().filter_map(|i| match &i.kind {
        ItemKind::Ratio {
            numerator,
            denominator,
            part_of_whole,
            ..
        } => Some((
            Some(i.id.as_str()),
            numerator.as_str(),
            denominator.as_str(),
            *part_of_whole,
        )),
        _ => None,
    });
    let indicator_inputs = q.indicators.iter().filter_map(|ind| match &ind.formula {
        crate::domain::model::questionnaire::Formula::Ratio {
            numerator,
            denominator,
        } => Some((None, numerator.as_str(), denominator.as_str(), true)),
        _ => None,
    });
    for (ratio_item, num, den, part_of_whole) in
        ratio_inputs.chain(indicator_inputs).collect::<Vec<_>>()
    {
        let (Some(part), Some(whole)) = (numbers.get(num).copied(), numbers.get(den).copied())
        else {
            continue;
        };
        if part_of_whole && part > whole {
            if let Some(errors) = field_errors.as_deref_mut() {
                errors
                    .entry(num.to_string())
                    .or_insert_with(|| part_exceeds_whole(q, den, part, whole));
            }
        } else if whole > 0.0 {
            if let Some(id) = ratio_item {
                numbers.insert(id.to_string(), part * 100.0 / whole);
            }
        }
    }
}

fn item_state(
    item: &Item,
    answers: &Answers,
    numbers: &IdMap<f64>,
    errors: &FieldErrors,
) -> ItemState {
    let answer = answers.get(&item.id);
    match answer {
        Some(Answer::NotApplicable) if item.allow_na => return ItemState::NotApplicable,
        Some(Answer::Unknown) if item.allow_unknown => return ItemState::Unknown,
        _ => {}
    }
    if errors.contains_key(&item.id) {
        return ItemState::Invalid;
    }
    match &item.kind {
        ItemKind::Ratio {
            numerator,
            denominator,
            ..
        } => {
            if errors.contains_key(numerator) || errors.contains_key(denominator) {
                ItemState::Invalid
            } else if numbers.get(denominator) == Some(&0.0) {
                ItemState::NotApplicable
            } else if numbers.contains_key(&item.id) {
                ItemState::Answered
            } else {
                ItemState::Unanswered
            }
        }
        ItemKind::Count { .. } | ItemKind::Amount { .. } => {
            if numbers.contains_key(&item.id) {
                ItemState::Answered
            } else {
                ItemState::Unanswered
            }
        }
        _ if has_answer(item, answer) && answer_fits(item, answer) => ItemState::Answered,
        _ => ItemState::Unanswered,
    }
}

/// Whether a stored answer is of the item's form (a stale answer from an older
/// questionnaire version is treated as no answer, and kept).
fn answer_fits(item: &Item, answer: Option<&Answer>) -> bool {
    match (&item.kind, answer) {
        (ItemKind::SingleChoice { options }, Some(Answer::Choice(c))) => {
            options.iter().any(|o| &o.id == c)
        }
        (ItemKind::MultiSelect { options, .. }, Some(Answer::Selected(set))) => {
            set.iter().all(|s| options.iter().any(|o| &o.id == s))
        }
        (ItemKind::YesNo { .. }, Some(Answer::Choice(c))) => c == "yes" || c == "no",
        (ItemKind::Trend { .. }, Some(Answer::Choice(c))) => Direction::from_id(c).is_some(),
        (ItemKind::Level { levels, .. }, Some(Answer::Level(l))) => {
            (1..=levels.len()).contains(&(*l as usize))
        }
        (ItemKind::FreeText, Some(Answer::Text(_))) => true,
        _ => false,
    }
}

/// Whether an item is shown, worked out with every item its condition names and kept in
/// `memo`. Iterative: conditions name items whose own conditions name others, in chains
/// as long as the questionnaire (5,000 items would be 10,000 frames of recursion, beyond
/// the browser's stack), so the items still to work out wait on a stack of ids. Each
/// condition itself is walked by `holds`, whose recursion the checker's limits bound
/// (a tree at most `MAX_CONDITION_TERMS + MAX_CONDITION_DEPTH` tall).
fn is_visible(
    q: &Questionnaire,
    answers: &Answers,
    numbers: &IdMap<f64>,
    id: &str,
    memo: &mut IdMap<bool>,
) -> bool {
    // Known without evaluating: an unknown item is not shown, one without a condition is.
    let settled = |memo: &IdMap<bool>, x: &str| match q.item(x) {
        None => Some(false),
        Some(item) if item.visible_if.is_none() => Some(true),
        Some(_) => memo.get(x).copied(),
    };
    let mut pending: Vec<&Item> = Vec::new();
    if let Some(item) = q.item(id) {
        pending.push(item);
    }
    while let Some(&item) = pending.last() {
        let Some(cond) = item
            .visible_if
            .as_ref()
            .filter(|_| !memo.contains_key(&item.id))
        else {
            pending.pop();
            continue;
        };
        // A checked questionnaire has no cycle, so the stack holds each item at most
        // once; should one come in anyway, the item where it is noticed is hidden.
        let in_cycle = pending.len() > q.item_index.len();
        let waiting = cond.first_item(&mut |x| settled(memo, x).is_none());
        match waiting.and_then(|x| q.item(x)) {
            Some(next) if !in_cycle => pending.push(next),
            _ => {
                let v = !in_cycle
                    && holds(
                        q,
                        answers,
                        numbers,
                        cond,
                        &mut |x: &str| settled(memo, x).unwrap_or(false),
                        &|_| None,
                    );
                memo.insert(item.id.clone(), v);
                pending.pop();
            }
        }
    }
    settled(memo, id).unwrap_or(false)
}

/// A result figure's value, for conditions that compare them.
#[derive(Clone, Debug, PartialEq)]
pub enum MetricValue {
    Number(f64),
    Name(String),
}

/// Evaluates a condition. `visible` says whether an item is shown (a hidden item reads
/// as unanswered); `metric` gives result figures (None: unknown, so comparisons fail).
pub fn holds(
    q: &Questionnaire,
    answers: &Answers,
    numbers: &IdMap<f64>,
    c: &Condition,
    visible: &mut dyn FnMut(&str) -> bool,
    metric: &dyn Fn(&Metric) -> Option<MetricValue>,
) -> bool {
    match c {
        Condition::Metric { left, op, right } => {
            let right = match right {
                Rhs::Number(n) => Some(MetricValue::Number(*n)),
                Rhs::Name(n) => Some(MetricValue::Name(n.clone())),
                Rhs::Metric(m) => metric(m),
            };
            match (metric(left), right) {
                (Some(MetricValue::Number(a)), Some(MetricValue::Number(b))) => op.holds(a, b),
                (Some(MetricValue::Name(a)), Some(MetricValue::Name(b))) => match op {
                    Op::Eq => a == b,
                    Op::Ne => a != b,
                    _ => false,
                },
                _ => false,
            }
        }
        Condition::Answered(id) => {
            visible(id)
                && q.item(id).is_some_and(|item| {
                    matches!(
                        answers.get(id),
                        Some(Answer::NotApplicable | Answer::Unknown)
                    ) || numbers.contains_key(id)
                        || (has_answer(item, answers.get(id)) && answer_fits(item, answers.get(id)))
                })
        }
        Condition::Selected { item, option } => {
            visible(item)
                && (answers.is_selected(item, option)
                    || answers.choice(item) == Some(option.as_str()))
        }
        Condition::Compare { item, op, value } => {
            if !visible(item) {
                return false;
            }
            match value {
                Value::Number(n) => numbers.get(item).is_some_and(|v| op.holds(*v, *n)),
                Value::Name(name) => match (answers.choice(item), op) {
                    (Some(c), Op::Eq) => c == name,
                    (Some(c), Op::Ne) => c != name,
                    _ => false,
                },
            }
        }
        Condition::Not(inner) => !holds(q, answers, numbers, inner, visible, metric),
        Condition::And(a, b) => {
            holds(q, answers, numbers, a, visible, metric)
                && holds(q, answers, numbers, b, visible, metric)
        }
        Condition::Or(a, b) => {
            holds(q, answers, numbers, a, visible, metric)
                || holds(q, answers, numbers, b, visible, metric)
        }
    }
}

fn part_exceeds_whole(q: &Questionnaire, whole_item: &str, part: f64, whole: f64) -> Text {
    let name = q
        .item(whole_item)
        .map(|i| i.text.clone())
        .unwrap_or_default();
    Text::new(
        format!("{part} 不能大于“{}”（{whole}）", name.zh),
        format!(
            "{part} cannot be more than \"{}\" ({whole})",
            name.get(Lang::En)
        ),
    )
}

#[cfg(test)]
mod tests {
    //! `evaluate` skips work where it can (visibility of unconditional items, the state of
    //! unanswered ones): it must give what the straightforward evaluation gives.
    use super::*;
    use crate::domain::read::check::load_questionnaire;
    use proptest::prelude::*;

    /// The evaluation as first written: every item's visibility worked out and every
    /// state stored.
    fn straightforward(
        q: &Questionnaire,
        answers: &Answers,
    ) -> (Vec<ItemState>, IdMap<f64>, FieldErrors) {
        let mut numbers = IdMap::default();
        let mut field_errors = FieldErrors::default();
        for item in q.items() {
            let raw = answers.typed(&item.id);
            let parsed = match item.kind {
                ItemKind::Count { min, max, .. } => {
                    parse_bounded_count(raw, min, max).map(|v| v.map(|n| n as f64))
                }
                ItemKind::Amount { min, max, .. } => parse_bounded_amount(raw, min, max),
                _ => continue,
            };
            match parsed {
                Ok(Some(v)) => drop(numbers.insert(item.id.clone(), v)),
                Ok(None) => {}
                Err(e) => drop(field_errors.insert(item.id.clone(), e.message())),
            }
        }
        for item in q.items() {
            if let (ItemKind::Level { .. }, Some(l)) = (&item.kind, answers.level(&item.id)) {
                numbers.insert(item.id.clone(), f64::from(l));
            }
        }
        compute_ratios(q, &mut numbers, None);
        let mut memo = IdMap::default();
        // Every item's visibility, through the same recursive rule the evaluation uses
        // for the items it needs it for.
        for item in q.items() {
            is_visible(q, answers, &numbers, &item.id, &mut memo);
        }
        let hidden = |id: &str| !memo.get(id).copied().unwrap_or(true);
        numbers.retain(|id, _| {
            !hidden(id) && !matches!(q.item(id).map(|i| &i.kind), Some(ItemKind::Ratio { .. }))
        });
        field_errors.retain(|id, _| !hidden(id));
        compute_ratios(q, &mut numbers, Some(&mut field_errors));
        let states = q
            .items()
            .map(|i| {
                if hidden(&i.id) {
                    ItemState::Hidden
                } else {
                    item_state(i, answers, &numbers, &field_errors)
                }
            })
            .collect();
        (states, numbers, field_errors)
    }

    fn questionnaires() -> &'static [Questionnaire] {
        static ALL: std::sync::OnceLock<Vec<Questionnaire>> = std::sync::OnceLock::new();
        ALL.get_or_init(|| {
            let mut all = crate::builtin::catalogue().unwrap().questionnaires;
            for (name, src) in [
                (
                    "every-kind.toml",
                    include_str!("../../../tests/fixtures/every-kind.toml"),
                ),
                (
                    "conditions.toml",
                    include_str!("../../../tests/fixtures/conditions.toml"),
                ),
            ] {
                all.push(load_questionnaire(name, src).unwrap());
            }
            all
        })
    }

    /// Answers of every form an item can hold, valid or not, stale or special.
    fn some_answer(item: &Item, pick: usize) -> Option<Answer> {
        let typed = ["0", "3", "12", "１２", "60", "2.5", "1,000", "-1", "x", " "];
        let mut out: Vec<Option<Answer>> = vec![
            None,
            Some(Answer::NotApplicable),
            Some(Answer::Unknown),
            Some(Answer::Choice("stale".into())),
        ];
        out.extend(typed.iter().map(|t| Some(Answer::Typed(t.to_string()))));
        match &item.kind {
            ItemKind::SingleChoice { options } => {
                out.extend(options.iter().map(|o| Some(Answer::Choice(o.id.clone()))))
            }
            ItemKind::MultiSelect { options, .. } => {
                out.push(Some(Answer::Selected(Default::default())));
                out.extend(
                    options
                        .iter()
                        .map(|o| Some(Answer::Selected([o.id.clone()].into()))),
                );
            }
            ItemKind::YesNo { .. } => {
                out.extend(["yes", "no"].map(|c| Some(Answer::Choice(c.into()))))
            }
            ItemKind::Trend { .. } => {
                out.extend(["up", "flat", "down"].map(|c| Some(Answer::Choice(c.into()))))
            }
            ItemKind::Level { levels, .. } => {
                out.extend((0..=levels.len() as u8 + 1).map(|l| Some(Answer::Level(l))))
            }
            ItemKind::FreeText => out.push(Some(Answer::Text("备注".into()))),
            _ => {}
        }
        out.swap_remove(pick % out.len())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

        #[test]
        fn evaluate_gives_what_the_straightforward_evaluation_gives(which in 0..5usize, picks in prop::collection::vec(0..64usize, 1..40), sparse in any::<bool>()) {
            let q = &questionnaires()[which % questionnaires().len()];
            let mut answers = Answers::default();
            for (n, (item, pick)) in q.items().zip(picks.iter().cycle()).enumerate() {
                // Often only a few answers, as while a questionnaire is being filled in.
                if sparse && n % 5 != 0 {
                    continue;
                }
                if let Some(a) = some_answer(item, *pick + n) {
                    answers.set(&item.id, a);
                }
            }
            let ev = evaluate(q, &answers);
            let (states, numbers, field_errors) = straightforward(q, &answers);
            let got: Vec<ItemState> = q.items().map(|i| ev.state(&i.id)).collect();
            prop_assert_eq!(got, states);
            prop_assert_eq!(&ev.numbers, &numbers);
            prop_assert_eq!(&ev.field_errors, &field_errors);
            prop_assert!(ev.states.values().all(|s| *s != ItemState::Unanswered));

            // Scoring counts the questions asked with one look at each state.
            let score = crate::domain::compute::scoring::score(q, &answers, &ev);
            let asked: Vec<&Item> = q.items().filter(|i| i.kind.is_answered_directly() && ev.state(&i.id) != ItemState::Hidden).collect();
            let missing: Vec<String> = asked.iter().filter(|i| !ev.state(&i.id).counts_as_answered()).map(|i| i.id.clone()).collect();
            let unknown: Vec<String> = asked.iter().filter(|i| ev.state(&i.id) == ItemState::Unknown).map(|i| i.id.clone()).collect();
            prop_assert_eq!(score.asked, asked.len());
            prop_assert_eq!(score.answered, asked.len() - missing.len());
            prop_assert_eq!(score.missing, missing);
            prop_assert_eq!(score.unknown, unknown);
        }
    }
}
