//! The JSON of an answers file, read in two passes over the text: the first refuses a
//! key given twice in one object (serde keeps the last one silently), the second reads
//! the file's shape. Both report JSON errors with their line and column. Answers are
//! read one by one, so one that is not of a known form is reported and the others kept.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use super::problems::{AnswerProblem, FileError, Unusable};
use super::{shown, AnswersFile, QuestionnaireRef};
use crate::domain::model::answers::{Answer, Answers};
use crate::domain::model::firm::FirmProfile;
use crate::domain::util::fast_map::IdMap;
use crate::domain::util::sorted_map::{SortedMap, SortedSet};

/// The file and the answers in it that are not of any answer's form (dropped).
pub fn read_json(text: &str) -> Result<(AnswersFile, Vec<AnswerProblem>), FileError> {
    no_duplicate_keys(text)?;
    let raw: RawFile = serde_json::from_str(text).map_err(damaged)?;
    let mut problems = Vec::new();
    let values: SortedMap<Answer> = raw
        .answers
        .values
        .into_iter()
        .filter_map(|(item, value)| match answer_of(&value) {
            Ok(answer) => Some((item, answer)),
            Err(why) => {
                problems.push(AnswerProblem::new(&item, shown(&value.to_string()), why));
                None
            }
        })
        .collect();
    let file = AnswersFile {
        format: raw.format,
        format_version: raw.format_version,
        questionnaire: raw.questionnaire,
        firm: raw.firm,
        target_profile: raw.target_profile,
        answers: Answers {
            values,
            set_aside: raw.answers.set_aside,
        },
        created_at: raw.created_at,
        updated_at: raw.updated_at,
        round: raw.round,
        assessed_on: raw.assessed_on,
    };
    Ok((file, problems))
}

