//! What the app keeps in the browser's storage, and how each entry is written: the
//! value in postcard (positional binary), base64-encoded, after a tag naming the
//! encoding. Decoding it needs no JSON and no field-name matching, so the app's first
//! visit carries no JSON code at all (docs/performance.md).
//!
//! Entries from earlier releases are JSON (they start with `{` or `[`): `is_legacy`
//! tells them apart, and the files worker converts them (`formats::Job::ReadLegacyEntry`).
//!
//! Positional means a field added to one of these types makes older entries
//! unreadable: such a change needs a new tag and a conversion from the old one
//! (`Stored`).
//!
//! * `pc1:` — the first layout.
//! * `pc2:` — the answers file gained `round` and `assessed_on`, as its last two fields
//!   (and so the last two of `Saved`, whose last field it is). Every entry this release
//!   writes is `pc2:`; a `pc1:` entry is read and converted.

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::domain::model::record::date_of;
use crate::domain::model::text::Lang;
use crate::domain::read::answers_file::AnswersFile;

/// The version of `Settings` and `Saved` (their `format_version`).
pub const FORMAT_VERSION: u32 = 1;
/// Starts every entry this release writes: the encoding (postcard in base64), layout 2.
const TAG: &str = "pc2:";
/// The tag of the first layout, still read.
const TAG_PC1: &str = "pc1:";

/// A value kept in storage, and how an entry of the first layout (`pc1:`) reads as one.
/// Both layouts are decoded by one call of postcard, so each type's decoder is in the
/// app once: a `pc1:` entry's bytes are first made into `pc2:` bytes.
pub trait Stored: DeserializeOwned {
    /// `pc1:` bytes made `pc2:` ones; types whose layout did not change keep them.
    fn widen_pc1(_bytes: &mut Vec<u8>) {}
    /// What a value read from a `pc1:` entry gets that the entry could not say.
    fn after_pc1(self) -> Self {
        self
    }
}

impl Stored for Settings {}
impl Stored for Vec<CustomFile> {}
impl Stored for Consultant {}

impl Stored for Saved {
    /// `pc2:` added two strings at the very end of the entry, so a `pc1:` entry is a
    /// `pc2:` one without them: its bytes with two empty strings (a length of 0 each)
    /// appended.
    fn widen_pc1(bytes: &mut Vec<u8>) {
        bytes.extend_from_slice(&[0, 0]);
    }

    /// No round, and the day of its last save as its date (empty if that is not known):
    /// never a date it was not saved on.
    fn after_pc1(mut self) -> Self {
        self.file.assessed_on = date_of(&self.file.updated_at);
        self
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub format_version: u32,
    pub lang: Lang,
    pub current: Option<String>,
}

/// A questionnaire file a consultant loaded, kept with its source text so that it
/// survives a reload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomFile {
    pub name: String,
    pub source: String,
}

/// One assessment: the answers file the app also exports, plus where the user was.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub format_version: u32,
    pub id: String,
    #[serde(default)]
    pub section: usize,
    /// Where the page was scrolled to when it was left.
    #[serde(default)]
    pub scroll_y: f64,
    pub file: AnswersFile,
}

/// The consultant's name and organisation, printed on every report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consultant {
    pub name: String,
    pub organisation: String,
}

/// Whether `raw` was written by an earlier release (as JSON).
pub fn is_legacy(raw: &str) -> bool {
    raw.starts_with(['{', '['])
}

pub fn encode_entry<T: Serialize>(value: &T) -> String {
    // Plain data into a growing buffer: serialising cannot fail.
    entry_of_bytes(&postcard::to_allocvec(value).unwrap_or_default())
}

/// The entry that holds `bytes` (a value's postcard, for `encode_entry`; any bytes, for a
/// test of what the decoder does with them).
pub fn entry_of_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(TAG.len() + bytes.len().div_ceil(3) * 4);
    out.push_str(TAG);
    base64_encode(bytes, &mut out);
    out
}

/// The value of an entry this release or the `pc1:` one wrote (converted); None for
/// anything else (damaged, or from another release), which the caller sets aside. A
/// `pc1:` entry must be read to its last byte (bytes left over mean another layout).
pub fn decode_entry<T: Stored>(raw: &str) -> Option<T> {
    let (mut bytes, pc1) = entry_bytes(raw)?;
    if pc1 {
        T::widen_pc1(&mut bytes);
    }
    let (value, rest) = postcard::take_from_bytes::<T>(&bytes).ok()?;
    match pc1 {
        true if !rest.is_empty() => None,
        true => Some(value.after_pc1()),
        false => Some(value),
    }
}

/// An entry's bytes, and whether it is a `pc1:` one (the same for every stored type).
fn entry_bytes(raw: &str) -> Option<(Vec<u8>, bool)> {
    match raw.strip_prefix(TAG_PC1) {
        Some(text) => Some((base64_decode(text)?, true)),
        None => Some((base64_decode(raw.strip_prefix(TAG)?)?, false)),
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub(crate) fn base64_encode(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize])
            } else {
                '='
            });
        }
    }
}

