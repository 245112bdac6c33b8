//! Serving the built app: files from `dist`, `index.html` for client-side routes (no-cache,
//! ETag), page settings written onto `#cg-app`, compression, and the API and its JSON 404
//! still in front.

use std::path::Path;

use serde_json::json;

use crate::common::{Server, read, write_fixture};

use cg_server::{AppOptions, PageSetting};

const INDEX: &str = "<!doctype html><html><head><title>Customer Groups</title></head><body><div id=\"app\"></div></body></html>\n";

fn make_dist(dir: &Path) {
    std::fs::write(dir.join("index.html"), INDEX).unwrap();
    std::fs::create_dir(dir.join("assets")).unwrap();
    let js = "export function hello() { return 'customer groups'; }\n".repeat(200);
    std::fs::write(dir.join("assets/app.js"), js).unwrap();
}

// Client-side routes get index.html (200, no-cache); files are served as they are.
#[tokio::test(flavor = "multi_thread")]
async fn serves_app_with_index_fallback() {
    let dist = tempfile::tempdir().unwrap();
    make_dist(dist.path());
    let s = Server::start(write_fixture, None, Some(dist.path().to_path_buf())).await;
    for path in [
        "/customer-groups/5/edit",
        "/customer-groups",
        "/",
        "/index.html",
        "/customer-groups/new?tab=customers",
    ] {
        let res = s
            .http
            .get(format!("{}{path}", s.origin))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200, "{path}");
        assert_eq!(res.headers()["cache-control"], "no-cache", "{path}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        assert_eq!(res.text().await.unwrap(), INDEX, "{path}");
    }
    let res = s
        .http
        .get(format!("{}/assets/app.js", s.origin))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers().get("cache-control").is_none());
    assert!(
        res.text()
            .await
            .unwrap()
            .starts_with("export function hello")
    );
}

// Static files are compressed (br preferred, gzip) when the client accepts it.
#[tokio::test(flavor = "multi_thread")]
async fn compresses_static_files() {
    let dist = tempfile::tempdir().unwrap();
    make_dist(dist.path());
    let s = Server::start(write_fixture, None, Some(dist.path().to_path_buf())).await;
    for (accept, expected) in [("br", "br"), ("gzip", "gzip"), ("gzip, br", "br")] {
        let res = s
            .http
            .get(format!("{}/assets/app.js", s.origin))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        assert_eq!(res.headers()["content-encoding"], expected, "{accept}");
        assert!(
            res.bytes().await.unwrap().len() < 2000,
            "{accept}: compressed"
        );
    }
}

// With an app served, the API still answers and unknown API paths stay JSON 404s.
#[tokio::test(flavor = "multi_thread")]
async fn api_stays_in_front_of_the_app() {
    let dist = tempfile::tempdir().unwrap();
    make_dist(dist.path());
    let s = Server::start(write_fixture, None, Some(dist.path().to_path_buf())).await;
    assert_eq!(
        s.get("/nope").await,
        (
            404,
            json!({"message": "There is no API endpoint GET /api/v1/nope."})
        )
    );
    assert_eq!(s.get("/customer-groups").await.1["total"], json!(4));
    let res = s
        .http
        .get(format!("{}/api/v1/nope", s.origin))
        .send()
        .await
        .unwrap();
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
}

// Without an app the other paths are a 404 that points to the API.
#[tokio::test(flavor = "multi_thread")]
async fn without_dist_other_paths_are_404() {
    let s = Server::fixture().await;
    let res = s
        .http
        .get(format!("{}/customer-groups", s.origin))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("/api/v1/customer-groups")
    );
}

// Browsers calling from another origin pass the CORS preflight with Authorization.
#[tokio::test(flavor = "multi_thread")]
async fn cors_preflight_allows_the_app() {
    let s = Server::fixture().await;
    let res = s
        .http
        .request(reqwest::Method::OPTIONS, s.api("/customer-groups/1"))
        .header("origin", "http://localhost:3000")
        .header("access-control-request-method", "PUT")
        .header(
            "access-control-request-headers",
            "authorization,content-type",
        )
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
    let allowed = res.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        allowed.contains("authorization") && allowed.contains("content-type"),
        "{allowed}"
    );
    assert!(
        res.headers()["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("PUT")
    );
    let res = s
        .http
        .get(s.api("/customer-groups"))
        .header("origin", "http://localhost:3000")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
    assert_eq!(read(res).await.0, 200);
}

