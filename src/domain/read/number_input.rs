//! Reading numbers as people type them: surrounding spaces (also the ideographic space),
//! full-width digits (０–９) and thousands separators are accepted. Counts are whole
//! numbers; amounts may have decimals.

use serde::{Deserialize, Serialize};

use crate::domain::model::text::Text;

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum CountError {
    /// Not a whole number (a count).
    NotANumber,
    /// Not a number (an amount, which may have decimals).
    NotAnAmount,
    Negative,
    Fraction,
    TooLarge,
    BelowMin(u64),
    AboveMax(u64),
    BelowMinAmount(f64),
    AboveMaxAmount(f64),
}

/// Counts above this are refused as typing mistakes; no firm has a billion key processes.
const COUNT_LIMIT: u64 = 1_000_000_000;

impl CountError {
    pub fn message(self) -> Text {
        match self {
            CountError::NotANumber => {
                Text::new("请输入整数，例如 12", "Enter a whole number, e.g. 12")
            }
            CountError::NotAnAmount => Text::new(
                "请输入数字，可以带小数，例如 12.5",
                "Enter a number; decimals are fine, e.g. 12.5",
            ),
            CountError::Negative => Text::new("数量不能为负数", "A count cannot be negative"),
            CountError::Fraction => Text::new(
                "请输入整数，不能有小数",
                "Enter a whole number without decimals",
            ),
            CountError::TooLarge => Text::new(
                "数值过大，请检查输入",
                "This number is too large; please check it",
            ),
            CountError::BelowMin(min) => {
                Text::new(format!("不能小于 {min}"), format!("Must be at least {min}"))
            }
            CountError::AboveMax(max) => {
                Text::new(format!("不能大于 {max}"), format!("Must be at most {max}"))
            }
            CountError::BelowMinAmount(min) => {
                Text::new(format!("不能小于 {min}"), format!("Must be at least {min}"))
            }
            CountError::AboveMaxAmount(max) => {
                Text::new(format!("不能大于 {max}"), format!("Must be at most {max}"))
            }
        }
    }
}

/// Maps full-width forms to ASCII, leaving every other character as it is.
fn to_half_width(c: char) -> char {
    match c {
        '０'..='９' | '－' | '＋' | '．' | '，' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '。' => '.',
        _ => c,
    }
}

/// A number as typed, written with ASCII digits and signs ("１２０" → "120",
/// "１，２００．５" → "1,200.5"), trimmed; anything else is left as it is. For showing an
/// answer (the report): what is stored stays as it was typed.
pub fn normalized(raw: &str) -> String {
    raw.trim()
        .chars()
        .map(to_half_width)
        .collect::<String>()
        .trim()
        .to_string()
}

/// The value of `digits[.digits]` (ASCII; `12`, `12.5`, `.5`, `12.`), or None for
/// anything else (signs, exponents, other characters). Up to 15 significant digits it
/// is exactly `str::parse::<f64>`'s value: the digits make an exact integer, divided
/// by an exact power of ten, so the one rounding is the correctly rounded one. Beyond
/// that it may differ from it in the last bit. Written here because the standard
/// parser brings about 10 kB of tables into the browser app, for numbers people type.
fn decimal_value(s: &str) -> Option<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if (int.is_empty() && frac.is_empty())
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let frac = frac.trim_end_matches('0');
    let mut mantissa: u64 = 0;
    let mut exp10 = -(frac.len() as i32);
    let mut kept = 0;
    for b in int.bytes().chain(frac.bytes()).skip_while(|&b| b == b'0') {
        // 19 digits always fit a u64; later ones only scale the value.
        if kept < 19 {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            kept += 1;
        } else {
            exp10 += 1;
        }
    }
    let mut value = mantissa as f64;
    while exp10 > 22 {
        value *= 1e22;
        exp10 -= 22;
    }
    while exp10 < -22 {
        value /= 1e22;
        exp10 += 22;
    }
    let scale = POW10[exp10.unsigned_abs() as usize];
    Some(if exp10 >= 0 {
        value * scale
    } else {
        value / scale
    })
}

