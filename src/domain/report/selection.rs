//! What can be done with the assessments a consultant selects in the portfolio, and
//! why not, worded once: two to five firms side by side, one firm's two rounds (T0 →
//! T1), a roll-up; which questionnaire a roll-up is of (the one most of the selection
//! is on) and the target profile it starts from (the firms' region's, when they share
//! one, else the national one).

use super::compare::MAX_COMPARED;
use super::format::file_count;
use crate::domain::model::targets::{default_profile, suggest_profile, TargetProfile};
use crate::domain::model::text::Lang;
use crate::domain::read::answers_file::AnswersFile;

/// "已选 3 份", "3 selected".
pub fn selected_text(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已选 {}", file_count(n, lang)),
        Lang::En => format!("{n} selected"),
    }
}

/// How many rows a filtered table shows: "显示 4 份，共 6 份", "4 of 6 shown".
pub fn shown_text(shown: usize, all: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("显示 {}，共 {all} 份", file_count(shown, lang)),
        Lang::En => format!("{shown} of {all} shown"),
    }
}

/// Why the selection cannot be set side by side; None when it can (two to five).
pub fn compare_blocked(selected: usize, lang: Lang) -> Option<String> {
    if (2..=MAX_COMPARED).contains(&selected) {
        return None;
    }
    Some(match lang {
        Lang::Zh => format!(
            "并排比较需选择 2 至 {MAX_COMPARED} 份评估（{}）",
            selected_text(selected, lang)
        ),
        Lang::En => format!(
            "Select 2 to {MAX_COMPARED} assessments to compare them side by side ({})",
            selected_text(selected, lang)
        ),
    })
}

/// Why the selection cannot be rolled up; None when it can (at least one).
pub fn rollup_blocked(selected: usize, lang: Lang) -> Option<String> {
    (selected == 0).then(|| {
        lang.pick(
            "汇总需至少选择 1 份评估",
            "Select at least one assessment to roll up",
        )
        .to_string()
    })
}

/// Why the selection cannot be printed or exported now, if it cannot.
pub fn print_blocked(selected: usize, lang: Lang) -> Option<String> {
    (selected == 0).then(|| {
        lang.pick(
            "打印或导出需至少选择 1 份评估",
            "Select at least one assessment to print or export",
        )
        .to_string()
    })
}

/// The day an assessment is ordered by among a firm's rounds: the day assessed, else
/// the day it was created.
fn round_order(f: &AnswersFile) -> (&str, &str) {
    let day = if f.assessed_on.trim().is_empty() {
        f.created_at.get(..10).unwrap_or(&f.created_at)
    } else {
        f.assessed_on.trim()
    };
    (day, f.created_at.as_str())
}

/// The two rounds of one firm in the selection, the earlier first (by the day assessed,
/// else created): exactly two, of one named firm, on one questionnaire. Otherwise why
/// they are not.
pub fn rounds_pair<'a>(
    selected: &[(&'a str, &'a AnswersFile)],
    lang: Lang,
) -> Result<(&'a str, &'a str), String> {
    let [(a_id, a), (b_id, b)] = selected else {
        return Err(match lang {
            Lang::Zh => format!(
                "历次对比需选择同一企业的两轮评估（{}）",
                selected_text(selected.len(), lang)
            ),
            Lang::En => format!(
                "Select two rounds of one firm to compare them over time ({})",
                selected_text(selected.len(), lang)
            ),
        });
    };
    let (na, nb) = (a.firm.name.trim(), b.firm.name.trim());
    if na.is_empty() || nb.is_empty() {
        return Err(lang
            .pick(
                "历次对比需要两份评估都填写了企业名称",
                "Both assessments need the firm's name to be compared over time",
            )
            .to_string());
    }
    if na != nb {
        return Err(match lang {
            Lang::Zh => format!("历次对比需选择同一企业的两轮评估：所选的是“{na}”和“{nb}”"),
            Lang::En => format!(
                "Select two rounds of one firm to compare them over time: these are \u{201c}{na}\u{201d} and \u{201c}{nb}\u{201d}"
            ),
        });
    }
    if a.questionnaire.id != b.questionnaire.id {
        return Err(lang
            .pick(
                "两轮评估用的问卷不同，不能对比",
                "The two rounds are on different questionnaires and cannot be compared",
            )
            .to_string());
    }
    if round_order(b) < round_order(a) {
        Ok((b_id, a_id))
    } else {
        Ok((a_id, b_id))
    }
}

/// The questionnaire (id, version) most of `files` are on, the first met on a tie: what
/// a roll-up of them is of (the others are left out with their reason).
pub fn majority_questionnaire<'a>(
    files: impl IntoIterator<Item = &'a AnswersFile>,
) -> Option<(String, String)> {
    let mut counts: Vec<((&str, &str), usize)> = Vec::new();
    for f in files {
        let key = (
            f.questionnaire.id.as_str(),
            f.questionnaire.version.as_str(),
        );
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    let mut best: Option<((&str, &str), usize)> = None;
    for (key, n) in counts {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((key, n));
        }
    }
    best.map(|((id, version), _)| (id.to_string(), version.to_string()))
}

