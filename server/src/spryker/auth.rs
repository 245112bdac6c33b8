//! Bearer-token authentication of every `/spryker/` request. The server has one token
//! (`cg-server --token`, default [`DEMO_TOKEN`]); a missing header is 401
//! [`codes::MISSING_TOKEN`], any other token 401 [`codes::INVALID_TOKEN`].

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::spryker::error::{SprykerError, codes};

/// The token a server accepts unless told otherwise (`--token`).
pub const DEMO_TOKEN: &str = "cg-demo-token";

/// The accepted bearer token, shared by the middleware.
#[derive(Debug, Clone)]
pub struct Token(pub Arc<str>);

/// The bearer token of an `Authorization` header value (`Bearer <token>`, scheme in any
/// case), or `None` when it is not a bearer credential.
pub fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// Compares without an early exit on the first differing byte.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Middleware: passes requests with the right bearer token, answers 401 otherwise.
pub async fn require_token(State(token): State<Token>, req: Request, next: Next) -> Response {
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
        Some(Some(sent)) if !same(sent.as_bytes(), token.0.as_bytes()) => SprykerError::new(
            StatusCode::UNAUTHORIZED,
            codes::INVALID_TOKEN,
            "Invalid access token.",
        )
        .into_response(),
        Some(Some(_)) => next.run(req).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Only bearer credentials with a token count.
    #[test]
    fn bearer_values() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("bearer  abc "), Some("abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer "), None);
        assert_eq!(bearer("abc"), None);
        assert!(same(b"abc", b"abc") && !same(b"abc", b"abd") && !same(b"abc", b"ab"));
    }
}
