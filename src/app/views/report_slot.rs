//! Where the report goes: the element the desk draws it into (`#report-root`, which this
//! app never renders into), and while the preview waits for the desk, its status or why it
//! could not be loaded, with a retry button.

use leptos::prelude::*;

use crate::app::desk::Desk;
use crate::app::state::AppState;
use crate::app::views::library::desk_status;
use crate::domain::wire::desk::REPORT_ROOT_ID;

#[component]
pub fn ReportSlot(state: AppState, desk: Desk, shown: ReadSignal<bool>) -> impl IntoView {
    let status = desk_status(desk, state.lang(), "报告", "the report");
    view! {
        {move || shown.get().then(|| view! { <div class="report-slot-status no-print">{status}</div> })}
        <div id=REPORT_ROOT_ID class="report-root"></div>
    }
}
