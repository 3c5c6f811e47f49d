//! Answers given to an earlier version of a built-in questionnaire, converted to the
//! current one: each old option id to the new option with its meaning, and a
//! multi-select of a fixed list to the two counts that replace it (a conversion table
//! per version step, applied step after step from the answers' version to the current
//! one), and what that changes in the firm's score, item by item (worded for the notice
//! in `report::upgrade_notice`). Saved assessments and answers files of an earlier
//! version so still open; nothing the firm entered is dropped without the notice saying
//! so.

use crate::domain::compute::evaluation::{evaluate, ItemState};
use crate::domain::compute::scoring::{band_points, item_points, score};
use crate::domain::model::answers::{Answer, Answers};
use crate::domain::model::questionnaire::{Band, BandEnd, ItemKind, Questionnaire};
use crate::domain::model::text::Text;
use crate::domain::read::answers_file::{check_answers, AnswersRead, FileError};
use crate::domain::util::sorted_map::SortedSet;

/// (item, option) of one version.
pub type OptionRef = (&'static str, &'static str);

/// One version step of one questionnaire.
pub struct Conversion {
    pub questionnaire: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    /// (item, old option) → (item, new option), or None where the new form has no
    /// option with that meaning (the tick is dropped, and the notice says so).
    pub options: &'static [(OptionRef, Option<OptionRef>)],
    /// Multi-selects of a fixed list replaced by two counts.
    pub counts: &'static [ToCounts],
    /// How the earlier version scored an item the conversion changes.
    pub old_points: fn(&str, &Answers, f64) -> Option<f64>,
    /// What the step changed, as the notice says it (zh, en).
    pub summary: (&'static str, &'static str),
}

/// A multi-select of a fixed list of `of` options replaced by two counts: how many the
/// firm has in all (`total`) and how many of them (`part`). `k` ticked become `k` of
/// `of`, the share the old item gave; "none of these" becomes 0 of `of`.
pub struct ToCounts {
    pub item: &'static str,
    pub total: &'static str,
    pub part: &'static str,
    pub of: u32,
}

/// A multi-select answer turned into two counts by a conversion: `part` of `total`.
#[derive(Clone, Debug, PartialEq)]
pub struct Counted {
    pub item: String,
    pub total_item: String,
    pub part_item: String,
    pub part: u32,
    pub total: u32,
}

/// SME 2024.1 (our first reading of the 2024 indicators) → 2024.2 (the official form).
pub const SME_2024_1_TO_2: Conversion = Conversion {
    questionnaire: "sme-digital-level",
    from: "2024.1",
    to: "2024.2",
    options: &[
        (
            ("auto_data_capture", "design"),
            Some(("auto_data_capture", "product_design")),
        ),
        (
            ("auto_data_capture", "production"),
            Some(("auto_data_capture", "production_control")),
        ),
        (
            ("auto_data_capture", "process_parameters"),
            Some(("auto_data_capture", "production_control")),
        ),
        (
            ("auto_data_capture", "equipment_status"),
            Some(("auto_data_capture", "equipment")),
        ),
        (
            ("auto_data_capture", "quality_inspection"),
            Some(("auto_data_capture", "quality")),
        ),
        (
            ("auto_data_capture", "safety_environment"),
            Some(("auto_data_capture", "safety")),
        ),
        (
            ("auto_data_capture", "warehouse"),
            Some(("auto_data_capture", "warehouse_logistics")),
        ),
        (
            ("auto_data_capture", "logistics"),
            Some(("auto_data_capture", "warehouse_logistics")),
        ),
        (
            ("auto_data_capture", "sales"),
            Some(("auto_data_capture", "marketing")),
        ),
        (
            ("network_security", "perimeter"),
            Some(("network_security", "products")),
        ),
        (
            ("network_security", "segregation"),
            Some(("network_security", "products")),
        ),
        (
            ("network_security", "endpoint"),
            Some(("network_security", "products")),
        ),
        (
            ("network_security", "security_rules"),
            Some(("network_security", "policy")),
        ),
        (
            ("data_security", "backup"),
            Some(("data_security", "products")),
        ),
        (
            ("data_security", "classification"),
            Some(("data_security", "products")),
        ),
        (
            ("data_security", "encryption"),
            Some(("data_security", "products")),
        ),
        (("data_security", "access_control"), None),
        (("digital_plan", "no_plan"), Some(("digital_plan", "none"))),
        (
            ("digital_plan", "plan_only"),
            Some(("digital_plan", "plan_set")),
        ),
        (
            ("digital_plan", "partly_implemented"),
            Some(("digital_plan", "retrofit_started")),
        ),
        (
            ("digital_plan", "fully_implemented"),
            Some(("digital_plan", "results")),
        ),
        (("governance", "leadership"), None),
        (
            ("governance", "project_rules"),
            Some(("governance", "systems_rules")),
        ),
        (
            ("governance", "dedicated_unit"),
            Some(("talent_measures", "digital_post")),
        ),
        (("governance", "performance_review"), None),
        (
            ("talent_measures", "it_staff"),
            Some(("talent_measures", "digital_staff")),
        ),
        (
            ("talent_measures", "staff_training"),
            Some(("talent_measures", "training")),
        ),
        (
            ("talent_measures", "management_training"),
            Some(("talent_measures", "training")),
        ),
        (
            ("talent_measures", "incentives"),
            Some(("talent_measures", "performance_pay")),
        ),
        (("talent_measures", "external_cooperation"), None),
    ],
    counts: &[],
    old_points: sme_2024_1_points,
    summary: (
        "2024.2 版采用官方评测表的题目、选项和分值，新增的题目（如上年和前年的经营数字）请补充填写。",
        "Version 2024.2 takes the official form's items, options and points; please answer the new questions (such as last year's and the year before's figures).",
    ),
};

