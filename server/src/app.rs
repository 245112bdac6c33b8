//! The complete HTTP application: the API under `/api/v1` (JSON errors) and the Spryker
//! dialect under `/spryker/` (JSON:API), both behind the server's one bearer token
//! ([`crate::token`]); an 8 MiB request body limit; CORS only for the allowed origins
//! ([`crate::cors`]); security headers on every answer ([`crate::security`]); request
//! tracing; and, when a `dist` directory is given, the built single-page app with
//! client-side-route fallback to `index.html`, compression (br, gzip) and
//! `Cache-Control: no-cache` on the HTML.
//!
//! Files are served as a CDN would: a `.br` or `.gz` sibling written by the build
//! (`brotli -q 11`, `gzip -9`) is sent as is when the client accepts that encoding
//! (`Content-Encoding`, the original's `Content-Type`), other files are compressed on the
//! fly; every static answer carries `Vary: Accept-Encoding`; and hashed assets — file
//! names with a 16-hex content hash, as Trunk writes them (`app-0123456789abcdef.js`,
//! `app-0123456789abcdef_bg.wasm`) — are `Cache-Control: public, max-age=31536000,
//! immutable`.
//!
//! `index.html` (asked for directly, as `/`, or as the fallback) is read on every request
//! and gets the page settings ([`crate::page`]) written onto its `#cg-app` element — the
//! `--page-setting`s and, unless they set it, `auth-token` with the server's token; it is
//! answered with a weak `ETag` of the rewritten bytes (and `304 Not Modified` for a
//! matching `If-None-Match`) instead of the file's `Last-Modified`, so a restart with other
//! settings is never mistaken for the unchanged file. A page route (`--page-route
//! PREFIX=FILE`, [`PageRoute`]) answers its prefix and every path under it (and `/FILE`)
//! the same way with another page of `dist` — a host page that embeds the app as
//! `<customer-groups-admin>`, which gets the settings instead —, so deep links and
//! reloads under a host's base path work.

use crate::host_check::{KnownHosts, host_name, require_known_host};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use crate::cors::{AllowedOrigin, cors_layer};
use crate::page::{self, PageRoute, PageSetting};
use crate::routes::api_router;
use crate::security::add_security_headers;
use crate::spryker::sessions::{self, BackOfficeUser, SprykerAuth};
use crate::spryker::spryker_router;
use crate::state::AppState;
use crate::token::Token;

/// What the application serves besides the reference API, and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppOptions {
    /// Serve the built app from this directory (with `index.html` fallback).
    pub dist: Option<PathBuf>,
    /// The bearer token of `/api/v1` and `/spryker/`; `None`: the database's own token
    /// ([`AppState::database_token`]).
    pub token: Option<String>,
    /// Attributes written onto `#cg-app` in the served `index.html` (later ones win, and
    /// they win over the automatic `auth-token`).
    pub page_settings: Vec<PageSetting>,
    /// Origins that may call the server from a browser (CORS); none by default.
    pub allowed_origins: Vec<AllowedOrigin>,
    /// Path prefixes answered with another page of `dist` than `index.html` (the first
    /// that matches wins).
    pub page_routes: Vec<PageRoute>,
    /// Host names answered besides IP literals, `localhost` and the hosts of
    /// `allowed_origins` (`crate::host_check`: DNS rebinding).
    pub allowed_hosts: Vec<String>,
    /// Back Office users who may sign in at `POST /spryker/token`; none by default.
    pub spryker_users: Vec<BackOfficeUser>,
    /// How long a token issued there lives; `None`: Spryker's eight hours.
    pub spryker_token_lifetime: Option<Duration>,
}

impl AppOptions {
    /// The token the server accepts with these options over `state`'s database.
    pub fn effective_token(&self, state: &AppState) -> String {
        self.token
            .clone()
            .unwrap_or_else(|| state.database_token().to_string())
    }
}

