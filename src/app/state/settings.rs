//! The interface language, the firm's profile and the target profile it is compared
//! with (the firm's region suggests one).

use leptos::prelude::*;

use super::{AppState, Reader};
use crate::domain::model::firm::FirmProfile;
use crate::domain::model::targets::{suggest_profile, TargetProfile};
use crate::domain::model::text::Lang;

/// One text field of the firm's profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirmField {
    Name,
    Sector,
    Size,
    Region,
    RespondentRole,
}

impl FirmField {
    pub fn of(self, firm: &FirmProfile) -> &String {
        match self {
            FirmField::Name => &firm.name,
            FirmField::Sector => &firm.sector,
            FirmField::Size => &firm.size,
            FirmField::Region => &firm.region,
            FirmField::RespondentRole => &firm.respondent_role,
        }
    }

    fn of_mut(self, firm: &mut FirmProfile) -> &mut String {
        match self {
            FirmField::Name => &mut firm.name,
            FirmField::Sector => &mut firm.sector,
            FirmField::Size => &mut firm.size,
            FirmField::Region => &mut firm.region,
            FirmField::RespondentRole => &mut firm.respondent_role,
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

    /// Sets one field of the firm's profile; a region pre-selects the matching regional
    /// target profile, if there is one.
    pub fn set_firm_field(&self, field: FirmField, value: String) {
        let suggested = (field == FirmField::Region)
            .then(|| {
                self.catalogue
                    .with_value(|c| suggest_profile(&c.profiles, &value).map(|p| p.id.clone()))
            })
            .flatten();
        self.firm.update(|f| *field.of_mut(f) = value);
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
