//! Shown for any path the app does not know.

use crate::components::page_header::PageHeader;
use crate::i18n::texts;
use crate::routes::Paths;
use leptos::prelude::*;
use leptos_router::components::A;

/// The not-found page, with a way back to the list.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = texts();
    let paths = expect_context::<Paths>();
    view! {
        <PageHeader title=t.page_not_found.to_owned() crumb=Signal::stored(t.page_not_found.to_owned())/>
        <div class="cg-panel cg-empty">
            <p>{t.page_not_found_hint}</p>
            <A href=paths.list() attr:class="cg-btn">{t.back_to_list}</A>
        </div>
    }
}
