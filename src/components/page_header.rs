//! The page header: breadcrumb, title, and the page's actions on the right.

use crate::i18n::texts;
use crate::routes::Paths;
use crate::state::instance::Instance;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::components::A;

/// Breadcrumb "Customers / Customer Groups / {current}", the title and the actions.
#[component]
pub fn PageHeader(
    /// The page title (`<h1>`).
    #[prop(into)]
    title: Signal<String>,
    /// The last breadcrumb item, when the page is below the list.
    #[prop(optional, into)]
    crumb: Option<Signal<String>>,
    /// Actions, primary last.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let t = texts();
    let paths = expect_context::<Paths>();
    // After a navigation inside the app (not on the first page), keyboard and
    // screen-reader focus moves to the new page's heading, as a page load starts at the
    // top. Each page has one header, so counting headers counts pages.
    let heading = NodeRef::<H1>::new();
    let navigated = expect_context::<Instance>().page_shown();
    Effect::new(move |_| {
        if let Some(h) = heading.get()
            && navigated
        {
            let _ = h.focus();
        }
    });
    view! {
        <header class="cg-page-header">
            <div class="cg-page-header__text">
                <nav class="cg-breadcrumb" aria-label=t.breadcrumb>
                    <ol>
                        <li>{t.crumb_customers}</li>
                        {match crumb {
                            Some(c) => view! {
                                <li><A href=paths.list() exact=true>{t.customer_groups}</A></li>
                                <li aria-current="page">{move || c.get()}</li>
                            }.into_any(),
                            None => view! { <li aria-current="page">{t.customer_groups}</li> }.into_any(),
                        }}
                    </ol>
                </nav>
                <h1 class="cg-title" tabindex="-1" node_ref=heading>{move || title.get()}</h1>
            </div>
            <div class="cg-page-header__actions">{children.map(|c| c())}</div>
        </header>
    }
}
