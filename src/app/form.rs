//! The questionnaire form: firm details, target profile, and one field per item.
//! Fields show exactly what was typed; errors appear beside them and never clear the text.

use leptos::prelude::*;

use super::i18n::tr;
use super::state::AppState;
use crate::domain::questionnaire::{Formula, Indicator, Item, ItemKind, Section};
use crate::domain::text::Text;

#[component]
pub fn QuestionnaireForm(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let q = state.questionnaire();
    let description = q.description.clone();
    let profiles = state.profiles();
    let sections = q
        .sections
        .iter()
        .map(|s| {
            let defs: Vec<Indicator> = q
                .indicators
                .iter()
                .filter(|ind| indicator_inputs(ind).iter().any(|id| section_has(s, id)))
                .cloned()
                .collect();
            view! { <SectionView state=state section=s.clone() indicators=defs /> }
        })
        .collect_view();
    view! {
        <form class="questionnaire" novalidate on:submit=|ev| ev.prevent_default()>
            {description.map(|d| view! { <p class="intro">{move || d.get(lang.get()).to_string()}</p> })}
            <fieldset class="section firm">
                <legend><h2>{move || tr(lang.get(), "企业与目标", "Firm and targets")}</h2></legend>
                <div class="field">
                    <label for="firm-name">{move || tr(lang.get(), "企业名称", "Firm name")}</label>
                    <input id="firm-name" type="text" autocomplete="organization"
                        prop:value=move || state.firm_name.get()
                        on:input=move |ev| state.firm_name.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="profile">{move || tr(lang.get(), "对标的目标方案", "Target profile")}</label>
                    <select id="profile" on:change=move |ev| state.profile_id.set(event_target_value(&ev))>
                        {profiles.into_iter().map(|p| {
                            let id = p.id.clone();
                            let selected = move || state.profile_id.get() == id;
                            view! { <option value=p.id.clone() prop:selected=selected>{move || p.name.get(lang.get()).to_string()}</option> }
                        }).collect_view()}
                    </select>
                    <p class="help" id="profile-source">
                        {move || tr(lang.get(), "来源：", "Source: ")}
                        {move || state.profile().source}
                    </p>
                </div>
            </fieldset>
            {sections}
        </form>
    }
}

fn indicator_inputs(ind: &Indicator) -> Vec<&str> {
    match &ind.formula {
        Formula::Ratio { numerator, denominator } => vec![numerator, denominator],
        Formula::SelectedShare { item } => vec![item],
    }
}

fn section_has(s: &Section, item: &str) -> bool {
    s.dimensions.iter().flat_map(|d| &d.items).any(|i| i.id == item)
}

#[component]
fn SectionView(state: AppState, section: Section, indicators: Vec<Indicator>) -> impl IntoView {
    let lang = state.lang;
    let title = section.title.clone();
    let heading_id = format!("section-{}", section.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="section" aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || title.get(lang.get()).to_string()}</h2>
            {indicators.into_iter().map(|ind| view! { <IndicatorDefinition state=state indicator=ind /> }).collect_view()}
            {section.dimensions.into_iter().map(|d| {
                let dt = d.title.clone();
                view! {
                    <div class="dimension">
                        <h3>{move || dt.get(lang.get()).to_string()}</h3>
                        {d.items.into_iter().map(|item| view! { <ItemField state=state item=item /> }).collect_view()}
                    </div>
                }
            }).collect_view()}
        </section>
    }
}

#[component]
fn IndicatorDefinition(state: AppState, indicator: Indicator) -> impl IntoView {
    let lang = state.lang;
    let (name, def, unverified) = (indicator.name.clone(), indicator.definition.clone(), indicator.unverified);
    view! {
        <div class="indicator-def">
            <p>
                <strong>{move || name.get(lang.get()).to_string()}</strong>
                {unverified.then(|| view! { <UnverifiedMark state=state /> })}
            </p>
            <p>{move || def.get(lang.get()).to_string()}</p>
        </div>
    }
}

