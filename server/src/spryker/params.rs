//! Request parameters of the Spryker dialect: the path segments ([`PathValues`]) and the
//! query parameters of collections — `page[offset]`, `page[limit]`, `sort` (`field` or
//! `-field`) and text parameters (`q`, `filter[…]`). Paging values are never refused
//! (see [`Paging`]); an unknown sort field is 400 [`codes::INVALID_SORT`].

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::StatusCode;
use axum::http::request::Parts;

use crate::query::{Order, QueryParams};
use crate::spryker::error::{ErrorObject, SprykerError, codes, shorten};
use crate::store::Slice;

/// Name of the offset parameter.
pub const OFFSET_PARAM: &str = "page[offset]";
/// Name of the page size parameter.
pub const LIMIT_PARAM: &str = "page[limit]";
/// Default `page[limit]` (`paginationItemsPerPage: 10` of every resource file).
pub const DEFAULT_LIMIT: u64 = 10;

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
                SprykerError::from(ErrorObject::uncoded(
                    StatusCode::BAD_REQUEST,
                    format!("Invalid path: {}.", r.body_text()),
                ))
            })?;
        Ok(Self(params.iter().map(|(_, v)| v.to_string()).collect()))
    }
}

/// The window of a collection request, as Spryker reads it (api-platform
/// `State/Provider/AbstractProvider`: `getPaginationLimit`, `getPaginationOffset`,
/// `buildPaginationTransfer`): never refused. A value is read as PHP's `(int)` reads it
/// (its leading digits, else 0); a limit below 1 is the default 10, with no upper
/// bound; a negative offset is 0; and the offset is rounded down to a whole page
/// (the repositories page with Propel's `paginate(intdiv(offset, limit) + 1, limit)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    /// Rows to skip: a whole number of pages.
    pub offset: u64,
    /// Page size, at least 1.
    pub limit: u64,
}

/// A query value as PHP's `(int)` cast reads it: optional space and sign, then the
/// leading digits (saturating); anything else is 0.
fn php_int(v: &str) -> i64 {
    let v = v.trim_start();
    let (negative, digits) = match v.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, v.strip_prefix('+').unwrap_or(v)),
    };
    let n = digits
        .bytes()
        .take_while(u8::is_ascii_digit)
        .fold(0i64, |n, d| {
            n.saturating_mul(10).saturating_add(i64::from(d - b'0'))
        });
    if negative { -n } else { n }
}

impl Paging {
    /// Reads `page[offset]` and `page[limit]`.
    pub fn from_params(params: &QueryParams) -> Self {
        let limit = params
            .get(LIMIT_PARAM)
            .map(php_int)
            .filter(|l| *l >= 1)
            .map_or(DEFAULT_LIMIT, |l| l as u64);
        let offset = params.get(OFFSET_PARAM).map_or(0, php_int).max(0) as u64;
        Self {
            offset: offset / limit * limit,
            limit,
        }
    }

    /// The page answered for `total` rows when this one lies past the end: the last one
    /// (Propel's `PropelModelPager::setLastPage` clamps the page); `None` otherwise.
    pub fn past_end(&self, total: i64) -> Option<Paging> {
        let total = u64::try_from(total).unwrap_or(0);
        (total > 0 && self.offset >= total).then(|| Paging {
            offset: (total - 1) / self.limit * self.limit,
            limit: self.limit,
        })
    }

