//! Reads a TOML document into raw structs while collecting every problem: all syntax
//! errors the parser can recover from, and every missing field, unknown field and value
//! of the wrong type, each with its position. (serde would stop at the first.)

// Runs in the files worker, the CLI and build.rs, never in the app's wasm: std is right here.
#![allow(clippy::disallowed_methods)]

use std::borrow::Cow;
use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::domain::model::text::Text;
use crate::domain::read::shape_errors::ShapeError;
use crate::domain::read::source_pos::{LoadError, SourceMap};

/// A value with the byte offset where it stands in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct At<T> {
    pub offset: usize,
    pub value: T,
}

impl<T> At<T> {
    pub fn new(offset: usize, value: T) -> Self {
        At { offset, value }
    }
}

/// Collects errors against one source file.
pub struct Reader<'a> {
    map: &'a SourceMap<'a>,
    errors: Vec<LoadError>,
}

impl<'a> Reader<'a> {
    pub fn new(map: &'a SourceMap<'a>) -> Self {
        Reader {
            map,
            errors: Vec::new(),
        }
    }

    pub fn error(&mut self, offset: usize, field: &str, message: Text) {
        self.errors.push(self.map.error(offset, field, message));
    }

    /// Whether the document had syntax errors: then only those are reported, since
    /// checks of a partly parsed document would only add noise.
    pub fn has_syntax_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Parses the document, recording every syntax error the parser reports.
    pub fn parse<'i>(&mut self, src: &'i str) -> Spanned<DeTable<'i>> {
        let (table, errors) = DeTable::parse_recoverable(src);
        for e in errors {
            let m = e.message().trim().to_string();
            let offset = match e.span() {
                Some(span) => span.start,
                None => locate(src, &m),
            };
            self.error(offset, "(file)", ShapeError::Syntax { message: m }.text());
        }
        table
    }

    /// The value, or every error sorted by position, like a compiler's output.
    pub fn finish<T>(mut self, value: T) -> Result<T, Vec<LoadError>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            self.errors.sort_by_key(|e| (e.line, e.col));
            self.errors.dedup();
            Err(self.errors)
        }
    }
}

/// Where an error the parser reports without a position stands (a key of 81 or more
/// dotted parts: "recursion limit"): the first line whose text up to its end has that
/// error, found by bisection over the lines (a handful of parses of an already broken
/// file), at its first character that is not blank.
fn locate(src: &str, message: &str) -> usize {
    let ends: Vec<usize> = src
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .chain(std::iter::once(src.len()))
        .collect();
    let has_it = |end: usize| {
        let (_, errors) = DeTable::parse_recoverable(&src[..end]);
        errors
            .iter()
            .any(|e| e.span().is_none() && e.message().trim() == message)
    };
    // The first line end whose prefix has the error (the whole text has it).
    let line = ends
        .partition_point(|&end| !has_it(end))
        .min(ends.len() - 1);
    let start = if line == 0 { 0 } else { ends[line - 1] };
    let blank = src[start..ends[line]]
        .find(|c: char| !c.is_whitespace())
        .unwrap_or(0);
    start + blank
}

fn type_name(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "float",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(_) => "datetime",
        DeValue::Array(_) => "array",
        DeValue::Table(_) => "table",
    }
}

fn wrong_type(r: &mut Reader, span: &Range<usize>, path: &str, want: &'static str, got: &DeValue) {
    let got = type_name(got);
    r.error(span.start, path, ShapeError::WrongType { want, got }.text());
}

