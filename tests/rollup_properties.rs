//! Invariants of the roll-up on random portfolios of every built-in questionnaire: the
//! weighted value lies between the lowest and highest firm's value, the order in which
//! firms are added (or how they are split over partial roll-ups) does not matter, and a
//! firm of another questionnaire changes nothing but the count of firms left out.

// Native test code: std's sort is right here.
#![allow(clippy::disallowed_methods)]

use proptest::prelude::*;
use shuzhuan::domain::compute::rollup::{IndicatorRollup, LeftOut, Rollup, RollupResult};
use shuzhuan::domain::model::answers::{Answer, Answers};
use shuzhuan::domain::model::questionnaire::{ItemKind, Questionnaire};
use shuzhuan::domain::model::targets::TargetProfile;
use shuzhuan::domain::read::answers_file::AnswersFile;

fn catalogue() -> &'static shuzhuan::builtin::Catalogue {
    static CAT: std::sync::OnceLock<shuzhuan::builtin::Catalogue> = std::sync::OnceLock::new();
    CAT.get_or_init(|| shuzhuan::builtin::catalogue().unwrap())
}

fn profile() -> &'static TargetProfile {
    catalogue().profile("national-2025").unwrap()
}

/// One firm's answers from a list of random numbers: each item gets an answer its kind
/// allows, or none (the number picks which), so firms are incomplete, not applicable,
/// at every level.
fn firm(q: &Questionnaire, picks: &[u32]) -> AnswersFile {
    let mut a = Answers::default();
    for (item, &pick) in q.items().zip(picks.iter().cycle()) {
        if pick % 7 == 0 {
            continue; // unanswered
        }
        let answer = match &item.kind {
            ItemKind::SingleChoice { options } => {
                Answer::Choice(options[pick as usize % options.len()].id.clone())
            }
            ItemKind::MultiSelect { options, .. } => Answer::Selected(
                options
                    .iter()
                    .enumerate()
                    .filter(|(n, _)| pick >> (n % 16) & 1 == 1)
                    .map(|(_, o)| o.id.clone())
                    .collect(),
            ),
            // Counts up to 400; a part may exceed its whole (a field error: invalid).
            ItemKind::Count { .. } | ItemKind::Amount { .. } => {
                Answer::Typed((pick % 401).to_string())
            }
            ItemKind::Trend { .. } => {
                Answer::Choice(["up", "flat", "down"][pick as usize % 3].into())
            }
            ItemKind::YesNo { .. } => Answer::Choice(["no", "yes"][pick as usize % 2].into()),
            ItemKind::Level { levels, .. } => {
                Answer::Level(1 + (pick as usize % levels.len()) as u8)
            }
            ItemKind::FreeText => Answer::Text("备注".into()),
            ItemKind::Ratio { .. } => continue,
        };
        a.set(&item.id, answer);
    }
    AnswersFile::new(q, Default::default(), None, a, String::new(), String::new())
}

fn roll_up<'a>(
    q: &'a Questionnaire,
    firms: impl IntoIterator<Item = &'a AnswersFile>,
) -> RollupResult {
    let mut rollup = Rollup::new(q, profile());
    for f in firms {
        let _ = rollup.add_file(f);
    }
    rollup.finish()
}

/// Equal but for the rounding of sums taken in another order.
fn near(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        (a, b) => a == b,
    }
}

fn same_indicator(a: &IndicatorRollup, b: &IndicatorRollup) -> bool {
    (
        &a.id,
        a.target,
        a.with_value,
        a.not_applicable,
        a.missing,
        a.invalid,
        a.meeting_target,
    ) == (
        &b.id,
        b.target,
        b.with_value,
        b.not_applicable,
        b.missing,
        b.invalid,
        b.meeting_target,
    ) && near(a.mean, b.mean)
        && near(a.weighted, b.weighted)
        && a.min == b.min
        && a.max == b.max
        && near(Some(a.numerator_sum), Some(b.numerator_sum))
        && near(Some(a.denominator_sum), Some(b.denominator_sum))
        && near(a.share_meeting_target, b.share_meeting_target)
}