/// The profile a roll-up starts from: the one every firm's region suggests, when they
/// all suggest the same; else the first national one.
pub fn rollup_profile<'a>(
    profiles: &'a [TargetProfile],
    regions: &[&str],
) -> Option<&'a TargetProfile> {
    let mut shared: Option<&TargetProfile> = None;
    for r in regions {
        match (suggest_profile(profiles, r), shared) {
            (None, _) => return default_profile(profiles, ""),
            (Some(p), Some(s)) if p.id != s.id => return default_profile(profiles, ""),
            (Some(p), _) => shared = Some(p),
        }
    }
    shared.or_else(|| default_profile(profiles, ""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::text::Text;
    use crate::domain::read::answers_file::QuestionnaireRef;

    fn file(name: &str, q: &str, assessed_on: &str, created_at: &str) -> AnswersFile {
        AnswersFile {
            format: String::new(),
            format_version: 1,
            questionnaire: QuestionnaireRef {
                id: q.into(),
                version: "1".into(),
            },
            firm: crate::domain::model::firm::FirmProfile {
                name: name.into(),
                ..Default::default()
            },
            target_profile: None,
            answers: Default::default(),
            created_at: created_at.into(),
            updated_at: String::new(),
            round: String::new(),
            assessed_on: assessed_on.into(),
        }
    }

    #[test]
    fn two_to_five_are_compared_and_otherwise_the_reason_is_given() {
        assert_eq!(compare_blocked(2, Lang::Zh), None);
        assert_eq!(compare_blocked(5, Lang::En), None);
        assert_eq!(
            compare_blocked(1, Lang::Zh).as_deref(),
            Some("并排比较需选择 2 至 5 份评估（已选 1 份）")
        );
        assert_eq!(
            compare_blocked(6, Lang::En).as_deref(),
            Some("Select 2 to 5 assessments to compare them side by side (6 selected)")
        );
        assert_eq!(rollup_blocked(1, Lang::Zh), None);
        assert_eq!(shown_text(4, 6, Lang::Zh), "显示 4 份，共 6 份");
        assert_eq!(selected_text(1, Lang::En), "1 selected");
        assert!(rollup_blocked(0, Lang::En).is_some());
    }

    #[test]
    fn a_firms_two_rounds_are_put_in_order_and_anything_else_is_refused_with_why() {
        let t0 = file("甲厂", "q", "2025-03-01", "2026-01-01T00:00:00Z");
        let t1 = file(" 甲厂 ", "q", "2026-03-01", "2025-01-01T00:00:00Z");
        assert_eq!(
            rounds_pair(&[("b", &t1), ("a", &t0)], Lang::Zh),
            Ok(("a", "b"))
        );
        assert_eq!(
            rounds_pair(&[("a", &t0), ("b", &t1)], Lang::Zh),
            Ok(("a", "b"))
        );
        // Without a day assessed, the day created orders them.
        let (u0, u1) = (
            file("甲厂", "q", "", "2025-01-01T00:00:00Z"),
            file("甲厂", "q", "", "2026-01-01T00:00:00Z"),
        );
        assert_eq!(
            rounds_pair(&[("y", &u1), ("x", &u0)], Lang::En),
            Ok(("x", "y"))
        );
        let other = file("乙厂", "q", "", "");
        assert_eq!(
            rounds_pair(&[("a", &t0), ("c", &other)], Lang::Zh),
            Err("历次对比需选择同一企业的两轮评估：所选的是“甲厂”和“乙厂”".to_string())
        );
        let elsewhere = file("甲厂", "other", "", "");
        assert!(rounds_pair(&[("a", &t0), ("d", &elsewhere)], Lang::En)
            .unwrap_err()
            .contains("different questionnaires"));
        assert_eq!(
            rounds_pair(&[("a", &t0)], Lang::Zh),
            Err("历次对比需选择同一企业的两轮评估（已选 1 份）".to_string())
        );
        let unnamed = file("", "q", "", "");
        assert!(rounds_pair(&[("a", &unnamed), ("b", &unnamed)], Lang::Zh).is_err());
    }

    #[test]
    fn a_roll_up_is_of_the_questionnaire_most_are_on() {
        let (a, b) = (file("", "a", "", ""), file("", "b", "", ""));
        assert_eq!(
            majority_questionnaire([&a, &b, &b]),
            Some(("b".to_string(), "1".to_string()))
        );
        assert_eq!(
            majority_questionnaire([&a, &b]),
            Some(("a".to_string(), "1".to_string())),
            "a tie: the first"
        );
        assert_eq!(majority_questionnaire([]), None);
    }

    #[test]
    fn a_roll_up_starts_from_the_shared_regions_profile_else_the_national_one() {
        let profile = |id: &str, region: &str| TargetProfile {
            id: id.into(),
            name: Text::default(),
            region: Text::new(region, region),
            year: 2025,
            scope: Text::default(),
            source: Text::default(),
            date: None,
            note: None,
            targets: Default::default(),
        };
        let ps = vec![
            profile("national", "全国"),
            profile("taizhou", "江苏省泰州市"),
            profile("gansu", "甘肃省"),
        ];
        let pick = |rs: &[&str]| rollup_profile(&ps, rs).map(|p| p.id.as_str());
        assert_eq!(
            pick(&["江苏省泰州市高港区", "泰州市海陵区"]),
            Some("taizhou")
        );
        assert_eq!(pick(&["江苏省泰州市", "甘肃省兰州市"]), Some("national"));
        assert_eq!(pick(&["江苏省泰州市", ""]), Some("national"));
        assert_eq!(pick(&[]), Some("national"));
    }
}
