//! Shared helpers: a real server on a random port over a temporary database, a fixture
//! data set with known values, HTTP shortcuts and a database snapshot to prove that a
//! request wrote nothing. The server's client sends the bearer token ([`TEST_TOKEN`]
//! unless the test gives another); [`Server::call`] sends `If-Match: *` on writes to an
//! existing group, so tests about something else need not track versions
//! ([`Server::send`] sends exactly the headers given).

use std::path::{Path, PathBuf};

use cg_server::db::{self, NewCustomer};
use cg_server::keys::group_key;
use reqwest::Method;
use reqwest::header::HeaderMap;
use rusqlite::{Connection, params};
use serde_json::Value;
use tempfile::TempDir;
use tokio::task::JoinHandle;

/// The bearer token the test servers are started with (unless a test gives another).
pub const TEST_TOKEN: &str = "cg-test-token";

/// Fixture customers: (id, first name, last name, email, gender).
pub const CUSTOMERS: &[(i64, &str, &str, &str, &str)] = &[
    (1, "Anna", "Meyer", "anna.meyer17@example.com", "female"),
    (2, "Lukas", "Müller", "lukas.mueller@example.com", "male"),
    (3, "Zoë", "Özil", "zoe.oezil@example.org", "female"),
    (4, "Kenji", "Sato", "kenji.sato@example.net", "male"),
    (5, "Sam", "Taylor", "sam.taylor@example.com", "unknown"),
    (6, "María", "García", "maria.garcia@example.com", "female"),
    (7, "Erik", "Andersson", "erik.andersson@example.com", "male"),
    (8, "Chloé", "Dubois", "chloe.dubois@example.com", "female"),
    (9, "Omar", "Haddad", "omar.haddad117@example.com", "male"),
    (10, "Priya", "Patel", "priya.patel@example.com", "female"),
    (11, "Émile", "Berg", "emile.berg@example.com", "male"),
    (12, "Lars", "de Vries", "lars.devries@example.com", "male"),
];

/// A fixture group: (id, name, description, created_at, updated_at, member ids).
pub type FixtureGroup = (
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [i64],
);

/// Fixture groups.
pub const GROUPS: &[FixtureGroup] = &[
    (
        1,
        "VIP",
        "Top spenders",
        "2024-03-01T10:00:00Z",
        "2024-06-01T08:30:00Z",
        &[1, 2, 3],
    ),
    (
        2,
        "wholesale",
        "Bulk buyers, net-30",
        "2023-05-10T09:00:00Z",
        "2023-05-10T09:00:00Z",
        &[2, 4, 6, 8, 10, 12],
    ),
    (
        3,
        "Newsletter",
        "",
        "2025-01-20T12:00:00Z",
        "2025-01-20T12:00:00Z",
        &[],
    ),
    (
        4,
        "Équipe",
        "Staff in France (VIP too)",
        "2024-01-15T07:15:00Z",
        "2024-01-15T07:15:00Z",
        &[8],
    ),
];

/// The JSON a fixture customer is answered as.
pub fn customer_json(id: i64) -> Value {
    let (id, first, last, email, gender) = *CUSTOMERS.iter().find(|c| c.0 == id).unwrap();
    serde_json::json!({
        "id": id,
        "customer_reference": format!("DE--{id}"),
        "email": email,
        "first_name": first,
        "last_name": last,
        "gender": gender,
    })
}

/// The uuid of fixture group `id` (fixed, in the server's v4 form).
pub fn fixture_uuid(id: i64) -> String {
    format!("00000000-0000-4000-8000-{id:012x}")
}

/// The JSON a fixture group is answered as (before any change).
pub fn group_json(id: i64) -> Value {
    let (id, name, description, created, updated, members) =
        *GROUPS.iter().find(|g| g.0 == id).unwrap();
    serde_json::json!({
        "id": id,
        "uuid": fixture_uuid(id),
        "name": name,
        "description": description,
        "created_at": created,
        "updated_at": updated,
        "customer_count": members.len(),
        "version": 1,
    })
}

/// Writes the fixture data into a new database at `path`.
pub fn write_fixture(path: &Path) {
    let mut conn = db::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    for &(id, first, last, email, gender) in CUSTOMERS {
        db::insert_customer(
            &tx,
            &NewCustomer {
                id: Some(id),
                customer_reference: format!("DE--{id}"),
                email: email.into(),
                first_name: first.into(),
                last_name: last.into(),
                gender: gender.into(),
            },
        )
        .unwrap();
    }
    for &(id, name, description, created, updated, members) in GROUPS {
        tx.execute(
            "INSERT INTO customer_group (id, uuid, name, name_key, description, description_key, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, fixture_uuid(id), name, group_key(name), description, group_key(description), created, updated],
        )
        .unwrap();
        for m in members {
            tx.execute(
                "INSERT INTO customer_group_member (group_id, customer_id) VALUES (?1, ?2)",
                [id, *m],
            )
            .unwrap();
        }
    }
    tx.commit().unwrap();
}

/// A running server; aborted when dropped.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub origin: String,
    /// The database file.
    pub db: PathBuf,
    /// The HTTP client; sends `Authorization: Bearer <token>` on every request.
    pub http: reqwest::Client,
    handle: JoinHandle<()>,
    _dir: TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.handle.abort();
    }
}

