//! The printed report's static parts as markup: the cover, the summary's largest gaps,
//! the appendix of answers and the method note with its sources. The report is read,
//! not edited, so these parts are pure functions of the rows to HTML, as the charts are
//! of the rows to SVG: every text is escaped, and the browser app carries one string
//! builder instead of a view per element.

use super::answers::answer_text;
use super::sources::{method_note, source_groups, SourceGroup};
use crate::domain::compute::assessment::Assessment;
use crate::domain::model::answers::Answers;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
use crate::domain::model::text::Lang;
use crate::domain::util::escape::escape_xml;

/// What the cover shows, in the report's language.
pub struct Cover<'a> {
    pub lang: Lang,
    pub firm: &'a str,
    /// "制造业中小企业数字化水平自评 · v2024.3".
    pub questionnaire: &'a str,
    pub sector_and_size: &'a str,
    pub region: &'a str,
    pub profile: &'a str,
    pub date: &'a str,
    /// "王工（泰州数字化服务中心）", or empty.
    pub consultant: &'a str,
    /// The logo as a `data:` URL, if the consultant gave one.
    pub logo: Option<&'a str>,
}

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_string()
    } else {
        escape_xml(s)
    }
}

/// A printed cover, whichever report it opens (one firm's, a roll-up's): the logo if
/// the consultant gave one, what the report is, its title and the line under it, then
/// its facts as a list of terms (each with a class for the stylesheet; an empty value
/// reads "—"), and a note on what the report is not.
pub struct CoverBlock<'a> {
    pub lang: Lang,
    pub logo: Option<&'a str>,
    /// "数字化转型自评报告".
    pub kicker: &'a str,
    pub title: &'a str,
    /// The title's class: "report-firm", "report-title".
    pub title_class: &'a str,
    pub subtitle: &'a str,
    /// (class, term, value).
    pub facts: &'a [(&'a str, &'a str, &'a str)],
    pub note: &'a str,
}

pub fn cover_block_html(c: &CoverBlock) -> String {
    let mut h = String::from("<div class=\"cover-head\">");
    if let Some(logo) = c.logo {
        h.push_str(&format!(
            "<img class=\"report-logo\" src=\"{}\" alt=\"{}\">",
            escape_xml(logo),
            c.lang.pick("机构标志", "Organisation logo")
        ));
    }
    h.push_str(&format!(
        "<p class=\"report-kicker\">{}</p><h1 class=\"{}\">{}</h1><p class=\"report-questionnaire\">{}</p></div><dl class=\"report-meta\">",
        escape_xml(c.kicker),
        escape_xml(c.title_class),
        escape_xml(c.title),
        escape_xml(c.subtitle),
    ));
    for (class, term, value) in c.facts {
        h.push_str(&format!(
            "<dt>{}</dt><dd class=\"{}\">{}</dd>",
            escape_xml(term),
            escape_xml(class),
            or_dash(value)
        ));
    }
    h.push_str(&format!(
        "</dl><p class=\"cover-note\">{}</p>",
        escape_xml(c.note)
    ));
    h
}

/// The consultant as the cover names them: "王工（泰州数字化服务中心）", the name or the
/// organisation alone, or empty when neither is given.
pub fn consultant_text(name: &str, organisation: &str, lang: Lang) -> String {
    let (n, o) = (name.trim(), organisation.trim());
    match (n.is_empty(), o.is_empty()) {
        (true, true) => String::new(),
        (false, true) => n.to_string(),
        (true, false) => o.to_string(),
        (false, false) => match lang {
            Lang::Zh => format!("{n}（{o}）"),
            Lang::En => format!("{n} ({o})"),
        },
    }
}

/// The cover: logo, firm, questionnaire, then who and what the report is for.
pub fn cover_html(c: &Cover) -> String {
    let l = c.lang;
    cover_block_html(&CoverBlock {
        lang: l,
        logo: c.logo,
        kicker: l.pick("数字化转型自评报告", "Digital transformation self-assessment report"),
        title: c.firm,
        title_class: "report-firm",
        subtitle: c.questionnaire,
        facts: &[
            (
                "",
                l.pick("行业 / 规模", "Sector / size"),
                c.sector_and_size,
            ),
            ("", l.pick("地区", "Region"), c.region),
            ("", l.pick("对标目标", "Target profile"), c.profile),
            ("report-date", l.pick("报告日期", "Date"), c.date),
            (
                "report-consultant",
                l.pick("咨询顾问", "Consultant"),
                c.consultant,
            ),
        ],
        note: l.pick(
            "本报告根据企业填写的自评答案在本机生成，供企业与咨询顾问讨论改进方向之用，不是官方评定结果。",
            "This report was produced on this device from the firm's own answers, for the firm and its consultant to discuss what to improve; it is not an official rating."
        ),
    })
}

