//! A search box that updates the grid's query when the user pauses typing (or at once on
//! Enter), replacing the history entry so Back does not replay keystrokes.

use crate::i18n::texts;
use crate::model::ListQuery;
use crate::state::latest::{Latest, TYPING_PAUSE};
use crate::state::url_query::{History, QuerySetter};
use leptos::prelude::*;

/// The search box of one grid.
#[component]
pub fn SearchBox(
    /// The grid's query (the box follows `q` when the URL changes, e.g. on Back).
    query: Memo<ListQuery>,
    /// Writes a new query.
    set_query: QuerySetter,
    /// Accessible label and placeholder.
    label: &'static str,
    /// The name of the search landmark: the grid it searches (two grids on a page
    /// make two landmarks, which must differ).
    region: &'static str,
) -> impl IntoView {
    let text = RwSignal::new(query.get_untracked().q);
    let typed = Memo::new(move |_| !text.with(String::is_empty));
    // Back/Forward or a link changes the URL's search: show it. Only a change of the
    // search itself counts, so sorting or paging never overwrites what is being typed.
    let url_q = Memo::new(move |_| query.with(|q| q.q.clone()));
    Effect::new(move |_| {
        let q = url_q.get();
        if text.get_untracked().trim() != q {
            text.set(q);
        }
    });
    let typing = Latest::default();
    let commit = move || {
        let q = query.get_untracked();
        let next = q.with_search(&text.get_untracked());
        if next != q {
            set_query.run((next, History::Replace));
        }
    };
    let on_input = move |ev| {
        text.set(event_target_value(&ev));
        typing.debounce(TYPING_PAUSE, commit);
    };
    view! {
        <div class="cg-search" role="search" aria-label=region>
            <svg class="cg-icon cg-search__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                <path d="M6.5 1a5.5 5.5 0 014.4 8.8l3.7 3.7-1.1 1.1-3.7-3.7A5.5 5.5 0 116.5 1zm0 1.5a4 4 0 100 8 4 4 0 000-8z"/>
            </svg>
            <input
                type="search"
                class="cg-input cg-search__input"
                placeholder=label
                aria-label=label
                prop:value=move || text.get()
                on:input=on_input
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        typing.cancel();
                        commit();
                    } else if ev.key() == "Escape" && !text.get_untracked().is_empty() {
                        text.set(String::new());
                        commit();
                    }
                }
            />
            {move || typed.get().then(|| view! {
                <button type="button" class="cg-search__clear" aria-label=texts().clear_search
                    on:click=move |_| { text.set(String::new()); commit(); }>"×"</button>
            })}
        </div>
    }
}
