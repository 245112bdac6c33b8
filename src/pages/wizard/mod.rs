//! The two-tab wizard shared by Add and Edit: **General Information** (with **Next**)
//! and **Customers**, both clickable at any time, the active tab in the URL (`?tab=`),
//! and **Save**, which takes the user to the first invalid field instead of saving.
//! Its parts: the General Information tab (`general_tab.rs`); the Customers tab's grid
//! (`customer_select_grid.rs`, `customer_columns.rs`), picker (`customer_picker.rs`)
//! and "Add from a list" (`list_import.rs`); the draft kept while editing (`draft.rs`);
//! and where a save leads (`after_save.rs`).

pub mod after_save;
pub mod customer_columns;
pub mod customer_picker;
pub mod customer_select_grid;
pub mod draft;
pub mod general_tab;
pub mod list_import;

use crate::api::{ApiError, SaveProgress};
use crate::components::tabs::{TabList, TabSpec, panel_id, tab_id};
use crate::i18n::{self, texts};
use crate::model::group_form::{GroupForm, Tab};
use crate::pages::wizard::general_tab::{GeneralFields, focus_first_error};
use crate::state::notifications::Notifications;
use crate::state::owned::after;
use crate::state::url_query::{History, use_query_param};
use leptos::prelude::*;
use std::time::Duration;

/// The active tab (from the URL) and a way to switch.
pub fn use_tab() -> (Signal<Tab>, Callback<Tab>) {
    let (param, set) = use_query_param("tab");
    let tab = Signal::derive(move || Tab::from_key(param.get().as_deref()));
    let select = Callback::new(move |t: Tab| {
        let v = (t != Tab::General).then(|| t.key().to_owned());
        set.run((v, History::Replace));
    });
    (tab, select)
}

/// Shows the General Information tab and focuses its first invalid field (after the
/// tab has rendered).
pub fn show_first_error(form: RwSignal<GroupForm>, select: Callback<Tab>) {
    form.update(|f| f.touch());
    select.run(Tab::General);
    after(None, Duration::from_millis(0), move || {
        let _ = form.try_with_untracked(focus_first_error);
    });
}

/// Shows a failed save: typed field errors on the fields (and the tab switched to
/// them), anything else as an error notification; customers that do not exist are told
/// even when the same answer also found a field wrong. The user's input is untouched.
pub fn report_save_error(form: RwSignal<GroupForm>, select: Callback<Tab>, e: &ApiError) {
    let fields = e.fields();
    let mut on_fields = false;
    if !fields.is_empty() {
        form.update(|f| on_fields = f.apply_server_errors(fields));
    }
    if on_fields {
        show_first_error(form, select);
    }
    if !on_fields || matches!(e, ApiError::UnknownCustomers { .. }) {
        Notifications::expect().error(e.user_message());
    }
}

/// The wizard around the page's Customers tab content.
#[component]
pub fn GroupWizard(
    /// Name and description.
    form: RwSignal<GroupForm>,
    /// Whether Save is under way.
    #[prop(into)]
    saving: Signal<bool>,
    /// How far a save that takes several requests has come.
    #[prop(into)]
    progress: Signal<Option<SaveProgress>>,
    /// Called by Save when the form is valid.
    on_save: Callback<()>,
    /// The Customers tab.
    children: Children,
) -> impl IntoView {
    let t = texts();
    let (tab, select) = use_tab();
    let save = move |_| {
        // One click, one save: a second click before the button shows "Saving…" is
        // ignored.
        if saving.get_untracked() {
            return;
        }
        if form.with_untracked(|f| f.general_invalid()) {
            show_first_error(form, select);
        } else {
            on_save.run(());
        }
    };
    let tabs = vec![
        TabSpec {
            tab: Tab::General,
            label: t.tab_general,
            invalid: Signal::derive(move || form.with(|f| f.shown_general_invalid())),
        },
        TabSpec {
            tab: Tab::Customers,
            label: t.tab_customers,
            invalid: Signal::stored(false),
        },
    ];
    view! {
        <div class="cg-wizard">
            <TabList tabs=tabs active=tab on_select=select/>
            <div class="cg-panel cg-tabpanel" role="tabpanel" id=panel_id(Tab::General)
                aria-labelledby=tab_id(Tab::General) hidden=move || tab.get() != Tab::General>
                <GeneralFields form=form/>
                <div class="cg-form__actions">
                    <button type="button" class="cg-btn" on:click=move |_| select.run(Tab::Customers)>{t.next}</button>
                </div>
            </div>
            <div class="cg-panel cg-tabpanel" role="tabpanel" id=panel_id(Tab::Customers)
                aria-labelledby=tab_id(Tab::Customers) hidden=move || tab.get() != Tab::Customers>
                {children()}
            </div>
            <div class="cg-wizard__footer">
                <button type="button" class="cg-btn cg-btn--primary" disabled=move || saving.get()
                    aria-busy=move || saving.get().to_string() on:click=save>
                    {move || if saving.get() {
                        let text = match progress.get() {
                            Some(p) => i18n::saving_progress(p.done, p.total),
                            None => t.saving.to_owned(),
                        };
                        view! { <span class="cg-spinner" aria-hidden="true"></span>{text} }.into_any()
                    } else {
                        t.save.into_any()
                    }}
                </button>
            </div>
        </div>
    }
}
