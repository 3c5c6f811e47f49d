//! The recommendations that apply, with what each one gains.

use super::format::{format_pp, format_score, national_quoted, target_quoted, DASH};
use crate::domain::compute::assessment::Assessment;
use crate::domain::compute::recommend::Gain;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct AdviceRow {
    pub id: String,
    pub action: String,
    pub rationale: String,
    pub measure: String,
    /// "最多可提升 27.75 分（数字化基础）", "关键工序数控化率距目标 13.0 个百分点".
    pub gain_text: String,
}

/// The name of a section, dimension or indicator, for a gain's "of what".
fn name_of(q: &Questionnaire, id: &str, lang: Lang) -> String {
    q.sections
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.title.get(lang).to_string())
        .or_else(|| {
            q.sections
                .iter()
                .flat_map(|s| &s.dimensions)
                .find(|d| d.id == id)
                .map(|d| d.title.get(lang).to_string())
        })
        .or_else(|| q.indicator(id).map(|i| i.name.get(lang).to_string()))
        .unwrap_or_else(|| id.to_string())
}

/// A recommendation's text with its figures filled in: `{target(x)}` becomes the
/// selected profile's target for indicator `x`, quoted with the profile and the firms it
/// is for, and `{national(x)}` the latest national value with its period and series, so
/// that the advice never quotes the national target when another profile is selected.
pub fn fill_figures(text: &str, a: &Assessment, lang: Lang) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let inner = &rest[start + 1..start + len];
        let figure = inner
            .strip_prefix("target(")
            .and_then(|x| x.strip_suffix(')'))
            .map(|x| match a.indicator(x).and_then(|i| i.target) {
                Some(t) => {
                    target_quoted(t, a.profile_name.get(lang), a.target_scope.get(lang), lang)
                }
                None => {
                    let p = a.profile_name.get(lang);
                    match lang {
                        Lang::Zh => format!("（{p}未设此项目标）"),
                        Lang::En => format!("(no target in {p})"),
                    }
                }
            })
            .or_else(|| {
                inner
                    .strip_prefix("national(")
                    .and_then(|x| x.strip_suffix(')'))
                    .map(|x| {
                        a.indicator(x)
                            .and_then(|i| i.national.as_ref())
                            .map_or_else(|| DASH.to_string(), |n| national_quoted(n, lang))
                    })
            });
        match figure {
            Some(f) => {
                out.push_str(&rest[..start]);
                out.push_str(&f);
            }
            None => out.push_str(&rest[..start + len + 1]),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

pub fn advice_rows(q: &Questionnaire, a: &Assessment, lang: Lang) -> Vec<AdviceRow> {
    let zh = lang == Lang::Zh;
    a.advice
        .iter()
        .map(|r| {
            let gain_text = match &r.gain {
                Gain::Points { of, points } => {
                    let (p, of) = (format_score(*points), name_of(q, of, lang));
                    if zh {
                        format!("最多可提升 {p} 分（{of}）")
                    } else {
                        format!("Up to {p} points ({of})")
                    }
                }
                Gain::Levels { of, levels, .. } => {
                    let (l, of) = (format_score(*levels), name_of(q, of, lang));
                    if zh {
                        format!("{of}还可提升 {l} 级")
                    } else {
                        format!("{of}: {l} levels to go")
                    }
                }
                Gain::TargetGap { indicator, pp } => {
                    let (p, of) = (format_pp(*pp), name_of(q, indicator, lang));
                    if zh {
                        format!("{of}距目标 {p} 个百分点")
                    } else {
                        format!("{of}: {p} pp below target")
                    }
                }
                Gain::None => String::new(),
            };
            AdviceRow {
                id: r.id.clone(),
                action: fill_figures(r.action.get(lang), a, lang),
                rationale: fill_figures(r.rationale.get(lang), a, lang),
                measure: r
                    .measure
                    .as_ref()
                    .map(|m| m.get(lang).to_string())
                    .unwrap_or_default(),
                gain_text,
            }
        })
        .collect()
}
