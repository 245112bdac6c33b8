//! The API's route table ([`API_ROUTES`]) and the router built from it: every entry gets
//! its handler here, so the table (which the OpenAPI test compares with `openapi.json`)
//! and the served routes cannot drift apart. Unknown `/api/…` paths and unsupported
//! methods answer JSON 404/405.

pub mod customers;
pub mod groups;

use axum::Router;
use axum::http::{Method, StatusCode, Uri};
use axum::routing::{MethodRouter, any};

use crate::error::ApiError;
use crate::state::AppState;

/// Path prefix of the API.
pub const API_PREFIX: &str = "/api/v1";

const GROUPS: &str = "/api/v1/customer-groups";
const GROUP: &str = "/api/v1/customer-groups/{id}";
const GROUP_MEMBERS: &str = "/api/v1/customer-groups/{id}/customers";
const GROUP_CHANGES: &str = "/api/v1/customer-groups/{id}/customers/changes";
const GROUP_EXPORT: &str = "/api/v1/customer-groups/{id}/customers/export";
const CUSTOMERS: &str = "/api/v1/customers";
const CUSTOMER: &str = "/api/v1/customers/{id}";
const CUSTOMER_LOOKUP: &str = "/api/v1/customers/lookup";

/// Every API route as `(method, path template)`; path templates use `{id}` like OpenAPI.
pub const API_ROUTES: &[(&str, &str)] = &[
    ("GET", GROUPS),
    ("POST", GROUPS),
    ("GET", GROUP),
    ("PUT", GROUP),
    ("PATCH", GROUP),
    ("DELETE", GROUP),
    ("GET", GROUP_MEMBERS),
    ("POST", GROUP_CHANGES),
    ("GET", GROUP_EXPORT),
    ("GET", CUSTOMERS),
    ("GET", CUSTOMER),
    ("POST", CUSTOMER_LOOKUP),
];

/// Adds the handler of `method path` to `mr`; panics on a table entry without a handler
/// (caught by every test that builds a router).
fn with_handler(mr: MethodRouter<AppState>, method: &str, path: &str) -> MethodRouter<AppState> {
    match (method, path) {
        ("GET", GROUPS) => mr.get(groups::list),
        ("POST", GROUPS) => mr.post(groups::create),
        ("GET", GROUP) => mr.get(groups::get),
        ("PUT", GROUP) => mr.put(groups::update),
        ("PATCH", GROUP) => mr.patch(groups::patch),
        ("DELETE", GROUP) => mr.delete(groups::delete),
        ("GET", GROUP_MEMBERS) => mr.get(groups::members),
        ("POST", GROUP_CHANGES) => mr.post(groups::changes),
        ("GET", GROUP_EXPORT) => mr.get(groups::export),
        ("GET", CUSTOMERS) => mr.get(customers::list),
        ("GET", CUSTOMER) => mr.get(customers::get),
        ("POST", CUSTOMER_LOOKUP) => mr.post(customers::lookup),
        _ => panic!("API_ROUTES lists {method} {path} but no handler is wired for it"),
    }
}

/// JSON 404 for any `/api/…` path that is not a route.
pub async fn api_not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!("There is no API endpoint {method} {}.", uri.path()))
}

/// JSON 405 for a known API path with an unsupported method.
pub async fn api_method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("Method {method} is not allowed on {}.", uri.path()),
    )
}

/// The API router: every route of [`API_ROUTES`], plus JSON 404 for other `/api/…` paths
/// and JSON 405 for unsupported methods.
pub fn api_router() -> Router<AppState> {
    let mut paths: Vec<&str> = Vec::new();
    for (_, path) in API_ROUTES {
        if !paths.contains(path) {
            paths.push(path);
        }
    }
    let mut router = Router::new();
    for path in paths {
        let mr = API_ROUTES
            .iter()
            .filter(|(_, p)| *p == path)
            .fold(MethodRouter::new(), |mr, (m, p)| with_handler(mr, m, p));
        router = router.route(path, mr);
    }
    router
        .route("/api", any(api_not_found))
        .route("/api/", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .method_not_allowed_fallback(api_method_not_allowed)
}
