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
    pub series: Text,
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
