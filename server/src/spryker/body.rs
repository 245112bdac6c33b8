//! Request bodies of the Spryker dialect: `{"data": {"type", "id"?, "attributes"?}}` sent
//! as `application/vnd.api+json` or `application/json`. Anything unreadable is a 400
//! without a code, "Post data is invalid." or "Invalid type." (413 when over the body
//! limit), as api-platform's JsonApiRequestValidatorSubscriber answers; attribute values
//! of the wrong JSON type are 422 [`codes::VIOLATION`]s ("name => This value should be
//! of type string."). Submitted strings are trimmed, list items too.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::extract::parse_json;
use crate::spryker::error::{ErrorObject, SprykerError, shorten};

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
        // JsonApiRequestValidatorSubscriber: not JSON, not an object, no `data`, no
        // `data.type`, attributes not an object: all "Post data is invalid.".
        let doc: RawDocument =
            parse_json(bytes).map_err(|_| SprykerError::bad_document("Post data is invalid."))?;
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
        // JsonApiRequestValidatorSubscriber: "Invalid type.", 400 without a code.
        Err(SprykerError::bad_document("Invalid type."))
    }

    /// 400 when `data.id` is sent and differs from `id` (the resource in the path).
    pub fn expect_id(&self, id: &str) -> Result<(), SprykerError> {
        match &self.id {
            Some(sent) if sent != id => Err(SprykerError::bad_document(format!(
                "'data.id' ('{}') does not match the id in the path ('{}').",
                shorten(sent),
                shorten(id)
            ))),
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
            Some(_) => Err(ErrorObject::violation(
                name,
                "This value should be of type string.",
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
            Some(_) => {
                return Err(vec![ErrorObject::violation(
                    name,
                    "This value should be of type array.",
                )]);
            }
        };
        let mut refs = Vec::with_capacity(items.len());
        let mut errors = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item {
                // Spryker trims every string a client submits
                // (WhitespaceTrimmingDeserializeProvider), the items of a list too.
                Value::String(s) => refs.push(s.trim().to_owned()),
                _ => errors.push(ErrorObject::violation(
                    &format!("{name}[{i}]"),
                    "This value should be of type string.",
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
            SprykerError::from(ErrorObject::uncoded(status, detail))
        })?;
        Self::parse(&bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spryker::error::codes;

    // Shape errors are 400 without a code, in Spryker's words; attribute types are read
    // exactly, and a wrong one is a violation naming the attribute; references trimmed.
    #[test]
    fn parses_documents() {
        let b = WriteBody::parse(
            br#"{"data":{"type":"customer-groups","attributes":{"name":"A","description":null,"customerReferences":[" DE--1 "]}}}"#,
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
        let e = b.expect_type("customers").unwrap_err();
        assert_eq!(
            (e.errors[0].code, e.errors[0].detail.as_str()),
            (None, "Invalid type.")
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
            assert_eq!(e.errors[0].code, None);
            assert_eq!(e.errors[0].detail, "Post data is invalid.");
        }
        let b = WriteBody::parse(
            br#"{"data":{"type":"x","attributes":{"name":5,"customerReferences":["a",1,null]}}}"#,
        )
        .unwrap();
        let e = b.string("name").unwrap_err();
        assert_eq!(
            (e.code, e.detail.as_str()),
            (
                Some(codes::VIOLATION),
                "name => This value should be of type string."
            )
        );
        let e = b.references("customerReferences").unwrap_err();
        let details: Vec<_> = e.iter().map(|e| e.detail.as_str()).collect();
        assert_eq!(
            details,
            [
                "customerReferences[1] => This value should be of type string.",
                "customerReferences[2] => This value should be of type string."
            ]
        );
    }
}
