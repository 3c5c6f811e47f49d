//! The components: they read the app state's signals and the domain's report rows and
//! lay them out; changes go through `AppState`'s methods.

pub mod advice;
pub mod fields;
pub mod form;
pub mod i18n;
pub mod library;
pub mod report_slot;
pub mod results;
pub mod setup;
pub mod staged;
pub mod svg_markup;
pub mod widgets;
