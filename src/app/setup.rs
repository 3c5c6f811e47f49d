//! Setting up an assessment: which questionnaire (built-in or loaded from a file), the
//! firm's name, and the target profile to compare with.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::i18n::tr;
use super::state::AppState;
use crate::domain::text::Lang;

#[component]
pub fn Setup(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let profiles = state.profiles();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let name = file.name();
        // Clear the input so that choosing the same file again (after fixing it) reloads it.
        input.set_value("");
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(text) => state.load_file(name, text.as_string().unwrap_or_default()),
                Err(_) => state.notice.set(Some(crate::domain::text::Text::new(
                    format!("无法读取文件 {name}"),
                    format!("Could not read the file {name}"),
                ))),
            }
        });
    };
    view! {
        <section class="section setup" aria-labelledby="setup-title">
            <h2 id="setup-title">{move || tr(lang.get(), "评估设置", "Assessment setup")}</h2>
            <div class="field">
                <label for="questionnaire">{move || tr(lang.get(), "问卷", "Questionnaire")}</label>
                <select id="questionnaire" on:change=move |ev| {
                    state.section.set(0);
                    state.questionnaire_id.set(event_target_value(&ev));
                }>
                    {move || state.choices().into_iter().map(|q| {
                        let id = q.id.clone();
                        let value = q.id.clone();
                        let selected = move || state.questionnaire_id.get() == id;
                        view! { <option value=value prop:selected=selected>{move || q.title.get(lang.get()).to_string()}</option> }
                    }).collect_view()}
                </select>
                <p class="help">
                    {move || state.questionnaire.with(|q| q.0.description.as_ref().map(|d| d.get(lang.get()).to_string()))}
                </p>
                <details class="load-file">
                    <summary>{move || tr(lang.get(), "加载问卷文件（供咨询顾问使用）", "Load a questionnaire file (for consultants)")}</summary>
                    <label for="questionnaire-file">{move || tr(lang.get(), "选择 .toml 问卷文件，检查通过后加入上面的列表", "Choose a .toml questionnaire file; once it passes the checks it joins the list above")}</label>
                    <input id="questionnaire-file" type="file" accept=".toml,text/plain" on:change=on_file />
                </details>
                <LoadErrors state=state />
            </div>
            <div class="field">
                <label for="firm-name">{move || tr(lang.get(), "企业名称", "Firm name")}</label>
                <input id="firm-name" type="text" autocomplete="organization"
                    prop:value=move || state.firm_name.get()
                    on:input=move |ev| state.firm_name.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="profile">{move || tr(lang.get(), "对标的目标方案", "Target profile")}</label>
                <select id="profile" aria-describedby="profile-source" on:change=move |ev| state.profile_id.set(event_target_value(&ev))>
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
        </section>
    }
}

/// The errors of a questionnaire file that did not load, as the checker prints them.
#[component]
fn LoadErrors(state: AppState) -> impl IntoView {
    let lang = state.lang;
    view! {
        <div class="load-errors" role="alert" aria-live="assertive">
            {move || {
                let errors = state.load_errors.get();
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
