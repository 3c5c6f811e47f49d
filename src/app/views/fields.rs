//! One field per item kind. Fields show exactly what was typed; errors appear beside them
//! and never clear the text. Hidden items (their `visible_if` is false) are not rendered.

use leptos::prelude::*;

use crate::app::state::AppState;
use crate::app::views::i18n::{t, tr};
use crate::app::views::widgets::UnverifiedMark;
use crate::domain::compute::evaluation::ItemState;
use crate::domain::model::answers::Answer;
use crate::domain::model::questionnaire::{ChoiceOption, Direction, Item, ItemKind, LevelOption};
use crate::domain::model::text::{Lang, Text};
use crate::domain::report::format::{format_percent, format_points, level_label};

#[component]
pub fn ItemField(state: AppState, item: Item) -> impl IntoView {
    let view = state.item(&item.id);
    let visible = Memo::new(move |_| view.with(|v| v.state != ItemState::Hidden));
    move || {
        visible.get().then(|| {
            let item = item.clone();
            match item.kind.clone() {
                ItemKind::Count { unit, .. } | ItemKind::Amount { unit, .. } => {
                    let decimal = matches!(item.kind, ItemKind::Amount { .. });
                    view! { <NumberField state=state item=item unit=unit decimal=decimal /> }
                        .into_any()
                }
                ItemKind::MultiSelect { options, .. } => {
                    view! { <MultiSelectField state=state item=item options=options /> }.into_any()
                }
                ItemKind::SingleChoice { options } => {
                    let choices = options
                        .iter()
                        .map(|o| (o.id.clone(), o.text.clone()))
                        .collect();
                    view! { <RadioField state=state item=item choices=choices /> }.into_any()
                }
                ItemKind::YesNo { .. } => {
                    let choices = vec![
                        ("yes".to_string(), Text::new("是", "Yes")),
                        ("no".to_string(), Text::new("否", "No")),
                    ];
                    view! { <RadioField state=state item=item choices=choices /> }.into_any()
                }
                ItemKind::Trend { better, .. } => {
                    let choices = Direction::ALL
                        .iter()
                        .map(|d| (d.id().to_string(), trend_label(*d, better)))
                        .collect();
                    let id = item.id.clone();
                    view! {
                        <RadioField state=state item=item choices=choices />
                        <TrendComputed state=state id=id better=better />
                    }
                    .into_any()
                }
                ItemKind::Level {
                    levels,
                    below_first,
                    ..
                } => {
                    // "Not yet level 1" first, where the item offers it.
                    let levels = below_first
                        .map(|text| LevelOption { level: 0, text })
                        .into_iter()
                        .chain(levels)
                        .collect();
                    view! { <LevelField state=state item=item levels=levels /> }.into_any()
                }
                ItemKind::Ratio { .. } => view! { <RatioField state=state item=item /> }.into_any(),
                ItemKind::FreeText => view! { <TextField state=state item=item /> }.into_any(),
            }
        })
    }
}

/// Where the firm gave both years' figures, the direction computed from them, which is
/// what counts.
#[component]
fn TrendComputed(state: AppState, id: String, better: Direction) -> impl IntoView {
    let lang = state.lang();
    let view = state.item(&id);
    move || {
        view.with(|v| v.number).map(|n| {
            let d = crate::domain::compute::evaluation::trend_direction(n);
            let l = lang.get();
            let word = trend_label(d, better);
            view! {
                <p class="help computed-trend" id=format!("q-{id}-computed") aria-live="polite">
                    {format!("{}{}{}", tr(l, "按填写的两年数字计算：", "Computed from the two years' figures: "), word.get(l), tr(l, "。这一项按计算结果计分。", ". This is what the item scores."))}
                </p>
            }
        })
    }
}

