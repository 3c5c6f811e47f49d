//! How every figure and level name reads, in both languages. The rows of
//! `domain::report` word their figures only through these functions, and the views,
//! the charts and the CLI take their words from the rows (or from here), so that one
//! figure reads the same in a table, a chart, a sentence and the printed report.

use crate::domain::model::benchmark::ActualValue;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
use crate::domain::model::text::Lang;

/// What a cell shows where there is nothing to show.
pub const DASH: &str = "—";

/// One decimal, with the half-way case rounded away from zero; never `-0.0`.
pub fn round1(v: f64) -> f64 {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// A computed share: one decimal, "66.7%". Tables, charts and sentences all use it.
pub fn format_percent(v: f64) -> String {
    format!("{:.1}%", round1(v))
}

/// A target or a published value as policy documents write it: "68%", or "67.5%"
/// where it has a fraction (these are authored figures, not computed ones).
pub fn format_target(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}%")
    } else {
        format!("{v}%")
    }
}

/// Percentage points, one decimal without the unit: "13.0".
pub fn format_pp(v: f64) -> String {
    format!("{:.1}", round1(v))
}

/// A computed score: at most two decimals, trailing zeros dropped ("50.75", "10").
pub fn format_score(v: f64) -> String {
    let s = format!("{v:.2}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A maturity score (0–5), cut (not rounded) to two decimals: 1.798 reads "1.79", so
/// that its level (一级 below 1.8) can be read from it, never "1.8". A gap to the next
/// level is worded from the same cut figure (`maturity_gap`).
pub fn format_maturity(v: f64) -> String {
    format!("{:.2}", cut2(v))
}

/// The distance from the cut score to `threshold`: 1.8 − 1.79 = "0.01".
pub fn maturity_gap(threshold: f64, v: f64) -> String {
    format!("{:.2}", ((threshold - cut2(v)) * 100.0).round() / 100.0)
}

/// Down to two decimals, with binary noise first taken off (2.3 × 100 is 229.99999…).
fn cut2(v: f64) -> f64 {
    ((v * 100.0 * 1e6).round() / 1e6).floor() / 100.0
}

/// The points an item or dimension carries, as the questionnaire file sets them
/// ("1.875 分"): an authored figure, shown in full like a target.
pub fn format_points(points: f64, lang: Lang) -> String {
    let p = if points.fract() == 0.0 {
        format!("{points:.0}")
    } else {
        format!("{points}")
    };
    match lang {
        Lang::Zh => format!("{p} 分"),
        Lang::En => format!("{p} points"),
    }
}

/// "已填写 17/39 项": how many of the questions asked are answered.
pub fn progress_text(answered: usize, asked: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已填写 {answered}/{asked} 项"),
        Lang::En => format!("{answered} of {asked} answered"),
    }
}

/// A section's own count in the navigation, kept short: "3/8", "3 of 8".
pub fn answered_of(answered: usize, asked: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{answered}/{asked}"),
        Lang::En => format!("{answered} of {asked}"),
    }
}

/// The size of a saved entry that cannot be read: "empty", or its length.
pub fn entry_length(characters: usize, lang: Lang) -> String {
    match (characters, lang) {
        (0, _) => lang
            .pick("空（0 个字符）", "empty (0 characters)")
            .to_string(),
        (n, Lang::Zh) => format!("{n} 个字符"),
        (n, Lang::En) => format!("{n} characters"),
    }
}

/// A number of firms: "12 家企业", "12 firms", "1 firm".
pub fn firm_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{n} 家企业"),
        Lang::En if n == 1 => "1 firm".to_string(),
        Lang::En => format!("{n} firms"),
    }
}

/// A number of files: "3 份", "3 files", "1 file".
pub fn file_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{n} 份"),
        Lang::En if n == 1 => "1 file".to_string(),
        Lang::En => format!("{n} files"),
    }
}

/// A number of assessments: "3 份评估", "3 assessments", "1 assessment".
pub fn assessment_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{n} 份评估"),
        Lang::En if n == 1 => "1 assessment".to_string(),
        Lang::En => format!("{n} assessments"),
    }
}

/// Firms counted out of a whole, with the share computed from them: "3/4（75.0%）",
/// "3 of 4 (75.0%)"; "—" when the whole is 0 (no share).
pub fn count_share(count: usize, of: usize, share: Option<f64>, lang: Lang) -> String {
    match share {
        None => DASH.to_string(),
        Some(share) => {
            let pct = format_percent(share);
            match lang {
                Lang::Zh => format!("{count}/{of}（{pct}）"),
                Lang::En => format!("{count} of {of} ({pct})"),
            }
        }
    }
}

