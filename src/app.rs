//! The app shell: builds the backend from the configuration, provides the shared
//! context, and routes to the pages.

use crate::api::SharedBackend;
use crate::api::http::Transport;
use crate::components::toaster::Toaster;
use crate::config::Config;
use crate::config_problem::ConfigProblem;
use crate::i18n::{self, Locale};
use crate::pages::add::GroupCreatePage;
use crate::pages::edit::GroupEditPage;
use crate::pages::list::GroupListPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::view::GroupViewPage;
use crate::routes::Paths;
use crate::state::instance::Instance;
use crate::state::link_click::followed_link;
use crate::state::notifications::Notifications;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::{NavigateOptions, path};
use std::time::Duration;

/// Builds the typed client the configuration asks for.
pub fn backend_for(config: &Config) -> Result<SharedBackend, ConfigProblem> {
    let transport = Transport::new(
        &config.api_base_url,
        config.credentials.clone(),
        Duration::from_millis(config.timeout_ms.into()),
    )?;
    Ok(config.dialect.backend(transport))
}

/// The whole app for a configuration, with a backend (tests pass a fake one).
#[component]
pub fn App(
    /// Runtime configuration.
    config: Config,
    /// The backend the pages talk to.
    backend: SharedBackend,
    /// This instance: its element ids and the element it tells the host about (the
    /// embedding layer gives one; tests get a fresh one without an element).
    #[prop(optional)]
    instance: Option<Instance>,
) -> impl IntoView {
    provide_context(config.locale);
    provide_context(instance.unwrap_or_else(Instance::unmounted));
    let lang = config.locale.tag();
    let paths = Paths::new(&config.base_path);
    provide_context(backend);
    provide_context(paths);
    provide_context(Notifications::new());
    let base = config.base_path.clone();
    let base_path = config.base_path.clone();
    provide_context(config);
    view! {
        <Router base=base>
            <div class="cg-app" lang=lang on:click=in_app_links(base_path)>
                <main class="cg-main">
                    <Routes fallback=NotFoundPage>
                        // The base path is the app's root (routes.rs builds the links).
                        <Route path=path!("/") view=GroupListPage/>
                        <Route path=path!("/new") view=GroupCreatePage/>
                        <Route path=path!("/:id") view=GroupViewPage/>
                        <Route path=path!("/:id/edit") view=GroupEditPage/>
                    </Routes>
                </main>
                <Toaster/>
            </div>
        </Router>
    }
}

/// Follows a click on one of this app's own links through this app's router, and stops
/// it there. The router listens on the window for every link on the page: with two
/// apps side by side, the first one's router would take the other's links too.
fn in_app_links(base: String) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    let navigate = use_navigate();
    move |ev| {
        let Some(a) = followed_link(&ev) else {
            return;
        };
        let external = a
            .get_attribute("rel")
            .is_some_and(|r| r.split_ascii_whitespace().any(|p| p == "external"));
        if external {
            return;
        }
        let Ok(url) = web_sys::Url::new(&a.href()) else {
            return;
        };
        let origin = window().location().origin().unwrap_or_default();
        if url.origin() != origin || !url.pathname().starts_with(&base) {
            return;
        }
        ev.prevent_default();
        ev.stop_propagation();
        let to = format!("{}{}{}", url.pathname(), url.search(), url.hash());
        navigate(
            &to,
            NavigateOptions {
                resolve: false,
                ..Default::default()
            },
        );
    }
}

/// Shown instead of the app when the configuration cannot work, in the language the
/// instance would have spoken (its `locale` setting if that is valid, else the page's).
#[component]
pub fn ConfigError(
    /// What is wrong, naming the setting.
    problem: ConfigProblem,
    /// The language to tell it in.
    locale: Locale,
) -> impl IntoView {
    let t = i18n::texts_for(locale);
    view! {
        <div class="cg-app" lang=locale.tag()>
            <div class="cg-error-panel" role="alert">
                <strong>{t.err_config}</strong>
                <span>{i18n::config_problem(t, &problem)}</span>
            </div>
        </div>
    }
}
