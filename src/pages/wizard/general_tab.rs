//! The General Information tab shared by Add and Edit: Name and Description, validated
//! as the user types (including "Name is already used", checked against the backend
//! after a pause in typing), with the server's messages on the fields.

use crate::api::SharedBackend;
use crate::components::field::TextField;
use crate::i18n::{self, texts};
use crate::model::group_form::GroupForm;

use crate::model::validation::{DESCRIPTION_MAX, FieldError, NAME_MAX, TextError, check_name};
use crate::state::instance::dom_id;
use crate::state::latest::{Latest, TYPING_PAUSE};
use crate::state::owned::spawn;
use leptos::prelude::*;

/// Element id (in this instance) of the Name field (Save focuses it when invalid).
const NAME_ID: &str = "name";
/// Element id (in this instance) of the Description field.
const DESCRIPTION_ID: &str = "description";

/// The text of a field error.
pub fn error_text(field: &str, e: &FieldError) -> String {
    match e {
        FieldError::Rule(TextError::Required) => i18n::is_required(field),
        FieldError::Rule(TextError::TooLong { max }) => i18n::at_most(field, *max),
        FieldError::Rule(TextError::InvalidCharacter { ch, position }) => {
            i18n::invalid_char(field, *ch, *position)
        }
        FieldError::Taken => texts().name_taken.to_owned(),
        FieldError::Server(m) => m.clone(),
    }
}

/// Focuses the first invalid field of the form.
pub fn focus_first_error(form: &GroupForm) {
    let id = if form.name_error().is_some() {
        NAME_ID
    } else {
        DESCRIPTION_ID
    };
    if let Some(el) = document().get_element_by_id(&dom_id(id)) {
        use wasm_bindgen::JsCast;
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Checks, when the user pauses typing, whether another group already has the name,
/// and marks it in the form; an answer for a name typed over meanwhile is dropped.
fn use_name_check(form: RwSignal<GroupForm>) {
    let backend = expect_context::<SharedBackend>();
    let latest = Latest::default();
    let name = Memo::new(move |_| form.with(|f| f.input.name.trim().to_owned()));
    Effect::new(move |_| {
        let n = name.get();
        if check_name(&n).is_some() || form.with_untracked(|f| f.is_own_name(&n)) {
            latest.cancel();
            return;
        }
        let backend = backend.clone();
        latest.debounce(TYPING_PAUSE, move || {
            let ticket = latest.next();
            spawn(async move {
                // A failed check is not an error: the server checks again on Save.
                if let Ok(Some(_)) = backend.find_group_by_name(&n).await
                    && latest.is_current(ticket)
                {
                    form.update(|f| f.mark_taken(&n));
                }
            });
        });
    });
}

/// Name and Description.
#[component]
pub fn GeneralFields(
    /// The form.
    form: RwSignal<GroupForm>,
) -> impl IntoView {
    let t = texts();
    use_name_check(form);
    let name_error = Signal::derive(move || {
        form.with(|f| f.shown_name_error().map(|e| error_text(t.field_name, &e)))
    });
    let description_error = Signal::derive(move || {
        form.with(|f| {
            f.shown_description_error()
                .map(|e| error_text(t.field_description, &e))
        })
    });
    let rename_warning = Signal::derive(move || {
        form.with(|f| {
            f.is_rename()
                .then(|| i18n::rename_warning(f.original_name()))
        })
    });
    view! {
        <div class="cg-form">
            <TextField
                id=dom_id(NAME_ID)
                label=t.field_name
                required=true
                max=NAME_MAX
                value=Signal::derive(move || form.with(|f| f.input.name.clone()))
                on_input=Callback::new(move |v: String| form.update(|f| { f.input.name = v; f.touch(); }))
                error=name_error
                warning=rename_warning
            />
            <TextField
                id=dom_id(DESCRIPTION_ID)
                label=t.field_description
                multiline=true
                max=DESCRIPTION_MAX
                value=Signal::derive(move || form.with(|f| f.input.description.clone()))
                on_input=Callback::new(move |v: String| form.update(|f| { f.input.description = v; f.touch(); }))
                error=description_error
            />
        </div>
    }
}