/// Each byte's place in `ALPHABET`, or 64 for a byte not in it: decoding runs over every
/// saved entry at start.
const DECODE: [u8; 256] = {
    let mut table = [64u8; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if text.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    for chunk in text.chunks(4) {
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - pad] {
            let v = DECODE[usize::from(c)];
            if v == 64 {
                return None;
            }
            n = n << 6 | u32::from(v);
        }
        n <<= 6 * pad as u32;
        out.extend_from_slice(&n.to_be_bytes()[1..4 - pad]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::answers::{Answer, Answers};
    use crate::domain::model::firm::FirmProfile;
    use crate::domain::read::answers_file::{QuestionnaireRef, FORMAT};
    use proptest::prelude::*;

    fn saved() -> Saved {
        let mut answers = Answers::default();
        answers.set("equip_total", Answer::Typed("120".into()));
        answers.set_special("network", Answer::NotApplicable);
        answers.set(
            "cloud",
            Answer::Selected(["erp".to_string(), "mes".to_string()].into()),
        );
        Saved {
            format_version: FORMAT_VERSION,
            id: "1700000000000-000042".into(),
            section: 2,
            scroll_y: 640.5,
            file: AnswersFile {
                format: FORMAT.into(),
                format_version: 1,
                questionnaire: QuestionnaireRef {
                    id: "sme-digital-level".into(),
                    version: "2024.1".into(),
                },
                firm: FirmProfile {
                    name: "泰州某机械厂".into(),
                    ..FirmProfile::default()
                },
                target_profile: None,
                answers,
                created_at: "2026-11-21T09:30:00Z".into(),
                updated_at: "2026-11-21T10:05:00Z".into(),
                round: "2025 基线".into(),
                assessed_on: "2026-11-20".into(),
            },
        }
    }

    /// A `pc1:` entry of `s` (which must have no round and no date): today's bytes
    /// without the two empty strings `pc2:` added at the end.
    fn pc1_entry(s: &Saved) -> String {
        assert!(s.file.round.is_empty() && s.file.assessed_on.is_empty());
        let bytes = postcard::to_allocvec(s).expect("encodes");
        assert_eq!(bytes[bytes.len() - 2..], [0, 0], "two empty strings last");
        let mut out = TAG_PC1.to_string();
        base64_encode(&bytes[..bytes.len() - 2], &mut out);
        out
    }

    #[test]
    fn a_pc1_assessment_gets_no_round_and_the_day_of_its_last_save() {
        let mut s = saved();
        s.file.round.clear();
        s.file.assessed_on.clear();
        let converted: Saved = decode_entry(&pc1_entry(&s)).expect("converted");
        assert_eq!(
            converted.file.assessed_on, "2026-11-21",
            "the day of updated_at"
        );
        assert_eq!(converted.file.round, "");
        assert_eq!(
            Saved {
                file: AnswersFile {
                    assessed_on: String::new(),
                    ..converted.file.clone()
                },
                ..converted.clone()
            },
            s,
            "everything else as it was"
        );
        // A last save of unknown day: no date is made up.
        s.file.updated_at = "u".into();
        let converted: Saved = decode_entry(&pc1_entry(&s)).expect("converted");
        assert_eq!(converted.file.assessed_on, "");
        // Today's entries are pc2, and the unchanged types read their pc1 entries as they are.
        assert!(encode_entry(&saved()).starts_with("pc2:"));
        let settings = Settings {
            format_version: FORMAT_VERSION,
            lang: Lang::En,
            current: None,
        };
        let pc1 = encode_entry(&settings).replacen(TAG, TAG_PC1, 1);
        assert_eq!(decode_entry(&pc1), Some(settings));
    }

    #[test]
    fn entries_round_trip() {
        let s = saved();
        let raw = encode_entry(&s);
        assert!(raw.starts_with(TAG) && raw.is_ascii(), "{raw}");
        assert!(!is_legacy(&raw));
        assert_eq!(decode_entry::<Saved>(&raw), Some(s));
        let settings = Settings {
            format_version: FORMAT_VERSION,
            lang: Lang::En,
            current: Some("x".into()),
        };
        assert_eq!(decode_entry(&encode_entry(&settings)), Some(settings));
    }

    #[test]
    fn damaged_or_foreign_entries_are_refused() {
        let raw = encode_entry(&saved());
        assert_eq!(
            decode_entry::<Saved>(&raw[..raw.len() - 8]),
            None,
            "cut short"
        );
        assert_eq!(
            decode_entry::<Saved>(&raw.replace(TAG, "pc9:")),
            None,
            "another encoding"
        );
        assert_eq!(decode_entry::<Saved>("pc1:@@@@"), None, "not base64");
        assert_eq!(decode_entry::<Saved>("pc2:@@@@"), None, "not base64");
        assert_eq!(
            decode_entry::<Saved>(&raw.replacen(TAG, TAG_PC1, 1)),
            None,
            "a pc2 entry is no pc1 one: read as one, it leaves bytes over"
        );
        assert_eq!(
            decode_entry::<Saved>("{\"format_version\":1}"),
            None,
            "JSON is converted, not decoded"
        );
        assert!(
            is_legacy("{\"format_version\":1}")
                && is_legacy("[\"a\",\"b\"]")
                && !is_legacy("not json")
        );
    }

    /// The standard's test vectors (RFC 4648, section 10).
    #[test]
    fn base64_matches_the_standard() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut out = String::new();
            base64_encode(plain.as_bytes(), &mut out);
            assert_eq!(out, coded);
            assert_eq!(base64_decode(coded).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(base64_decode("Zg="), None, "length not a multiple of 4");
        assert_eq!(base64_decode("Z==="), None, "too much padding");
    }

    proptest! {
        #[test]
        fn base64_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let mut out = String::new();
            base64_encode(&bytes, &mut out);
            prop_assert_eq!(base64_decode(&out), Some(bytes));
        }
    }
}