/// 经营管理数字化普及率 asked as a count of a count: the 8 functions listed, ticked, became
/// how many core management functions the firm has and how many of them run on a system.
const MGMT_TO_COUNTS: ToCounts = ToCounts {
    item: "mgmt_functions_on_system",
    total: "mgmt_functions",
    part: "mgmt_functions_digital",
    of: 8,
};

/// SME 2024.2 → 2024.3: the management functions as counts (no item's points change:
/// the headline indicators carry none).
pub const SME_2024_2_TO_3: Conversion = Conversion {
    questionnaire: "sme-digital-level",
    from: "2024.2",
    to: "2024.3",
    options: &[],
    counts: &[MGMT_TO_COUNTS],
    old_points: |_, _, _| None,
    summary: (
        "2024.3 版的经营管理数字化普及率改问两个数量：企业的核心经营管理职能共有几项，其中几项在信息系统中运行。",
        "Version 2024.3 asks for the management digitisation rate as two counts: how many core management functions the firm has, and how many of them run on an information system.",
    ),
};

/// Quick check 1.0.0 → 1.1.0: the management functions as counts.
pub const QUICK_1_0_TO_1_1: Conversion = Conversion {
    questionnaire: "headline-quick",
    from: "1.0.0",
    to: "1.1.0",
    options: &[],
    counts: &[MGMT_TO_COUNTS],
    old_points: |_, _, _| None,
    summary: (
        "1.1.0 版的经营管理数字化普及率改问两个数量：企业的核心经营管理职能共有几项，其中几项在信息系统中运行。",
        "Version 1.1.0 asks for the management digitisation rate as two counts: how many core management functions the firm has, and how many of them run on an information system.",
    ),
};

/// Every conversion the app and the CLI apply, one per version step.
pub const CONVERSIONS: &[&Conversion] = &[&SME_2024_1_TO_2, &SME_2024_2_TO_3, &QUICK_1_0_TO_1_1];

/// 2024.1's investment bands (ours then): 0.5 / 1 / 2 / 3 %, left-closed.
const SME_2024_1_FUNDING: [Band; 5] = [
    Band {
        from: 0.0,
        to: 0.5,
        points: 0.0,
    },
    Band {
        from: 0.5,
        to: 1.0,
        points: 1.875,
    },
    Band {
        from: 1.0,
        to: 2.0,
        points: 3.75,
    },
    Band {
        from: 2.0,
        to: 3.0,
        points: 5.625,
    },
    Band {
        from: 3.0,
        to: 100.0,
        points: 7.5,
    },
];

