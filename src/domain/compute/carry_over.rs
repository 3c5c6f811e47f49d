//! Switching questionnaire with answers: which answers carry over to the other
//! questionnaire, and why the others do not. An answer carries over when the other
//! questionnaire has an item of the same id and kind that it fits whole (an option
//! it offers, a level it has, "not applicable" or "don't know" where allowed); what
//! it set aside goes with it, under the same rule.

use crate::domain::model::answers::{Answer, Answers};
use crate::domain::model::questionnaire::{Direction, Item, ItemKind, Questionnaire};

/// Why an answer does not carry over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotCarried {
    /// The other questionnaire has no item of this id.
    NoSuchItem,
    /// It has one of another kind (a count here, a choice there).
    OtherKind,
    /// Same kind, but the answer does not fit it (an option or level it does not have,
    /// "not applicable" where it is not allowed).
    DoesNotFit,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CarryOver {
    /// The answers that carry over, with what they set aside.
    pub answers: Answers,
    /// Every other answer, by item id, and why it does not.
    pub left: Vec<(String, NotCarried)>,
}

/// What of `answers`, given on `from`, carries over to `to`.
pub fn carry_over(from: &Questionnaire, to: &Questionnaire, answers: &Answers) -> CarryOver {
    let mut out = CarryOver::default();
    for (id, answer) in answers.values.iter() {
        let why = match (from.item(id), to.item(id)) {
            (_, None) => Some(NotCarried::NoSuchItem),
            (Some(old), Some(new)) if old.kind.name() != new.kind.name() => {
                Some(NotCarried::OtherKind)
            }
            // An answer to an item `from` does not have (kept from an import, say) is
            // judged by the item it would answer.
            (_, Some(new)) if !fits(new, answer) => Some(NotCarried::DoesNotFit),
            (_, Some(new)) => {
                out.answers.values.insert(id.clone(), answer.clone());
                if let Some(aside) = answers.set_aside.get(id).filter(|a| fits(new, a)) {
                    out.answers.set_aside.insert(id.clone(), aside.clone());
                }
                None
            }
        };
        if let Some(why) = why {
            out.left.push((id.clone(), why));
        }
    }
    out
}

/// Whether `answer` fits `item` whole: of the item's form, with options it offers and a
/// level it has; a typed number fits whatever it says (it is kept as typed and the form
/// flags it). The rules an answers file is checked by (`answers_file::check`), without
/// the wording of why not, which the app's first visit does not need; a test holds the
/// two to the same verdicts.
pub fn fits(item: &Item, answer: &Answer) -> bool {
    let offered = |options: &[crate::domain::model::questionnaire::ChoiceOption], id: &str| {
        options.iter().any(|o| o.id == id)
    };
    match (&item.kind, answer) {
        (ItemKind::Ratio { .. }, _) => false,
        (_, Answer::NotApplicable) => item.allow_na,
        (_, Answer::Unknown) => item.allow_unknown,
        (ItemKind::Count { .. } | ItemKind::Amount { .. }, Answer::Typed(_)) => true,
        (ItemKind::SingleChoice { options }, Answer::Choice(c)) => offered(options, c),
        (ItemKind::MultiSelect { options, .. }, Answer::Selected(set)) => {
            set.iter().all(|o| offered(options, o))
        }
        (ItemKind::YesNo { .. }, Answer::Choice(c)) => c == "yes" || c == "no",
        (ItemKind::Trend { .. }, Answer::Choice(c)) => Direction::from_id(c).is_some(),
        (ItemKind::Level { levels, .. }, Answer::Level(l)) => {
            (1..=levels.len()).contains(&usize::from(*l))
        }
        (ItemKind::FreeText, Answer::Text(_)) => true,
        _ => false,
    }
}

