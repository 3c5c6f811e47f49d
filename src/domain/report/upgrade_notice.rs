//! The notice for answers converted from an earlier questionnaire version: what changed
//! in the firm's score, item by item, and the total before and after.

use super::format::format_score;
use crate::domain::compute::upgrade::Upgraded;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::{Lang, Text};

/// The notice: which version the answers were for, what changed in the score, item by
/// item, and the ticks that have no counterpart.
pub fn upgrade_notice(q: &Questionnaire, u: &Upgraded) -> Text {
    let name = |id: &str, lang: Lang| {
        q.sections
            .iter()
            .flat_map(|s| &s.dimensions)
            .find(|d| d.items.iter().any(|i| i.id == id))
            .map(|d| d.title.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let words = |lang: Lang| {
        let zh = lang == Lang::Zh;
        let mut parts: Vec<String> = u
            .changes
            .iter()
            .map(|c| {
                let (o, n) = (format_score(c.old_points), format_score(c.new_points));
                let item = q
                    .item(&c.item)
                    .map(|i| i.text.get(lang).to_string())
                    .unwrap_or_default();
                let short = if item.chars().count() > 14 {
                    name(&c.item, lang)
                } else {
                    item
                };
                if zh {
                    format!("{short} {o} → {n} 分")
                } else {
                    format!("{short} {o} → {n}")
                }
            })
            .collect();
        if parts.is_empty() {
            parts.push(
                lang.pick("各项得分不变", "no item's points change")
                    .to_string(),
            );
        }
        let (from, to) = (u.from.as_str(), q.version.as_str());
        let (old, new) = (format_score(u.old_total), format_score(u.new_total));
        let dropped = if u.dropped.is_empty() {
            String::new()
        } else if zh {
            format!("新版没有对应选项、已去掉的勾选 {} 项。", u.dropped.len())
        } else {
            format!(
                " {} ticks have no counterpart in the new version and were removed.",
                u.dropped.len()
            )
        };
        if zh {
            format!(
                "这份评估按问卷 {from} 版填写，已按 {to} 版（官方评测表的题目、选项和分值）换算答案：{}。总分由 {old} 变为 {new}。{dropped}新增的题目（如上年和前年的经营数字）请补充填写。",
                parts.join("；")
            )
        } else {
            format!(
                "These answers were given to version {from}; they are converted to version {to} (the official form's items, options and points): {}. The total goes from {old} to {new}.{dropped} Please answer the new questions (such as last year's and the year before's figures).",
                parts.join("; ")
            )
        }
    };
    Text::new(words(Lang::Zh), words(Lang::En))
}
