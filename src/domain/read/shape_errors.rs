//! What the TOML reader finds wrong with a file's shape (syntax, missing and unknown
//! fields, values of the wrong type, a text without Chinese), as data, and the one place
//! that words each in Chinese and English. What the values mean is checked in `check`.

use crate::domain::model::text::Text;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum ShapeError {
    /// The parser's own message.
    Syntax {
        message: String,
    },
    MissingField {
        key: String,
    },
    UnknownField {
        key: String,
        expected: Vec<&'static str>,
    },
    WrongType {
        want: &'static str,
        got: &'static str,
    },
    /// An integer TOML accepts that does not fit a 64-bit signed integer.
    IntegerOutOfRange {
        literal: String,
    },
    /// `nan`, `+nan` or `-nan`: TOML's float that is not a number.
    NotANumber {
        literal: String,
    },
    /// `inf`, `+inf` or `-inf`.
    Infinite {
        literal: String,
    },
    /// A float written finite whose magnitude is beyond f64's (e.g. `1e400`).
    FloatOutOfRange {
        literal: String,
    },
    MissingChinese,
}

impl ShapeError {
    pub(super) fn text(&self) -> Text {
        match self {
            ShapeError::Syntax { message } => Text::new(
                format!("TOML 语法错误：{message}"),
                format!("TOML syntax error: {message}"),
            ),
            ShapeError::MissingField { key } => {
                Text::new(format!("缺少字段 {key}"), format!("missing field `{key}`"))
            }
            ShapeError::UnknownField { key, expected } => {
                let list = expected.join(", ");
                Text::new(
                    format!("未知字段 {key}，可用字段：{list}"),
                    format!("unknown field `{key}`, expected one of: {list}"),
                )
            }
            ShapeError::WrongType { want, got } => Text::new(
                format!("应为 {want}，实际是 {got}"),
                format!("expected {want}, found {got}"),
            ),
            ShapeError::IntegerOutOfRange { literal } => Text::new(
                format!("整数 {literal} 超出 64 位整数的范围"),
                format!("integer {literal} does not fit in a 64-bit integer"),
            ),
            ShapeError::NotANumber { literal } => Text::new(
                format!("{literal} 不是数字，此处应为数字"),
                format!("{literal} is not a number; a number is expected here"),
            ),
            ShapeError::Infinite { literal } => Text::new(
                format!("{literal}（无穷大）不能作为数值，此处应为有限的数"),
                format!(
                    "{literal} (infinity) cannot be a figure; a finite number is expected here"
                ),
            ),
            ShapeError::FloatOutOfRange { literal } => Text::new(
                format!("数 {literal} 超出范围（绝对值最大约 1.8e308）"),
                format!(
                    "number {literal} is out of range (the largest magnitude is about 1.8e308)"
                ),
            ),
            ShapeError::MissingChinese => {
                Text::new("缺少中文文本（zh）", "Chinese text (zh) is missing")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ShapeError;

    #[test]
    fn every_variant_is_worded_in_both_languages() {
        let samples = one_sample_of_every_variant!(ShapeError:
            Syntax { message: "invalid table header".into() }
                => "TOML 语法错误：invalid table header", "TOML syntax error: invalid table header";
            MissingField { key: "kind".into() } => "缺少字段 kind", "missing field `kind`";
            UnknownField { key: "pionts".into(), expected: vec!["id", "points"] }
                => "未知字段 pionts，可用字段：id, points",
                   "unknown field `pionts`, expected one of: id, points";
            WrongType { want: "number", got: "string" }
                => "应为 number，实际是 string", "expected number, found string";
            IntegerOutOfRange { literal: "0x8000_0000_0000_0000".into() }
                => "整数 0x8000_0000_0000_0000 超出 64 位整数的范围",
                   "integer 0x8000_0000_0000_0000 does not fit in a 64-bit integer";
            NotANumber { literal: "nan".into() }
                => "nan 不是数字，此处应为数字", "nan is not a number; a number is expected here";
            Infinite { literal: "-inf".into() }
                => "-inf（无穷大）不能作为数值，此处应为有限的数",
                   "-inf (infinity) cannot be a figure; a finite number is expected here";
            FloatOutOfRange { literal: "1e400".into() }
                => "数 1e400 超出范围（绝对值最大约 1.8e308）",
                   "number 1e400 is out of range (the largest magnitude is about 1.8e308)";
            MissingChinese {} => "缺少中文文本（zh）", "Chinese text (zh) is missing";
        );
        for (e, zh, en) in samples {
            let text = e.text();
            assert_eq!(text.zh, zh, "{e:?}");
            assert_eq!(text.en.as_deref(), Some(en), "{e:?}");
        }
    }
}
