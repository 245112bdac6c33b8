//! The one data grid behind every table of the app: server-side paged, sortable (with
//! `aria-sort`), searchable, optionally selectable with labelled checkboxes; loading,
//! empty and error states that never make the layout jump.

use crate::components::icons::{AlertIcon, SortIcon};
use crate::components::pagination::Pagination;
use crate::components::search_box::SearchBox;
use crate::i18n::texts;
use crate::model::{ListQuery, Page, SortFields, SortKey, SortOrder};
use crate::state::remote::Remote;
use crate::state::url_query::{History, QuerySetter};
use leptos::prelude::*;
use std::sync::Arc;

/// Draws one cell of a row.
type CellFn<T> = Arc<dyn Fn(&T) -> AnyView + Send + Sync>;

/// One column: header label, optional sort key, and how a row's cell is drawn.
pub struct Column<T> {
    label: &'static str,
    sort_key: Option<SortKey>,
    numeric: bool,
    cell: CellFn<T>,
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

/// What the table body shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BodyState {
    /// First load: skeleton rows.
    Loading,
    /// Nothing loaded yet and the load failed.
    Failed,
    /// Loaded, no rows.
    Empty,
    /// Loaded rows (kept, dimmed, while the next page loads).
    Rows,
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
    set_query: QuerySetter,
    /// The row's id: the key rows are kept by, and `data-id` on the row.
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
    let columns = Arc::new(columns);
    let rows = Memo::new(move |_| remote.data.with(|d| d.as_ref().map(|p| p.items.clone())));
    let total = Signal::derive(move || remote.data.with(|d| d.as_ref().map(|p| p.total)));
    let span = columns.len() + usize::from(selection.is_some());
    let head = header_row(&columns, sorts, query, set_query, selection.clone(), rows);
    let body = GridBody {
        columns,
        selection,
        remote,
        rows,
        total,
        query,
        set_query,
        row_key,
        empty,
        span,
    };
    view! {
        <section class="cg-grid" data-testid=testid aria-busy=move || remote.loading.get().to_string()>
            <div class="cg-grid__toolbar">
                <SearchBox query=query set_query=set_query label=search_label region=caption/>
                <div class="cg-grid__toolbar-end">{toolbar.map(|f| f())}</div>
            </div>
            {move || (rows.with(|r| r.is_some())).then(|| remote.error.get()).flatten().map(|e| view! {
                <ErrorPanel error=e.user_message() on_retry=move || remote.retry()/>
            })}
            <div class="cg-grid__scroll">
                <div class="cg-progress" class:cg-progress--on=move || remote.loading.get()></div>
                <table class="cg-table" class:cg-table--stale=move || remote.loading.get() && rows.with(|r| r.is_some())>
                    <caption class="cg-sr-only">{caption}</caption>
                    <thead>{head}</thead>
                    <tbody>{body.view()}</tbody>
                </table>
            </div>
            <Pagination query=query total=total set_query=set_query region=caption/>
        </section>
    }
}

/// The header row: the page checkbox, then a sort button for each column the backend
/// can sort by (with `aria-sort`), plain labels for the others.
fn header_row<T>(
    columns: &[Column<T>],
    sorts: SortFields,
    query: Memo<ListQuery>,
    set_query: QuerySetter,
    selection: Option<GridSelection<T>>,
    rows: Memo<Option<Vec<T>>>,
) -> impl IntoView + use<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let page_checkbox = selection.map(|sel| page_checkbox(sel, rows));
    let cells = columns
        .iter()
        .map(|c| {
            let label = c.label;
            let class = if c.numeric { "cg-grid__th cg-num" } else { "cg-grid__th" };
            let Some(key) = c.sort_key.filter(|k| sorts.allows(*k)) else {
                return view! { <th class=class scope="col">{label}</th> }.into_any();
            };
            let dir = Signal::derive(move || query.with(|q| (q.sort == key).then_some(q.order)));
            let aria = move || match dir.get() {
                Some(SortOrder::Asc) => "ascending",
                Some(SortOrder::Desc) => "descending",
                None => "none",
            };
            view! {
                <th class=class scope="col" aria-sort=aria>
                    <button type="button" class="cg-sort"
                        on:click=move |_| set_query.run((query.get_untracked().with_sort(key), History::Push))>
                        {label}<SortIcon direction=dir/>
                    </button>
                </th>
            }
            .into_any()
        })
        .collect_view();
    view! { <tr>{page_checkbox}{cells}</tr> }
}

