//! CORS only for allowed origins (API, Spryker dialect, static files) and the security
//! headers on every answer.

use std::path::Path;

use reqwest::Method;

use crate::common::{Server, write_fixture};

const ALLOWED: &str = "https://shop.example";
const EVIL: &str = "https://evil.example";
const JS: &str = "app-0123456789abcdef.js";

fn make_dist(dir: &Path) {
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><html><body><div id=\"cg-app\"></div></body></html>\n",
    )
    .unwrap();
    std::fs::write(dir.join(JS), "export function start() {}\n").unwrap();
}

/// A server serving a minimal app, allowing `origins`.
async fn server(origins: &[&str]) -> (Server, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    make_dist(dist.path());
    let options = cg_server::AppOptions {
        dist: Some(dist.path().to_path_buf()),
        allowed_origins: origins.iter().map(|o| o.parse().unwrap()).collect(),
        ..cg_server::AppOptions::default()
    };
    (Server::start_with(write_fixture, None, options).await, dist)
}

async fn preflight(s: &Server, path: &str, origin: &str) -> reqwest::Response {
    s.http
        .request(Method::OPTIONS, format!("{}{path}", s.origin))
        .header("origin", origin)
        .header("access-control-request-method", "PATCH")
        .header(
            "access-control-request-headers",
            "authorization,content-type,if-match,idempotency-key",
        )
        .send()
        .await
        .unwrap()
}

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get_all(name)
        .iter()
        .map(|v| v.to_str().unwrap().to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

// Without --allow-origin nobody gets CORS headers: not on a preflight, not on an answer.
#[tokio::test(flavor = "multi_thread")]
async fn no_origin_is_allowed_by_default() {
    let (s, _dist) = server(&[]).await;
    let res = preflight(&s, "/api/v1/customer-groups/1", ALLOWED).await;
    assert!(res.headers().get("access-control-allow-origin").is_none());
    let res = s
        .http
        .get(s.api("/customer-groups"))
        .header("origin", ALLOWED)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers().get("access-control-allow-origin").is_none());
}

// Another origin than the allowed one gets no Access-Control-Allow-Origin anywhere.
#[tokio::test(flavor = "multi_thread")]
async fn other_origins_get_nothing() {
    let (s, _dist) = server(&[ALLOWED]).await;
    for path in [
        "/api/v1/customer-groups/1",
        "/spryker/customer-groups",
        &format!("/{JS}"),
    ] {
        let res = preflight(&s, path, EVIL).await;
        assert!(
            res.headers().get("access-control-allow-origin").is_none(),
            "{path}"
        );
        let res = s
            .http
            .get(format!("{}{path}", s.origin))
            .header("origin", EVIL)
            .send()
            .await
            .unwrap();
        assert!(
            res.headers().get("access-control-allow-origin").is_none(),
            "{path}"
        );
    }
    let res = preflight(&s, "/api/v1/customer-groups", "https://shop.example.evil").await;
    assert!(res.headers().get("access-control-allow-origin").is_none());
}

// The allowed origin passes the preflight for every method and header the client uses,
// sees Location, ETag and Idempotent-Replayed, and may load the app's module (a static
// .js); answers vary on Origin.
#[tokio::test(flavor = "multi_thread")]
async fn allowed_origin_gets_cors() {
    let (s, _dist) = server(&["https://other.example", ALLOWED]).await;
    let res = preflight(&s, "/api/v1/customer-groups/1", ALLOWED).await;
    assert!(res.status().is_success());
    assert_eq!(header(&res, "access-control-allow-origin"), ALLOWED);
    let methods = header(&res, "access-control-allow-methods");
    for m in ["get", "post", "put", "patch", "delete"] {
        assert!(methods.contains(m), "{methods}");
    }
    let headers = header(&res, "access-control-allow-headers");
    for h in [
        "authorization",
        "content-type",
        "if-match",
        "idempotency-key",
    ] {
        assert!(headers.contains(h), "{headers}");
    }
    assert!(header(&res, "vary").contains("origin"));
    let res = s
        .http
        .get(s.api("/customer-groups/1"))
        .header("origin", ALLOWED)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "access-control-allow-origin"), ALLOWED);
    let exposed = header(&res, "access-control-expose-headers");
    for h in ["location", "etag", "idempotent-replayed"] {
        assert!(exposed.contains(h), "{exposed}");
    }
    assert!(header(&res, "vary").contains("origin"));
    let res = s
        .http
        .get(format!("{}/{JS}", s.origin))
        .header("origin", ALLOWED)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "access-control-allow-origin"), ALLOWED);
}

