//! "Selected customers to assign (N)": what a selection holds, each entry removable.

use crate::i18n::{self, texts};
use crate::model::CustomerId;
use crate::model::selection::Summary;
use leptos::prelude::*;

/// How many chips to show before "+ N more".
const SHOWN: usize = 60;

/// Focuses the remove button of a chip once the list has been drawn again.
fn focus_chip(testid: &'static str, id: Option<String>) {
    let Some(id) = id else { return };
    set_timeout(
        move || {
            let selector = format!("[data-testid={testid}] li[data-id=\"{id}\"] button");
            if let Ok(Some(el)) = document().query_selector(&selector) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        },
        std::time::Duration::from_millis(0),
    );
}

/// The selected list under a selectable grid.
#[component]
pub fn SelectionList(
    /// Heading, with the count.
    #[prop(into)]
    title: Signal<String>,
    /// What is selected.
    #[prop(into)]
    summary: Signal<Summary>,
    /// The summary line for an "all" selection (count, search).
    all_text: fn(u64, &str) -> String,
    /// Removes one listed entry.
    on_remove: Callback<CustomerId>,
    /// Clears everything.
    on_clear: Callback<()>,
    /// `data-testid` of the list.
    testid: &'static str,
) -> impl IntoView {
    let t = texts();
    let chips = move |items: Vec<(CustomerId, String)>| {
        let more = items.len().saturating_sub(SHOWN);
        // The chip after each one (or before the last), to keep keyboard focus in the
        // list when a chip is removed and the list is drawn again.
        let ids: Vec<String> = items
            .iter()
            .take(SHOWN)
            .map(|(id, _)| id.to_string())
            .collect();
        let neighbour = move |i: usize| {
            ids.get(i + 1)
                .or_else(|| i.checked_sub(1).and_then(|p| ids.get(p)))
                .cloned()
        };
        view! {
            <ul class="cg-chips">
                {items.into_iter().take(SHOWN).enumerate().map(|(i, (id, label))| {
                    let aria = i18n::remove_item(&label);
                    let key = id.to_string();
                    let next = neighbour(i);
                    view! {
                        <li class="cg-chip" data-id=key>
                            <span>{label}</span>
                            <button type="button" class="cg-chip__remove" aria-label=aria
                                on:click=move |_| {
                                    on_remove.run(id.clone());
                                    focus_chip(testid, next.clone());
                                }>"×"</button>
                        </li>
                    }
                }).collect_view()}
                {(more > 0).then(|| view! { <li class="cg-chip cg-chip--more">{format!("+ {more}")}</li> })}
            </ul>
        }
    };
    view! {
        <section class="cg-selection" data-testid=testid>
            <div class="cg-selection__head">
                <h3 class="cg-selection__title" aria-live="polite">{move || title.get()}</h3>
                <Show when=move || summary.with(|s| *s != Summary::Nothing)>
                    <button type="button" class="cg-btn cg-btn--link" on:click=move |_| on_clear.run(())>{t.clear_selection}</button>
                </Show>
            </div>
            {move || match summary.get() {
                Summary::Nothing => view! { <p class="cg-muted">{t.nothing_selected}</p> }.into_any(),
                Summary::Listed(items) => chips(items).into_any(),
                Summary::All { q, count, except, extra } => view! {
                    <p class="cg-selection__all">{all_text(count, &q)}</p>
                    {(!except.is_empty()).then(|| view! {
                        <p class="cg-muted">{i18n::except_n(except.len())}</p>
                        {chips(except)}
                    })}
                    {(!extra.is_empty()).then(|| view! {
                        <p class="cg-muted">{i18n::plus_n(extra.len())}</p>
                        {chips(extra)}
                    })}
                }.into_any(),
            }}
        </section>
    }
}
