//! What belongs to one mounted app, so that two on one page (or the app beside the
//! host's own markup) never collide: element ids derived from a per-instance prefix, and
//! the DOM events the host hears on its mount element. The language is per instance
//! too (the `Locale` in context, see `i18n::texts`).

use leptos::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

/// Instances mounted so far on this page (each takes the next number).
static MOUNTED: AtomicU32 = AtomicU32::new(0);

/// One app instance's id prefix and its mount element (none in tests).
#[derive(Clone)]
pub struct Instance {
    prefix: Arc<str>,
    next: Arc<AtomicU32>,
    pages: Arc<AtomicU32>,
    #[cfg(target_arch = "wasm32")]
    element: Option<send_wrapper::SendWrapper<web_sys::HtmlElement>>,
}

impl Instance {
    /// A new instance, announcing events on `element` (when the host gave one).
    #[cfg(target_arch = "wasm32")]
    pub fn new(element: Option<web_sys::HtmlElement>) -> Self {
        Instance {
            element: element.map(send_wrapper::SendWrapper::new),
            ..Instance::unmounted()
        }
    }

    /// A new instance without a mount element to announce events on.
    pub fn unmounted() -> Self {
        let n = MOUNTED.fetch_add(1, Ordering::Relaxed) + 1;
        Instance {
            prefix: format!("cg{n}-").into(),
            next: Arc::default(),
            pages: Arc::default(),
            #[cfg(target_arch = "wasm32")]
            element: None,
        }
    }

    /// The element id for `local` in this instance: `cg2-name`.
    pub fn id(&self, local: &str) -> String {
        format!("{}{local}", self.prefix)
    }

    /// A fresh element id for one more `local` (dialog titles): `cg2-dialog-3`.
    pub fn unique(&self, local: &str) -> String {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        format!("{}{local}-{n}", self.prefix)
    }

    /// Counts one more page shown in this instance; `true` from the second on (a
    /// navigation inside the app, after which focus goes to the new page's heading).
    pub fn page_shown(&self) -> bool {
        self.pages.fetch_add(1, Ordering::Relaxed) > 0
    }

    /// Raises the DOM event `name` on the mount element (bubbling, crossing shadow
    /// roots) with `detail` as an object of strings; `false` when a listener called
    /// `preventDefault()` on a cancelable event.
    #[cfg(target_arch = "wasm32")]
    pub fn announce(&self, name: &str, detail: &[(&str, &str)], cancelable: bool) -> bool {
        let Some(el) = &self.element else {
            return true;
        };
        let object = js_sys::Object::new();
        for (k, v) in detail {
            let _ = js_sys::Reflect::set(&object, &(*k).into(), &(*v).into());
        }
        dispatch(el, name, &object, cancelable)
    }

    /// Without a browser there is no host to tell.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn announce(&self, _name: &str, _detail: &[(&str, &str)], _cancelable: bool) -> bool {
        true
    }
}

/// Dispatches a bubbling, composed `CustomEvent`; `false` when it was cancelled.
#[cfg(target_arch = "wasm32")]
pub fn dispatch(
    el: &web_sys::HtmlElement,
    name: &str,
    detail: &wasm_bindgen::JsValue,
    cancelable: bool,
) -> bool {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(detail);
    match web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(e) => el.dispatch_event(&e).unwrap_or(true),
        Err(_) => true,
    }
}

/// The element id for `local` in the current instance.
pub fn dom_id(local: &str) -> String {
    expect_context::<Instance>().id(local)
}

/// Tells the host on the current instance's mount element (see [`Instance::announce`]).
pub fn announce(name: &str, detail: &[(&str, &str)], cancelable: bool) -> bool {
    use_context::<Instance>().is_none_or(|i| i.announce(name, detail, cancelable))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Two instances never share an id; one instance's dialogs never share one either.
    #[test]
    fn ids_are_per_instance() {
        let (a, b) = (Instance::unmounted(), Instance::unmounted());
        assert_ne!(a.id("name"), b.id("name"));
        assert_eq!(a.id("name"), a.id("name"));
        assert_ne!(a.unique("dialog"), a.unique("dialog"));
        assert!(a.id("name").starts_with("cg") && a.id("name").ends_with("-name"));
    }
}
