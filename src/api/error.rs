//! Every way a backend call can fail, as one `Clone` type that keeps the cause, and the
//! single place where an HTTP status becomes an error.

use crate::config_problem::ConfigProblem;
use crate::i18n;
use crate::model::membership::{Applied, Planned};
use crate::model::validation::FieldError;
use crate::model::{CustomerId, Group};

/// A save that a backend applied only in part: several requests were needed and one
/// after the first failed. Says exactly what went through, so the page can take it out
/// of the selection and a second Save sends only the rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartialChange {
    /// The group this save created (Add), if it got that far.
    pub group: Option<Group>,
    /// What went through.
    pub applied: Applied,
    /// What the whole change was to do.
    pub planned: Planned,
    /// Why the rest did not.
    pub cause: ApiError,
}

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
    /// 412: the group changed since the page read it (another admin saved it); the
    /// group as it is now, when the backend says.
    Stale(Option<Box<Group>>),
    /// 422: some fields are invalid.
    Validation {
        /// The server's summary.
        message: String,
        /// Typed per-field errors, keyed by the app's field names (`name`,
        /// `description`); each dialect maps its backend's codes or wording to them.
        fields: Vec<(String, FieldError)>,
    },
    /// 422: these customers do not exist (any more); nothing was changed. A backend that
    /// checks everything at once may also say what is wrong with the fields.
    UnknownCustomers {
        /// The customers that do not exist.
        ids: Vec<CustomerId>,
        /// Typed field errors of the same answer (a taken name), as in `Validation`.
        fields: Vec<(String, FieldError)>,
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
    Config(ConfigProblem),
    /// The app could not put the request together (nothing was sent), e.g. an id this
    /// backend cannot take, or more than it accepts at once.
    Client(String),
    /// Only part of a multi-request save went through.
    Partial(Box<PartialChange>),
    /// The admin stopped it.
    Cancelled,
}

impl ApiError {
    /// Maps an HTTP status and the server's message and typed field errors to an error.
    /// Every dialect calls this after parsing its own error body.
    pub fn from_status(
        status: u16,
        message: String,
        fields: Vec<(String, FieldError)>,
    ) -> ApiError {
        match status {
            400 => ApiError::BadRequest(message),
            401 => ApiError::Unauthorized(message),
            403 => ApiError::Forbidden(message),
            404 | 410 => ApiError::NotFound(message),
            409 => ApiError::Conflict(message),
            412 => ApiError::Stale(None),
            422 => ApiError::Validation { message, fields },
            _ => ApiError::Server { status, message },
        }
    }

    /// The typed field errors of a 422 (none for any other error).
    pub fn fields(&self) -> &[(String, FieldError)] {
        match self {
            ApiError::Validation { fields, .. } | ApiError::UnknownCustomers { fields, .. } => {
                fields
            }
            _ => &[],
        }
    }

    /// The error for the given field of a 422, if any.
    pub fn field(&self, name: &str) -> Option<&FieldError> {
        match self {
            ApiError::Validation { fields, .. } | ApiError::UnknownCustomers { fields, .. } => {
                fields.iter().find(|(f, _)| f == name).map(|(_, e)| e)
            }
            _ => None,
        }
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
            ApiError::Stale(_) => t.err_stale.to_owned(),
            ApiError::Validation { message, .. } => with(t.err_validation, message),
            ApiError::UnknownCustomers { ids, .. } => {
                let names: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
                i18n::unknown_customers(&names.join(", "))
            }
            ApiError::Server { status, message } => {
                with(&format!("{} (HTTP {status})", t.err_server), message)
            }
            ApiError::Decode(d) => with(t.err_decode, d),
            ApiError::Config(p) => with(t.err_config, &i18n::config_problem(t, p)),
            ApiError::Client(d) => i18n::not_sent(d),
            ApiError::Cancelled => t.err_cancelled.to_owned(),
            ApiError::Partial(p) => {
                // A De-select All that went through removed every member at once.
                let unassigned = match (p.applied.replaced, p.planned.unassign) {
                    (true, Some(all)) => all,
                    _ => p.applied.unassigned.len() as u64,
                };
                i18n::partial_change(
                    p.applied.assigned.len() as u64,
                    p.planned.assign,
                    unassigned,
                    p.planned.unassign,
                    &p.cause.user_message(),
                )
            }
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
        let v = ApiError::from_status(422, m(), vec![("name".into(), FieldError::Taken)]);
        assert_eq!(v.field("name"), Some(&FieldError::Taken));
        assert_eq!(v.field("description"), None);
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

    // A partial save says exactly what went through, what was meant, and why the rest
    // did not.
    #[test]
    fn partial_change_names_the_counts() {
        let e = ApiError::Partial(Box::new(PartialChange {
            group: None,
            applied: Applied {
                assigned: (0..1000).map(|i| CustomerId(i.to_string())).collect(),
                ..Default::default()
            },
            planned: Planned {
                assign: 2500,
                unassign: Some(0),
            },
            cause: ApiError::Timeout,
        }));
        let s = e.user_message();
        assert!(s.contains("1,000 of 2,500 customers assigned"), "{s}");
        assert!(s.contains("too long"), "{s}");
    }
}
