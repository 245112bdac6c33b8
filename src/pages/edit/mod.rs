//! Edit a customer group (`/customer-groups/:id/edit`): the wizard pre-filled; on the
//! Customers tab the available customers to assign and the **Assigned customers** to
//! keep or unassign (**De-select All**, `assigned_customers.rs`). Save (`save.rs`) sends
//! only the change, then the view page; a colleague's change meanwhile is settled in
//! `conflict.rs`. **Delete Customer Group** (`delete.rs`) asks first.

pub mod assigned_customers;
pub mod conflict;
pub mod delete;
pub mod save;

use crate::api::{CustomerScope, SharedBackend};
use crate::components::page_header::PageHeader;
use crate::i18n::texts;
use crate::model::Group;
use crate::model::draft::GroupDraft;
use crate::model::group_form::GroupForm;
use crate::model::selection::Selection;
use crate::pages::edit::assigned_customers::AssignedCustomers;
use crate::pages::edit::conflict::{ConflictDialog, GoneDialog};
use crate::pages::edit::delete::DeleteGroup;
use crate::pages::edit::save::{EditState, use_edit_save};
use crate::pages::loaded_group::{group_status, group_title, use_route_group};
use crate::pages::wizard::GroupWizard;
use crate::pages::wizard::customer_picker::CustomerPicker;
use crate::pages::wizard::draft::{DraftNotice, DraftParts, use_group_draft};
use crate::routes::Paths;
use crate::state::owned::Scope;
use leptos::prelude::*;
use leptos_router::components::A;

/// The edit page.
#[component]
pub fn GroupEditPage() -> impl IntoView {
    let t = texts();
    let paths = expect_context::<Paths>();
    let (id, group) = use_route_group();
    let name = group_title(group);
    let view_href = {
        let paths = paths.clone();
        move || paths.view(&id.get())
    };
    // The group as last saved (its version is what the next write sends): the editor
    // sets it when it opens, Save updates it, Delete names it.
    let saved = RwSignal::new(None::<Group>);
    view! {
        <PageHeader title=t.edit_customer_group.to_owned() crumb=name>
            <A href=paths.list() attr:class="cg-btn">{t.back_to_list}</A>
            <A href=view_href attr:class="cg-btn">{t.view_customer_group}</A>
            <DeleteGroup group=saved/>
        </PageHeader>
        {move || group_status(group)}
        {move || group.data.get().map(|g| view! { <EditForm group=g saved=saved/> })}
    }
}

/// The editor for a loaded group. Mounted when the group has loaded; nothing reloads
/// the group while the form is open, so typing is never reset (a partly applied save
/// reloads only the grids).
#[component]
fn EditForm(group: Group, saved: RwSignal<Option<Group>>) -> impl IntoView {
    let t = texts();
    saved.set(Some(group.clone()));
    let form = RwSignal::new(GroupForm::from_group(&group));
    let to_assign = RwSignal::new(Selection::default());
    let to_unassign = RwSignal::new(Selection::default());
    let key = GroupDraft::key(Some(group.id.as_str()));
    let list_text = RwSignal::new(String::new());
    let parts = DraftParts {
        form,
        to_assign,
        to_unassign,
        list_text,
        base: Some(saved),
    };
    let draft = use_group_draft(key, parts);
    let state = EditState {
        form,
        saved,
        to_assign,
        to_unassign,
        draft,
        conflict: RwSignal::new(None),
        fields_saved: RwSignal::new(false),
        gone: RwSignal::new(false),
        members_changed: RwSignal::new(0),
    };
    let saving = use_edit_save(group.id.clone(), state);
    let original = group.clone();
    let backend = expect_context::<SharedBackend>();
    // Discard is clicked in the draft notice, which the click itself hides: its re-read
    // belongs to the page.
    let page = Scope::here();
    let discard = Callback::new(move |_| {
        let g = saved.get_untracked().unwrap_or_else(|| original.clone());
        let shown = GroupForm::from_group(&g);
        form.set(shown.clone());
        to_assign.set(Selection::default());
        to_unassign.set(Selection::default());
        list_text.set(String::new());
        // A restored draft put its own (older) version into `saved`: read the group as
        // it is now, so the next Save is not refused over values already on screen.
        let (b, id) = (backend.clone(), g.id.clone());
        page.spawn(async move {
            if let Ok(now) = b.get_group(&id).await {
                // What the admin typed since Discard stays; only the version is new then.
                if form.with_untracked(|f| *f == shown) {
                    form.set(GroupForm::from_group(&now));
                }
                saved.set(Some(now));
                state.members_changed.update(|n| *n += 1);
            }
        });
    });
    view! {
        <DraftNotice control=draft on_discard=discard/>
        <ConflictDialog state=state on_save=saving.on_save/>
        <GoneDialog state=state/>
        <GroupWizard form=form saving=saving.pending progress=saving.progress on_save=saving.on_save>
            <h2 class="cg-panel__title">{t.customers_to_assign}</h2>
            <CustomerPicker scope=CustomerScope::NotIn(group.id.clone()) selection=to_assign prefix="c_" empty_text=t.available_empty list_text=list_text/>
            <h2 class="cg-panel__title cg-panel__title--sep">{t.assigned_customers}</h2>
            <AssignedCustomers group=group.id.clone() members=group.customer_count marked=to_unassign prefix="m_"/>
        </GroupWizard>
    }
}
