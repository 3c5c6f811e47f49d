//! The checked questionnaire model. Values of these types exist only after `load` has
//! validated a file: ids are unique, every reference points at an item of the right
//! kind, bands cover 0–100 %, points add up and conditions have no cycle.

use crate::domain::util::fast_map::IdMap;
use serde::{Deserialize, Serialize};

use crate::domain::model::condition::{Condition, Metric};
use crate::domain::model::text::{Lang, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scoring {
    /// Items carry points; dimensions and sections add them up (MIIT SME style).
    Points,
    /// Dimensions are rated on levels (CMMM style).
    Maturity,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub description: Option<Text>,
    /// The printed report's method note, in plain words for a client: how the figures
    /// are reached and what is Shuzhuan's own choice; paragraphs apart by a blank line.
    pub method: Option<Text>,
    pub scoring: Scoring,
    pub total_points: f64,
    /// Ids of the sources the questionnaire as a whole follows.
    pub follows: Vec<String>,
    pub sources: Vec<Source>,
    pub indicators: Vec<Indicator>,
    pub levels: Vec<LevelDef>,
    /// An estimate of the level from points and scenario levels, shown beside the level.
    pub scenario_rule: Option<ScenarioRule>,
    pub sections: Vec<Section>,
    pub recommendations: Vec<Recommendation>,
    /// Item id → (section, dimension, item) index, built once at load (`indexed`).
    #[serde(skip)]
    pub(crate) item_index: IdMap<(usize, usize, usize)>,
}

/// A document a figure or definition comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    /// The document's title (`title`, and `title_en` for the English report).
    pub title: Text,
    pub publisher: Option<Text>,
    pub date: Option<String>,
    pub note: Option<String>,
}

/// The publisher that marks a source as Shuzhuan's own (its conventions and
/// compilations), described in the report's method note rather than cited.
pub const OWN_PUBLISHER: &str = "Shuzhuan";

impl Source {
    /// "title，publisher，date" as a client reads a citation, in `lang`'s punctuation.
    pub fn citation(&self, lang: Lang) -> String {
        let mut s = self.title.get(lang).to_string();
        let publisher = self.publisher.as_ref().map(|p| p.get(lang));
        for part in [publisher, self.date.as_deref()].into_iter().flatten() {
            s.push_str(lang.pick("，", ", "));
            s.push_str(part);
        }
        s
    }

    /// Shuzhuan's own working conventions or reference compilation, not a published document.
    pub fn is_own(&self) -> bool {
        self.publisher
            .as_ref()
            .is_some_and(|p| p.zh == OWN_PUBLISHER)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub points: f64,
    pub dimensions: Vec<Dimension>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub title: Text,
    pub points: f64,
    pub weight: f64,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub text: Text,
    pub help: Option<Text>,
    pub kind: ItemKind,
    pub allow_na: bool,
    pub allow_unknown: bool,
    pub visible_if: Option<Condition>,
    pub source: Option<String>,
    pub unverified: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    Up,
    Flat,
    Down,
}

impl Direction {
    pub const ALL: [Direction; 3] = [Direction::Up, Direction::Flat, Direction::Down];

    pub fn id(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Flat => "flat",
            Direction::Down => "down",
        }
    }

