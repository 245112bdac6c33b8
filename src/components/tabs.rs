//! Tabs on top of a panel (WAI-ARIA tabs pattern): arrow keys move between tabs, and a
//! tab whose panel holds an invalid field carries a red dot.

use crate::i18n::texts;
use crate::model::group_form::Tab;
use crate::state::instance::dom_id;
use leptos::prelude::*;

/// One tab: which, its label, and whether its panel holds an error.
pub struct TabSpec {
    /// The tab.
    pub tab: Tab,
    /// Visible label.
    pub label: &'static str,
    /// Whether the panel holds an invalid field.
    pub invalid: Signal<bool>,
}

/// The id of a tab's button in this instance (panels use it in `aria-labelledby`).
pub fn tab_id(tab: Tab) -> String {
    dom_id(&format!("tab-{}", tab.key()))
}

/// The id of a tab's panel in this instance.
pub fn panel_id(tab: Tab) -> String {
    dom_id(&format!("panel-{}", tab.key()))
}

/// The tab list.
#[component]
pub fn TabList(
    /// The tabs, in order.
    tabs: Vec<TabSpec>,
    /// The active tab.
    #[prop(into)]
    active: Signal<Tab>,
    /// Called with the tab the user picked.
    on_select: Callback<Tab>,
) -> impl IntoView {
    let order: Vec<Tab> = tabs.iter().map(|t| t.tab).collect();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let pos = order
            .iter()
            .position(|t| *t == active.get_untracked())
            .unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => (pos + 1) % order.len(),
            "ArrowLeft" => (pos + order.len() - 1) % order.len(),
            "Home" => 0,
            "End" => order.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        on_select.run(order[next]);
        if let Some(el) = document().get_element_by_id(&tab_id(order[next])) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    view! {
        <div class="cg-tabs" role="tablist" on:keydown=on_key>
            {tabs.into_iter().map(|spec| {
                let tab = spec.tab;
                // Memoised: the dot comes and goes only when the tab turns (in)valid.
                let invalid = Memo::new(move |_| spec.invalid.get());
                let selected = move || active.get() == tab;
                view! {
                    <button type="button" role="tab" class="cg-tab"
                        id=tab_id(tab)
                        aria-controls=panel_id(tab)
                        aria-selected=move || selected().to_string()
                        tabindex=move || if selected() { "0" } else { "-1" }
                        class:cg-tab--active=selected
                        class:cg-tab--invalid=move || invalid.get()
                        on:click=move |_| on_select.run(tab)>
                        {spec.label}
                        {move || invalid.get().then(|| view! {
                            <span class="cg-tab__dot" aria-hidden="true"></span>
                            <span class="cg-sr-only">{texts().tab_has_error}</span>
                        })}
                    </button>
                }
            }).collect_view()}
        </div>
    }
}
