//! What can be wrong with an answers file, as data, and the one place that words each
//! in Chinese and English: `FileError` when the file as a whole cannot be read, and
//! `AnswerProblem` for one answer that cannot be used (the rest of the file can).

use serde::{Deserialize, Serialize};

use crate::domain::model::text::{Lang, Text};
use crate::domain::read::number_input::CountError;

/// Why an answers file cannot be read at all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FileError {
    /// UTF-16 text (by its byte-order mark, or NULs between ASCII characters).
    Utf16 {
        big_endian: bool,
    },
    /// Not UTF-8, and every byte above ASCII pairs up as GBK / GB18030 Chinese does.
    LooksLikeGbk,
    /// Not UTF-8, encoding unknown: where the first byte that is not UTF-8 is.
    NotUtf8 {
        line: usize,
        column: usize,
    },
    /// Not JSON, or JSON of another shape (the JSON reader's own words).
    Damaged {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A key written twice in one object: which of the two values is meant is unknown.
    DuplicateKey {
        key: String,
        line: usize,
        column: usize,
    },
    NotAnswersFile {
        format: String,
    },
    FormatVersion {
        version: u32,
        supported: u32,
    },
    OtherQuestionnaire {
        id: String,
        expected: String,
    },
    OtherVersion {
        version: String,
        expected: String,
    },
    /// A date field (`assessed_on`) that is not a calendar date written `YYYY-MM-DD`.
    NotADate {
        field: String,
        value: String,
    },
}

impl FileError {
    pub fn text(&self) -> Text {
        match self {
            FileError::Utf16 { big_endian } => {
                let which = if *big_endian { "BE" } else { "LE" };
                Text::new(
                    format!("文件是 UTF-16 {which} 编码，不是 UTF-8：请用 UTF-8 编码另存后再试"),
                    format!("the file is UTF-16 {which} text, not UTF-8: save it as UTF-8 and try again"),
                )
            }
            FileError::LooksLikeGbk => Text::new(
                "文件不是 UTF-8 编码，看起来是 GBK（GB18030）：请用 UTF-8 编码另存后再试",
                "the file is not UTF-8 text; it looks like GBK (GB18030): save it as UTF-8 and try again",
            ),
            FileError::NotUtf8 { line, column } => Text::new(
                format!("文件不是 UTF-8 编码（第 {line} 行第 {column} 列起无法识别）：请用 UTF-8 编码另存后再试"),
                format!("the file is not UTF-8 text (from line {line}, column {column}): save it as UTF-8 and try again"),
            ),
            FileError::Damaged {
                line,
                column,
                detail,
            } => Text::new(
                format!("文件已损坏或不是答卷文件（第 {line} 行第 {column} 列：{detail}）"),
                format!("The file is damaged or not an answers file (line {line}, column {column}: {detail})"),
            ),
            FileError::DuplicateKey { key, line, column } => Text::new(
                format!("键“{key}”重复出现（第 {line} 行第 {column} 列），无法确定以哪一个为准"),
                format!("the key \"{key}\" is given twice (line {line}, column {column}); which one is meant is unclear"),
            ),
            FileError::NotAnswersFile { format } => Text::new(
                format!("不是数转答卷文件（format 为“{format}”）"),
                format!("Not a Shuzhuan answers file (format is \"{format}\")"),
            ),
            FileError::FormatVersion { version, supported } => Text::new(
                format!("答卷文件格式版本 {version} 不受支持（支持 {supported}）"),
                format!("Answers file format version {version} is not supported (this release reads {supported})"),
            ),
            FileError::OtherQuestionnaire { id, expected } => Text::new(
                format!("这份答卷属于问卷“{id}”，而不是“{expected}”"),
                format!("These answers are for questionnaire \"{id}\", not \"{expected}\""),
            ),
            FileError::OtherVersion { version, expected } => Text::new(
                format!("这份答卷属于问卷版本 {version}，当前问卷版本为 {expected}"),
                format!("These answers are for version {version} of the questionnaire; this one is version {expected}"),
            ),
            FileError::NotADate { field, value } => Text::new(
                format!("{field}“{value}”不是日期：应写为 YYYY-MM-DD，如 2025-03-31"),
                format!("{field} \"{value}\" is not a date: write it as YYYY-MM-DD, e.g. 2025-03-31"),
            ),
        }
    }
}