/// The page setting that carries the bearer token (`data-auth-token`).
pub const AUTH_TOKEN_SETTING: &str = "auth-token";

/// Largest accepted request body (8 MiB).
pub const BODY_LIMIT_BYTES: usize = 8 * 1024 * 1024;

/// Marks HTML responses (the app's `index.html`, whoever serves it) `Cache-Control:
/// no-cache`, so a new build is picked up on the next load.
async fn no_cache_html(mut res: Response) -> Response {
    let is_html = res
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        res.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    res
}

/// `Cache-Control` of hashed assets: their name changes with their content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Whether the last segment of `path` is a content-hashed build file (the one rule in
/// `cg_rules::asset`, which the size budget follows too). Folders do not count:
/// wasm-bindgen's `snippets/<crate>-<hash>/` are named after the crate.
pub fn is_hashed_asset(path: &str) -> bool {
    cg_rules::asset::is_hashed(path)
}

/// `Vary: Accept-Encoding` on every static answer (a cache must not hand a brotli body
/// to a client that did not ask for it), and a year of `immutable` caching on hashed
/// assets that were found (never on the `index.html` fallback).
async fn asset_headers(req: Request, next: Next) -> Response {
    let hashed = is_hashed_asset(req.uri().path());
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    let varies = headers
        .get_all(VARY)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.to_ascii_lowercase().contains("accept-encoding"));
    if !varies {
        headers.append(VARY, ACCEPT_ENCODING.into());
    }
    let is_html = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let found = res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED;
    if hashed && found && !is_html {
        res.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
    }
    res
}

/// The app's directory, its page routes and what to write into the pages.
#[derive(Debug, Clone)]
struct Pages {
    dist: PathBuf,
    routes: Arc<[PageRoute]>,
    settings: Arc<[PageSetting]>,
}

impl Pages {
    /// The page that answers `path`: the file of the first page route that answers it,
    /// `index.html` otherwise.
    fn file_for(&self, path: &str) -> PathBuf {
        let file = self
            .routes
            .iter()
            .find(|r| r.answers(path))
            .map_or("index.html", |r| r.file());
        self.dist.join(file)
    }
}

/// A weak ETag for `bytes` (64-bit FNV-1a and the length).
fn etag(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("W/\"{hash:016x}-{:x}\"", bytes.len())
}

/// Whether an `If-None-Match` header matches `tag` (weak comparison, or `*`).
fn none_match_hits(headers: &HeaderMap, tag: &str) -> bool {
    let opaque = |t: &str| t.trim().trim_start_matches("W/").to_string();
    headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim() == "*" || opaque(t) == opaque(tag))
}

/// The page for the request's path (`index.html`, or a page route's file) with the page
/// settings applied, `ETag` and `no-cache` (304 when the client's copy is current).
async fn serve_page(State(pages): State<Pages>, uri: Uri, headers: HeaderMap) -> Response {
    let path = pages.file_for(uri.path());
    let html = match tokio::fs::read_to_string(&path).await {
        Ok(html) => html,
        Err(e) => {
            tracing::error!(path = %path.display(), error = %e, "cannot read the page");
            return (StatusCode::NOT_FOUND, "the page is missing").into_response();
        }
    };
    let html = page::apply(&html, &pages.settings).unwrap_or_else(|| {
        tracing::warn!(
            path = %path.display(),
            "the page has no element with id=\"{}\" nor <{}>; page settings not applied",
            page::APP_ELEMENT_ID,
            page::APP_CUSTOM_ELEMENT
        );
        html
    });
    let tag = etag(html.as_bytes());
    let tag_value = HeaderValue::from_str(&tag).unwrap_or(HeaderValue::from_static("W/\"0\""));
    let no_cache = HeaderValue::from_static("no-cache");
    if none_match_hits(&headers, &tag) {
        return (
            StatusCode::NOT_MODIFIED,
            [(ETAG, tag_value), (CACHE_CONTROL, no_cache)],
        )
            .into_response();
    }
    ([(ETAG, tag_value), (CACHE_CONTROL, no_cache)], Html(html)).into_response()
}

