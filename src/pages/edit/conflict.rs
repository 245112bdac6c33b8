//! When Save finds the group not as the page read it. **Changed** by someone else: a
//! dialog compares the group as it is now with the admin's own edits and offers
//! **Apply my changes on top** (the changed fields and the picked and unpicked
//! customers, sent again against the new version; a De-select All is confirmed again
//! with the new member count) or **Discard mine**. **Deleted**: the admin's edits can
//! become a new group (they move to Add as its draft). Never a silent overwrite, never
//! a lost selection.

use crate::components::confirm_dialog::ConfirmDialog;
use crate::i18n::{self, texts};
use crate::model::draft::GroupDraft;
use crate::model::group_form::GroupForm;
use crate::model::selection::Selection;
use crate::pages::edit::save::EditState;
use crate::pages::wizard::after_save::use_go;
use crate::routes::Paths;
use crate::state::draft_store;
use leptos::prelude::*;

/// One row of the comparison: the value now, and the admin's (or "not changed by you").
fn row(label: &'static str, now: String, mine: Option<String>) -> impl IntoView {
    let t = texts();
    let unchanged = mine.is_none();
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td>{now}</td>
            <td class:cg-muted=unchanged>{mine.unwrap_or_else(|| t.conflict_unchanged.to_owned())}</td>
        </tr>
    }
}

/// The "changed meanwhile" dialog; `on_save` is Save (run again after applying on top).
#[component]
pub fn ConflictDialog(state: EditState, on_save: Callback<()>) -> impl IntoView {
    let t = texts();
    let conflict = state.conflict;
    let open = Signal::derive(move || conflict.with(Option::is_some));
    let close = Callback::new(move |_| conflict.set(None));
    let deselect_all = move || state.to_unassign.with(|s| s.all().is_some());
    let now_count = move || conflict.with(|g| g.as_ref().and_then(|g| g.customer_count));
    let apply_label = Signal::derive(move || match (deselect_all(), now_count()) {
        (true, Some(n)) => i18n::conflict_apply_deselect(n),
        _ => t.conflict_apply.to_owned(),
    });
    let take = move |mine: bool| {
        let Some(theirs) = conflict.get_untracked() else {
            return;
        };
        if mine {
            state.form.update(|f| f.rebase(&theirs));
        } else {
            state.form.set(GroupForm::from_group(&theirs));
            state.to_assign.set(Selection::default());
            state.to_unassign.set(Selection::default());
        }
        state.saved.set(Some(theirs));
        state.members_changed.update(|n| *n += 1);
        conflict.set(None);
        if mine {
            on_save.run(());
        }
    };
    let body = move || {
        let theirs = conflict.get()?;
        let was = state
            .saved
            .with(|g| g.as_ref().and_then(|g| g.customer_count));
        let edit = state.form.with(GroupForm::changes);
        let members = match (theirs.customer_count, was) {
            (Some(n), Some(m)) if n != m => i18n::conflict_members(n, m),
            (Some(n), _) => i18n::num(n),
            _ => "—".to_owned(),
        };
        let assign = state.to_assign.with(Selection::count);
        let unassign = state.to_unassign.with(Selection::count);
        let picks = if deselect_all() {
            Some(t.deselect_all.to_owned())
        } else {
            (assign + unassign > 0).then(|| i18n::conflict_picks(assign, unassign))
        };
        let warning = deselect_all()
            .then_some(theirs.customer_count)
            .flatten()
            .map(|n| view! { <p class="cg-warning" role="note">{i18n::conflict_deselect(n)}</p> });
        Some(view! {
            <p>{if state.fields_saved.get() { t.conflict_intro_fields_saved } else { t.conflict_intro }}</p>
            <table class="cg-compare">
                <thead><tr><td></td><th scope="col">{t.conflict_now}</th><th scope="col">{t.conflict_yours}</th></tr></thead>
                <tbody>
                    {row(t.field_name, theirs.name.clone(), edit.name)}
                    {row(t.field_description, theirs.description.clone(), edit.description)}
                    {row(t.col_customers, members, picks)}
                </tbody>
            </table>
            {warning}
        })
    };
    view! {
        <ConfirmDialog open=open on_close=close title=t.conflict_title confirm_label=apply_label
            confirm_class="cg-btn cg-btn--primary" busy=Signal::stored(false)
            other=(t.conflict_discard, Callback::new(move |_| take(false)))
            on_confirm=Callback::new(move |_| take(true))>
            {body}
        </ConfirmDialog>
    }
}

/// The "deleted meanwhile" dialog: **Save as a new group** carries the name,
/// description and picked customers to Add.
#[component]
pub fn GoneDialog(state: EditState) -> impl IntoView {
    let t = texts();
    let paths = expect_context::<Paths>();
    let go = use_go();
    let open = Signal::derive(move || state.gone.get());
    let close = Callback::new(move |_| state.gone.set(false));
    let as_new = Callback::new(move |_| {
        let input = state.form.with_untracked(|f| f.input.clone());
        let keep = |s: String| (!s.trim().is_empty()).then_some(s);
        let draft = GroupDraft {
            name: keep(input.name),
            description: keep(input.description),
            to_assign: state.to_assign.get_untracked(),
            ..Default::default()
        };
        draft_store::store(&GroupDraft::key(None), &draft);
        state.draft.finish();
        state.gone.set(false);
        go(&paths.new_group());
    });
    view! {
        <ConfirmDialog open=open on_close=close title=t.gone_title confirm_label=t.save_as_new.to_owned()
            confirm_class="cg-btn cg-btn--primary" busy=Signal::stored(false) on_confirm=as_new>
            <p>{t.gone_body}</p>
            {move || {
                // Said before it happens: Add keeps one draft, and this one replaces it.
                let add_draft = state.gone.get()
                    && draft_store::load(&GroupDraft::key(None)).is_some_and(|d| !d.is_empty());
                add_draft.then(|| view! { <p class="cg-warning" role="note">{t.gone_draft_replaced}</p> })
            }}
        </ConfirmDialog>
    }
}
