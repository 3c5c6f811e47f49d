//! XLSX for spreadsheets: a sheet a table (`report::table`), written by rust_xlsxwriter
//! into a buffer (no IO). Figures are real numbers (a share is the fraction formatted
//! `0.0%`, so 66.7 % sums and sorts as 0.667), text is a string cell (never a
//! formula, whatever it starts with), the heading row is bold and stays in view.
//! Only the files worker and the CLI call this: none of it is in the app's wasm.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::domain::report::table::{Cell, Table};

/// Excel's limit on a sheet name, and the characters it refuses in one.
const SHEET_NAME_MAX: usize = 31;
const SHEET_NAME_REFUSED: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];

/// A name Excel accepts for the `n`th sheet: refused characters replaced, cut to 31
/// characters, and unique among `taken` (a number added).
fn sheet_name(name: &str, n: usize, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if SHEET_NAME_REFUSED.contains(&c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim_matches('\'').trim();
    let base: String = if clean.is_empty() {
        format!("Sheet{}", n + 1)
    } else {
        clean.chars().take(SHEET_NAME_MAX).collect()
    };
    let mut name = base.clone();
    let mut k = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        let suffix = format!(" ({k})");
        let room = SHEET_NAME_MAX - suffix.chars().count();
        name = base.chars().take(room).collect::<String>() + &suffix;
        k += 1;
    }
    name
}

/// About how wide a text is in Excel's column units: a Chinese character two, others one.
fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
        .sum()
}

fn write_sheet(sheet: &mut Worksheet, t: &Table) -> Result<(), XlsxError> {
    let heading = Format::new().set_bold().set_text_wrap();
    let share = Format::new().set_num_format("0.0%");
    let number = Format::new().set_num_format("0.##");
    let mut widths: Vec<f64> = t.headings.iter().map(|h| text_width(h).min(24.0)).collect();
    for (c, h) in t.headings.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &heading)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let width = match cell {
                // An empty text is a blank cell, as in the CSV.
                Cell::Text(s) if s.is_empty() => 0.0,
                Cell::Text(s) => {
                    sheet.write_string(r, col, s)?;
                    text_width(s)
                }
                Cell::Percent(v) => {
                    sheet.write_number_with_format(r, col, v / 100.0, &share)?;
                    7.0
                }
                Cell::Number(v) => {
                    sheet.write_number_with_format(r, col, *v, &number)?;
                    8.0
                }
                Cell::Count(n) => {
                    sheet.write_number(r, col, *n as f64)?;
                    6.0
                }
                Cell::Empty => 0.0,
            };
            if let Some(w) = widths.get_mut(c) {
                *w = w.max(width);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (w + 2.0).clamp(8.0, 60.0))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The tables as one workbook, a sheet each, in order.
pub fn tables_xlsx(tables: &[Table]) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let mut taken: Vec<String> = Vec::new();
    for (n, t) in tables.iter().enumerate() {
        let name = sheet_name(&t.name, n, &taken);
        let sheet = book.add_worksheet();
        sheet.set_name(&name).map_err(|e| e.to_string())?;
        write_sheet(sheet, t).map_err(|e| e.to_string())?;
        taken.push(name);
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_made_acceptable_and_unique() {
        assert_eq!(sheet_name("评估一览", 0, &[]), "评估一览");
        assert_eq!(sheet_name("a/b:c", 0, &[]), "a_b_c");
        assert_eq!(sheet_name("", 2, &[]), "Sheet3");
        assert_eq!(sheet_name(&"长".repeat(40), 0, &[]).chars().count(), 31);
        let taken = vec!["汇总".to_string()];
        assert_eq!(sheet_name("汇总", 1, &taken), "汇总 (2)");
        let long = "x".repeat(40);
        let first = sheet_name(&long, 0, &[]);
        let second = sheet_name(&long, 1, std::slice::from_ref(&first));
        assert_eq!(second.chars().count(), 31);
        assert!(second.ends_with(" (2)") && second != first);
    }

    #[test]
    fn a_workbook_is_a_zip_file() {
        let t = Table {
            name: "t".into(),
            headings: vec!["a".into()],
            rows: vec![vec![Cell::Percent(50.0)]],
        };
        let bytes = tables_xlsx(&[t]).expect("written");
        assert_eq!(&bytes[..2], b"PK");
    }
}