impl Server {
    /// Starts a server over a temporary database, filled by `fill` before start, seeded
    /// with `seed` demo customers when given, serving `dist` when given.
    pub async fn start(
        fill: impl FnOnce(&Path),
        seed: Option<usize>,
        dist: Option<PathBuf>,
    ) -> Self {
        let options = cg_server::AppOptions {
            dist,
            ..cg_server::AppOptions::default()
        };
        Self::start_with(fill, seed, options).await
    }

    /// Like [`start`](Self::start), with every option of the app (token — [`TEST_TOKEN`]
    /// when none is given —, allowed origins, page settings).
    pub async fn start_with(
        fill: impl FnOnce(&Path),
        seed: Option<usize>,
        mut options: cg_server::AppOptions,
    ) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("test.db");
        fill(&db);
        let token = options
            .token
            .get_or_insert_with(|| TEST_TOKEN.into())
            .clone();
        let (addr, handle) = cg_server::spawn_with(&db, seed, options).await.unwrap();
        Server {
            origin: format!("http://{addr}"),
            db,
            http: client_with_token(&token),
            handle,
            _dir: dir,
        }
    }

    /// A server over the fixture data.
    pub async fn fixture() -> Self {
        Self::start(write_fixture, None, None).await
    }

    /// Absolute URL of an API path (`/customer-groups…`).
    pub fn api(&self, path: &str) -> String {
        format!("{}/api/v1{path}", self.origin)
    }

    /// Sends a request to an API path with an optional JSON body (and `If-Match: *` on a
    /// write to an existing group); returns status and JSON (`Null` for an empty body).
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let writes_group = path.starts_with("/customer-groups/")
            && (method != Method::GET && method != Method::POST || path.ends_with("/changes"));
        let headers: &[(&str, &str)] = if writes_group {
            &[("if-match", "*")]
        } else {
            &[]
        };
        let (status, body, _) = self.send(method, path, body, headers).await;
        (status, body)
    }

    /// Sends a request to an API path with an optional JSON body and exactly the extra
    /// `headers` given; returns status, JSON (`Null` for an empty body) and the headers.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> (u16, Value, HeaderMap) {
        let mut req = self.http.request(method, self.api(path));
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.unwrap();
        let headers = res.headers().clone();
        let (status, body) = read(res).await;
        (status, body, headers)
    }

    /// PATCH JSON to an API path (with `If-Match: *`).
    pub async fn patch(&self, path: &str, body: Value) -> (u16, Value) {
        self.call(Method::PATCH, path, Some(body)).await
    }

    /// GET an API path.
    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.call(Method::GET, path, None).await
    }

    /// POST JSON to an API path.
    pub async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.call(Method::POST, path, Some(body)).await
    }

    /// PUT JSON to an API path.
    pub async fn put(&self, path: &str, body: Value) -> (u16, Value) {
        self.call(Method::PUT, path, Some(body)).await
    }

    /// Sends a raw body with the given content type.
    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> (u16, Value) {
        let res = self
            .http
            .request(method, self.api(path))
            .header("if-match", "*")
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        read(res).await
    }

    /// Ids of the items of a page response.
    pub async fn ids(&self, path: &str) -> Vec<i64> {
        let (status, body) = self.get(path).await;
        assert_eq!(status, 200, "{path}: {body}");
        ids(&body)
    }

    /// Every row of the groups and memberships tables plus the customer count, as text:
    /// equal snapshots mean nothing was written.
    pub fn snapshot(&self) -> String {
        snapshot(&self.db)
    }
}

/// A client that sends `Authorization: Bearer <token>` on every request.
pub fn client_with_token(token: &str) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    headers.insert(
        reqwest::header::AUTHORIZATION,
        format!("Bearer {token}").parse().unwrap(),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap()
}

/// Status and JSON body of a response (`Null` when the body is empty).
pub async fn read(res: reqwest::Response) -> (u16, Value) {
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    let value = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"))
    };
    (status, value)
}

/// The `id`s of a page's `items`.
pub fn ids(page: &Value) -> Vec<i64> {
    page["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items: {page}"))
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect()
}

/// Text dump of every table of the database at `path`.
pub fn snapshot(path: &Path) -> String {
    let conn = Connection::open(path).unwrap();
    let mut out = String::new();
    for sql in [
        "SELECT id || '|' || uuid || '|' || name || '|' || name_key || '|' || description || '|' || created_at || '|' || updated_at || '|' || version FROM customer_group ORDER BY id",
        "SELECT group_id || ':' || customer_id FROM customer_group_member ORDER BY group_id, customer_id",
        "SELECT id || '|' || customer_reference || '|' || email || '|' || first_name || '|' || last_name || '|' || gender || '|' || search_key FROM customer ORDER BY id",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        for row in rows {
            out.push_str(&row.unwrap());
            out.push('\n');
        }
        out.push_str("--\n");
    }
    out
}

/// Asserts that a timestamp looks like `2026-11-28T14:05:00Z`.
pub fn assert_timestamp(v: &Value) {
    let s = v.as_str().unwrap_or_else(|| panic!("not a string: {v}"));
    let b = s.as_bytes();
    let shape_ok = s.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        });
    assert!(shape_ok, "not an RFC 3339 UTC timestamp: {s}");
}
