//! The customer groups list (`/customer-groups`, the start page): #, Name, Description,
//! Created, Customers, Actions; paged, sorted and searched on the server, with the view
//! in the URL.

use crate::api::{Grid, SharedBackend};
use crate::components::data_grid::{Column, DataGrid};
use crate::components::icons::PlusIcon;
use crate::components::local_time::LocalTime;
use crate::components::member_count::MemberCountText;
use crate::components::page_header::PageHeader;
use crate::i18n::texts;
use crate::model::{Group, SortKey};
use crate::routes::Paths;
use crate::state::remote::Remote;
use crate::state::url_query::use_list_query;
use leptos::prelude::*;
use leptos_router::components::A;

/// The list page.
#[component]
pub fn GroupListPage() -> impl IntoView {
    let t = texts();
    let backend = expect_context::<SharedBackend>();
    let paths = expect_context::<Paths>();
    let caps = backend.capabilities();
    let sorts = caps.sorts(Grid::Groups);
    let (query, set_query) = use_list_query("", sorts);
    let remote = Remote::new(
        move || query.get(),
        move |q| {
            let b = backend.clone();
            async move { b.list_groups(&q).await }
        },
    );

    let actions_paths = paths.clone();
    // Spryker exposes only uuids: no short number worth a column.
    let number = caps.group_numbers.then(|| {
        Column::text(t.col_number, |g: &Group| g.id.to_string())
            .sort(SortKey::Id)
            .numeric()
    });
    let columns = number
        .into_iter()
        .chain([
            Column::text(t.col_name, |g: &Group| g.name.clone()).sort(SortKey::Name),
            Column::new(t.col_description, |g: &Group| {
                let d = g.description.clone();
                let title = d.clone();
                view! { <span class="cg-clamp" title=title>{d}</span> }.into_any()
            }),
            Column::new(t.col_created, |g: &Group| {
                view! { <LocalTime iso=g.created_at.clone()/> }.into_any()
            })
            .sort(SortKey::CreatedAt),
            Column::new(t.col_customers, |g: &Group| {
                view! { <MemberCountText count=g.customer_count/> }.into_any()
            })
            .numeric(),
            Column::new(t.col_actions, move |g: &Group| {
                view! {
                    <span class="cg-row-actions">
                        <A href=actions_paths.view(&g.id) attr:class="cg-link">{t.view}</A>
                        <A href=actions_paths.edit(&g.id) attr:class="cg-link">{t.edit}</A>
                    </span>
                }
                .into_any()
            }),
        ])
        .collect();

    let new_href = paths.new_group();
    let empty_href = new_href.clone();
    view! {
        <PageHeader title=t.customer_groups.to_owned()>
            <A href=new_href attr:class="cg-btn cg-btn--primary"><PlusIcon/>{t.add_customer_group}</A>
        </PageHeader>
        <div class="cg-panel">
            <DataGrid
                caption=t.customer_groups
                columns=columns
                remote=remote
                sorts=sorts
                query=query
                set_query=set_query
                row_key=|g: &Group| g.id.to_string()
                search_label=t.search_groups
                testid="groups-grid"
                empty=move || view! {
                    <div class="cg-empty">
                        <p class="cg-empty__title">{t.groups_empty}</p>
                        <p>{t.groups_empty_hint}</p>
                        <A href=empty_href.clone() attr:class="cg-btn cg-btn--primary">{t.add_customer_group}</A>
                    </div>
                }
            />
        </div>
    }
}
