//! The selectable customer grid behind both tables of the Customers tab (customers to
//! assign; Assigned customers): rows from the backend, checkboxes over a [`Selection`]
//! kept by id across pages and searches, a toolbar, and the selected list below.

use crate::api::{CustomerScope, Grid, SharedBackend};
use crate::components::data_grid::{DataGrid, GridSelection};
use crate::components::selection_list::SelectionList;
use crate::i18n;
use crate::model::selection::Selection;
use crate::model::{Customer, GroupId, ListQuery, Page};
use crate::pages::wizard::customer_columns::{customer_columns, customer_key};
use crate::state::remote::Remote;
use crate::state::url_query::use_list_query;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the rows come from.
#[derive(Clone)]
pub enum CustomerSource {
    /// Customers (all, or those not in a group).
    Customers(CustomerScope),
    /// Members of a group.
    Members(GroupId),
}

/// Bumped when a save changed the group's members but the page stays (a save that went
/// through in part): the grids load again.
#[derive(Clone, Copy)]
pub struct MembersChanged(pub RwSignal<u64>);

/// What a checked row means in a grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checked {
    /// The customer is in the selection (picked to assign).
    Selected,
    /// The member is kept: the selection holds the members marked for unassignment,
    /// and a cleared row is one of them.
    Kept,
}

/// What a toolbar can read of its grid.
#[derive(Clone, Copy)]
pub struct GridHandle {
    /// The grid's query.
    pub query: Memo<ListQuery>,
    /// The fetched page.
    pub remote: Remote<Page<Customer>>,
}

/// Builds a grid's toolbar.
pub type Toolbar = Arc<dyn Fn(GridHandle) -> AnyView + Send + Sync>;

/// Texts and test ids of one selectable grid.
#[derive(Clone, Copy)]
pub struct SelectGridTexts {
    /// Accessible name of the table.
    pub caption: &'static str,
    /// Label of the header checkbox.
    pub page_label: &'static str,
    /// Shown when there are no rows at all.
    pub empty: &'static str,
    /// Heading of the selected list, with the count.
    pub list_title: fn(u64) -> String,
    /// The selected list's line for an "all" selection.
    pub all_text: fn(u64, &str) -> String,
    /// `data-testid` of the grid.
    pub testid: &'static str,
    /// `data-testid` of the selected list.
    pub list_testid: &'static str,
}

/// A selectable customer grid with its selected list.
#[component]
pub fn CustomerSelectGrid(
    /// Where the rows come from.
    source: CustomerSource,
    /// The selection (owned by the page: it survives tab switches).
    selection: RwSignal<Selection>,
    /// What a checked row means.
    checked: Checked,
    /// URL parameter prefix of this grid.
    prefix: &'static str,
    /// Texts and test ids.
    texts: SelectGridTexts,
    /// The toolbar.
    toolbar: Toolbar,
) -> impl IntoView {
    let backend = expect_context::<SharedBackend>();
    let grid = match source {
        CustomerSource::Customers(_) => Grid::Customers,
        CustomerSource::Members(_) => Grid::Members,
    };
    let caps = backend.capabilities();
    let sorts = caps.sorts(grid);
    let (query, set_query) = use_list_query(prefix, sorts);
    let changed = use_context::<MembersChanged>();
    let remote = Remote::new(
        move || {
            if let Some(MembersChanged(n)) = changed {
                n.track();
            }
            query.get()
        },
        move |q| {
            let (b, source) = (backend.clone(), source.clone());
            async move {
                match source {
                    CustomerSource::Customers(scope) => b.list_customers(&scope, &q).await,
                    CustomerSource::Members(g) => b.list_members(&g, &q).await,
                }
            }
        },
    );
    let handle = GridHandle { query, remote };
    let selection_grid = GridSelection {
        is_checked: Arc::new(move |c: &Customer| {
            selection.with(|s| s.contains(c)) == (checked == Checked::Selected)
        }),
        set_checked: Arc::new(move |rows: Vec<Customer>, on: bool| {
            selection.update(|s| s.set_many(rows.iter(), on == (checked == Checked::Selected)))
        }),
        row_label: Arc::new(|c: &Customer| i18n::select_row(&c.display_name())),
        page_label: texts.page_label,
    };
    let empty = texts.empty;
    view! {
        <DataGrid
            caption=texts.caption
            columns=customer_columns()
            remote=remote
            sorts=sorts
            query=query
            set_query=set_query
            row_key=customer_key
            search_label=i18n::customer_search_label(caps.customer_search)
            testid=texts.testid
            selection=selection_grid
            toolbar=Arc::new(move || toolbar(handle))
            empty=move || view! { <p>{empty}</p> }
        />
        <SelectionList
            title=Signal::derive(move || (texts.list_title)(selection.with(|s| s.count())))
            summary=Signal::derive(move || selection.with(|s| s.summary()))
            all_text=texts.all_text
            on_remove=Callback::new(move |id| selection.update(|s| s.remove_listed(&id)))
            on_clear=Callback::new(move |_| selection.update(|s| s.clear()))
            testid=texts.list_testid
        />
    }
}
