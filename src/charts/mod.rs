//! Charts: pure functions from a result to an SVG string (plotters' SVG backend).

pub mod gap_chart;
mod svg_text;
