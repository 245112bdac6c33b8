//! Bearer-token authentication of every `/api/v1` request: without
//! `Authorization: Bearer <the server's token>` ([`crate::token`]) the answer is 401 with
//! the API's JSON error (code `unauthorized`) and `WWW-Authenticate: Bearer`. CORS
//! preflights (`OPTIONS`) pass, as browsers send them without credentials.

use axum::extract::{Request, State};
use axum::http::Method;
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::token::{Token, bearer};

/// Middleware: passes requests with the right bearer token (and preflights), answers 401
/// otherwise.
pub async fn require_token(State(token): State<Token>, req: Request, next: Next) -> Response {
    if req.method() == Method::OPTIONS {
        return next.run(req).await;
    }
    let sent = req
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(bearer);
    match sent {
        None => ApiError::unauthorized(
            "Missing access token: send 'Authorization: Bearer <token>' (the token cg-server \
             printed at start-up).",
        )
        .into_response(),
        Some(sent) if !token.accepts(sent) => {
            ApiError::unauthorized("Invalid access token.").into_response()
        }
        Some(_) => next.run(req).await,
    }
}
