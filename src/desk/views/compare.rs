//! Two views of a selection: two to five firms side by side (each indicator, dimension,
//! the score and the level; a chart with a series a firm, the first firm's target
//! profile across), and one firm's two rounds (T0 → T1: each figure's change as a chart
//! and a table, and the recommendations acted on). Each is a region with its heading
//! (focused when it opens) and a button back to the list.

use leptos::prelude::*;

use super::export::TableExport;
use super::table::{Chart, DataTable};
use super::{t, tr};
use crate::app::platform::clock::today;
use crate::charts::compare_chart::{firms_chart_svg, rounds_chart_svg};
use crate::desk::print_view::print_view;
use crate::desk::state::{DeskState, Entry, VIEW_HEADING_ID};
use crate::domain::model::text::Lang;
use crate::domain::report::compare::{
    compare_firms, compare_rounds, FirmComparison, RoundsComparison,
};
use crate::domain::report::portfolio::PortfolioEntry;
use crate::domain::report::rollup_printed::PrintTitles;
use crate::domain::report::screen_table::{comparison_screen, rounds_screen};
use crate::domain::report::table::{comparison_table, rounds_table, Table};

/// The table the comparison shows, as a spreadsheet's: where its export is attached.
pub fn shown_table(c: &FirmComparison, lang: Lang) -> Table {
    comparison_table(c, lang)
}

/// The table the rounds view shows, as a spreadsheet's: where its export is attached.
pub fn shown_rounds_table(c: &RoundsComparison, lang: Lang) -> Table {
    rounds_table(c, lang)
}

/// The heading and the way back, shared by the views of a selection.
#[component]
pub fn ViewFrame(
    state: DeskState,
    class: &'static str,
    title: Signal<String>,
    /// The list's button that opened the view: focus goes back to it.
    back_to: &'static str,
    /// The printed pages' running header and the PDF's name, where the view prints as a
    /// report of its own (the roll-up); else the title and the day.
    #[prop(optional)]
    print_titles: Option<Signal<Option<PrintTitles>>>,
    children: Children,
) -> impl IntoView {
    let lang = state.lang();
    let print = move |_| {
        let titles = print_titles
            .and_then(|t| t.get_untracked())
            .unwrap_or_else(|| {
                let running = format!("{} · {}", title.get_untracked(), today());
                PrintTitles {
                    document: running.clone(),
                    running,
                }
            });
        print_view(
            &titles,
            crate::app::views::i18n::app_title(lang.get_untracked()),
        )
    };
    view! {
        <section class=format!("desk-view {class}") aria-labelledby=VIEW_HEADING_ID>
            <div class="desk-view-head">
                <h3 id=VIEW_HEADING_ID tabindex="-1">{move || title.get()}</h3>
                <button type="button" id="print-view" class="secondary-dark" on:click=print>{t(lang, "打印", "Print")}</button>
                <button type="button" id="back-to-list" class="secondary-dark" on:click=move |_| state.back_to_list(back_to)>
                    {t(lang, "返回列表", "Back to the list")}
                </button>
            </div>
            {children()}
        </section>
    }
}

fn gone(lang: Lang) -> AnyView {
    view! {
        <p class="desk-view-empty">{tr(lang, "所选的评估已不在本机，请返回列表重新选择。", "The selected assessments are no longer on this device; go back to the list and select again.")}</p>
    }
    .into_any()
}

/// The entries of `ids` that are here, in that order.
fn chosen(entries: &[Entry], ids: &[String]) -> Vec<Entry> {
    ids.iter()
        .filter_map(|id| entries.iter().find(|e| e.id == *id).cloned())
        .collect()
}

