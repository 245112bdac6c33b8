//! What the client tests share: a real reference server on a random port with a known
//! bearer token ([`TestServer`], [`TEST_TOKEN`]), transports that send that token
//! ([`TestServer::transport`]), and the real transport wrapped to record every request
//! and to fail one write on purpose.
// Each test file uses a part of it.
#![allow(dead_code)]

use async_trait::async_trait;
use cg_admin::api::ApiError;
use cg_admin::api::http::{Http, RawResponse, Transport};
use reqwest::Method;
use reqwest::header::HeaderName;
use std::sync::Mutex;

/// One request as the dialect sent it.
#[derive(Clone, Debug)]
pub struct Sent {
    pub method: Method,
    pub path: String,
    pub refs: Vec<String>,
}

/// The real transport, recording every request; can fail the n-th write (0-based) with
/// a 503 without sending it — the one fault a real server does not produce on demand.
pub struct Recording {
    pub inner: Transport,
    pub sent: Mutex<Vec<Sent>>,
    pub fail_write: Mutex<Option<usize>>,
}

impl Recording {
    /// Records what goes through `inner`.
    pub fn new(inner: Transport) -> Self {
        Recording {
            inner,
            sent: Mutex::default(),
            fail_write: Mutex::default(),
        }
    }

    /// The requests that write (all but GETs).
    pub fn writes(&self) -> Vec<Sent> {
        self.sent
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.method != Method::GET)
            .cloned()
            .collect()
    }

    /// The writes as `POST 1000`, `PATCH 0`, `DELETE`.
    pub fn shape(&self) -> Vec<String> {
        self.writes()
            .iter()
            .map(|s| match s.method {
                Method::DELETE => "DELETE".to_owned(),
                ref m => format!("{m} {}", s.refs.len()),
            })
            .collect()
    }

    /// Forgets what was recorded.
    pub fn clear(&self) {
        self.sent.lock().unwrap().clear();
    }
}

fn refs_of(body: &Option<String>) -> Vec<String> {
    let Some(body) = body else { return Vec::new() };
    let v: serde_json::Value = serde_json::from_str(body).unwrap();
    v["data"]["attributes"]["customerReferences"]
        .as_array()
        .map(|a| a.iter().map(|r| r.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

#[async_trait(?Send)]
impl Http for Recording {
    async fn send_with(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<String>,
        content_type: &str,
        headers: &[(HeaderName, String)],
    ) -> Result<RawResponse, ApiError> {
        let writes_before = self.writes().len();
        self.sent.lock().unwrap().push(Sent {
            method: method.clone(),
            path: path.to_owned(),
            refs: refs_of(&body),
        });
        if method != Method::GET && *self.fail_write.lock().unwrap() == Some(writes_before) {
            return Ok(RawResponse {
                status: 503,
                body: String::new(),
            });
        }
        self.inner
            .send_with(method, path, query, body, content_type, headers)
            .await
    }
}

/// The bearer token the test servers are started with: every `/api/v1` and `/spryker/`
/// request must send it (`Authorization: Bearer cg-test-token`).
pub const TEST_TOKEN: &str = "cg-test-token";

/// The token as the client's configuration holds it.
pub fn token() -> Option<cg_admin::api::http::Secret> {
    Some(cg_admin::api::http::Secret::new(TEST_TOKEN))
}

/// Transport credentials holding [`TEST_TOKEN`].
pub fn credentials() -> cg_admin::api::http::Credentials {
    cg_admin::api::http::Credentials::new(token())
}

/// A reference server on `127.0.0.1` with a random port over a temporary, seeded
/// database, accepting [`TEST_TOKEN`]; stopped when dropped.
pub struct TestServer {
    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub origin: String,
    server: tokio::task::JoinHandle<()>,
    dir: tempfile::TempDir,
}

impl TestServer {
    /// Starts a server whose database holds `customers` demo customers.
    pub async fn start(customers: usize) -> Self {
        Self::start_with(customers, cg_server::AppOptions::default()).await
    }

    /// Starts a server as [`start`](Self::start) does, with `options` (the token is
    /// always [`TEST_TOKEN`]).
    pub async fn start_with(customers: usize, options: cg_server::AppOptions) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let options = cg_server::AppOptions {
            token: Some(TEST_TOKEN.into()),
            ..options
        };
        let (addr, server) =
            cg_server::spawn_with(&dir.path().join("t.db"), Some(customers), options)
                .await
                .unwrap();
        TestServer {
            origin: format!("http://{addr}"),
            server,
            dir,
        }
    }

    /// Runs SQL statements on the server's database (data no API writes, such as a
    /// customer's e-mail address).
    pub fn sql(&self, statements: &str) {
        let conn = cg_server::db::open(&self.dir.path().join("t.db")).unwrap();
        conn.execute_batch(statements).unwrap();
    }

    /// A transport to `base` (`/api/v1/` or `/spryker/`) on this server, sending
    /// [`TEST_TOKEN`].
    pub fn transport(&self, base: &str) -> Transport {
        let url = format!("{}{base}", self.origin);
        Transport::new(&url, credentials(), cg_admin::api::http::DEFAULT_TIMEOUT).unwrap()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.server.abort();
    }
}
