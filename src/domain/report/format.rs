//! How every figure and level name reads, in both languages. The rows of
//! `domain::report` word their figures only through these functions, and the views,
//! the charts and the CLI take their words from the rows (or from here), so that one
//! figure reads the same in a table, a chart, a sentence and the printed report.

use crate::domain::model::questionnaire::Questionnaire;
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
    fn scores_keep_two_decimals_at_most() {
        assert_eq!(format_score(50.75), "50.75");
        assert_eq!(format_score(10.0), "10");
        assert_eq!(format_score(2.5), "2.5");
        // 9.2500000001 (a sum of fractions) reads as the 9.25 it is.
        assert_eq!(format_score(9.250_000_000_1), "9.25");
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
