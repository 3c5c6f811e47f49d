//! The national benchmark: actual values of the headline indicators by period, each
//! with the population it was measured over.

use crate::domain::model::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActualValue {
    pub indicator: String,
    /// "2023" or "2025-03": sortable as text.
    pub period: String,
    pub value: f64,
    /// The firms it was measured over ("重点工业企业", "规模以上工业企业", "工业企业" …).
    pub series: Text,
    /// Who published the value, and where (`source`, and `source_en` for the English report).
    pub source: Text,
    /// When it was published ("2024-07-05"), where known.
    pub date: Option<String>,
}

/// How the sources of values taken from Shuzhuan's reference compilation begin, where
/// the issuing document is not recorded.
pub const COMPILATION_SOURCE: &str = "数转参考资料汇编";

impl ActualValue {
    /// Taken from Shuzhuan's reference compilation, its issuing document not recorded.
    pub fn is_from_compilation(&self) -> bool {
        self.source.zh.starts_with(COMPILATION_SOURCE)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    pub id: String,
    pub name: Text,
    pub source: String,
    pub values: Vec<ActualValue>,
}

impl Benchmark {
    /// The most recent value of an indicator (the first listed, if two share a period).
    pub fn latest(&self, indicator: &str) -> Option<&ActualValue> {
        self.values
            .iter()
            .filter(|v| v.indicator == indicator)
            .fold(None, |best: Option<&ActualValue>, v| match best {
                Some(b) if b.period >= v.period => Some(b),
                _ => Some(v),
            })
    }
}
