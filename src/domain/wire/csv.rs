//! CSV for spreadsheets: what the CLI's data exports and the app's table exports write.
//! A cell a spreadsheet would run as a formula is neutralised here, once for both.

use crate::domain::report::table::{Cell, Table};

/// One CSV cell: quoted when it holds a comma, quote or line break; a leading `'` when
/// it starts as a formula would (`=`, `+`, `-`, `@`, a tab or a carriage return), so
/// that Excel and WPS show a firm name like `=HYPERLINK(…)` as text instead of running it.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A number as the data formats write it: the shortest decimal that reads back as the
/// same value, `.` for the point, no thousands separator, never an exponent.
pub fn csv_number(v: f64) -> String {
    v.to_string()
}

/// The byte-order mark Excel and WPS need to read a CSV file as UTF-8 (without it they
/// take it for the local code page, and Chinese comes out garbled).
pub const BOM: &str = "\u{FEFF}";

/// A table as a CSV file: UTF-8 with a byte-order mark, the headings, one line a row
/// (CRLF, as RFC 4180 has it). A share is written as its percentage (80 for 80 %; the
/// heading says "%"), unrounded.
pub fn table_csv(t: &Table) -> String {
    let mut out = String::from(BOM);
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    out.push_str(&line(t.headings.iter().map(|h| csv_field(h)).collect()));
    for row in &t.rows {
        out.push_str(&line(
            row.iter()
                .map(|c| match c {
                    Cell::Text(s) => csv_field(s),
                    Cell::Percent(v) | Cell::Number(v) => csv_number(*v),
                    Cell::Count(n) => n.to_string(),
                    Cell::Empty => String::new(),
                })
                .collect(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised_and_others_kept() {
        assert_eq!(csv_field("甲公司"), "甲公司");
        assert_eq!(
            csv_field("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(csv_field("+1"), "'+1");
        assert_eq!(csv_field("-2+3"), "'-2+3");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\t=1"), "'\t=1");
        assert_eq!(csv_field("\r=1"), "\"'\r=1\"");
        assert_eq!(csv_field("=1,2"), "\"'=1,2\"");
        // Only the first character matters.
        assert_eq!(csv_field("a=b"), "a=b");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn a_table_is_written_with_its_mark_headings_and_figures() {
        let t = Table {
            name: "t".into(),
            headings: vec![
                "企业".into(),
                "关键工序数控化率（%）".into(),
                "企业数".into(),
                "备注".into(),
            ],
            rows: vec![
                vec![
                    Cell::Text("=甲".into()),
                    Cell::Percent(200.0 / 3.0),
                    Cell::Count(3),
                    Cell::Empty,
                ],
                vec![
                    Cell::Text("乙, 丙".into()),
                    Cell::Number(-13.0),
                    Cell::Count(0),
                    Cell::Text("不适用".into()),
                ],
            ],
        };
        assert_eq!(
            table_csv(&t),
            "\u{FEFF}企业,关键工序数控化率（%）,企业数,备注\r\n'=甲,66.66666666666667,3,\r\n\"乙, 丙\",-13,0,不适用\r\n"
        );
    }
}