/// One answer the file gives that cannot be used: the item, the value as written
/// (shortened), and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerProblem {
    pub item: String,
    pub value: String,
    pub why: Unusable,
}

/// Why an answer cannot be used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Unusable {
    /// The questionnaire has no item of this id.
    UnknownItem,
    /// A ratio: computed from two other items, not answered.
    Computed,
    /// Not of any form an answer takes (`{"typed": "…"}`, `{"choice": "…"}`, …).
    NotAnAnswer,
    /// An answer of another kind than the item's (a choice for a count, say).
    WrongForm {
        kind: String,
    },
    /// A choice or a ticked option the item does not offer.
    UnknownOption {
        option: String,
    },
    /// A level outside 1..=levels (`levels` is None where the item is not known yet).
    LevelOutOfRange {
        levels: Option<usize>,
    },
    /// A count or amount that does not read as one (the words shown beside the field).
    Number(CountError),
    /// Digits of another script than 0–9 (full-width ones are read).
    OtherDigits {
        digit: char,
    },
    NotApplicableNotAllowed,
    UnknownNotAllowed,
}

impl Unusable {
    pub fn text(&self) -> Text {
        match self {
            Unusable::UnknownItem => {
                Text::new("问卷中没有这道题", "the questionnaire has no such item")
            }
            Unusable::Computed => Text::new(
                "此题由其他题目计算得出，不能直接作答",
                "this item is computed from others and cannot be answered",
            ),
            Unusable::NotAnAnswer => {
                Text::new("不是可识别的答案形式", "not an answer of a known form")
            }
            Unusable::WrongForm { kind } => Text::new(
                format!("答案形式与题型（{kind}）不符"),
                format!("this form of answer does not fit the item's kind ({kind})"),
            ),
            Unusable::UnknownOption { option } => Text::new(
                format!("本题没有选项“{option}”"),
                format!("the item has no option \"{option}\""),
            ),
            Unusable::LevelOutOfRange { levels: Some(n) } => Text::new(
                format!("等级应为 1 到 {n} 的整数"),
                format!("the level must be a whole number from 1 to {n}"),
            ),
            Unusable::LevelOutOfRange { levels: None } => Text::new(
                "等级应为从 1 起的整数",
                "the level must be a whole number from 1",
            ),
            Unusable::Number(e) => e.message(),
            Unusable::OtherDigits { digit } => Text::new(
                format!("“{digit}”不是可识别的数字，请用 0–9 书写"),
                format!("\"{digit}\" is not a digit this reads; write the number with 0–9"),
            ),
            Unusable::NotApplicableNotAllowed => Text::new(
                "本题不能选“不适用”",
                "this item cannot be answered \"not applicable\"",
            ),
            Unusable::UnknownNotAllowed => Text::new(
                "本题不能选“不清楚”",
                "this item cannot be answered \"don't know\"",
            ),
        }
    }
}

impl AnswerProblem {
    /// The item id as the file gives it, fit to show (`shown`).
    pub fn new(item: &str, value: String, why: Unusable) -> Self {
        AnswerProblem {
            item: super::shown(item),
            value,
            why,
        }
    }

    /// `item: value: why`, as the CLI prints it after the file name and the app lists it.
    pub fn render(&self, lang: Lang) -> String {
        format!("{}: {}: {}", self.item, self.value, self.text_why(lang))
    }

