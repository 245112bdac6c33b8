//! **Delete Customer Group**: the edit page's red button and the dialog that asks first
//! (naming the group, its member count and the discount rules that stop matching), the
//! delete itself (with the version the page read), and then the list. A group changed
//! meanwhile is shown again as it is now and confirmed again.

use crate::api::{ApiError, SharedBackend};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::i18n::{self, texts};
use crate::model::Group;
use crate::model::draft::GroupDraft;
use crate::pages::wizard::after_save::{Done, on_finished};
use crate::routes::Paths;
use crate::state::draft_store;
use crate::state::instance::announce;
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
    // The group as a refused delete found it (changed meanwhile): shown and sent instead.
    let fresh = RwSignal::new(None::<Group>);
    let group = Signal::derive(move || fresh.get().or_else(|| group.get()));
    let delete = Action::new_local(move |g: &Group| {
        let (b, g) = (backend.clone(), g.clone());
        async move {
            let deleted = b.delete_group(&g).await;
            if deleted.is_ok() {
                draft_store::clear(&GroupDraft::key(Some(g.id.as_str())));
            }
            deleted
        }
    });
    on_finished(
        delete,
        None,
        move |()| {
            open.set(false);
            let (id, name) = group
                .with_untracked(|g| g.as_ref().map(|g| (g.id.to_string(), g.name.clone())))
                .unwrap_or_default();
            announce("cg-group-deleted", &[("id", &id), ("name", &name)], false);
            Done {
                message: i18n::deleted_ok(&name),
                to: paths.list(),
            }
        },
        move |e| match e {
            ApiError::Stale(Some(now)) => fresh.set(Some(*now)),
            e => {
                open.set(false);
                Notifications::expect().error(e.user_message());
            }
        },
    );
    let on_confirm = Callback::new(move |_| {
        if let Some(g) = group.get_untracked() {
            delete.dispatch(g);
        }
    });
    let text = move |f: fn(&Group) -> String| move || group.with(|g| g.as_ref().map(f));
    view! {
        <button type="button" class="cg-btn cg-btn--danger" disabled=move || group.with(Option::is_none)
            on:click=move |_| open.set(true)>{t.delete_customer_group}</button>
        <ConfirmDialog open=open on_close=Callback::new(move |_| open.set(false)) title=t.delete_title confirm_label=t.delete.to_owned() busy=delete.pending() on_confirm=on_confirm>
            <p>{text(|g| i18n::delete_body(&g.name, g.customer_count))}</p>
            <p class="cg-warning" role="note">{text(|g| i18n::delete_discount_warning(&g.name))}</p>
            <p class="cg-muted">{t.delete_keeps_customers}</p>
            {move || fresh.with(|g| g.as_ref().map(|g| view! {
                <p class="cg-notice" role="alert">{i18n::delete_changed(&g.name)}</p>
            }))}
        </ConfirmDialog>
    }
}
