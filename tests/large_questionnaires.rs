//! Questionnaires of the largest sizes allowed: `visible_if` dependency graphs of
//! questionnaire size, long chains and dense graphs, are checked in one linear pass (an
//! exhaustive search is exponential on the dense ones: 60 items each depending on the two
//! before never finished), real cycles are still found, the evaluation follows a chain of
//! 5,000 without deep recursion, and one item beyond the limit is refused.

// A native test: std is right here.
#![allow(clippy::disallowed_methods)]

use shuzhuan::domain::compute::evaluation::evaluate;
use shuzhuan::domain::model::answers::{Answer, Answers};
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::read::check::load_questionnaire;

/// A questionnaire of `n` yes/no items `i0 … i{n-1}` in one dimension; item k's
/// `visible_if` is `condition(k)`, if any.
fn questionnaire(n: usize, condition: impl Fn(usize) -> Option<String>) -> String {
    let mut src = String::from(
        "[questionnaire]\nid = \"graph\"\nversion = \"1\"\ntitle.zh = \"图\"\n\n\
         [[sources]]\nid = \"s\"\ntitle = \"来源\"\n\n\
         [[sections]]\nid = \"sec\"\ntitle.zh = \"部分\"\n\n\
         [[sections.dimensions]]\nid = \"dim\"\ntitle.zh = \"维度\"\n",
    );
    for k in 0..n {
        src.push_str(&format!(
            "\n[[sections.dimensions.items]]\nid = \"i{k}\"\nkind = \"yes_no\"\ntext.zh = \"题 {k}\"\n"
        ));
        if let Some(c) = condition(k) {
            src.push_str(&format!("visible_if = \"{c}\"\n"));
        }
    }
    src
}

fn chain(k: usize) -> Option<String> {
    (k > 0).then(|| format!("i{} == yes", k - 1))
}

/// Item k depends on the two before it: 2^k paths from item k back to item 0.
fn dense(k: usize) -> Option<String> {
    match k {
        0 => None,
        1 => Some("answered(i0)".into()),
        _ => Some(format!("i{} == yes or answered(i{})", k - 1, k - 2)),
    }
}

fn errors(src: &str) -> Vec<String> {
    match load_questionnaire("graph.toml", src) {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(|e| e.render(Lang::En)).collect(),
    }
}

#[test]
fn a_chain_of_5000_checks_clean() {
    assert_eq!(errors(&questionnaire(5000, chain)), Vec::<String>::new());
}

#[test]
fn dense_graphs_check_clean_at_60_and_5000_items() {
    for n in [60, 5000] {
        assert_eq!(
            errors(&questionnaire(n, dense)),
            Vec::<String>::new(),
            "{n}"
        );
    }
}

#[test]
fn a_cycle_through_a_chain_of_5000_is_reported_once_with_its_whole_path() {
    // i0 depends on i4999, which depends through the chain on i0.
    let src = questionnaire(5000, |k| {
        if k == 0 {
            Some("answered(i4999)".into())
        } else {
            chain(k)
        }
    });
    let errors = errors(&src);
    assert_eq!(errors.len(), 1, "{:?}", &errors[..errors.len().min(3)]);
    // Reported at i0 ("i0" is first in id order), following its condition: i0 → i4999 →
    // i4998 → … → i1 → i0.
    let expected: Vec<String> = std::iter::once(0)
        .chain((1..5000).rev())
        .chain([0])
        .map(|k| format!("i{k}"))
        .collect();
    let line = 22; // the header is 16 lines; i0's visible_if is the 6th line after it
    assert_eq!(
        errors[0],
        format!(
            "graph.toml:{line}:14: sections[0].dimensions[0].items[0].visible_if: \
             visible_if depends on itself: {}",
            expected.join(" → ")
        )
    );
}

#[test]
fn separate_cycles_are_each_reported_once_and_a_dag_beside_them_is_not() {
    // i1 ⇄ i2, i3 on itself, i5 → i4 → i3 depends on a cycle but is on none, and the
    // dense part i6… depends on the two before it.
    let src = questionnaire(40, |k| match k {
        1 => Some("answered(i2) and i0 == yes".into()),
        2 => Some("answered(i1)".into()),
        3 => Some("i3 == yes".into()),
        4 => Some("answered(i3)".into()),
        5 => Some("answered(i4)".into()),
        k if k >= 8 => dense(k),
        _ => None,
    });
    let chains: Vec<String> = errors(&src)
        .iter()
        .map(|e| e.rsplit(": ").next().unwrap().to_string())
        .collect();
    assert_eq!(chains, ["i1 → i2 → i1", "i3 → i3"]);
}

#[test]
fn the_evaluation_follows_a_chain_of_5000() {
    let src = questionnaire(5000, chain);
    let q = load_questionnaire("graph.toml", &src).expect("the chain is clean");
    // Every item answered yes but i2500: the items after it are hidden, in a chain
    // (i2501 reads i2500 == yes, false; i2502 reads a hidden i2501, so false; …).
    let mut answers = Answers::default();
    for k in 0..5000 {
        let choice = if k == 2500 { "no" } else { "yes" };
        answers.set(&format!("i{k}"), Answer::Choice(choice.into()));
    }
    let ev = evaluate(&q, &answers);
    assert!((0..=2500).all(|k| ev.is_visible(&format!("i{k}"))));
    assert!((2501..5000).all(|k| !ev.is_visible(&format!("i{k}"))));
}

#[test]
fn ten_thousand_items_are_allowed_and_one_more_is_refused_where_it_stands() {
    assert_eq!(
        errors(&questionnaire(10_000, |_| None)),
        Vec::<String>::new()
    );
    let errors = errors(&questionnaire(10_001, |_| None));
    // Item 10,000 (0-based) is the 10,001st; its table opens on line 18 + 5 × 10,000.
    assert_eq!(
        errors,
        [format!(
            "graph.toml:{}:1: sections[0].dimensions[0].items[10000]: \
             the questionnaire has 10001 items, more than the limit of 10000",
            18 + 5 * 10_000
        )]
    );
}
