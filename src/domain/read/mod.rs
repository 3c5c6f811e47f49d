//! Reading text into the model: TOML into raw structs with positions, then the checks
//! (`check`) that build checked values; the answers file; numbers as typed. Every
//! error names the file, line, column and field.

pub mod answers_file;
pub mod check;
pub mod condition_parser;
pub mod number_input;
pub mod raw;
pub mod source_pos;
pub mod toml_reader;
