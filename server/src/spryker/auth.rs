//! Bearer-token authentication of every `/spryker/` request, with the server's one token
//! ([`crate::token`], shared with `/api/v1`); a missing header is 401
//! [`codes::MISSING_TOKEN`], any other token 401 [`codes::INVALID_TOKEN`] (JSON:API
//! error documents, as Spryker answers). CORS preflights (`OPTIONS`) pass.

use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::spryker::error::{SprykerError, codes};
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
    match header {
        None | Some(None) => SprykerError::new(
            StatusCode::UNAUTHORIZED,
            codes::MISSING_TOKEN,
            "Missing access token: send 'Authorization: Bearer <token>'.",
        )
        .into_response(),
        Some(Some(sent)) if !token.accepts(sent) => SprykerError::new(
            StatusCode::UNAUTHORIZED,
            codes::INVALID_TOKEN,
            "Invalid access token.",
        )
        .into_response(),
        Some(Some(_)) => next.run(req).await,
    }
}
