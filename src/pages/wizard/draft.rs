//! The wizard's draft: restored when the page opens, kept in localStorage while the user
//! works, deleted after Save or Discard; and the leave guard while there is one. An
//! Edit draft remembers the group's version and creation time: restored, its version is
//! what Save sends (a group changed since is a conflict), and a draft of another group
//! that once had this id is not applied.

use crate::i18n::texts;
use crate::model::Group;
use crate::model::draft::GroupDraft;
use crate::model::group_form::GroupForm;
use crate::model::idempotency::SentCreate;
use crate::model::selection::Selection;
use crate::state::draft_store;
use crate::state::leave_guard::use_leave_guard;
use leptos::prelude::*;

/// Controls the draft of one wizard.
#[derive(Clone, Copy)]
pub struct DraftControl {
    /// Whether a draft was restored when the page opened (shows the notice).
    pub restored: RwSignal<bool>,
    /// Whether a stored draft belonged to another (deleted) group and was dropped.
    pub foreign: RwSignal<bool>,
    /// Add: the key of the last Save and what it was sent for (kept in the draft).
    pub sent_create: RwSignal<Option<SentCreate>>,
    finished: StoredValue<bool>,
    key: StoredValue<String>,
}

impl DraftControl {
    /// After a successful save: the draft is gone and no longer written.
    pub fn finish(&self) {
        self.finished.set_value(true);
        draft_store::clear(&self.key.get_value());
    }
}

/// The wizard state a draft is made of; `base` is the edited group (Edit only).
#[derive(Clone, Copy)]
pub struct DraftParts {
    /// Name and description.
    pub form: RwSignal<GroupForm>,
    /// Customers picked to assign.
    pub to_assign: RwSignal<Selection>,
    /// Members marked to unassign.
    pub to_unassign: RwSignal<Selection>,
    /// Text pasted into **Add from a list**.
    pub list_text: RwSignal<String>,
    /// The group being edited, as the edits are based on it.
    pub base: Option<RwSignal<Option<Group>>>,
}

/// Whether a stored draft was made on another group than `base` (one that had this id
/// and was deleted); when not, its version becomes the base's.
fn adopt_base(d: &GroupDraft, base: Option<RwSignal<Option<Group>>>) -> bool {
    let Some(base) = base else { return true };
    let created = base.with_untracked(|g| g.as_ref().map(|g| g.created_at.clone()));
    if d.created_at.is_some() && d.created_at != created {
        return false;
    }
    if let Some(v) = &d.base_version {
        base.update(|g| {
            if let Some(g) = g {
                g.version = Some(v.clone());
            }
        });
    }
    true
}

/// Add restored after a Save that got no answer, unchanged since: the group that Save
/// may have made is this form's own, so the as-you-type check must not call its name
/// taken (Save then sends the same key and the backend answers with that group).
fn reclaim(form: RwSignal<GroupForm>, picked: RwSignal<Selection>, sent: Option<&SentCreate>) {
    let Some(sent) = sent else { return };
    let input = form.with_untracked(|f| f.input.trimmed());
    if picked.with_untracked(|p| sent.key_for(&input, p)).is_some() {
        form.update(GroupForm::claim);
    }
}

/// Restores the draft under `key` into the wizard's state, then keeps it up to date and
/// guards the page while there are unsaved changes.
pub fn use_group_draft(key: String, parts: DraftParts) -> DraftControl {
    let DraftParts {
        form,
        to_assign,
        to_unassign,
        list_text,
        base,
    } = parts;
    let control = DraftControl {
        restored: RwSignal::new(false),
        foreign: RwSignal::new(false),
        sent_create: RwSignal::new(None),
        finished: StoredValue::new(false),
        key: StoredValue::new(key.clone()),
    };
    let stored = draft_store::load(&key);
    if let Some(d) = &stored
        && !adopt_base(d, base)
    {
        draft_store::clear(&key);
        control.foreign.set(true);
    } else if let Some(d) = stored {
        form.update(|f| {
            if let Some(n) = d.name {
                f.input.name = n;
            }
            if let Some(x) = d.description {
                f.input.description = x;
            }
            f.touch();
        });
        to_assign.set(d.to_assign);
        to_unassign.set(d.to_unassign);
        list_text.set(d.list_text);
        reclaim(form, to_assign, d.sent_create.as_ref());
        control.sent_create.set(d.sent_create);
        control.restored.set(true);
    }
    let draft = Memo::new(move |_| {
        let (name, description) = form.with(|f| {
            let o = f.original();
            (
                (f.input.name != o.name).then(|| f.input.name.clone()),
                (f.input.description != o.description).then(|| f.input.description.clone()),
            )
        });
        let (base_version, created_at) = base
            .and_then(|b| {
                b.with(|g| {
                    g.as_ref()
                        .map(|g| (g.version.clone(), g.created_at.clone()))
                })
            })
            .map_or((None, None), |(v, c)| (v, Some(c)));
        GroupDraft {
            name,
            description,
            to_assign: to_assign.get(),
            to_unassign: to_unassign.get(),
            list_text: list_text.get(),
            base_version,
            created_at,
            sent_create: control.sent_create.get(),
        }
    });
    Effect::new(move |_| {
        let d = draft.get();
        if !control.finished.get_value() {
            draft_store::store(&control.key.get_value(), &d);
        }
    });
    use_leave_guard(Signal::derive(move || {
        !control.finished.get_value() && draft.with(|d| !d.is_empty())
    }));
    control
}

/// "Your unsaved changes were restored" with **Discard changes**.
#[component]
pub fn DraftNotice(
    /// The draft.
    control: DraftControl,
    /// Puts the wizard back to the saved state.
    on_discard: Callback<()>,
) -> impl IntoView {
    let t = texts();
    view! {
        {move || control.foreign.get().then(|| view! {
            <div class="cg-notice" role="status"><span>{t.draft_other_group}</span></div>
        })}
        {move || control.restored.get().then(|| view! {
            <div class="cg-notice" role="status">
                <span>{t.draft_restored}</span>
                <button type="button" class="cg-btn cg-btn--link" on:click=move |_| {
                    draft_store::clear(&control.key.get_value());
                    control.restored.set(false);
                    on_discard.run(());
                }>{t.discard_changes}</button>
            </div>
        })}
    }
}
