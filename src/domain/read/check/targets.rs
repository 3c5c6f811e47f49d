//! Checks a target profile file into a `TargetProfile`.

use super::messages::CheckError;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
use crate::domain::model::text::Text;
use crate::domain::read::raw::{checked_text, req_text, text};
use crate::domain::read::source_pos::{LoadError, SourceMap};
use crate::domain::read::toml_reader::{At, Obj, Reader};
use crate::domain::util::fast_map::IdMap;

/// Parse and validate a target profile. Every indicator it names must exist in at least
/// one of `questionnaires`, and every value must be a percentage (0–100).
pub fn load_target_profile(
    file: &str,
    src: &str,
    questionnaires: &[&Questionnaire],
) -> Result<TargetProfile, Vec<LoadError>> {
    let map = SourceMap::new(file, src);
    let mut r = Reader::new(&map);
    let doc = r.parse(src);
    if r.has_syntax_errors() {
        return Err(r.finish(()).err().unwrap_or_default());
    }
    let mut root = Obj::root(&doc);
    let profile = root.req_table(&mut r, "profile", |r, o| {
        let id = o.req_str(r, "id");
        let name = req_text(r, o, "name");
        let region = req_text(r, o, "region");
        let year = o.req_num(r, "year");
        let scope = req_text(r, o, "scope");
        let source = o.req_str(r, "source");
        let source_en = o.opt_str(r, "source_en");
        let date = o.opt_str(r, "date");
        let note = text(r, o, "note");
        (
            id,
            name,
            region,
            year,
            scope,
            (source, source_en),
            date,
            note,
        )
    });
    let entries: Vec<(At<String>, At<f64>)> = root
        .req_table(&mut r, "targets", |r, o| o.number_entries(r))
        .unwrap_or_default();
    let targets_at = root.offset_of("targets");
    root.done(&mut r);

    let Some((id, name, region, year, scope, (source, source_en), date, note)) = profile else {
        return r.finish(TargetProfile::default_for_errors());
    };
    if !super::is_valid_id(id.value.trim()) {
        r.error(id.offset, "profile.id", CheckError::InvalidProfileId.text());
    }
    let name = checked_text(&mut r, &name, "profile.name");
    let region = checked_text(&mut r, &region, "profile.region");
    let scope = checked_text(&mut r, &scope, "profile.scope");
    let note = note.map(|n| checked_text(&mut r, &n, "profile.note"));
    let year = match year {
        Some(y) if (2000.0..=2100.0).contains(&y.value) && y.value.fract() == 0.0 => y.value as u16,
        Some(y) => {
            r.error(y.offset, "profile.year", CheckError::YearOutOfRange.text());
            0
        }
        None => 0,
    };
    if source.value.trim().is_empty() {
        let e = CheckError::MissingTargetSource;
        r.error(source.offset, "profile.source", e.text());
    }
    if entries.is_empty() && doc.get_ref().contains_key("targets") {
        r.error(targets_at, "targets", CheckError::NoTargets.text());
    }
    let mut targets = IdMap::default();
    for (indicator, value) in entries {
        let field = format!("targets.{}", indicator.value);
        check_indicator_known(&mut r, &indicator, &field, questionnaires);
        let v = value.value;
        if !(0.0..=100.0).contains(&v) {
            let e = CheckError::TargetOutOfRange { value: v };
            r.error(value.offset, &field, e.text());
        }
        targets.insert(indicator.value, v);
    }
    r.finish(TargetProfile {
        id: id.value.trim().to_string(),
        name,
        region,
        year,
        scope,
        source: Text {
            zh: source.value,
            en: source_en.map(|s| s.value),
        },
        date: date.map(|d| d.value),
        note,
        targets,
    })
}

/// Reports an indicator id that none of `questionnaires` defines (profiles and benchmarks name them).
pub(super) fn check_indicator_known(
    r: &mut Reader,
    indicator: &At<String>,
    field: &str,
    questionnaires: &[&Questionnaire],
) {
    if !questionnaires
        .iter()
        .any(|q| q.indicator(&indicator.value).is_some())
    {
        let e = CheckError::UnknownIndicator {
            id: indicator.value.clone(),
        };
        r.error(indicator.offset, field, e.text());
    }
}

impl TargetProfile {
    fn default_for_errors() -> Self {
        TargetProfile {
            id: String::new(),
            name: Text::default(),
            region: Text::default(),
            year: 0,
            scope: Text::default(),
            source: Text::default(),
            date: None,
            note: None,
            targets: IdMap::default(),
        }
    }
}