/// A TOML number as f64. The parser has already decoded the literal: an integer comes
/// without its radix prefix and underscores, in the form `i64::from_str_radix` reads
/// with `radix()` (`0xff`, `0o17`, `0b101`, `1_000`, `-5`), a float in the form
/// `str::parse` reads. TOML's integers are 64-bit signed and one beyond is an error
/// (the spec's rule); `nan` and `inf` are refused too, as no figure of a file can be,
/// and so is a float too large for f64 (which `str::parse` would read as infinite).
fn number_of(v: &DeValue) -> Result<f64, ShapeError> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map(|n| n as f64)
            .map_err(|_| ShapeError::IntegerOutOfRange {
                literal: i.to_string(),
            }),
        DeValue::Float(f) => {
            let literal = f.as_str().to_string();
            match literal.parse::<f64>() {
                Ok(n) if n.is_finite() => Ok(n),
                Ok(n) if n.is_nan() => Err(ShapeError::NotANumber { literal }),
                _ if literal.trim_start_matches(['+', '-']) == "inf" => {
                    Err(ShapeError::Infinite { literal })
                }
                _ => Err(ShapeError::FloatOutOfRange { literal }),
            }
        }
        _ => Err(ShapeError::WrongType {
            want: "number",
            got: type_name(v),
        }),
    }
}

/// A TOML table being read: remembers which keys were asked for, so that `done` can
/// report every key nobody asked for as unknown.
pub struct Obj<'t, 'i> {
    table: &'t DeTable<'i>,
    pub offset: usize,
    pub path: String,
    asked: Vec<&'static str>,
    /// Keys are data (e.g. indicator ids), so none is unknown.
    open: bool,
}

impl<'t, 'i> Obj<'t, 'i> {
    pub fn root(table: &'t Spanned<DeTable<'i>>) -> Self {
        Obj {
            table: table.get_ref(),
            offset: table.span().start,
            path: String::new(),
            asked: Vec::new(),
            open: false,
        }
    }

    fn field_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn get(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.asked.push(key);
        self.table.get(key)
    }

    pub fn report_missing(&self, r: &mut Reader, key: &str) {
        let e = ShapeError::MissingField {
            key: key.to_string(),
        };
        r.error(self.offset, &self.field_path(key), e.text());
    }