    pub fn from_id(s: &str) -> Option<Direction> {
        Direction::ALL.into_iter().find(|d| d.id() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ItemKind {
    SingleChoice {
        options: Vec<ChoiceOption>,
    },
    MultiSelect {
        options: Vec<ChoiceOption>,
        cap: Option<f64>,
    },
    /// A whole number ≥ `min`, at most `max` where given.
    Count {
        unit: Text,
        min: u64,
        max: Option<u64>,
    },
    /// A number with decimals.
    Amount {
        unit: Text,
        min: f64,
        max: Option<f64>,
    },
    /// numerator ÷ denominator in percent, banded to points; not answered directly.
    Ratio {
        numerator: String,
        denominator: String,
        part_of_whole: bool,
        /// Which end of each band belongs to it.
        closed: BandEnd,
        bands: Vec<Band>,
    },
    Trend {
        better: Direction,
        points: [f64; 3],
        /// The two years' figures the direction is computed from, where the firm gives
        /// them; the up/flat/down answer counts only where it does not.
        from_figures: Option<TrendFigures>,
    },
    YesNo {
        points: f64,
    },
    FreeText,
    Level {
        levels: Vec<LevelOption>,
        points: Option<Vec<f64>>,
        /// The answer "not yet the first level" (level 0), where the item offers it.
        below_first: Option<Text>,
    },
}

impl ItemKind {
    /// The most points the item can add to its dimension.
    pub fn max_points(&self) -> f64 {
        // Scoring asks this of every item on every change: plain folds, no dynamic calls.
        match self {
            ItemKind::SingleChoice { options } => {
                options.iter().fold(0.0_f64, |m, o| m.max(o.points))
            }
            ItemKind::MultiSelect { options, cap } => {
                let sum: f64 = options.iter().map(|o| o.points).sum();
                cap.map_or(sum, |c| sum.min(c))
            }
            ItemKind::Ratio { bands, .. } => bands.iter().fold(0.0_f64, |m, b| m.max(b.points)),
            ItemKind::Trend { points, .. } => points.iter().fold(0.0_f64, |m, p| m.max(*p)),
            ItemKind::YesNo { points } => *points,
            ItemKind::Level {
                points: Some(p), ..
            } => p.iter().fold(0.0_f64, |m, p| m.max(*p)),
            ItemKind::Level { points: None, .. }
            | ItemKind::Count { .. }
            | ItemKind::Amount { .. }
            | ItemKind::FreeText => 0.0,
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            ItemKind::SingleChoice { .. } => "single_choice",
            ItemKind::MultiSelect { .. } => "multi_select",
            ItemKind::Count { .. } => "count",
            ItemKind::Amount { .. } => "amount",
            ItemKind::Ratio { .. } => "ratio",
            ItemKind::Trend { .. } => "trend",
            ItemKind::YesNo { .. } => "yes_no",
            ItemKind::FreeText => "text",
            ItemKind::Level { .. } => "level",
        }
    }

    /// Whether the firm answers it (a ratio is computed from other items).
    pub fn is_answered_directly(&self) -> bool {
        !matches!(self, ItemKind::Ratio { .. })
    }
}

/// A trend's figures: `last ÷ per_last` against `previous ÷ per_previous` (or `last`
/// against `previous` without `per`): count or amount items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrendFigures {
    pub last: String,
    pub previous: String,
    /// (per_last, per_previous): what each year's figure is divided by.
    pub per: Option<(String, String)>,
}

impl TrendFigures {
    pub fn items(&self) -> Vec<&str> {
        let mut v = vec![self.last.as_str(), self.previous.as_str()];
        if let Some((a, b)) = &self.per {
            v.extend([a.as_str(), b.as_str()]);
        }
        v
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub id: String,
    pub text: Text,
    pub points: f64,
    pub level: Option<u8>,
}

/// Which end of a band is closed. `Left`: `from ≤ ratio < to`, the last band including
/// its `to`. `Right` (the official MIIT form's `[0–10 %]`, `(10 %, 20 %]`, …): `from < ratio
/// ≤ to`, the first band including its `from` (0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BandEnd {
    Left,
    Right,
}

impl BandEnd {
    pub fn id(self) -> &'static str {
        match self {
            BandEnd::Left => "left",
            BandEnd::Right => "right",
        }
    }

    pub fn from_id(s: &str) -> Option<BandEnd> {
        [BandEnd::Left, BandEnd::Right]
            .into_iter()
            .find(|e| e.id() == s)
    }
}

/// A band of a ratio item's table → points; which end belongs to it is the table's
/// `BandEnd`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub from: f64,
    pub to: f64,
    pub points: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelOption {
    pub level: u8,
    pub text: Text,
}

/// A level of the overall result: a score range (points questionnaires) or a named
/// maturity level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelDef {
    pub level: u8,
    pub name: Text,
    /// `from ≤ total < to`; the last level includes its `to`.
    pub range: Option<(f64, f64)>,
    pub descriptor: Text,
    pub source: Option<String>,
    pub unverified: bool,
}

/// A level rule that combines the points with the scenarios' levels: level `L` needs
/// `points` and at least `scenarios` level items rated `L` or higher, `key` of them among
/// `key_scenarios`. The highest level whose three conditions hold is the estimate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioRule {
    pub key_scenarios: Vec<String>,
    pub levels: Vec<ScenarioLevel>,
    pub source: String,
    pub unverified: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioLevel {
    pub level: u8,
    pub points: f64,
    pub scenarios: usize,
    pub key: usize,
}

/// A headline indicator the firm's answers yield, in percent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Formula {
    /// numerator ÷ denominator, both count items; the numerator is part of the denominator.
    Ratio {
        numerator: String,
        denominator: String,
    },
    /// ticked options ÷ all options of a multi-select item.
    SelectedShare { item: String },
    /// 100 % for yes, 0 % for no.
    YesNo { item: String },
}

impl Formula {
    pub fn inputs(&self) -> Vec<&str> {
        match self {
            Formula::Ratio {
                numerator,
                denominator,
            } => vec![numerator, denominator],
            Formula::SelectedShare { item } | Formula::YesNo { item } => vec![item],
        }
    }
}

/// A recommendation rule: when its condition holds, the action is advised; what it
/// `improves` decides how high it ranks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub id: String,
    pub when: Condition,
    /// `dimension(x)`, `section(x)` or `indicator(x)`.
    pub improves: Option<Metric>,
    pub action: Text,
    pub rationale: Text,
    pub measure: Option<Text>,
    pub source: Option<String>,
}

impl Questionnaire {
    /// Nothing: the value returned alongside errors, never used.
    pub(crate) fn empty() -> Self {
        Questionnaire {
            id: String::new(),
            version: String::new(),
            title: Text::default(),
            description: None,
            method: None,
            scoring: Scoring::Points,
            total_points: 0.0,
            follows: Vec::new(),
            sources: Vec::new(),
            indicators: Vec::new(),
            levels: Vec::new(),
            scenario_rule: None,
            sections: Vec::new(),
            recommendations: Vec::new(),
            item_index: IdMap::default(),
        }
    }

    /// Builds the item index; called once, when a checked questionnaire is complete.
    pub(crate) fn indexed(mut self) -> Self {
        let mut item_index = IdMap::default();
        for (s, section) in self.sections.iter().enumerate() {
            for (d, dimension) in section.dimensions.iter().enumerate() {
                for (i, item) in dimension.items.iter().enumerate() {
                    item_index.insert(item.id.clone(), (s, d, i));
                }
            }
        }
        self.item_index = item_index;
        self
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        let &(s, d, i) = self.item_index.get(id)?;
        Some(&self.sections[s].dimensions[d].items[i])
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections
            .iter()
            .flat_map(|s| s.dimensions.iter())
            .flat_map(|d| d.items.iter())
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }
}
