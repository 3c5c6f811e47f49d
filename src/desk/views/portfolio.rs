//! The portfolio's controls around the desk's table (`library` hosts the table): the
//! filters (questionnaire, region, sector, level, round: the values the rows have), the
//! sort (column headings that are buttons; on a phone, where the rows are cards, two
//! selects), "select all shown", and what can be done with the selection — compare
//! two to five firms, one firm's two rounds, a roll-up — each button disabled with its
//! reason beside it when the selection does not fit.

use leptos::prelude::*;

use super::{t, tr};
use crate::desk::exchange::export_bundle;
use crate::desk::report::ReportState;
use crate::desk::state::{DeskState, DeskView};
use crate::domain::model::text::Lang;
use crate::domain::report::portfolio::{
    filter_choices, Choice, Filter, PortfolioRow, Sort, SortKey,
};
use crate::domain::report::selection::{
    compare_blocked, print_blocked, rollup_blocked, rounds_pair, selected_text, shown_text,
};

/// The sort keys the table offers with their headings, in the table's order: firm,
/// questionnaire, round and date, completeness, score, level, then each indicator's
/// value and its gap.
pub fn sort_columns(indicators: &[(String, String)], lang: Lang) -> Vec<(SortKey, String)> {
    let mut columns = vec![
        (SortKey::Firm, tr(lang, "企业", "Firm").to_string()),
        (
            SortKey::Questionnaire,
            tr(lang, "问卷", "Questionnaire").to_string(),
        ),
        (
            SortKey::Date,
            tr(lang, "轮次 · 日期", "Round · date").to_string(),
        ),
        (
            SortKey::Completeness,
            tr(lang, "完成度", "Complete").to_string(),
        ),
        (SortKey::Score, tr(lang, "得分", "Score").to_string()),
        (SortKey::Level, tr(lang, "等级", "Level").to_string()),
    ];
    for (id, name) in indicators {
        columns.push((SortKey::Indicator(id.clone()), name.clone()));
        columns.push((SortKey::Gap(id.clone()), gap_heading(name, lang)));
    }
    columns
}

/// An indicator's gap column: "关键工序数控化率与目标差距（百分点）".
pub fn gap_heading(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name}与目标差距（百分点）"),
        Lang::En => format!("{name}: gap to target (pp)"),
    }
}

fn key_value(key: &SortKey) -> String {
    key.as_value()
}

fn key_of(value: &str) -> Option<SortKey> {
    SortKey::from_value(value)
}

/// Names go A → Z first; figures and dates the highest (the latest) first.
fn first_direction(key: &SortKey) -> bool {
    matches!(key, SortKey::Firm | SortKey::Questionnaire | SortKey::Round)
}

/// A column's heading clicked: sorted by it, or the other way round if it already was.
fn sort_by_column(state: DeskState, key: SortKey) {
    state.sort().update(|s| {
        *s = Some(match s.take() {
            Some(Sort { key: k, ascending }) if k == key => Sort {
                key,
                ascending: !ascending,
            },
            _ => Sort {
                ascending: first_direction(&key),
                key,
            },
        })
    });
}

/// A sortable column's heading: a button, its state in `aria-sort`. `short`, when
/// given, is what the heading shows (a gap's "差距" beside its indicator), `label` what
/// it is named.
#[component]
pub fn SortHeader(
    state: DeskState,
    key: SortKey,
    label: String,
    #[prop(optional)] short: Option<String>,
) -> impl IntoView {
    let (k1, k2, k3) = (key.clone(), key.clone(), key);
    let aria_sort = move || {
        state.sort().with(|s| match s {
            Some(s) if s.key == k1 => Some(if s.ascending {
                "ascending"
            } else {
                "descending"
            }),
            _ => None,
        })
    };
    let mark = move || {
        state.sort().with(|s| match s {
            Some(s) if s.key == k2 => {
                if s.ascending {
                    "▲"
                } else {
                    "▼"
                }
            }
            _ => "",
        })
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button type="button" class="sort-button" data-sort=key_value(&k3) on:click=move |_| sort_by_column(state, k3.clone())>
                {match short {
                    Some(short) => view! { <span class="sr-only">{label}</span><span aria-hidden="true">{short}</span> }.into_any(),
                    None => label.into_any(),
                }}<span class="sort-mark" aria-hidden="true">{mark}</span>
            </button>
        </th>
    }
}

/// A level's value in the filter's menu ("0" below the first, "1"…"9").
fn level_of(v: &str) -> Option<u8> {
    match v.as_bytes() {
        [d @ b'0'..=b'9'] => Some(d - b'0'),
        _ => None,
    }
}

fn none_if_empty(v: String) -> Option<String> {
    (!v.is_empty()).then_some(v)
}

