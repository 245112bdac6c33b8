//! Inline SVG icons: nothing is fetched from the network.

use crate::model::SortOrder;
use leptos::prelude::*;

/// Arrow showing the active sort direction (`up` = ascending), or a neutral double
/// arrow when the column is sortable but not sorted.
#[component]
pub fn SortIcon(
    /// The active direction, or `None` when the column is not the sort.
    #[prop(into)]
    direction: Signal<Option<SortOrder>>,
) -> impl IntoView {
    view! {
        <svg class="cg-icon cg-sort-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            {move || match direction.get() {
                Some(SortOrder::Asc) => view! { <path d="M8 3l5 6H3z"/> }.into_any(),
                Some(SortOrder::Desc) => view! { <path d="M8 13L3 7h10z"/> }.into_any(),
                None => view! { <path d="M8 2l4 5H4zM8 14l-4-5h8z" opacity="0.35"/> }.into_any(),
            }}
        </svg>
    }
}

/// A plus sign for "add" buttons.
#[component]
pub fn PlusIcon() -> impl IntoView {
    view! {
        <svg class="cg-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M7 2h2v5h5v2H9v5H7V9H2V7h5z"/>
        </svg>
    }
}

/// An exclamation mark in a circle for errors.
#[component]
pub fn AlertIcon() -> impl IntoView {
    view! {
        <svg class="cg-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M8 1a7 7 0 100 14A7 7 0 008 1zm-.9 3h1.8l-.3 5H7.4zM8 10.5a1.1 1.1 0 110 2.2 1.1 1.1 0 010-2.2z"/>
        </svg>
    }
}