fn trend_label(d: Direction, better: Direction) -> Text {
    let good = d == better;
    match (d, good) {
        (Direction::Up, true) => Text::new("上升（改善）", "Went up (better)"),
        (Direction::Up, false) => Text::new("上升", "Went up"),
        (Direction::Flat, _) => Text::new("基本持平", "About the same"),
        (Direction::Down, true) => Text::new("下降（改善）", "Went down (better)"),
        (Direction::Down, false) => Text::new("下降", "Went down"),
    }
}

/// The question's own texts: label or legend, help and marks.
fn question_text(state: AppState, item: &Item) -> impl IntoView + use<> {
    let lang = state.lang();
    let text = item.text.clone();
    let unverified = item.unverified;
    view! {
        {move || text.get(lang.get()).to_string()}
        {unverified.then(|| view! { <UnverifiedMark lang=state.lang() /> })}
    }
}

fn help_view(state: AppState, item: &Item) -> impl IntoView + use<> {
    let lang = state.lang();
    let id = format!("q-{}-help", item.id);
    item.help
        .clone()
        .map(|h| view! { <p class="help" id=id>{move || h.get(lang.get()).to_string()}</p> })
}

fn error_view(state: AppState, item_id: &str) -> impl IntoView + use<> {
    let lang = state.lang();
    let view = state.item(item_id);
    let error_id = format!("q-{item_id}-error");
    view! {
        <p class="error" id=error_id aria-live="polite">
            {move || view.with(|v| v.error.as_ref().map(|e| e.get(lang.get()).to_string()))}
        </p>
    }
}

/// "不适用" and "不清楚" where the item allows them. Ticking one sets the answer aside;
/// unticking brings it back. Outside a fieldset, `labelled_by` names the group after the
/// question, so that a screen reader says which question "不适用" belongs to.
#[component]
fn SpecialAnswers(
    state: AppState,
    item: Item,
    #[prop(optional)] labelled_by: Option<String>,
) -> impl IntoView {
    let lang = state.lang();
    let specials: Vec<(Answer, &'static str, &'static str, &'static str)> = [
        (
            item.allow_na,
            Answer::NotApplicable,
            "na",
            "不适用",
            "Not applicable",
        ),
        (
            item.allow_unknown,
            Answer::Unknown,
            "unknown",
            "不清楚",
            "Don't know",
        ),
    ]
    .into_iter()
    .filter(|(allowed, ..)| *allowed)
    .map(|(_, a, key, zh, en)| (a, key, zh, en))
    .collect();
    (!specials.is_empty()).then(|| {
        let view = state.item(&item.id);
        let views = specials
            .into_iter()
            .map(|(answer, key, zh, en)| {
                let input_id = format!("q-{}-{key}", item.id);
                let label_for = input_id.clone();
                let (id2, a1, a2) = (item.id.clone(), answer.clone(), answer);
                view! {
                    <label class="check special" for=label_for>
                        <input type="checkbox" id=input_id
                            prop:checked=move || view.with(|v| v.answer.as_ref() == Some(&a1))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                state.set_special(&id2, a2.clone(), on);
                            } />
                        <span>{t(lang, zh, en)}</span>
                    </label>
                }
            })
            .collect_view();
        let role = labelled_by.is_some().then_some("group");
        view! { <div class="specials" role=role aria-labelledby=labelled_by>{views}</div> }
    })
}

fn described_by(item: &Item) -> String {
    let id = &item.id;
    if item.help.is_some() {
        format!("q-{id}-help q-{id}-error")
    } else {
        format!("q-{id}-error")
    }
}