/// A target profile's document with its date where the title does not give it:
/// "《…》，2024-04-09".
pub fn profile_document(p: &TargetProfile, lang: Lang) -> String {
    let source = p.source.get(lang);
    let mut s = source.to_string();
    if let Some(date) = p.date.as_ref().filter(|d| !source.contains(d.as_str())) {
        s.push_str(lang.pick("，", ", "));
        s.push_str(date);
    }
    s
}

/// A target profile as a citation: "《…》，…（适用于：规模以上工业企业）".
pub fn profile_source(p: &TargetProfile, lang: Lang) -> String {
    let s = profile_document(p, lang);
    let scope = p.scope.get(lang);
    match lang {
        Lang::Zh => format!("{s}（适用于：{scope}）"),
        Lang::En => format!("{s} (for: {scope})"),
    }
}

/// A target quoted with its profile and the firms it is for:
/// "75%（全国 2027 年目标，规模以上工业企业）".
pub fn target_quoted(target: f64, profile_name: &str, scope: &str, lang: Lang) -> String {
    let t = format_target(target);
    match lang {
        Lang::Zh => format!("{t}（{profile_name}，{scope}）"),
        Lang::En => format!("{t} ({profile_name}, {scope})"),
    }
}

/// A national value with its period and the firms it was measured over:
/// "66.2%（2025-03，工业企业）".
pub fn national_quoted(n: &ActualValue, lang: Lang) -> String {
    let v = format_target(n.value);
    match lang {
        Lang::Zh => format!("{v}（{}，{}）", n.period, n.series.get(lang)),
        Lang::En => format!("{v} ({}, {})", n.period, n.series.get(lang)),
    }
}

pub fn not_applicable(lang: Lang) -> &'static str {
    lang.pick("不适用", "Not applicable")
}

pub fn not_answered(lang: Lang) -> &'static str {
    lang.pick("待填写", "Not yet answered")
}

pub fn check_input(lang: Lang) -> &'static str {
    lang.pick("输入有误", "Check input")
}

/// The name the questionnaire gives level `level` ("二级", "Level 3 Integrated"): the
/// one place a level number becomes its name.
pub fn level_name(q: &Questionnaire, level: u8, lang: Lang) -> Option<&str> {
    let index = usize::from(level).checked_sub(1)?;
    q.levels.get(index).map(|d| d.name.get(lang))
}

/// A level as an answer or a scenario reads it: its name, or "3 级" / "Level 3" where
/// the questionnaire names no such level.
pub fn level_label(q: &Questionnaire, level: u8, lang: Lang) -> String {
    if level == 0 && !q.levels.is_empty() {
        return overall_level_name(q, None, lang);
    }
    match level_name(q, level, lang) {
        Some(name) => name.to_string(),
        None => match lang {
            Lang::Zh => format!("{level} 级"),
            Lang::En => format!("Level {level}"),
        },
    }
}

