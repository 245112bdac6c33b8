//! The one data grid behind every table of the app: server-side paged, sortable (with
//! `aria-sort`), searchable, optionally selectable with labelled checkboxes; loading,
//! empty and error states that never make the layout jump.

use crate::components::icons::{AlertIcon, SortIcon};
use crate::components::pagination::Pagination;
use crate::components::search_box::SearchBox;
use crate::i18n::texts;
use crate::model::{ListQuery, Page, SortFields, SortKey, SortOrder};
use crate::state::remote::Remote;
use leptos::prelude::*;
use std::sync::Arc;

type Cell<T> = Arc<dyn Fn(&T) -> AnyView + Send + Sync>;

/// One column: header label, optional sort key, and how a row's cell is drawn.
pub struct Column<T> {
    label: &'static str,
    sort_key: Option<SortKey>,
    numeric: bool,
    cell: Cell<T>,
}

impl<T> Clone for Column<T> {
    fn clone(&self) -> Self {
        Column {
            label: self.label,
            sort_key: self.sort_key,
            numeric: self.numeric,
            cell: self.cell.clone(),
        }
    }
}

impl<T> Column<T> {
    /// A column drawn by `cell`.
    pub fn new(label: &'static str, cell: impl Fn(&T) -> AnyView + Send + Sync + 'static) -> Self {
        Column {
            label,
            sort_key: None,
            numeric: false,
            cell: Arc::new(cell),
        }
    }

    /// A column showing plain text.
    pub fn text(label: &'static str, text: impl Fn(&T) -> String + Send + Sync + 'static) -> Self {
        Self::new(label, move |row| text(row).into_any())
    }

    /// Makes the column sortable by `key`, where the backend can sort by it.
    pub fn sort(mut self, key: SortKey) -> Self {
        self.sort_key = Some(key);
        self
    }

    /// Right-aligns the column (numbers).
    pub fn numeric(mut self) -> Self {
        self.numeric = true;
        self
    }
}

/// Checkbox selection of a grid. The grid asks per row and reports the rows the user
/// checked or cleared; the owner keeps the selection (by id, across pages).
pub struct GridSelection<T> {
    /// Whether the row is checked (reads signals: reactive).
    pub is_checked: Arc<dyn Fn(&T) -> bool + Send + Sync>,
    /// Checks (`true`) or clears these rows.
    pub set_checked: Arc<dyn Fn(Vec<T>, bool) + Send + Sync>,
    /// The accessible label of a row's checkbox ("Select Anna Meyer").
    pub row_label: Arc<dyn Fn(&T) -> String + Send + Sync>,
    /// The accessible label of the header checkbox.
    pub page_label: &'static str,
}

impl<T> Clone for GridSelection<T> {
    fn clone(&self) -> Self {
        GridSelection {
            is_checked: self.is_checked.clone(),
            set_checked: self.set_checked.clone(),
            row_label: self.row_label.clone(),
            page_label: self.page_label,
        }
    }
}

