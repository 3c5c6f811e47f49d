//! Invariants of scoring, on random answers to every built-in questionnaire and the
//! every-kind fixture: scores stay in 0–100, a better answer never lowers a score, and
//! "not applicable" on one item never changes another dimension.

mod support;

use proptest::prelude::*;
use shuzhuan::domain::compute::evaluation::evaluate;
use shuzhuan::domain::compute::scoring::{score, Score};
use shuzhuan::domain::model::answers::{Answer, Answers};
use shuzhuan::domain::model::questionnaire::{Item, ItemKind, Questionnaire};
use shuzhuan::domain::read::check::load_questionnaire;

/// Loaded once: parsing is not what these tests are about.
fn questionnaires() -> &'static [Questionnaire] {
    static ALL: std::sync::OnceLock<Vec<Questionnaire>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut all = shuzhuan::builtin::catalogue().unwrap().questionnaires;
        let fixture = include_str!("fixtures/every-kind.toml");
        all.push(load_questionnaire("every-kind.toml", fixture).unwrap());
        all
    })
}

/// Every answer an item can get, worst first where grades are ordered.
fn possible_answers(item: &Item) -> Vec<Option<Answer>> {
    let mut out: Vec<Option<Answer>> = vec![None];
    match &item.kind {
        ItemKind::SingleChoice { options } => {
            out.extend(options.iter().map(|o| Some(Answer::Choice(o.id.clone()))))
        }
        ItemKind::MultiSelect { options, .. } => {
            out.push(Some(Answer::Selected(Default::default())));
            for n in 1..=options.len() {
                out.push(Some(Answer::Selected(
                    options.iter().take(n).map(|o| o.id.clone()).collect(),
                )));
            }
        }
        ItemKind::Count { .. } => out
            .extend(["0", "1", "3", "10", "55", "100", "x"].map(|s| Some(Answer::Typed(s.into())))),
        ItemKind::Amount { .. } => {
            out.extend(["0", "2.5", "100", "1000"].map(|s| Some(Answer::Typed(s.into()))))
        }
        ItemKind::Trend { .. } => {
            out.extend(["up", "flat", "down"].map(|s| Some(Answer::Choice(s.into()))))
        }
        ItemKind::YesNo { .. } => out.extend(["no", "yes"].map(|s| Some(Answer::Choice(s.into())))),
        ItemKind::Level { levels, .. } => {
            out.extend((1..=levels.len() as u8).map(|l| Some(Answer::Level(l))))
        }
        ItemKind::FreeText => out.push(Some(Answer::Text("备注".into()))),
        ItemKind::Ratio { .. } => {}
    }
    if item.allow_na {
        out.push(Some(Answer::NotApplicable));
    }
    if item.allow_unknown {
        out.push(Some(Answer::Unknown));
    }
    out
}

fn build(q: &Questionnaire, picks: &[usize]) -> Answers {
    let mut a = Answers::default();
    for (item, pick) in q.items().zip(picks.iter().cycle()) {
        let choices = possible_answers(item);
        if let Some(answer) = &choices[pick % choices.len()] {
            a.set(&item.id, answer.clone());
        }
    }
    a
}

fn run(q: &Questionnaire, a: &Answers) -> Score {
    score(q, a, &evaluate(q, a))
}

fn in_range(v: f64) -> bool {
    (-1e-9..=100.0 + 1e-9).contains(&v)
}

