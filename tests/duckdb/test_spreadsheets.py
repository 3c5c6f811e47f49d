"""The app's spreadsheet exports as a spreadsheet or a data tool reads them: the CSV
files through DuckDB (UTF-8 with a byte-order mark, Chinese intact) and the XLSX
workbook through openpyxl (real numbers, a share as a fraction formatted 0.0%, text as
string cells), each compared cell by cell with the tables they were written from.

tests/spreadsheet_export.rs (run by `cargo test`) writes them, through the files
worker's jobs, into target/spreadsheet-export/: the tables as JSON (`tables.json`),
`table-<n>.csv` and `tables.xlsx`. Run by scripts/test.sh after `cargo test`:
    .tools/py/bin/python -m unittest discover -s tests/duckdb -v
"""

import json
import os
import unittest

import duckdb
import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "target", "spreadsheet-export")


def cell(c):
    """A cell of tables.json: ("text", s), ("percent", v), ("number", v), ("count", n) or
    ("empty", None)."""
    if c == "Empty":
        return "empty", None
    (kind, value), = c.items()
    return kind.lower(), value


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text):
    """A text as the CSV writes it: a leading quote where a spreadsheet would run it."""
    return "'" + text if text.startswith(FORMULA_START) else text


class SpreadsheetExports(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        path = os.path.join(OUT, "tables.json")
        if not os.path.exists(path):
            raise AssertionError(f"{path} is missing: run `cargo test --test spreadsheet_export` first")
        with open(path, encoding="utf-8") as f:
            cls.tables = json.load(f)

    def test_csv_read_by_duckdb_equals_the_tables(self):
        for i, table in enumerate(self.tables):
            path = os.path.join(OUT, f"table-{i}.csv")
            with open(path, "rb") as f:
                self.assertEqual(f.read(3), b"\xef\xbb\xbf", "UTF-8 with a byte-order mark")
            con = duckdb.connect()
            rel = con.read_csv(path, header=True, all_varchar=True)
            self.assertEqual(rel.columns, [neutralised(h) for h in table["headings"]], table["name"])
            rows = rel.fetchall()
            self.assertEqual(len(rows), len(table["rows"]), table["name"])
            for got_row, want_row in zip(rows, table["rows"]):
                for got, want in zip(got_row, want_row):
                    kind, value = cell(want)
                    if kind == "text":
                        # DuckDB reads an empty text cell as NULL.
                        self.assertEqual(got, neutralised(value) if value else None)
                    elif kind in ("percent", "number"):
                        self.assertEqual(float(got), value)
                    elif kind == "count":
                        self.assertEqual(int(got), value)
                    else:
                        self.assertIsNone(got)
            con.close()

    def test_xlsx_read_by_openpyxl_has_the_numbers_and_the_chinese(self):
        book = openpyxl.load_workbook(os.path.join(OUT, "tables.xlsx"))
        self.assertEqual(book.sheetnames, [t["name"] for t in self.tables])
        for table in self.tables:
            sheet = book[table["name"]]
            rows = list(sheet.iter_rows())
            self.assertEqual([c.value for c in rows[0]], table["headings"])
            self.assertTrue(all(c.font.b for c in rows[0]), "bold headings")
            self.assertEqual(sheet.freeze_panes, "A2")
            self.assertEqual(len(rows) - 1, len(table["rows"]))
            for got_row, want_row in zip(rows[1:], table["rows"]):
                for got, want in zip(got_row, want_row):
                    kind, value = cell(want)
                    if kind == "text":
                        # A string cell, never a formula, whatever it starts with.
                        self.assertEqual(got.data_type, "s" if value else "n", repr(value))
                        self.assertEqual(got.value, value if value else None)
                    elif kind == "percent":
                        self.assertEqual(got.data_type, "n")
                        self.assertAlmostEqual(got.value, value / 100, places=12)
                        self.assertEqual(got.number_format, "0.0%")
                    elif kind == "number":
                        self.assertEqual(got.value, value)
                        self.assertEqual(got.number_format, "0.##")
                    elif kind == "count":
                        self.assertEqual(got.value, value)
                    else:
                        self.assertIsNone(got.value)
        portfolio = book[self.tables[0]["name"]]
        self.assertEqual(portfolio["A2"].value, "甲机械")
        self.assertEqual(portfolio["B2"].value, "江苏省泰州市")


if __name__ == "__main__":
    unittest.main()
