//! An answers file against its questionnaire: it must be for this questionnaire and
//! version, and each answer must fit its item. An answer that does not is reported and
//! left out, except typed numbers: the text stays (the form shows it with its error,
//! and it scores nothing), so nothing typed is lost.

use super::problems::{AnswerProblem, FileError, Unusable};
use super::{quoted, AnswersRead};
use crate::domain::model::answers::Answer;
use crate::domain::model::questionnaire::{Direction, Item, ItemKind, Questionnaire};
use crate::domain::read::number_input::{parse_bounded_amount, parse_bounded_count};
use crate::domain::util::sorted_map::SortedMap;

pub fn check_answers(read: AnswersRead, q: &Questionnaire) -> Result<AnswersRead, FileError> {
    let AnswersRead {
        mut file,
        mut problems,
    } = read;
    let named = &file.questionnaire;
    if named.id != q.id {
        return Err(FileError::OtherQuestionnaire {
            id: named.id.clone(),
            expected: q.id.clone(),
        });
    }
    if named.version != q.version {
        return Err(FileError::OtherVersion {
            version: named.version.clone(),
            expected: q.version.clone(),
        });
    }
    let values = std::mem::take(&mut file.answers.values);
    file.answers.values = values
        .into_iter()
        .filter_map(|(id, answer)| {
            let mut report =
                |value: String, why: Unusable| problems.push(AnswerProblem::new(&id, value, why));
            let kept = match q.item(&id) {
                None => {
                    report(shown_answer(&answer), Unusable::UnknownItem);
                    None
                }
                Some(item) => fitted(item, answer, &mut report),
            };
            kept.map(|answer| (id, answer))
        })
        .collect::<SortedMap<Answer>>();
    Ok(AnswersRead { file, problems })
}

/// Whether `answer` fits `item` whole, by these checks (reports dropped): what
/// `compute::carry_over::fits` must agree with (tested there).
pub fn fits_as_checked(item: &Item, answer: &Answer) -> bool {
    let mut problems = 0;
    let kept = fitted(item, answer.clone(), &mut |_, why| {
        problems += usize::from(!matches!(
            why,
            Unusable::Number(_) | Unusable::OtherDigits { .. }
        ))
    });
    kept.as_ref() == Some(answer) && problems == 0
}

/// The answer as far as it fits `item`, each part that does not reported.
fn fitted(
    item: &Item,
    answer: Answer,
    report: &mut impl FnMut(String, Unusable),
) -> Option<Answer> {
    let options = match &item.kind {
        ItemKind::SingleChoice { options } | ItemKind::MultiSelect { options, .. } => {
            options.as_slice()
        }
        _ => &[],
    };
    let offered = |id: &str| options.iter().any(|o| o.id == id);
    let why = match (&item.kind, &answer) {
        (ItemKind::Ratio { .. }, _) => Some(Unusable::Computed),
        (_, Answer::NotApplicable) if !item.allow_na => Some(Unusable::NotApplicableNotAllowed),
        (_, Answer::Unknown) if !item.allow_unknown => Some(Unusable::UnknownNotAllowed),
        (_, Answer::NotApplicable | Answer::Unknown) => None,
        (ItemKind::Count { min, max, .. }, Answer::Typed(raw)) => {
            // Kept whatever it says: reported only.
            if let Some(why) = number_problem(raw, |raw| parse_bounded_count(raw, *min, *max).err())
            {
                report(quoted(raw), why);
            }
            None
        }
        (ItemKind::Amount { min, max, .. }, Answer::Typed(raw)) => {
            if let Some(why) =
                number_problem(raw, |raw| parse_bounded_amount(raw, *min, *max).err())
            {
                report(quoted(raw), why);
            }
            None
        }
        (ItemKind::SingleChoice { .. }, Answer::Choice(c)) if !offered(c) => {
            Some(Unusable::UnknownOption { option: c.clone() })
        }
        (ItemKind::YesNo { .. }, Answer::Choice(c)) if c != "yes" && c != "no" => {
            Some(Unusable::UnknownOption { option: c.clone() })
        }
        (ItemKind::Trend { .. }, Answer::Choice(c)) if Direction::from_id(c).is_none() => {
            Some(Unusable::UnknownOption { option: c.clone() })
        }
        (
            ItemKind::SingleChoice { .. } | ItemKind::YesNo { .. } | ItemKind::Trend { .. },
            Answer::Choice(_),
        ) => None,
        (ItemKind::MultiSelect { .. }, Answer::Selected(set)) => {
            let (known, unknown): (Vec<&String>, Vec<&String>) =
                set.iter().partition(|o| offered(o));
            if unknown.is_empty() {
                return Some(answer);
            }
            for option in &unknown {
                report(
                    quoted(option),
                    Unusable::UnknownOption {
                        option: option.to_string(),
                    },
                );
            }
            // Only unknown options ticked: left unanswered, not taken for "none of these".
            return (!known.is_empty())
                .then(|| Answer::Selected(known.into_iter().cloned().collect()));
        }
        (ItemKind::Level { levels, .. }, Answer::Level(l))
            if !(1..=levels.len()).contains(&usize::from(*l)) =>
        {
            Some(Unusable::LevelOutOfRange {
                levels: Some(levels.len()),
            })
        }
        (ItemKind::Level { .. }, Answer::Level(_)) | (ItemKind::FreeText, Answer::Text(_)) => None,
        (kind, _) => Some(Unusable::WrongForm {
            kind: kind.name().to_string(),
        }),
    };
    match why {
        Some(why) => {
            report(shown_answer(&answer), why);
            None
        }
        None => Some(answer),
    }
}

/// Why a typed count or amount cannot be used: digits of another script (named, as the
/// number reader only says "not a number"), or what the number reader says.
fn number_problem(
    raw: &str,
    error: impl Fn(&str) -> Option<crate::domain::read::number_input::CountError>,
) -> Option<Unusable> {
    if let Some(digit) = raw.chars().find(|&c| other_script_digit(c)) {
        return Some(Unusable::OtherDigits { digit });
    }
    error(raw).map(Unusable::Number)
}

/// The zeros of the decimal digits of other scripts that people may paste (Arabic-Indic,
/// Persian, N'Ko, the Indic scripts, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian);
/// full-width digits are read as 0–9.
const OTHER_ZEROS: [u32; 19] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810,
];

fn other_script_digit(c: char) -> bool {
    let c = c as u32;
    OTHER_ZEROS
        .iter()
        .any(|&zero| (zero..zero + 10).contains(&c))
}

/// An answer as the file writes it, for the problem list.
fn shown_answer(answer: &Answer) -> String {
    match answer {
        Answer::Typed(s) | Answer::Choice(s) | Answer::Text(s) => quoted(s),
        Answer::Selected(set) => {
            let list: Vec<String> = set.iter().map(|s| quoted(s)).collect();
            format!("[{}]", list.join(", "))
        }
        Answer::Level(l) => l.to_string(),
        Answer::NotApplicable => "not_applicable".into(),
        Answer::Unknown => "unknown".into(),
    }
}