/// The same item answered one grade better, where "better" is well defined.
fn improve(item: &Item, a: &Answer) -> Option<Answer> {
    match (&item.kind, a) {
        (ItemKind::SingleChoice { options }, Answer::Choice(c)) => {
            let now = options.iter().find(|o| &o.id == c)?.points;
            options
                .iter()
                .filter(|o| o.points > now)
                .min_by(|x, y| x.points.total_cmp(&y.points))
                .map(|o| Answer::Choice(o.id.clone()))
        }
        (ItemKind::MultiSelect { options, .. }, Answer::Selected(set)) => {
            let extra = options.iter().find(|o| !set.contains(&o.id))?;
            let mut more = set.clone();
            more.insert(extra.id.clone());
            Some(Answer::Selected(more))
        }
        (ItemKind::Trend { points, .. }, Answer::Choice(c)) => {
            let idx = ["up", "flat", "down"].iter().position(|d| d == c)?;
            (0..3)
                .filter(|i| points[*i] > points[idx])
                .min_by(|x, y| points[*x].total_cmp(&points[*y]))
                .map(|i| Answer::Choice(["up", "flat", "down"][i].into()))
        }
        // A yes/no of no points is a switch, not a better answer: "yes" to
        // has_yearly_figures trades the directions picked by hand for those computed
        // from the figures, which may well be worse.
        (ItemKind::YesNo { points }, Answer::Choice(c)) if c == "no" && *points > 0.0 => {
            Some(Answer::Choice("yes".into()))
        }
        (ItemKind::Level { levels, .. }, Answer::Level(l)) if usize::from(*l) < levels.len() => {
            Some(Answer::Level(l + 1))
        }
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_score_is_within_0_and_100(qi in 0usize..4, picks in prop::collection::vec(0usize..64, 1..80)) {
        let qs = questionnaires();
        let q = &qs[qi % qs.len()];
        let s = run(q, &build(q, &picks));
        prop_assert!(in_range(s.percent), "total {}", s.percent);
        prop_assert!(in_range(s.completeness));
        for d in &s.dimensions {
            prop_assert!(d.percent.is_none_or(in_range), "{} {:?}", d.id, d.percent);
            prop_assert!(d.earned >= -1e-9 && d.earned <= d.max + 1e-9, "{} {} of {}", d.id, d.earned, d.max);
        }
        for sec in &s.sections {
            prop_assert!(sec.percent.is_none_or(in_range), "{} {:?}", sec.id, sec.percent);
        }
    }

    #[test]
    fn a_better_answer_never_lowers_any_score(qi in 0usize..4, picks in prop::collection::vec(0usize..64, 1..80), which in 0usize..1000) {
        let qs = questionnaires();
        let q = &qs[qi % qs.len()];
        let a = build(q, &picks);
        let improvable: Vec<(&Item, Answer)> = q
            .items()
            .filter_map(|i| a.get(&i.id).and_then(|ans| improve(i, ans)).map(|better| (i, better)))
            .collect();
        prop_assume!(!improvable.is_empty());
        let (item, better) = &improvable[which % improvable.len()];
        let mut b = a.clone();
        b.set(&item.id, better.clone());
        let (before, after) = (run(q, &a), run(q, &b));
        prop_assert!(after.total >= before.total - 1e-9, "{}: total {} → {}", item.id, before.total, after.total);
        for (x, y) in before.dimensions.iter().zip(&after.dimensions) {
            prop_assert!(y.earned >= x.earned - 1e-9, "{} lowered {}: {} → {}", item.id, x.id, x.earned, y.earned);
        }
        for (x, y) in before.sections.iter().zip(&after.sections) {
            prop_assert!(y.earned >= x.earned - 1e-9, "{} lowered section {}", item.id, x.id);
        }
    }

    #[test]
    fn not_applicable_changes_no_other_dimension(qi in 0usize..4, picks in prop::collection::vec(0usize..64, 1..80), which in 0usize..1000) {
        let qs = questionnaires();
        let q = &qs[qi % qs.len()];
        let a = build(q, &picks);
        let can_be_na: Vec<(&str, &Item)> = q
            .sections
            .iter()
            .flat_map(|s| &s.dimensions)
            .flat_map(|d| d.items.iter().map(move |i| (d.id.as_str(), i)))
            .filter(|(_, i)| i.allow_na)
            .collect();
        prop_assume!(!can_be_na.is_empty());
        let (dim, item) = can_be_na[which % can_be_na.len()];
        let mut b = a.clone();
        b.set_special(&item.id, Answer::NotApplicable);
        let (before, after) = (run(q, &a), run(q, &b));
        for (x, y) in before.dimensions.iter().zip(&after.dimensions) {
            if x.id != dim {
                prop_assert_eq!(x, y);
            }
        }
    }
}
