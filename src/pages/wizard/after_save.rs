//! What happens when a write finishes: the one sequence behind Add's Save, Edit's Save
//! and Delete — on success the draft is done, a success notification says so and the
//! next page opens; a failure goes to the caller's handler, the input untouched.

use crate::pages::wizard::draft::DraftControl;
use crate::state::notifications::Notifications;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// Where a successful write leads.
pub struct Done {
    /// The success notification.
    pub message: String,
    /// The page to open (already base-path aware, from `routes::Paths`).
    pub to: String,
}

/// Opens an app path that `routes::Paths` built (so the base path is not added twice).
pub fn use_go() -> impl Fn(&str) + Clone + 'static {
    let navigate = use_navigate();
    move |to: &str| {
        navigate(
            to,
            NavigateOptions {
                resolve: false,
                ..Default::default()
            },
        )
    }
}

/// Watches `action`: `Ok` finishes `draft` (if any), notifies and navigates as `done`
/// says; `Err` goes to `failed`.
pub fn on_finished<I, T, E>(
    action: Action<I, Result<T, E>>,
    draft: Option<DraftControl>,
    done: impl Fn(T) -> Done + 'static,
    failed: impl Fn(E) + 'static,
) where
    I: 'static,
    T: Clone + Send + Sync + 'static,
    E: Clone + Send + Sync + 'static,
{
    let go = use_go();
    Effect::new(move |_| match action.value().get() {
        Some(Ok(v)) => {
            if let Some(d) = draft {
                d.finish();
            }
            let Done { message, to } = done(v);
            Notifications::expect().success(message);
            go(&to);
        }
        Some(Err(e)) => failed(e),
        None => {}
    });
}
