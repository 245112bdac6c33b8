//! Asks before the user leaves a page with unsaved changes: on reload or closing the tab
//! (`beforeunload`) and on in-app links (a capturing click listener that cancels the
//! click before the router sees it). Back/Forward cannot be stopped; the draft covers it.

use crate::i18n::texts;
use crate::state::link_click::followed_link;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// Guards the current page while `dirty` is true.
pub fn use_leave_guard(dirty: Signal<bool>) {
    // The listeners run outside the reactive owner: the instance's texts are taken now.
    let t = texts();
    let unload = window_event_listener(ev::beforeunload, move |e: web_sys::BeforeUnloadEvent| {
        if dirty.get_untracked() {
            e.prevent_default();
            e.set_return_value(t.unsaved_changes);
        }
    });
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |e: web_sys::MouseEvent| {
        if !dirty.get_untracked() || followed_link(&e).is_none() {
            return;
        }
        let leave = window()
            .confirm_with_message(t.unsaved_changes)
            .unwrap_or(true);
        if !leave {
            e.prevent_default();
            e.stop_propagation();
        }
    });
    let doc = document();
    let _ = doc.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    // The cleanup owns the listener (not a stored value of the owner, which may be gone
    // by the time cleanups run), so it can always remove it. Closures are not `Send`:
    // the app is single-threaded, hence the wrapper.
    let callback = send_wrapper::SendWrapper::new(on_click);
    on_cleanup(move || {
        unload.remove();
        let _ = document().remove_event_listener_with_callback_and_bool(
            "click",
            callback.as_ref().unchecked_ref(),
            true,
        );
    });
}