/// What serde_json says, without the position it appends (given apart).
fn damaged(e: serde_json::Error) -> FileError {
    let message = e.to_string();
    let detail = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    FileError::Damaged {
        line: e.line(),
        column: e.column(),
        detail: detail.to_string(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    format: String,
    format_version: u32,
    questionnaire: QuestionnaireRef,
    #[serde(default)]
    firm: FirmProfile,
    #[serde(default)]
    target_profile: Option<String>,
    answers: RawAnswers,
    #[serde(default)]
    created_at: String,
    #[serde(default)]
    updated_at: String,
    #[serde(default)]
    round: String,
    #[serde(default)]
    assessed_on: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswers {
    #[serde(deserialize_with = "entries")]
    values: Vec<(String, Value)>,
    #[serde(default)]
    set_aside: SortedMap<Answer>,
}

/// An object's entries in file order, each value as it is.
fn entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, Value)>, D::Error> {
    struct Entries;
    impl<'de> Visitor<'de> for Entries {
        type Value = Vec<(String, Value)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of answers by item id")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(entry) = map.next_entry::<String, Value>()? {
                out.push(entry);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Entries)
}

/// An answer as the app writes it (`Answer`'s serde form), read by hand so that a
/// value of another form is reported for its item, not for the whole file.
fn answer_of(value: &Value) -> Result<Answer, Unusable> {
    let text = |v: &Value| v.as_str().map(str::to_string).ok_or(Unusable::NotAnAnswer);
    match value {
        Value::String(s) if s == "not_applicable" => Ok(Answer::NotApplicable),
        Value::String(s) if s == "unknown" => Ok(Answer::Unknown),
        Value::Object(map) if map.len() == 1 => {
            let (form, v) = map.iter().next().ok_or(Unusable::NotAnAnswer)?;
            match form.as_str() {
                "typed" => text(v).map(Answer::Typed),
                "choice" => text(v).map(Answer::Choice),
                "text" => text(v).map(Answer::Text),
                "selected" => v
                    .as_array()
                    .ok_or(Unusable::NotAnAnswer)?
                    .iter()
                    .map(text)
                    .collect::<Result<SortedSet, _>>()
                    .map(Answer::Selected),
                "level" => match v.as_u64() {
                    Some(level @ 1..=255) => Ok(Answer::Level(level as u8)),
                    _ if v.is_number() => Err(Unusable::LevelOutOfRange { levels: None }),
                    _ => Err(Unusable::NotAnAnswer),
                },
                _ => Err(Unusable::NotAnAnswer),
            }
        }
        _ => Err(Unusable::NotAnAnswer),
    }
}

/// The first pass: the JSON's syntax, and every object's keys unique.
fn no_duplicate_keys(text: &str) -> Result<(), FileError> {
    let duplicate = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let walked = Walk(&duplicate)
        .deserialize(&mut de)
        .and_then(|()| de.end());
    walked.map_err(|e| match duplicate.take() {
        Some(key) => FileError::DuplicateKey {
            key: shown(&key),
            line: e.line(),
            column: e.column(),
        },
        None => damaged(e),
    })
}

/// Walks any JSON value; a key seen twice in one object is put in the cell and stops
/// the walk (serde_json then gives the error its position). serde_json's own depth
/// limit keeps the recursion bounded.
#[derive(Clone, Copy)]
struct Walk<'a>(&'a RefCell<Option<String>>);

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen: IdMap<()> = IdMap::default();
        while let Some(key) = map.next_key::<String>()? {
            if seen.insert(key.clone(), ()).is_some() {
                *self.0.borrow_mut() = Some(key);
                return Err(de::Error::custom("duplicate key"));
            }
            map.next_value_seed(self)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#""format": "shuzhuan-answers", "format_version": 1, "questionnaire": { "id": "q", "version": "1" }"#;

    #[test]
    fn a_key_given_twice_is_refused_where_it_is_given_again() {
        let twice = format!("{{ {HEAD},\n  \"answers\": {{ \"values\": {{ \"a\": {{ \"typed\": \"1\" }},\n    \"a\": {{ \"typed\": \"2\" }} }} }} }}");
        let Err(FileError::DuplicateKey { key, line, .. }) = read_json(&twice) else {
            panic!("refused")
        };
        assert_eq!((key.as_str(), line), ("a", 3));
        // The same key in two objects is no duplicate; "format" twice at the top is.
        let fine = format!("{{ {HEAD}, \"answers\": {{ \"values\": {{ \"a\": {{ \"typed\": \"1\" }}, \"b\": {{ \"typed\": \"1\" }} }} }} }}");
        assert!(read_json(&fine).is_ok());
        let top = format!("{{ {HEAD}, \"format\": \"x\", \"answers\": {{ \"values\": {{}} }} }}");
        assert!(
            matches!(read_json(&top), Err(FileError::DuplicateKey { key, .. }) if key == "format")
        );
    }

    #[test]
    fn each_answer_form_is_read_and_others_reported_by_item() {
        let file = format!(
            r#"{{ {HEAD}, "answers": {{ "values": {{
              "t": {{ "typed": "12" }}, "c": {{ "choice": "yes" }}, "x": {{ "text": "备注" }},
              "s": {{ "selected": ["b", "a"] }}, "l": {{ "level": 3 }}, "n": "not_applicable", "u": "unknown",
              "bad_number": {{ "typed": 12 }}, "bad_level": {{ "level": 300 }}, "zero": {{ "level": 0 }},
              "two": {{ "typed": "1", "choice": "a" }}, "odd": "maybe" }} }} }}"#
        );
        let (read, problems) = read_json(&file).expect("read");
        let a = &read.answers;
        assert_eq!(a.typed("t"), "12");
        assert_eq!(a.choice("c"), Some("yes"));
        assert_eq!(a.get("x"), Some(&Answer::Text("备注".into())));
        assert_eq!(
            a.selected("s")
                .map(|s| s.iter().cloned().collect::<Vec<_>>()),
            Some(vec!["a".into(), "b".into()])
        );
        assert_eq!(a.level("l"), Some(3));
        assert_eq!(
            (a.get("n"), a.get("u")),
            (Some(&Answer::NotApplicable), Some(&Answer::Unknown))
        );
        let reported: Vec<(&str, &str, &Unusable)> = problems
            .iter()
            .map(|p| (p.item.as_str(), p.value.as_str(), &p.why))
            .collect();
        assert_eq!(
            reported,
            vec![
                ("bad_number", r#"{"typed":12}"#, &Unusable::NotAnAnswer),
                (
                    "bad_level",
                    r#"{"level":300}"#,
                    &Unusable::LevelOutOfRange { levels: None }
                ),
                (
                    "zero",
                    r#"{"level":0}"#,
                    &Unusable::LevelOutOfRange { levels: None }
                ),
                (
                    "two",
                    r#"{"choice":"a","typed":"1"}"#,
                    &Unusable::NotAnAnswer
                ),
                ("odd", r#""maybe""#, &Unusable::NotAnAnswer),
            ]
        );
        assert_eq!(a.values.len(), 7, "the usable answers are all kept");
    }

    #[test]
    fn json_errors_keep_their_position_apart() {
        let Err(FileError::Damaged {
            line,
            column,
            detail,
        }) = read_json("{\n  \"format\": }")
        else {
            panic!("damaged")
        };
        assert_eq!((line, column, detail.as_str()), (2, 13, "expected value"));
        // Nested beyond serde_json's limit: an error, not a stack overflow.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(read_json(&deep), Err(FileError::Damaged { .. })));
        let Err(FileError::Damaged { detail, .. }) = read_json(&format!(
            "{{ {HEAD}, \"answers\": {{ \"values\": {{ \"a\": {{ \"typed\": 1e400 }} }} }} }}"
        )) else {
            panic!("out of range")
        };
        assert_eq!(detail, "number out of range");
    }
}