/// The mark on a working definition, explained in words for screen readers too.
#[component]
pub fn UnverifiedMark(state: AppState) -> impl IntoView {
    let lang = state.lang;
    view! {
        <span class="unverified" title=move || tr(lang.get(), "企业层面的计算公式为数转的工作定义，并非官方公式", "The firm-level formula is Shuzhuan's working definition, not an official one")>
            {move || tr(lang.get(), "工作定义", "working definition")}
        </span>
    }
}

#[component]
fn ItemField(state: AppState, item: Item) -> impl IntoView {
    match item.kind.clone() {
        ItemKind::Count { unit, .. } => view! { <CountField state=state item=item unit=unit /> }.into_any(),
        ItemKind::MultiSelect { .. } => view! { <MultiSelectField state=state item=item /> }.into_any(),
    }
}

#[component]
fn CountField(state: AppState, item: Item, unit: Text) -> impl IntoView {
    let lang = state.lang;
    let id = item.id.clone();
    let input_id = format!("q-{id}");
    let help_id = format!("q-{id}-help");
    let error_id = format!("q-{id}-error");
    let (text, help) = (item.text.clone(), item.help.clone());
    let id_for_error = id.clone();
    let error = Memo::new(move |_| state.assessment.with(|a| a.field_errors.get(&id_for_error).cloned()));
    let id_for_value = id.clone();
    let value = Memo::new(move |_| state.answers.with(|a| a.typed(&id_for_value).to_string()));
    let described_by = if help.is_some() { format!("{help_id} {error_id}") } else { error_id.clone() };
    let label_for = input_id.clone();
    view! {
        <div class="field count" class:has-error=move || error.with(Option::is_some)>
            <label for=label_for>{move || text.get(lang.get()).to_string()}</label>
            <div class="input-row">
                <input id=input_id type="text" inputmode="numeric" autocomplete="off"
                    aria-describedby=described_by
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=move || value.get()
                    on:input=move |ev| state.answers.update(|a| a.set_typed(&id, event_target_value(&ev))) />
                <span class="unit">{move || unit.get(lang.get()).to_string()}</span>
            </div>
            {help.map(|h| view! { <p class="help" id=help_id>{move || h.get(lang.get()).to_string()}</p> })}
            <p class="error" id=error_id aria-live="polite">
                {move || error.get().map(|e| e.get(lang.get()).to_string())}
            </p>
        </div>
    }
}

#[component]
fn MultiSelectField(state: AppState, item: Item) -> impl IntoView {
    let lang = state.lang;
    let ItemKind::MultiSelect { options } = item.kind.clone() else { return ().into_any() };
    let id = item.id.clone();
    let (text, help) = (item.text.clone(), item.help.clone());
    let help_id = format!("q-{id}-help");
    let option_views = options
        .into_iter()
        .map(|o| {
            let (item_id, item_id2, option_id, option_id2) = (id.clone(), id.clone(), o.id.clone(), o.id.clone());
            let input_id = format!("q-{id}-{}", o.id);
            let label_for = input_id.clone();
            view! {
                <label class="check" for=label_for>
                    <input type="checkbox" id=input_id
                        prop:checked=move || state.answers.with(|a| a.is_selected(&item_id, &option_id))
                        on:change=move |ev| state.answers.update(|a| a.toggle(&item_id2, &option_id2, event_target_checked(&ev))) />
                    <span>{move || o.text.get(lang.get()).to_string()}</span>
                </label>
            }
        })
        .collect_view();
    let (none_a, none_b) = (id.clone(), id.clone());
    let none_id = format!("q-{id}-none");
    let none_for = none_id.clone();
    let described_by = help_id.clone();
    view! {
        <fieldset class="field multi" aria-describedby=described_by>
            <legend>{move || text.get(lang.get()).to_string()}</legend>
            {help.map(|h| view! { <p class="help" id=help_id>{move || h.get(lang.get()).to_string()}</p> })}
            <div class="options">
                {option_views}
                <label class="check none" for=none_for>
                    <input type="checkbox" id=none_id
                        prop:checked=move || state.answers.with(|a| a.is_none_selected(&none_a))
                        on:change=move |ev| state.answers.update(|a| if event_target_checked(&ev) { a.select_none(&none_b) } else { a.clear(&none_b) }) />
                    <span>{move || tr(lang.get(), "以上都没有", "None of these")}</span>
                </label>
            </div>
        </fieldset>
    }
    .into_any()
}