/// Whether `s` is digits grouped in threes by commas, like `1,200,000`.
fn is_grouped(s: &str) -> bool {
    let mut groups = s.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// `Ok(None)` for an empty field, `Ok(Some(n))` for a valid count.
// `str::parse::<u64>` brings no float tables: only f64 has a stand-in.
#[allow(clippy::disallowed_methods)]
fn parse_count(raw: &str) -> Result<Option<u64>, CountError> {
    let normalized: String = raw.trim().chars().map(to_half_width).collect();
    let s = normalized.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let unsigned = s.strip_prefix('+').unwrap_or(s);
    if let Some(rest) = unsigned.strip_prefix('-') {
        return Err(if decimal_value(rest.trim()).is_some() {
            CountError::Negative
        } else {
            CountError::NotANumber
        });
    }
    let digits: String = if unsigned.contains(',') && is_grouped(unsigned) {
        unsigned.replace(',', "")
    } else {
        unsigned.to_string()
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Some(v) = decimal_value(&digits) {
            if v.is_finite() && v.fract() != 0.0 {
                return Err(CountError::Fraction);
            }
            // "12.0": a whole number written with a decimal point.
            if v.is_finite() && v >= 0.0 && v <= COUNT_LIMIT as f64 {
                return Ok(Some(v as u64));
            }
            return Err(CountError::TooLarge);
        }
        return Err(CountError::NotANumber);
    }
    match digits.parse::<u64>() {
        Ok(v) if v <= COUNT_LIMIT => Ok(Some(v)),
        _ => Err(CountError::TooLarge),
    }
}

/// An amount such as `12.5` or `１，２００．５`: `Ok(None)` for an empty field.
fn parse_amount(raw: &str) -> Result<Option<f64>, CountError> {
    let normalized: String = raw.trim().chars().map(to_half_width).collect();
    let s = normalized.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let unsigned = s.strip_prefix('+').unwrap_or(s);
    let (int_part, frac) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let int_digits = if int_part.contains(',') && is_grouped(int_part) {
        int_part.replace(',', "")
    } else {
        int_part.to_string()
    };
    let text = match frac {
        Some(f) => format!("{int_digits}.{f}"),
        None => int_digits,
    };
    if let Some(rest) = text.strip_prefix('-') {
        return Err(if decimal_value(rest).is_some() {
            CountError::Negative
        } else {
            CountError::NotAnAmount
        });
    }
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(CountError::NotAnAmount);
    }
    match decimal_value(&text) {
        Some(v) if v.is_finite() && v <= AMOUNT_LIMIT => Ok(Some(v)),
        Some(_) => Err(CountError::TooLarge),
        None => Err(CountError::NotAnAmount),
    }
}

/// Amounts above this are refused as typing mistakes.
const AMOUNT_LIMIT: f64 = 1e12;

/// Parses an amount and applies the item's bounds.
pub fn parse_bounded_amount(
    raw: &str,
    min: f64,
    max: Option<f64>,
) -> Result<Option<f64>, CountError> {
    match parse_amount(raw)? {
        Some(v) if v < min => Err(CountError::BelowMinAmount(min)),
        Some(v) if max.is_some_and(|m| v > m) => Err(CountError::AboveMaxAmount(max.unwrap_or(v))),
        other => Ok(other),
    }
}

/// Parses and applies the item's bounds.
pub fn parse_bounded_count(
    raw: &str,
    min: u64,
    max: Option<u64>,
) -> Result<Option<u64>, CountError> {
    match parse_count(raw)? {
        Some(v) if v < min => Err(CountError::BelowMin(min)),
        Some(v) if max.is_some_and(|m| v > m) => Err(CountError::AboveMax(max.unwrap_or(v))),
        other => Ok(other),
    }
}

