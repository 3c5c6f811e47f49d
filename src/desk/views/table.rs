//! The one table component of the desk's views (comparison, rounds, roll-up): a
//! `ScreenTable` as an HTML table with its caption, column headings and a heading for
//! each row, in a region that scrolls sideways on a phone (focusable, so that a
//! keyboard can scroll it too).

use leptos::prelude::*;

use crate::domain::report::screen_table::ScreenTable;

#[component]
pub fn DataTable(table: ScreenTable, #[prop(into)] class: String) -> impl IntoView {
    let ScreenTable {
        caption,
        headings,
        keys,
        rows,
    } = table;
    let label = caption.clone();
    view! {
        <div class="table-wrap desk-table-wrap" tabindex="0" role="region" aria-label=label>
            <table class=format!("desk-table {class}")>
                <caption>{caption}</caption>
                <thead>
                    <tr>{headings.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {rows.into_iter().zip(keys).map(|(cells, key)| {
                        let mut cells = cells.into_iter();
                        let name = cells.next().unwrap_or_default();
                        view! {
                            <tr data-row=key>
                                <th scope="row">{name}</th>
                                {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A chart's SVG (from `charts`, every text escaped there) in the page.
#[component]
pub fn Chart(svg: String, #[prop(into)] class: String) -> impl IntoView {
    view! { <div class=format!("desk-chart {class}") inner_html=svg></div> }
}
