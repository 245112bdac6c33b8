//! The edit page's **Assigned customers** table: members with checked boxes; clearing
//! one marks that customer for unassignment, **De-select All** marks every member of
//! the group (not only the visible page).

use crate::i18n::{self, texts};
use crate::model::GroupId;
use crate::model::selection::Selection;
use crate::pages::wizard::customer_select_grid::{
    Checked, CustomerSelectGrid, CustomerSource, GridHandle, SelectGridTexts,
};
use leptos::prelude::*;
use std::sync::Arc;

/// **De-select All**, or "Keep all" to undo it.
fn deselect_bar(marked: RwSignal<Selection>, members: Option<u64>, grid: GridHandle) -> AnyView {
    let t = texts();
    let GridHandle { query, remote } = grid;
    // Every member: the group's count, or the total of an unfiltered page once seen.
    let member_count = RwSignal::new(members);
    Effect::new(move |_| {
        if let Some(n) = remote.data.with(|d| d.as_ref().map(|p| p.total))
            && !remote.loading.get()
            && query.with_untracked(|q| q.q.is_empty())
        {
            member_count.set(Some(n));
        }
    });
    let all_marked = move || marked.with(|m| m.all().is_some());
    view! {
        <div class="cg-selbar">
            // One button that changes its meaning, so keyboard focus stays on it.
            <button type="button" class="cg-btn"
                disabled=move || !all_marked() && member_count.get().unwrap_or(0) == 0
                on:click=move |_| {
                    if all_marked() {
                        marked.update(|m| m.clear());
                    } else {
                        let n = member_count.get_untracked().unwrap_or(0);
                        marked.update(|m| m.select_everyone(n));
                    }
                }>
                {move || if all_marked() { t.undo_deselect_all } else { t.deselect_all }}
            </button>
        </div>
    }
    .into_any()
}

/// Members of the group, to keep or unassign.
#[component]
pub fn AssignedCustomers(
    /// The group.
    group: GroupId,
    /// Its member count, when known.
    members: Option<u64>,
    /// Members marked for unassignment (owned by the page).
    marked: RwSignal<Selection>,
    /// URL parameter prefix of this grid.
    prefix: &'static str,
) -> impl IntoView {
    let t = texts();
    view! {
        <CustomerSelectGrid
            source=CustomerSource::Members(group)
            selection=marked
            checked=Checked::Kept
            prefix=prefix
            texts=SelectGridTexts {
                caption: t.assigned_customers,
                page_label: t.keep_page,
                empty: t.members_empty,
                list_title: i18n::selected_to_deassign,
                all_text: |count, _| i18n::all_members_marked(count),
                testid: "assigned-grid",
                list_testid: "selected-to-deassign",
            }
            toolbar=Arc::new(move |grid| deselect_bar(marked, members, grid))
        />
    }
}
