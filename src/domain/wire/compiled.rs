//! The compiled form of checked files: the checked model in postcard (positional binary,
//! so decoding matches no field names and stays small in the wasm), written at build time
//! (`build.rs` loads and checks every built-in file) and by the questionnaire reader,
//! and read back without the TOML reader or the checker. The browser's first visit
//! carries neither of those (docs/performance.md); it only decodes this.
//!
//! Only values that passed `load` are ever encoded, so decoding trusts the content and
//! rebuilds what the encoding leaves out (the item index).

use serde::{Deserialize, Serialize};

use crate::domain::model::benchmark::Benchmark;
use crate::domain::model::questionnaire::Questionnaire;
use crate::domain::model::targets::TargetProfile;
use crate::domain::read::source_pos::LoadError;

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

pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Plain data into a growing buffer: serialising cannot fail.
    postcard::to_allocvec(value).unwrap_or_default()
}

fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("{e}"))
}

pub fn decode_catalogue(bytes: &[u8]) -> Result<Catalogue, String> {
    let mut catalogue: Catalogue = decode(bytes)?;
    catalogue.questionnaires = catalogue
        .questionnaires
        .into_iter()
        .map(Questionnaire::indexed)
        .collect();
    Ok(catalogue)
}

pub fn decode_questionnaire(bytes: &[u8]) -> Result<Questionnaire, String> {
    decode::<Questionnaire>(bytes).map(Questionnaire::indexed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    /// Decoding gives back exactly what was checked, item index included, for every
    /// built-in file.
    #[test]
    fn the_compiled_catalogue_round_trips() {
        let catalogue = builtin::catalogue().expect("built-in files load");
        let decoded = decode_catalogue(&encode(&catalogue)).expect("decodes");
        assert_eq!(decoded, catalogue);
        for q in &decoded.questionnaires {
            for item in q.items() {
                assert_eq!(
                    q.item(&item.id).map(|i| &i.id),
                    Some(&item.id),
                    "{}: item index",
                    q.id
                );
            }
            assert_eq!(decode_questionnaire(&encode(q)).as_ref(), Ok(q));
        }
    }

    #[test]
    fn a_damaged_file_is_an_error_not_a_panic() {
        let catalogue = encode(&builtin::catalogue().expect("built-in files load"));
        assert!(
            decode_catalogue(&catalogue[..catalogue.len() / 2]).is_err(),
            "cut short"
        );
        assert!(decode_questionnaire(&[0xff; 8]).is_err());
    }
}
