//! Bearer-token authentication of every `/spryker/` request but `POST /spryker/token`:
//! the server's one token ([`crate::token`], shared with `/api/v1`) or an access token
//! issued to a Back Office user that has not expired ([`crate::spryker::sessions`]). As
//! Spryker answers: a token that is not
//! valid (or a header that is not `Bearer …`) is 401 [`codes::INVALID_TOKEN`] "Invalid
//! access token." with `title` (api-platform `Security/OauthAuthenticator`); no
//! `Authorization` header is 401 without a code, "Authorization header is required"
//! (kernel-feature `BearerTokenValidator`; a project without it answers 403 802, which
//! the client also reads). CORS preflights (`OPTIONS`) pass.

use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::spryker::error::{ErrorObject, SprykerError, codes};
use crate::spryker::sessions::SprykerAuth;
use crate::token::bearer;

/// Middleware: passes requests with an accepted bearer token, answers 401 otherwise.
pub async fn require_token(State(auth): State<SprykerAuth>, req: Request, next: Next) -> Response {
    if req.method() == Method::OPTIONS {
        return next.run(req).await;
    }
    let header = req
        .headers()
        .get(AUTHORIZATION)
        .map(|v| v.to_str().ok().and_then(bearer));
    let invalid = || ErrorObject {
        title: Some("Unauthorized"),
        message: false,
        ..ErrorObject::new(
            StatusCode::UNAUTHORIZED,
            codes::INVALID_TOKEN,
            "Invalid access token.",
        )
    };
    let error = match header {
        None => ErrorObject {
            message: false,
            ..ErrorObject::uncoded(StatusCode::UNAUTHORIZED, "Authorization header is required")
        },
        Some(None) => invalid(),
        Some(Some(sent)) if !auth.accepts(sent) => invalid(),
        Some(Some(_)) => return next.run(req).await,
    };
    SprykerError::from(error).into_response()
}
