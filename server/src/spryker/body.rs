//! Request bodies of the Spryker dialect: `{"data": {"type", "id"?, "attributes"?}}` sent
//! as `application/vnd.api+json` or `application/json`. Anything unreadable is a 400
//! [`codes::BAD_DOCUMENT`] (413 when over the body limit); attribute values of the wrong
//! JSON type are 422 [`codes::VALIDATION`] errors pointing at the attribute.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::extract::parse_json;
use crate::spryker::error::{ErrorObject, SprykerError, codes, shorten};

/// The `data` of a write request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WriteBody {
    /// `data.type`.
    pub kind: String,
    /// `data.id`, when sent.
    pub id: Option<String>,
    /// `data.attributes` (empty when absent or `null`).
    pub attributes: Map<String, Value>,
}

#[derive(Deserialize)]
struct RawDocument {
    data: RawData,
}

#[derive(Deserialize)]
struct RawData {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    attributes: Option<Map<String, Value>>,
}

/// The JSON pointer of attribute `name`.
pub fn pointer(name: &str) -> String {
    format!("/data/attributes/{name}")
}

fn accepted_content_type(headers: &HeaderMap) -> bool {
    let essence = crate::extract::content_type_essence(headers);
    matches!(
        essence.as_deref(),
        Some("application/vnd.api+json" | "application/json")
    )
}

impl WriteBody {
    /// Parses a JSON:API write document.
    pub fn parse(bytes: &[u8]) -> Result<Self, SprykerError> {
        let doc: RawDocument = parse_json(bytes).map_err(|e| SprykerError::bad_document(
            format!("{} Expected a JSON:API document {{\"data\": {{\"type\": …, \"attributes\": {{…}}}}}}.", e.message),
        ))?;
        Ok(Self {
            kind: doc.data.kind,
            id: doc.data.id,
            attributes: doc.data.attributes.unwrap_or_default(),
        })
    }

    /// 400 unless `data.type` is `kind`.
    pub fn expect_type(&self, kind: &str) -> Result<(), SprykerError> {
        if self.kind == kind {
            return Ok(());
        }
        Err(ErrorObject::new(
            StatusCode::BAD_REQUEST,
            codes::BAD_DOCUMENT,
            format!(
                "'data.type' must be '{kind}' (got '{}').",
                shorten(&self.kind)
            ),
        )
        .at("/data/type")
        .into())
    }

    /// 400 when `data.id` is sent and differs from `id` (the resource in the path).
    pub fn expect_id(&self, id: &str) -> Result<(), SprykerError> {
        match &self.id {
            Some(sent) if sent != id => Err(ErrorObject::new(
                StatusCode::BAD_REQUEST,
                codes::BAD_DOCUMENT,
                format!(
                    "'data.id' ('{}') does not match the id in the path ('{}').",
                    shorten(sent),
                    shorten(id)
                ),
            )
            .at("/data/id")
            .into()),
            _ => Ok(()),
        }
    }

    /// A string attribute: `None` when absent, `Some(None)` when `null`, else the text;
    /// another JSON type is an error pointing at it.
    pub fn string(&self, name: &str) -> Result<Option<Option<String>>, ErrorObject> {
        match self.attributes.get(name) {
            None => Ok(None),
            Some(Value::Null) => Ok(Some(None)),
            Some(Value::String(s)) => Ok(Some(Some(s.clone()))),
            Some(other) => Err(ErrorObject::invalid(
                pointer(name),
                format!(
                    "'{name}' must be a string or null (got {}).",
                    json_type(other)
                ),
            )),
        }
    }

    /// A list of customer references: `None` when absent, `Some(None)` when `null`, else
    /// the strings; anything else is one error per offending member.
    pub fn references(&self, name: &str) -> Result<Option<Option<Vec<String>>>, Vec<ErrorObject>> {
        let items = match self.attributes.get(name) {
            None => return Ok(None),
            Some(Value::Null) => return Ok(Some(None)),
            Some(Value::Array(items)) => items,
            Some(other) => {
                return Err(vec![ErrorObject::invalid(
                    pointer(name),
                    format!(
                        "'{name}' must be an array of customer references (got {}).",
                        json_type(other)
                    ),
                )]);
            }
        };
        let mut refs = Vec::with_capacity(items.len());
        let mut errors = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::String(s) => refs.push(s.clone()),
                other => errors.push(ErrorObject::invalid(
                    format!("{}/{i}", pointer(name)),
                    format!(
                        "'{name}[{i}]' must be a customer reference string (got {}).",
                        json_type(other)
                    ),
                )),
            }
        }
        if errors.is_empty() {
            Ok(Some(Some(refs)))
        } else {
            Err(errors)
        }
    }
}

/// The JSON type of a value, for messages.
fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl<S: Send + Sync> FromRequest<S> for WriteBody {
    type Rejection = SprykerError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !accepted_content_type(req.headers()) {
            return Err(SprykerError::bad_document(
                "The request body must be a JSON:API document sent with 'Content-Type: application/vnd.api+json' (or application/json).",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            let status = rejection.status();
            let detail = if status == StatusCode::PAYLOAD_TOO_LARGE {
                "The request body is too large (at most 8 MiB).".to_string()
            } else {
                format!(
                    "The request body could not be read: {}.",
                    rejection.body_text()
                )
            };
            SprykerError::new(status, codes::BAD_DOCUMENT, detail)
        })?;
        Self::parse(&bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Shape errors are 400 with a precise detail; attribute types are read exactly.
    #[test]
    fn parses_documents() {
        let b = WriteBody::parse(
            br#"{"data":{"type":"customer-groups","attributes":{"name":"A","description":null,"customerReferences":["DE--1"]}}}"#,
        )
        .unwrap();
        assert_eq!(b.string("name").unwrap(), Some(Some("A".into())));
        assert_eq!(b.string("description").unwrap(), Some(None));
        assert_eq!(b.string("other").unwrap(), None);
        assert_eq!(
            b.references("customerReferences").unwrap(),
            Some(Some(vec!["DE--1".to_string()]))
        );
        assert!(b.expect_type("customer-groups").is_ok());
        assert_eq!(
            b.expect_type("customers").unwrap_err().errors[0]
                .pointer
                .as_deref(),
            Some("/data/type")
        );
        for bad in [
            &b"{"[..],
            b"[]",
            b"{}",
            br#"{"data":{"attributes":{}}}"#,
            b"",
        ] {
            let e = WriteBody::parse(bad).unwrap_err();
            assert_eq!(e.status(), StatusCode::BAD_REQUEST);
            assert_eq!(e.errors[0].code, codes::BAD_DOCUMENT);
        }
        let b = WriteBody::parse(
            br#"{"data":{"type":"x","attributes":{"name":5,"customerReferences":["a",1,null]}}}"#,
        )
        .unwrap();
        assert_eq!(
            b.string("name").unwrap_err().pointer.as_deref(),
            Some("/data/attributes/name")
        );
        let e = b.references("customerReferences").unwrap_err();
        let pointers: Vec<_> = e.iter().map(|e| e.pointer.clone().unwrap()).collect();
        assert_eq!(
            pointers,
            [
                "/data/attributes/customerReferences/1",
                "/data/attributes/customerReferences/2"
            ]
        );
    }
}
