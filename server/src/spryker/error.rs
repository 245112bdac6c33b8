//! JSON:API error documents of the Spryker dialect: `{"errors": [{"status", "code",
//! "detail", "source"?, "meta"?}]}` with `Content-Type: application/vnd.api+json`, and the
//! error [`codes`] (documented in `docs/SPRYKER-COMPAT.md`).

use axum::http::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::spryker::media::MEDIA_TYPE;

/// The `code`s of the dialect's error objects.
pub mod codes {
    /// 401: no `Authorization: Bearer …` header.
    pub const MISSING_TOKEN: &str = "1001";
    /// 401: a bearer token that is not the server's.
    pub const INVALID_TOKEN: &str = "1002";
    /// 404: no such `/spryker/…` endpoint.
    pub const ROUTE_NOT_FOUND: &str = "1004";
    /// 405: the endpoint does not support the method.
    pub const METHOD_NOT_ALLOWED: &str = "1005";
    /// 400 (413 when too large): the request body is not a usable JSON:API document
    /// (content type, JSON syntax, shape, `data.type`, `data.id`).
    pub const BAD_DOCUMENT: &str = "1200";
    /// 404: unknown customer reference (`GET /customers/{customerReference}`).
    pub const CUSTOMER_NOT_FOUND: &str = "1201";
    /// 400: `sort` names a field the endpoint cannot sort by.
    pub const INVALID_SORT: &str = "1203";
    /// 400: another query parameter (`page[offset]`, `page[limit]`, a boolean filter) or a
    /// path segment is invalid.
    pub const INVALID_PARAMETER: &str = "1204";
    /// 422: an attribute fails validation (see `source.pointer`).
    pub const VALIDATION: &str = "1221";
    /// 404: unknown customer group uuid.
    pub const GROUP_NOT_FOUND: &str = "1222";
    /// 422: the name is already used by another group (ignoring case).
    pub const NAME_TAKEN: &str = "1223";
    /// 422: a customer reference does not exist (one error object per reference).
    pub const UNKNOWN_CUSTOMER_REFERENCE: &str = "1224";
    /// 404: the customer is not a member of the group (or the reference is unknown).
    pub const NOT_A_MEMBER: &str = "1225";
    /// 500: the server failed.
    pub const INTERNAL: &str = "1500";
}

/// One JSON:API error object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorObject {
    /// The HTTP status it stands for.
    pub status: StatusCode,
    /// One of [`codes`].
    pub code: &'static str,
    /// A specific, human-readable sentence.
    pub detail: String,
    /// `source.pointer`: the JSON pointer of the offending request body member.
    pub pointer: Option<String>,
    /// `source.parameter`: the offending query parameter.
    pub parameter: Option<String>,
    /// `meta`: machine-readable extras (e.g. `customerReference`); boxed to keep results
    /// small.
    pub meta: Option<Box<Map<String, Value>>>,
}

impl ErrorObject {
    /// An error object without source or meta.
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            status,
            code,
            detail: detail.into(),
            pointer: None,
            parameter: None,
            meta: None,
        }
    }

    /// A 422 [`codes::VALIDATION`] error pointing at `pointer` (e.g. `/data/attributes/name`).
    pub fn invalid(pointer: impl Into<String>, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, codes::VALIDATION, detail).at(pointer)
    }

    /// Sets `source.pointer`.
    pub fn at(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = Some(pointer.into());
        self
    }

    /// Sets `source.parameter`.
    pub fn parameter(mut self, name: impl Into<String>) -> Self {
        self.parameter = Some(name.into());
        self
    }

    /// Adds `meta.{key} = value`.
    pub fn meta(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.meta
            .get_or_insert_with(Default::default)
            .insert(key.to_string(), value.into());
        self
    }

    /// The JSON of the object.
    pub fn to_json(&self) -> Value {
        let mut o = Map::new();
        o.insert("status".into(), json!(self.status.as_str()));
        o.insert("code".into(), json!(self.code));
        o.insert("detail".into(), json!(self.detail));
        let mut source = Map::new();
        if let Some(p) = &self.pointer {
            source.insert("pointer".into(), json!(p));
        }
        if let Some(p) = &self.parameter {
            source.insert("parameter".into(), json!(p));
        }
        if !source.is_empty() {
            o.insert("source".into(), Value::Object(source));
        }
        if let Some(m) = &self.meta {
            o.insert("meta".into(), Value::Object((**m).clone()));
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
            format!("Customer group '{}' was not found.", shorten(uuid)),
        )
    }

    /// 400 [`codes::BAD_DOCUMENT`].
    pub fn bad_document(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, codes::BAD_DOCUMENT, detail)
    }

    /// 400 [`codes::INVALID_PARAMETER`] naming the query parameter `name`.
    pub fn bad_parameter(name: &str, detail: impl Into<String>) -> Self {
        ErrorObject::new(StatusCode::BAD_REQUEST, codes::INVALID_PARAMETER, detail)
            .parameter(name)
            .into()
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
/// and message; the code follows from the status.
impl From<ApiError> for SprykerError {
    fn from(e: ApiError) -> Self {
        let code = match e.status.as_u16() {
            400 | 413 | 415 => codes::BAD_DOCUMENT,
            404 => codes::ROUTE_NOT_FOUND,
            405 => codes::METHOD_NOT_ALLOWED,
            422 => codes::VALIDATION,
            _ => codes::INTERNAL,
        };
        Self::new(e.status, code, e.message)
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
        let body =
            json!({ "errors": self.errors.iter().map(ErrorObject::to_json).collect::<Vec<_>>() });
        let mut res = (status, body.to_string()).into_response();
        res.headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static(MEDIA_TYPE));
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"spryker\""),
            );
        }
        res
    }
}

/// Cuts a client-supplied value to at most 40 characters for quoting in a detail.
pub(crate) fn shorten(v: &str) -> String {
    crate::query::shorten(v)
}
