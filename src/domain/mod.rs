//! The pure domain: questionnaire model, answers, indicators, targets, gaps and the
//! report model. Nothing here does IO or depends on the web.

pub mod answers;
pub mod answers_file;
pub mod assessment;
pub mod benchmark;
pub mod compiled;
pub mod condition;
pub mod evaluation;
pub mod fast_map;
pub mod firm;
pub mod formats;
pub mod indicators;
pub mod load;
pub mod number_input;
pub mod questionnaire;
pub mod raw;
pub mod recommend;
pub mod report;
pub mod scoring;
pub mod sorted_map;
pub mod sorting;
pub mod source_pos;
pub mod stored;
pub mod targets;
pub mod text;
pub mod toml_reader;
