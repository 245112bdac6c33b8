//! List query parameters (`page`, `per_page`, `q`, `sort`, `order`, plus endpoint extras
//! such as `not_in_group`) and the member export's (`q`, `after`, `limit`): parsed by hand
//! from the raw query string so that every invalid value gets the API's JSON 400 naming
//! the parameter. A parameter that is sent must hold a valid value: `page=`, `sort=` or
//! `order=` with nothing after it is a 400 like any other wrong value (only the search
//! text `q` and the exact `name` may be empty, which means no filter).

use crate::error::ApiError;

/// Largest page number (a page past the last one is empty; past this one, a 400).
pub const MAX_PAGE: u64 = 1_000_000_000;
/// Default page size.
pub const DEFAULT_PER_PAGE: u64 = 10;
/// Largest allowed page size.
pub const MAX_PER_PAGE: u64 = 100;
/// Default page size of the member export.
pub const DEFAULT_EXPORT_LIMIT: i64 = 10_000;
/// Largest page size of the member export.
pub const MAX_EXPORT_LIMIT: i64 = 10_000;
/// Sort fields of `GET /customer-groups`.
pub const GROUP_SORTS: &[&str] = &["id", "name", "created_at"];
/// Sort fields of `GET /customer-groups/{id}/customers`.
pub const MEMBER_SORTS: &[&str] = &["id", "email", "first_name", "last_name", "gender"];
/// Sort fields of `GET /customers`.
pub const CUSTOMER_SORTS: &[&str] = &["id", "email", "first_name", "last_name"];

/// The decoded `name=value` pairs of a query string, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    /// Decodes a raw (`application/x-www-form-urlencoded`) query string; `None` means none.
    pub fn parse(raw: Option<&str>) -> Self {
        let pairs = raw
            .map(|r| {
                form_urlencoded::parse(r.as_bytes())
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect()
            })
            .unwrap_or_default();
        Self(pairs)
    }

    /// The value of `name` (the last one when repeated), or `None` when absent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every decoded `(name, value)` pair, in request order.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// Like [`get`](Self::get) but treats an empty (after trimming) value as absent.
    pub fn get_non_empty(&self, name: &str) -> Option<&str> {
        self.get(name).map(str::trim).filter(|v| !v.is_empty())
    }
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Ascending (the default).
    Asc,
    /// Descending.
    Desc,
}

impl Order {
    /// The SQL keyword (`ASC` or `DESC`).
    pub fn sql(self) -> &'static str {
        match self {
            Order::Asc => "ASC",
            Order::Desc => "DESC",
        }
    }
}

/// A validated list query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    /// 1-based page number.
    pub page: u64,
    /// Page size, 1..=100.
    pub per_page: u64,
    /// Trimmed search text; `None` when absent or empty.
    pub q: Option<String>,
    /// One of the endpoint's sort fields.
    pub sort: &'static str,
    /// Sort direction.
    pub order: Order,
}

impl ListQuery {
    /// Validates the common list parameters against the endpoint's sort fields
    /// (`sorts`, whose first entry is not special: the default is always `id`).
    pub fn from_params(params: &QueryParams, sorts: &[&'static str]) -> Result<Self, ApiError> {
        let page = match params.get("page") {
            None => 1,
            Some(v) => whole_number(v)
                .filter(|p| (1..=MAX_PAGE).contains(p))
                .ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "Query parameter 'page' must be a whole number from 1 to {MAX_PAGE} (got '{}').",
                        shorten(v)
                    ))
                })?,
        };
        let per_page = match params.get("per_page") {
            None => DEFAULT_PER_PAGE,
            Some(v) => whole_number(v)
                .filter(|n| (1..=MAX_PER_PAGE).contains(n))
                .ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "Query parameter 'per_page' must be a whole number from 1 to {MAX_PER_PAGE} (got '{}').",
                        shorten(v)
                    ))
                })?,
        };
        let sort = match params.get("sort") {
            None => "id",
            Some(v) => sorts.iter().copied().find(|s| *s == v).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "Query parameter 'sort' must be one of {} (got '{}').",
                    sorts.join(", "),
                    shorten(v)
                ))
            })?,
        };
        let order = match params.get("order") {
            None | Some("asc") => Order::Asc,
            Some("desc") => Order::Desc,
            Some(v) => {
                return Err(ApiError::bad_request(format!(
                    "Query parameter 'order' must be 'asc' or 'desc' (got '{}').",
                    shorten(v)
                )));
            }
        };
        let q = search_text(params);
        Ok(Self {
            page,
            per_page,
            q,
            sort,
            order,
        })
    }

    /// SQL `LIMIT` value.
    pub fn limit(&self) -> i64 {
        self.per_page as i64
    }

    /// SQL `OFFSET` value (at most `(MAX_PAGE - 1) × MAX_PER_PAGE`; saturating anyway).
    pub fn offset(&self) -> i64 {
        let off = (self.page - 1).saturating_mul(self.per_page);
        i64::try_from(off).unwrap_or(i64::MAX)
    }
}

