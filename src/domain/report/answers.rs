//! The report's appendix: each answer as it reads ("40 道", "财务管理、采购管理", "三级：…").

use super::format::{format_percent, level_label, not_applicable, DASH};
use crate::domain::compute::evaluation::{Evaluation, ItemState};
use crate::domain::model::answers::{Answer, Answers};
use crate::domain::model::questionnaire::{Direction, Item, ItemKind, Questionnaire};
use crate::domain::model::text::Lang;
use crate::domain::read::number_input::normalized;

pub fn answer_text(
    q: &Questionnaire,
    item: &Item,
    answers: &Answers,
    ev: &Evaluation,
    lang: Lang,
) -> String {
    match ev.state(&item.id) {
        ItemState::Hidden => return lang.pick("（不适用：未显示）", "(not asked)").to_string(),
        ItemState::NotApplicable if item.kind.is_answered_directly() => {
            return not_applicable(lang).to_string()
        }
        ItemState::Unknown => return lang.pick("不清楚", "Don't know").to_string(),
        _ => {}
    }
    let none = DASH.to_string();
    match &item.kind {
        ItemKind::Count { unit, .. } | ItemKind::Amount { unit, .. } => {
            // Full-width digits read as ASCII ones on paper; the answer stays as typed.
            let shown = normalized(answers.typed(&item.id));
            if shown.is_empty() {
                none
            } else {
                format!("{shown} {}", unit.get(lang))
            }
        }
        ItemKind::Ratio { .. } => ev.number(&item.id).map_or(none, format_percent),
        ItemKind::MultiSelect { options, .. } => match answers.selected(&item.id) {
            None => none,
            Some(set) if set.is_empty() => lang.pick("以上都没有", "None of these").to_string(),
            Some(set) => options
                .iter()
                .filter(|o| set.contains(&o.id))
                .map(|o| o.text.get(lang).to_string())
                .collect::<Vec<_>>()
                .join(lang.pick("、", ", ")),
        },
        ItemKind::SingleChoice { options } => answers
            .choice(&item.id)
            .and_then(|c| options.iter().find(|o| o.id == c))
            .map_or(none, |o| o.text.get(lang).to_string()),
        ItemKind::YesNo { .. } => match answers.choice(&item.id) {
            Some("yes") => lang.pick("是", "Yes").to_string(),
            Some("no") => lang.pick("否", "No").to_string(),
            _ => none,
        },
        ItemKind::Trend { .. } => match answers.choice(&item.id).and_then(Direction::from_id) {
            Some(Direction::Up) => lang.pick("上升", "Went up").to_string(),
            Some(Direction::Flat) => lang.pick("基本持平", "About the same").to_string(),
            Some(Direction::Down) => lang.pick("下降", "Went down").to_string(),
            None => none,
        },
        ItemKind::Level { levels, .. } => match answers.level(&item.id) {
            Some(l) => {
                let desc = levels
                    .get(usize::from(l).saturating_sub(1))
                    .map(|o| o.text.get(lang))
                    .unwrap_or_default();
                format!("{}{}{desc}", level_label(q, l, lang), lang.pick("：", ": "))
            }
            None => none,
        },
        ItemKind::FreeText => match answers.get(&item.id) {
            Some(Answer::Text(t)) => t.clone(),
            _ => none,
        },
    }
}
