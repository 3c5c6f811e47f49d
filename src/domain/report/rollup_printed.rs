//! The roll-up printed as a report a district's industry bureau hands on (A4, in the
//! interface language): a cover naming the target profile compared against (its scope,
//! document and date), the questionnaire and version, how many firms were included,
//! incomplete and left out, the date printed and the consultant; the summary (each
//! indicator's mean and weighted value against its target with the share of firms
//! meeting it, the levels and the share at 二级 or above; the view adds the chart); the
//! firms included and those left out with their reasons; and a method note with the
//! sources. The selection is rolled up here too (`roll_up_selection`), so that the
//! screen and the printout list the same firms.
//!
//! Like `printed`, the parts are pure functions to escaped HTML; the cover and the
//! source list are `printed`'s own.

use super::compare::firm_label;
use super::format::{file_count, firm_count, format_percent, level_label, profile_document, DASH};
use super::portfolio::firm_display_name;
use super::printed::{cover_block_html, sources_html, CoverBlock};
use super::rollup::{incomplete_line, left_out_line, RollupReport};
use super::screen_table::{rollup_indicators_screen, rollup_levels_screen, ScreenTable};
use super::sources::{method_note, questionnaire_and_target_sources, target_source};
use crate::domain::compute::rollup::{Rollup, RollupResult, POLICY_LEVEL};
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
use crate::domain::model::text::Lang;
use crate::domain::read::answers_file::AnswersFile;
use crate::domain::util::escape::escape_xml;

/// One assessment of the selection: its answers file and the questionnaire it is on.
#[derive(Clone, Copy)]
pub struct SelectedFirm<'a> {
    pub file: &'a AnswersFile,
    pub questionnaire: &'a Questionnaire,
}

/// A firm the roll-up counted, as the printed list names it.
#[derive(Clone, Debug, PartialEq)]
pub struct IncludedFirm {
    /// The firm's name, or "未命名企业".
    pub name: String,
    /// "T1", or "—".
    pub round: String,
    /// "2026-03-01", or "—".
    pub date: String,
    /// "已答完", or "未答完，完成度 87.5%（结果为暂定）".
    pub status: String,
    pub incomplete: bool,
}

/// A selection rolled up: the figures, and each firm as the report names it.
#[derive(Clone, Debug, PartialEq)]
pub struct RolledUp {
    pub result: RollupResult,
    /// In the selection's order.
    pub included: Vec<IncludedFirm>,
    /// The incomplete ones, "甲精密（T0）".
    pub incomplete: Vec<String>,
    /// Each firm left out with its reason, "戊五金：其他问卷（…），未计入".
    pub left_out: Vec<String>,
}

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        DASH.to_string()
    } else {
        s.trim().to_string()
    }
}

/// Rolls the selected firms up on `q` against `profile`: each one on `q` and its
/// version counted (assessed against `profile`), each other one left out and named
/// with its reason.
pub fn roll_up_selection(
    q: &Questionnaire,
    profile: &TargetProfile,
    firms: &[SelectedFirm],
    lang: Lang,
) -> RolledUp {
    let mut rollup = Rollup::new(q, profile);
    let (mut included, mut incomplete, mut left_out) = (Vec::new(), Vec::new(), Vec::new());
    for f in firms {
        let name = firm_display_name(&f.file.firm.name, lang);
        let label = firm_label(&name, f.file.round.trim(), lang);
        match rollup.add_file(f.file) {
            Ok(counted) => {
                if counted.incomplete {
                    incomplete.push(label);
                }
                included.push(IncludedFirm {
                    name,
                    round: or_dash(&f.file.round),
                    date: or_dash(&f.file.assessed_on),
                    status: completion_text(counted.incomplete, counted.completeness, lang),
                    incomplete: counted.incomplete,
                });
            }
            Err(reason) => {
                let on = format!(
                    "{} {}",
                    f.questionnaire.title.get(lang),
                    f.file.questionnaire.version
                );
                left_out.push(left_out_line(&label, reason, &on, lang));
            }
        }
    }
    RolledUp {
        result: rollup.finish(),
        included,
        incomplete,
        left_out,
    }
}

