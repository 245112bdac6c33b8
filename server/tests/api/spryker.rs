//! The Spryker dialect under `/spryker/`: bearer token, JSON:API documents, every endpoint
//! and error code, paging links, sorts, search and filters, the 1000-reference cap, and
//! for every rejected write that the database is unchanged.

use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

use crate::common::{CUSTOMERS, Server, fixture_uuid, write_fixture};

const JSONAPI: &str = "application/vnd.api+json";

/// A response: status, JSON body (`Null` when empty) and headers.
struct Answer {
    status: u16,
    body: Value,
    headers: HeaderMap,
}

impl Answer {
    /// The `code`s of an error document.
    fn codes(&self) -> Vec<&str> {
        self.body["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("no errors[]: {}", self.body))
            .iter()
            .map(|e| e["code"].as_str().unwrap_or(""))
            .collect()
    }

    /// The `id`s of a collection's `data`.
    fn ids(&self) -> Vec<String> {
        self.body["data"]
            .as_array()
            .unwrap_or_else(|| panic!("no data[] ({}): {}", self.status, self.body))
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    }

    /// Asserts one error object with this status and code; returns it.
    fn error(&self, status: u16, code: &str) -> &Value {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.codes(), [code], "{}", self.body);
        let e = &self.body["errors"][0];
        assert_eq!(e["status"], json!(status));
        assert!(!e["detail"].as_str().unwrap().is_empty());
        e
    }
}

