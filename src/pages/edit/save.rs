//! Edit's **Save**, in one place: what it sends (only the changed name or description,
//! and the membership delta, each with the version the page read), the order (group
//! first, then members), what a failure means (nothing saved; or the group saved but
//! not its members; or members saved in part, which are then taken out of the
//! selections so the next Save sends only the rest; or the group changed or vanished
//! meanwhile: `conflict.rs` asks what to do), and where a success leads (the view
//! page).

use crate::api::{ApiError, SaveProgress, SharedBackend};
use crate::i18n::{self, texts};
use crate::model::draft::GroupDraft;
use crate::model::group_form::GroupForm;
use crate::model::membership::MembershipChange;
use crate::model::selection::Selection;
use crate::model::{CustomerId, Group, GroupEdit, GroupId};
use crate::pages::wizard::after_save::{Done, on_finished};
use crate::pages::wizard::customer_select_grid::MembersChanged;
use crate::pages::wizard::draft::DraftControl;
use crate::pages::wizard::{report_save_error, use_tab};
use crate::routes::Paths;
use crate::state::draft_store;
use crate::state::instance::announce;
use crate::state::notifications::Notifications;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// What Save sends: the group as the page read it (id, version), the changed fields
/// and the membership delta.
#[derive(Clone)]
struct EditSave {
    base: Group,
    edit: GroupEdit,
    change: MembershipChange,
}

/// Which part of a save failed.
#[derive(Clone)]
enum EditSaveError {
    /// Name/description were not saved (nothing was).
    Group(ApiError),
    /// The members were not (all) changed; `bool`: name/description were saved before.
    Members(ApiError, bool),
    /// Someone else saved the group since the page read it (here it is now); `bool`:
    /// this Save's name/description step went through before.
    Stale(Box<Group>, bool),
    /// The group was deleted meanwhile.
    Gone,
}

/// Whether `now` is `base` with exactly `edit` applied: an earlier Save of the same
/// edit got through (its answer was lost). Anything else changed (the other field, the
/// members) is someone else's change, which the dialog must show.
fn applied(now: &Group, base: &Group, edit: &GroupEdit) -> bool {
    let same = |e: &Option<String>, now: &str, base: &str| match e {
        Some(v) => v == now,
        None => now == base,
    };
    same(&edit.name, &now.name, &base.name)
        && same(&edit.description, &now.description, &base.description)
        && now.customer_count == base.customer_count
}

/// A failure as Save reports it: a stale or missing group is its own case (the group
/// as it is now is fetched when the backend did not send it).
async fn classify(
    b: &SharedBackend,
    id: &GroupId,
    fields_saved: bool,
    e: ApiError,
    other: impl FnOnce(ApiError) -> EditSaveError,
) -> EditSaveError {
    match e {
        ApiError::Stale(Some(g)) => EditSaveError::Stale(g, fields_saved),
        ApiError::Stale(None) => match b.get_group(id).await {
            Ok(g) => EditSaveError::Stale(Box::new(g), fields_saved),
            Err(ApiError::NotFound(_)) => EditSaveError::Gone,
            Err(_) => other(ApiError::Stale(None)),
        },
        ApiError::NotFound(_) => EditSaveError::Gone,
        e => other(e),
    }
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
    /// The group as it is now, after a save found it changed by someone else.
    pub conflict: RwSignal<Option<Group>>,
    /// Whether that save had stored the name and description before (only the
    /// customers are left to apply).
    pub fields_saved: RwSignal<bool>,
    /// Whether a save found the group deleted.
    pub gone: RwSignal<bool>,
    /// Bumped to have the grids reload (after a partial save or a conflict).
    pub members_changed: RwSignal<u64>,
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

/// Save's first step: the changed name and description. Answers the group as saved
/// (the base of the member step).
async fn save_fields(
    b: &SharedBackend,
    state: EditState,
    base: Group,
    edit: &GroupEdit,
) -> Result<Group, EditSaveError> {
    let saved = match b.update_group(&base, edit).await {
        Ok(g) => g,
        // The group already holds exactly these values: an earlier Save got through and
        // only its answer was lost. Nothing to ask about.
        Err(ApiError::Stale(Some(now))) if applied(&now, &base, edit) => *now,
        Err(e) => return Err(classify(b, &base.id, false, e, EditSaveError::Group).await),
    };
    state.form.update(|f| f.saved(&saved));
    // A backend that does not count members on a rename keeps the count.
    let base = Group {
        customer_count: saved.customer_count.or(base.customer_count),
        ..saved
    };
    state.saved.set(Some(base.clone()));
    Ok(base)
}

/// Tells the host (`cg-group-updated`) that the group changed, with its saved id and name.
fn announce_updated(state: EditState) {
    if let Some(g) = state.saved.get_untracked() {
        let detail = [("id", g.id.as_str()), ("name", &g.name)];
        announce("cg-group-updated", &detail, false);
    }
}

/// Save for the edit page of group `id`. Provides [`MembersChanged`] to the grids.
pub fn use_edit_save(id: GroupId, state: EditState) -> EditSaving {
    let backend = expect_context::<SharedBackend>();
    let paths = expect_context::<Paths>();
    let (_, select_tab) = use_tab();
    let progress = RwSignal::new(None::<SaveProgress>);
    let members_changed = state.members_changed;
    provide_context(MembersChanged(members_changed));
    let draft_key = GroupDraft::key(Some(id.as_str()));
    let save = Action::new_local(move |s: &EditSave| {
        let (b, s, key) = (backend.clone(), s.clone(), draft_key.clone());
        async move {
            progress.set(None);
            let mut base = s.base.clone();
            if !s.edit.is_empty() {
                base = save_fields(&b, state, base, &s.edit).await?;
            }
            if !s.change.is_empty() {
                let report = |p: SaveProgress| progress.set(Some(p));
                if let Err(e) = b.change_members(&base, &s.change, &report).await {
                    // Here, not in the effect: the selection must not be sent twice.
                    forget_applied(&e, state, members_changed);
                    let named = !s.edit.is_empty();
                    let wrap = |e| EditSaveError::Members(e, named);
                    return Err(classify(&b, &base.id, named, e, wrap).await);
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
        move |()| {
            announce_updated(state);
            Done {
                message: texts().updated_ok.to_owned(),
                to: view_path.clone(),
            }
        },
        move |e| match e {
            EditSaveError::Group(e) => report_save_error(state.form, select_tab, &e),
            EditSaveError::Members(e, name_saved) => {
                // The group did change (its fields, or some of its members): the host
                // hears it although the save as a whole failed.
                if name_saved || matches!(e, ApiError::Partial(_)) {
                    announce_updated(state);
                }
                Notifications::expect().error(members_message(&e, name_saved))
            }
            EditSaveError::Stale(now, fields_saved) => {
                if fields_saved {
                    announce_updated(state);
                }
                state.fields_saved.set(fields_saved);
                state.conflict.set(Some(*now));
            }
            EditSaveError::Gone => state.gone.set(true),
        },
    );
    let on_save = Callback::new(move |_| {
        let Some(base) = state.saved.get_untracked() else {
            return;
        };
        let edit = state.form.with_untracked(GroupForm::changes);
        let mut change = MembershipChange::editing(
            &state.to_assign.get_untracked(),
            &state.to_unassign.get_untracked(),
        );
        change.members_before = base.customer_count;
        save.dispatch(EditSave { base, edit, change });
    });
    EditSaving {
        on_save,
        pending: save.pending().into(),
        progress,
    }
}
