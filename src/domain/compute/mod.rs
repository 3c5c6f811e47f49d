//! From answers to results: evaluation (visibility, states, numbers, field errors), the
//! headline indicators, scores and levels, recommendations, and `assess`, the one entry
//! point the app and the CLI share; `rollup`, many firms' assessments folded into a
//! portfolio's figures.

pub mod assessment;
pub mod carry_over;
pub mod evaluation;
pub mod indicators;
pub mod recommend;
pub mod rollup;
pub mod scoring;
pub mod upgrade;
