//! Edit a customer group (`/customer-groups/:id/edit`): the wizard pre-filled; on the
//! Customers tab the available customers to assign and the **Assigned customers** to
//! keep or unassign (**De-select All**). Save sends only the change, then the view
//! page. **Delete Customer Group** asks first.

use crate::api::{ApiError, CustomerScope, SaveProgress, SharedBackend};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::page_header::PageHeader;
use crate::i18n::{self, texts};
use crate::model::draft::GroupDraft;
use crate::model::group_form::GroupForm;
use crate::model::membership::MembershipChange;
use crate::model::selection::Selection;
use crate::model::{Group, GroupId, GroupInput};
use crate::pages::groups::assigned_customers::AssignedCustomers;
use crate::pages::groups::customer_picker::CustomerPicker;
use crate::pages::groups::customer_select_grid::MembersChanged;
use crate::pages::groups::draft::{DraftNotice, use_group_draft};
use crate::pages::groups::loaded_group::{group_status, group_title, use_route_group};
use crate::pages::groups::wizard::{GroupWizard, report_save_error, use_tab};
use crate::routes::Paths;
use crate::state::drafts;
use crate::state::notifications::Notifications;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// What Save sends: new name/description (if changed) and the membership delta.
#[derive(Clone)]
struct EditSave {
    id: GroupId,
    input: Option<GroupInput>,
    change: MembershipChange,
}

/// Which part of a save failed.
#[derive(Clone)]
enum EditSaveError {
    /// Name/description were not saved (nothing was).
    Group(ApiError),
    /// The members were not (all) changed; `bool`: name/description were saved before.
    Members(ApiError, bool),
}

/// Takes what a partly applied save did out of the selections, so the next Save sends
/// only the rest, and has the grids show the group as it is now.
fn forget_applied(
    e: &ApiError,
    to_assign: RwSignal<Selection>,
    to_unassign: RwSignal<Selection>,
    members_changed: RwSignal<u64>,
) {
    if let ApiError::Partial(p) = e {
        to_assign.update(|s| s.forget(&p.applied.assigned));
        if p.applied.replaced {
            to_unassign.set(Selection::default());
        } else {
            to_unassign.update(|s| s.forget(&p.applied.unassigned));
        }
        members_changed.update(|n| *n += 1);
    }
}

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
    let delete_open = RwSignal::new(false);
    view! {
        <PageHeader title=t.edit_customer_group.to_owned() crumb=name>
            <A href=paths.list() attr:class="cg-btn">{t.back_to_list}</A>
            <A href=view_href attr:class="cg-btn">{t.view_customer_group}</A>
            <button type="button" class="cg-btn cg-btn--danger" disabled=move || group.data.with(|g| g.is_none())
                on:click=move |_| delete_open.set(true)>{t.delete_customer_group}</button>
        </PageHeader>
        {move || group_status(group)}
        {move || group.data.get().map(|g| view! { <EditForm group=g delete_open=delete_open/> })}
    }
}

