//! "Selected customers to assign (N)": what a selection holds, each entry removable.

use crate::i18n::{self, texts};
use crate::model::CustomerId;
use crate::model::selection::Summary;
use leptos::prelude::*;

/// How many chips to show before "+ N more".
const SHOWN: usize = 60;

/// Moves keyboard focus from a chip about to go to its neighbour's remove button (the
/// next chip, or the one before the last). Chips are keyed, so the neighbour's element
/// stays in place and can take focus at once.
fn focus_neighbour(button: &web_sys::HtmlElement) {
    use wasm_bindgen::JsCast;
    let Some(chip) = button.closest("li").ok().flatten() else {
        return;
    };
    let neighbour = chip
        .next_element_sibling()
        .filter(|e| e.has_attribute("data-id"))
        .or_else(|| chip.previous_element_sibling());
    if let Some(b) = neighbour
        .and_then(|n| n.query_selector("button").ok().flatten())
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = b.focus();
    }
}

/// One chip: the label and its remove button.
fn chip(id: CustomerId, label: String, on_remove: Callback<CustomerId>) -> impl IntoView {
    let key = id.to_string();
    let aria = i18n::remove_item(&label);
    view! {
        <li class="cg-chip" data-id=key>
            <span>{label}</span>
            <button type="button" class="cg-chip__remove" aria-label=aria
                on:click=move |ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(b) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                        focus_neighbour(&b);
                    }
                    on_remove.run(id.clone());
                }>"×"</button>
        </li>
    }
}

/// Removable chips, keyed by customer id: removing one touches only that chip.
#[component]
fn Chips(
    /// The entries, by label.
    #[prop(into)]
    items: Signal<Vec<(CustomerId, String)>>,
    /// Removes one entry.
    on_remove: Callback<CustomerId>,
) -> impl IntoView {
    let shown = move || items.with(|v| v.iter().take(SHOWN).cloned().collect::<Vec<_>>());
    let more = move || items.with(|v| v.len().saturating_sub(SHOWN));
    let any_more = Memo::new(move |_| more() > 0);
    view! {
        <ul class="cg-chips">
            <For each=shown key=|(id, _)| id.clone() children=move |(id, label)| chip(id, label, on_remove)/>
            {move || any_more.get().then(|| view! {
                <li class="cg-chip cg-chip--more">{move || format!("+ {}", more())}</li>
            })}
        </ul>
    }
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
    let listed = Memo::new(move |_| match summary.get() {
        Summary::Listed(items) => items,
        _ => Vec::new(),
    });
    let except = Memo::new(move |_| match summary.get() {
        Summary::All { except, .. } => except,
        _ => Vec::new(),
    });
    let extra = Memo::new(move |_| match summary.get() {
        Summary::All { extra, .. } => extra,
        _ => Vec::new(),
    });
    let all_line = Memo::new(move |_| match summary.get() {
        Summary::All { q, count, .. } => Some(all_text(count, &q)),
        _ => None,
    });
    // Each part appears and goes as a whole (the chips inside are keyed): the closures
    // below re-run only when one of these flips.
    let nothing = Memo::new(move |_| summary.with(|s| *s == Summary::Nothing));
    let has =
        |list: Memo<Vec<(CustomerId, String)>>| Memo::new(move |_| list.with(|l| !l.is_empty()));
    let (has_listed, has_except, has_extra) = (has(listed), has(except), has(extra));
    view! {
        <section class="cg-selection" data-testid=testid>
            <div class="cg-selection__head">
                <h3 class="cg-selection__title" aria-live="polite">{move || title.get()}</h3>
                {move || (!nothing.get()).then(|| view! {
                    <button type="button" class="cg-btn cg-btn--link" on:click=move |_| on_clear.run(())>{t.clear_selection}</button>
                })}
            </div>
            {move || nothing.get().then(|| view! { <p class="cg-muted">{t.nothing_selected}</p> })}
            {move || has_listed.get().then(|| view! { <Chips items=listed on_remove=on_remove/> })}
            {move || all_line.get().map(|line| view! { <p class="cg-selection__all">{line}</p> })}
            {move || has_except.get().then(|| view! {
                <p class="cg-muted">{move || i18n::except_n(except.with(Vec::len))}</p>
                <Chips items=except on_remove=on_remove/>
            })}
            {move || has_extra.get().then(|| view! {
                <p class="cg-muted">{move || i18n::plus_n(extra.with(Vec::len))}</p>
                <Chips items=extra on_remove=on_remove/>
            })}
        </section>
    }
}