fn same(a: &RollupResult, b: &RollupResult) -> bool {
    (
        a.firms,
        a.incomplete,
        a.left_out,
        &a.levels,
        a.below_first_level,
        a.at_or_above,
    ) == (
        b.firms,
        b.incomplete,
        b.left_out,
        &b.levels,
        b.below_first_level,
        b.at_or_above,
    ) && a.indicators.len() == b.indicators.len()
        && a.indicators
            .iter()
            .zip(&b.indicators)
            .all(|(x, y)| same_indicator(x, y))
}

fn portfolio() -> impl Strategy<Value = (usize, Vec<Vec<u32>>)> {
    (
        0usize..3,
        prop::collection::vec(prop::collection::vec(any::<u32>(), 1..60), 1..12),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_weighted_value_lies_between_the_firms_values((qi, firms) in portfolio()) {
        let q = &catalogue().questionnaires[qi];
        let files: Vec<AnswersFile> = firms.iter().map(|p| firm(q, p)).collect();
        let r = roll_up(q, &files);
        for i in &r.indicators {
            match (i.weighted, i.min, i.max, i.mean) {
                (Some(w), Some(lo), Some(hi), Some(mean)) => {
                    prop_assert!(lo - 1e-9 <= w && w <= hi + 1e-9, "{i:?}");
                    prop_assert!(lo - 1e-9 <= mean && mean <= hi + 1e-9, "{i:?}");
                    prop_assert!((0.0..=100.0).contains(&w), "{i:?}");
                }
                (None, None, None, None) => prop_assert_eq!(i.with_value, 0),
                _ => prop_assert!(false, "a value without the others: {:?}", i),
            }
            prop_assert_eq!(i.with_value + i.not_applicable + i.missing + i.invalid, r.firms);
        }
        let leveled: usize = r.levels.iter().map(|l| l.firms).sum::<usize>() + r.below_first_level;
        prop_assert_eq!(leveled, if q.levels.is_empty() { 0 } else { r.firms });
    }

    #[test]
    fn the_order_of_adding_and_the_split_into_parts_do_not_matter(
        (qi, firms) in portfolio(),
        keys in prop::collection::vec(any::<u32>(), 12),
        split in 0usize..12,
    ) {
        let q = &catalogue().questionnaires[qi];
        let files: Vec<AnswersFile> = firms.iter().map(|p| firm(q, p)).collect();
        let in_order = roll_up(q, &files);
        let mut shuffled: Vec<(u32, &AnswersFile)> = keys.iter().copied().zip(&files).collect();
        shuffled.sort_by_key(|(k, _)| *k);
        let reordered = roll_up(q, shuffled.iter().map(|(_, f)| *f));
        prop_assert!(same(&in_order, &reordered), "{in_order:?}\n{reordered:?}");

        // Two threads' partial roll-ups, merged.
        let split = split.min(files.len());
        let mut first = Rollup::new(q, profile());
        let mut second = Rollup::new(q, profile());
        for f in &files[..split] {
            let _ = first.add_file(f);
        }
        for f in &files[split..] {
            let _ = second.add_file(f);
        }
        first.merge(&second);
        let merged = first.finish();
        prop_assert!(same(&in_order, &merged), "{in_order:?}\n{merged:?}");
    }

    #[test]
    fn a_firm_of_another_questionnaire_changes_only_the_left_out_count(
        (qi, firms) in portfolio(),
        other in prop::collection::vec(any::<u32>(), 1..60),
        at in 0usize..12,
    ) {
        let all = &catalogue().questionnaires;
        let q = &all[qi];
        let stranger = firm(&all[(qi + 1) % all.len()], &other);
        let files: Vec<AnswersFile> = firms.iter().map(|p| firm(q, p)).collect();
        let without = roll_up(q, &files);
        let at = at.min(files.len());
        let with: Vec<&AnswersFile> = files[..at]
            .iter()
            .chain(std::iter::once(&stranger))
            .chain(&files[at..])
            .collect();
        let mut rollup = Rollup::new(q, profile());
        for f in &with {
            let added = rollup.add_file(f);
            if std::ptr::eq(*f, &stranger) {
                prop_assert_eq!(added, Err(LeftOut::OtherQuestionnaire));
            }
        }
        let with = rollup.finish();
        prop_assert_eq!(with.left_out.other_questionnaire, without.left_out.other_questionnaire + 1);
        let mut expected = without.clone();
        expected.left_out = with.left_out;
        // Not just close: the same firms added in the same order give the same sums.
        prop_assert_eq!(&with, &expected);
    }
}
