//! A table's export to a spreadsheet: "CSV" (UTF-8 with a byte-order mark, so Excel and
//! WPS read the Chinese) and "Excel (XLSX)" (real numbers and formats, written in the
//! XLSX worker, started on the first one). The table comes from a closure, so it is
//! built (and its figures computed) only when asked for; any view with a
//! `domain::report::table::Table` can offer it (the portfolio; the comparison and the
//! roll-up).

use leptos::prelude::*;

use super::t;
use crate::desk::exchange::{export_table, Sheet};
use crate::desk::state::DeskState;
use crate::domain::report::table::Table;

/// `id` names the buttons (`{id}-csv`, `{id}-xlsx`); `stem` the file (`{stem}-<day>.csv`);
/// `what_zh` / `what_en` the table, for the group's label ("导出评估一览").
#[component]
pub fn TableExport<F>(
    state: DeskState,
    table: F,
    id: &'static str,
    stem: &'static str,
    what_zh: &'static str,
    what_en: &'static str,
) -> impl IntoView
where
    F: Fn() -> Table + Clone + Send + Sync + 'static,
{
    let lang = state.lang();
    let label = move || match lang.get() {
        crate::domain::model::text::Lang::Zh => format!("导出{what_zh}"),
        crate::domain::model::text::Lang::En => format!("Export the {what_en}"),
    };
    let csv = table.clone();
    view! {
        <div class="table-export" role="group" aria-label=label>
            <span class="table-export-label" aria-hidden="true">{t(lang, "导出表格：", "Export the table:")}</span>
            <button type="button" class="small" id=format!("{id}-csv") on:click=move |_| export_table(state, csv(), stem, Sheet::Csv)>"CSV"</button>
            <button type="button" class="small" id=format!("{id}-xlsx") on:click=move |_| export_table(state, table(), stem, Sheet::Xlsx)>"Excel (XLSX)"</button>
        </div>
    }
}