/// `carried` added to `answers` where they have no answer yet: what was answered since
/// the switch stays as it is.
pub fn add_missing(answers: &mut Answers, carried: &Answers) {
    for (id, answer) in carried.values.iter() {
        if answers.get(id).is_none() {
            answers.values.insert(id.clone(), answer.clone());
            if let Some(aside) = carried.set_aside.get(id) {
                answers.set_aside.insert(id.clone(), aside.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::answers::Answer;
    use crate::domain::read::check::load_questionnaire;

    fn q(id: &str, items: &str) -> Questionnaire {
        let src = format!(
            r#"
[questionnaire]
id = "{id}"
version = "1"
title.zh = "测试"
[[sections]]
id = "s"
title.zh = "部分"
[[sections.dimensions]]
id = "d"
title.zh = "维度"
{items}
"#
        );
        load_questionnaire("t.toml", &src).unwrap_or_else(|e| panic!("{e:?}"))
    }

    const FROM: &str = r#"
[[sections.dimensions.items]]
id = "staff"
kind = "count"
text.zh = "员工数"
unit.zh = "人"
[[sections.dimensions.items]]
id = "systems"
kind = "multi_select"
text.zh = "系统"
options = [{ id = "erp", text.zh = "ERP" }, { id = "mes", text.zh = "MES" }]
[[sections.dimensions.items]]
id = "plan"
kind = "single_choice"
text.zh = "规划"
options = [{ id = "none", text.zh = "无" }, { id = "draft", text.zh = "草案" }]
[[sections.dimensions.items]]
id = "cloud"
kind = "yes_no"
text.zh = "上云"
allow_na = true
[[sections.dimensions.items]]
id = "only_here"
kind = "count"
text.zh = "仅此卷"
unit.zh = "个"
[[sections.dimensions.items]]
id = "network"
kind = "count"
text.zh = "联网设备"
unit.zh = "台"
"#;

    const TO: &str = r#"
[[sections.dimensions.items]]
id = "staff"
kind = "count"
text.zh = "员工数"
unit.zh = "人"
[[sections.dimensions.items]]
id = "systems"
kind = "multi_select"
text.zh = "系统"
options = [{ id = "erp", text.zh = "ERP" }, { id = "plm", text.zh = "PLM" }]
[[sections.dimensions.items]]
id = "plan"
kind = "single_choice"
text.zh = "规划"
options = [{ id = "none", text.zh = "无" }, { id = "draft", text.zh = "草案" }]
[[sections.dimensions.items]]
id = "cloud"
kind = "yes_no"
text.zh = "上云"
[[sections.dimensions.items]]
id = "network"
kind = "yes_no"
text.zh = "是否联网"
"#;

    #[test]
    fn shared_items_of_the_same_kind_carry_their_answers_and_the_others_say_why() {
        let (from, to) = (q("a", FROM), q("b", TO));
        let mut answers = Answers::default();
        // Carried: a typed number (as typed, even one the form will flag), a choice.
        answers.set_typed("staff", "１２0 人");
        answers.set("plan", Answer::Choice("draft".into()));
        // Not: an option `to` does not offer; "not applicable" where `to` forbids it.
        answers.toggle("systems", "erp", true);
        answers.toggle("systems", "mes", true);
        answers.set("cloud", Answer::Choice("yes".into()));
        answers.set_special("cloud", Answer::NotApplicable);
        // Not: no such item; another kind under the same id.
        answers.set_typed("only_here", "3");
        answers.set_typed("network", "40");
        let c = carry_over(&from, &to, &answers);
        let carried: Vec<(&String, &Answer)> = c.answers.values.iter().collect();
        assert_eq!(
            carried,
            [
                (&"plan".to_string(), &Answer::Choice("draft".into())),
                (&"staff".to_string(), &Answer::Typed("１２0 人".into())),
            ]
        );
        assert_eq!(
            c.left,
            [
                ("cloud".to_string(), NotCarried::DoesNotFit),
                ("network".to_string(), NotCarried::OtherKind),
                ("only_here".to_string(), NotCarried::NoSuchItem),
                ("systems".to_string(), NotCarried::DoesNotFit),
            ]
        );
        // Every answer is carried or said why not: none is lost silently.
        assert_eq!(c.answers.values.len() + c.left.len(), answers.values.len());
    }

    #[test]
    fn what_an_answer_set_aside_goes_with_it_and_nothing_answered_since_is_replaced() {
        let from = q("a", FROM);
        let to = q(
            "b",
            &FROM.replace("id = \"only_here\"", "id = \"elsewhere\""),
        );
        let mut answers = Answers::default();
        answers.set("cloud", Answer::Choice("no".into()));
        answers.set_special("cloud", Answer::NotApplicable);
        answers.set_typed("staff", "12");
        let c = carry_over(&from, &to, &answers);
        assert_eq!(c.answers, answers, "the same items: everything carries");
        let mut now = Answers::default();
        now.set_typed("staff", "15");
        add_missing(&mut now, &c.answers);
        assert_eq!(now.typed("staff"), "15", "answered since the switch: kept");
        assert_eq!(now.get("cloud"), Some(&Answer::NotApplicable));
        now.clear_special("cloud");
        assert_eq!(
            now.choice("cloud"),
            Some("no"),
            "what it set aside came along"
        );
    }

    /// `fits` and the answers file's check give the same verdict on every item of the
    /// built-in questionnaires and the fixture of every kind, for answers of every form.
    #[test]
    fn fits_agrees_with_the_answers_file_check() {
        use crate::domain::read::answers_file::fits_as_checked;
        let mut qs = crate::builtin::catalogue()
            .expect("built-in files load")
            .questionnaires;
        qs.push(
            load_questionnaire(
                "every-kind.toml",
                include_str!("../../../tests/fixtures/every-kind.toml"),
            )
            .expect("the fixture loads"),
        );
        let mut checked = 0;
        for q in &qs {
            for item in q.items() {
                let mut answers = vec![
                    Answer::NotApplicable,
                    Answer::Unknown,
                    Answer::Typed("12".into()),
                    Answer::Typed("-1 台".into()),
                    Answer::Text("备注".into()),
                    Answer::Choice("yes".into()),
                    Answer::Choice("up".into()),
                    Answer::Choice("nonsense".into()),
                    Answer::Level(0),
                    Answer::Level(1),
                    Answer::Level(200),
                    Answer::Selected(Default::default()),
                    Answer::Selected(["nonsense".to_string()].into()),
                ];
                if let ItemKind::SingleChoice { options } | ItemKind::MultiSelect { options, .. } =
                    &item.kind
                {
                    let ids: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
                    answers.push(Answer::Choice(ids[0].clone()));
                    answers.push(Answer::Selected(ids.iter().cloned().collect()));
                    let mut some_foreign: Vec<String> = ids[..1].to_vec();
                    some_foreign.push("nonsense".into());
                    answers.push(Answer::Selected(some_foreign.into_iter().collect()));
                }
                for a in &answers {
                    assert_eq!(
                        fits(item, a),
                        fits_as_checked(item, a),
                        "{}: {} {a:?}",
                        q.id,
                        item.id
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// The built-in quick check and the SME questionnaire share their six headline
    /// counts (same ids, same kinds), the management functions among them.
    #[test]
    fn the_quick_check_carries_into_the_sme_questionnaire() {
        let cat = crate::builtin::catalogue().expect("built-in files load");
        let by_id = |id: &str| {
            cat.questionnaires
                .iter()
                .find(|q| q.id == id)
                .expect("built in")
        };
        let (quick, sme) = (by_id("headline-quick"), by_id("sme-digital-level"));
        let mut answers = Answers::default();
        for id in [
            "key_processes",
            "cnc_key_processes",
            "mgmt_functions",
            "rd_staff",
            "rd_staff_with_tools",
        ] {
            answers.set_typed(id, "10");
        }
        answers.set_typed("mgmt_functions_digital", "2");
        let c = carry_over(quick, sme, &answers);
        assert_eq!(c.answers, answers);
        assert!(c.left.is_empty());
        // And back: of an SME assessment only what the quick check asks.
        answers.set_typed("equip_total", "200");
        let back = carry_over(sme, quick, &answers);
        assert_eq!(back.answers.values.len(), 6);
        assert_eq!(
            back.left,
            [("equip_total".to_string(), NotCarried::NoSuchItem)]
        );
    }
}
