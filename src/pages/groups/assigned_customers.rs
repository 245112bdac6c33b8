//! The edit page's **Assigned customers** table: members with checked boxes; clearing
//! one marks that customer for unassignment, **De-select All** marks every member of
//! the group (not only the visible page).

use crate::api::SharedBackend;
use crate::components::data_grid::DataGrid;
use crate::components::selection_list::SelectionList;
use crate::i18n::{self, texts};
use crate::model::GroupId;
use crate::model::selection::Selection;
use crate::pages::groups::customer_columns::{CUSTOMER_SORTS, customer_columns, customer_key};
use crate::pages::groups::customer_picker::customer_grid_selection;
use crate::state::remote::Remote;
use crate::state::url_query::use_list_query;
use leptos::prelude::*;
use std::sync::Arc;

/// Members of the group, to keep or unassign.
#[component]
pub fn AssignedCustomers(
    /// The group.
    group: GroupId,
    /// Members marked for unassignment (owned by the page).
    marked: RwSignal<Selection>,
    /// URL parameter prefix of this grid.
    prefix: &'static str,
) -> impl IntoView {
    let t = texts();
    let backend = expect_context::<SharedBackend>();
    let (query, set_query) = use_list_query(prefix, CUSTOMER_SORTS);
    let remote = Remote::new(
        move || query.get(),
        move |q| {
            let b = backend.clone();
            let g = group.clone();
            async move { b.list_members(&g, &q).await }
        },
    );
    // The count of all members: the total of an unfiltered page (cached once seen).
    let member_count = RwSignal::new(None::<u64>);
    Effect::new(move |_| {
        if let Some(n) = remote.data.with(|d| d.as_ref().map(|p| p.total))
            && query.with_untracked(|q| q.q.is_empty())
        {
            member_count.set(Some(n));
        }
    });
    let all_marked = move || marked.with(|m| m.all().is_some());
    let toolbar = move || {
        view! {
            <div class="cg-selbar">
                <Show when=all_marked fallback=move || view! {
                    <button type="button" class="cg-btn"
                        disabled=move || member_count.get().unwrap_or(0) == 0
                        on:click=move |_| {
                            let n = member_count.get_untracked().unwrap_or(0);
                            marked.update(|m| m.select_all("", n));
                        }>{t.deselect_all}</button>
                }>
                    <button type="button" class="cg-btn" on:click=move |_| marked.update(|m| m.clear())>{t.undo_deselect_all}</button>
                </Show>
            </div>
        }
        .into_any()
    };
    view! {
        <DataGrid
            caption=t.assigned_customers
            columns=customer_columns()
            remote=remote
            query=query
            set_query=set_query
            row_key=customer_key
            search_label=t.search_members
            testid="assigned-grid"
            selection=customer_grid_selection(marked, false, t.keep_page)
            toolbar=Arc::new(toolbar)
            empty=move || view! { <p>{t.members_empty}</p> }
        />
        <SelectionList
            title=Signal::derive(move || i18n::selected_to_deassign(marked.with(|m| m.count())))
            summary=Signal::derive(move || marked.with(|m| m.summary()))
            all_text=|count, _| i18n::all_members_marked(count)
            on_remove=Callback::new(move |id| marked.update(|m| m.remove_listed(&id)))
            on_clear=Callback::new(move |_| marked.update(|m| m.clear()))
            testid="selected-to-deassign"
        />
    }
}
