//! Checks a benchmark file (national actual values) into a `Benchmark`.

use super::messages::CheckError;
use super::targets::check_indicator_known;
use crate::domain::model::benchmark::{ActualValue, Benchmark};
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::text::Text;
use crate::domain::read::raw::{checked_text, req_text};
use crate::domain::read::source_pos::{LoadError, SourceMap};
use crate::domain::read::toml_reader::{Obj, Reader};

fn is_period(s: &str) -> bool {
    let b = s.as_bytes();
    let year = b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => year,
        7 => {
            year && b[4] == b'-'
                && b[5..].iter().all(u8::is_ascii_digit)
                && (1..=12).contains(&s[5..].parse::<u8>().unwrap_or(0))
        }
        _ => false,
    }
}

pub fn load_benchmark(
    file: &str,
    src: &str,
    questionnaires: &[&Questionnaire],
) -> Result<Benchmark, Vec<LoadError>> {
    let map = SourceMap::new(file, src);
    let mut r = Reader::new(&map);
    let doc = r.parse(src);
    if r.has_syntax_errors() {
        return Err(r.finish(()).err().unwrap_or_default());
    }
    let mut root = Obj::root(&doc);
    let head = root.req_table(&mut r, "benchmark", |r, o| {
        (
            o.req_str(r, "id"),
            req_text(r, o, "name"),
            o.req_str(r, "source"),
        )
    });
    let raw_values = root.tables(&mut r, "values", |r, o| {
        (
            o.req_str(r, "indicator"),
            o.req_str(r, "period"),
            o.req_num(r, "value"),
            req_text(r, o, "series"),
            (o.req_str(r, "source"), o.opt_str(r, "source_en")),
            o.opt_str(r, "date"),
        )
    });
    root.done(&mut r);
    let (id, name, source) = match head {
        Some((id, name, source)) => (
            id.value,
            checked_text(&mut r, &name, "benchmark.name"),
            source.value,
        ),
        None => (String::new(), Text::default(), String::new()),
    };
    let mut values = Vec::new();
    for (n, (indicator, period, value, series, (value_source, value_source_en), date)) in
        raw_values.into_iter().enumerate()
    {
        let field = format!("values[{n}]");
        check_indicator_known(
            &mut r,
            &indicator,
            &format!("{field}.indicator"),
            questionnaires,
        );
        if !is_period(&period.value) {
            let e = CheckError::InvalidPeriod;
            r.error(period.offset, &format!("{field}.period"), e.text());
        }
        let series = checked_text(&mut r, &series, &format!("{field}.series"));
        let Some(value) = value else { continue };
        if !(0.0..=100.0).contains(&value.value) {
            let e = CheckError::BenchmarkValueOutOfRange { value: value.value };
            r.error(value.offset, &format!("{field}.value"), e.text());
        }
        values.push(ActualValue {
            indicator: indicator.value,
            period: period.value,
            value: value.value,
            series,
            source: Text {
                zh: value_source.value,
                en: value_source_en.map(|s| s.value),
            },
            date: date.map(|d| d.value),
        });
    }
    r.finish(Benchmark {
        id,
        name,
        source,
        values,
    })
}