    fn text_why(&self, lang: Lang) -> String {
        self.why.text().get(lang).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every wording, pinned: a change to one is a change people see.
    #[test]
    fn each_problem_is_worded_in_both_languages() {
        let files = one_sample_of_every_variant!(FileError:
            Utf16 { big_endian: false }
                => "文件是 UTF-16 LE 编码，不是 UTF-8：请用 UTF-8 编码另存后再试",
                   "the file is UTF-16 LE text, not UTF-8: save it as UTF-8 and try again";
            LooksLikeGbk {}
                => "文件不是 UTF-8 编码，看起来是 GBK（GB18030）：请用 UTF-8 编码另存后再试",
                   "the file is not UTF-8 text; it looks like GBK (GB18030): save it as UTF-8 and try again";
            NotUtf8 { line: 3, column: 7 }
                => "文件不是 UTF-8 编码（第 3 行第 7 列起无法识别）：请用 UTF-8 编码另存后再试",
                   "the file is not UTF-8 text (from line 3, column 7): save it as UTF-8 and try again";
            Damaged { line: 2, column: 13, detail: "expected value".into() }
                => "文件已损坏或不是答卷文件（第 2 行第 13 列：expected value）",
                   "The file is damaged or not an answers file (line 2, column 13: expected value)";
            DuplicateKey { key: "equip_total".into(), line: 4, column: 20 }
                => "键“equip_total”重复出现（第 4 行第 20 列），无法确定以哪一个为准",
                   "the key \"equip_total\" is given twice (line 4, column 20); which one is meant is unclear";
            NotAnswersFile { format: "x".into() }
                => "不是数转答卷文件（format 为“x”）", "Not a Shuzhuan answers file (format is \"x\")";
            FormatVersion { version: 9, supported: 1 }
                => "答卷文件格式版本 9 不受支持（支持 1）",
                   "Answers file format version 9 is not supported (this release reads 1)";
            OtherQuestionnaire { id: "a".into(), expected: "b".into() }
                => "这份答卷属于问卷“a”，而不是“b”", "These answers are for questionnaire \"a\", not \"b\"";
            OtherVersion { version: "1".into(), expected: "2".into() }
                => "这份答卷属于问卷版本 1，当前问卷版本为 2",
                   "These answers are for version 1 of the questionnaire; this one is version 2";
            NotADate { field: "assessed_on".into(), value: "2025-02-30".into() }
                => "assessed_on“2025-02-30”不是日期：应写为 YYYY-MM-DD，如 2025-03-31",
                   "assessed_on \"2025-02-30\" is not a date: write it as YYYY-MM-DD, e.g. 2025-03-31";
        );
        for (e, zh, en) in files {
            assert_eq!((e.text().zh.as_str(), e.text().get(Lang::En)), (zh, en));
        }
        let answers = one_sample_of_every_variant!(Unusable:
            UnknownItem {} => "问卷中没有这道题", "the questionnaire has no such item";
            Computed {} => "此题由其他题目计算得出，不能直接作答", "this item is computed from others and cannot be answered";
            NotAnAnswer {} => "不是可识别的答案形式", "not an answer of a known form";
            WrongForm { kind: "count".into() }
                => "答案形式与题型（count）不符", "this form of answer does not fit the item's kind (count)";
            UnknownOption { option: "6g".into() } => "本题没有选项“6g”", "the item has no option \"6g\"";
            LevelOutOfRange { levels: Some(5) } => "等级应为 1 到 5 的整数", "the level must be a whole number from 1 to 5";
            Number(CountError::Negative) => "数量不能为负数", "A count cannot be negative";
            OtherDigits { digit: '٣' } => "“٣”不是可识别的数字，请用 0–9 书写", "\"٣\" is not a digit this reads; write the number with 0–9";
            NotApplicableNotAllowed {} => "本题不能选“不适用”", "this item cannot be answered \"not applicable\"";
            UnknownNotAllowed {} => "本题不能选“不清楚”", "this item cannot be answered \"don't know\"";
        );
        for (e, zh, en) in answers {
            assert_eq!((e.text().zh.as_str(), e.text().get(Lang::En)), (zh, en));
        }
        assert_eq!(
            Unusable::LevelOutOfRange { levels: None }.text().zh,
            "等级应为从 1 起的整数"
        );
        let p = AnswerProblem {
            item: "equip_total".into(),
            value: "\"-3\"".into(),
            why: Unusable::Number(CountError::Negative),
        };
        assert_eq!(
            p.render(Lang::En),
            "equip_total: \"-3\": A count cannot be negative"
        );
    }
}
