//! Customer Groups admin: a Leptos single-page app with which shop administrators list,
//! create, edit, view and delete customer groups over any REST backend.
//!
//! Layers (see ARCHITECTURE.md): [`model`] (pure logic) ← [`api`] (typed client and
//! dialects) ← [`state`] (context and reactive helpers) ← [`components`] ← [`pages`] ←
//! [`app`] (shell and routes).

pub mod api;
pub mod app;
pub mod components;
pub mod config;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod routes;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod start {
    use crate::app::{App, ConfigError, backend_for};
    use crate::config::Config;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::wasm_bindgen;

    /// Mounts the app into `#cg-app` (or `<body>`), configured by that element's
    /// `data-*` attributes.
    #[wasm_bindgen(start)]
    pub fn start() {
        let window = web_sys::window().expect("a browser window");
        let document = window.document().expect("a document");
        let host: web_sys::HtmlElement = document
            .get_element_by_id("cg-app")
            .and_then(|e| e.dyn_into().ok())
            .or_else(|| document.body())
            .expect("a mount element");
        let origin = window.location().origin().unwrap_or_default();
        let attrs = host.clone();
        let config = Config::from_settings(|k| attrs.get_attribute(&format!("data-{k}")), &origin);
        host.set_inner_html("");
        let handle = leptos::mount::mount_to(host, move || {
            match config.and_then(|c| backend_for(&c).map(|b| (c, b))) {
                Ok((config, backend)) => view! { <App config=config backend=backend/> }.into_any(),
                Err(message) => view! { <ConfigError message=message/> }.into_any(),
            }
        });
        handle.forget();
    }
}
