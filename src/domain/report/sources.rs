//! The report's method note and source list, as a client reads them: published
//! documents by title, issuer and date; what is Shuzhuan's own way of computing said
//! once, in plain words, instead of being cited like a document.

use super::format::{national_quoted, profile_source};
use crate::domain::compute::assessment::Assessment;
use crate::domain::model::benchmark::ActualValue;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
use crate::domain::model::text::Lang;

/// The method note's paragraphs: where the computation runs, then the questionnaire's
/// own note (`method` in its file: how its figures are reached, in plain words).
pub fn method_note(q: &Questionnaire, lang: Lang) -> Vec<String> {
    let mut out = vec![lang
        .pick(
            "所有计算均在本机浏览器内完成，答案不会上传。",
            "Everything was computed in the browser on this device; the answers were not uploaded.",
        )
        .to_string()];
    if let Some(method) = &q.method {
        out.extend(
            method
                .get(lang)
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string),
        );
    }
    out
}

/// A heading of the source list and its entries.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceGroup {
    pub heading: &'static str,
    pub entries: Vec<String>,
}

/// The questionnaire's documents and, where it has indicators, the targets' document: the
/// sources a firm's report and the roll-up report both list first.
pub fn questionnaire_and_target_sources(
    q: &Questionnaire,
    profile: &TargetProfile,
    lang: Lang,
) -> Vec<SourceGroup> {
    let mut groups = vec![SourceGroup {
        heading: lang.pick("问卷依据", "Questionnaire based on"),
        entries: document_sources(q, lang),
    }];
    if !q.indicators.is_empty() {
        groups.push(SourceGroup {
            heading: lang.pick("目标值", "Targets"),
            entries: vec![target_source(profile, lang)],
        });
    }
    groups
}

/// The report's source list: the questionnaire's documents, the targets' document, and
/// the national values quoted (a group without entries is left out).
pub fn source_groups(
    q: &Questionnaire,
    a: &Assessment,
    profile: &TargetProfile,
    lang: Lang,
) -> Vec<SourceGroup> {
    let mut groups = questionnaire_and_target_sources(q, profile, lang);
    groups.push(SourceGroup {
        heading: lang.pick("全国实际值", "National actual values"),
        entries: national_sources(q, a, lang),
    });
    groups.retain(|g| !g.entries.is_empty());
    groups
}

/// The published documents the questionnaire follows, as "title, issuer, date"; Shuzhuan's
/// own conventions and compilations are in the method note instead.
pub fn document_sources(q: &Questionnaire, lang: Lang) -> Vec<String> {
    q.sources
        .iter()
        .filter(|s| !s.is_own())
        .map(|s| s.citation(lang))
        .collect()
}

/// The target profile's document, with the firms its targets are for.
pub fn target_source(p: &TargetProfile, lang: Lang) -> String {
    profile_source(p, lang)
}

/// Each national value the report quotes, with who published it and when:
/// "关键工序数控化率：66.2%（2025-03，工业企业）——工业和信息化部，2025-04-18".
pub fn national_sources(q: &Questionnaire, a: &Assessment, lang: Lang) -> Vec<String> {
    a.indicators
        .iter()
        .filter_map(|i| {
            let n = i.national.as_ref()?;
            let name = q
                .indicator(&i.id)
                .map_or(i.id.as_str(), |d| d.name.get(lang));
            Some(national_line(name, n, lang))
        })
        .collect()
}

fn national_line(name: &str, n: &ActualValue, lang: Lang) -> String {
    let quoted = national_quoted(n, lang);
    let by = if n.is_from_compilation() {
        lang.pick(
            "公开发布的数据，原发布文件未记录",
            "a published figure whose issuing document is not recorded",
        )
        .to_string()
    } else {
        let mut s = n.source.get(lang).to_string();
        if let Some(d) = &n.date {
            s.push_str(lang.pick("，", ", "));
            s.push_str(d);
        }
        s
    };
    match lang {
        Lang::Zh => format!("{name}：{quoted}——{by}"),
        Lang::En => format!("{name}: {quoted}; {by}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::text::Text;

    fn value(source: Text, date: Option<&str>) -> ActualValue {
        ActualValue {
            indicator: "cnc_rate".into(),
            period: "2025-03".into(),
            value: 66.2,
            series: Text::new("工业企业", "industrial firms"),
            source,
            date: date.map(Into::into),
        }
    }

    #[test]
    fn a_national_value_names_its_publisher_and_date_in_each_language() {
        let n = value(Text::new("工业和信息化部", "MIIT"), Some("2025-04-18"));
        assert_eq!(
            national_line("关键工序数控化率", &n, Lang::Zh),
            "关键工序数控化率：66.2%（2025-03，工业企业）——工业和信息化部，2025-04-18"
        );
        assert_eq!(
            national_line("CNC ratio", &n, Lang::En),
            "CNC ratio: 66.2% (2025-03, industrial firms); MIIT, 2025-04-18"
        );
    }

    #[test]
    fn a_value_from_our_compilation_says_so_instead_of_citing_the_compilation() {
        let n = value(
            Text {
                zh: "数转参考资料汇编（原发布文件未注明）".into(),
                en: None,
            },
            None,
        );
        let zh = national_line("关键工序数控化率", &n, Lang::Zh);
        assert!(zh.ends_with("——公开发布的数据，原发布文件未记录"), "{zh}");
        assert!(!zh.contains("汇编"), "{zh}");
    }
}