/// Asserts the three security headers on `res`.
fn assert_security_headers(res: &reqwest::Response, label: &str) {
    let csp = header(res, "content-security-policy");
    let expected =
        format!("{}; frame-ancestors 'self'", cg_server::security::PAGE_CSP).to_ascii_lowercase();
    assert_eq!(csp, expected, "{label}");
    assert_eq!(header(res, "x-content-type-options"), "nosniff", "{label}");
    assert_eq!(header(res, "referrer-policy"), "no-referrer", "{label}");
}

// API answers, errors (401, 404, 405, 422), static files, the page and a 304 all carry
// the security headers.
#[tokio::test(flavor = "multi_thread")]
async fn security_headers_everywhere() {
    let (s, _dist) = server(&[]).await;
    let anonymous = reqwest::Client::new();
    let cases = [
        (s.http.get(s.api("/customer-groups")), 200),
        (s.http.get(s.api("/customer-groups/99")), 404),
        (s.http.get(s.api("/nope")), 404),
        (s.http.delete(s.api("/customers/1")), 405),
        (
            s.http
                .post(s.api("/customer-groups"))
                .json(&serde_json::json!({})),
            422,
        ),
        (anonymous.get(s.api("/customer-groups")), 401),
        (
            s.http.get(format!("{}/spryker/customer-groups", s.origin)),
            200,
        ),
        (
            anonymous.get(format!("{}/spryker/customers", s.origin)),
            401,
        ),
        (s.http.get(format!("{}/{JS}", s.origin)), 200),
        (
            s.http.get(format!("{}/customer-groups/1/edit", s.origin)),
            200,
        ),
        (s.http.get(format!("{}/missing.js.map", s.origin)), 200),
    ];
    for (req, status) in cases {
        let res = req.send().await.unwrap();
        let label = res.url().to_string();
        assert_eq!(res.status().as_u16(), status, "{label}");
        assert_security_headers(&res, &label);
    }
    let page = s.http.get(format!("{}/", s.origin)).send().await.unwrap();
    let tag = page.headers()["etag"].to_str().unwrap().to_string();
    let res = s
        .http
        .get(format!("{}/", s.origin))
        .header("if-none-match", tag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);
    assert_security_headers(&res, "304");
    let bare = Server::fixture().await;
    let res = bare
        .http
        .get(format!("{}/elsewhere", bare.origin))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert_security_headers(&res, "no app");
}

// DNS rebinding: a page on another domain that resolves to this server must not read
// the served page (which carries the token). Only IP literals, localhost and the hosts
// of allowed origins are answered; any other Host gets 421 before the page or the API.
#[tokio::test]
async fn unknown_hosts_are_refused() {
    let (s, _dist) = server(&[ALLOWED]).await;
    let with_host = |path: &str, host: &str| {
        s.http
            .get(format!("{}{path}", s.origin))
            .header("host", host)
            .send()
    };
    for path in ["/", "/api/v1/customer-groups"] {
        let refused = with_host(path, "evil.example").await.unwrap();
        assert_eq!(refused.status().as_u16(), 421, "{path}");
        let body = refused.text().await.unwrap();
        assert!(!body.contains("auth-token"), "{body}");
    }
    assert_eq!(
        with_host("/", "localhost:8080")
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        with_host("/", "shop.example")
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    let page = with_host("/", "127.0.0.1").await.unwrap();
    assert_eq!(page.status().as_u16(), 200);
}
