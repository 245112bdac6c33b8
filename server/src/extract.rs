//! Request extractors whose every rejection is the API's JSON error (axum's own
//! `Json`/`Path` rejections answer plain text): [`JsonBody`] for request bodies,
//! [`JsonBytes`] for a JSON body kept as bytes (to fingerprint it) and [`PathId`] for
//! numeric path ids.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use crate::query::shorten;

/// A JSON request body deserialized with serde; malformed JSON, wrong types, a missing or
/// wrong `Content-Type` and an empty body are 400s whose message says what is wrong, and a
/// body over the limit is a 413 — all as JSON.
#[derive(Debug, Clone)]
pub struct JsonBody<T>(pub T);

/// The media type of a request's `Content-Type` without parameters, lowercased
/// (`application/json; charset=utf-8` → `application/json`).
pub fn content_type_essence(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(CONTENT_TYPE)?.to_str().ok()?;
    Some(
        value
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase(),
    )
}

fn is_json_content_type(headers: &HeaderMap) -> bool {
    let Some(essence) = content_type_essence(headers) else {
        return false;
    };
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Deserializes a JSON object body, turning every failure into a 400 with a precise
/// message. (The check for an object comes first because serde would also read a struct
/// from a JSON array.)
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        None => {
            return Err(ApiError::bad_request(
                "The request body is empty; expected a JSON object.",
            ));
        }
        Some(b'{') => {}
        Some(_) => {
            return Err(ApiError::bad_request(
                "The request body must be a JSON object ({ … }).",
            ));
        }
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_data() {
            if path == "." {
                ApiError::bad_request(format!("Wrong JSON type in the request body: {inner}."))
            } else {
                ApiError::bad_request(format!(
                    "Wrong JSON type for '{path}' in the request body: {inner}."
                ))
            }
        } else {
            ApiError::bad_request(format!("The request body is not valid JSON: {inner}."))
        }
    })?;
    de.end()
        .map_err(|e| ApiError::bad_request(format!("The request body is not valid JSON: {e}.")))?;
    Ok(value)
}

/// A request body sent as JSON (`Content-Type` checked, size limited), not parsed yet:
/// [`JsonBytes::parse`] reads it as [`JsonBody`] would.
#[derive(Debug, Clone)]
pub struct JsonBytes(pub Bytes);

impl JsonBytes {
    /// Deserializes the body (see [`parse_json`]).
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        parse_json(&self.0)
    }
}

impl<S: Send + Sync> FromRequest<S> for JsonBytes {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json_content_type(req.headers()) {
            return Err(ApiError::bad_request(
                "The request body must be JSON sent with 'Content-Type: application/json'.",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            let status = rejection.status();
            if status == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(status, "The request body is too large (at most 8 MiB).")
            } else {
                ApiError::new(
                    status,
                    format!(
                        "The request body could not be read: {}.",
                        rejection.body_text()
                    ),
                )
            }
        })?;
        Ok(JsonBytes(bytes))
    }
}

impl<S, T> FromRequest<S> for JsonBody<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        JsonBytes::from_request(req, state)
            .await?
            .parse()
            .map(JsonBody)
    }
}

/// The numeric id in a route's single path parameter (`{id}`); anything that is not an
/// integer is a JSON 400 naming the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathId(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|r| ApiError::bad_request(format!("Invalid path: {}.", r.body_text())))?;
        let Some((_, value)) = params.iter().next() else {
            return Err(ApiError::internal("route without an {id} parameter"));
        };
        value.parse::<i64>().map(PathId).map_err(|_| {
            ApiError::bad_request(format!(
                "The id in the path must be a whole number (got '{}').",
                shorten(value)
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CreateGroup;

    // Wrong types must name the offending field; syntax errors must say so.
    #[test]
    fn json_errors_are_precise() {
        let e = parse_json::<CreateGroup>(br#"{"name": 5}"#).unwrap_err();
        assert!(
            e.message.starts_with("Wrong JSON type for 'name'"),
            "{}",
            e.message
        );
        let e = parse_json::<CreateGroup>(br#"{"customer_ids": [1, "x"]}"#).unwrap_err();
        assert!(e.message.contains("'customer_ids[1]'"), "{}", e.message);
        let e = parse_json::<CreateGroup>(br#"{"name": "a""#).unwrap_err();
        assert!(
            e.message.starts_with("The request body is not valid JSON"),
            "{}",
            e.message
        );
        let e = parse_json::<CreateGroup>(br#"{"name": "a"} x"#).unwrap_err();
        assert!(
            e.message.starts_with("The request body is not valid JSON"),
            "{}",
            e.message
        );
        let e = parse_json::<CreateGroup>(b"[]").unwrap_err();
        assert!(e.message.contains("must be a JSON object"), "{}", e.message);
        let e = parse_json::<CreateGroup>(b"  ").unwrap_err();
        assert!(e.message.contains("empty"), "{}", e.message);
    }
}
