//! Charts: pure functions from a result to an SVG string (plotters' SVG backend).

pub mod bars;
pub mod dimension_chart;
pub mod gap_chart;
pub mod radar;
pub mod svg_diff;
mod svg_text;