/// The summary's largest gaps, kept together with their heading; empty without gaps.
pub fn gaps_html(gaps: &[String], lang: Lang) -> String {
    if gaps.is_empty() {
        return String::new();
    }
    let mut h = format!(
        "<h3>{}</h3><ol class=\"summary-gaps\">",
        lang.pick("最大的差距", "Largest gaps")
    );
    for g in gaps {
        h.push_str(&format!("<li>{}</li>", escape_xml(g)));
    }
    h.push_str("</ol>");
    h
}

/// The appendix: every question with its answer as it reads, by section, under a header
/// row a printed table repeats on each page.
pub fn answers_html(q: &Questionnaire, answers: &Answers, a: &Assessment, lang: Lang) -> String {
    let mut h = format!(
        "<h2>{}</h2><table class=\"answers-table\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>",
        lang.pick("附录：填写的答案", "Appendix: the answers given"),
        lang.pick("问题", "Question"),
        lang.pick("答案", "Answer"),
    );
    for s in &q.sections {
        h.push_str(&format!(
            "<tbody><tr class=\"group\"><th colspan=\"2\" scope=\"rowgroup\">{}</th></tr>",
            escape_xml(s.title.get(lang))
        ));
        for item in s.dimensions.iter().flat_map(|d| &d.items) {
            let answer = answer_text(q, item, answers, &a.evaluation, lang);
            h.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                escape_xml(item.text.get(lang)),
                escape_xml(&answer)
            ));
        }
        h.push_str("</tbody>");
    }
    h.push_str("</table>");
    h
}

/// The method note and the sources, as a client reads them.
pub fn method_html(
    q: &Questionnaire,
    a: &Assessment,
    profile: &TargetProfile,
    lang: Lang,
) -> String {
    let mut h = format!(
        "<h2>{}</h2><div class=\"method-note\">",
        lang.pick("方法与来源", "Method and sources")
    );
    for p in method_note(q, lang) {
        h.push_str(&format!("<p>{}</p>", escape_xml(&p)));
    }
    h.push_str("</div>");
    h.push_str(&sources_html(&source_groups(q, a, profile, lang)));
    h
}

/// A source list: each group's heading and its entries.
pub fn sources_html(groups: &[SourceGroup]) -> String {
    let mut h = String::new();
    for g in groups {
        h.push_str(&format!("<h3>{}</h3><ul class=\"sources\">", g.heading));
        for e in &g.entries {
            h.push_str(&format!("<li>{}</li>", escape_xml(e)));
        }
        h.push_str("</ul>");
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cover(firm: &str, logo: Option<&str>) -> String {
        cover_html(&Cover {
            lang: Lang::En,
            firm,
            questionnaire: "Quick check · v1.0.0",
            sector_and_size: "",
            region: "Taizhou",
            profile: "National targets 2025",
            date: "2026-12-02",
            consultant: "Wang Gong (Taizhou Digital Services Centre)",
            logo,
        })
    }

    #[test]
    fn what_a_user_typed_stays_text_on_the_cover() {
        let h = cover("<img src=x onerror=alert(1)> & Co", None);
        assert!(
            h.contains(
                "<h1 class=\"report-firm\">&lt;img src=x onerror=alert(1)&gt; &amp; Co</h1>"
            ),
            "{h}"
        );
        assert!(!h.contains("<img src=x"), "{h}");
        assert!(!h.contains("report-logo"), "no logo given: no image");
    }

    #[test]
    fn the_cover_names_everything_and_marks_what_is_missing() {
        let h = cover("Acme", Some("data:image/png;base64,TWFu"));
        assert!(h.contains("<img class=\"report-logo\" src=\"data:image/png;base64,TWFu\" alt=\"Organisation logo\">"));
        // No sector or size given: a dash, not an empty line.
        assert!(
            h.contains("<dt>Sector / size</dt><dd class=\"\">—</dd>"),
            "{h}"
        );
        assert!(h.contains("<dd class=\"report-date\">2026-12-02</dd>"));
        assert!(h.contains(
            "<dd class=\"report-consultant\">Wang Gong (Taizhou Digital Services Centre)</dd>"
        ));
    }

    #[test]
    fn gaps_are_listed_under_their_heading_or_not_at_all() {
        assert_eq!(gaps_html(&[], Lang::Zh), "");
        assert_eq!(
            gaps_html(&["a < b".to_string()], Lang::Zh),
            "<h3>最大的差距</h3><ol class=\"summary-gaps\"><li>a &lt; b</li></ol>"
        );
    }
}
