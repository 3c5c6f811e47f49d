//! Setting up an assessment: which questionnaire (built-in or loaded from a file), the
//! firm's profile, and the target profile to compare with (its region pre-selects one).

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::app::state::{AppState, FirmField};
use crate::app::views::i18n::{t, tr};
use crate::app::views::widgets::go_to_unanswered;
use crate::domain::model::firm::{FirmChoice, FirmProfile, SECTORS, SIZES};
use crate::domain::model::text::{Lang, Text};

#[component]
pub fn Setup(state: AppState) -> impl IntoView {
    let lang = state.lang();
    let on_file = move |ev: leptos::ev::Event| {
        read_chosen_file(ev, state, move |name, text| state.load_file(name, text))
    };
    let wide = is_wide();
    // What is in use, for the folded summary on a phone.
    let current = move || {
        let l = lang.get();
        let title = state.questionnaire().with(|q| q.0.title.get(l).to_string());
        format!("{title} · {}", state.profile().name.get(l))
    };
    let has_answers = move || state.answers().with(|a| !a.values.is_empty());
    let carry = state.carry_offer();
    // Folded, its fields are drawn only once it is first unfolded (on the click that
    // unfolds it, before the browser opens it): on a phone the start then mounts the
    // first question without the setup's selects and firm fields, a shorter first task.
    let drawn = RwSignal::new(wide);
    let draw = move || {
        if !drawn.get_untracked() {
            drawn.set(true);
        }
    };
    let on_toggle = move |ev: leptos::ev::Event| {
        if event_target::<web_sys::Element>(&ev).has_attribute("open") {
            draw();
        }
    };
    view! {
        <section class="section setup" aria-labelledby="setup-title">
            // On a phone folded to what is in use, so that the first question is on the
            // first screen; open on a desktop.
            <details class="setup-details" id="setup-details" prop:open=wide on:toggle=on_toggle>
            <summary id="setup-summary" on:click=move |_| draw()>
                <h2 id="setup-title">{t(lang, "评估设置", "Assessment setup")}</h2>
                <span class="setup-current">{current}</span>
            </summary>
            {move || drawn.get().then(|| view! {
            <div class="field">
                <label for="questionnaire">{t(lang, "问卷", "Questionnaire")}</label>
                <select id="questionnaire" aria-describedby="questionnaire-note" on:change=move |ev| state.choose_questionnaire(event_target_value(&ev))>
                    {move || state.choices().into_iter().map(|q| {
                        let id = q.id.clone();
                        let value = q.id.clone();
                        let selected = move || state.questionnaire_id().get() == id;
                        view! { <option value=value prop:selected=selected>{move || q.title.get(lang.get()).to_string()}</option> }
                    }).collect_view()}
                </select>
                {move || state.fetching().get().is_some().then(|| view! {
                    <p class="help" role="status" id="questionnaire-fetching">{t(lang, "正在加载问卷……", "Loading the questionnaire…")}</p>
                })}
                <p class="help" id="questionnaire-note">
                    {move || state.questionnaire().with(|q| q.0.description.as_ref().map(|d| d.get(lang.get()).to_string()))}
                    // Only said when it applies.
                    {move || if has_answers() { tr(lang.get(), " 已填写答案时换问卷，会新建一份评估，原评估保留在“我的评估”中。", " Switching questionnaire after answering starts a new assessment; the old one stays under “My assessments”.") } else { "" }}
                </p>
                // After a switch with answers: the shared ones, carried over only if asked
                // (always in the page, hidden while there is nothing to offer).
                <button type="button" id="carry-over" class="secondary-dark carry-over"
                    hidden=move || carry.with(|a| a.values.is_empty())
                    on:click=move |_| state.carry_over_answers()>
                    {move || {
                        let (l, n) = (lang.get(), carry.with(|a| a.values.len()));
                        format!("{}{n}{}", tr(l, "带入两份问卷共有的 ", "Carry over the "), tr(l, " 项答案", " answers both questionnaires share"))
                    }}
                </button>
                <details class="load-file">
                    <summary>{t(lang, "加载问卷文件（供咨询顾问使用）", "Load a questionnaire file (for consultants)")}</summary>
                    <label for="questionnaire-file">{t(lang, "选择 .toml 问卷文件，检查通过后加入上面的列表", "Choose a .toml questionnaire file; once it passes the checks it joins the list above")}</label>
                    <input id="questionnaire-file" type="file" accept=".toml,text/plain" on:change=on_file />
                </details>
                <LoadErrors state=state />
            </div>
            <FirmFields state=state />
            <div class="field">
                <label for="profile">{t(lang, "对标的目标方案", "Target profile")}</label>
                <select id="profile" aria-describedby="profile-source" on:change=move |ev| state.set_profile(event_target_value(&ev))>
                    {state.profiles().into_iter().map(|p| {
                        let id = p.id.clone();
                        let selected = move || state.profile_id().get() == id;
                        view! { <option value=p.id.clone() prop:selected=selected>{move || p.name.get(lang.get()).to_string()}</option> }
                    }).collect_view()}
                </select>
                <p class="help" id="profile-source">
                    {t(lang, "来源：", "Source: ")}
                    {move || crate::domain::report::format::profile_source(&state.profile(), lang.get())}
                </p>
            </div>
            })}
            </details>
        </section>
        // A clear start: the first question not yet answered.
        <button type="button" id="start-filling" class="start" on:click=move |_| go_to_unanswered(state, 0)>
            {t(lang, "开始填写 ↓", "Start answering ↓")}
        </button>
    }
}