/// Sends a request to `/spryker{path}` with `token` (if any) and an optional JSON:API body.
async fn send_as(
    s: &Server,
    token: Option<&str>,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> Answer {
    // A client of its own: the server's client always sends the test token.
    let mut req = reqwest::Client::new().request(method, format!("{}/spryker{path}", s.origin));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req.header("content-type", JSONAPI).body(b.to_string());
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let text = res.text().await.unwrap();
    let body = if text.is_empty() {
        Value::Null
    } else {
        assert_eq!(headers["content-type"], JSONAPI, "{status}: {text}");
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"))
    };
    Answer {
        status,
        body,
        headers,
    }
}

/// Sends with the test token.
async fn send(s: &Server, method: Method, path: &str, body: Option<Value>) -> Answer {
    send_as(s, Some(crate::common::TEST_TOKEN), method, path, body).await
}

async fn get(s: &Server, path: &str) -> Answer {
    send(s, Method::GET, path, None).await
}

fn group_doc(attributes: Value) -> Value {
    json!({"data": {"type": "customer-groups", "attributes": attributes}})
}

fn members_doc(refs: Value) -> Value {
    json!({"data": {"type": "customer-group-customers", "attributes": {"customerReferences": refs}}})
}

fn refs(ids: impl IntoIterator<Item = i64>) -> Value {
    json!(
        ids.into_iter()
            .map(|i| format!("DE--{i}"))
            .collect::<Vec<_>>()
    )
}

fn group_path(id: i64) -> String {
    format!("/customer-groups/{}", fixture_uuid(id))
}

fn members_path(id: i64) -> String {
    format!("/customer-groups/{}/customers", fixture_uuid(id))
}

/// The member references of fixture group `id`, in id order.
async fn members(s: &Server, id: i64) -> Vec<String> {
    let a = get(s, &format!("{}?page[limit]=1000", members_path(id))).await;
    assert_eq!(a.status, 200, "{}", a.body);
    a.ids()
}

fn r(ids: &[i64]) -> Vec<String> {
    ids.iter().map(|i| format!("DE--{i}")).collect()
}

/// The exact resource of fixture group 1.
fn vip_resource() -> Value {
    json!({
        "type": "customer-groups",
        "id": fixture_uuid(1),
        "attributes": {"uuid": fixture_uuid(1), "name": "VIP", "description": "Top spenders", "createdAt": "2024-03-01T10:00:00+00:00"},
        "links": {"self": format!("/spryker/customer-groups/{}", fixture_uuid(1))}
    })
}

// Without a bearer token, with another scheme or with a wrong token every /spryker/
// request (even to an unknown path, even a write) is a 401 error document.
#[tokio::test(flavor = "multi_thread")]
async fn requests_need_the_token() {
    let s = Server::fixture().await;
    let before = s.snapshot();
    let a = send_as(&s, None, Method::GET, "/customer-groups", None).await;
    a.error(401, "");
    assert!(
        a.headers["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
    send_as(&s, Some("wrong"), Method::GET, "/customer-groups", None)
        .await
        .error(401, "001");
    send_as(&s, None, Method::GET, "/nowhere", None)
        .await
        .error(401, "");
    let basic = s
        .http
        .get(format!("{}/spryker/customers", s.origin))
        .header("authorization", "Basic Y2c6ZGVtbw==")
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status().as_u16(), 401);
    send_as(
        &s,
        Some("wrong"),
        Method::POST,
        "/customer-groups",
        Some(group_doc(json!({"name": "Intruders"}))),
    )
    .await
    .error(401, "001");
    send_as(&s, None, Method::DELETE, &group_path(1), None)
        .await
        .error(401, "");
    assert_eq!(s.snapshot(), before);
    assert_eq!(get(&s, "/customer-groups").await.status, 200);
}

// A server started with its own token accepts that one and no other, on both APIs.
#[tokio::test(flavor = "multi_thread")]
async fn token_is_configurable() {
    let options = cg_server::AppOptions {
        token: Some("s3cret".into()),
        ..cg_server::AppOptions::default()
    };
    let s = Server::start_with(write_fixture, None, options).await;
    get(&s, "/customers").await.error(401, "001");
    let a = send_as(&s, Some("s3cret"), Method::GET, "/customers", None).await;
    assert_eq!(a.status, 200);
    assert_eq!(s.get("/customers").await.0, 200);
    let other = crate::common::client_with_token(crate::common::TEST_TOKEN);
    let res = other.get(s.api("/customers")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let empty = cg_server::AppOptions {
        token: Some(" ".into()),
        ..cg_server::AppOptions::default()
    };
    let dir = tempfile::tempdir().unwrap();
    assert!(
        cg_server::spawn_with(&dir.path().join("t.db"), None, empty)
            .await
            .is_err()
    );
}

// The default group list is an exact JSON:API collection: id order, resources without
// member counts, description null when empty, pagination meta and links.
#[tokio::test(flavor = "multi_thread")]
async fn list_groups_is_exact() {
    let s = Server::fixture().await;
    let a = get(&s, "/customer-groups").await;
    assert_eq!(a.status, 200);
    let uuids: Vec<String> = (1..=4).map(fixture_uuid).collect();
    assert_eq!(a.ids(), uuids);
    assert_eq!(a.body["data"][0], vip_resource());
    assert_eq!(a.body["data"][2]["attributes"]["description"], Value::Null);
    assert_eq!(
        a.body["meta"],
        json!({"pagination": {"numFound": 4, "currentPage": 1, "maxPage": 1, "currentItemsPerPage": 10}})
    );
    let url = format!("{}/spryker/customer-groups", s.origin);
    let first = format!("{url}?page[limit]=10&page[offset]=0");
    assert_eq!(
        a.body["links"],
        json!({"self": url, "first": first, "last": first})
    );
}

// page[offset]/page[limit] as Spryker's provider reads them: numFound, pages, absolute
// prev/next links with page[limit] before page[offset] where the page stood, self
// without the page; offsets rounded down to a page, past the end the last page, and
// bad values read as PHP reads them, never refused; nothing found: maxPage 0, no links
// but self.
#[tokio::test(flavor = "multi_thread")]
async fn list_groups_paging() {
    let s = Server::fixture().await;
    let url = format!("{}/spryker/customer-groups", s.origin);
    let a = get(&s, "/customer-groups?page[limit]=3&q=%20").await;
    assert_eq!(a.ids().len(), 3);
    assert_eq!(
        a.body["meta"]["pagination"],
        json!({"numFound": 4, "currentPage": 1, "maxPage": 2, "currentItemsPerPage": 3})
    );
    let link = |o: u64| format!("{url}?page[limit]=3&page[offset]={o}&q=+");
    assert_eq!(
        a.body["links"],
        json!({"self": format!("{url}?q=+"), "first": link(0), "last": link(3), "next": link(3)})
    );
    let a = get(&s, "/customer-groups?page%5Boffset%5D=3&page%5Blimit%5D=3").await;
    assert_eq!(a.ids(), [fixture_uuid(4)]);
    assert_eq!(a.body["meta"]["pagination"]["currentPage"], json!(2));
    assert!(a.body["links"].get("next").is_none());
    assert_eq!(
        a.body["links"]["prev"],
        json!(format!("{url}?page[limit]=3&page[offset]=0"))
    );
    // Rounded down to a page: offset 2 of 2 per page is the second page.
    let a = get(&s, "/customer-groups?page[offset]=3&page[limit]=2").await;
    assert_eq!(a.ids(), [fixture_uuid(3), fixture_uuid(4)]);
    assert_eq!(
        a.body["meta"]["pagination"],
        json!({"numFound": 4, "currentPage": 2, "maxPage": 2, "currentItemsPerPage": 2})
    );
    // Past the end: the last page again.
    let a = get(&s, "/customer-groups?page[offset]=10&page[limit]=3").await;
    assert_eq!(a.status, 200);
    assert_eq!(a.ids(), [fixture_uuid(4)]);
    assert_eq!(a.body["meta"]["pagination"]["currentPage"], json!(2));
    // Never refused: below 1 or not a number is 10, no upper bound, negative is 0.
    for query in [
        "page[limit]=0",
        "page[limit]=ten",
        "page[limit]=-1",
        "page[offset]=-1",
        "page[offset]=x",
    ] {
        let a = get(&s, &format!("/customer-groups?{query}")).await;
        assert_eq!(a.status, 200, "{query}: {}", a.body);
        assert_eq!(
            a.body["meta"]["pagination"]["currentItemsPerPage"],
            json!(10),
            "{query}"
        );
        assert_eq!(a.ids().len(), 4, "{query}");
    }
    let a = get(&s, "/customer-groups?page[limit]=100000").await;
    assert_eq!(
        a.body["meta"]["pagination"]["currentItemsPerPage"],
        json!(100_000)
    );
    // Nothing found.
    let a = get(&s, "/customer-groups?q=nothing%20like%20this").await;
    assert_eq!(
        a.body["meta"]["pagination"],
        json!({"numFound": 0, "currentPage": 1, "maxPage": 0, "currentItemsPerPage": 10})
    );
    assert_eq!(
        a.body["links"],
        json!({"self": format!("{url}?q=nothing+like+this")})
    );
}

// Sorts by name and createdAt in both directions; other fields are 400 1203. q searches
// name or description, the name filter is exact ignoring case.
#[tokio::test(flavor = "multi_thread")]
async fn list_groups_sort_search_and_filter() {
    let s = Server::fixture().await;
    let u = |ids: &[i64]| ids.iter().map(|i| fixture_uuid(*i)).collect::<Vec<_>>();
    for (query, expected) in [
        ("sort=name", u(&[3, 1, 2, 4])),
        ("sort=-name", u(&[4, 2, 1, 3])),
        ("sort=createdAt", u(&[2, 4, 1, 3])),
        ("sort=-createdAt", u(&[3, 1, 4, 2])),
        ("q=vip", u(&[1, 4])),
        ("q=%20SPENDERS%20", u(&[1])),
        ("q=%C3%A9QUIPE", u(&[4])),
        ("q=vip&sort=-name", u(&[4, 1])),
        ("q=nothing", u(&[])),
        ("filter[customer-groups.name]=vip", u(&[1])),
        ("filter%5Bcustomer-groups.name%5D=WHOLESALE", u(&[2])),
        ("filter[customer-groups.name]=VI", u(&[])),
        ("filter[customer-groups.name]=Top%20spenders", u(&[])),
        ("filter[customer-groups.name]=VIP&q=staff", u(&[])),
    ] {
        let a = get(&s, &format!("/customer-groups?{query}")).await;
        assert_eq!(a.ids(), expected, "{query}");
        assert_eq!(
            a.body["meta"]["pagination"]["numFound"],
            json!(expected.len()),
            "{query}"
        );
    }
    for bad in ["id", "created_at", "-id", "email", "name,-id", "%2Bname"] {
        let a = get(&s, &format!("/customer-groups?sort={bad}")).await;
        a.error(400, "1203");
    }
    // A comma list sorts by each field in turn, ties by id in the last field's
    // direction; any number of leading dashes means descending.
    let ids = |q: &'static str| {
        let s = &s;
        async move { get(s, &format!("/customer-groups?sort={q}")).await.ids() }
    };
    assert_eq!(ids("name,createdAt").await, ids("name").await);
    assert_eq!(ids("--name").await, ids("-name").await);
    assert_eq!(ids("%20name%20,").await, ids("name").await);
}

// One group by uuid; unknown uuids and non-uuids are 404 1222.
#[tokio::test(flavor = "multi_thread")]
async fn get_group() {
    let s = Server::fixture().await;
    let a = get(&s, &group_path(1)).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.body, json!({"data": vip_resource()}));
    for path in [
        "/customer-groups/00000000-0000-4000-8000-0000000000ff".to_string(),
        "/customer-groups/1".to_string(),
        "/customer-groups/not-a-uuid".to_string(),
        format!("/customer-groups/{}0", fixture_uuid(1)),
    ] {
        get(&s, &path).await.error(404, "1222");
    }
}

// POST creates the trimmed group with its members (201, Location, the resource); the
// reference API sees the same group and uuid.
#[tokio::test(flavor = "multi_thread")]
async fn create_group() {
    let s = Server::fixture().await;
    let a = send(
        &s,
        Method::POST,
        "/customer-groups",
        Some(group_doc(json!({
            "name": "  Black Friday ",
            "description": " Deal hunters ",
            "customerReferences": ["DE--7", "DE--5"]
        }))),
    )
    .await;
    assert_eq!(a.status, 201, "{}", a.body);
    let uuid = a.body["data"]["id"].as_str().unwrap().to_string();
    assert!(cg_server::db::is_uuid(&uuid), "{uuid}");
    assert_eq!(
        a.headers["location"].to_str().unwrap(),
        format!("/spryker/customer-groups/{uuid}")
    );
    let created_at = a.body["data"]["attributes"]["createdAt"].clone();
    // DateTimeInterface::ATOM: the reference API's UTC timestamp with +00:00 for Z.
    let utc = created_at.as_str().unwrap().replace("+00:00", "Z");
    crate::common::assert_timestamp(&json!(utc));
    assert_eq!(
        a.body,
        json!({"data": {
            "type": "customer-groups",
            "id": uuid,
            "attributes": {"uuid": uuid, "name": "Black Friday", "description": "Deal hunters", "createdAt": created_at},
            "links": {"self": format!("/spryker/customer-groups/{uuid}")}
        }})
    );
    assert_eq!(
        get(&s, &format!("/customer-groups/{uuid}")).await.body,
        a.body
    );
    let members = get(&s, &format!("/customer-groups/{uuid}/customers")).await;
    assert_eq!(members.ids(), r(&[5, 7]));
    let (_, reference) = s.get("/customer-groups/5").await;
    assert_eq!(reference["uuid"], json!(uuid));
    assert_eq!(reference["customer_count"], json!(2));

    // Minimal: no description (null), no members; application/json is accepted too.
    let res = s
        .http
        .post(format!("{}/spryker/customer-groups", s.origin))
        .bearer_auth(crate::common::TEST_TOKEN)
        .json(&group_doc(
            json!({"name": "Solo", "description": null, "customerReferences": null}),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 201);
    let body: Value = serde_json::from_slice(&res.bytes().await.unwrap()).unwrap();
    assert_eq!(body["data"]["attributes"]["description"], Value::Null);
    let seventy = "é".repeat(70);
    let a = send(
        &s,
        Method::POST,
        "/customer-groups",
        Some(group_doc(
            json!({"name": seventy, "description": "x".repeat(255), "customerReferences": []}),
        )),
    )
    .await;
    assert_eq!(a.status, 201, "{}", a.body);
}

// Every rejected create writes nothing, and is answered as Spryker answers it:
// constraint violations alone (901, "field => Symfony's message", no source), then the
// domain checks together (1223 for the name, one 1224 per unknown reference with the
// reference in the detail); documents that cannot be read are 400 without a code.
#[tokio::test(flavor = "multi_thread")]
async fn create_group_errors_write_nothing() {
    let s = Server::fixture().await;
    let created = send(
        &s,
        Method::POST,
        "/customer-groups",
        Some(group_doc(json!({"name": "group1"}))),
    )
    .await;
    assert_eq!(created.status, 201);
    let before = s.snapshot();
    let post = |attributes: Value| {
        let s = &s;
        async move {
            send(
                s,
                Method::POST,
                "/customer-groups",
                Some(group_doc(attributes)),
            )
            .await
        }
    };
    let details = |a: &Answer| -> Vec<String> {
        a.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["detail"].as_str().unwrap().to_owned())
            .collect()
    };
    for (attributes, detail) in [
        (json!({}), "name => This field is missing."),
        (
            json!({"name": null}),
            "name => This value should not be blank.",
        ),
        (
            json!({"name": "   "}),
            "name => This value should not be blank.",
        ),
        (
            json!({"name": "a".repeat(71)}),
            "name => This value is too long. It should have 70 characters or less.",
        ),
        (
            json!({"name": 5}),
            "name => This value should be of type string.",
        ),
        (
            json!({"name": "Fine", "description": "d".repeat(256)}),
            "description => This value is too long. It should have 255 characters or less.",
        ),
        (
            json!({"name": "Fine", "description": ["x"]}),
            "description => This value should be of type string.",
        ),
        (
            json!({"name": "Fine", "customerReferences": "DE--1"}),
            "customerReferences => This value should be of type array.",
        ),
        (
            json!({"name": "Fine", "customerReferences": ["DE--1", 2]}),
            "customerReferences[1] => This value should be of type string.",
        ),
        (
            json!({"name": "Fine", "customerReferences": ["DE--1", "DE--2", " DE--1 "]}),
            "customerReferences => This collection should contain only unique elements.",
        ),
    ] {
        let a = post(attributes.clone()).await;
        let e = a.error(422, "901");
        assert_eq!(e["detail"], json!(detail), "{attributes}: {e}");
        assert!(
            e.get("source").is_none() && e.get("message").is_none(),
            "{e}"
        );
    }
    // Same name ignoring case and surrounding space: 1223, in Spryker's words.
    for name in ["Group1", " GROUP1 ", "vip"] {
        let a = post(json!({"name": name})).await;
        let e = a.error(422, "1223");
        let trimmed = name.trim();
        assert_eq!(
            e["detail"],
            json!(format!(
                "Customer group name \"{trimmed}\" is already taken. Names are compared case-insensitively."
            ))
        );
        assert_eq!(e["message"], e["detail"]);
    }
    // Unknown references: one entry each, in request order, the reference in the detail
    // (no meta, no pointer).
    let a = post(json!({"name": "Fine", "customerReferences": ["DE--1", "XX-1", "DE--2", "XX-2"]}))
        .await;
    assert_eq!(a.status, 422);
    assert_eq!(a.codes(), ["1224", "1224"]);
    assert_eq!(
        a.body["errors"][0],
        json!({"code": "1224", "status": 422, "detail": "Customer with reference \"XX-1\" was not found.", "message": "Customer with reference \"XX-1\" was not found."})
    );
    assert_eq!(
        details(&a)[1],
        "Customer with reference \"XX-2\" was not found."
    );
    // Violations come alone; the domain checks come together, the name first.
    let a =
        post(json!({"name": "", "description": "d".repeat(300), "customerReferences": ["nope"]}))
            .await;
    assert_eq!(a.status, 422);
    assert_eq!(a.codes(), ["901", "901"]);
    let a = post(json!({"name": "VIP", "customerReferences": ["nope", "DE--1"]})).await;
    assert_eq!(a.codes(), ["1223", "1224"]);
    // Documents that cannot be read are 400 without a code.
    for (content_type, body) in [
        (JSONAPI, "{\"data\": "),
        (JSONAPI, "[]"),
        (JSONAPI, "{}"),
        (JSONAPI, "{\"data\": {\"attributes\": {\"name\": \"X\"}}}"),
        (
            "text/plain",
            "{\"data\": {\"type\": \"customer-groups\", \"attributes\": {\"name\": \"X\"}}}",
        ),
    ] {
        let res = s
            .http
            .post(format!("{}/spryker/customer-groups", s.origin))
            .bearer_auth(crate::common::TEST_TOKEN)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 400, "{body}");
        let v: Value = serde_json::from_slice(&res.bytes().await.unwrap()).unwrap();
        assert!(v["errors"][0].get("code").is_none(), "{body}: {v}");
    }
    let a = send(
        &s,
        Method::POST,
        "/customer-groups",
        Some(json!({"data": {"type": "customers", "attributes": {"name": "X"}}})),
    )
    .await;
    assert_eq!(a.error(400, "")["detail"], json!("Invalid type."));
    assert_eq!(s.snapshot(), before);
}

