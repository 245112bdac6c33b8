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

    /// 200 with a collection, as api-platform's `PaginationLinksTransform` and
    /// `AbstractProvider::calculatePagination` write it: `meta.pagination` =
    /// `{numFound, currentPage, maxPage, currentItemsPerPage}` (`maxPage` 0 when nothing
    /// matched, `currentPage` at most the last page), and absolute `links`: `self` the
    /// request without its `page[…]` parameters, then — unless nothing matched —
    /// `first`, `last`, and `prev`/`next` unless at an end, each the request with
    /// `page[limit]=L&page[offset]=O`. `url` is the request's origin and path.
    pub fn collection(
        data: Vec<Value>,
        total: i64,
        paging: Paging,
        url: &str,
        params: &QueryParams,
    ) -> Self {
        let total = u64::try_from(total).unwrap_or(0);
        let limit = paging.limit;
        let max_page = total.div_ceil(limit);
        let current = (paging.offset / limit + 1).min(max_page.max(1));
        let mut links = Map::new();
        links.insert("self".into(), json!(page_link(url, params, None)));
        if max_page >= 1 {
            let link = |offset: u64| json!(page_link(url, params, Some((offset, limit))));
            links.insert("first".into(), link(0));
            links.insert("last".into(), link((max_page - 1) * limit));
            if current > 1 {
                links.insert("prev".into(), link((current - 2) * limit));
            }
            if current < max_page {
                links.insert("next".into(), link(current * limit));
            }
        }
        Self {
            status: StatusCode::OK,
            body: json!({
                "data": data,
                "meta": { "pagination": {
                    "numFound": total,
                    "currentPage": current,
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

/// `url?…` with the request's other query parameters in their order and, for `page`,
/// `page[limit]=L&page[offset]=O` where the request's first paging parameter stood (or at
/// the end); brackets kept readable, values encoded. (Spryker `urldecode`s the whole
/// query of these links, so a value with a space or `&` gives a broken link there;
/// here values stay encoded.)
fn page_link(url: &str, params: &QueryParams, page: Option<(u64, u64)>) -> String {
    let mut ser = form_urlencoded::Serializer::new(String::new());
    let mut placed = false;
    let put_page = |ser: &mut form_urlencoded::Serializer<String>| {
        if let Some((offset, limit)) = page {
            ser.append_pair(LIMIT_PARAM, &limit.to_string());
            ser.append_pair(OFFSET_PARAM, &offset.to_string());
        }
    };
    for (k, v) in params.pairs() {
        if k.starts_with("page[") {
            if !placed {
                put_page(&mut ser);
                placed = true;
            }
        } else {
            ser.append_pair(k, v);
        }
    }
    if !placed {
        put_page(&mut ser);
    }
    let query = ser.finish().replace("%5B", "[").replace("%5D", "]");
    if query.is_empty() {
        url.to_owned()
    } else {
        format!("{url}?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Links keep other parameters, put the page where it stood, stop at the ends; self
    // has no page; nothing matched: maxPage 0 and no first/last.
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
            "http://h/spryker/x",
            &params,
        );
        assert_eq!(
            doc.body["meta"],
            json!({"pagination": {"numFound": 5, "currentPage": 2, "maxPage": 3, "currentItemsPerPage": 2}})
        );
        let l = &doc.body["links"];
        let at = |o: u64| {
            json!(format!(
                "http://h/spryker/x?q=a+b&page[limit]=2&page[offset]={o}&sort=-name"
            ))
        };
        assert_eq!(l["self"], json!("http://h/spryker/x?q=a+b&sort=-name"));
        assert_eq!((&l["first"], &l["last"]), (&at(0), &at(4)));
        assert_eq!((&l["prev"], &l["next"]), (&at(0), &at(4)));
        let empty = Document::collection(
            vec![],
            0,
            Paging {
                offset: 0,
                limit: 10,
            },
            "http://h/p",
            &QueryParams::default(),
        );
        assert_eq!(
            empty.body["meta"]["pagination"],
            json!({"numFound": 0, "currentPage": 1, "maxPage": 0, "currentItemsPerPage": 10})
        );
        assert_eq!(empty.body["links"], json!({"self": "http://h/p"}));
    }
}
