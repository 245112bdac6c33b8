//! Bearer-token authentication of every `/spryker/` request, with the server's one token
//! ([`crate::token`], shared with `/api/v1`). As Spryker answers: a token that is not
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
use crate::token::{Token, bearer};

/// Middleware: passes requests with the right bearer token, answers 401 otherwise.
pub async fn require_token(State(token): State<Token>, req: Request, next: Next) -> Response {
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
        Some(Some(sent)) if !token.accepts(sent) => invalid(),
        Some(Some(_)) => return next.run(req).await,
    };
    SprykerError::from(error).into_response()
}
