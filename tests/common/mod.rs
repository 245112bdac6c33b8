//! What the client tests share: the real transport wrapped to record every request and
//! to fail one write on purpose.
// Each test file uses a part of it.
#![allow(dead_code)]

use async_trait::async_trait;
use cg_admin::api::ApiError;
use cg_admin::api::http::{Http, RawResponse, Transport};
use reqwest::Method;
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
    async fn send(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<String>,
        content_type: &str,
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
            .send(method, path, query, body, content_type)
            .await
    }
}