/// The header checkbox: checks or clears the visible page; indeterminate when the page
/// is partly checked.
fn page_checkbox<T>(sel: GridSelection<T>, rows: Memo<Option<Vec<T>>>) -> impl IntoView + use<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let page_rows = move || rows.get().unwrap_or_default();
    let is = sel.is_checked.clone();
    let state = Memo::new(move |_| {
        let rows = page_rows();
        (rows.iter().filter(|r| is(r)).count(), rows.len())
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
}

/// Everything the table body needs.
struct GridBody<T: Send + Sync + 'static> {
    columns: Arc<Vec<Column<T>>>,
    selection: Option<GridSelection<T>>,
    remote: Remote<Page<T>>,
    rows: Memo<Option<Vec<T>>>,
    total: Signal<Option<u64>>,
    query: Memo<ListQuery>,
    set_query: QuerySetter,
    row_key: fn(&T) -> String,
    empty: ViewFn,
    span: usize,
}

impl<T> GridBody<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    /// The body for the current state. The state changes rarely; within `Rows` the rows
    /// are keyed, so a new page replaces only the rows that changed and a checkbox
    /// toggle touches no row but its own.
    fn view(self) -> impl IntoView {
        let GridBody { remote, rows, .. } = self;
        let state = Memo::new(
            move |_| match rows.with(|r| r.as_ref().map(Vec::is_empty)) {
                Some(false) => BodyState::Rows,
                Some(true) => BodyState::Empty,
                None if remote.error.with(Option::is_some) => BodyState::Failed,
                None => BodyState::Loading,
            },
        );
        move || match state.get() {
            BodyState::Loading => self.skeleton().into_any(),
            BodyState::Failed => self.failed().into_any(),
            BodyState::Empty => self.empty().into_any(),
            BodyState::Rows => self.keyed_rows().into_any(),
        }
    }

    fn skeleton(&self) -> impl IntoView + use<T> {
        let span = self.span;
        (0..5)
            .map(|_| {
                view! {
                    <tr class="cg-grid__skeleton" aria-hidden="true">
                        {(0..span).map(|_| view! { <td><span class="cg-skeleton"></span></td> }).collect_view()}
                    </tr>
                }
            })
            .collect_view()
    }

    fn failed(&self) -> impl IntoView + use<T> {
        let remote = self.remote;
        let message = remote
            .error
            .get()
            .map(|e| e.user_message())
            .unwrap_or_default();
        view! {
            <tr><td colspan=self.span><ErrorPanel error=message on_retry=move || remote.retry()/></td></tr>
        }
    }

    /// No rows: past the last page, nothing matching the search, or nothing at all.
    fn empty(&self) -> impl IntoView + use<T> {
        let t = texts();
        let (query, set_query) = (self.query, self.set_query);
        let content = if self.total.get_untracked().unwrap_or(0) > 0 {
            view! {
                <p>{t.page_past_end}</p>
                <button type="button" class="cg-btn"
                    on:click=move |_| set_query.run((query.get_untracked().with_page(1), History::Push))>
                    {t.first_page}
                </button>
            }
            .into_any()
        } else if query.with_untracked(|q| !q.q.is_empty()) {
            t.no_matches.into_any()
        } else {
            self.empty.run()
        };
        view! { <tr><td colspan=self.span class="cg-grid__empty">{content}</td></tr> }
    }

    fn keyed_rows(&self) -> impl IntoView + use<T> {
        let rows = self.rows;
        let key = self.row_key;
        let columns = self.columns.clone();
        let selection = self.selection.clone();
        view! {
            <For each=move || rows.get().unwrap_or_default() key=move |r: &T| key(r) let(row)>
                {grid_row(&row, key, &columns, selection.clone())}
            </For>
        }
    }
}

/// One row: its checkbox (when the grid selects) and its cells.
fn grid_row<T>(
    row: &T,
    key: fn(&T) -> String,
    columns: &[Column<T>],
    selection: Option<GridSelection<T>>,
) -> impl IntoView + use<T>
where
    T: Clone + Send + Sync + 'static,
{
    let select_cell = selection.map(|sel| {
        let is = sel.is_checked.clone();
        let set = sel.set_checked.clone();
        let (r1, r2) = (row.clone(), row.clone());
        view! {
            <td class="cg-grid__select">
                <input type="checkbox" class="cg-checkbox"
                    aria-label=(sel.row_label)(row)
                    prop:checked=move || is(&r1)
                    on:change=move |ev| set(vec![r2.clone()], event_target_checked(&ev))/>
            </td>
        }
    });
    let cells = columns
        .iter()
        .map(|c| {
            let class = if c.numeric { "cg-num" } else { "" };
            view! { <td class=class>{(c.cell)(row)}</td> }
        })
        .collect_view();
    view! { <tr data-id=key(row)>{select_cell}{cells}</tr> }
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
