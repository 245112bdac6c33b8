//! The dialect's route table ([`SPRYKER_ROUTES`]) and its router: every route wired to
//! its handler, JSON:API 404 for other `/spryker/…` paths and 405 for unsupported
//! methods, all behind the bearer-token check but `POST /spryker/token` (CORS is the
//! application's, in front).

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{MethodRouter, any, post};

use crate::spryker::auth::require_token;
use crate::spryker::error::{ErrorObject, SprykerError, codes};
use crate::spryker::sessions::SprykerAuth;
use crate::spryker::{customers, groups, members, oauth};
use crate::state::AppState;

const GROUPS: &str = "/spryker/customer-groups";
const GROUP: &str = "/spryker/customer-groups/{uuid}";
const MEMBERS: &str = "/spryker/customer-groups/{uuid}/customers";
const MEMBER: &str = "/spryker/customer-groups/{uuid}/customers/{customerReference}";
const CUSTOMERS: &str = "/spryker/customers";
const CUSTOMER: &str = "/spryker/customers/{customerReference}";

/// Every route of the dialect as `(method, path template)`.
pub const SPRYKER_ROUTES: &[(&str, &str)] = &[
    ("GET", GROUPS),
    ("POST", GROUPS),
    ("GET", GROUP),
    ("PATCH", GROUP),
    ("DELETE", GROUP),
    ("GET", MEMBERS),
    ("POST", MEMBERS),
    ("PATCH", MEMBERS),
    ("DELETE", MEMBER),
    ("GET", CUSTOMERS),
    ("GET", CUSTOMER),
];

/// Adds the handler of `method path` to `mr`; panics on a table entry without a handler.
fn with_handler(mr: MethodRouter<AppState>, method: &str, path: &str) -> MethodRouter<AppState> {
    match (method, path) {
        ("GET", GROUPS) => mr.get(groups::list),
        ("POST", GROUPS) => mr.post(groups::create),
        ("GET", GROUP) => mr.get(groups::get),
        ("PATCH", GROUP) => mr.patch(groups::update),
        ("DELETE", GROUP) => mr.delete(groups::delete),
        ("GET", MEMBERS) => mr.get(members::list),
        ("POST", MEMBERS) => mr.post(members::add),
        ("PATCH", MEMBERS) => mr.patch(members::replace),
        ("DELETE", MEMBER) => mr.delete(members::remove),
        ("GET", CUSTOMERS) => mr.get(customers::list),
        ("GET", CUSTOMER) => mr.get(customers::get),
        _ => panic!("SPRYKER_ROUTES lists {method} {path} but no handler is wired for it"),
    }
}

/// JSON:API 404 for a `/spryker/…` path that is not a route: code 007 "Not found", as
/// the Backend API documents it (api-platform `OpenApi/ErrorResponse/ErrorResponseBuilder`).
async fn not_found() -> SprykerError {
    SprykerError::new(StatusCode::NOT_FOUND, codes::ROUTE_NOT_FOUND, "Not found")
}

/// JSON:API 405 for a known path with an unsupported method: no code, "Method Not
/// Allowed" (the framework's answer).
async fn method_not_allowed() -> SprykerError {
    ErrorObject {
        message: false,
        ..ErrorObject::uncoded(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
    }
    .into()
}

/// Where Back Office users get their tokens (no bearer token needed).
pub const TOKEN: &str = "/spryker/token";

/// The dialect's router (full paths under `/spryker/`), accepting the tokens of `auth`.
pub fn spryker_router(auth: SprykerAuth) -> Router<AppState> {
    let mut paths: Vec<&str> = Vec::new();
    for (_, path) in SPRYKER_ROUTES {
        if !paths.contains(path) {
            paths.push(path);
        }
    }
    let mut router = Router::new();
    for path in paths {
        let mr = SPRYKER_ROUTES
            .iter()
            .filter(|(_, p)| *p == path)
            .fold(MethodRouter::new(), |mr, (m, p)| with_handler(mr, m, p));
        router = router.route(path, mr);
    }
    router
        .route("/spryker", any(not_found))
        .route("/spryker/", any(not_found))
        .route("/spryker/{*rest}", any(not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            auth.clone(),
            require_token,
        ))
        .route(
            TOKEN,
            post(oauth::token)
                .fallback(method_not_allowed)
                .with_state(auth),
        )
}
