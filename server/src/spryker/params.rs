//! Request parameters of the Spryker dialect: the path segments ([`PathValues`]) and the
//! query parameters of collections — `page[offset]`, `page[limit]`, `sort` (`field` or
//! `-field`) and text parameters (`q`, `filter[…]`). Invalid paging values are 400
//! [`codes::INVALID_PARAMETER`] naming the parameter; an unknown sort field is 400
//! [`codes::INVALID_SORT`].

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::StatusCode;
use axum::http::request::Parts;

use crate::query::{Order, QueryParams};
use crate::spryker::error::{ErrorObject, SprykerError, codes, shorten};

/// Name of the offset parameter.
pub const OFFSET_PARAM: &str = "page[offset]";
/// Name of the page size parameter.
pub const LIMIT_PARAM: &str = "page[limit]";
/// Default `page[limit]`.
pub const DEFAULT_LIMIT: u64 = 10;
/// Largest allowed `page[limit]`.
pub const MAX_LIMIT: u64 = 1000;

/// The percent-decoded path parameters of the route, in order (`{uuid}`,
/// `{customerReference}`); an undecodable path is a 400.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathValues(pub Vec<String>);

impl PathValues {
    /// The `i`-th value (empty when the route has fewer).
    pub fn at(&self, i: usize) -> &str {
        self.0.get(i).map_or("", String::as_str)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for PathValues {
    type Rejection = SprykerError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|r| {
                SprykerError::new(
                    StatusCode::BAD_REQUEST,
                    codes::INVALID_PARAMETER,
                    format!("Invalid path: {}.", r.body_text()),
                )
            })?;
        Ok(Self(params.iter().map(|(_, v)| v.to_string()).collect()))
    }
}

/// The window of a collection request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    /// Rows to skip (`page[offset]`, default 0).
    pub offset: u64,
    /// Page size (`page[limit]`, 1..=[`MAX_LIMIT`], default [`DEFAULT_LIMIT`]).
    pub limit: u64,
}

impl Paging {
    /// Reads `page[offset]` and `page[limit]` (empty values count as absent).
    pub fn from_params(params: &QueryParams) -> Result<Self, SprykerError> {
        let offset = match params.get_non_empty(OFFSET_PARAM) {
            None => 0,
            Some(v) => v.parse::<u64>().map_err(|_| {
                SprykerError::bad_parameter(
                    OFFSET_PARAM,
                    format!(
                        "Query parameter '{OFFSET_PARAM}' must be a whole number of at least 0 (got '{}').",
                        shorten(v)
                    ),
                )
            })?,
        };
        let limit = match params.get_non_empty(LIMIT_PARAM) {
            None => DEFAULT_LIMIT,
            Some(v) => v
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=MAX_LIMIT).contains(n))
                .ok_or_else(|| {
                    SprykerError::bad_parameter(
                        LIMIT_PARAM,
                        format!(
                            "Query parameter '{LIMIT_PARAM}' must be a whole number from 1 to {MAX_LIMIT} (got '{}').",
                            shorten(v)
                        ),
                    )
                })?,
        };
        Ok(Self { offset, limit })
    }

    /// The SQL `OFFSET` (saturating).
    pub fn sql_offset(&self) -> i64 {
        i64::try_from(self.offset).unwrap_or(i64::MAX)
    }

    /// The SQL `LIMIT`.
    pub fn sql_limit(&self) -> i64 {
        self.limit as i64
    }
}

/// Reads `sort` against `fields` — pairs of (wire name, store sort key); `None` when absent
/// or empty (the endpoint's default order). `-field` sorts descending.
pub fn sort(
    params: &QueryParams,
    fields: &[(&str, &'static str)],
) -> Result<Option<(&'static str, Order)>, SprykerError> {
    let Some(raw) = params.get_non_empty("sort") else {
        return Ok(None);
    };
    let (name, order) = match raw.strip_prefix('-') {
        Some(name) => (name, Order::Desc),
        None => (raw, Order::Asc),
    };
    match fields.iter().find(|(wire, _)| *wire == name) {
        Some((_, key)) => Ok(Some((key, order))),
        None => {
            let allowed = fields
                .iter()
                .map(|(w, _)| *w)
                .collect::<Vec<_>>()
                .join(", ");
            // CollectionQueryExceptionFactory::createInvalidSortFieldException.
            Err(ErrorObject::new(
                StatusCode::BAD_REQUEST,
                codes::INVALID_SORT,
                format!(
                    "Sort field \"{}\" is not supported. Supported fields: {allowed}.",
                    shorten(name)
                ),
            )
            .into())
        }
    }
}

/// A trimmed, non-empty text parameter.
pub fn text(params: &QueryParams, name: &str) -> Option<String> {
    params.get_non_empty(name).map(str::to_owned)
}

/// A boolean parameter (`true`/`false`/`1`/`0`; absent or empty = `None`).
pub fn boolean(params: &QueryParams, name: &str) -> Result<Option<bool>, SprykerError> {
    match params.get_non_empty(name) {
        None => Ok(None),
        Some("true" | "1") => Ok(Some(true)),
        Some("false" | "0") => Ok(Some(false)),
        Some(v) => Err(SprykerError::bad_parameter(
            name,
            format!(
                "Query parameter '{name}' must be true or false (got '{}').",
                shorten(v)
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(raw: &str) -> QueryParams {
        QueryParams::parse(Some(raw))
    }

    // Defaults, decoding of bracketed names, and errors naming the parameter.
    #[test]
    fn paging_values() {
        assert_eq!(
            Paging::from_params(&p("")).unwrap(),
            Paging {
                offset: 0,
                limit: 10
            }
        );
        assert_eq!(
            Paging::from_params(&p("page%5Boffset%5D=20&page[limit]=1000")).unwrap(),
            Paging {
                offset: 20,
                limit: 1000
            }
        );
        for (raw, name) in [
            ("page[limit]=0", LIMIT_PARAM),
            ("page[limit]=1001", LIMIT_PARAM),
            ("page[limit]=x", LIMIT_PARAM),
            ("page[offset]=-1", OFFSET_PARAM),
        ] {
            let e = Paging::from_params(&p(raw)).unwrap_err();
            assert_eq!(e.errors[0].code, Some(codes::INVALID_PARAMETER));
            assert!(e.errors[0].detail.contains(name), "{raw}");
        }
    }

    // Sort accepts the wire names with an optional '-' and rejects the rest with 1203.
    #[test]
    fn sort_values() {
        let fields = [("name", "name"), ("createdAt", "created_at")];
        assert_eq!(sort(&p(""), &fields).unwrap(), None);
        assert_eq!(
            sort(&p("sort=-createdAt"), &fields).unwrap(),
            Some(("created_at", Order::Desc))
        );
        for bad in [
            "sort=id",
            "sort=created_at",
            "sort=--name",
            "sort=name,-createdAt",
        ] {
            let e = sort(&p(bad), &fields).unwrap_err();
            assert_eq!(e.errors[0].code, Some(codes::INVALID_SORT), "{bad}");
        }
    }
}
