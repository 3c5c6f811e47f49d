//! The compiled form of checked files: JSON of the checked model, written at build time
//! (`build.rs` loads and checks every built-in file) and by the questionnaire reader,
//! and read back without the TOML reader or the checker. The browser's first visit
//! carries neither of those (docs/performance.md); it only decodes this.
//!
//! Only values that passed `load` are ever encoded, so decoding trusts the content and
//! rebuilds what the encoding leaves out (the item index).

use serde::{Deserialize, Serialize};

use super::benchmark::Benchmark;
use super::questionnaire::Questionnaire;
use super::source_pos::LoadError;
use super::targets::TargetProfile;

/// The built-in files: questionnaires (the first is the default), target profiles (the
/// first is the default) and the national benchmark.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    pub questionnaires: Vec<Questionnaire>,
    pub profiles: Vec<TargetProfile>,
    pub benchmark: Benchmark,
}

impl Catalogue {
    pub fn profile(&self, id: &str) -> Option<&TargetProfile> {
        self.profiles.iter().find(|p| p.id == id)
    }
}

/// What reading a questionnaire file gives: the checked questionnaire or every error.
pub type ReadResult = Result<Questionnaire, Vec<LoadError>>;

pub fn encode<T: Serialize>(value: &T) -> String {
    // The model has string keys and finite numbers only: serialising cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

pub fn decode_catalogue(json: &str) -> Result<Catalogue, String> {
    let mut catalogue: Catalogue = serde_json::from_str(json).map_err(|e| e.to_string())?;
    catalogue.questionnaires = catalogue.questionnaires.into_iter().map(Questionnaire::indexed).collect();
    Ok(catalogue)
}

pub fn decode_questionnaire(json: &str) -> Result<Questionnaire, String> {
    serde_json::from_str::<Questionnaire>(json).map(Questionnaire::indexed).map_err(|e| e.to_string())
}

pub fn decode_read_result(json: &str) -> Result<ReadResult, String> {
    serde_json::from_str::<ReadResult>(json).map(|r| r.map(Questionnaire::indexed)).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use crate::domain::load::load_questionnaire;

    /// Decoding gives back exactly what was checked, item index included, for every
    /// built-in file.
    #[test]
    fn the_compiled_catalogue_round_trips() {
        let catalogue = builtin::catalogue().expect("built-in files load");
        let decoded = decode_catalogue(&encode(&catalogue)).expect("decodes");
        assert_eq!(decoded, catalogue);
        for q in &decoded.questionnaires {
            for item in q.items() {
                assert_eq!(q.item(&item.id).map(|i| &i.id), Some(&item.id), "{}: item index", q.id);
            }
            assert_eq!(decode_questionnaire(&encode(q)).as_ref(), Ok(q));
        }
    }

    #[test]
    fn a_read_result_round_trips_errors_too() {
        let errors = load_questionnaire("bad.toml", "[questionnaire]\nid = 1\n").expect_err("invalid");
        let result: ReadResult = Err(errors.clone());
        assert_eq!(decode_read_result(&encode(&result)), Ok(Err(errors)));
        let (file, src) = builtin::QUESTIONNAIRES[0];
        let ok: ReadResult = load_questionnaire(file, src);
        assert_eq!(decode_read_result(&encode(&ok)), Ok(ok));
    }

    #[test]
    fn a_damaged_file_is_an_error_not_a_panic() {
        assert!(decode_catalogue("{\"questionnaires\": [").is_err());
        assert!(decode_questionnaire("null").is_err());
    }
}
