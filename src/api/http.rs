//! The HTTP transport every dialect shares: base URL, auth header, timeout, and turning
//! transport failures into [`ApiError`]s. Dialects decide paths, parameters and bodies.

use super::ApiError;
use crate::config_problem::ConfigProblem;
use async_trait::async_trait;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderName};
use reqwest::{Method, Url};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Default time to wait for an answer.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// A raw answer: status and body text, for the dialect to decode.
#[derive(Clone, Debug)]
pub struct RawResponse {
    /// HTTP status.
    pub status: u16,
    /// Body as text (empty for 204).
    pub body: String,
}

impl RawResponse {
    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// A bearer token: printed as `<redacted>` by `Debug`, so it never reaches a log or an
/// error message.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a token.
    pub fn new(token: impl Into<String>) -> Self {
        Secret(token.into())
    }

    /// The token itself, for the `Authorization` header.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Called when the backend answers 401 (the host may sign the admin in again).
pub type UnauthorizedHook = Arc<dyn Fn() + Send + Sync>;

/// The bearer token of one app instance, which the host may replace while the app runs
/// (after signing the admin in again: then Retry works), and whom to tell of a 401.
#[derive(Clone, Default)]
pub struct Credentials(Arc<Mutex<(Option<Secret>, Option<UnauthorizedHook>)>>);

impl Credentials {
    /// Credentials with this token (or none).
    pub fn new(token: Option<Secret>) -> Self {
        Credentials(Arc::new(Mutex::new((token, None))))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (Option<Secret>, Option<UnauthorizedHook>)> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The token sent from now on.
    pub fn set_token(&self, token: Option<Secret>) {
        self.lock().0 = token;
    }

    /// The current token.
    pub fn token(&self) -> Option<Secret> {
        self.lock().0.clone()
    }

    /// Whom to call on a 401 (`None`: nobody, e.g. after unmounting).
    pub fn on_unauthorized(&self, hook: Option<UnauthorizedHook>) {
        self.lock().1 = hook;
    }

    fn unauthorized(&self) {
        let hook = self.lock().1.clone();
        if let Some(hook) = hook {
            hook();
        }
    }
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Credentials").field(&self.token()).finish()
    }
}

impl PartialEq for Credentials {
    fn eq(&self, other: &Self) -> bool {
        self.token() == other.token()
    }
}

impl Eq for Credentials {}

/// Sends requests to one backend.
#[derive(Clone, Debug)]
pub struct Transport {
    client: reqwest::Client,
    base: Url,
    credentials: Credentials,
    timeout: Duration,
}

/// Percent-encodes everything but unreserved characters (`A-Z a-z 0-9 - _ . ~`): an id
/// in a path segment or a value in a link template.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// An id as one path segment: percent-encoded, and never `.` or `..` (which a URL
/// resolves, even encoded, so `DELETE …/customers/..` would reach the group itself).
pub fn path_segment(id: &str) -> Result<String, ApiError> {
    if id.is_empty() || id == "." || id == ".." {
        return Err(ApiError::Client(format!("{id:?} is not an id")));
    }
    Ok(percent_encode(id))
}

/// Checks an absolute API base URL: http(s), ASCII host name.
pub fn parse_base_url(base: &str) -> Result<Url, ConfigProblem> {
    let trimmed = base.trim();
    if !trimmed.is_ascii() {
        return Err(ConfigProblem::UrlNotAscii(trimmed.to_owned()));
    }
    let mut url = Url::parse(trimmed).map_err(|_| ConfigProblem::UrlInvalid(trimmed.to_owned()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(ConfigProblem::UrlScheme(trimmed.to_owned()));
    }
    if !url.path().ends_with('/') {
        let p = format!("{}/", url.path());
        url.set_path(&p);
    }
    Ok(url)
}

impl Transport {
    /// A transport for `base_url` (absolute, e.g. `https://shop.example/api/v1/`).
    pub fn new(
        base_url: &str,
        credentials: Credentials,
        timeout: Duration,
    ) -> Result<Self, ConfigProblem> {
        Ok(Transport {
            client: reqwest::Client::new(),
            base: parse_base_url(base_url)?,
            credentials,
            timeout,
        })
    }

    /// The absolute URL of `path` (relative to the base) with query parameters.
    pub fn url(&self, path: &str, query: &[(&str, String)]) -> Result<Url, ApiError> {
        let mut url = self.base.join(path.trim_start_matches('/')).map_err(|_| {
            ApiError::Config(ConfigProblem::UrlInvalid(format!("{}{path}", self.base)))
        })?;
        if !query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in query {
                pairs.append_pair(k, v);
            }
        }
        Ok(url)
    }

    /// Sends one request with an optional JSON body and extra headers and returns
    /// status and body; a 401 is also told to the credentials' hook.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        json_body: Option<String>,
        content_type: &str,
        headers: &[(HeaderName, String)],
    ) -> Result<RawResponse, ApiError> {
        let url = self.url(path, query)?;
        let mut req = self.client.request(method, url).timeout(self.timeout);
        // The answer is asked for in the body's type unless the caller names another.
        if !headers.iter().any(|(name, _)| *name == ACCEPT) {
            req = req.header(ACCEPT, content_type);
        }
        if let Some(token) = self.credentials.token() {
            req = req.header(AUTHORIZATION, format!("Bearer {}", token.expose()));
        }
        for (name, value) in headers {
            req = req.header(name.clone(), value);
        }
        if let Some(body) = json_body {
            req = req.header(CONTENT_TYPE, content_type).body(body);
        }
        let resp = req.send().await.map_err(transport_error)?;
        let status = resp.status().as_u16();
        if status == 401 {
            self.credentials.unauthorized();
        }
        let body = resp.text().await.map_err(transport_error)?;
        Ok(RawResponse { status, body })
    }
}

