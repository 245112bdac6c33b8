//! Group versions on the wire. Every group has a `version` (1 at creation, one more
//! for every write that changes it or its members); single-group answers carry it as a
//! strong `ETag: "<version>"`, and writes on an existing group must send it back in
//! `If-Match` ([`IfMatch`]): `"7"`, `7`, `W/"7"` (compared as the version number) or `*`
//! (any version). Missing → 428 `precondition_required`; another version → 412
//! `version_mismatch` with the group as it is now. The check runs inside the write's
//! transaction, after the 404 for a missing group.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::header::IF_MATCH;
use axum::http::request::Parts;

use crate::error::ApiError;
use crate::model::Group;

/// What a request's `If-Match` asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IfMatch {
    /// No `If-Match` header (or only empty ones).
    Missing,
    /// `If-Match: *`: any version.
    Any,
    /// The listed entity tags, each read as a version number (`None`: not a number, so it
    /// matches no version).
    Versions(Vec<Option<i64>>),
}

/// One entity tag as a version: `"7"`, `7` or `W/"7"` → 7.
fn tag_version(tag: &str) -> Option<i64> {
    let tag = tag.trim();
    let tag = tag.strip_prefix("W/").unwrap_or(tag);
    let tag = tag
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(tag);
    if tag.is_empty() || !tag.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    tag.parse().ok()
}

impl IfMatch {
    /// Reads every `If-Match` header (comma-separated lists included).
    pub fn from_headers(headers: &HeaderMap) -> Self {
        let mut versions = Vec::new();
        for value in headers.get_all(IF_MATCH) {
            let Ok(text) = value.to_str() else {
                versions.push(None);
                continue;
            };
            for tag in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                if tag == "*" {
                    return IfMatch::Any;
                }
                versions.push(tag_version(tag));
            }
        }
        if versions.is_empty() {
            IfMatch::Missing
        } else {
            IfMatch::Versions(versions)
        }
    }

    /// `Ok` when the precondition holds for `current`; 428 when it is missing, 412 with
    /// `current` when it names another version.
    pub fn check(&self, current: &Group) -> Result<(), ApiError> {
        match self {
            IfMatch::Missing => Err(ApiError::precondition_required()),
            IfMatch::Any => Ok(()),
            IfMatch::Versions(v) if v.contains(&Some(current.version)) => Ok(()),
            IfMatch::Versions(_) => Err(ApiError::version_mismatch(current.clone())),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(IfMatch::from_headers(&parts.headers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn if_match(values: &[&str]) -> IfMatch {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append(IF_MATCH, HeaderValue::from_str(v).unwrap());
        }
        IfMatch::from_headers(&headers)
    }

    fn group(version: i64) -> Group {
        Group {
            id: 1,
            uuid: String::new(),
            name: "VIP".into(),
            description: String::new(),
            created_at: String::new(),
            updated_at: String::new(),
            customer_count: 0,
            version,
        }
    }

    // Quoted, bare and weak tags name a version; `*` is any; lists and repeated headers
    // are read; what is not a number matches nothing.
    #[test]
    fn reads_if_match() {
        assert_eq!(if_match(&[]), IfMatch::Missing);
        assert_eq!(if_match(&[" "]), IfMatch::Missing);
        assert_eq!(if_match(&["*"]), IfMatch::Any);
        assert_eq!(if_match(&["\"3\""]), IfMatch::Versions(vec![Some(3)]));
        assert_eq!(if_match(&["3"]), IfMatch::Versions(vec![Some(3)]));
        assert_eq!(if_match(&["W/\"3\""]), IfMatch::Versions(vec![Some(3)]));
        assert_eq!(
            if_match(&["\"1\", \"x\"", "\"-2\""]),
            IfMatch::Versions(vec![Some(1), None, None])
        );
    }

    // Missing is 428, a match passes, another version is 412 carrying the group.
    #[test]
    fn checks_against_the_current_version() {
        let g = group(4);
        assert_eq!(if_match(&[]).check(&g).unwrap_err().status.as_u16(), 428);
        assert!(if_match(&["*"]).check(&g).is_ok());
        assert!(if_match(&["\"2\", \"4\""]).check(&g).is_ok());
        let e = if_match(&["\"3\""]).check(&g).unwrap_err();
        assert_eq!((e.status.as_u16(), e.code), (412, "version_mismatch"));
        assert_eq!(e.current.unwrap().version, 4);
    }
}
