//! View a customer group (`/customer-groups/:id`): the name as heading, the
//! description, and its members (#, First Name, Last Name, Gender, **View** to the host
//! back office's customer page); **Edit Customer Group** top right.

pub mod member_export;

use crate::api::{Grid, SharedBackend};
use crate::components::data_grid::{Column, DataGrid};
use crate::components::local_time::LocalTime;
use crate::components::member_count::{MemberCountText, NotReported};
use crate::components::page_header::PageHeader;
use crate::config::Config;
use crate::i18n::{self, texts};
use crate::model::{Customer, Group, SortKey};
use crate::pages::loaded_group::{group_status, group_title, use_route_group};
use crate::pages::view::member_export::{ExportMembers, gender_text};
use crate::routes::Paths;
use crate::state::instance::announce;
use crate::state::remote::Remote;
use crate::state::url_query::use_list_query;
use leptos::prelude::*;
use leptos_router::components::A;

/// The view page.
#[component]
pub fn GroupViewPage() -> impl IntoView {
    let t = texts();
    let paths = expect_context::<Paths>();
    let (id, group) = use_route_group();
    let title = group_title(group);
    let edit_href = Signal::derive(move || paths.edit(&id.get()));
    view! {
        <PageHeader title=title crumb=title>
            {move || group.data.with(Option::is_some).then(|| view! {
                <A href=move || edit_href.get() attr:class="cg-btn cg-btn--primary">{t.edit_customer_group}</A>
            })}
        </PageHeader>
        {move || group_status(group)}
        {move || group.data.get().map(|g| view! { <GroupDetails group=g/> })}
    }
}

/// A member's **View** link into the host's customer page; the host may take the
/// navigation over (its own router) by cancelling `cg-navigate-customer`.
fn customer_link(config: &Config, c: &Customer) -> AnyView {
    let href = config.customer_url(c.id.as_str(), &c.reference);
    let detail = [
        ("id", c.id.to_string()),
        ("reference", c.reference.clone()),
        ("url", href.clone()),
    ];
    let on_click = move |e: leptos::ev::MouseEvent| {
        let d: Vec<(&str, &str)> = detail.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if !announce("cg-navigate-customer", &d, true) {
            e.prevent_default();
        }
    };
    let label = i18n::view_customer(&c.display_name());
    view! { <a class="cg-link" href=href on:click=on_click aria-label=label>{texts().view}</a> }
        .into_any()
}

/// Description, dates and the members table of a loaded group.
#[component]
fn GroupDetails(group: Group) -> impl IntoView {
    let t = texts();
    let backend = expect_context::<SharedBackend>();
    let config = expect_context::<Config>();
    let caps = backend.capabilities();
    let sorts = caps.sorts(Grid::Members);
    let (query, set_query) = use_list_query("", sorts);
    let gid = group.id.clone();
    let export_group = group.clone();
    let members = Remote::new(
        move || query.get(),
        move |q| {
            let (b, gid) = (backend.clone(), gid.clone());
            async move { b.list_members(&gid, &q).await }
        },
    );
    let columns = vec![
        Column::text(t.col_number, |c: &Customer| c.id.to_string())
            .sort(SortKey::Id)
            .numeric(),
        Column::text(t.col_first_name, |c: &Customer| c.first_name.clone())
            .sort(SortKey::FirstName),
        Column::text(t.col_last_name, |c: &Customer| c.last_name.clone()).sort(SortKey::LastName),
        if caps.member_gender {
            Column::text(t.col_gender, |c: &Customer| {
                gender_text(c.gender).to_owned()
            })
            .sort(SortKey::Gender)
        } else {
            // Not "n/a": the backend did not say, which is not the same thing.
            Column::new(t.col_gender, |_: &Customer| {
                view! { <NotReported reason=texts().gender_not_reported/> }.into_any()
            })
        },
        Column::new(t.col_actions, move |c: &Customer| customer_link(&config, c)),
    ];
    let description = if group.description.is_empty() {
        view! { <p class="cg-muted">{t.no_description}</p> }.into_any()
    } else {
        view! { <p class="cg-details__description">{group.description.clone()}</p> }.into_any()
    };
    view! {
        <section class="cg-panel cg-details">
            {description}
            <dl class="cg-details__facts">
                <div><dt>{t.col_created}</dt><dd><LocalTime iso=group.created_at.clone()/></dd></div>
                <div><dt>{t.col_customers}</dt><dd><MemberCountText count=group.customer_count/></dd></div>
            </dl>
        </section>
        <section class="cg-panel">
            <div class="cg-panel__head">
                <h2 class="cg-panel__title">{t.assigned_customers}</h2>
                <ExportMembers group=export_group query=query
                    total=Signal::derive(move || members.data.with(|d| d.as_ref().map(|p| p.total)))/>
            </div>
            <DataGrid
                caption=t.assigned_customers
                columns=columns
                remote=members
                sorts=sorts
                query=query
                set_query=set_query
                row_key=|c: &Customer| c.id.to_string()
                search_label=i18n::customer_search_label(caps.customer_search)
                testid="members-grid"
                empty=move || view! { <p>{t.members_empty}</p> }
            />
        </section>
    }
}