#[component]
pub fn CompareView(state: DeskState, ids: Vec<String>) -> impl IntoView {
    let lang = state.lang();
    let content = move || {
        let l = lang.get();
        let picked = chosen(&state.entries(), &ids);
        // Every firm against one profile (the first's), so that one target is quoted.
        let profiles = state.profiles();
        let Some(profile) = picked
            .first()
            .and_then(|e| profiles.profiles.iter().find(|p| p.id == e.profile))
        else {
            return gone(l);
        };
        let against: Vec<Entry> = picked.iter().map(|e| state.against(e, profile)).collect();
        let list: Vec<PortfolioEntry> = against.iter().map(Entry::portfolio).collect();
        let Some(c) = compare_firms(&list, l) else {
            return gone(l);
        };
        let svg = firms_chart_svg(&c, l);
        let table = comparison_screen(&c, l);
        let export = shown_table(&c, l);
        let profile_text = match l {
            Lang::Zh => format!("{}，目标按“{}”", c.questionnaire_text, profile.name.get(l)),
            Lang::En => format!(
                "{}; targets of \u{201c}{}\u{201d}",
                c.questionnaire_text,
                profile.name.get(l)
            ),
        };
        view! {
            <p class="desk-view-sub">{profile_text}</p>
            {(!c.left_out.is_empty()).then(|| view! {
                <div class="left-out" role="note">
                    <p>{tr(l, "以下评估未比较：", "Not compared:")}</p>
                    <ul>{c.left_out.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
                </div>
            })}
            <Chart svg=svg class="compare" />
            <DataTable table=table class="compare-table" />
            <TableExport state=state table=move || export.clone() id="compare-export" stem="数转-企业比较" what_zh="企业比较" what_en="comparison" />
        }
        .into_any()
    };
    let title =
        Signal::derive(move || tr(lang.get(), "企业并排比较", "Firms side by side").to_string());
    view! {
        <ViewFrame state=state class="compare-view" title=title back_to="compare-selected">
            {content}
        </ViewFrame>
    }
}

#[component]
pub fn RoundsView(state: DeskState, before: String, after: String) -> impl IntoView {
    let lang = state.lang();
    let computed = move || {
        let l = lang.get();
        let picked = chosen(&state.entries(), &[before.clone(), after.clone()]);
        let [b, a] = &picked[..] else {
            return None;
        };
        // Both rounds against the earlier one's profile: a change is never a change of target.
        let profiles = state.profiles();
        let profile = profiles.profiles.iter().find(|p| p.id == b.profile)?;
        let (b, a) = (state.against(b, profile), state.against(a, profile));
        Some(compare_rounds(&b.portfolio(), &a.portfolio(), l))
    };
    let computed = Memo::new_with_compare(move |_| computed(), |_, _| true);
    let title = Signal::derive(move || {
        let l = lang.get();
        match computed.get() {
            Some(Ok(c)) => match l {
                Lang::Zh => format!("历次对比：{}", c.firm),
                Lang::En => format!("Rounds compared: {}", c.firm),
            },
            _ => tr(l, "历次对比", "Rounds compared").to_string(),
        }
    });
    let content = move || {
        let l = lang.get();
        match computed.get() {
            None => gone(l),
            Some(Err(why)) => {
                view! { <p class="desk-view-empty" role="alert">{why.get(l).to_string()}</p> }
                    .into_any()
            }
            Some(Ok(c)) => {
                let svg = rounds_chart_svg(&c, l);
                let table = rounds_screen(&c, l);
                let export = shown_rounds_table(&c, l);
                let sub = format!("{} → {}", c.before_label, c.after_label);
                view! {
                    <p class="desk-view-sub">{sub}</p>
                    <Chart svg=svg class="rounds" />
                    <DataTable table=table class="rounds-table" />
                    <TableExport state=state table=move || export.clone() id="rounds-export" stem="数转-历次对比" what_zh="历次对比" what_en="rounds" />
                    {c.acted_on.is_empty().then(|| view! {
                        <p class="help">{tr(l, "上一轮适用的建议在这一轮都仍然适用：没有已落实的建议。", "Every recommendation of the earlier round still applies: none has been acted on.")}</p>
                    })}
                    {(!c.still_open.is_empty()).then(|| view! {
                        <h4>{tr(l, "仍然适用的建议", "Recommendations that still apply")}</h4>
                        <ul class="still-open">{c.still_open.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
                    })}
                }
                .into_any()
            }
        }
    };
    view! {
        <ViewFrame state=state class="rounds-view" title=title back_to="rounds-selected">
            {content}
        </ViewFrame>
    }
}
