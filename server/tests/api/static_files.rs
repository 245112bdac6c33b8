//! Serving the built app: files from `dist`, `index.html` for client-side routes (no-cache,
//! ETag), page settings written onto `#cg-app`, compression (precompressed `.br`/`.gz`
//! siblings first, on the fly otherwise, `Vary: Accept-Encoding`), a year of immutable
//! caching for hashed assets, and the API and its JSON 404 still in front.

use std::path::Path;

use serde_json::json;

use crate::common::{Server, write_fixture};

use cg_server::{AppOptions, PageRoute, PageSetting};

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
            json!({"message": "There is no API endpoint GET /api/v1/nope.", "code": "not_found"})
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

const JS: &str = "customer-groups-admin-0123456789abcdef.js";
const WASM: &str = "customer-groups-admin-0123456789abcdef_bg.wasm";
const CSS: &str = "components-fedcba9876543210.css";

/// A dist as `cargo xtask dist` leaves it: hashed assets with `.br` and `.gz` siblings
/// (stand-in bytes, so the test sees which file was sent), and unhashed `loader.js`.
fn make_release_dist(dir: &Path) {
    make_dist(dir);
    for name in [JS, WASM, CSS] {
        std::fs::write(dir.join(name), format!("original {name} ").repeat(100)).unwrap();
        std::fs::write(dir.join(format!("{name}.br")), format!("br of {name}")).unwrap();
        std::fs::write(dir.join(format!("{name}.gz")), format!("gz of {name}")).unwrap();
    }
    std::fs::write(dir.join("loader.js"), "const tag = 1;\n".repeat(100)).unwrap();
}

async fn get_with(s: &Server, path: &str, accept: Option<&str>) -> reqwest::Response {
    let mut req = s.http.get(format!("{}/{path}", s.origin));
    if let Some(a) = accept {
        req = req.header("accept-encoding", a);
    }
    req.send().await.unwrap()
}

fn header<'a>(res: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    res.headers().get(name).map(|v| v.to_str().unwrap())
}

fn varies_on_encoding(res: &reqwest::Response) -> bool {
    res.headers().get_all("vary").iter().any(|v| {
        v.to_str()
            .unwrap()
            .to_ascii_lowercase()
            .contains("accept-encoding")
    })
}

// A client that accepts brotli gets the .br file written by the build, with the
// original's type; gzip-only clients get the .gz file; both vary on Accept-Encoding.
#[tokio::test(flavor = "multi_thread")]
async fn precompressed_siblings_are_served() {
    let dist = tempfile::tempdir().unwrap();
    make_release_dist(dist.path());
    let s = Server::start(write_fixture, None, Some(dist.path().to_path_buf())).await;
    let types = [
        (JS, "text/javascript"),
        (WASM, "application/wasm"),
        (CSS, "text/css"),
    ];
    for (name, content_type) in types {
        for (accept, encoding) in [
            ("br", "br"),
            ("gzip, deflate, br, zstd", "br"),
            ("gzip", "gzip"),
            ("gzip, br;q=0.5", "gzip"),
        ] {
            let res = get_with(&s, name, Some(accept)).await;
            assert_eq!(res.status().as_u16(), 200, "{name} {accept}");
            assert_eq!(
                header(&res, "content-encoding"),
                Some(encoding),
                "{name} {accept}"
            );
            assert!(
                header(&res, "content-type")
                    .unwrap()
                    .starts_with(content_type),
                "{name} {accept}: {:?}",
                header(&res, "content-type")
            );
            assert!(varies_on_encoding(&res), "{name} {accept}");
            let ext = if encoding == "br" { "br" } else { "gz" };
            assert_eq!(
                res.text().await.unwrap(),
                format!("{ext} of {name}"),
                "{name} {accept}: the precompressed file as it is"
            );
        }
    }
}

// Without Accept-Encoding (or with identity only) the original bytes, unencoded.
#[tokio::test(flavor = "multi_thread")]
async fn identity_without_accept_encoding() {
    let dist = tempfile::tempdir().unwrap();
    make_release_dist(dist.path());
    let s = Server::start(write_fixture, None, Some(dist.path().to_path_buf())).await;
    for accept in [None, Some("identity")] {
        let res = get_with(&s, WASM, accept).await;
        assert_eq!(res.status().as_u16(), 200);
        assert_eq!(header(&res, "content-encoding"), None, "{accept:?}");
        assert_eq!(header(&res, "content-type"), Some("application/wasm"));
        assert!(varies_on_encoding(&res), "{accept:?}");
        assert_eq!(
            res.text().await.unwrap(),
            format!("original {WASM} ").repeat(100)
        );
    }
}