/// A paged, sortable, searchable table over a [`Remote`] page.
#[component]
pub fn DataGrid<T>(
    /// Accessible name of the table.
    caption: &'static str,
    /// The columns after the optional checkbox column.
    columns: Vec<Column<T>>,
    /// The fetched page.
    remote: Remote<Page<T>>,
    /// What the backend can sort this grid by: other columns get no sort button.
    sorts: SortFields,
    /// The grid's query (from the URL).
    query: Memo<ListQuery>,
    /// Writes the query back.
    set_query: Callback<(ListQuery, bool)>,
    /// The row's id (`data-id` on the row).
    row_key: fn(&T) -> String,
    /// Placeholder and label of the search box.
    search_label: &'static str,
    /// What to show when there are no rows at all (no search active).
    #[prop(into)]
    empty: ViewFn,
    /// Checkbox selection, when the grid selects.
    #[prop(optional)]
    selection: Option<GridSelection<T>>,
    /// Extra toolbar content on the right (e.g. the selection bar).
    #[prop(optional)]
    toolbar: Option<ChildrenFn>,
    /// `data-testid` of the grid's root.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let t = texts();
    let columns = Arc::new(columns);
    let rows = Memo::new(move |_| remote.data.with(|d| d.as_ref().map(|p| p.items.clone())));
    let total = Signal::derive(move || remote.data.with(|d| d.as_ref().map(|p| p.total)));
    let selectable = selection.is_some();
    let span = columns.len() + usize::from(selectable);

    let header_checkbox = selection.clone().map(|sel| {
        let page_rows = move || rows.get().unwrap_or_default();
        let is = sel.is_checked.clone();
        let state = Memo::new(move |_| {
            let rows = page_rows();
            let checked = rows.iter().filter(|r| is(r)).count();
            (checked, rows.len())
        });
        let set = sel.set_checked.clone();
        view! {
            <th class="cg-grid__select" scope="col">
                <input type="checkbox" class="cg-checkbox" aria-label=sel.page_label
                    prop:checked=move || { let (c, n) = state.get(); n > 0 && c == n }
                    prop:indeterminate=move || { let (c, n) = state.get(); c > 0 && c < n }
                    disabled=move || state.get().1 == 0
                    on:change=move |ev| set(page_rows(), event_target_checked(&ev))/>
            </th>
        }
    });

    let head_cells = columns
        .iter()
        .map(|c| {
            let label = c.label;
            let class = if c.numeric { "cg-grid__th cg-num" } else { "cg-grid__th" };
            match c.sort_key.filter(|k| sorts.allows(*k)) {
                Some(key) => {
                    let dir = Signal::derive(move || {
                        query.with(|q| (q.sort == key).then_some(q.order == SortOrder::Asc))
                    });
                    let aria = move || match dir.get() {
                        Some(true) => "ascending",
                        Some(false) => "descending",
                        None => "none",
                    };
                    view! {
                        <th class=class scope="col" aria-sort=aria>
                            <button type="button" class="cg-sort"
                                on:click=move |_| set_query.run((query.get_untracked().with_sort(key), false))>
                                {label}<SortIcon direction=dir/>
                            </button>
                        </th>
                    }
                    .into_any()
                }
                None => view! { <th class=class scope="col">{label}</th> }.into_any(),
            }
        })
        .collect_view();

    let body = {
        let columns = columns.clone();
        let selection = selection.clone();
        move || {
            let err = remote.error.get();
            match rows.get() {
                None => match err {
                    Some(e) => view! {
                        <tr><td colspan=span><ErrorPanel error=e.user_message() on_retry=move || remote.retry()/></td></tr>
                    }.into_any(),
                    None => (0..5)
                        .map(|_| view! {
                            <tr class="cg-grid__skeleton" aria-hidden="true">
                                {(0..span).map(|_| view! { <td><span class="cg-skeleton"></span></td> }).collect_view()}
                            </tr>
                        })
                        .collect_view()
                        .into_any(),
                },
                Some(items) if items.is_empty() => {
                    let searching = query.with(|q| !q.q.is_empty());
                    let past_end = total.get().unwrap_or(0) > 0;
                    view! {
                        <tr><td colspan=span class="cg-grid__empty">
                            {if past_end {
                                view! {
                                    <p>{t.page_past_end}</p>
                                    <button type="button" class="cg-btn"
                                        on:click=move |_| set_query.run((query.get_untracked().with_page(1), false))>
                                        {t.first_page}
                                    </button>
                                }.into_any()
                            } else if searching {
                                t.no_matches.into_any()
                            } else {
                                empty.run()
                            }}
                        </td></tr>
                    }.into_any()
                }
                Some(items) => items
                    .into_iter()
                    .map(|row| {
                        let select_cell = selection.clone().map(|sel| {
                            let is = sel.is_checked.clone();
                            let set = sel.set_checked.clone();
                            let r1 = row.clone();
                            let r2 = row.clone();
                            view! {
                                <td class="cg-grid__select">
                                    <input type="checkbox" class="cg-checkbox"
                                        aria-label=(sel.row_label)(&row)
                                        prop:checked=move || is(&r1)
                                        on:change=move |ev| set(vec![r2.clone()], event_target_checked(&ev))/>
                                </td>
                            }
                        });
                        let cells = columns
                            .iter()
                            .map(|c| {
                                let class = if c.numeric { "cg-num" } else { "" };
                                view! { <td class=class>{(c.cell)(&row)}</td> }
                            })
                            .collect_view();
                        view! { <tr data-id=row_key(&row)>{select_cell}{cells}</tr> }
                    })
                    .collect_view()
                    .into_any(),
            }
        }
    };

    view! {
        <section class="cg-grid" data-testid=testid aria-busy=move || remote.loading.get().to_string()>
            <div class="cg-grid__toolbar">
                <SearchBox query=query set_query=set_query label=search_label/>
                <div class="cg-grid__toolbar-end">{toolbar.map(|f| f())}</div>
            </div>
            <Show when=move || remote.error.with(|e| e.is_some()) && rows.with(|r| r.is_some())>
                <ErrorPanel
                    error=remote.error.get().map(|e| e.user_message()).unwrap_or_default()

                    on_retry=move || remote.retry()/>
            </Show>
            <div class="cg-grid__scroll">
                <div class="cg-progress" class:cg-progress--on=move || remote.loading.get()></div>
                <table class="cg-table" class:cg-table--stale=move || remote.loading.get() && rows.with(|r| r.is_some())>
                    <caption class="cg-sr-only">{caption}</caption>
                    <thead><tr>{header_checkbox}{head_cells}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <Pagination query=query total=total set_query=set_query/>
        </section>
    }
}

/// What failed, and Retry.
#[component]
pub fn ErrorPanel(
    /// The message for people.
    error: String,
    /// Called on Retry.
    on_retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let t = texts();
    view! {
        <div class="cg-error-panel" role="alert">
            <AlertIcon/>
            <div class="cg-error-panel__text">
                <strong>{t.load_failed}</strong>
                <span>{error}</span>
            </div>
            <button type="button" class="cg-btn" on:click=move |_| on_retry()>{t.retry}</button>
        </div>
    }
}