/// How far a firm answered: "已答完", or "未答完，完成度 87.5%（结果为暂定）".
fn completion_text(incomplete: bool, completeness: f64, lang: Lang) -> String {
    match (incomplete, lang) {
        (false, _) => lang.pick("已答完", "Complete").to_string(),
        (true, Lang::Zh) => format!(
            "未答完，完成度 {}（结果为暂定）",
            format_percent(completeness)
        ),
        (true, Lang::En) => format!(
            "Incomplete, {} answered (provisional)",
            format_percent(completeness)
        ),
    }
}

/// What the printed roll-up is called: on its cover, in its running header and the
/// name of its PDF.
pub fn rollup_report_kind(lang: Lang) -> &'static str {
    lang.pick("区域汇总报告", "Roll-up report")
}

/// The running header of every printed page (the profile and the date printed) and the
/// page's title while printing (the name a browser gives the PDF).
#[derive(Clone, Debug, PartialEq)]
pub struct PrintTitles {
    /// "泰州市 2025 年目标 · 2026-12-02".
    pub running: String,
    /// "区域汇总报告 · 泰州市 2025 年目标 · 2026-12-02".
    pub document: String,
}

pub fn rollup_print_titles(profile: &TargetProfile, date: &str, lang: Lang) -> PrintTitles {
    let running = format!("{} · {date}", profile.name.get(lang));
    PrintTitles {
        document: format!("{} · {running}", rollup_report_kind(lang)),
        running,
    }
}

/// Who prints the report and when, and the consultant's logo.
pub struct PrintedBy<'a> {
    /// The day printed, "2026-12-02".
    pub date: &'a str,
    /// `printed::consultant_text`, or empty.
    pub consultant: &'a str,
    /// The logo as a `data:` URL.
    pub logo: Option<&'a str>,
}

/// The printed roll-up's parts, in the report's language; the view puts the chart
/// between `summary` and `levels`.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintedRollup {
    pub titles: PrintTitles,
    pub cover: String,
    /// The heading, the firms counted, the indicators' table and where the targets are from.
    pub summary: String,
    /// The levels' table and the share at 二级 or above; empty without a level scheme.
    pub levels: String,
    /// The firms included, the incomplete ones named, those left out with their reasons.
    pub firms: String,
    /// How the figures are computed, the indicators' definitions, the sources.
    pub method: String,
}

pub fn printed_rollup(
    q: &Questionnaire,
    profile: &TargetProfile,
    rolled: &RolledUp,
    report: &RollupReport,
    by: &PrintedBy,
    lang: Lang,
) -> PrintedRollup {
    PrintedRollup {
        titles: rollup_print_titles(profile, by.date, lang),
        cover: cover(q, profile, &rolled.result, by, lang),
        summary: summary(profile, report, lang),
        levels: levels(report, lang),
        firms: firms(rolled, lang),
        method: method(q, profile, lang),
    }
}

fn cover(
    q: &Questionnaire,
    profile: &TargetProfile,
    r: &RollupResult,
    by: &PrintedBy,
    lang: Lang,
) -> String {
    let l = lang;
    let included = firm_count(r.firms, l);
    let incomplete = firm_count(r.incomplete, l);
    let left_out = file_count(r.left_out.total(), l);
    let document = profile_document(profile, l);
    cover_block_html(&CoverBlock {
        lang: l,
        logo: by.logo,
        kicker: profile.region.get(l),
        title: rollup_report_kind(l),
        title_class: "report-title",
        subtitle: &format!("{} · v{}", q.title.get(l), q.version),
        facts: &[
            ("", l.pick("对照目标方案", "Target profile"), profile.name.get(l)),
            ("", l.pick("目标适用范围", "Targets set for"), profile.scope.get(l)),
            ("", l.pick("目标依据", "Targets from"), &document),
            ("rollup-included", l.pick("计入汇总", "Firms included"), &included),
            ("rollup-incomplete-count", l.pick("其中未答完", "Of them incomplete"), &incomplete),
            ("rollup-left-out-count", l.pick("未计入", "Left out"), &left_out),
            ("report-date", l.pick("打印日期", "Printed on"), by.date),
            ("report-consultant", l.pick("咨询顾问", "Consultant"), by.consultant),
        ],
        note: l.pick(
            "本报告根据所选企业各自填写的自评答案在本机汇总生成，供了解企业数字化水平、安排服务之用；企业的答案未经核实，汇总结果不是官方统计数据。",
            "This report was rolled up on this device from the selected firms' own self-assessment answers, to see where the firms stand and plan support; the answers were not verified, and the figures are not official statistics.",
        ),
    })
}