// Hashed assets are cached for a year, whatever the encoding; unhashed files
// (loader.js) and index.html (also for client routes) are not.
#[tokio::test(flavor = "multi_thread")]
async fn hashed_assets_are_immutable_index_is_no_cache() {
    let dist = tempfile::tempdir().unwrap();
    make_release_dist(dist.path());
    let s = Server::start(write_fixture, None, Some(dist.path().to_path_buf())).await;
    for name in [JS, WASM, CSS] {
        for accept in [None, Some("gzip"), Some("br")] {
            let res = get_with(&s, name, accept).await;
            assert_eq!(
                header(&res, "cache-control"),
                Some("public, max-age=31536000, immutable"),
                "{name} {accept:?}"
            );
        }
    }
    let res = get_with(&s, "loader.js", Some("br")).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(
        header(&res, "cache-control"),
        None,
        "loader.js is not hashed"
    );
    assert_eq!(
        header(&res, "content-encoding"),
        Some("br"),
        "compressed on the fly"
    );
    assert!(varies_on_encoding(&res));
    for path in [
        "",
        "index.html",
        "customer-groups/5/edit",
        "missing-0123456789abcdef.js",
    ] {
        let res = get_with(&s, path, Some("gzip, br")).await;
        assert_eq!(res.status().as_u16(), 200, "{path}");
        assert_eq!(header(&res, "cache-control"), Some("no-cache"), "{path}");
        assert!(
            header(&res, "content-type")
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        assert!(varies_on_encoding(&res), "{path}");
    }
}

const HOST_PAGE: &str = "<!doctype html><html><head><title>Back office</title></head><body>\
<header id=\"bo-header\">Back office</header>\
<customer-groups-admin base-path=\"/admin/customer-groups\"></customer-groups-admin></body></html>\n";

// A page route answers its prefix, every path under it and its own file name with the
// host page, the page settings (the token first) written onto its custom element as the
// attributes it reads; everything else still gets index.html, and files are files.
#[tokio::test(flavor = "multi_thread")]
async fn page_routes_answer_with_the_host_page() {
    let dist = tempfile::tempdir().unwrap();
    make_dist(dist.path());
    std::fs::write(dist.path().join("index.html"), APP_INDEX).unwrap();
    std::fs::write(dist.path().join("embed-example.html"), HOST_PAGE).unwrap();
    let options = AppOptions {
        dist: Some(dist.path().to_path_buf()),
        token: Some("host-token".into()),
        page_settings: vec!["locale=de".parse::<PageSetting>().unwrap()],
        page_routes: vec![
            "/admin/customer-groups=embed-example.html"
                .parse::<PageRoute>()
                .unwrap(),
        ],
        ..AppOptions::default()
    };
    let s = Server::start_with(write_fixture, None, options).await;
    let host = HOST_PAGE.replace(
        "<customer-groups-admin base-path=\"/admin/customer-groups\">",
        "<customer-groups-admin base-path=\"/admin/customer-groups\" locale=\"de\" \
         auth-token=\"host-token\">",
    );
    for path in [
        "/admin/customer-groups",
        "/admin/customer-groups/",
        "/admin/customer-groups/new",
        "/admin/customer-groups/5/edit?tab=customers",
        "/admin/customer-groups/missing-0123456789abcdef.js",
        "/embed-example.html",
    ] {
        let res = get_with(&s, &path[1..], None).await;
        assert_eq!(res.status().as_u16(), 200, "{path}");
        assert_eq!(header(&res, "cache-control"), Some("no-cache"), "{path}");
        assert!(
            header(&res, "content-type")
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        assert!(
            header(&res, "content-security-policy")
                .unwrap()
                .contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{path}: the host page gets the app page's CSP"
        );
        assert_eq!(res.text().await.unwrap(), host, "{path}");
    }
    let app = APP_INDEX.replace(
        "data-dialect=\"rest\">",
        "data-dialect=\"rest\" data-locale=\"de\" data-auth-token=\"host-token\">",
    );
    for path in [
        "/",
        "/customer-groups/1",
        "/admin",
        "/admin/customer-groups-old",
        "/x/embed-example.html",
    ] {
        let res = get_with(&s, &path[1..], None).await;
        assert_eq!(res.status().as_u16(), 200, "{path}");
        assert_eq!(res.text().await.unwrap(), app, "{path}");
    }
    let res = get_with(&s, "assets/app.js", None).await;
    assert!(
        res.text()
            .await
            .unwrap()
            .starts_with("export function hello")
    );
}
