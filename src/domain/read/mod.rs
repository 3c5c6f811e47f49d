//! Reading text into the model: TOML into raw structs with positions, then the checks
//! (`check`) that build checked values; the answers file; numbers as typed. Every
//! error names the file, line, column and field.

/// `(error, zh, en)` for one sample of every variant of an error enum, listed as
/// `Variant { field: value, … } => "zh", "en";`. It also expands to a match over the
/// listed variants with no wildcard arm, so a variant without a sample fails to compile.
#[cfg(test)]
macro_rules! one_sample_of_every_variant {
    ($enum:ident: $($variant:ident $fields:tt => $zh:expr, $en:expr;)*) => {{
        #[allow(dead_code)]
        fn every_variant_is_listed(e: &$enum) {
            match e {
                $($enum::$variant { .. } => {})*
            }
        }
        vec![$(($enum::$variant $fields, $zh, $en)),*]
    }};
}

pub mod answers_file;
pub mod check;
mod condition_parser;
pub mod number_input;
mod raw;
mod shape_errors;
pub mod source_pos;
mod toml_reader;
