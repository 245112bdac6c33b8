//! Shows the app's notifications top right; errors are announced assertively.

use crate::i18n::texts;
use crate::state::notifications::{Notifications, Tone};
use leptos::prelude::*;

/// The notification stack.
#[component]
pub fn Toaster() -> impl IntoView {
    let n = Notifications::expect();
    view! {
        <div class="cg-toaster" aria-live="polite">
            <For each=move || n.items.get() key=|t| t.id let:toast>
                {
                    let id = toast.id;
                    let (class, role) = match toast.tone {
                        Tone::Success => ("cg-toast cg-toast--success", "status"),
                        Tone::Error => ("cg-toast cg-toast--error", "alert"),
                    };
                    view! {
                        <div class=class role=role>
                            <span class="cg-toast__text">{toast.text}</span>
                            <button type="button" class="cg-toast__close" aria-label=texts().dismiss
                                on:click=move |_| n.dismiss(id)>"×"</button>
                        </div>
                    }
                }
            </For>
        </div>
    }
}