/// The firm's overall level: its name, "未达一级" below the first one, or empty where
/// the questionnaire has no levels.
pub fn overall_level_name(q: &Questionnaire, level: Option<u8>, lang: Lang) -> String {
    if let Some(name) = level.and_then(|l| level_name(q, l, lang)) {
        return name.to_string();
    }
    match q.levels.first() {
        None => String::new(),
        Some(first) => {
            let first = first.name.get(lang);
            match lang {
                Lang::Zh => format!("未达{first}"),
                Lang::En => format!("Below {first}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_length_says_when_it_is_empty() {
        assert_eq!(entry_length(0, Lang::Zh), "空（0 个字符）");
        assert_eq!(entry_length(12, Lang::En), "12 characters");
        assert_eq!(entry_length(1, Lang::Zh), "1 个字符");
    }

    #[test]
    fn percent_has_one_decimal_and_rounds_half_away_from_zero() {
        // 66.65 is stored as 66.650000000000005…: either way it reads 66.7.
        assert_eq!(format_percent(66.65), "66.7%");
        // Two thirds, as a dimension at 2 of 3 points is.
        assert_eq!(format_percent(200.0 / 3.0), "66.7%");
        // Exactly half-way in binary: Rust's `{:.1}` alone would print 0.2 (to even).
        assert_eq!(format_percent(0.25), "0.3%");
        assert_eq!(format_percent(12.25), "12.3%");
        assert_eq!(format_percent(0.0), "0.0%");
        assert_eq!(format_percent(100.0), "100.0%");
        assert_eq!(format_percent(99.96), "100.0%");
        assert_eq!(format_percent(-0.04), "0.0%", "never -0.0");
    }

    #[test]
    fn points_of_a_gap_have_one_decimal() {
        assert_eq!(format_pp(13.0), "13.0");
        assert_eq!(format_pp(34.666_666), "34.7");
        assert_eq!(format_pp(-0.01), "0.0");
    }

    #[test]
    fn targets_and_authored_points_read_as_written() {
        assert_eq!(format_target(68.0), "68%");
        assert_eq!(format_target(67.5), "67.5%");
        assert_eq!(format_points(1.875, Lang::Zh), "1.875 分");
        assert_eq!(format_points(20.0, Lang::En), "20 points");
    }

    #[test]
    fn a_maturity_score_is_cut_so_that_its_level_reads_from_it() {
        // 1.798… is below 二级's 1.8: "1.79", 0.01 short, never "1.8 … 0".
        assert_eq!(format_maturity(1.798_076_923), "1.79");
        assert_eq!(maturity_gap(1.8, 1.798_076_923), "0.01");
        assert_eq!(format_maturity(2.75), "2.75");
        assert_eq!(maturity_gap(2.8, 2.75), "0.05");
        assert_eq!(
            format_maturity(2.3),
            "2.30",
            "2.3 × 100 is 229.999…: not 2.29"
        );
        assert_eq!(format_maturity(0.0), "0.00");
        assert_eq!(format_maturity(5.0), "5.00");
    }

    #[test]
    fn scores_keep_two_decimals_at_most() {
        assert_eq!(format_score(50.75), "50.75");
        assert_eq!(format_score(10.0), "10");
        assert_eq!(format_score(2.5), "2.5");
        // 9.2500000001 (a sum of fractions) reads as the 9.25 it is.
        assert_eq!(format_score(9.250_000_000_1), "9.25");
    }

    #[test]
    fn targets_are_quoted_with_their_profile_and_scope() {
        assert_eq!(
            target_quoted(75.0, "全国 2027 年目标", "规模以上工业企业", Lang::Zh),
            "75%（全国 2027 年目标，规模以上工业企业）"
        );
        assert_eq!(
            target_quoted(70.0, "National targets 2027", "industrial firms", Lang::En),
            "70% (National targets 2027, industrial firms)"
        );
        let n = ActualValue {
            indicator: "cnc_rate".into(),
            period: "2025-03".into(),
            value: 66.2,
            series: crate::domain::model::text::Text::new("工业企业", "industrial firms"),
            source: crate::domain::model::text::Text::new("工业和信息化部", "MIIT"),
            date: Some("2025-04-18".into()),
        };
        assert_eq!(national_quoted(&n, Lang::Zh), "66.2%（2025-03，工业企业）");
        assert_eq!(
            national_quoted(&n, Lang::En),
            "66.2% (2025-03, industrial firms)"
        );
    }

    #[test]
    fn words_where_there_is_no_figure() {
        assert_eq!(not_applicable(Lang::Zh), "不适用");
        assert_eq!(not_applicable(Lang::En), "Not applicable");
        assert_eq!(not_answered(Lang::Zh), "待填写");
        assert_eq!(check_input(Lang::En), "Check input");
        assert_eq!(progress_text(17, 39, Lang::Zh), "已填写 17/39 项");
        assert_eq!(progress_text(17, 39, Lang::En), "17 of 39 answered");
        assert_eq!(answered_of(3, 8, Lang::Zh), "3/8");
        assert_eq!(answered_of(3, 8, Lang::En), "3 of 8");
    }

    #[test]
    fn counts_of_firms_and_files_and_their_shares() {
        assert_eq!(firm_count(12, Lang::Zh), "12 家企业");
        assert_eq!(firm_count(1, Lang::En), "1 firm");
        assert_eq!(firm_count(0, Lang::En), "0 firms");
        assert_eq!(file_count(3, Lang::Zh), "3 份");
        assert_eq!(file_count(1, Lang::En), "1 file");
        // 2 of 3 firms: 66.666…% reads with one decimal like every computed share.
        assert_eq!(
            count_share(2, 3, Some(200.0 / 3.0), Lang::Zh),
            "2/3（66.7%）"
        );
        assert_eq!(
            count_share(2, 3, Some(200.0 / 3.0), Lang::En),
            "2 of 3 (66.7%)"
        );
        assert_eq!(count_share(0, 0, None, Lang::En), "—");
    }
}
