//! The group named by the route's `:id`, for the view and edit pages, and what to show
//! while it loads or when it cannot.

use crate::api::{ApiError, SharedBackend};
use crate::components::data_grid::ErrorPanel;
use crate::i18n::texts;
use crate::model::{Group, GroupId};
use crate::routes::Paths;
use crate::state::remote::Remote;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The route's group id and the group, loaded.
pub fn use_route_group() -> (Memo<GroupId>, Remote<Group>) {
    let backend = expect_context::<SharedBackend>();
    let params = use_params_map();
    let id = Memo::new(move |_| GroupId(params.with(|p| p.get("id").unwrap_or_default())));
    let group = Remote::new(
        move || id.get(),
        move |id| {
            let b = backend.clone();
            async move { b.get_group(&id).await }
        },
    );
    (id, group)
}

/// The group's name for headings: "Loading…" until it is there, "Customer group" when
/// it cannot be loaded.
pub fn group_title(group: Remote<Group>) -> Signal<String> {
    Signal::derive(move || {
        let t = texts();
        match group.data.with(|g| g.as_ref().map(|g| g.name.clone())) {
            Some(name) => name,
            None if group.error.with(|e| e.is_some()) => t.customer_group.to_owned(),
            None => t.loading.to_owned(),
        }
    })
}

/// Loading, not found, or another failure with Retry; `None` once the group is there.
pub fn group_status(group: Remote<Group>) -> Option<AnyView> {
    let t = texts();
    if group.data.with(|d| d.is_some()) {
        return None;
    }
    Some(match group.error.get() {
        Some(ApiError::NotFound(_)) => {
            let paths = expect_context::<Paths>();
            view! {
                <div class="cg-panel cg-empty" role="alert">
                    <p class="cg-empty__title">{t.group_not_found}</p>
                    <A href=paths.list() attr:class="cg-btn">{t.back_to_list}</A>
                </div>
            }
            .into_any()
        }
        Some(e) => view! {
            <div class="cg-panel">
                <ErrorPanel error=e.user_message() on_retry=move || group.retry()/>
            </div>
        }
        .into_any(),
        None => view! {
            <div class="cg-panel cg-loading" aria-busy="true">
                <span class="cg-skeleton cg-skeleton--title"></span>
                <span class="cg-skeleton"></span>
                <span class="cg-sr-only">{t.loading}</span>
            </div>
        }
        .into_any(),
    })
}
