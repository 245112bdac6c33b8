//! The API error type: every failure leaves the server as JSON
//! `{ "message": "…", "code": "…", "fields": { … }, "field_codes": { … }, "current": { … } }`
//! with the matching HTTP status. `message` is a human-readable sentence, `code` a
//! machine-readable one ([`codes`]); `fields` (messages) and `field_codes` (codes) only
//! on 422, keyed by request field, with `field_params` for the fields whose sentence
//! has parameters (`max`; `code_point` and `position`), so a client can say it in its
//! own language; `current` (the group as it is now) only on a 412
//! version mismatch, which also carries the group's `ETag`. A 401 carries
//! `WWW-Authenticate: Bearer`.

use std::collections::BTreeMap;
use std::fmt;

use axum::Json;
use axum::http::header::{ETAG, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::model::Group;

/// The machine-readable error codes of the API (`code` of the error body).
pub mod codes {
    /// 400: the request is malformed (bad JSON, parameter, header or id).
    pub const BAD_REQUEST: &str = "bad_request";
    /// 401: no or a wrong bearer token.
    pub const UNAUTHORIZED: &str = "unauthorized";
    /// 404: no such group, customer or endpoint.
    pub const NOT_FOUND: &str = "not_found";
    /// 405: the path exists, the method does not.
    pub const METHOD_NOT_ALLOWED: &str = "method_not_allowed";
    /// 412: `If-Match` names another version than the group's current one.
    pub const VERSION_MISMATCH: &str = "version_mismatch";
    /// 413: the body is over the size limit, or a lookup lists too many keys.
    pub const PAYLOAD_TOO_LARGE: &str = "payload_too_large";
    /// 422: one or more fields are invalid (see `fields` and `field_codes`).
    pub const INVALID_FIELDS: &str = "invalid_fields";
    /// 422: a PATCH that sends neither `name` nor `description`.
    pub const NOTHING_TO_CHANGE: &str = "nothing_to_change";
    /// 422: the id lists of one request hold more ids than the cap.
    pub const TOO_MANY_IDS: &str = "too_many_ids";
    /// 400: an `Idempotency-Key` that is empty, too long or not printable ASCII.
    pub const INVALID_IDEMPOTENCY_KEY: &str = "invalid_idempotency_key";
    /// 422: an `Idempotency-Key` already used with another request body.
    pub const IDEMPOTENCY_KEY_REUSED: &str = "idempotency_key_reused";
    /// 428: a write on an existing group without `If-Match`.
    pub const PRECONDITION_REQUIRED: &str = "precondition_required";
    /// 500: the server failed.
    pub const INTERNAL: &str = "internal";
    /// Any other status.
    pub const ERROR: &str = "error";
}

/// The machine-readable codes of one field (`field_codes` of a 422).
pub mod field_codes {
    /// A name that is empty after trimming.
    pub const REQUIRED: &str = "required";
    /// More characters than allowed.
    pub const TOO_LONG: &str = "too_long";
    /// An invisible or control character.
    pub const INVALID_CHARACTER: &str = "invalid_character";
    /// The name of another group (ignoring case).
    pub const TAKEN: &str = "taken";
    /// Customer ids that name no customer.
    pub const UNKNOWN_IDS: &str = "unknown_ids";
}

/// One invalid field of a request: its key, machine-readable code and sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The request field (`name`, `description`, `customer_ids`, `assign`, `emails`).
    pub field: String,
    /// The machine-readable reason ([`field_codes`]).
    pub code: &'static str,
    /// The English sentence, without a final period.
    pub message: String,
    /// The values the sentence names (`max`, `code_point`, `position`), for a client
    /// that words it itself.
    pub params: FieldParams,
}

/// The parameters of one field's sentence, by name.
pub type FieldParams = BTreeMap<&'static str, serde_json::Value>;

impl FieldError {
    /// A field error.
    pub fn new(field: &str, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_string(),
            code,
            message: message.into(),
            params: FieldParams::new(),
        }
    }

    /// The same error with the parameters of its sentence.
    pub fn with_params(mut self, params: FieldParams) -> Self {
        self.params = params;
        self
    }
}

/// An error answered to the client: status, code, a human-readable sentence and, for
/// 422, per-field messages and codes keyed by request field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The machine-readable code ([`codes`]).
    pub code: &'static str,
    /// A human-readable sentence.
    pub message: String,
    /// What is wrong with each field (only for 422 `invalid_fields`; boxed, so the
    /// error every handler returns stays small).
    pub fields: Option<Box<InvalidFields>>,
    /// The group as it is now (only for 412 version mismatch).
    pub current: Option<Box<Group>>,
}

/// The fields of a 422 `invalid_fields`, keyed by request field name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InvalidFields {
    /// The English sentence of each field (`fields`).
    pub messages: BTreeMap<String, String>,
    /// The machine-readable reason of each field (`field_codes`).
    pub codes: BTreeMap<String, String>,
    /// The values named by the sentences that name any (`field_params`).
    pub params: BTreeMap<String, FieldParams>,
}

/// The JSON body of an error response.
#[derive(Debug, Serialize)]
pub struct ErrorBody<'a> {
    /// A human-readable sentence.
    pub message: &'a str,
    /// The machine-readable code.
    pub code: &'a str,
    /// Field messages, present only on 422.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<&'a BTreeMap<String, String>>,
    /// Field codes, present only on 422 with field messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field_codes: Option<&'a BTreeMap<String, String>>,
    /// The parameters of field sentences, present only on 422 when a sentence has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field_params: Option<&'a BTreeMap<String, FieldParams>>,
    /// The group as it is now, present only on 412.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<&'a Group>,
}

