//! A confirmation dialog on the native `<dialog>` element: modal, focus kept inside,
//! Escape cancels, focus returns to what opened it. Cancel, an optional second choice,
//! and the confirming button.

use crate::i18n::texts;
use crate::state::instance::Instance;
use leptos::html::Dialog;
use leptos::prelude::*;

/// Asks before a destructive action.
#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is open: the caller's state decides, the dialog follows.
    #[prop(into)]
    open: Signal<bool>,
    /// The admin closes it (Cancel, Escape): the caller's state should stop asking.
    /// Also called after the dialog closed because `open` went `false` (harmless: the
    /// state already says closed), never when it has opened again since.
    on_close: Callback<()>,
    /// Heading.
    title: &'static str,
    /// Label of the confirming button.
    #[prop(into)]
    confirm_label: Signal<String>,
    /// The confirming button's look (red unless said otherwise).
    #[prop(default = "cg-btn cg-btn--danger-solid")]
    confirm_class: &'static str,
    /// A second choice between Cancel and confirm (label and action).
    #[prop(optional)]
    other: Option<(&'static str, Callback<()>)>,
    /// Whether the action is under way (the button shows it and is disabled).
    #[prop(into)]
    busy: Signal<bool>,
    /// Called on confirm.
    on_confirm: Callback<()>,
    /// The message.
    children: Children,
) -> impl IntoView {
    let t = texts();
    let dialog = NodeRef::<Dialog>::new();
    let title_id = expect_context::<Instance>().unique("dialog");
    let labelled_by = title_id.clone();
    Effect::new(move |_| {
        let want = open.get();
        if let Some(d) = dialog.get() {
            if want && !d.open() {
                let _ = d.show_modal();
            } else if !want && d.open() {
                d.close();
            }
        }
    });
    view! {
        <dialog node_ref=dialog class="cg-dialog" aria-labelledby=labelled_by
            on:close=move |_| {
                // The event comes a task after the close: when the dialog opened again
                // meanwhile (a new conflict answered first), it is not this close.
                if !dialog.get_untracked().is_some_and(|d| d.open()) {
                    on_close.run(());
                }
            }>
            <h2 id=title_id class="cg-dialog__title">{title}</h2>
            <div class="cg-dialog__body">{children()}</div>
            <div class="cg-dialog__actions">
                <button type="button" class="cg-btn" autofocus on:click=move |_| on_close.run(())>{t.cancel}</button>
                {other.map(|(label, run)| view! {
                    <button type="button" class="cg-btn" disabled=move || busy.get()
                        on:click=move |_| run.run(())>{label}</button>
                })}
                <button type="button" class=confirm_class disabled=move || busy.get()
                    on:click=move |_| on_confirm.run(())>
                    {move || if busy.get() { t.saving.to_owned() } else { confirm_label.get() }}
                </button>
            </div>
        </dialog>
    }
}
