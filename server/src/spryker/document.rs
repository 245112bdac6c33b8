//! JSON:API documents of the Spryker dialect: the media type, success responses, resource
//! objects and the paging block (`meta.pagination`, `links`) of collections.

use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::query::QueryParams;
use crate::spryker::media::MEDIA_TYPE;
use crate::spryker::params::{LIMIT_PARAM, OFFSET_PARAM, Paging};

/// A successful JSON:API response: a status and a top-level document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The HTTP status (200 or 201).
    pub status: StatusCode,
    /// The top-level document (`data`, and for collections `meta` and `links`).
    pub body: Value,
    /// The `Location` header (on 201).
    pub location: Option<String>,
}

impl Document {
    /// 200 with `{"data": data}`.
    pub fn ok(data: Value) -> Self {
        Self {
            status: StatusCode::OK,
            body: json!({ "data": data }),
            location: None,
        }
    }

    /// 201 with `{"data": resource}` and a `Location` header naming it.
    pub fn created(resource: Value, location: String) -> Self {
        Self {
            status: StatusCode::CREATED,
            body: json!({ "data": resource }),
            location: Some(location),
        }
    }

    /// 200 with a collection: `data`, `meta.pagination` and `links` (`self`, `first`,
    /// `last`, and `prev`/`next` unless at an end). Links keep the request's other query
    /// parameters; `path` is the request path.
    pub fn collection(
        data: Vec<Value>,
        total: i64,
        paging: Paging,
        path: &str,
        params: &QueryParams,
    ) -> Self {
        let total = u64::try_from(total).unwrap_or(0);
        let limit = paging.limit;
        let max_page = total.div_ceil(limit).max(1);
        let last_offset = (max_page - 1) * limit;
        let link = |offset: u64| page_link(path, params, offset, limit);
        let mut links = Map::new();
        links.insert("self".into(), json!(link(paging.offset)));
        links.insert("first".into(), json!(link(0)));
        links.insert("last".into(), json!(link(last_offset)));
        if paging.offset > 0 {
            links.insert(
                "prev".into(),
                json!(link(paging.offset.saturating_sub(limit))),
            );
        }
        if paging.offset.saturating_add(limit) < total {
            links.insert("next".into(), json!(link(paging.offset + limit)));
        }
        Self {
            status: StatusCode::OK,
            body: json!({
                "data": data,
                "meta": { "pagination": {
                    "numFound": total,
                    "currentPage": paging.offset / limit + 1,
                    "maxPage": max_page,
                    "currentItemsPerPage": limit,
                }},
                "links": links,
            }),
            location: None,
        }
    }
}

impl IntoResponse for Document {
    fn into_response(self) -> Response {
        let mut res = (self.status, self.body.to_string()).into_response();
        let headers = res.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(MEDIA_TYPE));
        if let Some(v) = self.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
            headers.insert(axum::http::header::LOCATION, v);
        }
        res
    }
}

/// A resource object `{"type", "id", "attributes", "links": {"self"}?}`.
pub fn resource(kind: &str, id: &str, attributes: Value, self_link: Option<String>) -> Value {
    let mut o = json!({ "type": kind, "id": id, "attributes": attributes });
    if let Some(link) = self_link {
        o["links"] = json!({ "self": link });
    }
    o
}

/// `path?…&page[offset]=O&page[limit]=L`: the request's query without its paging
/// parameters, then the given page (brackets kept readable, everything else encoded).
fn page_link(path: &str, params: &QueryParams, offset: u64, limit: u64) -> String {
    let mut ser = form_urlencoded::Serializer::new(String::new());
    for (k, v) in params.pairs() {
        if k != OFFSET_PARAM && k != LIMIT_PARAM {
            ser.append_pair(k, v);
        }
    }
    ser.append_pair(OFFSET_PARAM, &offset.to_string());
    ser.append_pair(LIMIT_PARAM, &limit.to_string());
    let query = ser.finish().replace("%5B", "[").replace("%5D", "]");
    format!("{path}?{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    // Links keep other parameters, replace the paging ones and stop at the ends.
    #[test]
    fn collection_links_and_pagination() {
        let params =
            QueryParams::parse(Some("q=a%20b&page%5Blimit%5D=2&page[offset]=2&sort=-name"));
        let doc = Document::collection(
            vec![],
            5,
            Paging {
                offset: 2,
                limit: 2,
            },
            "/spryker/x",
            &params,
        );
        assert_eq!(
            doc.body["meta"],
            json!({"pagination": {"numFound": 5, "currentPage": 2, "maxPage": 3, "currentItemsPerPage": 2}})
        );
        let l = &doc.body["links"];
        assert_eq!(
            l["self"],
            json!("/spryker/x?q=a+b&sort=-name&page[offset]=2&page[limit]=2")
        );
        assert_eq!(
            l["first"],
            json!("/spryker/x?q=a+b&sort=-name&page[offset]=0&page[limit]=2")
        );
        assert_eq!(
            l["last"],
            json!("/spryker/x?q=a+b&sort=-name&page[offset]=4&page[limit]=2")
        );
        assert_eq!(
            l["prev"],
            json!("/spryker/x?q=a+b&sort=-name&page[offset]=0&page[limit]=2")
        );
        assert_eq!(
            l["next"],
            json!("/spryker/x?q=a+b&sort=-name&page[offset]=4&page[limit]=2")
        );
        let empty = Document::collection(
            vec![],
            0,
            Paging {
                offset: 0,
                limit: 10,
            },
            "/p",
            &QueryParams::default(),
        );
        assert_eq!(empty.body["meta"]["pagination"]["maxPage"], json!(1));
        assert!(empty.body["links"].get("prev").is_none());
        assert!(empty.body["links"].get("next").is_none());
    }
}