/// A successful answer's JSON body as `T`; an error status through the dialect's
/// `decode_error` (each dialect reads its own error documents).
pub fn json_or<T: serde::de::DeserializeOwned>(
    resp: RawResponse,
    decode_error: fn(&RawResponse) -> ApiError,
) -> Result<T, ApiError> {
    if !resp.is_success() {
        return Err(decode_error(&resp));
    }
    serde_json::from_str(&resp.body).map_err(|e| ApiError::Decode(e.to_string()))
}

/// A successful answer without a body needed; an error status through `decode_error`.
pub fn success_or(
    resp: RawResponse,
    decode_error: fn(&RawResponse) -> ApiError,
) -> Result<(), ApiError> {
    if resp.is_success() {
        Ok(())
    } else {
        Err(decode_error(&resp))
    }
}

/// A request body as JSON; a value that cannot be written is the app's own failure
/// (nothing was sent).
pub fn to_json<T: serde::Serialize>(v: &T) -> Result<String, ApiError> {
    serde_json::to_string(v).map_err(|e| ApiError::Client(e.to_string()))
}

/// Sends one request: what a dialect needs of HTTP. [`Transport`] is the real one; a
/// test can wrap it to record the requests a dialect makes or to fail one on purpose.
#[async_trait(?Send)]
pub trait Http {
    /// Sends `method path?query` with an optional body of `content_type` and extra
    /// headers (`If-Match`, `Idempotency-Key`) and returns status and body.
    async fn send_with(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<String>,
        content_type: &str,
        headers: &[(HeaderName, String)],
    ) -> Result<RawResponse, ApiError>;

    /// [`Http::send_with`] without extra headers.
    async fn send(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<String>,
        content_type: &str,
    ) -> Result<RawResponse, ApiError> {
        self.send_with(method, path, query, body, content_type, &[])
            .await
    }
}

#[async_trait(?Send)]
impl Http for Transport {
    async fn send_with(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<String>,
        content_type: &str,
        headers: &[(HeaderName, String)],
    ) -> Result<RawResponse, ApiError> {
        Transport::send(self, method, path, query, body, content_type, headers).await
    }
}

fn transport_error(e: reqwest::Error) -> ApiError {
    if e.is_timeout() {
        ApiError::Timeout
    } else {
        ApiError::Network(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A misconfigured host is told clearly, before any request is made.
    #[test]
    fn base_url_is_validated() {
        assert!(parse_base_url("http://127.0.0.1:8080/api/v1").is_ok());
        assert_eq!(
            parse_base_url("ftp://x/"),
            Err(ConfigProblem::UrlScheme("ftp://x/".into()))
        );
        assert_eq!(
            parse_base_url(" /api/v1"),
            Err(ConfigProblem::UrlInvalid("/api/v1".into()))
        );
        assert_eq!(
            parse_base_url("https://bücher.example/"),
            Err(ConfigProblem::UrlNotAscii("https://bücher.example/".into()))
        );
    }

    // A token never shows in Debug output (logs, panics, error messages).
    #[test]
    fn token_is_redacted() {
        let t = Transport::new(
            "http://h/",
            Credentials::new(Some(Secret::new("s3cr3t"))),
            DEFAULT_TIMEOUT,
        )
        .unwrap();
        let printed = format!("{t:?}");
        assert!(
            !printed.contains("s3cr3t") && printed.contains("<redacted>"),
            "{printed}"
        );
    }

    // An id can never climb out of its place in the path.
    #[test]
    fn dot_ids_are_refused() {
        assert!(matches!(path_segment(".."), Err(ApiError::Client(_))));
        assert!(matches!(path_segment("."), Err(ApiError::Client(_))));
        assert_eq!(path_segment("DE 1/2").unwrap(), "DE%201%2F2");
    }

    // Paths join under the base path (no lost `/api/v1`), parameters are encoded.
    #[test]
    fn urls_join_under_the_base() {
        let t =
            Transport::new("http://h:1/api/v1", Credentials::default(), DEFAULT_TIMEOUT).unwrap();
        let u = t
            .url(
                "customer-groups",
                &[("q", "a b&c".into()), ("page", "2".into())],
            )
            .unwrap();
        assert_eq!(
            u.as_str(),
            "http://h:1/api/v1/customer-groups?q=a+b%26c&page=2"
        );
    }
}
