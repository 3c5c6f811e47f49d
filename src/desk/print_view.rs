//! Printing one of the desk's views of a selection (the comparison, the rounds, the
//! roll-up) as it is on screen, or as the report it prints as (the roll-up): a class on
//! the root element lets the print stylesheet show that view alone, with a running
//! header and a title naming it, until printing is over.

use leptos::prelude::*;

use crate::desk::views::report::set_running_header;
use crate::domain::report::rollup_printed::PrintTitles;

/// The class the print stylesheet shows the desk's view alone under.
const PRINTING_VIEW: &str = "printing-view";

/// Whether one of the desk's views is being printed: the firm's report the app asks
/// for on `beforeprint` is then not drawn (`ReportState::show`).
pub(crate) fn printing_view() -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.class_list().contains(PRINTING_VIEW))
}

/// Prints the view shown, `titles` giving the running header and the PDF's name;
/// `restore_title` is the page's own title, given back after printing.
pub fn print_view(titles: &PrintTitles, restore_title: &'static str) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = root.class_list().add_1(PRINTING_VIEW);
    set_running_header(&titles.running);
    document().set_title(&titles.document);
    // The listener goes once it has run.
    gloo_events::EventListener::once(&window(), "afterprint", move |_| {
        let _ = root.class_list().remove_1(PRINTING_VIEW);
        set_running_header("");
        document().set_title(restore_title);
    })
    .forget();
    let _ = window().print();
}