/// The search text `q` of a list or export: trimmed, `None` when absent or empty.
pub fn search_text(params: &QueryParams) -> Option<String> {
    params.get_non_empty("q").map(str::to_string)
}

/// A validated member export query (`GET /customer-groups/{id}/customers/export`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportQuery {
    /// Trimmed search text, matched as the member list matches it; `None` = every member.
    pub q: Option<String>,
    /// Only customers with a greater id (the last id of the previous page; default 0).
    pub after: i64,
    /// Most members to answer, 1..=[`MAX_EXPORT_LIMIT`].
    pub limit: i64,
}

impl ExportQuery {
    /// Validates `q`, `after` (a whole number ≥ 0) and `limit` (1..=[`MAX_EXPORT_LIMIT`]);
    /// an invalid value is a 400 naming the parameter.
    pub fn from_params(params: &QueryParams) -> Result<Self, ApiError> {
        let after = match params.get("after") {
            None => 0,
            Some(v) => whole_number(v)
                .and_then(|a| i64::try_from(a).ok())
                .ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "Query parameter 'after' must be a whole number of at least 0 (got '{}').",
                        shorten(v)
                    ))
                })?,
        };
        let limit = match params.get("limit") {
            None => DEFAULT_EXPORT_LIMIT,
            Some(v) => whole_number(v)
                .and_then(|n| i64::try_from(n).ok())
                .filter(|n| (1..=MAX_EXPORT_LIMIT).contains(n))
                .ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "Query parameter 'limit' must be a whole number from 1 to {MAX_EXPORT_LIMIT} (got '{}').",
                        shorten(v)
                    ))
                })?,
        };
        Ok(Self {
            q: search_text(params),
            after,
            limit,
        })
    }
}

/// Parses an optional id-valued query parameter (e.g. `not_in_group`); a non-numeric value
/// is a 400 naming the parameter.
pub fn optional_id(params: &QueryParams, name: &str) -> Result<Option<i64>, ApiError> {
    let Some(v) = params.get(name) else {
        return Ok(None);
    };
    let digits = v.strip_prefix('-').unwrap_or(v);
    let id = is_digits(digits).then(|| v.parse::<i64>().ok()).flatten();
    id.map(Some).ok_or_else(|| {
        ApiError::bad_request(format!(
            "Query parameter '{name}' must be a numeric id (got '{}').",
            shorten(v)
        ))
    })
}

/// A whole number written in decimal digits only (no sign, space or `+`), as a query
/// parameter declared `integer` with a minimum of 0 or more holds it.
fn whole_number(v: &str) -> Option<u64> {
    if is_digits(v) { v.parse().ok() } else { None }
}

/// Whether `v` is one or more ASCII digits.
fn is_digits(v: &str) -> bool {
    !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit())
}

