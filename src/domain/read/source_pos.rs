//! Positions in a source file, and the error type that names file, line, column and field.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::domain::model::text::{Lang, Text};

/// One problem found while loading a file: where it is and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadError {
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub col: usize,
    /// The field path, e.g. `sections[2].dimensions[0].items[5].bands`.
    pub field: String,
    pub message: Text,
}

impl LoadError {
    /// `file:line:col: field: message` in the given language.
    pub fn render(&self, lang: Lang) -> String {
        format!(
            "{}:{}:{}: {}: {}",
            self.file,
            self.line,
            self.col,
            self.field,
            self.message.get(lang)
        )
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Maps byte offsets of one source text to line and column.
pub(super) struct SourceMap<'a> {
    file: &'a str,
    src: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceMap<'a> {
    pub fn new(file: &'a str, src: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceMap {
            file,
            src,
            line_starts,
        }
    }

    /// 1-based (line, column) of a byte offset; the column counts characters. An offset
    /// inside a character (one computed within a string whose escapes changed its length)
    /// counts as that character's.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let col = self.src[start..offset].chars().count() + 1;
        (line, col)
    }

    pub fn error(&self, offset: usize, field: impl Into<String>, message: Text) -> LoadError {
        let (line, col) = self.line_col(offset);
        LoadError {
            file: self.file.to_string(),
            line,
            col,
            field: field.into(),
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let src = "a = 1\n标题 = \"x\"\nb";
        let map = SourceMap::new("f.toml", src);
        assert_eq!(map.line_col(0), (1, 1));
        assert_eq!(map.line_col(4), (1, 5));
        assert_eq!(map.line_col(6), (2, 1));
        // "标题 " is 7 bytes but 3 characters.
        assert_eq!(map.line_col(6 + 7), (2, 4));
        assert_eq!(map.line_col(src.len()), (3, 2));
        // Inside "题" (bytes 9–11 of the file) is its column, not 1:1 nor the line's start.
        assert_eq!(map.line_col(6 + 4), (2, 2));
        assert_eq!(map.line_col(usize::MAX), (3, 2));
    }
}