/// What 2024.1 gave an item whose scoring changed, from the old answers (and the ratio
/// for the banded items); None where the scoring did not change.
fn sme_2024_1_points(item: &str, old: &Answers, ratio: f64) -> Option<f64> {
    let ticked = |unit: f64| old.selected(item).map_or(0.0, |s| s.len() as f64 * unit);
    Some(match item {
        // Same edges and points, but left-closed: an edge was in the upper band.
        "equip_digital_ratio" | "equip_network_ratio" => {
            let form = [
                (0.0, 10.0, 0.0),
                (10.0, 20.0, 1.5),
                (20.0, 40.0, 3.0),
                (40.0, 60.0, 4.5),
                (60.0, 100.0, 6.0),
            ]
            .map(|(from, to, points)| Band { from, to, points });
            band_points(&form, BandEnd::Left, ratio)
        }
        "digital_invest_intensity" => band_points(&SME_2024_1_FUNDING, BandEnd::Left, ratio),
        "auto_data_capture" => ticked(0.7).min(10.0),
        "network_security" | "data_security" => ticked(1.25),
        "governance" => ticked(1.875),
        "talent_measures" => ticked(1.5),
        "digital_plan" => match old.choice(item) {
            Some("plan_only") => 2.5,
            Some("partly_implemented") => 5.0,
            Some("fully_implemented") => 7.5,
            _ => 0.0,
        },
        _ => return None,
    })
}

/// An item whose points change with the conversion.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemChange {
    pub item: String,
    pub old_points: f64,
    pub new_points: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Upgraded {
    pub answers: Answers,
    /// Ticks the current version has no option for: (item, old option).
    pub dropped: Vec<(String, String)>,
    /// Multi-selects turned into counts.
    pub counted: Vec<Counted>,
    pub changes: Vec<ItemChange>,
    pub old_total: f64,
    pub new_total: f64,
    pub from: String,
    /// What each step changed, in order.
    pub summaries: Vec<Text>,
}

/// The steps from `from_version` to `q`'s version, in order, if every one is known.
pub fn conversion(q: &Questionnaire, from_version: &str) -> Option<Vec<&'static Conversion>> {
    let mut steps: Vec<&'static Conversion> = Vec::new();
    let mut version = from_version;
    while version != q.version {
        let c = CONVERSIONS
            .iter()
            .copied()
            .find(|c| c.questionnaire == q.id && c.from == version)?;
        if steps.len() == CONVERSIONS.len() {
            return None; // the table loops
        }
        steps.push(c);
        version = c.to;
    }
    (!steps.is_empty()).then_some(steps)
}

/// Answers of `from_version` converted to `q`'s version, step by step, and what that
/// changes in the score; None where no conversion is known.
pub fn upgrade(q: &Questionnaire, from_version: &str, old: &Answers) -> Option<Upgraded> {
    let steps = conversion(q, from_version)?;
    let mut answers = old.clone();
    let mut dropped = Vec::new();
    let mut counted = Vec::new();
    // The answers each step was given, for the points its earlier version gave.
    let mut before = Vec::new();
    for c in &steps {
        before.push(answers.clone());
        convert_options(c, &mut answers, &mut dropped);
        convert_counts(c, &mut answers, &mut counted);
    }
    let old_points = |item: &str, ratio: f64| {
        steps
            .iter()
            .zip(&before)
            .find_map(|(c, answers)| (c.old_points)(item, answers, ratio))
    };
    let ev_new = evaluate(q, &answers);
    let new_score = score(q, &answers, &ev_new);
    let mut changes = Vec::new();
    let mut old_total = 0.0;
    let mut applicable_total = 0.0;
    for d in q.sections.iter().flat_map(|s| &s.dimensions) {
        let (mut old_earned, mut applicable) = (0.0, 0.0);
        for item in &d.items {
            let max = item.kind.max_points();
            if max == 0.0
                || matches!(
                    ev_new.state(&item.id),
                    ItemState::Hidden | ItemState::NotApplicable
                )
            {
                continue;
            }
            applicable += max;
            let new_points = if ev_new.state(&item.id) == ItemState::Answered {
                item_points(item, &answers, &ev_new)
            } else {
                0.0
            };
            let number = ev_new.number(&item.id);
            let is_ratio = matches!(item.kind, ItemKind::Ratio { .. });
            let old_points = match old_points(&item.id, number.unwrap_or(0.0)) {
                // A ratio not computed (a count missing) scored nothing then either.
                Some(_) if is_ratio && number.is_none() => 0.0,
                Some(p) => p,
                None => new_points,
            };
            if (old_points - new_points).abs() > 1e-9 {
                changes.push(ItemChange {
                    item: item.id.clone(),
                    old_points,
                    new_points,
                });
            }
            old_earned += old_points;
        }
        if applicable > 0.0 && d.points > 0.0 {
            old_total += old_earned / applicable * d.points;
            applicable_total += d.points;
        }
    }
    let old_total = if applicable_total > 0.0 {
        (old_total / applicable_total * q.total_points * 1e9).round() / 1e9
    } else {
        0.0
    };
    Some(Upgraded {
        answers,
        dropped,
        counted,
        changes,
        old_total,
        new_total: new_score.total,
        from: from_version.to_string(),
        summaries: steps
            .iter()
            .map(|c| Text::new(c.summary.0, c.summary.1))
            .collect(),
    })
}