#[cfg(test)]
// Compared against `str::parse::<f64>`, which `decimal_value` replaces.
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_people_type() {
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count("   "), Ok(None));
        assert_eq!(parse_count("12"), Ok(Some(12)));
        assert_eq!(parse_count("  12 "), Ok(Some(12)));
        assert_eq!(parse_count("１２"), Ok(Some(12)));
        assert_eq!(parse_count("\u{3000}１２\u{3000}"), Ok(Some(12)));
        assert_eq!(parse_count("+7"), Ok(Some(7)));
        assert_eq!(parse_count("1,200"), Ok(Some(1200)));
        assert_eq!(parse_count("１，２００"), Ok(Some(1200)));
        assert_eq!(parse_count("12.0"), Ok(Some(12)));
        assert_eq!(parse_count("0"), Ok(Some(0)));
    }

    #[test]
    fn refuses_what_is_not_a_count() {
        assert_eq!(parse_count("-3"), Err(CountError::Negative));
        assert_eq!(parse_count("－３"), Err(CountError::Negative));
        assert_eq!(parse_count("3.5"), Err(CountError::Fraction));
        assert_eq!(parse_count("１２．５"), Err(CountError::Fraction));
        assert_eq!(parse_count("abc"), Err(CountError::NotANumber));
        assert_eq!(parse_count("12a"), Err(CountError::NotANumber));
        assert_eq!(parse_count("1,20"), Err(CountError::NotANumber));
        assert_eq!(parse_count("-"), Err(CountError::NotANumber));
        assert_eq!(
            parse_count("99999999999999999999999"),
            Err(CountError::TooLarge)
        );
        assert_eq!(
            parse_count("1".repeat(400).as_str()),
            Err(CountError::TooLarge)
        );
        // Nobody types a count in scientific notation: it is not taken for one.
        assert_eq!(parse_count("1e3"), Err(CountError::NotANumber));
    }

    #[test]
    fn amounts_take_decimals() {
        assert_eq!(parse_amount("12.5"), Ok(Some(12.5)));
        assert_eq!(parse_amount("１，２００．５"), Ok(Some(1200.5)));
        assert_eq!(parse_amount(" 3 "), Ok(Some(3.0)));
        assert_eq!(parse_amount(""), Ok(None));
        assert_eq!(parse_amount("-1"), Err(CountError::Negative));
        assert_eq!(parse_amount("1.2.3"), Err(CountError::NotAnAmount));
        assert_eq!(parse_amount("abc"), Err(CountError::NotAnAmount));
        assert_eq!(
            parse_bounded_amount("5", 0.0, Some(4.0)),
            Err(CountError::AboveMaxAmount(4.0))
        );
    }

    #[test]
    fn numbers_are_shown_in_ascii_digits() {
        assert_eq!(normalized("１２０"), "120");
        assert_eq!(normalized("\u{3000}１，２００．５ "), "1,200.5");
        assert_eq!(normalized("12 台"), "12 台");
        assert_eq!(normalized(""), "");
    }

    #[test]
    fn an_amount_is_told_it_may_have_decimals_and_a_count_that_it_may_not() {
        let amount = parse_amount("12,5元").unwrap_err().message();
        assert_eq!(amount.zh, "请输入数字，可以带小数，例如 12.5");
        assert_eq!(
            amount.en.as_deref(),
            Some("Enter a number; decimals are fine, e.g. 12.5")
        );
        let count = parse_count("12元").unwrap_err().message();
        assert_eq!(count.zh, "请输入整数，例如 12");
        assert_eq!(count.en.as_deref(), Some("Enter a whole number, e.g. 12"));
    }

    #[test]
    fn decimal_values_are_the_standard_parsers() {
        for s in [
            "0",
            "12",
            "12.5",
            ".5",
            "12.",
            "0.1",
            "0.3",
            "1200.05",
            "99999999999.9999",
            "000123.4500",
            "1.797693134862315",
        ] {
            assert_eq!(decimal_value(s), s.parse::<f64>().ok(), "{s}");
        }
        // More significant digits than a double holds: within the last bit.
        for s in [
            "999999999999.9999",
            "1.7976931348623157",
            "12345678901234567890.123",
        ] {
            let (ours, std) = (
                decimal_value(s).expect("a number"),
                s.parse::<f64>().expect("a number"),
            );
            assert!(
                ours.to_bits().abs_diff(std.to_bits()) <= 1,
                "{s}: {ours} vs {std}"
            );
        }
        for s in [
            "", ".", "-1", "+1", "1e3", "1.2.3", "1,000", "inf", "NaN", " 1",
        ] {
            assert_eq!(decimal_value(s), None, "{s:?}");
        }
        assert_eq!(
            decimal_value(&format!("1{}", "0".repeat(400))),
            Some(f64::INFINITY)
        );
        assert_eq!(decimal_value(&format!("0.{}1", "0".repeat(400))), Some(0.0));
    }

    proptest::proptest! {
        /// Every decimal of up to 15 significant digits, as people type amounts.
        #[test]
        fn decimal_values_match_the_standard_parser_to_the_bit(int in 0u64..1_000_000_000_000, frac in 0u32..1000, places in 0usize..4, zeros in 0usize..3) {
            let s = if places == 0 { int.to_string() } else { format!("{int}.{:0places$}{}", frac % 10u32.pow(places as u32), "0".repeat(zeros)) };
            proptest::prop_assert_eq!(decimal_value(&s).map(f64::to_bits), s.parse::<f64>().ok().map(f64::to_bits), "{}", s);
        }
    }

    #[test]
    fn bounds_apply_after_parsing() {
        assert_eq!(
            parse_bounded_count("0", 1, None),
            Err(CountError::BelowMin(1))
        );
        assert_eq!(
            parse_bounded_count("11", 0, Some(10)),
            Err(CountError::AboveMax(10))
        );
        assert_eq!(parse_bounded_count("10", 0, Some(10)), Ok(Some(10)));
        assert_eq!(parse_bounded_count("", 1, Some(10)), Ok(None));
    }
}
