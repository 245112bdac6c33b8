//! Security headers on every answer (API, Spryker dialect, static files, errors, 404s):
//! `Content-Security-Policy` — the app page's own policy ([`PAGE_CSP`], the `<meta>` of
//! `index.html`; a test keeps the two equal) plus `frame-ancestors 'self'`, which only a
//! header can carry —, `X-Content-Type-Options: nosniff` and `Referrer-Policy:
//! no-referrer`. A header a handler already set is kept.

use axum::http::header::{CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS};
use axum::http::{HeaderName, HeaderValue};
use axum::response::Response;

/// The Content-Security-Policy of the app page, exactly as in the `<meta
/// http-equiv="Content-Security-Policy">` of the repository's `index.html`.
pub const PAGE_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self' http: https:; object-src 'none'; base-uri 'self'; form-action 'self'";

/// The `Content-Security-Policy` header value: [`PAGE_CSP`] and `frame-ancestors 'self'`.
pub fn csp_header() -> String {
    format!("{PAGE_CSP}; frame-ancestors 'self'")
}

/// The security headers, as (name, value) pairs.
pub fn security_headers() -> [(HeaderName, HeaderValue); 3] {
    [
        (
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&csp_header())
                .unwrap_or(HeaderValue::from_static("default-src 'self'")),
        ),
        (X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (REFERRER_POLICY, HeaderValue::from_static("no-referrer")),
    ]
}

/// Response mapper: adds the security headers a response does not have yet.
pub async fn add_security_headers(mut res: Response) -> Response {
    let headers = res.headers_mut();
    for (name, value) in security_headers() {
        if !headers.contains_key(&name) {
            headers.insert(name, value);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `content` of the CSP `<meta>` of `html`.
    fn meta_csp(html: &str) -> Option<String> {
        let at = html.find("http-equiv=\"Content-Security-Policy\"")?;
        let rest = &html[at..];
        let start = rest.find("content=\"")? + "content=\"".len();
        let end = rest[start..].find('"')?;
        Some(rest[start..start + end].to_string())
    }

    // The header's policy is the page's own: the constant must follow index.html.
    #[test]
    fn csp_is_the_page_policy() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../index.html");
        let html = std::fs::read_to_string(path).unwrap();
        assert_eq!(meta_csp(&html).as_deref(), Some(PAGE_CSP), "{path}");
        assert!(csp_header().ends_with("; frame-ancestors 'self'"));
    }
}
