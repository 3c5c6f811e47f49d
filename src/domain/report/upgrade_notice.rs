//! The notice for answers converted from an earlier questionnaire version: what each
//! version step changed, what became of answers asked another way now (ticks turned into
//! counts), what changed in the firm's score, item by item, and the total before and
//! after (a questionnaire without a score says nothing of points).

use super::format::{count_share, format_score};
use crate::domain::compute::scoring::is_scored;
use crate::domain::compute::upgrade::Upgraded;
use crate::domain::model::questionnaire::{ItemKind, Questionnaire};
use crate::domain::model::text::{Lang, Text};

/// The notice: which version the answers were for, what each step changed, ticks now
/// counts, what changed in the score, item by item, and the ticks that have no
/// counterpart.
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
        let mut out = if zh {
            format!("这份评估按问卷 {from} 版填写，已按 {to} 版换算答案。")
        } else {
            format!(
                "These answers were given to version {from}; they are converted to version {to}."
            )
        };
        for s in &u.summaries {
            out.push_str(if zh { "" } else { " " });
            out.push_str(s.get(lang));
        }
        for c in &u.counted {
            let unit = q
                .item(&c.part_item)
                .and_then(|i| match &i.kind {
                    ItemKind::Count { unit, .. } => Some(unit.get(lang).to_string()),
                    _ => None,
                })
                .unwrap_or_default();
            let share = count_share(
                c.part as usize,
                c.total as usize,
                (c.total > 0).then(|| f64::from(c.part) * 100.0 / f64::from(c.total)),
                lang,
            );
            out.push_str(&if zh {
                format!(
                    "原来勾选的 {} {unit}记为 {share}，比例不变；勾选了哪几{unit}不再保留。",
                    c.part
                )
            } else {
                format!(
                    " The {} {unit} ticked become {share}, the same share; which ones were ticked is not kept.",
                    c.part
                )
            });
        }
        if is_scored(q) {
            out.push_str(&if zh {
                format!("得分变化：{}。总分由 {old} 变为 {new}。", parts.join("；"))
            } else {
                format!(
                    " Points: {}. The total goes from {old} to {new}.",
                    parts.join("; ")
                )
            });
        }
        if !u.dropped.is_empty() {
            out.push_str(&if zh {
                format!("新版没有对应选项、已去掉的勾选 {} 项。", u.dropped.len())
            } else {
                format!(
                    " {} ticks have no counterpart in the new version and were removed.",
                    u.dropped.len()
                )
            });
        }
        out
    };
    Text::new(words(Lang::Zh), words(Lang::En))
}