#[component]
fn NumberField(state: AppState, item: Item, unit: Text, decimal: bool) -> impl IntoView {
    let lang = state.lang();
    let id = item.id.clone();
    let input_id = format!("q-{id}");
    let label_for = input_id.clone();
    let label_id = format!("q-{id}-label");
    let unit_id = format!("q-{id}-unit");
    // The unit is part of what the number means: "40" alone is not "40 道".
    let describers = format!("{unit_id} {}", described_by(&item));
    let id_set = id.clone();
    let view = state.item(&id);
    let has_error = Memo::new(move |_| view.with(|v| v.error.is_some()));
    let value = Memo::new(move |_| view.with(|v| v.typed().to_string()));
    let special = Memo::new(move |_| view.with(|v| v.is_special()));
    view! {
        <div class="field number" class:has-error=move || has_error.get()>
            <label for=label_for id=label_id.clone()>{question_text(state, &item)}</label>
            <div class="input-row">
                <input id=input_id type="text" inputmode=if decimal { "decimal" } else { "numeric" } autocomplete="off"
                    aria-describedby=describers
                    aria-invalid=move || has_error.get().to_string()
                    disabled=move || special.get()
                    prop:value=move || value.get()
                    on:input=move |ev| state.set_typed(&id_set, event_target_value(&ev)) />
                <span class="unit" id=unit_id>{move || unit.get(lang.get()).to_string()}</span>
            </div>
            {help_view(state, &item)}
            <SpecialAnswers state=state item=item.clone() labelled_by=label_id />
            {error_view(state, &id)}
        </div>
    }
}

#[component]
fn TextField(state: AppState, item: Item) -> impl IntoView {
    let id = item.id.clone();
    let input_id = format!("q-{id}");
    let label_for = input_id.clone();
    let id_set = id.clone();
    let view = state.item(&id);
    let value = move || {
        view.with(|v| match &v.answer {
            Some(Answer::Text(t)) => t.clone(),
            _ => String::new(),
        })
    };
    view! {
        <div class="field text">
            <label for=label_for>{question_text(state, &item)}</label>
            <textarea id=input_id rows="3" aria-describedby=described_by(&item)
                prop:value=value
                on:input=move |ev| {
                    state.set_text(&id_set, event_target_value(&ev));
                }></textarea>
            {help_view(state, &item)}
            {error_view(state, &id)}
        </div>
    }
}

/// The fieldset every choice kind shares: legend, help, the options, "not applicable" /
/// "don't know", and the error.
fn choice_fieldset<V: IntoView + 'static>(
    state: AppState,
    item: &Item,
    class: &'static str,
    options: V,
) -> impl IntoView + use<V> {
    let id = item.id.clone();
    view! {
        <fieldset class=class id=format!("field-{id}") aria-describedby=described_by(item)>
            <legend>{question_text(state, item)}</legend>
            {help_view(state, item)}
            <div class="options">{options}</div>
            <SpecialAnswers state=state item=item.clone() />
            {error_view(state, &id)}
        </fieldset>
    }
}

/// Single choice, yes/no and trend: radio buttons in a fieldset.
#[component]
fn RadioField(state: AppState, item: Item, choices: Vec<(String, Text)>) -> impl IntoView {
    let lang = state.lang();
    let id = item.id.clone();
    let name = format!("q-{id}");
    let view = state.item(&id);
    let options = choices
        .into_iter()
        .enumerate()
        .map(|(n, (value, text))| {
            // The first radio carries the item's id, so "jump to" can focus it.
            let input_id = if n == 0 { format!("q-{id}") } else { format!("q-{id}-{value}") };
            let label_for = input_id.clone();
            let (id_set, v_get, v_set) = (id.clone(), value.clone(), value.clone());
            view! {
                <label class="choice" for=label_for>
                    <input type="radio" id=input_id name=name.clone() value=value.clone()
                        prop:checked=move || view.with(|v| v.choice() == Some(v_get.as_str()))
                        on:change=move |_| state.set_answer(&id_set, Answer::Choice(v_set.clone())) />
                    <span>{move || text.get(lang.get()).to_string()}</span>
                </label>
            }
        })
        .collect_view();
    choice_fieldset(state, &item, "field choices", options)
}

