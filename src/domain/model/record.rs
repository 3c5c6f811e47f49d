//! An assessment as a record of one firm over time: its round (a label such as
//! "2025 基线" or "T1") and the day it was assessed (an ISO date, `YYYY-MM-DD`).

/// Whether `text` is a calendar date written `YYYY-MM-DD` (what `<input type="date">`
/// gives, and what spreadsheets and DuckDB read as a date).
pub fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The day of an ISO timestamp (`2026-12-02T03:30:00.000Z` → `2026-12-02`, the day in
/// UTC, as the timestamp is written); empty if it does not start with a date.
pub fn date_of(timestamp: &str) -> String {
    timestamp
        .get(..10)
        .filter(|d| is_iso_date(d))
        .unwrap_or_default()
        .to_string()
}

/// The round suggested for a re-assessment after `round`: its last number one up, as
/// wide as it was ("T1" → "T2", "第2轮" → "第3轮", "2025 基线" → "2026 基线", "R09" →
/// "R10"); "T1" after an assessment with no round (taken as the baseline, T0); a label
/// without a number gets " 2" (its second round).
pub fn next_round(round: &str) -> String {
    let round = round.trim();
    if round.is_empty() {
        return "T1".to_string();
    }
    let Some(end) = round.rfind(|c: char| c.is_ascii_digit()).map(|i| i + 1) else {
        return format!("{round} 2");
    };
    let start = round[..end]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let digits = &round[start..end];
    // Carried by hand, so that a number of any length goes up by one.
    let mut next: Vec<u8> = digits.bytes().collect();
    let mut i = next.len();
    loop {
        if i == 0 {
            next.insert(0, b'1');
            break;
        }
        i -= 1;
        if next[i] == b'9' {
            next[i] = b'0';
        } else {
            next[i] += 1;
            break;
        }
    }
    let mut out = round[..start].to_string();
    out.extend(next.into_iter().map(char::from));
    out.push_str(&round[end..]);
    out
}

/// What the list of assessments says beside a firm: its round and its day (the day
/// assessed, else the day it was last saved), e.g. "T1 · 2026-03-31".
pub fn round_and_day(round: &str, assessed_on: &str, updated_at: &str) -> String {
    let day = if assessed_on.is_empty() {
        date_of(updated_at)
    } else {
        assessed_on.to_string()
    };
    match (round.trim(), day.as_str()) {
        ("", day) => day.to_string(),
        (round, "") => round.to_string(),
        (round, day) => format!("{round} · {day}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        for ok in ["2025-01-31", "2024-02-29", "2000-02-29", "2026-12-02"] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in [
            "",
            "2025-1-31",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "2023-02-29",
            "1900-02-29",
            "2025/01/31",
            "２０２５-01-31",
            "2025-01-31T00",
            "20250131xx",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn a_timestamp_gives_its_day_or_nothing() {
        assert_eq!(date_of("2026-12-02T03:30:00.000Z"), "2026-12-02");
        assert_eq!(date_of("2026-11-21"), "2026-11-21");
        assert_eq!(date_of("u"), "");
        assert_eq!(date_of(""), "");
        assert_eq!(date_of("2026-13-02T03:30:00Z"), "");
        // A multi-byte character across byte 10 is no date, not a panic.
        assert_eq!(date_of("2026-12-0日"), "");
    }

    #[test]
    fn the_list_says_the_round_and_the_day_assessed_or_last_saved() {
        let saved = "2026-12-02T03:30:00.000Z";
        assert_eq!(round_and_day("T1", "2026-03-31", saved), "T1 · 2026-03-31");
        assert_eq!(round_and_day("", "", saved), "2026-12-02");
        assert_eq!(round_and_day("T1", "", "u"), "T1");
        assert_eq!(round_and_day(" ", "", ""), "");
    }

    #[test]
    fn the_next_round_counts_up_its_last_number() {
        for (now, next) in [
            ("", "T1"),
            ("  ", "T1"),
            ("T0", "T1"),
            ("T1", "T2"),
            ("T9", "T10"),
            ("R09", "R10"),
            ("第2轮", "第3轮"),
            ("2025 基线", "2026 基线"),
            ("2025 第1轮", "2025 第2轮"),
            ("基线", "基线 2"),
            ("99", "100"),
            ("12345678901234567890999", "12345678901234567891000"),
        ] {
            assert_eq!(next_round(now), next, "after {now:?}");
        }
    }

    proptest! {
        /// The suggestion is never the round it follows, and keeps what is around the number.
        #[test]
        fn the_next_round_differs_and_keeps_the_words(prefix in "[a-zA-Z轮第 ]{0,4}", n in 0u64..1_000_000, suffix in "[a-z基线 ]{0,4}") {
            let round = format!("{prefix}{n}{suffix}");
            let next = next_round(&round);
            prop_assert_ne!(&next, round.trim());
            if !round.trim().is_empty() && !suffix.trim().is_empty() {
                let expected = format!("{}{}{}", prefix, n + 1, suffix);
                prop_assert_eq!(next, expected.trim().to_string());
            }
        }
    }
}
