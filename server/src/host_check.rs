//! Which `Host` the server answers for, against DNS rebinding: a page on an attacker's
//! domain that resolves to this machine would otherwise read the served page (and the
//! bearer token in it) as same-origin. Answered are IP literals, `localhost`, the hosts
//! of `--allow-origin` origins and those given with `--allow-host`; anything else gets
//! 421 before any route runs.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::http::header::HOST;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::IpAddr;
use std::sync::Arc;

use crate::error::ApiError;

/// The host names (lowercase, no port) answered besides IP literals and `localhost`.
#[derive(Clone, Debug, Default)]
pub struct KnownHosts(Arc<Vec<String>>);

impl KnownHosts {
    /// These names (case ignored).
    pub fn new(names: impl IntoIterator<Item = String>) -> Self {
        KnownHosts(Arc::new(
            names.into_iter().map(|n| n.to_ascii_lowercase()).collect(),
        ))
    }

    /// Whether a `Host` header value (with or without port) is answered.
    pub fn allows(&self, host: &str) -> bool {
        let name = host_name(host).to_ascii_lowercase();
        name == "localhost"
            || name
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<IpAddr>()
                .is_ok()
            || self.0.contains(&name)
    }
}

/// The host part of a `Host` value: `[::1]:8080` → `[::1]`, `a.example:80` → `a.example`.
pub fn host_name(host: &str) -> &str {
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) && !name.ends_with(':') => {
            name
        }
        _ => host,
    }
}

/// Refuses requests whose `Host` the server does not answer for (421). A request without
/// `Host` (HTTP/1.0 tools) passes: browsers always send one.
pub async fn require_known_host(
    State(known): State<KnownHosts>,
    req: Request,
    next: Next,
) -> Response {
    let host = req.headers().get(HOST).and_then(|h| h.to_str().ok());
    match host {
        Some(h) if !known.allows(h) => ApiError::new(
            StatusCode::MISDIRECTED_REQUEST,
            format!(
                "This server does not answer for the host '{h}'. Start it with --allow-host \
                 NAME (or --allow-origin) to serve it under a domain name."
            ),
        )
        .with_code("unknown_host")
        .into_response(),
        _ => next.run(req).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // IP literals and localhost always; a domain only when it was named.
    #[test]
    fn known_hosts() {
        let k = KnownHosts::new(["Shop.Example".to_owned()]);
        for ok in [
            "127.0.0.1:8080",
            "localhost",
            "LOCALHOST:80",
            "[::1]:8080",
            "[::1]",
            "10.0.0.5",
            "shop.example:443",
        ] {
            assert!(k.allows(ok), "{ok}");
        }
        for no in [
            "evil.example",
            "evil.example:8080",
            "127.0.0.1.evil.example",
            "shop.example.evil",
        ] {
            assert!(!k.allows(no), "{no}");
        }
    }
}
