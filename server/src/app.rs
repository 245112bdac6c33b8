//! The complete HTTP application: the API under `/api/v1` (permissive CORS, JSON errors),
//! an 8 MiB request body limit, request tracing and, when a `dist` directory is given, the
//! built single-page app with client-side-route fallback to `index.html`, compression
//! (br, gzip) and `Cache-Control: no-cache` on the HTML.

use std::path::PathBuf;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::trace::TraceLayer;

use crate::routes::api_router;
use crate::state::AppState;

/// Largest accepted request body (8 MiB).
pub const BODY_LIMIT_BYTES: usize = 8 * 1024 * 1024;

/// CORS for the API: any origin, the API's methods, `Authorization` and `Content-Type`
/// request headers (no cookies, so no credentials mode is needed).
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers([AUTHORIZATION, CONTENT_TYPE])
        .expose_headers([axum::http::header::LOCATION])
        .max_age(Duration::from_secs(3600))
}

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

/// Serves the files of `dist`; any path without a file gets `dist/index.html` (200), so
/// client-side routes such as `/customer-groups/5/edit` load the app.
fn static_files(dist: PathBuf) -> Router {
    let index = ServeFile::new(dist.join("index.html"));
    let files = ServeDir::new(dist).fallback(index);
    Router::new()
        .fallback_service(files)
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(axum::middleware::map_response(no_cache_html))
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

/// Builds the application router: the API under `/api/v1` and, if `dist` is given, the
/// static app with `index.html` fallback for every other GET path.
pub fn router(state: AppState, dist: Option<PathBuf>) -> Router {
    let api = api_router().with_state(state).layer(cors());
    let app = match dist {
        Some(dist) => api.fallback_service(static_files(dist)),
        None => api.fallback(no_app),
    };
    app.layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(TraceLayer::new_for_http())
}