/// The default code of a status.
fn code_of(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => codes::BAD_REQUEST,
        401 => codes::UNAUTHORIZED,
        404 => codes::NOT_FOUND,
        405 => codes::METHOD_NOT_ALLOWED,
        412 => codes::VERSION_MISMATCH,
        413 => codes::PAYLOAD_TOO_LARGE,
        422 => codes::INVALID_FIELDS,
        428 => codes::PRECONDITION_REQUIRED,
        500 => codes::INTERNAL,
        _ => codes::ERROR,
    }
}

impl ApiError {
    /// An error with the given status, its default code and message (no field messages).
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            code: code_of(status),
            message: message.into(),
            fields: None,
            current: None,
        }
    }

    /// The same error with another machine-readable code.
    pub fn with_code(mut self, code: &'static str) -> Self {
        self.code = code;
        self
    }

    /// 400 Bad Request.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    /// 401 Unauthorized (answered with `WWW-Authenticate: Bearer`).
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, message)
    }

    /// 404 Not Found.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    /// 404 for a customer group id: "Customer group 42 was not found."
    pub fn group_not_found(id: i64) -> Self {
        Self::not_found(format!("Customer group {id} was not found."))
    }

    /// 404 for a customer id: "Customer 42 was not found."
    pub fn customer_not_found(id: i64) -> Self {
        Self::not_found(format!("Customer {id} was not found."))
    }

    /// 422 Unprocessable Entity with a code but no field messages.
    pub fn unprocessable(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, message).with_code(code)
    }

    /// 422 Unprocessable Entity with field messages and codes; the overall message joins
    /// the field messages as sentences, in the given order.
    pub fn invalid_fields(fields: Vec<FieldError>) -> Self {
        let message = fields
            .iter()
            .map(|f| format!("{}.", f.message))
            .collect::<Vec<_>>()
            .join(" ");
        let mut error = Self::new(StatusCode::UNPROCESSABLE_ENTITY, message);
        let mut invalid = InvalidFields::default();
        for f in fields {
            invalid.codes.insert(f.field.clone(), f.code.to_string());
            if !f.params.is_empty() {
                invalid.params.insert(f.field.clone(), f.params);
            }
            invalid.messages.insert(f.field, f.message);
        }
        error.fields = Some(Box::new(invalid));
        error
    }

    /// 428 Precondition Required: a write on an existing group without `If-Match`.
    pub fn precondition_required() -> Self {
        Self::new(
            StatusCode::PRECONDITION_REQUIRED,
            "This write needs an 'If-Match' header with the group's version (its ETag), \
             or 'If-Match: *' to write whatever the version.",
        )
    }

    /// 412 Precondition Failed: `If-Match` does not name the group's version; carries
    /// the group as it is now.
    pub fn version_mismatch(current: Group) -> Self {
        let mut error = Self::new(
            StatusCode::PRECONDITION_FAILED,
            format!(
                "Customer group {} was changed meanwhile (it is at version {}); \
                 reload it and apply the change again.",
                current.id, current.version
            ),
        );
        error.current = Some(Box::new(current));
        error
    }

    /// 500 Internal Server Error; the cause is logged, the client sees a generic sentence.
    pub fn internal(cause: impl fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "The server failed to handle the request.",
        )
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.message)
    }
}

impl std::error::Error for ApiError {}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        Self::internal(format!("database: {e}"))
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(e: tokio::task::JoinError) -> Self {
        Self::internal(format!("database task: {e}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            message: &self.message,
            code: self.code,
            fields: self.fields.as_deref().map(|f| &f.messages),
            field_codes: self.fields.as_deref().map(|f| &f.codes),
            field_params: self
                .fields
                .as_deref()
                .map(|f| &f.params)
                .filter(|p| !p.is_empty()),
            current: self.current.as_deref(),
        };
        let mut res = (self.status, Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            res.headers_mut()
                .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let Some(group) = &self.current {
            res.headers_mut()
                .insert(ETAG, crate::etag::etag(group.version));
        }
        res
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The 422 message must read as sentences built from the field messages, and every
    // field has its code under the same key.
    #[test]
    fn invalid_fields_message_joins_fields() {
        let e = ApiError::invalid_fields(vec![
            FieldError::new("name", field_codes::REQUIRED, "Name is required"),
            FieldError::new(
                "description",
                field_codes::TOO_LONG,
                "Description must be at most 255 characters",
            ),
        ]);
        assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e.code, codes::INVALID_FIELDS);
        assert_eq!(
            e.message,
            "Name is required. Description must be at most 255 characters."
        );
        let fields = e.fields.unwrap();
        assert_eq!(fields.messages.len(), 2);
        assert_eq!(fields.codes["name"], "required");
        assert_eq!(fields.codes["description"], "too_long");
    }

    // Every status has its default code; `with_code` replaces it.
    #[test]
    fn default_codes() {
        assert_eq!(ApiError::group_not_found(1).code, "not_found");
        assert_eq!(ApiError::bad_request("x").code, "bad_request");
        assert_eq!(ApiError::unauthorized("x").code, "unauthorized");
        assert_eq!(
            ApiError::precondition_required().code,
            "precondition_required"
        );
        let e = ApiError::unprocessable(codes::TOO_MANY_IDS, "x");
        assert_eq!((e.status.as_u16(), e.code), (422, "too_many_ids"));
        assert!(e.fields.is_none());
    }
}