    /// Declares keys as known although they were not read (read conditionally).
    pub fn allow(&mut self, keys: &[&'static str]) {
        self.asked.extend_from_slice(keys);
    }

    /// Whether the key is present (does not count as asking for it).
    pub fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    pub fn is_table(&self, key: &str) -> bool {
        matches!(
            self.table.get(key).map(|v| v.get_ref()),
            Some(DeValue::Table(_))
        )
    }

    pub fn is_array(&self, key: &str) -> bool {
        matches!(
            self.table.get(key).map(|v| v.get_ref()),
            Some(DeValue::Array(_))
        )
    }

    /// The tables of the array of tables at `key`, to look into before reading it (to
    /// count them); elements that are not tables are left out, as reading reports them.
    pub fn peek_tables(&self, key: &str) -> Vec<Obj<'t, 'i>> {
        let Some(DeValue::Array(items)) = self.table.get(key).map(|v| v.get_ref()) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(t) => Some(Obj {
                    table: t,
                    offset: item.span().start,
                    path: String::new(),
                    asked: Vec::new(),
                    open: false,
                }),
                _ => None,
            })
            .collect()
    }

    /// Where the key's value stands, or the table's own position.
    pub fn offset_of(&self, key: &str) -> usize {
        self.table.get(key).map_or(self.offset, |v| v.span().start)
    }

    /// Walks an array: each element goes to `f` with its field path, which returns None
    /// after reporting a wrong element; a value that is not an array is reported as
    /// `want_array`. None when the key is absent or not an array.
    fn array<T>(
        &mut self,
        r: &mut Reader,
        key: &'static str,
        want_array: &'static str,
        mut f: impl FnMut(&mut Reader, &'t Spanned<DeValue<'i>>, String) -> Option<T>,
    ) -> Option<At<Vec<T>>> {
        let v = self.get(key)?;
        let path = self.field_path(key);
        match v.get_ref() {
            DeValue::Array(items) => {
                let out = items
                    .iter()
                    .enumerate()
                    .filter_map(|(n, item)| f(r, item, format!("{path}[{n}]")))
                    .collect();
                Some(At::new(v.span().start, out))
            }
            other => {
                wrong_type(r, &v.span(), &path, want_array, other);
                None
            }
        }
    }

    /// An array of strings; empty when absent.
    pub fn opt_strings(&mut self, r: &mut Reader, key: &'static str) -> Vec<At<String>> {
        let strings = self.array(r, key, "array of strings", |r, item, path| {
            match item.get_ref() {
                DeValue::String(s) => Some(At::new(item.span().start, s.to_string())),
                other => {
                    wrong_type(r, &item.span(), &path, "string", other);
                    None
                }
            }
        });
        strings.map_or_else(Vec::new, |a| a.value)
    }

    pub fn opt_str(&mut self, r: &mut Reader, key: &'static str) -> Option<At<String>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(At::new(v.span().start, s.to_string())),
            other => {
                wrong_type(r, &v.span(), &self.field_path(key), "string", other);
                None
            }
        }
    }

    /// A required string; reports it missing and returns an empty one.
    pub fn req_str(&mut self, r: &mut Reader, key: &'static str) -> At<String> {
        let present = self.has(key);
        match self.opt_str(r, key) {
            Some(s) => s,
            None => {
                if !present {
                    self.report_missing(r, key);
                }
                At::new(self.offset, String::new())
            }
        }
    }

    pub fn opt_num(&mut self, r: &mut Reader, key: &'static str) -> Option<At<f64>> {
        let v = self.get(key)?;
        match number_of(v.get_ref()) {
            Ok(n) => Some(At::new(v.span().start, n)),
            Err(e) => {
                r.error(v.span().start, &self.field_path(key), e.text());
                None
            }
        }
    }

    pub fn req_num(&mut self, r: &mut Reader, key: &'static str) -> Option<At<f64>> {
        let present = self.has(key);
        let n = self.opt_num(r, key);
        if !present {
            self.report_missing(r, key);
        }
        n
    }

    pub fn opt_bool(&mut self, r: &mut Reader, key: &'static str) -> Option<At<bool>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(At::new(v.span().start, *b)),
            other => {
                wrong_type(r, &v.span(), &self.field_path(key), "true or false", other);
                None
            }
        }
    }

    /// A nested table, read by `f`; None when absent or not a table.
    pub fn opt_table<T>(
        &mut self,
        r: &mut Reader,
        key: &'static str,
        f: impl FnOnce(&mut Reader, &mut Obj<'t, 'i>) -> T,
    ) -> Option<T> {
        let v = self.get(key)?;
        Obj::read(r, v, self.field_path(key), f)
    }

    /// Reads `value` as a table by `f`, then reports its unknown keys; a value that is
    /// not a table is reported and gives None.
    fn read<T>(
        r: &mut Reader,
        value: &'t Spanned<DeValue<'i>>,
        path: String,
        f: impl FnOnce(&mut Reader, &mut Obj<'t, 'i>) -> T,
    ) -> Option<T> {
        match value.get_ref() {
            DeValue::Table(t) => {
                let mut obj = Obj {
                    table: t,
                    offset: value.span().start,
                    path,
                    asked: Vec::new(),
                    open: false,
                };
                let out = f(r, &mut obj);
                obj.done(r);
                Some(out)
            }
            other => {
                wrong_type(r, &value.span(), &path, "table", other);
                None
            }
        }
    }

    pub fn req_table<T>(
        &mut self,
        r: &mut Reader,
        key: &'static str,
        f: impl FnOnce(&mut Reader, &mut Obj<'t, 'i>) -> T,
    ) -> Option<T> {
        let present = self.has(key);
        let out = self.opt_table(r, key, f);
        if !present {
            self.report_missing(r, key);
        }
        out
    }

    /// An array of tables (`[[x]]` or `x = [{…}, …]`), each read by `f`; empty when absent.
    pub fn tables<T>(
        &mut self,
        r: &mut Reader,
        key: &'static str,
        mut f: impl FnMut(&mut Reader, &mut Obj<'t, 'i>) -> T,
    ) -> Vec<T> {
        let tables = self.array(r, key, "array of tables", |r, item, path| {
            Obj::read(r, item, path, &mut f)
        });
        tables.map_or_else(Vec::new, |a| a.value)
    }

    /// An array of numbers; None when absent.
    pub fn opt_numbers(&mut self, r: &mut Reader, key: &'static str) -> Option<At<Vec<f64>>> {
        self.array(r, key, "array of numbers", |r, item, path| {
            number_of(item.get_ref())
                .map_err(|e| r.error(item.span().start, &path, e.text()))
                .ok()
        })
    }

    /// Every (key, number) of this table, for open-ended maps like `[targets]`.
    pub fn number_entries(&mut self, r: &mut Reader) -> Vec<(At<String>, At<f64>)> {
        let mut out = Vec::new();
        for (k, v) in self.table.iter() {
            let key: &Cow<str> = k.get_ref();
            match number_of(v.get_ref()) {
                Ok(n) => out.push((
                    At::new(k.span().start, key.to_string()),
                    At::new(v.span().start, n),
                )),
                Err(e) => r.error(v.span().start, &self.field_path(key), e.text()),
            }
        }
        self.open = true;
        out
    }

    /// Reports every key of this table that no reader asked for.
    pub fn done(&self, r: &mut Reader) {
        if self.open {
            return;
        }
        for (k, _) in self.table.iter() {
            let key: &str = k.get_ref();
            if !self.asked.contains(&key) {
                let mut expected = self.asked.clone();
                expected.sort_unstable();
                expected.dedup();
                let e = ShapeError::UnknownField {
                    key: key.to_string(),
                    expected,
                };
                r.error(k.span().start, &self.field_path(key), e.text());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The number `value` (a TOML literal) reads as.
    fn number(value: &str) -> Result<f64, ShapeError> {
        let src = format!("n = {value}");
        let (doc, errors) = DeTable::parse_recoverable(&src);
        assert!(errors.is_empty(), "{value}: {errors:?}");
        number_of(doc.get_ref().get("n").expect("n is read").get_ref())
    }

    #[test]
    fn integers_read_in_every_radix_toml_allows() {
        for (literal, value) in [
            ("0xff", 255.0),
            ("0xDEAD_beef", 3_735_928_559.0),
            ("0o17", 15.0),
            ("0o7_5_5", 493.0),
            ("0b101", 5.0),
            ("0b1111_0000", 240.0),
            ("0x0", 0.0),
        ] {
            assert_eq!(number(literal), Ok(value), "{literal}");
        }
    }

    #[test]
    fn decimal_integers_take_underscores_and_signs() {
        for (literal, value) in [
            ("1_000", 1000.0),
            ("1_000_000", 1e6),
            ("+5", 5.0),
            ("-5", -5.0),
            ("-1_024", -1024.0),
            ("-0", 0.0),
            ("+0", 0.0),
        ] {
            assert_eq!(number(literal), Ok(value), "{literal}");
        }
    }

    #[test]
    fn floats_take_underscores_signs_and_exponents() {
        for (literal, value) in [
            ("1_000.5", 1000.5),
            ("-2.5e3", -2500.0),
            ("+6.02e+2", 602.0),
            ("1e-2", 0.01),
            ("3_1.4_1", 31.41),
        ] {
            assert_eq!(number(literal), Ok(value), "{literal}");
        }
    }

    #[test]
    fn the_64_bit_range_is_read_and_beyond_it_is_an_error_not_a_panic() {
        // i64::MAX and i64::MIN as f64 (2^63 is the nearest double to both ends' magnitude).
        assert_eq!(
            number("9223372036854775807"),
            Ok(9_223_372_036_854_775_807.0)
        );
        assert_eq!(
            number("-9223372036854775808"),
            Ok(-9_223_372_036_854_775_808.0)
        );
        assert_eq!(number("0x7fff_ffff_ffff_ffff"), Ok(i64::MAX as f64));
        for (literal, shown) in [
            ("9223372036854775808", "9223372036854775808"),
            ("-9223372036854775809", "-9223372036854775809"),
            ("0xffff_ffff_ffff_ffff", "0xffffffffffffffff"),
            (
                "0o1_777_777_777_777_777_777_777",
                "0o1777777777777777777777",
            ),
            (
                "0b1_0000000000000000000000000000000000000000000000000000000000000000",
                "0b10000000000000000000000000000000000000000000000000000000000000000",
            ),
        ] {
            assert_eq!(
                number(literal),
                Err(ShapeError::IntegerOutOfRange {
                    literal: shown.to_string()
                }),
                "{literal}"
            );
        }
    }

    #[test]
    fn nan_infinity_and_floats_beyond_f64_each_have_their_own_error() {
        let literal = |s: &str| s.to_string();
        for (written, error) in [
            (
                "nan",
                ShapeError::NotANumber {
                    literal: literal("nan"),
                },
            ),
            (
                "-nan",
                ShapeError::NotANumber {
                    literal: literal("-nan"),
                },
            ),
            (
                "inf",
                ShapeError::Infinite {
                    literal: literal("inf"),
                },
            ),
            (
                "-inf",
                ShapeError::Infinite {
                    literal: literal("-inf"),
                },
            ),
            (
                "+inf",
                ShapeError::Infinite {
                    literal: literal("+inf"),
                },
            ),
            (
                "1e400",
                ShapeError::FloatOutOfRange {
                    literal: literal("1e400"),
                },
            ),
            (
                "-1.5e309",
                ShapeError::FloatOutOfRange {
                    literal: literal("-1.5e309"),
                },
            ),
        ] {
            assert_eq!(number(written), Err(error), "{written}");
        }
        // The largest finite double is read, and a tiny one is read as what it rounds to.
        assert_eq!(number("1.7976931348623157e308"), Ok(f64::MAX));
        assert_eq!(number("1e-400"), Ok(0.0));
    }

    #[test]
    fn other_types_are_not_numbers() {
        for (literal, got) in [("\"5\"", "string"), ("true", "boolean"), ("[1]", "array")] {
            assert_eq!(
                number(literal),
                Err(ShapeError::WrongType {
                    want: "number",
                    got
                }),
                "{literal}"
            );
        }
    }

    #[test]
    fn an_error_the_parser_gives_no_position_is_reported_on_its_line() {
        // 81 dotted parts are more than the parser takes; it says so without a position.
        let long = vec!["k"; 81].join(".");
        let src = format!("[t]\na = 1\n\n  {long} = 2\nb = 3\n[u]\n");
        let map = SourceMap::new("f.toml", &src);
        let mut r = Reader::new(&map);
        r.parse(&src);
        let errors = r.finish(()).unwrap_err();
        assert_eq!(
            errors
                .iter()
                .map(|e| (
                    e.line,
                    e.col,
                    e.message.get(crate::domain::model::text::Lang::En)
                ))
                .collect::<Vec<_>>(),
            [(4, 3, "TOML syntax error: recursion limit")]
        );
        // On the first line too.
        let src = format!("{long} = 2\n");
        assert_eq!(locate(&src, "recursion limit"), 0);
    }

    #[test]
    fn an_integer_out_of_range_is_reported_where_it_stands() {
        let src = "[t]\nn = 99_999_999_999_999_999_999\nm = 0b11\n";
        let map = SourceMap::new("f.toml", src);
        let mut r = Reader::new(&map);
        let doc = r.parse(src);
        let mut root = Obj::root(&doc);
        let read = root.req_table(&mut r, "t", |r, t| (t.opt_num(r, "n"), t.opt_num(r, "m")));
        root.done(&mut r);
        let (n, m) = read.expect("t is a table");
        assert_eq!(n, None);
        assert_eq!(m, Some(At::new(src.find("0b11").unwrap(), 3.0)));
        let errors = r.finish(()).unwrap_err();
        assert_eq!(
            errors
                .iter()
                .map(|e| e.render(crate::domain::model::text::Lang::En))
                .collect::<Vec<_>>(),
            ["f.toml:2:5: t.n: integer 99999999999999999999 does not fit in a 64-bit integer"]
        );
    }
}