/// A desktop's width (the results sit beside the questions): the setup and the firm's
/// fields start open there, folded on a phone.
fn is_wide() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 960.0)
}

/// The errors of a questionnaire file that did not load, as the checker prints them.
#[component]
fn LoadErrors(state: AppState) -> impl IntoView {
    let lang = state.lang();
    view! {
        <div class="load-errors" role="alert" aria-live="assertive">
            {move || {
                let errors = state.load_errors().get();
                (!errors.is_empty()).then(|| {
                    let l = lang.get();
                    let heading = match l {
                        Lang::Zh => format!("文件未加载：发现 {} 处错误，当前问卷保持不变。", errors.len()),
                        Lang::En => format!("The file was not loaded: {} error(s) found; the current questionnaire is unchanged.", errors.len()),
                    };
                    view! {
                        <p class="error">{heading}</p>
                        <ul class="error-list">
                            {errors.into_iter().map(|e| view! { <li><code>{e.render(l)}</code></li> }).collect_view()}
                        </ul>
                    }
                })
            }}
        </div>
    }
}

/// The file the user chose in a file input; the input is cleared, so that the same
/// file can be chosen again after fixing it.
fn chosen_file(ev: leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

fn unreadable(state: AppState, name: &str) {
    state.show_notice(Text::new(
        format!("无法读取文件 {name}"),
        format!("Could not read the file {name}"),
    ))
}

/// Reads the file the user chose as text (a questionnaire file).
pub fn read_chosen_file(
    ev: leptos::ev::Event,
    state: AppState,
    then: impl FnOnce(String, String) + 'static,
) {
    let Some(file) = chosen_file(ev) else { return };
    let name = file.name();
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(text) => then(name, text.as_string().unwrap_or_default()),
            Err(_) => unreadable(state, &name),
        }
    });
}

#[component]
fn FirmFields(state: AppState) -> impl IntoView {
    let lang = state.lang();
    let input_field = move |id: &'static str,
                            kind: &'static str,
                            zh: &'static str,
                            en: &'static str,
                            field: FirmField| {
        view! {
            <div class="field">
                <label for=id>{t(lang, zh, en)}</label>
                <input id=id type=kind prop:value=move || state.firm_field(field)
                    on:input=move |ev| state.set_firm_field(field, event_target_value(&ev)) />
            </div>
        }
    };
    let text_field = move |id, zh, en, field| input_field(id, "text", zh, en, field);
    let select_field = move |id: &'static str,
                             zh: &'static str,
                             en: &'static str,
                             options: &'static [FirmChoice],
                             field: FirmField| {
        view! {
            <div class="field">
                <label for=id>{t(lang, zh, en)}</label>
                <select id=id on:change=move |ev| state.set_firm_field(field, event_target_value(&ev))>
                    <option value="" prop:selected=move || state.firm().with(|f| field.of(f).is_none_or(|v| v.is_empty()))>{t(lang, "（请选择）", "(choose)")}</option>
                    {options.iter().map(|c| view! {
                        <option value=c.value prop:selected=move || state.firm().with(|f| field.of(f).is_some_and(|v| v == c.value))>{t(lang, c.zh, c.en)}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    // Optional, so folded on a phone (the questions come first) unless something is in it;
    // open on a desktop, where there is room.
    let wide = is_wide();
    let filled = move || {
        state.firm().with(|f| *f != FirmProfile::default()) || state.round().with(|r| !r.is_empty())
    };
    view! {
        <details class="firm-details" id="firm-details" prop:open=move || wide || filled()>
        <summary id="firm-summary">{t(lang, "企业信息与评估轮次（选填）", "The firm and the round (optional)")}</summary>
        <fieldset class="firm-fields">
            <legend class="sr-only">{t(lang, "企业信息与评估轮次（选填）", "The firm and the round (optional)")}</legend>
            {text_field("firm-name", "企业名称", "Firm name", FirmField::Name)}
            {select_field("firm-sector", "所属行业", "Sector", &SECTORS, FirmField::Sector)}
            {select_field("firm-size", "企业规模", "Size", &SIZES, FirmField::Size)}
            <div class="field">
                <label for="firm-region">{t(lang, "所在地区（省、市）", "Region (province, city)")}</label>
                // The firm's region pre-selects the matching regional target profile.
                <input id="firm-region" type="text" aria-describedby="firm-region-help" prop:value=move || state.firm().with(|f| f.region.clone())
                    on:input=move |ev| state.set_firm_field(FirmField::Region, event_target_value(&ev)) />
                <p class="help" id="firm-region-help">{t(lang, "例如“江苏省泰州市”：有对应地区的目标方案时会自动选中。", "E.g. 江苏省泰州市: a matching regional target profile is selected automatically.")}</p>
            </div>
            {text_field("firm-role", "填写人岗位", "Respondent's role", FirmField::RespondentRole)}
            {text_field("assessment-round", "评估轮次（如 2025 基线、T1）", "Round (e.g. 2025 基线, T1)", FirmField::Round)}
            {input_field("assessed-on", "date", "评估日期", "Date assessed", FirmField::AssessedOn)}
        </fieldset>
        </details>
    }
}
