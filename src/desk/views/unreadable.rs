//! Saved entries that cannot be read, kept (set aside, or where they were), each with
//! a button that downloads its text exactly as stored.

use leptos::prelude::*;

use super::t;
use crate::app::platform::{download::offer_text, storage};
use crate::desk::state::DeskState;
use crate::domain::model::text::Text;
use crate::domain::report::format::entry_length;
use crate::domain::wire::desk::ToApp;

#[component]
pub fn UnreadableEntries(state: DeskState) -> impl IntoView {
    let lang = state.lang();
    move || {
        let entries = state.unreadable().get();
        (!entries.is_empty()).then(|| {
            view! {
                <div class="unreadable" id="unreadable">
                    <h3>{t(lang, "无法读取的保存数据", "Saved data that cannot be read")}</h3>
                    <p class="help">{t(lang, "这些数据已原样保留，没有删除。可导出原文备查，或交给技术支持。", "This data is kept as it was, not deleted. Export its text to keep it or to give it to support.")}</p>
                    <ul class="unreadable-list">
                        {entries.into_iter().map(|entry| {
                            let key = entry.key.clone();
                            let shown_key = entry.key.clone();
                            let length = entry.length;
                            let export = move |_| {
                                let failed = match storage::raw(&key) {
                                    Some(text) => offer_text(&format!("{key}.txt"), "text/plain", &text).is_err(),
                                    None => true,
                                };
                                if failed {
                                    state.ask(ToApp::Notice { text: Text::new("导出失败：浏览器不允许下载文件，或数据已不在本机。", "Export failed: the browser did not allow the download, or the data is no longer on this device.") });
                                }
                            };
                            view! {
                                <li class="unreadable-entry" data-unreadable=entry.key.clone()>
                                    <code class="unreadable-key">{shown_key}</code>
                                    <span class="meta">{move || entry_length(length, lang.get())}</span>
                                    <button type="button" class="small export-raw" on:click=export>{t(lang, "导出原文", "Export its text")}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
