//! The checked questionnaire model. Values of these types exist only after `load` has
//! validated a file: ids are unique and every reference points at an item of the right kind.

use std::collections::BTreeMap;

use super::text::Text;

#[derive(Clone, Debug, PartialEq)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub description: Option<Text>,
    pub sources: Vec<Source>,
    pub indicators: Vec<Indicator>,
    pub sections: Vec<Section>,
    /// Item id → (section, dimension, item) index, built once at load.
    item_index: BTreeMap<String, (usize, usize, usize)>,
}

/// A document a figure or definition comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub dimensions: Vec<Dimension>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dimension {
    pub id: String,
    pub title: Text,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub id: String,
    pub text: Text,
    pub help: Option<Text>,
    pub kind: ItemKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    /// A whole number ≥ `min`, at most `max` where given.
    Count { unit: Text, min: u64, max: Option<u64> },
    /// Tick any number of the options.
    MultiSelect { options: Vec<ChoiceOption> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceOption {
    pub id: String,
    pub text: Text,
}

/// A headline indicator the firm's answers yield, in percent.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub name: Text,
    pub unit: String,
    pub formula: Formula,
    pub definition: Text,
    /// Id of an entry in `Questionnaire::sources`.
    pub source: String,
    /// A working definition, not an official firm-level formula.
    pub unverified: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Formula {
    /// numerator ÷ denominator, both count items; the numerator is part of the denominator.
    Ratio { numerator: String, denominator: String },
    /// ticked options ÷ all options of a multi-select item.
    SelectedShare { item: String },
}

impl Questionnaire {
    pub(crate) fn new(
        id: String,
        version: String,
        title: Text,
        description: Option<Text>,
        sources: Vec<Source>,
        indicators: Vec<Indicator>,
        sections: Vec<Section>,
    ) -> Self {
        let mut item_index = BTreeMap::new();
        for (s, section) in sections.iter().enumerate() {
            for (d, dimension) in section.dimensions.iter().enumerate() {
                for (i, item) in dimension.items.iter().enumerate() {
                    item_index.insert(item.id.clone(), (s, d, i));
                }
            }
        }
        Questionnaire { id, version, title, description, sources, indicators, sections, item_index }
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        let &(s, d, i) = self.item_index.get(id)?;
        Some(&self.sections[s].dimensions[d].items[i])
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.dimensions.iter()).flat_map(|d| d.items.iter())
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }
}