const APP_INDEX: &str = "<!doctype html><html><head><title>Customer Groups</title></head>\
<body><div id=\"cg-app\" class=\"root\" data-dialect=\"rest\"></div></body></html>\n";

async fn settings_server(settings: &[&str]) -> (Server, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    make_dist(dist.path());
    std::fs::write(dist.path().join("index.html"), APP_INDEX).unwrap();
    let options = AppOptions {
        dist: Some(dist.path().to_path_buf()),
        page_settings: settings
            .iter()
            .map(|s| s.parse::<PageSetting>().unwrap())
            .collect(),
        ..AppOptions::default()
    };
    (Server::start_with(write_fixture, None, options).await, dist)
}

// Every way index.html is served (/, /index.html, client-side routes) carries the page
// settings on #cg-app: escaped, replacing an attribute of the same name; other files are
// untouched.
#[tokio::test(flavor = "multi_thread")]
async fn page_settings_are_written_onto_the_app_element() {
    let (s, _dist) = settings_server(&[
        "dialect=spryker",
        "api-base-url=/spryker/",
        "auth-token=a\"b<c>&'d",
    ])
    .await;
    let expected = APP_INDEX.replace(
        "<div id=\"cg-app\" class=\"root\" data-dialect=\"rest\">",
        "<div id=\"cg-app\" class=\"root\" data-dialect=\"spryker\" \
         data-api-base-url=\"/spryker/\" data-auth-token=\"a&quot;b&lt;c&gt;&amp;&#39;d\">",
    );
    for path in [
        "/",
        "/index.html",
        "/customer-groups/5/edit",
        "/customer-groups?page=2",
        "/assets/",
    ] {
        let res = s
            .http
            .get(format!("{}{path}", s.origin))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200, "{path}");
        assert_eq!(res.headers()["cache-control"], "no-cache", "{path}");
        assert!(res.headers().contains_key("etag"), "{path}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        assert_eq!(res.text().await.unwrap(), expected, "{path}");
    }
    let res = s
        .http
        .get(format!("{}/assets/app.js", s.origin))
        .send()
        .await
        .unwrap();
    assert!(
        res.text()
            .await
            .unwrap()
            .starts_with("export function hello")
    );
    // Compressed, the rewritten page is the same.
    let res = s
        .http
        .get(format!("{}/customer-groups", s.origin))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
}

// The ETag is that of the rewritten page: a matching If-None-Match is a 304, and other
// settings (a restart with another token) or a changed file give another ETag.
#[tokio::test(flavor = "multi_thread")]
async fn index_etag_follows_the_rewritten_page() {
    let (a, dist) = settings_server(&["auth-token=one"]).await;
    let (b, _dist_b) = settings_server(&["auth-token=two"]).await;
    let etag = |s: &Server, path: &'static str| {
        let (http, url) = (s.http.clone(), format!("{}{path}", s.origin));
        async move {
            let res = http.get(url).send().await.unwrap();
            res.headers()["etag"].to_str().unwrap().to_string()
        }
    };
    let tag = etag(&a, "/").await;
    assert_eq!(etag(&a, "/customer-groups/1").await, tag);
    assert_ne!(etag(&b, "/").await, tag);
    let res = a
        .http
        .get(format!("{}/customer-groups", a.origin))
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 304);
    assert_eq!(res.headers()["etag"].to_str().unwrap(), tag);
    assert_eq!(res.headers()["cache-control"], "no-cache");
    let res = b
        .http
        .get(format!("{}/customer-groups", b.origin))
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status().as_u16(),
        200,
        "other settings: not the cached page"
    );
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("data-auth-token=\"two\"")
    );
    std::fs::write(
        dist.path().join("index.html"),
        APP_INDEX.replace("Customer Groups", "New build"),
    )
    .unwrap();
    let res = a
        .http
        .get(format!("{}/", a.origin))
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200, "a new build is served");
    assert!(res.text().await.unwrap().contains("New build"));
}