/// A display table as printed: its caption, column headings repeated on each page, a
/// heading for each row.
fn table_html(t: &ScreenTable, class: &str) -> String {
    let mut h = format!(
        "<table class=\"rollup-print-table {class}\"><caption>{}</caption><thead><tr>",
        escape_xml(&t.caption)
    );
    for head in &t.headings {
        h.push_str(&format!("<th scope=\"col\">{}</th>", escape_xml(head)));
    }
    h.push_str("</tr></thead><tbody>");
    for (key, cells) in t.keys.iter().zip(&t.rows) {
        h.push_str(&format!("<tr data-row=\"{}\">", escape_xml(key)));
        let mut cells = cells.iter();
        if let Some(name) = cells.next() {
            h.push_str(&format!("<th scope=\"row\">{}</th>", escape_xml(name)));
        }
        for c in cells {
            h.push_str(&format!("<td>{}</td>", escape_xml(c)));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    h
}

fn summary(profile: &TargetProfile, report: &RollupReport, lang: Lang) -> String {
    let mut lead = report.firms_text.clone();
    if !report.left_out_text.is_empty() {
        // "Left out …" is a sentence of its own in English.
        lead.push_str(lang.pick("；", ". "));
        lead.push_str(&report.left_out_text);
    }
    lead.push_str(lang.pick("。", "."));
    format!(
        "<h2>{}</h2><p class=\"rollup-lead\">{}</p>{}<p class=\"caption\">{}{}</p>",
        lang.pick("汇总结果", "Summary"),
        escape_xml(&lead),
        table_html(
            &rollup_indicators_screen(report, lang),
            "rollup-print-indicators"
        ),
        lang.pick("目标来源：", "Targets from: "),
        escape_xml(&target_source(profile, lang)),
    )
}

fn levels(report: &RollupReport, lang: Lang) -> String {
    let Some(t) = rollup_levels_screen(report, lang) else {
        return String::new();
    };
    let mut h = table_html(&t, "rollup-print-levels");
    if !report.at_or_above_text.is_empty() {
        h.push_str(&format!(
            "<p class=\"rollup-at-or-above\"><strong>{}</strong></p>",
            escape_xml(&report.at_or_above_text)
        ));
    }
    h
}

fn firms(rolled: &RolledUp, lang: Lang) -> String {
    let mut h = format!(
        "<h2>{}</h2><table class=\"rollup-print-table rollup-print-firms\"><thead><tr>",
        escape_xml(&match lang {
            Lang::Zh => format!(
                "计入汇总的企业（{}）",
                firm_count(rolled.included.len(), lang)
            ),
            Lang::En => format!(
                "Firms included ({})",
                firm_count(rolled.included.len(), lang)
            ),
        })
    );
    for head in [
        lang.pick("企业", "Firm"),
        lang.pick("轮次", "Round"),
        lang.pick("评估日期", "Assessed on"),
        lang.pick("答题情况", "Answers"),
    ] {
        h.push_str(&format!("<th scope=\"col\">{head}</th>"));
    }
    h.push_str("</tr></thead><tbody>");
    for f in &rolled.included {
        h.push_str(&format!(
            "<tr{}><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            if f.incomplete {
                " class=\"incomplete\""
            } else {
                ""
            },
            escape_xml(&f.name),
            escape_xml(&f.round),
            escape_xml(&f.date),
            escape_xml(&f.status),
        ));
    }
    h.push_str("</tbody></table>");
    let incomplete = incomplete_line(&rolled.incomplete, lang);
    if !incomplete.is_empty() {
        h.push_str(&format!(
            "<p class=\"rollup-incomplete\">{}</p>",
            escape_xml(&incomplete)
        ));
    }
    h.push_str("<div class=\"rollup-left-out\">");
    h.push_str(&format!(
        "<h3>{}</h3>",
        escape_xml(&match lang {
            Lang::Zh => format!(
                "未计入的评估（{}）",
                file_count(rolled.left_out.len(), lang)
            ),
            Lang::En => format!("Left out ({})", file_count(rolled.left_out.len(), lang)),
        })
    ));
    if rolled.left_out.is_empty() {
        h.push_str(&format!(
            "<p>{}</p>",
            lang.pick(
                "所选的评估全部计入。",
                "Every assessment selected is included."
            )
        ));
    } else {
        h.push_str("<ul>");
        for l in &rolled.left_out {
            h.push_str(&format!("<li>{}</li>", escape_xml(l)));
        }
        h.push_str("</ul>");
    }
    h.push_str("</div>");
    h
}

/// How the roll-up's figures are reached, paragraph by paragraph.
pub fn rollup_method_note(q: &Questionnaire, profile: &TargetProfile, lang: Lang) -> Vec<String> {
    let (title, version, target) = (q.title.get(lang), &q.version, profile.name.get(lang));
    let mut out = match lang {
        Lang::Zh => vec![
            format!("计入范围：所选评估中，填写“{title}”{version} 版的计入汇总；其他问卷、该问卷其他版本的评估和无法读取的文件不计入，并在“未计入的评估”中逐一列出原因。每份评估都按“{target}”的目标重新对照，不论它保存时选的是哪个目标方案。"),
            "企业均值：该指标有值的企业，其指标值的算术平均；每家企业分量相同。".to_string(),
            "加权值：各企业该指标的分子之和 ÷ 分母之和 × 100%（分子、分母见下面的指标口径）；规模大的企业分量更大，与政策文件按地区统计这些比率的口径一致。".to_string(),
            "达到目标：企业的指标值不低于目标值（恰好等于目标也算达到）。达标企业的占比以该指标有值的企业为分母；目标方案未设目标的指标不计达标。".to_string(),
            "无值的指标：企业未填写、不适用（如分母为 0）或输入有误的指标，不计入该指标的均值、加权值和达标占比，因此“有值企业”可能少于计入的企业数。未答完的企业照样计入汇总，它缺少的指标按此不计入，其等级为暂定。".to_string(),
        ],
        Lang::En => vec![
            format!("What is included: of the assessments selected, those on \u{201c}{title}\u{201d} version {version} are rolled up; assessments on another questionnaire or another version of it, and files that cannot be read, are left out, each listed with its reason under \u{201c}Left out\u{201d}. Every assessment is compared with the targets of \u{201c}{target}\u{201d}, whichever profile it was saved with."),
            "Mean of firms: the average of the values of the firms with a value for the indicator; each firm counts once.".to_string(),
            "Weighted value: the sum of the firms' numerators ÷ the sum of their denominators × 100% (the numerator and denominator of each indicator are defined below); larger firms weigh more, as when the policy documents measure these rates over a region.".to_string(),
            "Meeting the target: a firm's value is at or above the target (exactly on it counts). The share meeting it is of the firms with a value for the indicator; where the profile sets no target, no firm is counted as meeting one.".to_string(),
            "Missing values: an indicator a firm left unanswered, that does not apply to it (a denominator of 0) or whose input is invalid is left out of that indicator's mean, weighted value and share meeting the target, so the firms with a value can be fewer than the firms included. Incomplete firms are included: their missing indicators are left out so, and their level is provisional.".to_string(),
        ],
    };
    if q.levels.len() >= usize::from(POLICY_LEVEL) {
        let level = level_label(q, POLICY_LEVEL, lang);
        out.push(match lang {
            Lang::Zh => format!("等级分布：处于各等级的企业占计入企业总数的比例（含未答完的企业）；“{level}及以上”是达到{level}或更高等级的企业所占的比例。"),
            Lang::En => format!("Levels: the firms at each level as a share of all the firms included (incomplete ones too); \u{201c}{level} or above\u{201d} is the share at {level} or higher."),
        });
    }
    out
}

fn paragraphs(h: &mut String, ps: &[String]) {
    h.push_str("<div class=\"method-note\">");
    for p in ps {
        h.push_str(&format!("<p>{}</p>", escape_xml(p)));
    }
    h.push_str("</div>");
}

fn method(q: &Questionnaire, profile: &TargetProfile, lang: Lang) -> String {
    let mut h = format!(
        "<h2>{}</h2><h3>{}</h3>",
        lang.pick("方法与来源", "Method and sources"),
        lang.pick("汇总的算法", "How the roll-up is computed"),
    );
    paragraphs(&mut h, &rollup_method_note(q, profile, lang));
    if !q.indicators.is_empty() {
        h.push_str(&format!(
            "<h3>{}</h3><ul class=\"sources rollup-definitions\">",
            lang.pick("指标口径", "Indicator definitions")
        ));
        for i in &q.indicators {
            let mut line = match lang {
                Lang::Zh => format!("{}：{}", i.name.get(lang), i.definition.get(lang)),
                Lang::En => format!("{}: {}", i.name.get(lang), i.definition.get(lang)),
            };
            if i.unverified {
                line.push_str(lang.pick("（工作定义）", " (working definition)"));
            }
            h.push_str(&format!("<li>{}</li>", escape_xml(&line)));
        }
        h.push_str("</ul>");
    }
    h.push_str(&format!(
        "<h3>{}</h3>",
        lang.pick(
            "各企业的结果如何得出",
            "How each firm's figures are reached"
        )
    ));
    paragraphs(&mut h, &method_note(q, lang));
    let mut groups = questionnaire_and_target_sources(q, profile, lang);
    groups.retain(|g| !g.entries.is_empty());
    h.push_str(&sources_html(&groups));
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::text::Text;

    fn profile() -> TargetProfile {
        TargetProfile {
            id: "p".into(),
            name: Text::new("泰州市 2025 年目标", "Taizhou targets 2025"),
            region: Text::new("江苏省泰州市", "Taizhou, Jiangsu"),
            year: 2025,
            scope: Text::new("重点企业", "key firms"),
            source: Text::new("《泰州 <意见>》", "Taizhou opinions"),
            date: Some("2024-04-09".into()),
            note: None,
            targets: Default::default(),
        }
    }

    #[test]
    fn the_titles_name_the_profile_and_the_day_printed() {
        let t = rollup_print_titles(&profile(), "2026-12-02", Lang::Zh);
        assert_eq!(t.running, "泰州市 2025 年目标 · 2026-12-02");
        assert_eq!(t.document, "区域汇总报告 · 泰州市 2025 年目标 · 2026-12-02");
        let t = rollup_print_titles(&profile(), "2026-12-02", Lang::En);
        assert_eq!(
            t.document,
            "Roll-up report · Taizhou targets 2025 · 2026-12-02"
        );
    }

    #[test]
    fn a_printed_table_escapes_its_cells_and_heads_each_row() {
        let t = ScreenTable {
            caption: "a & b".into(),
            headings: vec!["指标".into(), "目标".into()],
            keys: vec!["cnc_rate".into()],
            rows: vec![vec!["<x>".into(), "65%".into()]],
        };
        assert_eq!(
            table_html(&t, "k"),
            "<table class=\"rollup-print-table k\"><caption>a &amp; b</caption><thead><tr><th scope=\"col\">指标</th><th scope=\"col\">目标</th></tr></thead><tbody><tr data-row=\"cnc_rate\"><th scope=\"row\">&lt;x&gt;</th><td>65%</td></tr></tbody></table>"
        );
    }

    #[test]
    fn a_firm_is_complete_or_says_how_far_it_answered() {
        assert_eq!(completion_text(false, 100.0, Lang::Zh), "已答完");
        assert_eq!(
            completion_text(true, 87.5, Lang::Zh),
            "未答完，完成度 87.5%（结果为暂定）"
        );
        assert_eq!(
            completion_text(true, 200.0 / 3.0, Lang::En),
            "Incomplete, 66.7% answered (provisional)"
        );
    }
}
