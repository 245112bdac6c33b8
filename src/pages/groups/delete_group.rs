//! **Delete Customer Group**: the edit page's red button and the dialog that asks first
//! (naming the group, its member count and the discount rules that stop matching), the
//! delete itself, and then the list.

use crate::api::SharedBackend;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::i18n::{self, texts};
use crate::model::draft::GroupDraft;
use crate::model::{Group, GroupId};
use crate::pages::groups::after_save::{Done, on_finished};
use crate::routes::Paths;
use crate::state::draft_store;
use crate::state::notifications::Notifications;
use leptos::prelude::*;

/// The button and its confirmation dialog.
#[component]
pub fn DeleteGroup(
    /// The group as last saved (`None` while it loads: the button is disabled).
    #[prop(into)]
    group: Signal<Option<Group>>,
) -> impl IntoView {
    let t = texts();
    let backend = expect_context::<SharedBackend>();
    let paths = expect_context::<Paths>();
    let open = RwSignal::new(false);
    let delete = Action::new_local(move |id: &GroupId| {
        let (b, id) = (backend.clone(), id.clone());
        async move {
            let deleted = b.delete_group(&id).await;
            if deleted.is_ok() {
                draft_store::clear(&GroupDraft::key(Some(id.as_str())));
            }
            deleted
        }
    });
    on_finished(
        delete,
        None,
        move |()| {
            open.set(false);
            let name = group.with_untracked(|g| g.as_ref().map(|g| g.name.clone()));
            Done {
                message: i18n::deleted_ok(&name.unwrap_or_default()),
                to: paths.list(),
            }
        },
        move |e| {
            open.set(false);
            Notifications::expect().error(e.user_message());
        },
    );
    let on_confirm = Callback::new(move |_| {
        if let Some(id) = group.with_untracked(|g| g.as_ref().map(|g| g.id.clone())) {
            delete.dispatch(id);
        }
    });
    let text = move |f: fn(&Group) -> String| move || group.with(|g| g.as_ref().map(f));
    view! {
        <button type="button" class="cg-btn cg-btn--danger" disabled=move || group.with(Option::is_none)
            on:click=move |_| open.set(true)>{t.delete_customer_group}</button>
        <ConfirmDialog open=open title=t.delete_title confirm_label=t.delete busy=delete.pending() on_confirm=on_confirm>
            <p>{text(|g| i18n::delete_body(&g.name, g.customer_count))}</p>
            <p class="cg-warning" role="note">{text(|g| i18n::delete_discount_warning(&g.name))}</p>
            <p class="cg-muted">{t.delete_keeps_customers}</p>
        </ConfirmDialog>
    }
}
