//! Add a Customer Group (`/customer-groups/new`): the wizard with the customer picker;
//! Save creates the group and its members, then the list. On a backend that needs
//! several requests, a save that created the group but not all its members hands the
//! rest of the selection to the new group's edit page (as its draft), where Save sends
//! only the rest.

use crate::api::{ApiError, CustomerScope, PartialChange, SaveProgress, SharedBackend};
use crate::components::page_header::PageHeader;
use crate::i18n::{self, texts};
use crate::model::draft::GroupDraft;
use crate::model::group_form::GroupForm;
use crate::model::idempotency::{IdempotencyKey, SentCreate};
use crate::model::membership::MembershipChange;
use crate::model::selection::Selection;
use crate::model::{Group, GroupInput};
use crate::pages::wizard::after_save::{Done, on_finished, use_go};
use crate::pages::wizard::customer_picker::CustomerPicker;
use crate::pages::wizard::draft::{DraftNotice, DraftParts, use_group_draft};
use crate::pages::wizard::{GroupWizard, report_save_error, use_tab};
use crate::routes::Paths;
use crate::state::draft_store;
use crate::state::instance::announce;
use crate::state::notifications::Notifications;
use leptos::prelude::*;

/// The Add page.
#[component]
pub fn GroupCreatePage() -> impl IntoView {
    let t = texts();
    let backend = expect_context::<SharedBackend>();
    let paths = expect_context::<Paths>();
    let (_, select_tab) = use_tab();
    let form = RwSignal::new(GroupForm::new());
    let selection = RwSignal::new(Selection::default());
    let unused_unassign = RwSignal::new(Selection::default());
    let list_text = RwSignal::new(String::new());
    let draft = use_group_draft(
        GroupDraft::key(None),
        DraftParts {
            form,
            to_assign: selection,
            to_unassign: unused_unassign,
            list_text,
            base: None,
        },
    );

    let progress = RwSignal::new(None::<SaveProgress>);
    let save = create_action(backend, progress);
    let go = use_go();
    let list = paths.list();
    on_finished(
        save,
        Some(draft),
        move |g: Group| {
            announce(
                "cg-group-created",
                &[("id", g.id.as_str()), ("name", &g.name)],
                false,
            );
            Done {
                message: t.created_ok.to_owned(),
                to: list.clone(),
            }
        },
        move |e| {
            // Created, but not all its customers: the rest waits on its edit page.
            if let ApiError::Partial(p) = &e
                && let Some(group) = &p.group
            {
                draft.finish();
                let detail = i18n::created_partly(&group.name, &e.user_message());
                Notifications::expect().error(detail);
                go(&format!("{}?tab=customers", paths.edit(&group.id)));
            } else {
                report_save_error(form, select_tab, &e);
            }
        },
    );
    let on_save = save_once(form, selection, draft.sent_create, save);

    view! {
        <PageHeader title=t.add_a_customer_group.to_owned() crumb=Signal::stored(t.add_a_customer_group.to_owned())/>
        <DraftNotice control=draft on_discard=Callback::new(move |_| {
            form.set(GroupForm::new());
            selection.set(Selection::default());
            list_text.set(String::new());
        })/>
        <GroupWizard form=form saving=save.pending() progress=progress on_save=on_save>
            <h2 class="cg-panel__title">{t.customers_to_assign}</h2>
            <CustomerPicker scope=CustomerScope::All selection=selection prefix="c_" empty_text=t.customers_empty list_text=list_text/>
        </GroupWizard>
    }
}

/// The create request of one attempt; on success the draft is gone, and a partly
/// applied save hands the rest to the new group's edit page.
fn create_action(
    backend: SharedBackend,
    progress: RwSignal<Option<SaveProgress>>,
) -> Action<Attempt, Result<Group, ApiError>> {
    let draft_key = GroupDraft::key(None);
    // The selection travels with the save: the page may be gone when it ends.
    Action::new_local(move |attempt: &Attempt| {
        let (b, (input, picked, once)) = (backend.clone(), attempt.clone());
        let change = MembershipChange::assigning(&picked);
        let key = draft_key.clone();
        async move {
            progress.set(None);
            let report = |p: SaveProgress| progress.set(Some(p));
            let created = b.create_group(&input, &change, &once, &report).await;
            // Here, not in the page's effect: the save may finish after the page is gone.
            match &created {
                Ok(_) => draft_store::clear(&key),
                Err(ApiError::Partial(p)) => hand_over_rest(&key, picked, p),
                Err(_) => {}
            }
            created
        }
    })
}

/// Save: one attempt of the form's input and selection; the same input again (Retry
/// after a timeout, also after a reload: `sent` is kept in the draft) reuses the
/// idempotency key, so the backend creates the group once.
fn save_once(
    form: RwSignal<GroupForm>,
    selection: RwSignal<Selection>,
    sent: RwSignal<Option<SentCreate>>,
    save: Action<Attempt, Result<Group, ApiError>>,
) -> Callback<()> {
    Callback::new(move |_| {
        let (input, picked) = (
            form.with_untracked(|f| f.input.trimmed()),
            selection.get_untracked(),
        );
        // Anything changed gets a new key.
        let once = sent
            .with_untracked(|s| s.as_ref().and_then(|s| s.key_for(&input, &picked)))
            .unwrap_or_else(random_key);
        sent.set(Some(SentCreate::new(&input, &picked, once.clone())));
        form.update(GroupForm::claim);
        save.dispatch((input, picked, once));
    })
}

/// One Save of Add: what is created, and the key that makes retrying it safe.
type Attempt = (GroupInput, Selection, IdempotencyKey);

/// A new idempotency key from the browser's random numbers.
fn random_key() -> IdempotencyKey {
    let word = || (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    IdempotencyKey::from_random([word(), word(), word(), word()])
}

/// After a save that created the group but assigned only part of the selection: the
/// rest becomes the new group's edit draft, and the Add draft is gone.
fn hand_over_rest(add_key: &str, mut rest: Selection, p: &PartialChange) {
    let Some(group) = &p.group else { return };
    rest.forget(&p.applied.assigned);
    let draft = GroupDraft {
        to_assign: rest,
        ..Default::default()
    };
    draft_store::store(&GroupDraft::key(Some(group.id.as_str())), &draft);
    draft_store::clear(add_key);
}