#[component]
fn LevelField(state: AppState, item: Item, levels: Vec<LevelOption>) -> impl IntoView {
    let lang = state.lang();
    let id = item.id.clone();
    let name = format!("q-{id}");
    let q = state.q();
    let view = state.item(&id);
    let options = levels
        .into_iter()
        .map(|l| {
            let input_id = if l.level == 1 { format!("q-{id}") } else { format!("q-{id}-l{}", l.level) };
            let label_for = input_id.clone();
            let id_set = id.clone();
            let level = l.level;
            let label = Text::new(level_label(&q, level, Lang::Zh), level_label(&q, level, Lang::En));
            view! {
                <label class="choice level" for=label_for>
                    <input type="radio" id=input_id name=name.clone() value=level.to_string()
                        prop:checked=move || view.with(|v| v.answer == Some(Answer::Level(level)))
                        on:change=move |_| state.set_answer(&id_set, Answer::Level(level)) />
                    <span>
                        <strong class="level-name">{move || label.get(lang.get()).to_string()}</strong>
                        <span class="detail">{move || l.text.get(lang.get()).to_string()}</span>
                    </span>
                </label>
            }
        })
        .collect_view();
    choice_fieldset(state, &item, "field choices levels", options)
}

#[component]
fn MultiSelectField(state: AppState, item: Item, options: Vec<ChoiceOption>) -> impl IntoView {
    let lang = state.lang();
    let id = item.id.clone();
    let view = state.item(&id);
    let option_views = options
        .into_iter()
        .enumerate()
        .map(|(n, o)| {
            let input_id = if n == 0 { format!("q-{id}") } else { format!("q-{id}-{}", o.id) };
            let label_for = input_id.clone();
            let (id_set, o_get, o_set) = (id.clone(), o.id.clone(), o.id.clone());
            view! {
                <label class="check" for=label_for data-option=o.id.clone()>
                    <input type="checkbox" id=input_id
                        prop:checked=move || view.with(|v| v.selected().is_some_and(|s| s.contains(&o_get)))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state.toggle_option(&id_set, &o_set, on);
                        } />
                    <span>{move || o.text.get(lang.get()).to_string()}</span>
                </label>
            }
        })
        .collect_view();
    let none_set = id.clone();
    let none_id = format!("q-{id}-none");
    let none_for = none_id.clone();
    let options = view! {
        {option_views}
        <label class="check none" for=none_for>
            <input type="checkbox" id=none_id
                prop:checked=move || view.with(|v| v.selected().is_some_and(|s| s.is_empty()))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.select_none(&none_set, on);
                } />
            <span>{t(lang, "以上都没有", "None of these")}</span>
        </label>
    };
    choice_fieldset(state, &item, "field multi", options)
}

/// A ratio is computed, not answered: it shows the value and the points it earns.
#[component]
fn RatioField(state: AppState, item: Item) -> impl IntoView {
    let lang = state.lang();
    let id = item.id.clone();
    let max = item.kind.max_points();
    let view = state.item(&id);
    let shown = move || {
        let l = lang.get();
        view.with(|v| match (v.state, v.number) {
            (ItemState::Answered, Some(v)) => format_percent(v),
            (ItemState::NotApplicable, _) => {
                tr(l, "不适用（总数为 0）", "Not applicable (the total is 0)").to_string()
            }
            (ItemState::Invalid, _) => {
                tr(l, "请先更正上面的数字", "Correct the numbers above first").to_string()
            }
            _ => tr(
                l,
                "填写上面的数量后自动计算",
                "Computed once the counts above are filled in",
            )
            .to_string(),
        })
    };
    view! {
        <div class="field ratio" id=format!("field-{id}")>
            <p class="ratio-line">
                <span class="ratio-name">{question_text(state, &item)}</span>
                <output id=format!("q-{id}-value") aria-live="polite">{shown}</output>
                {(max > 0.0).then(|| view! { <span class="points-badge">{move || format_points(max, lang.get())}</span> })}
            </p>
            {help_view(state, &item)}
        </div>
    }
}