    /// The store's window for this page, sorted by `sorts`.
    pub fn slice(&self, sorts: &[(&'static str, Order)]) -> Slice {
        Slice {
            sorts: sorts.to_vec(),
            limit: i64::try_from(self.limit).unwrap_or(i64::MAX),
            offset: i64::try_from(self.offset).unwrap_or(i64::MAX),
        }
    }
}

/// The rows of `paging` through `query`, or of the last page when `paging` lies past the
/// end, with the total and the page they are.
pub fn fetch_page<T, E>(
    paging: Paging,
    sorts: &[(&'static str, Order)],
    mut query: impl FnMut(&Slice) -> Result<(Vec<T>, i64), E>,
) -> Result<(Vec<T>, i64, Paging), E> {
    let (rows, total) = query(&paging.slice(sorts))?;
    match paging.past_end(total) {
        Some(last) => {
            let (rows, total) = query(&last.slice(sorts))?;
            Ok((rows, total, last))
        }
        None => Ok((rows, total, paging)),
    }
}

/// Reads `sort` against `fields` — pairs of (wire name, store sort key) — as Spryker's
/// `CollectionQueryReader::getSortCollection` does: a comma-separated list, each entry
/// trimmed (empty ones skipped), every leading `-` stripped and meaning descending, in
/// order; ties go by the internal id in the last field's direction (the store's
/// tie-breaker, as `CustomerGroupRepository::applySort`). `None` when absent or empty
/// (the endpoint's default order); an unknown field is 400 [`codes::INVALID_SORT`].
pub fn sort(
    params: &QueryParams,
    fields: &[(&str, &'static str)],
) -> Result<Option<Vec<(&'static str, Order)>>, SprykerError> {
    let Some(raw) = params.get_non_empty("sort") else {
        return Ok(None);
    };
    let mut sorts = Vec::new();
    for entry in raw.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let name = entry.trim_start_matches('-');
        let order = if name.len() < entry.len() {
            Order::Desc
        } else {
            Order::Asc
        };
        let Some((_, key)) = fields.iter().find(|(wire, _)| *wire == name) else {
            let allowed = fields
                .iter()
                .map(|(w, _)| *w)
                .collect::<Vec<_>>()
                .join(", ");
            // CollectionQueryExceptionFactory::createInvalidSortFieldException.
            return Err(ErrorObject::new(
                StatusCode::BAD_REQUEST,
                codes::INVALID_SORT,
                format!(
                    "Sort field \"{}\" is not supported. Supported fields: {allowed}.",
                    shorten(name)
                ),
            )
            .into());
        };
        sorts.push((*key, order));
    }
    Ok((!sorts.is_empty()).then_some(sorts))
}

/// A trimmed, non-empty text parameter.
pub fn text(params: &QueryParams, name: &str) -> Option<String> {
    params.get_non_empty(name).map(str::to_owned)
}

/// A filter's value as sent (not trimmed), or `None` when PHP's `empty()` holds for it
/// (absent, `""` or `"0"`), as the CEM providers read their filters.
pub fn filled(params: &QueryParams, name: &str) -> Option<String> {
    params
        .get(name)
        .filter(|v| !v.is_empty() && *v != "0")
        .map(str::to_owned)
}

/// A boolean filter as Spryker reads one (`!empty($value)` in PHP): absent, empty or
/// `0` is false, anything else true, `false` included (CEM `CustomersBackendProvider`).
pub fn boolean(params: &QueryParams, name: &str) -> bool {
    filled(params, name).is_some()
}

/// `http://HOST` of a request, for absolute links (Spryker's links are absolute:
/// api-platform's `RelativeLinkTransform`, `PaginationLinksTransform`).
pub fn origin(headers: &axum::http::HeaderMap) -> String {
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    format!("http://{host}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(raw: &str) -> QueryParams {
        QueryParams::parse(Some(raw))
    }

    // Defaults and bracketed names; bad values are read as Spryker reads them (never
    // refused), and the offset is rounded down to a page.
    #[test]
    fn paging_values() {
        let page = |raw: &str| {
            let p = Paging::from_params(&p(raw));
            (p.offset, p.limit)
        };
        assert_eq!(page(""), (0, 10));
        assert_eq!(page("page%5Boffset%5D=2000&page[limit]=1000"), (2000, 1000));
        assert_eq!(page("page[limit]=100000"), (0, 100_000));
        assert_eq!(page("page[limit]=0"), (0, 10));
        assert_eq!(page("page[limit]=-3"), (0, 10));
        assert_eq!(page("page[limit]=ten"), (0, 10));
        assert_eq!(page("page[limit]=7x"), (0, 7));
        assert_eq!(page("page[offset]=-1"), (0, 10));
        assert_eq!(page("page[offset]=x"), (0, 10));
        assert_eq!(page("page[offset]=5&page[limit]=10"), (0, 10));
        assert_eq!(page("page[offset]=25&page[limit]=10"), (20, 10));
        let ten = Paging {
            offset: 40,
            limit: 10,
        };
        assert_eq!(ten.past_end(41), None);
        assert_eq!(
            ten.past_end(40),
            Some(Paging {
                offset: 30,
                limit: 10
            })
        );
        assert_eq!(
            ten.past_end(3),
            Some(Paging {
                offset: 0,
                limit: 10
            })
        );
        assert_eq!(ten.past_end(0), None);
    }

    // Sort takes Spryker's comma list: each field with any number of leading '-',
    // entries trimmed, empty ones skipped; an unknown field is 1203 naming it.
    #[test]
    fn sort_values() {
        let fields = [("name", "name"), ("createdAt", "created_at")];
        assert_eq!(sort(&p(""), &fields).unwrap(), None);
        assert_eq!(
            sort(&p("sort=-createdAt"), &fields).unwrap(),
            Some(vec![("created_at", Order::Desc)])
        );
        assert_eq!(
            sort(&p("sort=createdAt,%20--name,"), &fields).unwrap(),
            Some(vec![("created_at", Order::Asc), ("name", Order::Desc)])
        );
        for (bad, field) in [
            ("sort=id", "id"),
            ("sort=created_at", "created_at"),
            ("sort=name,-uuid", "uuid"),
        ] {
            let e = sort(&p(bad), &fields).unwrap_err();
            assert_eq!(e.errors[0].code, Some(codes::INVALID_SORT), "{bad}");
            assert_eq!(
                e.errors[0].detail,
                format!(
                    "Sort field \"{field}\" is not supported. Supported fields: name, createdAt."
                )
            );
        }
    }
}
