//! CORS, only for the origins the server is told to trust (`--allow-origin`, repeatable):
//! a request from an allowed origin gets `Access-Control-Allow-Origin: <that origin>`
//! (on the API, the Spryker dialect and the app's static files, so a host page elsewhere
//! can import the module and its wasm); any other origin gets no CORS headers at all, so
//! browsers keep other sites' pages from reading the answers. Without `--allow-origin`
//! nothing is allowed. Preflights are answered here (before authentication): methods
//! GET, POST, PUT, PATCH, DELETE; request headers `Authorization`, `Content-Type`,
//! `If-Match`, `Idempotency-Key`; exposed headers `Location`, `ETag`,
//! `Idempotent-Replayed`; `Vary: Origin` (and the preflight's request headers).

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, ETAG, IF_MATCH, LOCATION};
use axum::http::{HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// The `Idempotency-Key` request header.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
/// The `Idempotent-Replayed` response header.
pub const IDEMPOTENT_REPLAYED: &str = "idempotent-replayed";

/// An origin allowed to call the server from a browser: `scheme://host[:port]`, scheme
/// `http` or `https`, no path; compared exactly (scheme and host lowercased).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedOrigin(String);

impl AllowedOrigin {
    /// The origin as browsers send it in `Origin`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for AllowedOrigin {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "'{s}' is not an origin: write scheme://host[:port] (http or https, no path), \
                 e.g. https://shop.example.com"
            )
        };
        let lower = s.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .ok_or_else(bad)?;
        let (host, port) = if rest.starts_with('[') {
            let end = rest.find(']').ok_or_else(bad)? + 1;
            match &rest[end..] {
                "" => (&rest[..end], None),
                tail => (&rest[..end], Some(tail.strip_prefix(':').ok_or_else(bad)?)),
            }
        } else {
            match rest.split_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (rest, None),
            }
        };
        let host_ok = !host.is_empty()
            && host.bytes().all(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'[' | b']' | b':')
            });
        let port_ok = port.is_none_or(|p| !p.is_empty() && p.parse::<u16>().is_ok());
        if !host_ok || !port_ok {
            return Err(bad());
        }
        Ok(Self(lower))
    }
}

impl fmt::Display for AllowedOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The CORS layer for `origins` (none: no CORS headers for anyone).
pub fn cors_layer(origins: &[AllowedOrigin]) -> CorsLayer {
    let list = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o.as_str()).ok());
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(list))
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allow_headers([
            AUTHORIZATION,
            CONTENT_TYPE,
            IF_MATCH,
            HeaderName::from_static(IDEMPOTENCY_KEY),
        ])
        .expose_headers([LOCATION, ETAG, HeaderName::from_static(IDEMPOTENT_REPLAYED)])
        .max_age(Duration::from_secs(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Origins are scheme://host[:port]; anything else (a path, a wildcard, another
    // scheme, a bad port) is refused with a hint.
    #[test]
    fn parses_origins() {
        for (input, stored) in [
            ("https://shop.example.com", "https://shop.example.com"),
            ("HTTP://LOCALHOST:3000", "http://localhost:3000"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://[::1]:8080", "http://[::1]:8080"),
            ("http://[::1]", "http://[::1]"),
        ] {
            assert_eq!(input.parse::<AllowedOrigin>().unwrap().as_str(), stored);
        }
        for bad in [
            "*",
            "shop.example.com",
            "https://shop.example.com/",
            "https://shop.example.com/app",
            "ftp://shop.example.com",
            "https://",
            "https://shop.example.com:99999",
            "https://shop.example.com:",
            "https://a b",
            "http://[::1]x",
        ] {
            let e = bad.parse::<AllowedOrigin>().unwrap_err();
            assert!(e.contains("scheme://host[:port]"), "{bad}: {e}");
        }
    }
}
