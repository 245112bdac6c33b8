//! `POST /spryker/token`: a Back Office user signs in, or renews a session, as Spryker's
//! backend API answers it (spryker/oauth-backend-api `Controller/TokenResourceController`,
//! its two resources `OauthBackendTokenResource` and `OauthBackendApiTokenResource`, and
//! `Shared/.../oauth_backend_api.transfer.xml`). No bearer token is needed here.
//!
//! - An OAuth form (`application/x-www-form-urlencoded`, or the same fields as plain
//!   JSON, the snake-cased resource): `grant_type=password&username=…&password=…`, or
//!   `grant_type=refresh_token&refresh_token=…` → 200 `{"token_type": "Bearer",
//!   "expires_in": "<seconds>", "access_token", "refresh_token"}`; a refusal → 400
//!   `[{"message", "status": 400, "code"}]`.
//! - A JSON:API document (`application/vnd.api+json`): `{"data": {"type": "token",
//!   "attributes": {"grantType": "password", "username", "password"}}}` → 201
//!   `{"data": {"type": "token", "id": null, "attributes": {"tokenType", "expiresIn",
//!   "accessToken", "refreshToken"}}}`; a refusal → 400 `{"errors": [...]}`. Its
//!   attributes transfer has no refresh token, so only the password grant works here.
//!
//! The refusal's `code` is the OAuth error type and its `message` league/oauth2-server's
//! sentence (the library behind spryker/oauth): `invalid_grant` "The user credentials
//! were incorrect." or "The refresh token is invalid.", `unsupported_grant_type`,
//! `invalid_request` for a missing field. `expires_in` is a string, as the response
//! transfer declares it.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::spryker::error::SprykerError;
use crate::spryker::media::MEDIA_TYPE;
use crate::spryker::sessions::{Issued, SprykerAuth};

/// Why a token request is refused: the OAuth error type and its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    /// `invalid_grant`, `unsupported_grant_type` or `invalid_request`.
    pub code: &'static str,
    /// league/oauth2-server's message.
    pub message: &'static str,
}

/// Wrong user name or password.
pub const WRONG_CREDENTIALS: Refusal = Refusal {
    code: "invalid_grant",
    message: "The user credentials were incorrect.",
};
/// An unknown, used or expired refresh token.
pub const BAD_REFRESH_TOKEN: Refusal = Refusal {
    code: "invalid_grant",
    message: "The refresh token is invalid.",
};
/// A grant type other than `password` and `refresh_token`.
pub const UNSUPPORTED_GRANT: Refusal = Refusal {
    code: "unsupported_grant_type",
    message: "The authorization grant type is not supported by the authorization server.",
};
/// A required field is missing.
pub const MISSING_FIELD: Refusal = Refusal {
    code: "invalid_request",
    message: "The request is missing a required parameter, includes an invalid parameter \
              value, includes a parameter more than once, or is otherwise malformed.",
};

/// The fields of a token request, whichever way they came.
#[derive(Debug, Default, PartialEq, Eq)]
struct Grant {
    grant_type: Option<String>,
    username: Option<String>,
    password: Option<String>,
    refresh_token: Option<String>,
}

/// What `auth` answers to `grant`.
fn answer(auth: &SprykerAuth, grant: &Grant) -> Result<Issued, Refusal> {
    let field = |v: &Option<String>| v.clone().filter(|s| !s.is_empty()).ok_or(MISSING_FIELD);
    match grant.grant_type.as_deref() {
        None | Some("") => Err(MISSING_FIELD),
        Some("password") => {
            let (username, password) = (field(&grant.username)?, field(&grant.password)?);
            auth.sign_in(&username, &password).ok_or(WRONG_CREDENTIALS)
        }
        Some("refresh_token") => {
            let token = field(&grant.refresh_token)?;
            auth.refresh(&token).ok_or(BAD_REFRESH_TOKEN)
        }
        Some(_) => Err(UNSUPPORTED_GRANT),
    }
}

fn text(map: &Map<String, Value>, name: &str) -> Option<String> {
    map.get(name).and_then(Value::as_str).map(str::to_owned)
}

/// The OAuth form's fields (form-encoded or a JSON object).
fn form_grant(json: bool, body: &[u8]) -> Result<Grant, SprykerError> {
    if json {
        let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
            return Err(SprykerError::bad_document("Post data is invalid."));
        };
        return Ok(Grant {
            grant_type: text(&map, "grant_type"),
            username: text(&map, "username"),
            password: text(&map, "password"),
            refresh_token: text(&map, "refresh_token"),
        });
    }
    let mut grant = Grant::default();
    for (k, v) in form_urlencoded::parse(body) {
        let slot = match k.as_ref() {
            "grant_type" => &mut grant.grant_type,
            "username" => &mut grant.username,
            "password" => &mut grant.password,
            "refresh_token" => &mut grant.refresh_token,
            _ => continue,
        };
        *slot = Some(v.into_owned());
    }
    Ok(grant)
}

