//! The spreadsheet exports through the files worker's jobs: the portfolio, a comparison,
//! two rounds and a roll-up of the quick-check firms written as CSV and as one XLSX
//! workbook. Checked here on their bytes; written to `target/spreadsheet-export/` with
//! the tables they hold (`tables.json`), where tests/duckdb/test_spreadsheets.py reads
//! the CSV with DuckDB and the workbook with openpyxl and compares them cell by cell.

mod support;

use std::path::PathBuf;

use shuzhuan::builtin::catalogue;
use shuzhuan::domain::compute::assessment::Assessment;
use shuzhuan::domain::compute::rollup::Rollup;
use shuzhuan::domain::model::firm::FirmProfile;
use shuzhuan::domain::model::questionnaire::Questionnaire;
use shuzhuan::domain::model::text::Lang;
use shuzhuan::domain::read::answers_file::AnswersFile;
use shuzhuan::domain::report::compare::{compare_firms, compare_rounds};
use shuzhuan::domain::report::portfolio::{portfolio_rows, PortfolioEntry};
use shuzhuan::domain::report::table::{
    comparison_table, portfolio_table, rollup_table, rounds_table, Cell, Table,
};
use shuzhuan::domain::wire::workbench::{WorkbenchDone, WorkbenchJob};
use support::{assessed_file, builtin, run_workbench_job, QUICK_A, QUICK_B, QUICK_C, QUICK_D};

fn written(job: WorkbenchJob) -> Vec<u8> {
    match run_workbench_job(job) {
        WorkbenchDone::File(Ok(bytes)) => bytes,
        other => panic!("{other:?}"),
    }
}

struct Firm {
    id: String,
    file: AnswersFile,
    assessment: Assessment,
}

fn firms(q: &Questionnaire) -> Vec<Firm> {
    // A firm name a spreadsheet would run as a formula, and Chinese in every text.
    let names = [
        "甲机械",
        "=HYPERLINK(\"http://x\",\"乙\")",
        "丙电子",
        "丁五金",
    ];
    [QUICK_A, QUICK_B, QUICK_C, QUICK_D]
        .iter()
        .zip(names)
        .enumerate()
        .map(|(i, (spec, name))| {
            let firm = FirmProfile {
                name: name.into(),
                region: "江苏省泰州市".into(),
                sector: "machinery".into(),
                ..Default::default()
            };
            let (mut file, assessment) = assessed_file(q, "taizhou-2025", firm, spec);
            file.round = if i == 0 { "T0" } else { "T1" }.into();
            file.assessed_on = "2026-03-01".into();
            Firm {
                id: format!("f{i}"),
                file,
                assessment,
            }
        })
        .collect()
}

fn tables(lang: Lang) -> Vec<Table> {
    let q = builtin("headline-quick");
    let firms = firms(&q);
    let entries: Vec<PortfolioEntry> = firms
        .iter()
        .map(|f| PortfolioEntry {
            id: &f.id,
            file: &f.file,
            questionnaire: &q,
            assessment: &f.assessment,
        })
        .collect();
    let portfolio = portfolio_table(&portfolio_rows(&entries, lang), lang);
    let comparison = comparison_table(&compare_firms(&entries[..2], lang).unwrap(), lang);
    let rounds = rounds_table(
        &compare_rounds(&entries[0], &entries[2], lang).unwrap(),
        lang,
    );
    let c = catalogue().unwrap();
    let profile = c.profile("taizhou-2025").unwrap();
    let mut rollup = Rollup::new(&q, profile);
    for f in &firms {
        rollup.add_file(&f.file).unwrap();
    }
    let rollup = rollup_table(&q, &rollup.finish(), lang);
    vec![portfolio, comparison, rounds, rollup]
}

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/spreadsheet-export");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_tables_hold_the_figures_as_numbers() {
    let t = tables(Lang::Zh);
    let [portfolio, comparison, rounds, rollup] = &t[..] else {
        panic!()
    };
    assert_eq!(portfolio.name, "评估一览");
    assert_eq!(portfolio.headings[..3], ["企业", "地区", "行业"]);
    assert_eq!(portfolio.headings[10], "关键工序数控化率（%）");
    assert_eq!(
        portfolio.headings[11],
        "关键工序数控化率与目标差距（百分点）"
    );
    // A: CNC 8/10 = 80 % against Taizhou's 65 %: +15.0; R&D 9/10 = 90 % on 90 %: 0.0.
    let a = &portfolio.rows[0];
    assert_eq!(a[0], Cell::Text("甲机械".into()));
    assert_eq!(
        (&a[10], &a[11]),
        (&Cell::Percent(80.0), &Cell::Number(15.0))
    );
    assert_eq!((&a[14], &a[15]), (&Cell::Percent(90.0), &Cell::Number(0.0)));
    // B has no R&D staff: the words, no gap.
    assert_eq!(
        (&portfolio.rows[1][14], &portfolio.rows[1][15]),
        (&Cell::Text("不适用".into()), &Cell::Empty)
    );
    assert_eq!(
        comparison.headings[2..],
        ["甲机械（T0）", "=HYPERLINK(\"http://x\",\"乙\")（T1）"]
    );
    assert_eq!(comparison.rows[0][1], Cell::Percent(65.0));
    assert_eq!(rounds.headings.len(), 4);
    // A's figures as T0, C's as T1: CNC 8/10 = 80 % → 35/50 = 70 %, −10.0 points.
    assert_eq!(
        rounds.headings[1..3],
        ["T0（2026-03-01）", "T1（2026-03-01）"]
    );
    assert_eq!(
        rounds.rows[0][1..],
        [
            Cell::Percent(80.0),
            Cell::Percent(70.0),
            Cell::Number(-10.0)
        ]
    );
    // Roll-up, CNC: mean (80 + 50 + 70) / 3, weighted 63/100; 3 of 3 firms with a value…
    assert_eq!(rollup.rows[0][3], Cell::Percent(63.0));
    // …and the firms counted: 4.
    assert!(rollup
        .rows
        .iter()
        .any(|r| r[0] == Cell::Text("计入企业".into()) && r[7] == Cell::Count(4)));
    for t in &t {
        assert!(
            t.rows.iter().all(|r| r.len() == t.headings.len()),
            "{}",
            t.name
        );
    }
}

#[test]
fn csv_and_xlsx_are_written_for_spreadsheets() {
    let tables = tables(Lang::Zh);
    let dir = out_dir();
    for (i, t) in tables.iter().enumerate() {
        let csv = written(WorkbenchJob::WriteCsv { table: t.clone() });
        assert!(
            csv.starts_with("\u{FEFF}".as_bytes()),
            "UTF-8 with a byte-order mark"
        );
        let text = String::from_utf8(csv.clone()).expect("UTF-8");
        assert!(text.lines().count() == t.rows.len() + 1);
        std::fs::write(dir.join(format!("table-{i}.csv")), csv).unwrap();
    }
    let csv = String::from_utf8(written(WorkbenchJob::WriteCsv {
        table: tables[0].clone(),
    }))
    .unwrap();
    assert!(
        csv.contains("\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"乙\"\")\","),
        "neutralised: {csv}"
    );
    let xlsx = written(WorkbenchJob::WriteXlsx {
        tables: tables.clone(),
    });
    assert_eq!(&xlsx[..4], b"PK\x03\x04", "a zip file");
    std::fs::write(dir.join("tables.xlsx"), xlsx).unwrap();
    std::fs::write(
        dir.join("tables.json"),
        serde_json::to_string_pretty(&tables).unwrap(),
    )
    .unwrap();
}