/// One step's option table applied to `answers`.
fn convert_options(c: &Conversion, answers: &mut Answers, dropped: &mut Vec<(String, String)>) {
    let old = answers.clone();
    let mut moved: Vec<(&str, &str)> = Vec::new();
    let rule = |item: &str, option: &str| {
        c.options
            .iter()
            .find(|((i, o), _)| *i == item && *o == option)
            .map(|(_, to)| *to)
    };
    for (item, answer) in old.values.iter() {
        match answer {
            Answer::Selected(set) => {
                let mut kept = SortedSet::default();
                for o in set {
                    match rule(item, o) {
                        None => drop(kept.insert(o.clone())),
                        Some(None) => dropped.push((item.clone(), o.clone())),
                        Some(Some((to_item, to))) if to_item == item => {
                            kept.insert(to.to_string());
                        }
                        Some(Some(elsewhere)) => moved.push(elsewhere),
                    }
                }
                answers.set(item, Answer::Selected(kept));
            }
            Answer::Choice(choice) => match rule(item, choice) {
                None => {}
                Some(Some((_, to))) => answers.set(item, Answer::Choice(to.to_string())),
                Some(None) => {
                    dropped.push((item.clone(), choice.clone()));
                    answers.clear(item);
                }
            },
            _ => {}
        }
    }
    // Ticks that moved to another item join what that item has (or answer it).
    for (to_item, to) in moved {
        let mut set = answers.selected(to_item).cloned().unwrap_or_default();
        set.insert(to.to_string());
        answers.set(to_item, Answer::Selected(set));
    }
}

/// One step's multi-selects turned into counts: `k` ticked of the old list become `k`
/// of its `of` options (the share the old item gave), "none of these" 0 of `of`. The
/// old answer goes (the new version has no such item); which options were ticked is
/// not kept, and the notice says so.
fn convert_counts(c: &Conversion, answers: &mut Answers, counted: &mut Vec<Counted>) {
    for t in c.counts {
        answers.set_aside.remove(t.item);
        let Some(Answer::Selected(set)) = answers.get(t.item).cloned() else {
            answers.clear(t.item);
            continue;
        };
        answers.clear(t.item);
        let part = (set.len() as u32).min(t.of);
        answers.set_typed(t.total, t.of.to_string());
        answers.set_typed(t.part, part.to_string());
        counted.push(Counted {
            item: t.item.to_string(),
            total_item: t.total.to_string(),
            part_item: t.part.to_string(),
            part,
            total: t.of,
        });
    }
}

/// Checks an answers file against `q` as `check_answers` does, first converting
/// answers of an earlier version that a conversion knows; the conversion is returned
/// for the notice.
pub fn check_and_upgrade(
    mut read: AnswersRead,
    q: &Questionnaire,
) -> Result<(AnswersRead, Option<Upgraded>), FileError> {
    let mut done = None;
    let file = &mut read.file;
    if file.questionnaire.id == q.id && file.questionnaire.version != q.version {
        if let Some(u) = upgrade(q, &file.questionnaire.version, &file.answers) {
            file.answers = u.answers.clone();
            file.questionnaire.version = q.version.clone();
            done = Some(u);
        }
    }
    check_answers(read, q).map(|r| (r, done))
}
