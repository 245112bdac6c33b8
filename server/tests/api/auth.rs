//! Authentication: every `/api/v1` request needs the server's bearer token (401 JSON with
//! `WWW-Authenticate: Bearer` otherwise, preflights excepted); without `--token` the
//! database's own random token is used, kept across restarts, written into the served
//! page, and accepted by `/spryker/` too.

use std::path::Path;

use reqwest::Method;
use serde_json::json;

use crate::common::{Server, TEST_TOKEN, client_with_token, read, write_fixture};

const INDEX: &str = "<!doctype html><html><head><title>t</title></head>\
<body><div id=\"cg-app\" data-api-base-url=\"/api/v1/\"></div></body></html>\n";

// No token, another token, another scheme: 401 with the JSON error and the challenge,
// on reads, writes and unknown API paths alike; nothing is written.
#[tokio::test(flavor = "multi_thread")]
async fn api_needs_the_token() {
    let s = Server::fixture().await;
    let before = s.snapshot();
    let anonymous = reqwest::Client::new();
    let wrong = client_with_token("not-the-token");
    let cases = [
        (&anonymous, Method::GET, "/customer-groups", None),
        (&anonymous, Method::GET, "/customers/1", None),
        (
            &anonymous,
            Method::POST,
            "/customer-groups",
            Some(json!({"name": "X"})),
        ),
        (&anonymous, Method::DELETE, "/customer-groups/1", None),
        (&anonymous, Method::GET, "/nope", None),
        (&wrong, Method::GET, "/customer-groups", None),
        (
            &wrong,
            Method::PUT,
            "/customer-groups/1",
            Some(json!({"name": "X"})),
        ),
    ];
    for (client, method, path, body) in cases {
        let label = format!("{method} {path}");
        let mut req = client.request(method, s.api(path)).header("if-match", "*");
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.headers()["www-authenticate"], "Bearer", "{label}");
        let (status, body) = read(res).await;
        assert_eq!(status, 401, "{label}: {body}");
        assert_eq!(body["code"], json!("unauthorized"), "{label}");
        assert!(body["message"].as_str().unwrap().ends_with('.'), "{label}");
    }
    let basic = anonymous
        .get(s.api("/customer-groups"))
        .header("authorization", format!("Basic {TEST_TOKEN}"))
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status(), 401);
    let ok = anonymous
        .get(s.api("/customer-groups"))
        .header("authorization", format!("bearer {TEST_TOKEN}"))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200, "the scheme is case-insensitive");
    assert_eq!(s.snapshot(), before);
}

// A CORS preflight carries no credentials, so it must not be refused for lacking them.
#[tokio::test(flavor = "multi_thread")]
async fn preflight_needs_no_token() {
    let options = cg_server::AppOptions {
        allowed_origins: vec!["https://shop.example".parse().unwrap()],
        ..cg_server::AppOptions::default()
    };
    let s = Server::start_with(write_fixture, None, options).await;
    for path in ["/api/v1/customer-groups/1", "/spryker/customer-groups"] {
        let res = reqwest::Client::new()
            .request(Method::OPTIONS, format!("{}{path}", s.origin))
            .header("origin", "https://shop.example")
            .header("access-control-request-method", "DELETE")
            .header("access-control-request-headers", "authorization,if-match")
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "{path}: {}", res.status());
        assert_eq!(
            res.headers()["access-control-allow-origin"],
            "https://shop.example"
        );
    }
}

/// Starts a server over `db` without a token of its own, serving a minimal app; returns
/// the server task, its origin and the token the served page carries.
async fn start_without_token(
    db: &Path,
    dist: &Path,
    settings: &[&str],
) -> (tokio::task::JoinHandle<()>, String, String) {
    let options = cg_server::AppOptions {
        dist: Some(dist.to_path_buf()),
        page_settings: settings.iter().map(|s| s.parse().unwrap()).collect(),
        ..cg_server::AppOptions::default()
    };
    let (addr, handle) = cg_server::spawn_with(db, None, options).await.unwrap();
    let origin = format!("http://{addr}");
    let page = reqwest::get(format!("{origin}/customer-groups"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = page
        .split("data-auth-token=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no data-auth-token in {page}"))
        .to_string();
    (handle, origin, token)
}

// Without a token of its own the server generates one per database (32 hex digits),
// writes it into the served page, accepts it on both APIs, and keeps it across restarts;
// another database gets another token; an explicit auth-token page setting still wins.
#[tokio::test(flavor = "multi_thread")]
async fn database_token_is_generated_kept_and_served() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), INDEX).unwrap();
    let db = dir.path().join("a.db");
    write_fixture(&db);
    let (first, origin, token) = start_without_token(&db, dir.path(), &[]).await;
    assert_eq!(token.len(), 32, "{token}");
    assert!(token.bytes().all(|b| b.is_ascii_hexdigit()), "{token}");
    let client = client_with_token(&token);
    for path in ["/api/v1/customer-groups", "/spryker/customer-groups"] {
        let res = client.get(format!("{origin}{path}")).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
    }
    let res = client_with_token(TEST_TOKEN)
        .get(format!("{origin}/api/v1/customer-groups"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    first.abort();

    let (again, _, kept) = start_without_token(&db, dir.path(), &[]).await;
    assert_eq!(
        kept, token,
        "a restart over the same database keeps the token"
    );
    again.abort();
    let other_db = dir.path().join("b.db");
    let (other, _, other_token) = start_without_token(&other_db, dir.path(), &[]).await;
    assert_ne!(other_token, token);
    other.abort();
    let (given, _, shown) = start_without_token(&db, dir.path(), &["auth-token=shown"]).await;
    assert_eq!(shown, "shown", "--page-setting auth-token wins");
    given.abort();
}
