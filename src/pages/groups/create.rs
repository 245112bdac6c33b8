//! Add a Customer Group (`/customer-groups/new`): the wizard with the customer picker;
//! Save creates the group and its members in one call, then the list.

use crate::api::{CustomerScope, SharedBackend};
use crate::components::page_header::PageHeader;
use crate::i18n::texts;
use crate::model::GroupInput;
use crate::model::draft::GroupDraft;
use crate::model::group_form::GroupForm;
use crate::model::membership::MembershipChange;
use crate::model::selection::Selection;
use crate::pages::groups::customer_picker::CustomerPicker;
use crate::pages::groups::draft::{DraftNotice, use_group_draft};
use crate::pages::groups::wizard::{GroupWizard, report_save_error, use_tab};
use crate::routes::Paths;
use crate::state::drafts;
use crate::state::notifications::Notifications;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// The Add page.
#[component]
pub fn GroupCreatePage() -> impl IntoView {
    let t = texts();
    let backend = expect_context::<SharedBackend>();
    let paths = expect_context::<Paths>();
    let navigate = use_navigate();
    let (_, select_tab) = use_tab();
    let form = RwSignal::new(GroupForm::new());
    let selection = RwSignal::new(Selection::default());
    let unused_unassign = RwSignal::new(Selection::default());
    let draft = use_group_draft(GroupDraft::key(None), form, selection, unused_unassign);

    let draft_key = GroupDraft::key(None);
    let save = Action::new_local(move |(input, change): &(GroupInput, MembershipChange)| {
        let (b, input, change) = (backend.clone(), input.clone(), change.clone());
        let key = draft_key.clone();
        async move {
            let created = b.create_group(&input, &change).await;
            // Here, not in the page's effect: the save may finish after the page is gone.
            if created.is_ok() {
                drafts::clear(&key);
            }
            created
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => {
            draft.finish();
            Notifications::expect().success(t.created_ok);
            navigate(
                &paths.list(),
                NavigateOptions {
                    resolve: false,
                    ..Default::default()
                },
            );
        }
        Some(Err(e)) => report_save_error(form, select_tab, &e),
        None => {}
    });
    let on_save = Callback::new(move |_| {
        let input = form.with_untracked(|f| f.input.trimmed());
        let change = selection.with_untracked(MembershipChange::assigning);
        save.dispatch((input, change));
    });

    view! {
        <PageHeader title=t.add_a_customer_group.to_owned() crumb=Signal::stored(t.add_a_customer_group.to_owned())/>
        <DraftNotice control=draft on_discard=Callback::new(move |_| {
            form.set(GroupForm::new());
            selection.set(Selection::default());
        })/>
        <GroupWizard form=form saving=save.pending() on_save=on_save>
            <CustomerPicker scope=CustomerScope::All selection=selection prefix="c_" empty_text=t.customers_empty/>
        </GroupWizard>
    }
}
