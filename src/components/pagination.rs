//! The grid footer: "1–10 of 1,234", page size, and first/previous/next/last.

use crate::i18n::{self, texts};
use crate::model::ListQuery;
use crate::model::query::PAGE_SIZES;
use crate::state::url_query::{History, QuerySetter};
use leptos::prelude::*;

/// Paging controls for one grid.
#[component]
pub fn Pagination(
    /// The grid's query.
    query: Memo<ListQuery>,
    /// Rows matching on all pages, when known.
    #[prop(into)]
    total: Signal<Option<u64>>,
    /// Writes a new query.
    set_query: QuerySetter,
    /// The grid it pages (names the navigation landmark: two grids, two names).
    region: &'static str,
) -> impl IntoView {
    let t = texts();
    let pages = move || {
        total
            .get()
            .map(|n| query.with(|q| q.page_count(n)))
            .unwrap_or(1)
    };
    let page = move || query.with(|q| q.page);
    let go = move |p: u32| set_query.run((query.get_untracked().with_page(p), History::Push));
    view! {
        <div class="cg-pagination">
            <span class="cg-pagination__range" aria-live="polite">
                {move || total.get().map(|n| {
                    let (from, to) = query.with(|q| q.row_range(n));
                    i18n::range_of(from, to, n)
                })}
            </span>
            <label class="cg-pagination__size">
                {t.rows_per_page}
                <select class="cg-select" prop:value=move || query.with(|q| q.per_page.to_string()) on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                        set_query.run((query.get_untracked().with_per_page(n), History::Push));
                    }
                }>
                    {PAGE_SIZES.iter().map(|n| {
                        let n = *n;
                        view! { <option value=n.to_string() selected=move || query.with(|q| q.per_page == n)>{n}</option> }
                    }).collect_view()}
                </select>
            </label>
            <nav class="cg-pagination__pages" aria-label=format!("{}: {region}", t.pagination)>
                <button type="button" class="cg-btn cg-btn--icon" aria-label=t.first_page
                    disabled=move || { page() <= 1 } on:click=move |_| go(1)>"«"</button>
                <button type="button" class="cg-btn cg-btn--icon" aria-label=t.previous_page
                    disabled=move || { page() <= 1 } on:click=move |_| go(page() - 1)>"‹"</button>
                <span class="cg-pagination__page">{move || i18n::page_of(page(), pages())}</span>
                <button type="button" class="cg-btn cg-btn--icon" aria-label=t.next_page
                    disabled=move || { page() >= pages() } on:click=move |_| go(page() + 1)>"›"</button>
                <button type="button" class="cg-btn cg-btn--icon" aria-label=t.last_page
                    disabled=move || { page() >= pages() } on:click=move |_| go(pages())>"»"</button>
            </nav>
        </div>
    }
}
