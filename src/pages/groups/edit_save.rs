//! Edit's **Save**, in one place: what it sends (the changed name and description, and
//! the membership delta), the order (group first, then members), what a failure means
//! (nothing saved; or the group saved but not its members; or members saved in part,
//! which are then taken out of the selections so the next Save sends only the rest),
//! and where a success leads (the view page).

use crate::api::{ApiError, SaveProgress, SharedBackend};
use crate::i18n::{self, texts};
use crate::model::draft::GroupDraft;
use crate::model::group_form::GroupForm;
use crate::model::membership::MembershipChange;
use crate::model::selection::Selection;
use crate::model::{CustomerId, Group, GroupId, GroupInput};
use crate::pages::groups::after_save::{Done, on_finished};
use crate::pages::groups::customer_select_grid::MembersChanged;
use crate::pages::groups::wizard::{report_save_error, use_tab};
use crate::pages::groups::wizard_draft::DraftControl;
use crate::routes::Paths;
use crate::state::draft_store;
use crate::state::notifications::Notifications;
use leptos::prelude::*;
use std::collections::BTreeSet;

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

/// The state Save reads and updates.
#[derive(Clone, Copy)]
pub struct EditState {
    /// Name and description.
    pub form: RwSignal<GroupForm>,
    /// The group as last saved (a save whose member step failed renamed it already).
    pub saved: RwSignal<Option<Group>>,
    /// Customers picked to assign.
    pub to_assign: RwSignal<Selection>,
    /// Members marked to unassign.
    pub to_unassign: RwSignal<Selection>,
    /// The page's draft.
    pub draft: DraftControl,
}

/// Save as the page uses it.
pub struct EditSaving {
    /// Runs Save.
    pub on_save: Callback<()>,
    /// Whether a save is under way.
    pub pending: Signal<bool>,
    /// How far a multi-request save has come.
    pub progress: RwSignal<Option<SaveProgress>>,
}

/// Takes what a partly applied save did out of the selections, so the next Save sends
/// only the rest, and has the grids show the group as it is now.
fn forget_applied(e: &ApiError, state: EditState, members_changed: RwSignal<u64>) {
    if let ApiError::Partial(p) = e {
        state.to_assign.update(|s| s.forget(&p.applied.assigned));
        if p.applied.replaced {
            // De-select All went through; members checked again that did not fit in it
            // are members no more: they become picks to assign, so Save adds them.
            let applied: BTreeSet<&CustomerId> = p.applied.assigned.iter().collect();
            let rest: Vec<CustomerId> = state.to_unassign.with_untracked(|s| {
                s.listed_ids()
                    .into_iter()
                    .filter(|id| !applied.contains(id))
                    .collect()
            });
            state.to_assign.update(|s| s.pick_ids(&rest));
            state.to_unassign.set(Selection::default());
        } else {
            state
                .to_unassign
                .update(|s| s.forget(&p.applied.unassigned));
        }
        members_changed.update(|n| *n += 1);
    }
}

/// The failure message of the member step.
fn members_message(e: &ApiError, name_saved: bool) -> String {
    match e {
        ApiError::Partial(_) => e.user_message(),
        _ if name_saved => i18n::members_not_saved(&e.user_message()),
        _ => e.user_message(),
    }
}

/// Save for the edit page of group `id`. Provides [`MembersChanged`] to the grids.
pub fn use_edit_save(id: GroupId, state: EditState) -> EditSaving {
    let backend = expect_context::<SharedBackend>();
    let paths = expect_context::<Paths>();
    let (_, select_tab) = use_tab();
    let progress = RwSignal::new(None::<SaveProgress>);
    let members_changed = RwSignal::new(0u64);
    provide_context(MembersChanged(members_changed));
    let draft_key = GroupDraft::key(Some(id.as_str()));
    let save = Action::new_local(move |s: &EditSave| {
        let (b, s, key) = (backend.clone(), s.clone(), draft_key.clone());
        async move {
            progress.set(None);
            if let Some(input) = &s.input {
                let saved = b
                    .update_group(&s.id, input)
                    .await
                    .map_err(EditSaveError::Group)?;
                state.form.update(|f| f.saved(&saved));
                // A backend that does not count members on a rename keeps the count.
                state.saved.update(|g| {
                    let count = saved
                        .customer_count
                        .or_else(|| g.as_ref().and_then(|g| g.customer_count));
                    *g = Some(Group {
                        customer_count: count,
                        ..saved
                    });
                });
            }
            if !s.change.is_empty() {
                let report = |p: SaveProgress| progress.set(Some(p));
                if let Err(e) = b.change_members(&s.id, &s.change, &report).await {
                    // Here, not in the effect: the selection must not be sent twice.
                    forget_applied(&e, state, members_changed);
                    return Err(EditSaveError::Members(e, s.input.is_some()));
                }
            }
            // Here, not in the page's effect: the save may finish after the page is gone.
            draft_store::clear(&key);
            Ok(())
        }
    });
    let view_path = paths.view(&id);
    on_finished(
        save,
        Some(state.draft),
        move |()| Done {
            message: texts().updated_ok.to_owned(),
            to: view_path.clone(),
        },
        move |e| match e {
            EditSaveError::Group(e) => report_save_error(state.form, select_tab, &e),
            EditSaveError::Members(e, name_saved) => {
                Notifications::expect().error(members_message(&e, name_saved))
            }
        },
    );
    let on_save = Callback::new(move |_| {
        let input = state
            .form
            .with_untracked(|f| f.is_dirty().then(|| f.input.trimmed()));
        let mut change = MembershipChange::editing(
            &state.to_assign.get_untracked(),
            &state.to_unassign.get_untracked(),
        );
        change.members_before = state
            .saved
            .with_untracked(|g| g.as_ref().and_then(|g| g.customer_count));
        save.dispatch(EditSave {
            id: id.clone(),
            input,
            change,
        });
    });
    EditSaving {
        on_save,
        pending: save.pending().into(),
        progress,
    }
}