/// The editor for a loaded group (mounted once: later reloads do not reset typing).
#[component]
fn EditForm(group: Group, delete_open: RwSignal<bool>) -> impl IntoView {
    let t = texts();
    let backend = expect_context::<SharedBackend>();
    let paths = expect_context::<Paths>();
    let navigate = use_navigate();
    let (_, select_tab) = use_tab();
    let form = RwSignal::new(GroupForm::from_group(&group));
    // The group as last saved: a save whose member step failed has renamed it already.
    let saved_group = RwSignal::new(group.clone());
    let to_assign = RwSignal::new(Selection::default());
    let to_unassign = RwSignal::new(Selection::default());
    let draft = use_group_draft(
        GroupDraft::key(Some(group.id.as_str())),
        form,
        to_assign,
        to_unassign,
    );

    let b = backend.clone();
    let draft_key = GroupDraft::key(Some(group.id.as_str()));
    let progress = RwSignal::new(None::<SaveProgress>);
    let members_changed = RwSignal::new(0u64);
    provide_context(MembersChanged(members_changed));
    let save = Action::new_local(move |s: &EditSave| {
        let (b, s, key) = (b.clone(), s.clone(), draft_key.clone());
        async move {
            progress.set(None);
            if let Some(input) = &s.input {
                let saved = b
                    .update_group(&s.id, input)
                    .await
                    .map_err(EditSaveError::Group)?;
                form.update(|f| f.saved(&saved));
                saved_group.set(saved);
            }
            if !s.change.is_empty() {
                let report = |p: SaveProgress| progress.set(Some(p));
                if let Err(e) = b.change_members(&s.id, &s.change, &report).await {
                    // Here, not in the effect: the selection must not be sent twice.
                    forget_applied(&e, to_assign, to_unassign, members_changed);
                    return Err(EditSaveError::Members(e, s.input.is_some()));
                }
            }
            // Here, not in the page's effect: the save may finish after the page is gone.
            drafts::clear(&key);
            Ok::<_, EditSaveError>(())
        }
    });
    let gid = group.id.clone();
    let nav = navigate.clone();
    let p = paths.clone();
    Effect::new(move |_| match save.value().get() {
        Some(Ok(())) => {
            draft.finish();
            Notifications::expect().success(t.updated_ok);
            nav(
                &p.view(&gid),
                NavigateOptions {
                    resolve: false,
                    ..Default::default()
                },
            );
        }
        Some(Err(EditSaveError::Group(e))) => report_save_error(form, select_tab, &e),
        Some(Err(EditSaveError::Members(e, name_saved))) => {
            let message = match &e {
                ApiError::Partial(_) => e.user_message(),
                _ if name_saved => i18n::members_not_saved(&e.user_message()),
                _ => e.user_message(),
            };
            Notifications::expect().error(message)
        }
        None => {}
    });
    let gid = group.id.clone();
    let on_save = Callback::new(move |_| {
        let input = form.with_untracked(|f| f.is_dirty().then(|| f.input.trimmed()));
        let mut change =
            MembershipChange::editing(&to_assign.get_untracked(), &to_unassign.get_untracked());
        change.members_before = saved_group.with_untracked(|g| g.customer_count);
        save.dispatch(EditSave {
            id: gid.clone(),
            input,
            change,
        });
    });

    let b = backend.clone();
    let delete = Action::new_local(move |id: &GroupId| {
        let (b, id) = (b.clone(), id.clone());
        async move { b.delete_group(&id).await }
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(())) => {
            draft.finish();
            delete_open.set(false);
            let name = saved_group.with_untracked(|g| g.name.clone());
            Notifications::expect().success(i18n::deleted_ok(&name));
            navigate(
                &paths.list(),
                NavigateOptions {
                    resolve: false,
                    ..Default::default()
                },
            );
        }
        Some(Err(e)) => {
            delete_open.set(false);
            Notifications::expect().error(e.user_message());
        }
        None => {}
    });
    let gid = group.id.clone();
    let on_delete = Callback::new(move |_| {
        delete.dispatch(gid.clone());
    });

    let discard = Callback::new(move |_| {
        form.set(saved_group.with_untracked(GroupForm::from_group));
        to_assign.set(Selection::default());
        to_unassign.set(Selection::default());
    });
    view! {
        <DraftNotice control=draft on_discard=discard/>
        <GroupWizard form=form saving=save.pending() progress=progress on_save=on_save>
            <h2 class="cg-panel__title">{t.customers_to_assign}</h2>
            <CustomerPicker scope=CustomerScope::NotIn(group.id.clone()) selection=to_assign prefix="c_" empty_text=t.available_empty/>
            <h2 class="cg-panel__title cg-panel__title--sep">{t.assigned_customers}</h2>
            <AssignedCustomers group=group.id.clone() members=group.customer_count marked=to_unassign prefix="m_"/>
        </GroupWizard>
        <ConfirmDialog open=delete_open title=t.delete_title confirm_label=t.delete busy=delete.pending() on_confirm=on_delete>
            <p>{move || saved_group.with(|g| i18n::delete_body(&g.name, g.customer_count))}</p>
            <p class="cg-warning" role="note">{move || saved_group.with(|g| i18n::delete_discount_warning(&g.name))}</p>
            <p class="cg-muted">{t.delete_keeps_customers}</p>
        </ConfirmDialog>
    }
}
