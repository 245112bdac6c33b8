//! The Customers tab's grid of customers to assign: select on any page, by search,
//! or "all N matching"; the selection is listed below, each entry removable.

use crate::api::{CustomerScope, SharedBackend};
use crate::components::data_grid::{DataGrid, GridSelection};
use crate::components::selection_list::SelectionList;
use crate::i18n::{self, texts};
use crate::model::Customer;
use crate::model::selection::Selection;
use crate::pages::groups::customer_columns::{CUSTOMER_SORTS, customer_columns, customer_key};
use crate::state::remote::Remote;
use crate::state::url_query::use_list_query;
use leptos::prelude::*;
use std::sync::Arc;

/// Selection callbacks for a grid of customers over a selection signal; `checked_means`
/// is `true` when a checked row is in the selection (assign) and `false` when a checked
/// row is *not* in it (members kept, unmarked for unassignment).
pub fn customer_grid_selection(
    selection: RwSignal<Selection>,
    checked_means_selected: bool,
    page_label: &'static str,
) -> GridSelection<Customer> {
    GridSelection {
        is_checked: Arc::new(move |c: &Customer| {
            selection.with(|s| s.contains(c)) == checked_means_selected
        }),
        set_checked: Arc::new(move |rows: Vec<Customer>, checked: bool| {
            selection.update(|s| s.set_many(rows.iter(), checked == checked_means_selected))
        }),
        row_label: Arc::new(|c: &Customer| i18n::select_row(&c.display_name())),
        page_label,
    }
}

/// Customers to assign.
#[component]
pub fn CustomerPicker(
    /// Which customers can be picked.
    scope: CustomerScope,
    /// The selection (owned by the page: it survives tab switches).
    selection: RwSignal<Selection>,
    /// URL parameter prefix of this grid.
    prefix: &'static str,
    /// What to say when there is nobody to pick.
    empty_text: &'static str,
) -> impl IntoView {
    let t = texts();
    let backend = expect_context::<SharedBackend>();
    let (query, set_query) = use_list_query(prefix, CUSTOMER_SORTS);
    let remote = Remote::new(
        move || query.get(),
        move |q| {
            let b = backend.clone();
            let scope = scope.clone();
            async move { b.list_customers(&scope, &q).await }
        },
    );
    let total = move || {
        remote
            .data
            .with(|d| d.as_ref().map(|p| p.total).unwrap_or(0))
    };
    let can_select_all = move || {
        let q = query.with(|q| q.q.clone());
        let n = total();
        n > 0 && selection.with(|s| s.all().is_none_or(|a| a.q != q) || s.count() < n)
    };
    let toolbar = move || {
        view! {
            <div class="cg-selbar">
                <span class="cg-selbar__count">{move || i18n::n_selected(selection.with(|s| s.count()))}</span>
                <Show when=can_select_all>
                    <button type="button" class="cg-btn cg-btn--link"
                        on:click=move |_| {
                            let q = query.with_untracked(|q| q.q.clone());
                            let n = total();
                            selection.update(|s| s.select_all(&q, n));
                        }>
                        {move || i18n::select_all_matching(total())}
                    </button>
                </Show>
            </div>
        }
        .into_any()
    };
    view! {
        <DataGrid
            caption=t.customers_to_assign
            columns=customer_columns()
            remote=remote
            query=query
            set_query=set_query
            row_key=customer_key
            search_label=t.search_customers
            testid="customers-grid"
            selection=customer_grid_selection(selection, true, t.select_page)
            toolbar=Arc::new(toolbar)
            empty=move || view! { <p>{empty_text}</p> }
        />
        <SelectionList
            title=Signal::derive(move || i18n::selected_to_assign(selection.with(|s| s.count())))
            summary=Signal::derive(move || selection.with(|s| s.summary()))
            all_text=i18n::all_matching
            on_remove=Callback::new(move |id| selection.update(|s| s.remove_listed(&id)))
            on_clear=Callback::new(move |_| selection.update(|s| s.clear()))
            testid="selected-to-assign"
        />
    }
}
