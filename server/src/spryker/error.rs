//! JSON:API error documents of the Spryker dialect as Spryker renders them: `{"errors":
//! [{"code"?, "status", "detail", "message"?}]}` (no `source`, no `meta`) with
//! `Content-Type: application/vnd.api+json`, and the error [`codes`] (each with its
//! Spryker source in `docs/SPRYKER-COMPAT.md`).

use axum::http::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::spryker::media::MEDIA_TYPE;

/// The `code`s of the dialect's error objects, as Spryker's sources define them
/// (`docs/SPRYKER-COMPAT.md` names the file of each).
pub mod codes {
    /// 401: a bearer token that is not valid (api-platform `Security/OauthAuthenticator`).
    pub const INVALID_TOKEN: &str = "001";
    /// 404: no such endpoint (the Backend API's documented "Not found").
    pub const ROUTE_NOT_FOUND: &str = "007";
    /// 422: a constraint violation; `detail` is `"<field> => <message>"`
    /// (api-platform `TranslatingConstraintViolationListNormalizer`).
    pub const VIOLATION: &str = "901";
    /// 404: unknown customer reference (`GET /customers/{customerReference}`).
    pub const CUSTOMER_NOT_FOUND: &str = "1201";
    /// 400: `sort` names a field the endpoint cannot sort by.
    pub const INVALID_SORT: &str = "1203";
    /// 404: unknown customer group uuid.
    pub const GROUP_NOT_FOUND: &str = "1222";
    /// 422: the name is already used by another group (ignoring case).
    pub const NAME_TAKEN: &str = "1223";
    /// 422: a customer reference does not exist (one error object per reference).
    pub const UNKNOWN_CUSTOMER_REFERENCE: &str = "1224";
    /// 404: the customer is not a member of the group (or the reference is unknown).
    pub const NOT_A_MEMBER: &str = "1225";
}

/// One JSON:API error object, written as Spryker's renderers write it: `code` (a
/// string, left out when there is none), `status` (a number), `title` (authentication
/// only), `detail`, and `message`, a copy of `detail`, on the errors of a
/// `GlueApiException` (not on constraint violations nor on the firewall's answers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorObject {
    /// The HTTP status it stands for.
    pub status: StatusCode,
    /// One of [`codes`], or none (protocol errors: "Post data is invalid.").
    pub code: Option<&'static str>,
    /// `title` (only the firewall's 401 has one: "Unauthorized").
    pub title: Option<&'static str>,
    /// A specific, human-readable sentence.
    pub detail: String,
    /// Whether `message` repeats `detail`.
    pub message: bool,
}

impl ErrorObject {
    /// An application error (`GlueApiException`): code, status, detail and message.
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            status,
            code: Some(code),
            title: None,
            detail: detail.into(),
            message: true,
        }
    }

    /// A protocol error without a code (`GlueApiException` with an empty code).
    pub fn uncoded(status: StatusCode, detail: impl Into<String>) -> Self {
        Self {
            code: None,
            ..Self::new(status, "", detail)
        }
    }

    /// A constraint violation of `field`: 422 [`codes::VIOLATION`], `detail`
    /// `"<field> => <message>"`, no `message`.
    pub fn violation(field: &str, message: &str) -> Self {
        Self {
            message: false,
            ..Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                codes::VIOLATION,
                format!("{field} => {message}"),
            )
        }
    }

    /// The JSON of the object.
    pub fn to_json(&self) -> Value {
        let mut o = Map::new();
        if let Some(c) = self.code {
            o.insert("code".into(), json!(c));
        }
        o.insert("status".into(), json!(self.status.as_u16()));
        if let Some(t) = self.title {
            o.insert("title".into(), json!(t));
        }
        o.insert("detail".into(), json!(self.detail));
        if self.message {
            o.insert("message".into(), json!(self.detail));
        }
        Value::Object(o)
    }
}

/// A failed request: one or more error objects, answered with the first one's status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SprykerError {
    /// The error objects (never empty), all of the same status.
    pub errors: Vec<ErrorObject>,
}

impl SprykerError {
    /// A single-object error.
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        ErrorObject::new(status, code, detail).into()
    }

    /// 404 [`codes::GROUP_NOT_FOUND`] for `uuid`.
    pub fn group_not_found(uuid: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            codes::GROUP_NOT_FOUND,
            format!(
                "Customer group with uuid \"{}\" was not found.",
                shorten(uuid)
            ),
        )
    }

    /// A 400 without a code, as Spryker's request checks answer a body they cannot use:
    /// "Post data is invalid.", "Invalid type.".
    pub fn bad_document(detail: impl Into<String>) -> Self {
        ErrorObject::uncoded(StatusCode::BAD_REQUEST, detail).into()
    }

    /// `Err` with `errors` when there are any.
    pub fn fail_on(errors: Vec<ErrorObject>) -> Result<(), SprykerError> {
        if errors.is_empty() {
            Ok(())
        } else {
            Err(SprykerError { errors })
        }
    }

    /// The HTTP status of the answer.
    pub fn status(&self) -> StatusCode {
        self.errors
            .first()
            .map_or(StatusCode::INTERNAL_SERVER_ERROR, |e| e.status)
    }
}

impl From<ErrorObject> for SprykerError {
    fn from(e: ErrorObject) -> Self {
        Self { errors: vec![e] }
    }
}

/// The reference API's errors (from shared store code and body parsing) keep their status
/// and message, without a code (Spryker's framework errors have none).
impl From<ApiError> for SprykerError {
    fn from(e: ApiError) -> Self {
        ErrorObject::uncoded(e.status, e.message).into()
    }
}

impl From<rusqlite::Error> for SprykerError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::from(e).into()
    }
}

impl IntoResponse for SprykerError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            // Spryker in production: an HTML page, whatever went wrong.
            return (
                status,
                [(CONTENT_TYPE, "text/html; charset=UTF-8")],
                "<!DOCTYPE html><html><body><h1>Internal Server Error</h1></body></html>",
            )
                .into_response();
        }
        let body =
            json!({ "errors": self.errors.iter().map(ErrorObject::to_json).collect::<Vec<_>>() });
        let mut res = (status, body.to_string()).into_response();
        res.headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static(MEDIA_TYPE));
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut()
                .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

/// Cuts a client-supplied value to at most 40 characters for quoting in a detail.
pub(crate) fn shorten(v: &str) -> String {
    crate::query::shorten(v)
}
