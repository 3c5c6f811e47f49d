//! The interface language, the firm's profile (and, beside it in the form, the
//! assessment's round and date) and the target profile it is compared with (the firm's
//! region suggests one).

use leptos::prelude::*;

use super::{AppState, Reader};
use crate::domain::model::firm::FirmProfile;
use crate::domain::model::record::is_iso_date;
use crate::domain::model::targets::{suggest_profile, TargetProfile};
use crate::domain::model::text::Lang;

/// One field of the setup form's firm section: a field of the firm's profile, or the
/// assessment's round and date shown beside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirmField {
    Name,
    Sector,
    Size,
    Region,
    RespondentRole,
    /// The assessment's round (`AnswersFile::round`).
    Round,
    /// The day assessed (`AnswersFile::assessed_on`).
    AssessedOn,
}

impl FirmField {
    /// The firm's field; None for the assessment's round and date.
    pub fn of(self, firm: &FirmProfile) -> Option<&String> {
        match self {
            FirmField::Name => Some(&firm.name),
            FirmField::Sector => Some(&firm.sector),
            FirmField::Size => Some(&firm.size),
            FirmField::Region => Some(&firm.region),
            FirmField::RespondentRole => Some(&firm.respondent_role),
            FirmField::Round | FirmField::AssessedOn => None,
        }
    }

    fn of_mut(self, firm: &mut FirmProfile) -> Option<&mut String> {
        match self {
            FirmField::Name => Some(&mut firm.name),
            FirmField::Sector => Some(&mut firm.sector),
            FirmField::Size => Some(&mut firm.size),
            FirmField::Region => Some(&mut firm.region),
            FirmField::RespondentRole => Some(&mut firm.respondent_role),
            FirmField::Round | FirmField::AssessedOn => None,
        }
    }
}

impl AppState {
    pub fn lang(&self) -> Reader<Lang> {
        Reader(self.lang)
    }

    /// Switches the interface between Chinese and English.
    pub fn toggle_lang(&self) {
        self.lang.update(|l| {
            *l = match l {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }
        });
    }

    /// The current assessment's firm.
    pub fn firm(&self) -> Reader<FirmProfile> {
        Reader(self.firm)
    }

    /// What one field of the firm section holds (tracked).
    pub fn firm_field(&self, field: FirmField) -> String {
        match field {
            FirmField::Round => self.round.get(),
            FirmField::AssessedOn => self.assessed_on.get(),
            _ => self.firm.with(|f| field.of(f).cloned().unwrap_or_default()),
        }
    }

    /// Sets one field of the firm section; a region pre-selects the matching regional
    /// target profile, if there is one. The day assessed takes a date of the calendar
    /// or nothing (cleared): the date field gives nothing else, and anything else is
    /// not taken, so a saved or exported assessment always has a date that reads as one.
    pub fn set_firm_field(&self, field: FirmField, value: String) {
        match field {
            FirmField::Round => return self.round.set(value),
            FirmField::AssessedOn => {
                if value.is_empty() || is_iso_date(&value) {
                    self.assessed_on.set(value);
                }
                return;
            }
            _ => {}
        }
        let suggested = (field == FirmField::Region)
            .then(|| {
                self.catalogue
                    .with_value(|c| suggest_profile(&c.profiles, &value).map(|p| p.id.clone()))
            })
            .flatten();
        self.firm.update(|f| {
            if let Some(v) = field.of_mut(f) {
                *v = value;
            }
        });
        if let Some(id) = suggested {
            self.profile_id.set(id);
        }
    }

    /// The id of the target profile compared with.
    pub fn profile_id(&self) -> Reader<String> {
        Reader(self.profile_id)
    }

    pub fn set_profile(&self, id: String) {
        self.profile_id.set(id);
    }

    pub fn profiles(&self) -> Vec<TargetProfile> {
        self.catalogue.with_value(|c| c.profiles.clone())
    }

    /// The target profile compared with (tracked).
    pub fn profile(&self) -> TargetProfile {
        let id = self.profile_id.get();
        self.catalogue
            .with_value(|c| c.profile(&id).unwrap_or(&c.profiles[0]).clone())
    }

    /// Where the national actual values come from.
    pub fn benchmark_source(&self) -> String {
        self.catalogue.with_value(|c| c.benchmark.source.clone())
    }
}
