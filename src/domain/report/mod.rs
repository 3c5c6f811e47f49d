//! The report model: what the results panel, the charts, the printed report and the
//! CLI show, as display-ready rows in one language. Every figure and level name is
//! worded here, through `format`, and nowhere else: the views and charts lay the rows'
//! words out (charts keep the numbers only for their geometry), so the screen, a chart
//! and the PDF can never disagree on a figure.

mod advice;
mod answers;
pub mod compare;
mod dimensions;
pub mod format;
mod gaps;
mod indicators;
mod library;
mod notes;
pub mod portfolio;
pub mod printed;
mod rollup;
pub mod rollup_printed;
pub mod screen_table;
pub mod selection;
mod sources;
mod summary;
pub mod table;
mod upgrade_notice;

pub use advice::{advice_rows, AdviceRow};
pub use answers::answer_text;
pub use dimensions::{dimension_rows, DimensionRow};
pub use format::{format_percent, format_target, round1};
pub use gaps::largest_gaps;
pub use indicators::{indicator_rows, IndicatorRow, RowStatus};
pub use library::{library_row, LibraryRow};
pub use notes::{section_note, special_notes, unscored_sections_text, SpecialNote};
pub use rollup::{
    incomplete_line, left_out_line, rollup_report, RollupIndicatorRow, RollupLevelRow, RollupReport,
};
pub use sources::{
    document_sources, method_note, national_sources, source_groups, target_source, SourceGroup,
};
pub use summary::{next_level_name, score_summary, ScoreSummary};
pub use upgrade_notice::upgrade_notice;
