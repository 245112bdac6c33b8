//! Spryker's token endpoint as the dialect speaks it (spryker/oauth-backend-api
//! `TokenResourceController`): the OAuth form it sends — the password grant to sign a
//! Back Office user in, the refresh grant to renew — and the answers read back: `200
//! {"token_type", "expires_in", "access_token", "refresh_token"}` (`expires_in` a
//! string, as the transfer declares it, or a number), or `400 [{"message", "status",
//! "code"}]` (or the same entries under `errors`) with the OAuth error type as code.

use crate::api::ApiError;
use crate::api::http::{RawResponse, Secret};
use crate::api::session::Session;
use serde::{Deserialize, Deserializer};
use std::time::Duration;

/// The path of the endpoint, relative to the dialect's base.
pub const PATH: &str = "token";
/// The body's media type.
pub const FORM: &str = "application/x-www-form-urlencoded";
/// The OAuth error type of refused credentials or refresh tokens.
const INVALID_GRANT: &str = "invalid_grant";

/// The password grant for `username`/`password`, form-encoded.
pub fn password_grant(username: &str, password: &str) -> String {
    form(&[
        ("grant_type", "password"),
        ("username", username),
        ("password", password),
    ])
}

/// The refresh grant for `refresh_token`, form-encoded.
pub fn refresh_grant(refresh_token: &str) -> String {
    form(&[
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh_token),
    ])
}

/// `application/x-www-form-urlencoded` of `pairs` (the serializer of a URL's query).
fn form(pairs: &[(&str, &str)]) -> String {
    let mut url = reqwest::Url::parse("data:,").expect("a constant URL");
    url.query_pairs_mut().extend_pairs(pairs);
    url.query().unwrap_or_default().to_owned()
}

#[derive(Deserialize)]
struct Answer {
    access_token: String,
    #[serde(default)]
    refresh_token: Option<String>,
    #[serde(default, deserialize_with = "seconds")]
    expires_in: Option<u64>,
}

/// Seconds written as a number or as a string of digits.
fn seconds<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Number(u64),
        Text(String),
    }
    Ok(match Option::<Either>::deserialize(d)? {
        Some(Either::Number(n)) => Some(n),
        Some(Either::Text(t)) => t.trim().parse().ok(),
        None => None,
    })
}

#[derive(Deserialize)]
struct Refusal {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    message: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Refusals {
    Plain(Vec<Refusal>),
    Document { errors: Vec<Refusal> },
}

/// The session of a successful answer, or the refusal as an error: wrong credentials
/// or a spent refresh token are [`ApiError::Unauthorized`] with Spryker's sentence.
pub fn session(resp: RawResponse) -> Result<Session, ApiError> {
    if !resp.is_success() {
        return Err(refusal(&resp));
    }
    let a: Answer =
        serde_json::from_str(&resp.body).map_err(|e| ApiError::Decode(e.to_string()))?;
    Ok(Session {
        access_token: Secret::new(a.access_token),
        refresh_token: a.refresh_token.filter(|t| !t.is_empty()).map(Secret::new),
        expires_in: a.expires_in.map(Duration::from_secs),
    })
}

fn refusal(resp: &RawResponse) -> ApiError {
    let entries = match serde_json::from_str::<Refusals>(&resp.body) {
        Ok(Refusals::Plain(e) | Refusals::Document { errors: e }) => e,
        Err(_) => Vec::new(),
    };
    let message = entries
        .iter()
        .filter_map(|e| e.message.clone())
        .collect::<Vec<_>>()
        .join(" ");
    if entries
        .iter()
        .any(|e| e.code.as_deref() == Some(INVALID_GRANT))
    {
        return ApiError::Unauthorized(message);
    }
    ApiError::from_status(resp.status, message, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> RawResponse {
        RawResponse {
            status,
            body: body.to_owned(),
        }
    }

    #[test]
    fn grants_are_forms() {
        assert_eq!(
            password_grant("a+b@x.de", "p&q w"),
            "grant_type=password&username=a%2Bb%40x.de&password=p%26q+w"
        );
        assert_eq!(
            refresh_grant("r/1"),
            "grant_type=refresh_token&refresh_token=r%2F1"
        );
    }

    #[test]
    fn answers_and_refusals_are_read() {
        let s = session(resp(
            200,
            r#"{"token_type":"Bearer","expires_in":"28800","access_token":"a","refresh_token":"r"}"#,
        ))
        .unwrap();
        assert_eq!(s.access_token.expose(), "a");
        assert_eq!(s.refresh_token.unwrap().expose(), "r");
        assert_eq!(s.expires_in, Some(Duration::from_secs(28800)));
        let n = session(resp(200, r#"{"access_token":"a","expires_in":60}"#)).unwrap();
        assert_eq!(n.expires_in, Some(Duration::from_secs(60)));
        assert!(n.refresh_token.is_none());
        let wrong = r#"[{"message":"The user credentials were incorrect.","status":400,"code":"invalid_grant"}]"#;
        assert!(matches!(
            session(resp(400, wrong)),
            Err(ApiError::Unauthorized(m)) if m == "The user credentials were incorrect."
        ));
        let doc = r#"{"errors":[{"message":"x","status":400,"code":"invalid_grant"}]}"#;
        assert!(matches!(
            session(resp(400, doc)),
            Err(ApiError::Unauthorized(_))
        ));
        let other = r#"[{"message":"No.","status":400,"code":"unsupported_grant_type"}]"#;
        assert!(matches!(
            session(resp(400, other)),
            Err(ApiError::BadRequest(_))
        ));
        assert!(matches!(
            session(resp(500, "<html>")),
            Err(ApiError::Server { status: 500, .. })
        ));
    }
}
