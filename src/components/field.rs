//! A labelled form field: label above, required mark, character counter near the
//! limit, and an error under the field (announced, linked by `aria-describedby`).

use crate::components::icons::AlertIcon;
use crate::i18n::{self, texts};
use crate::model::validation::near_limit;
use leptos::prelude::*;

/// A text input or textarea.
#[component]
pub fn TextField(
    /// The element id (also used for the error and hint ids), unique in the page.
    id: String,
    /// Visible label.
    label: &'static str,
    /// The value.
    #[prop(into)]
    value: Signal<String>,
    /// Called on every input.
    on_input: Callback<String>,
    /// The error to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// A warning (not an error) to show under the field.
    #[prop(optional, into)]
    warning: Option<Signal<Option<String>>>,
    /// Character limit (after trimming).
    max: usize,
    /// Whether the field is required.
    #[prop(optional)]
    required: bool,
    /// A textarea instead of an input.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let warning_id = format!("{id}-warning");
    let counter_id = format!("{id}-count");
    let described = {
        let (e, w, c) = (error_id.clone(), warning_id.clone(), counter_id.clone());
        move || format!("{e} {w} {c}")
    };
    let invalid = move || error.with(|e| e.is_some()).to_string();
    let on = move |ev| on_input.run(event_target_value(&ev));
    let control = if multiline {
        view! {
            <textarea id=id.clone() class="cg-textarea" class:cg-input--invalid=move || error.with(|e| e.is_some())
                aria-invalid=invalid aria-describedby=described.clone()
                prop:value=move || value.get() on:input=on></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" class="cg-input cg-field__input" class:cg-input--invalid=move || error.with(|e| e.is_some())
                aria-invalid=invalid aria-describedby=described aria-required=required.to_string()
                autocomplete="off"
                prop:value=move || value.get() on:input=on/>
        }
        .into_any()
    };
    view! {
        <div class="cg-field">
            <div class="cg-field__top">
                <label class="cg-field__label" for=id>
                    {label}
                    {required.then(|| view! { <span class="cg-field__req" aria-hidden="true">" *"</span><span class="cg-sr-only">{format!(" ({})", texts().required)}</span> })}
                </label>
                <span id=counter_id class="cg-field__count"
                    class:cg-field__count--over=move || value.with(|v| v.trim().chars().count() > max)>
                    {move || value.with(|v| near_limit(v, max).then(|| i18n::char_count(v.trim().chars().count(), max)))}
                </span>
            </div>
            {control}
            <div id=error_id class="cg-field__error" aria-live="polite">
                {move || error.get().map(|e| view! { <AlertIcon/><span>{e}</span> })}
            </div>
            <div id=warning_id class="cg-field__warning" aria-live="polite">
                {move || warning.and_then(|w| w.get())}
            </div>
        </div>
    }
}
