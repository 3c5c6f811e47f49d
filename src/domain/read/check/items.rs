//! One item: its id, texts and source, the fields its kind allows, and its kind (read
//! in `kinds`). Its `visible_if` is read once every item exists (`conditions`).

use std::collections::BTreeSet;

use super::{CheckError, Checker};
use crate::domain::model::questionnaire::{Item, ItemKind};
use crate::domain::read::raw::RawItem;

/// Every kind an item may have.
const KINDS: [&str; 9] = [
    "single_choice",
    "multi_select",
    "count",
    "amount",
    "ratio",
    "trend",
    "yes_no",
    "text",
    "level",
];

impl Checker<'_, '_> {
    pub(super) fn item(&mut self, raw: &RawItem, field: &str, sources: &BTreeSet<String>) -> Item {
        let id = self.unique_id(&raw.id, &format!("{field}.id"));
        let text = self.text(&raw.text, &format!("{field}.text"));
        let help = raw
            .help
            .as_ref()
            .map(|h| self.text(h, &format!("{field}.help")));
        if let Some(s) = &raw.source {
            self.source_ref(s, &format!("{field}.source"), sources);
        }
        let kind_name = raw.kind.value.as_str();
        self.fields_fit_kind(raw, field, kind_name);
        let kind = match kind_name {
            "single_choice" => self.single_choice(raw, field),
            "multi_select" => self.multi_select(raw, field),
            "count" => self.count(raw, field),
            "amount" => self.amount(raw, field),
            "ratio" => self.ratio(raw, field),
            "trend" => self.trend(raw, field),
            "yes_no" => self.yes_no(raw, field),
            "text" => ItemKind::FreeText,
            "level" => self.level_item(raw, field),
            "" => ItemKind::FreeText, // a missing kind is already reported
            other => {
                let e = CheckError::UnknownKind {
                    kind: other.to_string(),
                };
                self.error(raw.kind.offset, &format!("{field}.kind"), e);
                ItemKind::FreeText
            }
        };
        Item {
            id,
            text,
            help,
            kind,
            allow_na: raw.allow_na,
            allow_unknown: raw.allow_unknown,
            visible_if: None, // parsed in `conditions`, once every item exists
            source: raw.source.as_ref().map(|s| s.value.trim().to_string()),
            unverified: raw.unverified,
        }
    }

    /// Reports fields that have no meaning for the item's kind (a typo or a wrong kind).
    fn fields_fit_kind(&mut self, raw: &RawItem, field: &str, kind: &str) {
        let present: [(&'static str, Option<usize>, &[&str]); 12] = [
            (
                "options",
                raw.options.as_ref().map(|_| raw.offset),
                &["single_choice", "multi_select"],
            ),
            ("cap", raw.cap.as_ref().map(|v| v.offset), &["multi_select"]),
            (
                "unit",
                raw.unit.as_ref().map(|v| v.offset),
                &["count", "amount"],
            ),
            (
                "min",
                raw.min.as_ref().map(|v| v.offset),
                &["count", "amount"],
            ),
            (
                "max",
                raw.max.as_ref().map(|v| v.offset),
                &["count", "amount"],
            ),
            (
                "numerator",
                raw.numerator.as_ref().map(|v| v.offset),
                &["ratio"],
            ),
            ("bands", raw.bands.as_ref().map(|b| b.0), &["ratio"]),
            ("closed", raw.closed.as_ref().map(|v| v.offset), &["ratio"]),
            ("better", raw.better.as_ref().map(|v| v.offset), &["trend"]),
            (
                "from_figures",
                raw.from_figures.as_ref().map(|f| f.offset),
                &["trend"],
            ),
            ("levels", raw.levels.as_ref().map(|l| l.0), &["level"]),
            (
                "below_first",
                raw.below_first.as_ref().map(|t| t.offset),
                &["level"],
            ),
        ];
        if !KINDS.contains(&kind) {
            return; // the unknown kind is reported once, by `item`
        }
        for (name, at, kinds) in present {
            if let Some(at) = at {
                if !kinds.contains(&kind) {
                    let e = CheckError::FieldNotForKind {
                        field: name,
                        kind: kind.to_string(),
                    };
                    self.error(at, &format!("{field}.{name}"), e);
                }
            }
        }
    }
}
