//! What the score leaves out, said where the result is shown: the answers "不清楚" and
//! "不适用" with their effect on the score, and the sections that carry no points.

use crate::domain::compute::assessment::Assessment;
use crate::domain::compute::evaluation::ItemState;
use crate::domain::compute::scoring::is_scored;
use crate::domain::model::questionnaire::{ItemKind, Questionnaire, Scoring, Section};
use crate::domain::model::text::Lang;

/// Answers of one kind that the score treats in its own way, and what it does with them.
#[derive(Clone, Debug, PartialEq)]
pub struct SpecialNote {
    /// `unknown` or `not-applicable` (a class for the view).
    pub kind: &'static str,
    /// "2 题回答“不清楚”：按 0 分计".
    pub text: String,
    /// The questions, as they read.
    pub items: Vec<String>,
}

/// The visible questions answered "不清楚" (scored 0) and "不适用" (left out of their
/// dimension), each kind with its effect; none when no question has such an answer.
pub fn special_notes(q: &Questionnaire, a: &Assessment, lang: Lang) -> Vec<SpecialNote> {
    let with_state = |state: ItemState| -> Vec<String> {
        q.items()
            .filter(|i| i.kind.is_answered_directly() && a.evaluation.state(&i.id) == state)
            .map(|i| i.text.get(lang).to_string())
            .collect()
    };
    let unknown = with_state(ItemState::Unknown);
    let not_applicable = with_state(ItemState::NotApplicable);
    let mut notes = Vec::new();
    if !unknown.is_empty() {
        let n = unknown.len();
        notes.push(SpecialNote {
            kind: "unknown",
            text: lang
                .pick(
                    &format!("{n} 题回答“不清楚”：按 0 分计"),
                    &if n == 1 {
                        "1 question answered “don't know”: scored 0".to_string()
                    } else {
                        format!("{n} questions answered “don't know”: scored 0")
                    },
                )
                .to_string(),
            items: unknown,
        });
    }
    if !not_applicable.is_empty() {
        let n = not_applicable.len();
        let zh = format!("{n} 题不适用：不计入得分，所在维度按其余题目折算");
        let en = if n == 1 {
            "1 question not applicable: not counted; its dimension is scored on the others"
                .to_string()
        } else {
            format!("{n} questions not applicable: not counted; their dimensions are scored on the others")
        };
        notes.push(SpecialNote {
            kind: "not-applicable",
            text: lang.pick(&zh, &en).to_string(),
            items: not_applicable,
        });
    }
    notes
}

/// Whether a section of a points questionnaire carries no points of the total.
fn is_unscored(q: &Questionnaire, s: &Section) -> bool {
    q.scoring == Scoring::Points && is_scored(q) && s.points == 0.0
}

/// Why a section does not count towards the score, for its heading; None where it does
/// (and in questionnaires without a score, where no section counts).
pub fn section_note(q: &Questionnaire, s: &Section, lang: Lang) -> Option<String> {
    if !is_unscored(q, s) {
        return None;
    }
    let items = || s.dimensions.iter().flat_map(|d| &d.items);
    let levels = items().any(|i| matches!(i.kind, ItemKind::Level { .. }));
    let indicators = q.indicators.iter().any(|ind| {
        ind.formula
            .inputs()
            .iter()
            .any(|id| items().any(|i| i.id == *id))
    });
    Some(
        match (levels, indicators) {
            (true, _) => lang.pick(
                "本部分不计入总分：各场景的等级单独列出。",
                "This section does not count towards the score: each scenario's level is shown on its own.",
            ),
            (false, true) => lang.pick(
                "本部分不计入总分：答案用于计算核心指标，与目标对比。",
                "This section does not count towards the score: its answers give the headline indicators, compared with the targets.",
            ),
            (false, false) => lang.pick("本部分不计入总分。", "This section does not count towards the score."),
        }
        .to_string(),
    )
}

/// "“核心指标”“数字化经营场景”不计入总分", for the score card; empty where every
/// section counts.
pub fn unscored_sections_text(q: &Questionnaire, lang: Lang) -> String {
    let names: Vec<&str> = q
        .sections
        .iter()
        .filter(|s| is_unscored(q, s))
        .map(|s| s.title.get(lang))
        .collect();
    if names.is_empty() {
        return String::new();
    }
    match lang {
        Lang::Zh => {
            let quoted: String = names.iter().map(|n| format!("“{n}”")).collect();
            format!("{quoted}不计入总分。")
        }
        Lang::En => {
            let quoted: Vec<String> = names.iter().map(|n| format!("“{n}”")).collect();
            let verb = if names.len() == 1 { "does" } else { "do" };
            format!(
                "{} {verb} not count towards the score.",
                quoted.join(" and ")
            )
        }
    }
}