// A group accepts at most 1000 references on create, members on POST and on PATCH.
#[tokio::test(flavor = "multi_thread")]
async fn thousand_reference_cap() {
    let s = Server::start(|_| {}, Some(1001), None).await;
    let before = s.snapshot();
    let too_many = refs(1..=1001);
    let a = send(
        &s,
        Method::POST,
        "/customer-groups",
        Some(group_doc(
            json!({"name": "Big", "customerReferences": too_many}),
        )),
    )
    .await;
    let e = a.error(422, "901");
    assert_eq!(
        e["detail"],
        json!("customerReferences => This collection should contain 1000 elements or less.")
    );
    assert_eq!(s.snapshot(), before);
    let a = send(
        &s,
        Method::POST,
        "/customer-groups",
        Some(group_doc(
            json!({"name": "Big", "customerReferences": refs(1..=1000)}),
        )),
    )
    .await;
    assert_eq!(a.status, 201, "{}", a.body);
    let uuid = a.body["data"]["id"].as_str().unwrap().to_string();
    let path = format!("/customer-groups/{uuid}/customers");
    let count = |a: Answer| a.body["meta"]["pagination"]["numFound"].clone();
    assert_eq!(
        count(get(&s, &format!("{path}?page[limit]=1")).await),
        json!(1000)
    );

    let before = s.snapshot();
    for method in [Method::POST, Method::PATCH] {
        let a = send(&s, method.clone(), &path, Some(members_doc(refs(1..=1001)))).await;
        a.error(422, "901");
        assert_eq!(s.snapshot(), before, "{method}");
    }
    let a = send(&s, Method::PATCH, &path, Some(members_doc(refs(2..=1001)))).await;
    assert_eq!(a.status, 204, "{}", a.body);
    let a = send(&s, Method::POST, &path, Some(members_doc(refs(1..=1000)))).await;
    assert_eq!(a.status, 204, "{}", a.body);
    assert_eq!(
        count(get(&s, &format!("{path}?page[limit]=1")).await),
        json!(1001)
    );
}