/// The JSON:API document's attributes (`type` must be `token`).
fn document_grant(body: &[u8]) -> Result<Grant, SprykerError> {
    let doc: Value = serde_json::from_slice(body)
        .map_err(|_| SprykerError::bad_document("Post data is invalid."))?;
    let data = doc
        .get("data")
        .and_then(Value::as_object)
        .ok_or_else(|| SprykerError::bad_document("Post data is invalid."))?;
    if data.get("type").and_then(Value::as_str) != Some("token") {
        return Err(SprykerError::bad_document("Invalid type."));
    }
    let attrs = data
        .get("attributes")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    Ok(Grant {
        grant_type: text(&attrs, "grantType"),
        username: text(&attrs, "username"),
        password: text(&attrs, "password"),
        refresh_token: None,
    })
}

fn json_response(status: StatusCode, content_type: &'static str, body: Value) -> Response {
    let mut res = (status, body.to_string()).into_response();
    res.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    res
}

/// `POST /spryker/token`.
pub async fn token(
    State(auth): State<SprykerAuth>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, SprykerError> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let jsonapi = content_type == MEDIA_TYPE;
    let grant = if jsonapi {
        document_grant(&body)?
    } else {
        form_grant(content_type == "application/json", &body)?
    };
    let status = StatusCode::BAD_REQUEST;
    Ok(match (answer(&auth, &grant), jsonapi) {
        (Ok(t), false) => json_response(
            StatusCode::OK,
            "application/json",
            json!({
                "token_type": "Bearer",
                "expires_in": t.expires_in.to_string(),
                "access_token": t.access_token,
                "refresh_token": t.refresh_token,
            }),
        ),
        (Ok(t), true) => json_response(
            StatusCode::CREATED,
            MEDIA_TYPE,
            json!({ "data": {
                "type": "token",
                "id": null,
                "attributes": {
                    "tokenType": "Bearer",
                    "expiresIn": t.expires_in.to_string(),
                    "accessToken": t.access_token,
                    "refreshToken": t.refresh_token,
                },
            }}),
        ),
        (Err(r), jsonapi) => {
            let error = json!({ "message": r.message, "status": 400, "code": r.code });
            if jsonapi {
                json_response(status, MEDIA_TYPE, json!({ "errors": [error] }))
            } else {
                json_response(status, "application/json", json!([error]))
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::Token;
    use std::time::Duration;

    fn auth() -> SprykerAuth {
        let user = "admin@spryker.com:change123".parse().unwrap();
        SprykerAuth::new(Token::new("fixed"), vec![user], Duration::from_secs(60))
    }

    #[test]
    fn grants_are_read_and_answered() {
        let a = auth();
        let g = form_grant(
            false,
            b"grant_type=password&username=admin%40spryker.com&password=change123",
        )
        .unwrap();
        let t = answer(&a, &g).unwrap();
        let r = form_grant(
            true,
            format!(
                r#"{{"grant_type":"refresh_token","refresh_token":"{}"}}"#,
                t.refresh_token
            )
            .as_bytes(),
        )
        .unwrap();
        assert!(answer(&a, &r).is_ok());
        assert_eq!(answer(&a, &r).unwrap_err(), BAD_REFRESH_TOKEN);
        let wrong = form_grant(
            false,
            b"grant_type=password&username=admin%40spryker.com&password=x",
        );
        assert_eq!(answer(&a, &wrong.unwrap()).unwrap_err(), WRONG_CREDENTIALS);
        let missing = form_grant(false, b"grant_type=password&username=a").unwrap();
        assert_eq!(answer(&a, &missing).unwrap_err(), MISSING_FIELD);
        let other = form_grant(false, b"grant_type=client_credentials").unwrap();
        assert_eq!(answer(&a, &other).unwrap_err(), UNSUPPORTED_GRANT);
        let doc = br#"{"data":{"type":"token","attributes":{"grantType":"password","username":"admin@spryker.com","password":"change123"}}}"#;
        assert!(answer(&a, &document_grant(doc).unwrap()).is_ok());
        assert!(document_grant(br#"{"data":{"type":"tokens"}}"#).is_err());
    }
}