/// Serves the files of `dist`; `/`, `/index.html` and any path without a file get
/// `dist/index.html` with the page settings applied (200), so client-side routes such as
/// `/customer-groups/5/edit` load the app — or, under a page route's prefix, that route's
/// page (also when asked for by its own name). Precompressed `.br`/`.gz` siblings are
/// preferred over compressing on the fly.
fn static_files(dist: PathBuf, settings: Vec<PageSetting>, routes: Vec<PageRoute>) -> Router {
    let page_files: Vec<String> = routes.iter().map(|r| format!("/{}", r.file())).collect();
    let pages = get(serve_page).with_state(Pages {
        dist: dist.clone(),
        routes: routes.into(),
        settings: settings.into(),
    });
    let files = ServeDir::new(dist)
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(pages.clone());
    let mut router = Router::new().route("/index.html", pages.clone());
    let mut routed = vec!["/index.html".to_owned()];
    for file in page_files {
        if !routed.contains(&file) {
            router = router.route(&file, pages.clone());
            routed.push(file);
        }
    }
    router
        .fallback_service(files)
        // Skips answers that already have a Content-Encoding (the precompressed ones).
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(axum::middleware::map_response(no_cache_html))
        .layer(axum::middleware::from_fn(asset_headers))
}

/// Answer for non-API paths when no app bundle is served.
async fn no_app() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html(
            "<!doctype html><title>cg-server</title><p>This server runs without the app \
             (start it with <code>--dist DIR</code> to serve a build). The API is at \
             <a href=\"/api/v1/customer-groups\">/api/v1/customer-groups</a>.</p>",
        ),
    )
        .into_response()
}

/// Builds the application router: the API under `/api/v1`, the Spryker dialect under
/// `/spryker/` (both with the database's token) and, if `dist` is given, the static app
/// with `index.html` fallback for every other GET path. See [`router_with`].
pub fn router(state: AppState, dist: Option<PathBuf>) -> Router {
    router_with(
        state,
        AppOptions {
            dist,
            ..AppOptions::default()
        },
    )
}

/// Builds the application router as [`router`] does, with the token, app directory,
/// allowed origins and page settings of `options`.
pub fn router_with(state: AppState, options: AppOptions) -> Router {
    let token = options.effective_token(&state);
    let guard = Token::new(&token);
    let api = api_router()
        .with_state(state.clone())
        .layer(axum::middleware::from_fn_with_state(
            guard.clone(),
            crate::auth::require_token,
        ));
    let auth = SprykerAuth::new(
        guard,
        options.spryker_users,
        options
            .spryker_token_lifetime
            .unwrap_or(sessions::DEFAULT_LIFETIME),
    );
    let app = api.merge(spryker_router(auth).with_state(state));
    let app = match options.dist {
        Some(dist) => {
            let mut settings = options.page_settings;
            if !settings.iter().any(|s| s.name() == AUTH_TOKEN_SETTING) {
                settings.push(PageSetting::new(AUTH_TOKEN_SETTING, &token).expect("valid name"));
            }
            app.fallback_service(static_files(dist, settings, options.page_routes))
        }
        None => app.fallback(no_app),
    };
    let origin_hosts = options.allowed_origins.iter().filter_map(|o| {
        let rest = o.as_str().split_once("://")?.1;
        Some(host_name(rest).to_owned())
    });
    let known = KnownHosts::new(options.allowed_hosts.iter().cloned().chain(origin_hosts));
    app.layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(cors_layer(&options.allowed_origins))
        .layer(axum::middleware::from_fn_with_state(
            known,
            require_known_host,
        ))
        .layer(axum::middleware::map_response(add_security_headers))
        .layer(TraceLayer::new_for_http())
}
