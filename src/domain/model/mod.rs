//! The checked model: what a questionnaire, a target profile, a benchmark, a firm and its
//! answers are once read and checked. Values of these types exist only after checking.

pub mod answers;
pub mod benchmark;
pub mod condition;
pub mod firm;
pub mod questionnaire;
pub mod record;
pub mod targets;
pub mod text;