/// One filter: "all", then each value the rows have. Its value follows the filter
/// without the menu being drawn again, so that a keyboard choosing in it keeps its place.
fn filter_select<T: Clone + PartialEq + ToString + Send + Sync + 'static>(
    id: &'static str,
    label: &'static str,
    choices: Vec<Choice<T>>,
    current: impl Fn() -> String + Copy + Send + Sync + 'static,
    lang: Lang,
    set: impl Fn(String) + 'static,
) -> AnyView {
    if choices.is_empty() {
        return ().into_any();
    }
    view! {
        <label class="portfolio-filter" for=id>
            <span>{label}</span>
            <select id=id prop:value=current on:change=move |ev| set(event_target_value(&ev))>
                <option value="" selected=move || current().is_empty()>{tr(lang, "全部", "All")}</option>
                {choices.into_iter().map(|c| {
                    let v = c.value.to_string();
                    let mine = v.clone();
                    view! { <option value=v selected=move || current() == mine>{c.text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
    .into_any()
}

/// The filters, the phone's sort selects and "select all shown".
#[component]
pub fn PortfolioControls(
    state: DeskState,
    rows: Memo<Vec<PortfolioRow>>,
    shown: Memo<Vec<PortfolioRow>>,
    indicators: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let lang = state.lang();
    let filter = state.filter();
    let filters = move || {
        let l = lang.get();
        let choices = rows.with(|r| filter_choices(r));
        let set =
            move |apply: fn(&mut Filter, String)| move |v: String| filter.update(|f| apply(f, v));
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        view! {
            {filter_select("filter-questionnaire", tr(l, "问卷", "Questionnaire"), choices.questionnaires,
                move || filter.with(|f| text(&f.questionnaire)), l, set(|f, v| f.questionnaire = none_if_empty(v)))}
            {filter_select("filter-region", tr(l, "地区", "Region"), choices.regions,
                move || filter.with(|f| text(&f.region)), l, set(|f, v| f.region = none_if_empty(v)))}
            {filter_select("filter-sector", tr(l, "行业", "Sector"), choices.sectors,
                move || filter.with(|f| text(&f.sector)), l, set(|f, v| f.sector = none_if_empty(v)))}
            {filter_select("filter-level", tr(l, "等级", "Level"), choices.levels,
                move || filter.with(|f| f.level.map(|l| l.to_string()).unwrap_or_default()), l, set(|f, v| f.level = level_of(&v)))}
            {filter_select("filter-round", tr(l, "轮次", "Round"), choices.rounds,
                move || filter.with(|f| text(&f.round)), l, set(|f, v| f.round = none_if_empty(v)))}
        }
    };
    let sort_key = move || {
        state
            .sort()
            .with(|s| s.as_ref().map(|s| key_value(&s.key)).unwrap_or_default())
    };
    let sort_options = move || {
        let l = lang.get();
        let columns = indicators.with(|i| sort_columns(i, l));
        view! {
            <option value="" selected=move || sort_key().is_empty()>{tr(l, "最近保存的在前", "Most recently saved first")}</option>
            {columns.into_iter().map(|(key, label)| {
                let v = key_value(&key);
                let mine = v.clone();
                view! { <option value=v selected=move || sort_key() == mine>{label}</option> }
            }).collect_view()}
        }
    };
    let on_sort_key = move |ev: leptos::ev::Event| {
        let key = key_of(&event_target_value(&ev));
        state.sort().set(key.map(|key| Sort {
            ascending: first_direction(&key),
            key,
        }));
    };
    let on_sort_order = move |ev: leptos::ev::Event| {
        let ascending = event_target_value(&ev) == "asc";
        state.sort().update(|s| {
            if let Some(s) = s {
                s.ascending = ascending;
            }
        });
    };
    let order = move || {
        state.sort().with(|s| {
            if s.as_ref().is_some_and(|s| s.ascending) {
                "asc"
            } else {
                "desc"
            }
        })
    };
    let shown_ids = move || shown.with(|r| r.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
    let all_shown = move || {
        let ids = shown_ids();
        !ids.is_empty() && ids.iter().all(|id| state.is_selected(id))
    };
    view! {
        <div class="portfolio-controls">
            <div class="portfolio-filters" role="group" aria-label=t(lang, "筛选", "Filter")>
                {filters}
            </div>
            <div class="portfolio-sort" role="group" aria-label=t(lang, "排序", "Sort")>
                <label class="portfolio-filter" for="sort-key">
                    <span>{t(lang, "排序", "Sort by")}</span>
                    <select id="sort-key" prop:value=sort_key on:change=on_sort_key>{sort_options}</select>
                </label>
                <label class="portfolio-filter" for="sort-order">
                    <span>{t(lang, "顺序", "Order")}</span>
                    <select id="sort-order" prop:value=order disabled=move || state.sort().with(Option::is_none) on:change=on_sort_order>
                        <option value="desc">{t(lang, "降序", "Descending")}</option>
                        <option value="asc">{t(lang, "升序", "Ascending")}</option>
                    </select>
                </label>
            </div>
            <div class="select-shown">
                <input type="checkbox" id="select-shown" prop:checked=all_shown
                    disabled=move || shown.with(Vec::is_empty)
                    on:change=move |ev| state.set_all_selected(&shown_ids(), event_target_checked(&ev)) />
                <label for="select-shown">{t(lang, "全选所显示的", "Select all shown")}</label>
                <span class="meta" id="shown-count">{move || rows.with(|all| shown_text(shown.with(Vec::len), all.len(), lang.get()))}</span>
            </div>
        </div>
    }
}

/// What can be done with the selection, each button with the reason it is disabled.
#[component]
pub fn SelectionActions(state: DeskState, rows: Memo<Vec<PortfolioRow>>) -> impl IntoView {
    let lang = state.lang();
    // The selection in the list's order (the order the comparison's columns take).
    let selected = Memo::new(move |_| {
        let sel = state.selected();
        rows.with(|r| {
            r.iter()
                .filter(|row| sel.contains(&row.id))
                .map(|row| row.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let compare_why = move || compare_blocked(selected.with(Vec::len), lang.get());
    let rollup_why = move || rollup_blocked(selected.with(Vec::len), lang.get());
    let print_why = move || print_blocked(selected.with(Vec::len), lang.get());
    // The report, which the desk draws into the app's page (provided by `desk::start`).
    let report = use_context::<ReportState>();
    let rounds = move || {
        let files: Vec<(String, _)> = selected
            .get()
            .into_iter()
            .filter_map(|id| state.find(&id).map(|s| (id, s.file)))
            .collect();
        let refs: Vec<(&str, _)> = files.iter().map(|(id, f)| (id.as_str(), f)).collect();
        rounds_pair(&refs, lang.get()).map(|(a, b)| (a.to_string(), b.to_string()))
    };
    let rounds = Memo::new(move |_| rounds());
    let rounds_why = move || rounds.get().err();
    let why = |reason: Option<String>| reason.unwrap_or_default();
    view! {
        <div class="selection-bar" role="group" aria-labelledby="selection-count">
            <p class="selection-count" id="selection-count" aria-live="polite">{move || selected_text(selected.with(Vec::len), lang.get())}</p>
            <div class="selection-action">
                <button type="button" id="compare-selected" class="secondary-dark" aria-describedby="compare-why"
                    disabled=move || compare_why().is_some()
                    on:click=move |_| state.open_view(DeskView::Compare(selected.get_untracked()))>{t(lang, "比较所选", "Compare selected")}</button>
                <span class="action-why" id="compare-why">{move || why(compare_why())}</span>
            </div>
            <div class="selection-action">
                <button type="button" id="rounds-selected" class="secondary-dark" aria-describedby="rounds-why"
                    disabled=move || rounds_why().is_some()
                    on:click=move |_| if let Ok((a, b)) = rounds.get_untracked() { state.open_view(DeskView::Rounds(a, b)) }>{t(lang, "历次对比", "Compare rounds")}</button>
                <span class="action-why" id="rounds-why">{move || why(rounds_why())}</span>
            </div>
            <div class="selection-action">
                <button type="button" id="rollup-selected" class="secondary-dark" aria-describedby="rollup-why"
                    disabled=move || rollup_why().is_some()
                    on:click=move |_| state.open_view(DeskView::Rollup(selected.get_untracked()))>{t(lang, "汇总所选", "Roll up selected")}</button>
                <span class="action-why" id="rollup-why">{move || why(rollup_why())}</span>
            </div>
            <div class="selection-action">
                <button type="button" id="print-selected" class="secondary-dark" aria-describedby="print-why"
                    disabled=move || print_why().is_some()
                    on:click=move |_| print_selected(state, report)>{t(lang, "打印所选报告", "Print selected reports")}</button>
                <span class="action-why" id="print-why">{move || why(print_why())}</span>
            </div>
            <div class="selection-action">
                <button type="button" id="export-selected" class="secondary-dark" aria-describedby="print-why"
                    disabled=move || print_why().is_some()
                    on:click=move |_| export_bundle(state, Some(untrack(|| state.selected())))>{t(lang, "导出所选", "Export selected")}</button>
            </div>
            <button type="button" id="clear-selection" class="small" disabled=move || selected.with(Vec::is_empty)
                on:click=move |_| state.clear_selection()>{t(lang, "清除选择", "Clear selection")}</button>
        </div>
    }
}

/// Prints the selected assessments' reports as one document, in the order selected.
fn print_selected(state: DeskState, report: Option<ReportState>) {
    let chosen = untrack(|| state.selected())
        .iter()
        .filter_map(|id| state.find(id))
        .collect();
    if let Some(report) = report {
        report.print_batch(chosen);
    }
}
