//! The API error type: every failure leaves the server as JSON
//! `{ "message": "…", "fields": { … } }` with the matching HTTP status
//! (`fields` only on 422).

use std::collections::BTreeMap;
use std::fmt;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An error answered to the client: status, a human-readable sentence and, for 422,
/// per-field messages keyed by request field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// A human-readable sentence.
    pub message: String,
    /// Field messages (only for 422 Unprocessable Entity).
    pub fields: Option<BTreeMap<String, String>>,
}

/// The JSON body of an error response.
#[derive(Debug, Serialize)]
pub struct ErrorBody<'a> {
    /// A human-readable sentence.
    pub message: &'a str,
    /// Field messages, present only on 422.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<&'a BTreeMap<String, String>>,
}

impl ApiError {
    /// An error with the given status and message (no field messages).
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
            fields: None,
        }
    }

    /// 400 Bad Request.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
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

    /// 422 Unprocessable Entity with field messages (`(field, message)` pairs); the overall
    /// message joins the field messages as sentences, in the given order.
    pub fn invalid_fields(fields: Vec<(String, String)>) -> Self {
        let message = fields
            .iter()
            .map(|(_, m)| format!("{m}."))
            .collect::<Vec<_>>()
            .join(" ");
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message,
            fields: Some(fields.into_iter().collect()),
        }
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
            fields: self.fields.as_ref(),
        };
        (self.status, Json(body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The 422 message must read as sentences built from the field messages.
    #[test]
    fn invalid_fields_message_joins_fields() {
        let e = ApiError::invalid_fields(vec![
            ("name".to_string(), "Name is required".to_string()),
            (
                "description".to_string(),
                "Description must be at most 255 characters".to_string(),
            ),
        ]);
        assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            e.message,
            "Name is required. Description must be at most 255 characters."
        );
        assert_eq!(e.fields.unwrap().len(), 2);
    }
}