/// Cuts a client-supplied value to at most 40 characters for quoting in a message.
pub(crate) fn shorten(v: &str) -> String {
    if v.chars().count() <= 40 {
        v.to_string()
    } else {
        let mut s: String = v.chars().take(40).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lq(raw: &str) -> Result<ListQuery, ApiError> {
        ListQuery::from_params(&QueryParams::parse(Some(raw)), GROUP_SORTS)
    }

    // Defaults must match the contract when nothing is given.
    #[test]
    fn defaults() {
        let q = lq("").unwrap();
        assert_eq!(
            (q.page, q.per_page, q.sort, q.order, q.q),
            (1, 10, "id", Order::Asc, None)
        );
    }

    // Values are percent-decoded and q is trimmed.
    #[test]
    fn decodes_and_trims() {
        let q = lq("page=3&per_page=25&sort=name&order=desc&q=+VIP%20C+").unwrap();
        assert_eq!(q.page, 3);
        assert_eq!(q.per_page, 25);
        assert_eq!(q.sort, "name");
        assert_eq!(q.order, Order::Desc);
        assert_eq!(q.q.as_deref(), Some("VIP C"));
        assert_eq!(q.offset(), 50);
    }

    // Every invalid value names its parameter.
    #[test]
    fn invalid_values_name_the_parameter() {
        for (raw, param) in [
            ("page=abc", "'page'"),
            ("page=0", "'page'"),
            ("per_page=0", "'per_page'"),
            ("per_page=101", "'per_page'"),
            ("sort=email", "'sort'"),
            ("order=up", "'order'"),
            ("page=", "'page'"),
            ("page=+2", "'page'"),
            ("page=1000000001", "'page'"),
            ("per_page=", "'per_page'"),
            ("per_page=%2010", "'per_page'"),
            ("sort=", "'sort'"),
            ("sort=+name", "'sort'"),
            ("order=", "'order'"),
        ] {
            let e = lq(raw).unwrap_err();
            assert_eq!(e.status.as_u16(), 400, "{raw}");
            assert!(e.message.contains(param), "{raw}: {}", e.message);
        }
    }

    // Export parameters default to the first full page and reject values out of range,
    // naming the parameter.
    #[test]
    fn export_query() {
        let eq = |raw: &str| ExportQuery::from_params(&QueryParams::parse(Some(raw)));
        assert_eq!(
            eq("").unwrap(),
            ExportQuery {
                q: None,
                after: 0,
                limit: 10_000
            }
        );
        assert_eq!(
            eq("q=+Ann+&after=17&limit=1").unwrap(),
            ExportQuery {
                q: Some("Ann".into()),
                after: 17,
                limit: 1
            }
        );
        for (raw, param) in [
            ("after=x", "'after'"),
            ("after=-1", "'after'"),
            ("after=1.5", "'after'"),
            ("limit=0", "'limit'"),
            ("limit=-5", "'limit'"),
            ("limit=ten", "'limit'"),
            ("limit=10001", "'limit'"),
            ("limit=", "'limit'"),
            ("after=", "'after'"),
            ("after=+1", "'after'"),
        ] {
            let e = eq(raw).unwrap_err();
            assert_eq!(e.status.as_u16(), 400, "{raw}");
            assert!(e.message.contains(param), "{raw}: {}", e.message);
        }
    }

    // The last allowed page of the largest size is an offset SQLite takes (no overflow).
    #[test]
    fn last_page_is_a_valid_offset() {
        let q = lq(&format!("page={MAX_PAGE}&per_page={MAX_PER_PAGE}")).unwrap();
        assert_eq!(q.offset(), ((MAX_PAGE - 1) * MAX_PER_PAGE) as i64);
    }

    // An id parameter is digits with an optional minus; anything else names it.
    #[test]
    fn id_parameters_are_digits() {
        let id = |raw: &str| optional_id(&QueryParams::parse(Some(raw)), "not_in_group");
        assert_eq!(id("").unwrap(), None);
        assert_eq!(id("not_in_group=7").unwrap(), Some(7));
        assert_eq!(id("not_in_group=-7").unwrap(), Some(-7));
        for raw in [
            "not_in_group=",
            "not_in_group=+7",
            "not_in_group=%207",
            "not_in_group=x",
        ] {
            let e = id(raw).unwrap_err();
            assert!(e.message.contains("'not_in_group'"), "{raw}: {}", e.message);
        }
    }
}