// PATCH applies only the attributes sent and not null (Spryker's mapper: a null
// description keeps it, "" clears it), keeps the uuid, ignores customerReferences, and
// rejects invalid values (901), taken names (1223) and unknown groups (1222) writing
// nothing.
#[tokio::test(flavor = "multi_thread")]
async fn update_group() {
    let s = Server::fixture().await;
    let patch = |path: String, attributes: Value| {
        let s = &s;
        async move { send(s, Method::PATCH, &path, Some(group_doc(attributes))).await }
    };
    let a = patch(group_path(1), json!({"name": " VIP Gold "})).await;
    assert_eq!(a.status, 200, "{}", a.body);
    let mut expected = vip_resource();
    expected["attributes"]["name"] = json!("VIP Gold");
    assert_eq!(a.body, json!({"data": expected}));
    let a = patch(
        group_path(1),
        json!({"description": null, "customerReferences": ["unknown", "unknown"]}),
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(
        a.body,
        json!({"data": expected}),
        "a null description is ignored"
    );
    let a = patch(group_path(1), json!({"description": ""})).await;
    assert_eq!(a.status, 200, "{}", a.body);
    expected["attributes"]["description"] = Value::Null;
    assert_eq!(a.body, json!({"data": expected}), "an empty one clears it");
    assert_eq!(members(&s, 1).await, r(&[1, 2, 3]), "members untouched");
    // Its own name in another case is fine.
    let a = patch(
        group_path(2),
        json!({"name": "WHOLESALE", "description": "B2B"}),
    )
    .await;
    assert_eq!(a.status, 200);
    assert_eq!(
        a.body["data"]["attributes"],
        json!({"uuid": fixture_uuid(2), "name": "WHOLESALE", "description": "B2B", "createdAt": "2023-05-10T09:00:00+00:00"})
    );
    let (_, reference) = s.get("/customer-groups/2").await;
    assert_eq!(
        (reference["name"].clone(), reference["uuid"].clone()),
        (json!("WHOLESALE"), json!(fixture_uuid(2)))
    );

    let before = s.snapshot();
    patch(group_path(1), json!({"name": "wholesale"}))
        .await
        .error(422, "1223");
    for (attributes, detail) in [
        (
            json!({"name": null}),
            "name => This value should not be blank.",
        ),
        (
            json!({"name": ""}),
            "name => This value should not be blank.",
        ),
        (
            json!({"description": "d".repeat(256)}),
            "description => This value is too long. It should have 255 characters or less.",
        ),
    ] {
        let a = patch(group_path(1), attributes).await;
        assert_eq!(a.error(422, "901")["detail"], json!(detail));
    }
    // The body's violations come before the group: the operation does not read it first.
    patch(
        "/customer-groups/00000000-0000-4000-8000-0000000000ff".into(),
        json!({"name": ""}),
    )
    .await
    .error(422, "901");
    patch(
        "/customer-groups/00000000-0000-4000-8000-0000000000ff".into(),
        json!({"name": "X"}),
    )
    .await
    .error(404, "1222");
    let a = send(
        &s,
        Method::PATCH,
        &group_path(1),
        Some(json!({"data": {"type": "customer-groups", "id": fixture_uuid(2), "attributes": {"name": "X"}}})),
    )
    .await;
    a.error(400, "");
    assert_eq!(s.snapshot(), before);
}

// DELETE removes the group and its memberships (customers stay); 404 1222 afterwards.
#[tokio::test(flavor = "multi_thread")]
async fn delete_group() {
    let s = Server::fixture().await;
    let a = send(&s, Method::DELETE, &group_path(2), None).await;
    assert_eq!((a.status, a.body), (204, Value::Null));
    get(&s, &group_path(2)).await.error(404, "1222");
    let snap = s.snapshot();
    assert!(!snap.lines().any(|l| l.starts_with("2:")), "{snap}");
    assert!(snap.contains("4:8\n"));
    assert_eq!(
        get(&s, "/customers").await.body["meta"]["pagination"]["numFound"],
        json!(12)
    );
    let before = s.snapshot();
    send(&s, Method::DELETE, &group_path(2), None)
        .await
        .error(404, "1222");
    send(&s, Method::DELETE, "/customer-groups/x", None)
        .await
        .error(404, "1222");
    assert_eq!(s.snapshot(), before);
}

// The members list: exact resources in id order, q over email/first/last name (never the
// id), sorts, paging, 1203 and 1222.
#[tokio::test(flavor = "multi_thread")]
async fn list_members() {
    let s = Server::fixture().await;
    let a = get(&s, &members_path(2)).await;
    assert_eq!(a.ids(), r(&[2, 4, 6, 8, 10, 12]));
    assert_eq!(
        a.body["data"][0],
        json!({"type": "customer-group-customers", "id": "DE--2", "attributes": {
            "customerReference": "DE--2", "email": "lukas.mueller@example.com",
            "firstName": "Lukas", "lastName": "Müller"}})
    );
    assert_eq!(a.body["meta"]["pagination"]["numFound"], json!(6));
    let path = members_path(2);
    for (query, expected) in [
        ("q=EXAMPLE.NET", r(&[4])),
        ("q=m%C3%BCller", r(&[2])),
        ("q=pri", r(&[10])),
        ("q=4", r(&[])),
        ("q=AR", r(&[6, 12])),
        ("sort=email", r(&[8, 4, 12, 2, 6, 10])),
        ("sort=-email", r(&[10, 6, 2, 12, 4, 8])),
        ("sort=firstName", r(&[8, 4, 12, 2, 6, 10])),
        ("sort=-lastName", r(&[4, 10, 2, 6, 8, 12])),
        // The offset is rounded down to a page: 1 of 2 is the first page.
        ("sort=lastName&page[offset]=1&page[limit]=2", r(&[12, 8])),
        ("sort=lastName&page[offset]=2&page[limit]=2", r(&[6, 2])),
    ] {
        assert_eq!(
            get(&s, &format!("{path}?{query}")).await.ids(),
            expected,
            "{query}"
        );
    }
    let a = get(&s, &format!("{path}?page[offset]=4&page[limit]=2&q=e")).await;
    assert_eq!(
        a.body["links"]["prev"],
        json!(format!(
            "{}/spryker{path}?page[limit]=2&page[offset]=2&q=e",
            s.origin
        ))
    );
    for bad in ["id", "gender", "customerReference"] {
        get(&s, &format!("{path}?sort={bad}"))
            .await
            .error(400, "1203");
    }
    assert_eq!(
        get(&s, &format!("{path}?page[limit]=1001"))
            .await
            .ids()
            .len(),
        6,
        "no upper bound"
    );
    get(&s, "/customer-groups/nope/customers")
        .await
        .error(404, "1222");
    assert!(get(&s, &members_path(3)).await.ids().is_empty());
}

// POST adds members, skipping present ones (idempotent); every rejection writes nothing.
#[tokio::test(flavor = "multi_thread")]
async fn add_members() {
    let s = Server::fixture().await;
    let path = members_path(1);
    let a = send(
        &s,
        Method::POST,
        &path,
        Some(members_doc(json!(["DE--3", "DE--5"]))),
    )
    .await;
    assert_eq!((a.status, a.body), (204, Value::Null));
    assert_eq!(members(&s, 1).await, r(&[1, 2, 3, 5]));
    let before = s.snapshot();
    let a = send(
        &s,
        Method::POST,
        &path,
        Some(members_doc(json!(["DE--5", "DE--1"]))),
    )
    .await;
    assert_eq!(a.status, 204);
    assert_eq!(s.snapshot(), before, "nothing new: nothing written");

    let post = |doc: Value| {
        let (s, path) = (&s, path.clone());
        async move { send(s, Method::POST, &path, Some(doc)).await }
    };
    let a = post(members_doc(json!([
        "DE--6", "ZZ-1", "DE--7", "ZZ-2", "ZZ-3"
    ])))
    .await;
    assert_eq!(a.status, 422);
    assert_eq!(a.codes(), ["1224", "1224", "1224"]);
    let named: Vec<String> = a.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["detail"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        named,
        ["ZZ-1", "ZZ-2", "ZZ-3"].map(|r| format!("Customer with reference \"{r}\" was not found."))
    );
    let violations = |a: Answer| -> Vec<String> {
        assert_eq!(a.status, 422, "{}", a.body);
        a.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                format!(
                    "{} {}",
                    e["code"].as_str().unwrap(),
                    e["detail"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        violations(post(members_doc(json!(["DE--6", "DE--6"]))).await),
        ["901 customerReferences => This collection should contain only unique elements."]
    );
    assert_eq!(
        violations(post(members_doc(json!([]))).await),
        [
            "901 customerReferences => This value should not be blank.",
            "901 customerReferences => This collection should contain 1 element or more."
        ]
    );
    assert_eq!(
        violations(post(members_doc(Value::Null)).await),
        ["901 customerReferences => This value should not be blank."]
    );
    assert_eq!(
        violations(
            post(json!({"data": {"type": "customer-group-customers", "attributes": {}}})).await
        ),
        ["901 customerReferences => This field is missing."]
    );
    post(members_doc(json!([6]))).await.error(422, "901");
    post(json!({"data": {"type": "customer-groups", "attributes": {"customerReferences": ["DE--6"]}}}))
        .await
        .error(400, "");
    send(
        &s,
        Method::POST,
        "/customer-groups/00000000-0000-4000-8000-0000000000ff/customers",
        Some(members_doc(json!(["DE--6"]))),
    )
    .await
    .error(404, "1222");
    assert_eq!(s.snapshot(), before);
}

// PATCH replaces the whole member set ([] clears it); every rejection writes nothing.
#[tokio::test(flavor = "multi_thread")]
async fn replace_members() {
    let s = Server::fixture().await;
    let path = members_path(2);
    let a = send(
        &s,
        Method::PATCH,
        &path,
        Some(members_doc(json!(["DE--5", "DE--2", "DE--1"]))),
    )
    .await;
    assert_eq!((a.status, a.body), (204, Value::Null));
    assert_eq!(members(&s, 2).await, r(&[1, 2, 5]));
    assert_eq!(
        members(&s, 1).await,
        r(&[1, 2, 3]),
        "other groups untouched"
    );
    let before = s.snapshot();
    let a = send(
        &s,
        Method::PATCH,
        &path,
        Some(members_doc(json!(["DE--1", "DE--2", "DE--5"]))),
    )
    .await;
    assert_eq!(a.status, 204);
    assert_eq!(s.snapshot(), before, "same set: nothing written");
    for (doc, code) in [
        (members_doc(json!(["DE--1", "NOPE"])), "1224"),
        (members_doc(json!(["DE--1", "DE--1"])), "901"),
        (members_doc(Value::Null), "901"),
        (members_doc(json!("DE--1")), "901"),
    ] {
        send(&s, Method::PATCH, &path, Some(doc))
            .await
            .error(422, code);
    }
    send(
        &s,
        Method::PATCH,
        "/customer-groups/x/customers",
        Some(members_doc(json!([]))),
    )
    .await
    .error(404, "1222");
    assert_eq!(s.snapshot(), before);
    let a = send(&s, Method::PATCH, &path, Some(members_doc(json!([])))).await;
    assert_eq!(a.status, 204);
    assert!(members(&s, 2).await.is_empty());
    assert_eq!(
        s.get("/customer-groups/2").await.1["customer_count"],
        json!(0)
    );
}

// DELETE of one member: 204, then 404 1225 (not a member, unknown reference) or 1222.
#[tokio::test(flavor = "multi_thread")]
async fn remove_member() {
    let s = Server::fixture().await;
    let member = |g: i64, reference: &str| format!("{}/{reference}", members_path(g));
    let a = send(&s, Method::DELETE, &member(1, "DE--2"), None).await;
    assert_eq!((a.status, a.body), (204, Value::Null));
    assert_eq!(members(&s, 1).await, r(&[1, 3]));
    assert_eq!(members(&s, 2).await, r(&[2, 4, 6, 8, 10, 12]));
    let before = s.snapshot();
    for path in [member(1, "DE--2"), member(1, "DE--4"), member(1, "XX-9")] {
        let e = send(&s, Method::DELETE, &path, None).await;
        assert!(
            e.error(404, "1225")["detail"]
                .as_str()
                .unwrap()
                .contains("is not a member"),
            "{path}"
        );
    }
    send(
        &s,
        Method::DELETE,
        "/customer-groups/00000000-0000-4000-8000-0000000000ff/customers/DE--1",
        None,
    )
    .await
    .error(404, "1222");
    assert_eq!(s.snapshot(), before);
}

// The customers list: exact resources, q, every filter, every sort, paging and errors.
#[tokio::test(flavor = "multi_thread")]
async fn list_customers() {
    let s = Server::fixture().await;
    let a = get(&s, "/customers").await;
    assert_eq!(a.ids(), r(&(1..=10).collect::<Vec<_>>()));
    assert_eq!(
        a.body["meta"]["pagination"],
        json!({"numFound": 12, "currentPage": 1, "maxPage": 2, "currentItemsPerPage": 10})
    );
    assert_eq!(
        a.body["links"]["next"],
        json!(format!(
            "{}/spryker/customers?page[limit]=10&page[offset]=10",
            s.origin
        ))
    );
    assert_eq!(
        a.body["data"][0],
        json!({"type": "customers", "id": "DE--1", "attributes": {
            "customerReference": "DE--1", "email": "anna.meyer17@example.com",
            "salutation": "n/a", "firstName": "Anna", "lastName": "Meyer", "gender": "Female",
            "dateOfBirth": null, "phone": null, "company": null, "createdAt": null,
            "updatedAt": null, "registered": null, "anonymizedAt": null},
            "links": {"self": "/spryker/customers/DE--1"}})
    );
    assert_eq!(a.body["data"][1]["attributes"]["gender"], json!("Male"));
    assert_eq!(a.body["data"][4]["attributes"]["gender"], Value::Null);
    let all = |query: &str| format!("/customers?page[limit]=100&{query}");
    let mut by_reference: Vec<i64> = (1..=12).collect();
    by_reference.sort_by_key(|i| format!("DE--{i}"));
    let mut by_email: Vec<(&str, i64)> = CUSTOMERS.iter().map(|c| (c.3, c.0)).collect();
    by_email.sort();
    let by_email: Vec<i64> = by_email.into_iter().map(|(_, i)| i).collect();
    for (query, expected) in [
        ("q=%C3%96ZIL", vec![3]),
        ("q=example.org", vec![3]),
        ("q=an", vec![1, 7]),
        ("q=ar", vec![6, 9, 12]),
        ("q=7", vec![1, 9]),
        // Spryker's search terms are unescaped LIKE patterns, sent as they are (not
        // trimmed); the e-mail filter compares exactly, case included (PostgreSQL).
        ("q=k_n", vec![4]),
        ("q=%25", (1..=12).collect()),
        ("q=%5C_", vec![]),
        ("q=+sam", vec![]),
        ("filter[customers.email]=anna.meyer17@example.com", vec![1]),
        ("filter[customers.email]=ANNA.MEYER17@EXAMPLE.COM", vec![]),
        ("filter[customers.email]=0", (1..=12).collect()),
        ("filter[customers.email]=anna.meyer17", vec![]),
        ("filter[customers.customerReference]=DE--5", vec![5]),
        ("filter[customers.customerReference]=de--5", vec![]),
        ("filter[customers.firstName]=AR", vec![6, 9, 12]),
        ("filter[customers.firstName]=meyer", vec![]),
        ("filter[customers.lastName]=%C3%B6z", vec![3]),
        ("filter[customers.lastName]=ber", vec![11]),
        (
            "filter[customers.lastName]=e&filter[customers.firstName]=l",
            vec![1, 2, 7, 8, 10, 11, 12],
        ),
        ("filter[customers.lastName]=e&q=kenji", vec![4]),
        ("filter[customers.firstName]=k_n", vec![4]),
        ("filter[customers.includeAnonymized]=true&q=sam", vec![5]),
        ("filter[customers.includeAnonymized]=false&q=sam", vec![5]),
        ("sort=customerReference", by_reference.clone()),
        (
            "sort=-customerReference",
            by_reference.iter().rev().copied().collect(),
        ),
        ("sort=email", by_email.clone()),
        ("sort=-email", by_email.iter().rev().copied().collect()),
        ("sort=firstName&q=ar", vec![12, 6, 9]),
        ("sort=-lastName&q=ar", vec![9, 6, 12]),
        ("sort=createdAt&page[limit]=3", vec![1, 2, 3]),
        ("sort=-createdAt&page[limit]=3", vec![12, 11, 10]),
        ("sort=-registered&page[limit]=2&page[offset]=2", vec![10, 9]),
    ] {
        let a = get(&s, &all(query)).await;
        assert_eq!(a.ids(), r(&expected), "{query}");
    }
    get(&s, "/customers?sort=id").await.error(400, "1203");
    get(&s, "/customers?sort=gender").await.error(400, "1203");
    // Read as Spryker reads them: any value is a boolean, any limit a page size.
    for query in ["filter[customers.includeAnonymized]=maybe", "page[limit]=0"] {
        assert_eq!(
            get(&s, &format!("/customers?{query}")).await.status,
            200,
            "{query}"
        );
    }
}

// One customer by reference; unknown references are 404 1201.
#[tokio::test(flavor = "multi_thread")]
async fn get_customer() {
    let s = Server::fixture().await;
    let a = get(&s, "/customers/DE--3").await;
    assert_eq!(a.status, 200);
    assert_eq!(a.body["data"]["id"], json!("DE--3"));
    assert_eq!(a.body["data"]["attributes"]["lastName"], json!("Özil"));
    assert_eq!(
        a.body["data"]["links"]["self"],
        json!("/spryker/customers/DE--3")
    );
    get(&s, "/customers/DE--99").await.error(404, "1201");
    get(&s, "/customers/3").await.error(404, "1201");
}

// Unknown paths are 404 1004 and unsupported methods 405 1005, as JSON:API errors.
#[tokio::test(flavor = "multi_thread")]
async fn unknown_routes_and_methods() {
    let s = Server::fixture().await;
    for path in [
        "",
        "/",
        "/groups",
        "/customer-groups/x/y",
        "/customers/DE--1/groups",
    ] {
        get(&s, path).await.error(404, "007");
    }
    let before = s.snapshot();
    for (method, path) in [
        (Method::PUT, group_path(1)),
        (Method::DELETE, "/customer-groups".to_string()),
        (Method::POST, "/customers".to_string()),
        (Method::DELETE, members_path(1)),
        (Method::GET, format!("{}/DE--1", members_path(1))),
    ] {
        send(&s, method.clone(), &path, None).await.error(405, "");
    }
    assert_eq!(s.snapshot(), before);
}

// Browsers on an allowed origin pass the preflight for PATCH with Authorization (the
// preflight itself needs no token).
#[tokio::test(flavor = "multi_thread")]
async fn cors_preflight_allows_patch() {
    let options = cg_server::AppOptions {
        allowed_origins: vec!["http://localhost:3000".parse().unwrap()],
        ..cg_server::AppOptions::default()
    };
    let s = Server::start_with(write_fixture, None, options).await;
    let res = s
        .http
        .request(
            Method::OPTIONS,
            format!("{}/spryker{}", s.origin, group_path(1)),
        )
        .header("origin", "http://localhost:3000")
        .header("access-control-request-method", "PATCH")
        .header(
            "access-control-request-headers",
            "authorization,content-type",
        )
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(
        res.headers()["access-control-allow-origin"],
        "http://localhost:3000"
    );
    assert!(
        res.headers()["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("PATCH")
    );
}

/// Posts `body` of `content_type` to `/spryker/token` without a bearer token; returns
/// status, content type and JSON.
async fn post_token(s: &Server, content_type: &str, body: &str) -> (u16, String, Value) {
    let res = reqwest::Client::new()
        .post(format!("{}/spryker/token", s.origin))
        .header("content-type", content_type)
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let ct = res.headers()["content-type"].to_str().unwrap().to_owned();
    (status, ct, res.json().await.unwrap())
}

// POST /spryker/token as spryker/oauth-backend-api answers it: the password grant and
// the refresh grant on the OAuth form, the password grant as a JSON:API document, the
// refusals with the OAuth error type; an issued token opens every route until it expires.
#[tokio::test(flavor = "multi_thread")]
async fn tokens_are_issued_refreshed_and_expire() {
    let options = cg_server::AppOptions {
        spryker_users: vec!["admin@spryker.com:change123".parse().unwrap()],
        spryker_token_lifetime: Some(std::time::Duration::from_secs(2)),
        ..cg_server::AppOptions::default()
    };
    let s = Server::start_with(crate::common::write_fixture, None, options).await;
    const FORM: &str = "application/x-www-form-urlencoded";
    let (status, ct, t) = post_token(
        &s,
        FORM,
        "grant_type=password&username=admin%40spryker.com&password=change123",
    )
    .await;
    assert_eq!((status, ct.as_str()), (200, "application/json"), "{t}");
    assert_eq!(t["token_type"], json!("Bearer"));
    assert_eq!(t["expires_in"], json!("2"));
    let access = t["access_token"].as_str().unwrap().to_owned();
    let groups = send_as(&s, Some(&access), Method::GET, "/customer-groups", None).await;
    assert_eq!(groups.status, 200);

    let refresh = format!(
        "grant_type=refresh_token&refresh_token={}",
        t["refresh_token"].as_str().unwrap()
    );
    let (status, _, renewed) = post_token(&s, FORM, &refresh).await;
    assert_eq!(status, 200, "{renewed}");
    assert_ne!(renewed["access_token"], t["access_token"]);
    let (status, _, again) = post_token(&s, FORM, &refresh).await;
    assert_eq!(status, 400);
    assert_eq!(
        again,
        json!([{"message": "The refresh token is invalid.", "status": 400, "code": "invalid_grant"}])
    );

    let (status, _, wrong) = post_token(
        &s,
        "application/json",
        r#"{"grant_type":"password","username":"admin@spryker.com","password":"nope"}"#,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        wrong,
        json!([{"message": "The user credentials were incorrect.", "status": 400, "code": "invalid_grant"}])
    );
    let (_, _, other) = post_token(&s, FORM, "grant_type=client_credentials").await;
    assert_eq!(other[0]["code"], json!("unsupported_grant_type"));
    let (_, _, missing) = post_token(&s, FORM, "grant_type=password&username=a").await;
    assert_eq!(missing[0]["code"], json!("invalid_request"));

    let doc = |password: &str| {
        json!({"data": {"type": "token", "attributes": {
            "grantType": "password", "username": "admin@spryker.com", "password": password}}})
        .to_string()
    };
    let (status, ct, created) = post_token(&s, JSONAPI, &doc("change123")).await;
    assert_eq!((status, ct.as_str()), (201, JSONAPI), "{created}");
    assert_eq!(created["data"]["type"], json!("token"));
    assert_eq!(created["data"]["attributes"]["tokenType"], json!("Bearer"));
    assert!(created["data"]["attributes"]["accessToken"].is_string());
    let (status, _, refused) = post_token(&s, JSONAPI, &doc("nope")).await;
    assert_eq!(status, 400);
    assert_eq!(refused["errors"][0]["code"], json!("invalid_grant"));

    let res = reqwest::Client::new()
        .get(format!("{}/spryker/token", s.origin))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 405);

    // The two-second token stops working once it has expired.
    let renewed = renewed["access_token"].as_str().unwrap().to_owned();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let a = send_as(&s, Some(&renewed), Method::GET, "/customer-groups", None).await;
        if a.status == 401 {
            a.error(401, "001");
            break;
        }
        assert_eq!(a.status, 200);
        assert!(
            std::time::Instant::now() < deadline,
            "the token never expired"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
