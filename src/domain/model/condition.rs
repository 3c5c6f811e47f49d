//! Conditions: a small expression language over answers (`visible_if`) and, in
//! recommendations (`when`), over results too.
//!
//! The syntax (read by `read::condition_parser`):
//!
//! ```text
//! expr    := and ("or" and)*
//! and     := unary ("and" unary)*
//! unary   := "not" unary | primary
//! primary := "(" expr ")" | "answered(" id ")" | "selected(" id "," id ")"
//!          | id op value | metric op (number | metric)      op := == != < <= > >=
//! value   := number | id
//! metric  := "indicator(" id ")" | "target(" id ")" | "national(" id ")"
//!          | "dimension(" id ")" | "section(" id ")" | "score" | "level"
//!          | "firm(" ("size" | "sector") ")"
//! ```

use serde::{Deserialize, Deserializer, Serialize};
use std::cell::Cell;
use std::fmt;

/// How deep a decoded condition may nest (`not`, `and`, `or` within one another). The
/// parser makes no tree taller than its limits allow (`read::condition_parser`, which
/// asserts that bound is within this one), so only a crafted compiled file or worker
/// reply comes near it; decoding refuses it here instead of recursing down it until the
/// stack overflows.
pub const MAX_DECODED_DEPTH: usize = 300;

thread_local! {
    /// How many `not`, `and` and `or` the decoder is inside at this point.
    static DECODING_DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// One level of a condition being decoded, counted while it lasts (so an error on the
/// way down leaves the count right too).
struct Nesting;

impl Nesting {
    fn enter() -> Option<Nesting> {
        DECODING_DEPTH.with(|depth| {
            let now = depth.get();
            (now < MAX_DECODED_DEPTH).then(|| {
                depth.set(now + 1);
                Nesting
            })
        })
    }
}

impl Drop for Nesting {
    fn drop(&mut self) {
        DECODING_DEPTH.with(|depth| depth.set(depth.get().saturating_sub(1)));
    }
}

/// Decodes the condition inside a `not`, `and` or `or`, one level deeper.
fn nested<'de, D: Deserializer<'de>>(d: D) -> Result<Box<Condition>, D::Error> {
    let _level =
        Nesting::enter().ok_or_else(|| serde::de::Error::custom("a condition nested too deep"))?;
    Box::<Condition>::deserialize(d)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    pub fn holds(self, a: f64, b: f64) -> bool {
        match self {
            Op::Eq => a == b,
            Op::Ne => a != b,
            Op::Lt => a < b,
            Op::Le => a <= b,
            Op::Gt => a > b,
            Op::Ge => a >= b,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Number(f64),
    /// An option id, or yes/no, or up/flat/down.
    Name(String),
}

/// A figure of the result, usable in recommendations' conditions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Metric {
    /// The firm's indicator value, percent.
    Indicator(String),
    /// The selected profile's target for an indicator.
    Target(String),
    /// The latest national actual value of an indicator.
    National(String),
    /// A dimension's score, 0–100.
    Dimension(String),
    /// A section's score, 0–100.
    Section(String),
    /// The total (points) or overall score (maturity).
    Score,
    /// The level reached (0 below the first).
    Level,
    /// A firm-profile field: `size` or `sector`.
    Firm(String),
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Metric::Indicator(x) => write!(f, "indicator({x})"),
            Metric::Target(x) => write!(f, "target({x})"),
            Metric::National(x) => write!(f, "national({x})"),
            Metric::Dimension(x) => write!(f, "dimension({x})"),
            Metric::Section(x) => write!(f, "section({x})"),
            Metric::Score => f.write_str("score"),
            Metric::Level => f.write_str("level"),
            Metric::Firm(x) => write!(f, "firm({x})"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Rhs {
    Number(f64),
    Name(String),
    Metric(Metric),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// A comparison of result figures (recommendations only).
    Metric {
        left: Metric,
        op: Op,
        right: Rhs,
    },
    Answered(String),
    Selected {
        item: String,
        option: String,
    },
    Compare {
        item: String,
        op: Op,
        value: Value,
    },
    Not(#[serde(deserialize_with = "nested")] Box<Condition>),
    And(
        #[serde(deserialize_with = "nested")] Box<Condition>,
        #[serde(deserialize_with = "nested")] Box<Condition>,
    ),
    Or(
        #[serde(deserialize_with = "nested")] Box<Condition>,
        #[serde(deserialize_with = "nested")] Box<Condition>,
    ),
}

impl Condition {
    /// Every item the condition reads, for reference and cycle checks.
    pub fn items(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_items(&mut out);
        out
    }

    /// The first item the condition reads for which `pred` holds, without collecting them.
    pub fn first_item(&self, pred: &mut dyn FnMut(&str) -> bool) -> Option<&str> {
        match self {
            Condition::Metric { .. } => None,
            Condition::Answered(i)
            | Condition::Selected { item: i, .. }
            | Condition::Compare { item: i, .. } => pred(i).then_some(i.as_str()),
            Condition::Not(c) => c.first_item(pred),
            Condition::And(a, b) | Condition::Or(a, b) => {
                a.first_item(pred).or_else(|| b.first_item(pred))
            }
        }
    }

    /// Every metric the condition reads.
    pub fn metrics(&self) -> Vec<&Metric> {
        let mut out = Vec::new();
        self.collect_metrics(&mut out);
        out
    }

    fn collect_metrics<'a>(&'a self, out: &mut Vec<&'a Metric>) {
        match self {
            Condition::Metric { left, right, .. } => {
                out.push(left);
                if let Rhs::Metric(m) = right {
                    out.push(m);
                }
            }
            Condition::Not(c) => c.collect_metrics(out),
            Condition::And(a, b) | Condition::Or(a, b) => {
                a.collect_metrics(out);
                b.collect_metrics(out);
            }
            _ => {}
        }
    }

    fn collect_items<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::Metric { .. } => {}
            Condition::Answered(i)
            | Condition::Selected { item: i, .. }
            | Condition::Compare { item: i, .. } => out.push(i),
            Condition::Not(c) => c.collect_items(out),
            Condition::And(a, b) | Condition::Or(a, b) => {
                a.collect_items(out);
                b.collect_items(out);
            }
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Condition::Metric {
                left,
                op,
                right: Rhs::Number(n),
            } => write!(f, "{left} {} {n}", op.symbol()),
            Condition::Metric {
                left,
                op,
                right: Rhs::Name(n),
            } => write!(f, "{left} {} {n}", op.symbol()),
            Condition::Metric {
                left,
                op,
                right: Rhs::Metric(m),
            } => write!(f, "{left} {} {m}", op.symbol()),
            Condition::Answered(i) => write!(f, "answered({i})"),
            Condition::Selected { item, option } => write!(f, "selected({item}, {option})"),
            Condition::Compare {
                item,
                op,
                value: Value::Number(n),
            } => write!(f, "{item} {} {n}", op.symbol()),
            Condition::Compare {
                item,
                op,
                value: Value::Name(n),
            } => write!(f, "{item} {} {n}", op.symbol()),
            Condition::Not(c) => write!(f, "not ({c})"),
            Condition::And(a, b) => write!(f, "({a}) and ({b})"),
            Condition::Or(a, b) => write!(f, "({a}) or ({b})"),
        }
    }
}
