//! The Customers tab's grid of customers to assign: select on any page, by search,
//! or "all N matching"; the selection is listed below, each entry removable.

use crate::api::{Capabilities, CustomerScope, SelectAllMatching, SharedBackend};
use crate::i18n::{self, texts};
use crate::model::selection::Selection;
use crate::pages::wizard::customer_select_grid::{
    Checked, CustomerSelectGrid, CustomerSource, GridHandle, SelectGridTexts,
};
use crate::pages::wizard::list_import::AddFromList;
use leptos::prelude::*;
use std::sync::Arc;

/// "3 selected · Select all 1,234 matching", as far as the backend can (with its cap,
/// or a note that it cannot).
fn select_bar(
    selection: RwSignal<Selection>,
    grid: GridHandle,
    caps: &'static Capabilities,
) -> AnyView {
    let t = texts();
    let GridHandle { query, remote } = grid;
    let count = move || i18n::n_selected(selection.with(|s| s.count()));
    let cap = match caps.select_all_matching {
        SelectAllMatching::Native => u64::MAX,
        SelectAllMatching::Paged { cap } => cap,
        SelectAllMatching::Unsupported => {
            return view! {
                <div class="cg-selbar">
                    <span class="cg-selbar__count">{count}</span>
                    <span class="cg-muted">{t.select_all_unsupported}</span>
                </div>
            }
            .into_any();
        }
    };
    let rule = caps.customer_search;
    let total = move || remote.data.with(|d| d.as_ref().map_or(0, |p| p.total));
    let over_cap = Memo::new(move |_| total() > cap);
    // Only when the shown total belongs to the shown search (not while the next page
    // loads), and when it would change something.
    let can_select_all = move || {
        let n = total();
        let q = query.with(|q| q.q.clone());
        !remote.loading.get()
            && n > 0
            && n <= cap
            && selection.with(|s| s.all().is_none_or(|a| a.q != q) || s.count() < n)
    };
    view! {
        <div class="cg-selbar">
            <span class="cg-selbar__count">{count}</span>
            <button type="button" class="cg-btn cg-btn--link"
                disabled=move || !can_select_all()
                on:click=move |_| {
                    let q = query.with_untracked(|q| q.q.clone());
                    let n = total();
                    selection.update(|s| s.select_all(&q, n, rule));
                }>
                {move || i18n::select_all_matching(total())}
            </button>
            {move || over_cap.get().then(|| view! { <span class="cg-muted">{i18n::select_all_cap(cap)}</span> })}
        </div>
    }
    .into_any()
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
    /// Text pasted into **Add from a list** (kept in the page's draft).
    list_text: RwSignal<String>,
) -> impl IntoView {
    let t = texts();
    let caps = expect_context::<SharedBackend>().capabilities();
    // A backend that cannot leave the members out lists them too: say so.
    let members_listed = matches!(scope, CustomerScope::NotIn(_)) && !caps.lists_non_members;
    let group = match &scope {
        CustomerScope::NotIn(g) => Some(g.clone()),
        CustomerScope::All => None,
    };
    view! {
        <AddFromList selection=selection group=group text=list_text/>
        {members_listed.then(|| view! { <p class="cg-muted">{t.members_listed_too}</p> })}
        <CustomerSelectGrid
            source=CustomerSource::Customers(scope)
            selection=selection
            checked=Checked::Selected
            prefix=prefix
            texts=SelectGridTexts {
                caption: t.customers_to_assign,
                page_label: t.select_page,
                empty: empty_text,
                list_title: i18n::selected_to_assign,
                all_text: i18n::all_matching,
                testid: "customers-grid",
                list_testid: "selected-to-assign",
            }
            toolbar=Arc::new(move |grid| select_bar(selection, grid, caps))
        />
    }
}
