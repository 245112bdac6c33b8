//! Embedding the app in a host back office, three ways:
//!
//! 1. the app's own page: `<div id="cg-app" data-api-base-url=… data-base-path=…>` is
//!    mounted at start;
//! 2. the JS API: `mount(element, { apiBaseUrl, dialect, basePath, customerUrl,
//!    authToken, timeoutMs, locale })` returns a handle whose `unmount()` removes the app
//!    and whose `setToken(token)` replaces the bearer token (after the host signed the
//!    admin in again); a configuration it cannot work with throws an error naming the
//!    setting, in the language the app would have spoken (see `Locale::choose`);
//! 3. the custom element `<customer-groups-admin api-base-url=… base-path=…>`, mounted
//!    when connected and unmounted when removed.
//!
//! Whichever way, the app tells the host what it did through DOM `CustomEvent`s on the
//! mount element (bubbling and composed; `detail` holds strings): `cg-group-created`,
//! `cg-group-updated`, `cg-group-deleted` (`{ id, name }`), `cg-navigate-customer`
//! (`{ id, reference, url }`, cancelable: a host router that calls `preventDefault()`
//! takes the navigation over) and `cg-unauthorized` (`{ status: 401 }`: the host signs
//! the admin in again and calls `setToken`; the input is kept and Retry works). Each
//! instance has its own element ids, language and listeners; `unmount()` removes them.

use crate::api::SharedBackend;
use crate::api::http::{Credentials, Secret};
use crate::app::{App, ConfigError, backend_for};
use crate::config::{Config, js_name};
use crate::config_problem::ConfigProblem;
use crate::i18n::{self, Locale};
use crate::routes::Paths;
use crate::state::instance::{Instance, dispatch};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen(inline_js = "
export function define_element(mount) {
  if (customElements.get('customer-groups-admin')) return;
  customElements.define('customer-groups-admin', class extends HTMLElement {
    connectedCallback() { this._cg = mount(this); }
    disconnectedCallback() { if (this._cg) { this._cg.unmount(); this._cg = undefined; } }
  });
}
")]
extern "C" {
    fn define_element(mount: &Closure<dyn Fn(HtmlElement) -> MountHandle>);
}

/// An app mounted into an element, removed (view, listeners, timers, tasks) when
/// dropped. Leptos's own unmount handle drops its owner, but the router's window click
/// listener holds that owner too, so its cleanups would never run and the removed app
/// would still catch the page's link clicks: the app is mounted under an owner of our
/// own, cleaned up explicitly.
pub struct Mounted {
    view: Option<leptos::mount::UnmountHandle<AnyViewState>>,
    owner: Owner,
}

impl Mounted {
    /// Mounts `app` into `el`.
    pub fn new(el: HtmlElement, app: impl FnOnce() -> AnyView + 'static) -> Self {
        let owner = Owner::new();
        let view = owner.with(|| leptos::mount::mount_to(el, app));
        Mounted {
            view: Some(view),
            owner,
        }
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.view.take());
        self.owner.cleanup();
    }
}

/// A mounted app; `unmount()` removes it from its element.
#[wasm_bindgen]
pub struct MountHandle {
    handle: Option<Mounted>,
    credentials: Option<Credentials>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the app (idempotent); its element hears no more events from it.
    pub fn unmount(&mut self) {
        if let Some(c) = &self.credentials {
            c.on_unauthorized(None);
        }
        self.handle.take();
    }

    /// Replaces the bearer token (empty or `null`: none) for every request from now on.
    #[wasm_bindgen(js_name = setToken)]
    pub fn set_token(&self, token: Option<String>) {
        if let Some(c) = &self.credentials {
            c.set_token(token.filter(|t| !t.is_empty()).map(Secret::new));
        }
    }
}

/// Raises `cg-unauthorized` on `el` whenever the backend answers 401.
fn announce_unauthorized(el: &HtmlElement, credentials: &Credentials) {
    let el = send_wrapper::SendWrapper::new(el.clone());
    credentials.on_unauthorized(Some(std::sync::Arc::new(move || {
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"status".into(), &401.into());
        dispatch(&el, "cg-unauthorized", &detail, false);
    })));
}

fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// The language of the page around `el`: the `lang` of its nearest element that has one
/// (itself included), as the browser's own `:lang()` would find it.
fn page_lang(el: &HtmlElement) -> Option<String> {
    el.closest("[lang]").ok().flatten()?.get_attribute("lang")
}

/// A configuration read from an element's settings and the backend it asks for, with
/// the language to tell its problem in when it cannot work.
type Settings = (Result<(Config, SharedBackend), ConfigProblem>, Locale);

/// Reads the settings of `el` through `get` (attributes, or the JS API's object).
fn read_settings(el: &HtmlElement, get: impl Fn(&str) -> Option<String>) -> Settings {
    let lang = page_lang(el);
    let locale = Locale::choose(get("locale").as_deref(), lang.as_deref());
    let config = Config::from_settings(get, &origin(), lang.as_deref())
        .and_then(|c| backend_for(&c).map(|b| (c, b)));
    (config, locale)
}

/// Mounts the app for a configuration; a bad configuration shows what is wrong.
fn mount_config(el: HtmlElement, (config, locale): Settings) -> MountHandle {
    el.set_inner_html("");
    let credentials = config.as_ref().ok().map(|(c, _)| c.credentials.clone());
    if let Some(c) = &credentials {
        announce_unauthorized(&el, c);
    }
    let instance = Instance::new(Some(el.clone()));
    let handle = Mounted::new(el, move || match config {
        Ok((config, backend)) => {
            view! { <App config=config backend=backend instance=instance/> }.into_any()
        }
        Err(problem) => view! { <ConfigError problem=problem locale=locale/> }.into_any(),
    });
    MountHandle {
        handle: Some(handle),
        credentials,
    }
}

/// Mounts the app into `element` with a configuration object (`apiBaseUrl`, `dialect`,
/// `basePath`, `customerUrl`, `authToken`, `timeoutMs`; all optional).
#[wasm_bindgen]
pub fn mount(element: HtmlElement, config: JsValue) -> Result<MountHandle, JsValue> {
    let get = |k: &str| {
        let v = js_sys::Reflect::get(&config, &js_name(k).into()).ok()?;
        // A number (`timeoutMs: 5000`) as JavaScript writes it: Rust's own float
        // formatting would cost ~13 KB of wasm for this one line.
        v.as_string().or_else(|| {
            v.as_f64()?;
            let n: js_sys::Number = v.unchecked_into();
            n.to_string_with_radix(10).ok().map(String::from)
        })
    };
    let (config, locale) = read_settings(&element, get);
    if let Err(problem) = &config {
        let message = i18n::config_problem(i18n::texts_for(locale), problem);
        return Err(js_sys::Error::new(&message).into());
    }
    Ok(mount_config(element, (config, locale)))
}

/// The app's own page loaded at the site's root shows the list under its base path
/// (`routes::Paths::entry`), the URL replaced before the router reads it.
fn open_entry(paths: &Paths) {
    let location = window().location();
    let Some(to) = paths.entry(&location.pathname().unwrap_or_default()) else {
        return;
    };
    let rest = location.search().unwrap_or_default() + &location.hash().unwrap_or_default();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{to}{rest}")));
    }
}

/// Mounts `#cg-app` when the page has one, and defines `<customer-groups-admin>`.
#[wasm_bindgen(start)]
pub fn start() {
    let on_connect = Closure::<dyn Fn(HtmlElement) -> MountHandle>::new(|el: HtmlElement| {
        let settings = read_settings(&el, |k| el.get_attribute(k));
        mount_config(el, settings)
    });
    define_element(&on_connect);
    on_connect.forget();
    if let Some(el) = document()
        .get_element_by_id("cg-app")
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let settings = read_settings(&el, |k| el.get_attribute(&format!("data-{k}")));
        if let (Ok((c, _)), _) = &settings {
            open_entry(&Paths::new(&c.base_path));
        }
        // The app lives as long as its page.
        std::mem::forget(mount_config(el, settings));
    }
}
