//! References from one item or indicator to another item: it exists and is of a kind
//! that fits.

use std::collections::BTreeMap;

use super::{CheckError, Checker};
use crate::domain::model::questionnaire::Item;
use crate::domain::read::raw::RawItem;
use crate::domain::read::toml_reader::At;

impl Checker<'_, '_> {
    /// `want` lists the acceptable kinds of the referenced item.
    pub(super) fn item_ref(
        &mut self,
        raw: &At<String>,
        field: &str,
        items: &BTreeMap<String, Item>,
        want: &'static [&'static str],
    ) {
        let id = &raw.value;
        match items.get(id) {
            None => {
                let e = CheckError::UnknownItem { id: id.clone() };
                self.error(raw.offset, field, e);
            }
            Some(item) if !want.contains(&item.kind.name()) => {
                let e = CheckError::WrongItemKind {
                    id: id.clone(),
                    kind: item.kind.name(),
                    wanted: want,
                };
                self.error(raw.offset, field, e);
            }
            Some(_) => {}
        }
    }

    /// A trend's figures are counts or amounts.
    pub(super) fn trend_refs(
        &mut self,
        raw: &RawItem,
        field: &str,
        items: &BTreeMap<String, Item>,
    ) {
        let Some(f) = raw
            .from_figures
            .as_ref()
            .filter(|_| raw.kind.value == "trend")
        else {
            return;
        };
        let keys = [
            ("last", Some(&f.last)),
            ("previous", Some(&f.previous)),
            ("per_last", f.per_last.as_ref()),
            ("per_previous", f.per_previous.as_ref()),
        ];
        for (key, v) in keys {
            if let Some(v) = v.filter(|v| !v.value.is_empty()) {
                let at = format!("{field}.from_figures.{key}");
                self.item_ref(v, &at, items, &["count", "amount"]);
            }
        }
    }

    /// A ratio item's numerator and denominator are counts or amounts.
    pub(super) fn ratio_refs(
        &mut self,
        raw: &RawItem,
        field: &str,
        items: &BTreeMap<String, Item>,
    ) {
        if raw.kind.value != "ratio" {
            return;
        }
        for (key, v) in [
            ("numerator", &raw.numerator),
            ("denominator", &raw.denominator),
        ] {
            if let Some(v) = v {
                self.item_ref(v, &format!("{field}.{key}"), items, &["count", "amount"]);
            }
        }
    }
}
