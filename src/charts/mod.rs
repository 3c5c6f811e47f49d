//! Charts: pure functions from a result to an SVG string (plotters' SVG backend).

pub mod bars;
pub mod compare_chart;
pub mod dimension_chart;
pub mod gap_chart;
pub mod grouped_bars;
pub mod radar;
pub mod svg_diff;
mod svg_text;
