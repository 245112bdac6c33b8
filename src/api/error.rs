//! Every way a backend call can fail, as one `Clone` type that keeps the cause, and the
//! single place where an HTTP status becomes an error.

use crate::i18n;

/// A failed backend call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, refused, CORS).
    Network(String),
    /// No answer within the configured time.
    Timeout,
    /// 400: the request was malformed; the server's message.
    BadRequest(String),
    /// 401: not signed in or the session expired.
    Unauthorized(String),
    /// 403: signed in but not allowed.
    Forbidden(String),
    /// 404: the thing is gone.
    NotFound(String),
    /// 409: a conflicting change (e.g. edited elsewhere).
    Conflict(String),
    /// 422: some fields are invalid; `(field, message)` pairs.
    Validation {
        /// The server's summary.
        message: String,
        /// Per-field messages, keyed by the app's field names (`name`, `description`, …).
        fields: Vec<(String, String)>,
    },
    /// 5xx or another unexpected status.
    Server {
        /// HTTP status.
        status: u16,
        /// The server's message, if any.
        message: String,
    },
    /// The answer was not what the dialect expects.
    Decode(String),
    /// The app's configuration is unusable (e.g. a bad API base URL).
    Config(String),
}

impl ApiError {
    /// Maps an HTTP status and the server's message and field errors to an error.
    /// Every dialect calls this after parsing its own error body.
    pub fn from_status(status: u16, message: String, fields: Vec<(String, String)>) -> ApiError {
        match status {
            400 => ApiError::BadRequest(message),
            401 => ApiError::Unauthorized(message),
            403 => ApiError::Forbidden(message),
            404 | 410 => ApiError::NotFound(message),
            409 => ApiError::Conflict(message),
            422 => ApiError::Validation { message, fields },
            _ => ApiError::Server { status, message },
        }
    }

    /// The message for the given field of a 422, if any.
    pub fn field(&self, name: &str) -> Option<&str> {
        match self {
            ApiError::Validation { fields, .. } => fields
                .iter()
                .find(|(f, _)| f == name)
                .map(|(_, m)| m.as_str()),
            _ => None,
        }
    }

    /// Whether trying the same call again may help.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ApiError::Network(_) | ApiError::Timeout | ApiError::Server { .. }
        )
    }

    /// What happened and what to do, for people.
    pub fn user_message(&self) -> String {
        let t = i18n::texts();
        let with = |base: &str, detail: &str| {
            if detail.is_empty() {
                base.to_owned()
            } else {
                format!("{base} ({detail})")
            }
        };
        match self {
            ApiError::Network(d) => with(t.err_network, d),
            ApiError::Timeout => t.err_timeout.to_owned(),
            ApiError::BadRequest(d) => with(t.err_bad_request, d),
            ApiError::Unauthorized(_) => t.err_unauthorized.to_owned(),
            ApiError::Forbidden(_) => t.err_forbidden.to_owned(),
            ApiError::NotFound(d) => {
                if d.is_empty() {
                    t.err_not_found.to_owned()
                } else {
                    d.clone()
                }
            }
            ApiError::Conflict(d) => with(t.err_conflict, d),
            ApiError::Validation { message, .. } => with(t.err_validation, message),
            ApiError::Server { status, message } => {
                with(&format!("{} (HTTP {status})", t.err_server), message)
            }
            ApiError::Decode(d) => with(t.err_decode, d),
            ApiError::Config(d) => with(t.err_config, d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // One mapping for every status the spec names; nothing falls through silently.
    #[test]
    fn maps_each_status() {
        let m = || "m".to_owned();
        assert_eq!(
            ApiError::from_status(400, m(), vec![]),
            ApiError::BadRequest(m())
        );
        assert_eq!(
            ApiError::from_status(401, m(), vec![]),
            ApiError::Unauthorized(m())
        );
        assert_eq!(
            ApiError::from_status(403, m(), vec![]),
            ApiError::Forbidden(m())
        );
        assert_eq!(
            ApiError::from_status(404, m(), vec![]),
            ApiError::NotFound(m())
        );
        assert_eq!(
            ApiError::from_status(409, m(), vec![]),
            ApiError::Conflict(m())
        );
        assert_eq!(
            ApiError::from_status(503, m(), vec![]),
            ApiError::Server {
                status: 503,
                message: m()
            }
        );
        let v = ApiError::from_status(
            422,
            m(),
            vec![("name".into(), "Name is already used".into())],
        );
        assert_eq!(v.field("name"), Some("Name is already used"));
        assert_eq!(v.field("description"), None);
    }

    // Only transient failures offer Retry as the fix.
    #[test]
    fn retryable_only_for_transient_failures() {
        assert!(ApiError::Timeout.is_retryable());
        assert!(ApiError::Network("x".into()).is_retryable());
        assert!(!ApiError::Forbidden(String::new()).is_retryable());
    }

    // Messages keep the cause so an admin can report it.
    #[test]
    fn user_message_keeps_the_cause() {
        let e = ApiError::Server {
            status: 500,
            message: "disk full".into(),
        };
        let s = e.user_message();
        assert!(s.contains("500") && s.contains("disk full"), "{s}");
        assert!(ApiError::Timeout.user_message().contains("too long"));
    }
}
