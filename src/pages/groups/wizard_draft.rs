//! The wizard's draft: restored when the page opens, kept in localStorage while the user
//! works, deleted after Save or Discard; and the leave guard while there is one.

use crate::i18n::texts;
use crate::model::draft::GroupDraft;
use crate::model::group_form::GroupForm;
use crate::model::selection::Selection;
use crate::state::draft_store;
use crate::state::leave_guard::use_leave_guard;
use leptos::prelude::*;

/// Controls the draft of one wizard.
#[derive(Clone, Copy)]
pub struct DraftControl {
    /// Whether a draft was restored when the page opened (shows the notice).
    pub restored: RwSignal<bool>,
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

/// Restores the draft under `key` into the wizard's state, then keeps it up to date and
/// guards the page while there are unsaved changes.
pub fn use_group_draft(
    key: String,
    form: RwSignal<GroupForm>,
    to_assign: RwSignal<Selection>,
    to_unassign: RwSignal<Selection>,
    list_text: RwSignal<String>,
) -> DraftControl {
    let control = DraftControl {
        restored: RwSignal::new(false),
        finished: StoredValue::new(false),
        key: StoredValue::new(key.clone()),
    };
    if let Some(d) = draft_store::load(&key) {
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
        GroupDraft {
            name,
            description,
            to_assign: to_assign.get(),
            to_unassign: to_unassign.get(),
            list_text: list_text.get(),
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
        <Show when=move || control.restored.get()>
            <div class="cg-notice" role="status">
                <span>{t.draft_restored}</span>
                <button type="button" class="cg-btn cg-btn--link" on:click=move |_| {
                    draft_store::clear(&control.key.get_value());
                    control.restored.set(false);
                    on_discard.run(());
                }>{t.discard_changes}</button>
            </div>
        </Show>
    }
}
